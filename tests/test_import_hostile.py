"""Hostile and broken input: one clear sentence, exit 1, no traceback, nothing written, store as before."""

from __future__ import annotations

import hashlib
import os
import zipfile

import pytest
from exports import build_export, sample_posts, write_folder, write_zip

from crosspost.cli.main import main


def _store_digest(data_dir):
    """Everything a user could see in the store: every row of every table."""
    import sqlite3

    path = data_dir / "crosspost.db"
    if not path.exists():
        return None
    conn = sqlite3.connect(path)
    digest = hashlib.sha256()
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


def _files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.fixture
def seeded(tmp_path, data_dir):
    """A store that already holds an import, so "unchanged" means something."""
    good = write_zip(tmp_path / "good.zip", build_export("json-2025", sample_posts(3)))
    assert main(["--data-dir", str(data_dir), "import", str(good)]) == 0
    return data_dir


def _bad(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _zip(tmp_path, name, members: dict[str, bytes]):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, data in members.items():
            z.writestr(member, data)
    return path


def _truncated(tmp_path):
    data = build_export("json-2025", sample_posts(5))["user_data_tiktok.json"]
    return _bad(tmp_path, "user_data_tiktok.json", data[: len(data) * 2 // 3])


def _truncated_after_posts(tmp_path):
    data = build_export("json-2025", sample_posts(5))["user_data_tiktok.json"]
    return _bad(tmp_path, "user_data_tiktok.json", data[:-40])


CASES = {
    "truncated json": (_truncated, "truncated"),
    "truncated after the posts": (_truncated_after_posts, "truncated"),
    "json that is not an export": (
        lambda t: _bad(t, "data.json", b'{"foo": [1, 2, 3], "bar": {"baz": null}}'),
        "not a TikTok export",
    ),
    "json array": (lambda t: _bad(t, "data.json", b"[1, 2, 3]"), "not a TikTok export"),
    "empty json file": (lambda t: _bad(t, "user_data_tiktok.json", b""), "empty"),
    "random bytes named zip": (lambda t: _bad(t, "export.zip", os.urandom(4096)), "not a zip file"),
    "damaged zip": (lambda t: _bad(t, "export.zip", b"PK\x03\x04" + os.urandom(300)), "not a readable zip"),
    "empty zip": (lambda t: _zip(t, "empty.zip", {}), "holds no TikTok export"),
    "zip with no export inside": (
        lambda t: _zip(t, "photos.zip", {"a.jpg": b"\xff\xd8\xff", "notes.txt": b"hello"}),
        "not a TikTok export",
    ),
    "non-utf8 json": (
        lambda t: _bad(
            t,
            "user_data_tiktok.json",
            '{"Post": {"Posts": {"VideoList": [{"Date": "2024-01-01 00:00:00", "Title": "café"}]}}}'.encode("latin-1"),
        ),
        "not UTF-8",
    ),
    "non-utf8 txt": (
        lambda t: write_folder(
            t / "exp", {"Post/Posts.txt": "Date: 2024-01-01 00:00:00 UTC\nTitle: café\n".encode("utf-16")}
        ),
        "not UTF-8",
    ),
    "missing path": (lambda t: t / "does-not-exist.zip", "does not exist"),
    "empty directory": (lambda t: (t / "empty").mkdir() or (t / "empty"), "holds no TikTok export"),
    "pdf": (lambda t: _bad(t, "export.pdf", b"%PDF-1.4 hello"), "not a TikTok export"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_cleanly(case, seeded, tmp_path, capsys):
    make, expected = CASES[case]
    outside = tmp_path / "inputs"
    outside.mkdir()
    path = make(outside)
    before_store = _store_digest(seeded)
    before_files = _files(tmp_path)
    code = main(["--data-dir", str(seeded), "import", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("crosspost: ")
    assert expected.lower() in err.lower()
    assert _store_digest(seeded) == before_store
    assert _files(tmp_path) == before_files


def test_zip_slip_entries_are_never_written(data_dir, tmp_path, capsys):
    files = build_export("txt-posts", sample_posts(2))
    path = tmp_path / "slip.zip"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
        z.writestr("../../escaped/Posts.txt", b"Date: 2020-01-01 00:00:00 UTC\nLink: https://evil/\n")
        z.writestr("/etc/evil/Posts.txt", b"Date: 2020-01-01 00:00:00 UTC\n")
    before = _files(tmp_path)
    assert main(["--data-dir", str(data_dir), "import", "--json", str(path)]) == 0
    out = capsys.readouterr()
    assert "escaped" in out.err and "outside the archive" in out.err
    import json

    result = json.loads(out.out)
    assert result["added"] == 2
    assert any("outside the archive" in w for w in result["warnings"])
    new_files = [f for f in _files(tmp_path) if f not in before]
    assert new_files and all(f.startswith("data") for f in new_files)
    assert not (tmp_path.parent / "escaped").exists() and not os.path.exists("/etc/evil")


def test_zip_bomb_is_refused_before_inflating(seeded, tmp_path, capsys):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("user_data_tiktok.json", "w", force_zip64=True) as member:
            member.write(b'{"Post": ')
            block = b" " * (8 * 1024 * 1024)
            for _ in range(32):  # 256 MiB of whitespace, about 250 KiB compressed
                member.write(block)
            member.write(b"{}}")
    assert path.stat().st_size < 2 * 1024 * 1024
    before = _store_digest(seeded)
    assert main(["--data-dir", str(seeded), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "zip bomb" in err and "Traceback" not in err
    assert _store_digest(seeded) == before


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["import"])
    assert exc.value.code == 2


def test_media_dir_that_is_not_a_folder(seeded, tmp_path, capsys):
    good = write_zip(tmp_path / "g.zip", build_export("json-2025", sample_posts(1)))
    assert main(["--data-dir", str(seeded), "import", str(good), "--media", str(tmp_path / "nope")]) == 1
    assert "is not a folder" in capsys.readouterr().err
