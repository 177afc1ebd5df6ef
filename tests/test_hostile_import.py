"""Hostile exports and input found by attacking the app (issue 14, import side): each ends in a clear
sentence and exit 1, or simply works; nothing hangs, nothing blanks what the store knew."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from crosspost.cli.main import main
from exports import Post, build_export, json_export_dict, sample_posts, write_folder, write_zip

ROOT = Path(__file__).resolve().parents[1]


def run(data_dir, *argv, capsys=None):
    """The CLI in-process: (exit status, stdout, stderr)."""
    code = main(["--data-dir", str(data_dir), *map(str, argv)])
    out, err = capsys.readouterr() if capsys else ("", "")
    return code, out, err


def run_process(data_dir, *argv, timeout: float):
    """The CLI as a separate process, killed after TIMEOUT seconds (a hang fails the test)."""
    return subprocess.run([sys.executable, "-m", "crosspost", "--data-dir", str(data_dir), *map(str, argv)],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _json_file(tmp_path, data: dict | bytes, name="user_data_tiktok.json") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode())
    return path


# --- 5. a second or nested "Profile" object ------------------------------------------------------

@pytest.mark.parametrize("where", ["nested", "second", "both"])
def test_second_or_nested_profile_does_not_loop_forever(tmp_path, data_dir, where):
    data = json_export_dict("json-2025", sample_posts(3))
    if where in ("nested", "both"):
        data["Profile"]["Profile Info"]["Profile"] = {"userName": "someone_else"}
    if where in ("second", "both"):
        data["Zz Settings"] = {"Profile": {"userName": "another", "bio": "x"}}
    path = _json_file(tmp_path, data)
    done = run_process(data_dir, "import", path, "--json", timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["added"] == 3
    listed = run_process(data_dir, "posts", "list", "--json", timeout=60)
    assert {p["account"] for p in json.loads(listed.stdout)} == {"alice_bakes"}


# --- 6. deep nesting -----------------------------------------------------------------------------

@pytest.mark.parametrize("shape", ["arrays in the posts", "objects in the profile"])
def test_deeply_nested_json_is_refused_without_eating_memory(tmp_path, data_dir, shape):
    n = 100_000
    if shape == "arrays in the posts":
        data = b'{"Post": {"Posts": ' + b"[" * n + b"]" * n + b"}}"
    else:
        data = b'{"Profile": {"a": ' + b'{"x":' * n + b"1" + b"}" * n + b"}}"
    path = _json_file(tmp_path, data)
    # 1 GB of address space: the unguarded parser needs tens of GB for this file.
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
    done = subprocess.run(
        [sys.executable, "-c", limit + "import sys; from crosspost.cli.main import main; sys.exit(main(sys.argv[1:]))",
         "--data-dir", str(data_dir), "import", str(path)],
        capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 1, done.stderr
    assert "levels deep" in one_sentence(done.stderr)


def test_depth_guard_follows_strings_escapes_and_block_edges():
    """Brackets inside strings (with escaped quotes and backslashes) never count, wherever the
    blocks are cut; real nesting just past the limit is caught, just under it is not."""
    from crosspost.errors import UserError
    from crosspost.importing.json_depth import DepthGuard

    rng = random.Random(14)
    tricky = 'a[[{{ " ]]} \\" x\\'  # brackets, a quote, an escaped backslash, a trailing backslash

    def nested(depth):
        value = json.dumps([tricky, "\\", "{[" * 50])
        for _ in range(depth - 1):
            if rng.random() < .5:
                value = '{"k": %s, "v": %s}' % (json.dumps(tricky), value)
            else:
                value = '[%s, "]]]"]' % value
        json.loads(value)  # the document is valid JSON
        return value.encode()

    for depth, allowed in ((20, True), (256, True), (257, False)):
        document = nested(depth)
        for _ in range(10):
            guard = DepthGuard("x.json")
            cuts = sorted(rng.sample(range(1, len(document)), 30))
            blocks = [document[a:b] for a, b in zip([0, *cuts], [*cuts, len(document)])]
            try:
                for block in blocks:
                    guard.check(block)
                refused = False
            except UserError:
                refused = True
            assert refused is not allowed, (depth, cuts)


# --- 16. one huge token in a caption -------------------------------------------------------------

def test_caption_text_handling_is_linear_on_one_huge_token():
    """A 2,000,000-character token: minutes to hours with the old patterns (quadratic and worse),
    well under a second each now; the time-out only stops a regression from hanging the suite."""
    code = (
        "from crosspost.drafts.compose import title_from, body_without_trailing_tags, compose\n"
        "from crosspost.translation.protect import segment, protected_tokens, scrub\n"
        "from crosspost.platforms import get_profile\n"
        "for token in ('a' * 2_000_000, 'x.y+' * 500_000, 'a@' * 1_000_000):\n"
        "    title_from(token); segment(token); protected_tokens(token); scrub(token)\n"
        "tags = 'x ' + '#a' * 1_000_000\n"
        "assert body_without_trailing_tags(tags) == 'x'\n"
        "assert body_without_trailing_tags('x ' + '#a ' * 500_000 + 'end') .endswith('end')\n"
        "compose(get_profile('rednote'), 'b' * 2_000_000 + ' #tag', None, 'original', ['tag'], None)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_trailing_tags_are_still_moved_to_topics():
    from crosspost.drafts.compose import body_without_trailing_tags

    assert body_without_trailing_tags("Sourdough day\n#baking #bread ") == "Sourdough day"
    assert body_without_trailing_tags("#a #b") == ""
    assert body_without_trailing_tags("mid #tag text") == "mid #tag text"
    assert body_without_trailing_tags("glued#a#b") == "glued"


# --- 17. JSON errors in one sentence -------------------------------------------------------------

def test_json_syntax_error_is_one_sentence(tmp_path, data_dir, capsys):
    path = _json_file(tmp_path, b'{"Post": {"Posts": {"VideoList": [{"Date": "2024-01-01 00:00:00", Title: 1}]}}}')
    code, _, err = run(data_dir, "import", path, capsys=capsys)
    assert code == 1
    assert "not valid JSON" in one_sentence(err)


# --- 12. damaged zip members ---------------------------------------------------------------------

def _member_offsets(data: bytes, name: str) -> tuple[int, int]:
    """Where NAME's local header and central directory header start in the zip bytes DATA."""
    encoded = name.encode()
    local = data.index(b"PK\x03\x04")
    while data[local + 30:local + 30 + len(encoded)] != encoded:
        local = data.index(b"PK\x03\x04", local + 4)
    central = data.index(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(encoded)] != encoded:
        central = data.index(b"PK\x01\x02", central + 4)
    return local, central


