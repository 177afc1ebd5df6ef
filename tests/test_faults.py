"""Faults of the machine, through the real command: damaged, read-only, empty and newer stores, a
full disk, names too long for the filesystem, a render over its own input (issue 14, items 1, 10, 11,
14). Each ends in one sentence on stderr and exit 1, never a traceback, the store as it was."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess

import procs
import pytest
from exports import build_export, sample_posts, write_zip

from crosspost.store.versions import SCHEMA_VERSION


@pytest.fixture
def filled(data_dir, tmp_path):
    """A data dir with a store holding 40 imported posts."""
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(40)))
    code, _, err = procs.run(data_dir, "import", export)
    assert code == 0, err
    return data_dir


# -- item 11: damaged stores ---------------------------------------------------------------------


def test_store_with_bad_pages_is_reported_not_a_traceback(filled):
    """The schema reads fine, but the posts' own pages are garbage: every command that meets them
    says the store is damaged (before: a "malformed" traceback on every command)."""
    db_path = filled / "crosspost.db"
    db = sqlite3.connect(db_path)
    page = db.execute("PRAGMA page_size").fetchone()[0]
    pages = sorted(
        r[0]
        for r in db.execute(
            "SELECT pageno FROM dbstat WHERE name IN ('posts', 'posts_fts_data', 'drafts') AND pageno > 1"
        )
    )
    db.close()
    assert pages
    rng = random.Random(14)
    with open(db_path, "r+b") as f:
        for number in pages:
            f.seek((number - 1) * page)
            f.write(bytes(rng.randrange(256) for _ in range(page)))
    for args in (
        ["posts", "list"],
        ["posts", "show", "1"],
        ["drafts", "list"],
        ["posts", "list", "--search", "run"],
        ["import", filled.parent / "e.zip"],
    ):
        code, out, err = procs.run(filled, *args)
        procs.assert_clean_failure(code, err)
        assert "is damaged" in err, err


def test_data_dir_that_is_a_file(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    code, out, err = procs.run(blocker, "posts", "list")
    procs.assert_clean_failure(code, err)
    assert "is a file, not a folder" in err
    assert blocker.read_text() == "not a folder"


def test_read_only_store_file(filled):
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount of the store needs root (root ignores file permissions)")
    db_path = filled / "crosspost.db"
    before = db_path.read_bytes()
    if subprocess.run(["mount", "--bind", str(db_path), str(db_path)]).returncode:
        pytest.skip("this machine does not let the test bind-mount a file")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(db_path)], check=True)
        code, out, err = procs.run(filled, "glossary", "add", "bread", "面包")
        procs.assert_clean_failure(code, err)
        assert "read-only" in err and "damaged" not in err, err
    finally:
        subprocess.run(["umount", str(db_path)])
    assert db_path.read_bytes() == before


def test_empty_store_file_is_kept_aside_and_said(data_dir):
    (data_dir / "crosspost.db").write_bytes(b"")
    code, out, err = procs.run(data_dir, "posts", "list", "--json")
    assert code == 0, err
    assert out.strip() == "[]"
    kept = [p for p in data_dir.iterdir() if p.name.startswith("crosspost.db.empty-")]
    assert len(kept) == 1 and kept[0].stat().st_size == 0
    assert "empty file (0 bytes)" in err and kept[0].name in err
    # the new store is a real one, and the next command says nothing more
    code, out, err = procs.run(data_dir, "posts", "list")
    assert code == 0 and "empty" not in err


def test_store_from_a_newer_crosspost_is_never_opened_for_writing(filled):
    """A store with a migration (and a user_version) this code does not know is refused, and left
    exactly as it was (before: user_version was set back and the store was written to)."""
    db_path = filled / "crosspost.db"
    db = sqlite3.connect(db_path)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('crosspost', '9999_from_the_future', '2031-01-01')"
    )
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    for args in (["posts", "list"], ["glossary", "add", "bread", "面包"]):
        code, out, err = procs.run(filled, *args)
        procs.assert_clean_failure(code, err)
        assert "newer Crosspost" in err
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert db.execute("SELECT count(*) FROM glossary").fetchone()[0] == 0


def test_unknown_migration_name_alone_is_refused(filled):
    """Same schema number, but a migration this code never shipped (another branch's 0005)."""
    db = sqlite3.connect(filled / "crosspost.db")
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('crosspost', '0099_someone_elses', '2031-01-01')"
    )
    db.commit()
    db.close()
    code, out, err = procs.run(filled, "posts", "list")
    procs.assert_clean_failure(code, err)
    assert "newer Crosspost" in err


# -- item 1: a language pack's codes never become path parts -----------------------------------------


def _with_metadata(pack, out, **changes):
    import json
    import zipfile

    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("/metadata.json"):
                meta = json.loads(data)
                meta.update(changes)
                data = json.dumps(meta).encode()
            dst.writestr(info, data)
    return out