def _damaged_zip(tmp_path, how: str) -> Path:
    posts = sample_posts(4)
    files = build_export("json-2025", posts)
    name = "user_data_tiktok.json"
    path = tmp_path / f"{how.replace(' ', '_')}.zip"
    method = zipfile.ZIP_STORED if how in ("bad crc", "understated size") else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", method) as z:
        z.writestr(name, files[name])
    data = bytearray(path.read_bytes())
    local, central = _member_offsets(bytes(data), name)
    start = local + 30 + len(name) + int.from_bytes(data[local + 28:local + 30], "little")
    size = int.from_bytes(data[central + 20:central + 24], "little")
    if how == "bad crc":  # one letter of a caption changed: still valid JSON, wrong checksum
        at = data.index(b"sourdough", start)
        data[at] = ord("S")
    elif how == "corrupt deflate data":
        for i in range(start + size // 3, start + size // 3 + 64):
            data[i] ^= 0x5A
    elif how == "local header name differs":
        data[local + 30] = ord("X")
    elif how == "understated size":
        data[central + 24:central + 28] = (len(files[name]) // 2).to_bytes(4, "little")
        data[central + 20:central + 24] = (len(files[name]) // 2).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("how", ["bad crc", "corrupt deflate data", "local header name differs", "understated size"])
def test_damaged_zip_member_is_one_sentence_and_exit_1(tmp_path, data_dir, capsys, how):
    good = write_zip(tmp_path / "good.zip", build_export("json-2025", sample_posts(2, dt.datetime(2023, 1, 1))))
    assert run(data_dir, "import", good)[0] == 0
    capsys.readouterr()
    code, _, err = run(data_dir, "import", _damaged_zip(tmp_path, how), capsys=capsys)
    assert code == 1
    sentence = one_sentence(err)
    assert "damaged" in sentence or "not a readable zip" in sentence or "cut off" in sentence, sentence
    code, out, _ = run(data_dir, "posts", "list", "--json", capsys=capsys)
    assert len(json.loads(out)) == 2  # the store as it was


# --- 17. FIFOs named like export files -----------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_fifo_named_json_is_refused_not_waited_on(tmp_path, data_dir):
    fifo = tmp_path / "user_data_tiktok.json"
    os.mkfifo(fifo)
    done = run_process(data_dir, "import", fifo, timeout=60)
    assert done.returncode == 1
    assert "not a regular file" in one_sentence(done.stderr)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_fifo_in_a_folder_export_is_skipped_with_a_warning(tmp_path, data_dir):
    folder = write_folder(tmp_path / "export", build_export("json-2025", sample_posts(2)))
    (folder / "Post").mkdir()
    os.mkfifo(folder / "Post" / "Posts.txt")
    done = run_process(data_dir, "import", folder, "--json", timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["added"] == 2
    assert any("Posts.txt" in w and "not a regular file" in w for w in json.loads(done.stdout)["warnings"])

    only_fifo = tmp_path / "txt-export"
    (only_fifo / "Post").mkdir(parents=True)
    os.mkfifo(only_fifo / "Post" / "Posts.txt")
    done = run_process(data_dir, "import", only_fifo, timeout=60)
    assert done.returncode == 1
    one_sentence(done.stderr)