@pytest.mark.parametrize(
    "from_code", ["x/../../../../victim", "x_y/../../../../victim", "..", "en/zh", "en\\..\\..", "e" * 300, "EN", 7]
)
def test_pack_with_path_parts_in_its_codes_is_refused(data_dir, tmp_path, argos_packs, from_code):
    victim = tmp_path / "victim_zh"  # what x/../../../../victim + "_zh" pointed at from languages/packages
    victim.mkdir()
    (victim / "precious.txt").write_text("keep me")
    hostile = _with_metadata(argos_packs[("en", "zh")], tmp_path / "hostile.argosmodel", from_code=from_code)
    code, out, err = procs.run(data_dir, "languages", "install", hostile)
    procs.assert_clean_failure(code, err)
    assert "not a language code" in err
    assert (victim / "precious.txt").read_text() == "keep me"
    assert sorted(p.name for p in victim.iterdir()) == ["precious.txt"]
    packages = data_dir / "languages" / "packages"
    assert not packages.exists() or [p.name for p in packages.iterdir() if not p.name.startswith(".")] == []


# -- item 14: names in bytes, never over an input ------------------------------------------------------


def test_export_with_a_60_emoji_title(data_dir, tmp_path, capsys):
    from media_files import jpeg

    from crosspost.cli.main import main

    posts = sample_posts(2)
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    media = tmp_path / "media"
    media.mkdir()
    jpeg(media / f"{posts[0].video_id}.jpg", 900, 1200)
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "import", str(export), "--media", str(media)]) == 0
    assert main([*d, "--json", "drafts", "create", "1", "2", "--platform", "rednote", "--layout", "original"]) == 0
    capsys.readouterr()
    title = "🧑🏽‍🍳" * 20 + "😀" * 40  # 20 clusters of 15 bytes and 40 of 4: 460 bytes
    assert main([*d, "drafts", "edit", "1", "--title", title]) == 0
    out_dir = tmp_path / "out"
    for as_zip in ([], ["--zip"]):
        capsys.readouterr()
        code = main([*d, "drafts", "export", "1", "--to", str(out_dir), "--force", *as_zip])
        err = capsys.readouterr().err
        assert code == 0, err
    names = sorted(p.name for p in out_dir.iterdir())
    assert len(names) == 2 and all(len(n.encode()) <= 255 for n in names), names
    assert names[0].split(" ", 1)[1].startswith("🧑🏽‍🍳")  # whole emoji, never a cut one
    assert not any(n.startswith(".") for n in names)


def test_render_never_writes_over_its_input(tmp_path, capsys):
    from media_files import jpeg

    from crosspost.cli.main import main

    photo = jpeg(tmp_path / "photo.jpg", 900, 1200)
    other = jpeg(tmp_path / "other.jpg", 800, 600)
    before = photo.read_bytes()
    for args in (
        ["photo.jpg", "-o", "photo.jpg"],
        ["photo.jpg", "-o", "./sub/../photo.jpg"],
        ["photo.jpg", "other.jpg", "-o", "."],
    ):
        (tmp_path / "sub").mkdir(exist_ok=True)
        cwd = os.getcwd()
        os.chdir(tmp_path)
        try:
            code = main(["render", *args, "--platform", "rednote"])
        finally:
            os.chdir(cwd)
        err = capsys.readouterr().err
        assert code == 1 and "one of the files being rendered" in err, err
        assert photo.read_bytes() == before
    os.link(photo, tmp_path / "hardlink.jpg")
    assert main(["render", str(photo), "--platform", "rednote", "-o", str(tmp_path / "hardlink.jpg")]) == 1
    assert photo.read_bytes() == before and other.exists()


# -- item 10: a full disk ------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A 24 MB tmpfs mounted by the test (needs root; skipped otherwise), unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)]).returncode:
        pytest.skip("this machine does not let the test mount a tmpfs")
    yield mount
    subprocess.run(["umount", "-l", str(mount)])


def _fill(folder, leave: int = 0):
    """Fill the disk holding FOLDER, leaving about LEAVE bytes."""
    import shutil

    filler = folder / "filler.bin"
    with open(filler, "wb") as f:
        while shutil.disk_usage(folder).free > leave + (1 << 20):
            f.write(b"\0" * (1 << 20))
        try:
            while shutil.disk_usage(folder).free > leave:
                f.write(b"\0" * 4096)
                f.flush()
        except OSError:
            pass
    return filler


def test_full_disk_gives_one_sentence_for_every_command(small_disk, tmp_path, argos_packs):
    from media_files import jpeg, video

    data_dir = small_disk / "data"
    posts = sample_posts(3)
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    big_export = write_zip(tmp_path / "big.zip", build_export("json-2025", sample_posts(2000)))
    media = tmp_path / "media"
    media.mkdir()
    jpeg(media / f"{posts[0].video_id}.jpg", 1600, 1200)
    clip = video(tmp_path / "clip.mp4", 640, 1136, seconds=2)
    photo = jpeg(tmp_path / "photo.jpg", 3000, 4000, quality=95)
    assert procs.run(data_dir, "import", export, "--media", media)[0] == 0
    assert procs.run(data_dir, "drafts", "create", "1", "--platform", "rednote", "--layout", "original")[0] == 0
    db = sqlite3.connect(data_dir / "crosspost.db")
    before = db.execute("SELECT (SELECT count(*) FROM posts), (SELECT count(*) FROM drafts)").fetchone()
    db.close()
    filler = _fill(small_disk)
    out_dir = small_disk / "out"
    commands = [
        ["import", big_export],
        ["drafts", "create", "2", "3", "--platform", "instagram", "--layout", "original"],
        ["drafts", "render", "1"],
        ["drafts", "export", "1", "--to", out_dir, "--force"],
        ["posts", "attach", "2", photo],
        ["languages", "install", argos_packs[("en", "zh")]],
        ["render", photo, "--platform", "rednote", "-o", small_disk / "one.jpg"],
        ["render", clip, "--platform", "rednote", "-o", small_disk / "one.mp4"],
    ]
    for args in commands:
        code, out, err = procs.run(data_dir, *args)
        procs.assert_clean_failure(code, err)
        assert "is full" in err and "free" in err, (args, err)
        assert err.count("\n") == 1, err
    filler.unlink()
    # Room to open the store and write a little, not to render, install a pack or import 2000 posts:
    # the full disk is met half-way through the work itself.
    filler = _fill(small_disk, leave=160_000)
    for args in (
        ["drafts", "render", "1"],
        ["languages", "install", argos_packs[("en", "zh")]],
        ["import", big_export],
    ):
        code, out, err = procs.run(data_dir, *args)
        procs.assert_clean_failure(code, err)
        assert f"The disk holding {data_dir}" in err and "is full" in err, (args, err)
    # The store on a roomy disk, the output on the full one.
    elsewhere = tmp_path / "roomy"
    assert procs.run(elsewhere, "import", export, "--media", media)[0] == 0
    assert procs.run(elsewhere, "drafts", "create", "1", "--platform", "rednote", "--layout", "original")[0] == 0
    assert procs.run(elsewhere, "drafts", "render", "1")[0] == 0
    filler.unlink()
    filler = _fill(small_disk)  # quite full: a photo's render could fit in what was left above
    for args in (
        ["drafts", "export", "1", "--to", out_dir],
        ["drafts", "export", "1", "--to", out_dir, "--zip"],
        ["render", photo, "--platform", "rednote", "-o", small_disk / "one.jpg"],
        ["render", clip, "--platform", "rednote", "-o", small_disk / "one.mp4"],
    ):
        code, out, err = procs.run(elsewhere, *args)
        procs.assert_clean_failure(code, err)
        assert "is full" in err and str(small_disk) in err, (args, err)
    filler.unlink()
    db = sqlite3.connect(data_dir / "crosspost.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT (SELECT count(*) FROM posts), (SELECT count(*) FROM drafts)").fetchone() == before
    assert db.execute("SELECT count(*) FROM media WHERE path IS NOT NULL").fetchone()[0] == 1
    leftovers = [p for p in small_disk.rglob("*") if p.name.startswith(".") and p.is_dir()]
    assert leftovers == [], leftovers


def test_full_disk_during_media_fetch_leaves_no_partial_file(small_disk, tmp_path):
    """A body with no Content-Length fills the disk: the partial file is removed (it would keep the
    disk full for every later command); one with a Content-Length larger than the free space is
    refused before a byte is written."""
    import threading

    from test_downloads_hostile import Server, make_handler
    from test_media_fetch import FUTURE, _post_with

    from crosspost.paths import resolve
    from crosspost.store import open_store

    data_dir = small_disk / "data"
    state = {"body": b"\xff\xd8\xff" + b"\0" * (40 << 20), "log": []}
    httpd = Server(("127.0.0.1", 0), make_handler(state))
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        store = open_store(resolve(data_dir).ensure())
        _post_with(store, [("video", f"{base}/endless")], FUTURE)
        _post_with(store, [("image", f"{base}/photo.jpg")], FUTURE, created="2024-05-02T10:00:00Z")
        store.close()
        for post in ("1", "2"):
            code, out, err = procs.run(data_dir, "media", "fetch", post)
            procs.assert_clean_failure(code, err)
            assert "is full" in err, err
            assert [p for p in (data_dir / "media").rglob("*") if p.is_file()] == []
    finally:
        state["stop"].set()
        httpd.shutdown()
        httpd.server_close()
    import shutil

    assert shutil.disk_usage(small_disk).free > 20 << 20
