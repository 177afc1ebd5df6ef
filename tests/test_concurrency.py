"""Two commands at once, as two real processes: they wait their turn or say what is going on, and
never damage the store or each other's files (issue 14, items 2, 4, 7, 8, 9)."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import threading

import procs
import pytest
from exports import build_export, sample_posts, write_zip

from crosspost.store.versions import SCHEMA_VERSION


def _export(path, n, start, username):
    posts = sample_posts(n, start=start)
    return write_zip(path, build_export("json-2025", posts, username=username)), posts


# -- item 7: a write waits its turn ----------------------------------------------------------------


def test_import_waits_for_another_writer_and_says_so(data_dir, tmp_path):
    """Another process holds the write lock (and commits a write) until the import has said it is
    waiting; then the import goes on and imports everything. Before: "database is locked" with a
    traceback."""
    assert procs.run(data_dir, "posts", "list")[0] == 0  # the store exists
    export, posts = _export(tmp_path / "a.zip", 5, dt.datetime(2024, 1, 1, 8), "alice")
    holder = sqlite3.connect(data_dir / "crosspost.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO settings (key, value) VALUES ('held', 'yes')")
    proc = procs.start_watched(data_dir, "import", export)
    proc.wait_for_text("waiting")  # the import met the held lock and told the person
    holder.execute("COMMIT")
    holder.close()
    code, out, err = proc.finish()
    assert code == 0, err
    assert "Traceback" not in err and "locked" not in err
    assert "waiting" in err.lower()
    db = sqlite3.connect(data_dir / "crosspost.db")
    assert db.execute("SELECT count(*) FROM posts").fetchone()[0] == len(posts)
    assert db.execute("SELECT value FROM settings WHERE key = 'held'").fetchone() == ("yes",)


def test_two_imports_at_once_both_succeed(data_dir, tmp_path):
    assert procs.run(data_dir, "posts", "list")[0] == 0
    first, a = _export(tmp_path / "a.zip", 300, dt.datetime(2023, 1, 1, 8), "alice")
    second, b = _export(tmp_path / "b.zip", 300, dt.datetime(2021, 1, 1, 8), "bob")
    procs_ = [procs.start(data_dir, "import", first), procs.start(data_dir, "import", second)]
    results = [procs.finish(p) for p in procs_]
    for code, out, err in results:
        assert code == 0, err
        assert "Traceback" not in err
    db = sqlite3.connect(data_dir / "crosspost.db")
    assert db.execute("SELECT count(*) FROM posts").fetchone()[0] == len(a) + len(b)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- item 8: a new data dir opened by several commands at once -------------------------------------


def test_commands_on_a_new_data_dir_at_once(tmp_path):
    for attempt in range(8):  # the race is in the first milliseconds: try it a few times
        data_dir = tmp_path / f"new-{attempt}"
        started = [procs.start(data_dir, "posts", "list", "--json") for _ in range(6)]
        finished = [procs.finish(p) for p in started]  # every one ends before anything is asserted
        for code, out, err in finished:
            assert code == 0, err
            assert "damaged" not in err and "Traceback" not in err
            assert out.strip() == "[]"
        db = sqlite3.connect(data_dir / "crosspost.db")
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations")]
        assert len(names) == len(set(names)) == SCHEMA_VERSION


@pytest.fixture
def readonly_mount(tmp_path):
    """A tmpfs that the test remounts read-only (needs root; skipped otherwise)."""
    import os
    import subprocess

    if os.geteuid() != 0:
        pytest.skip("mounting a read-only filesystem needs root")
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)]).returncode:
        pytest.skip("this machine does not let the test mount a tmpfs")

    def make_readonly():
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)

    yield mount, make_readonly
    subprocess.run(["umount", "-l", str(mount)])


def test_read_only_data_dir_says_read_only(readonly_mount):
    mount, make_readonly = readonly_mount
    (mount / "empty").mkdir()
    code, _, _ = procs.run(mount / "with-store", "posts", "list")
    assert code == 0
    make_readonly()
    for data_dir in (mount / "empty", mount / "with-store"):
        code, out, err = procs.run(data_dir, "import", "/nonexistent-but-never-reached.zip")
        procs.assert_clean_failure(code, err)
        assert "read-only" in err and "damaged" not in err, err


# -- item 4: translate --all never overwrites an edit made while it ran ------------------------------


def test_translate_all_keeps_a_translation_edited_while_it_ran(en_zh, store, tmp_path, monkeypatch):
    """The batch runs in this process with the real engine, one caption per chunk; after the first
    chunk is stored, a second process (the real `translations edit` command) edits the second post's
    translation. The batch must keep that edit when it reaches the second post."""
    from crosspost.importing.importer import import_paths
    from crosspost.translation import service

    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(3)))
    import_paths(store, [export])
    ids = [r[0] for r in store.db.execute("SELECT id FROM posts ORDER BY created_at")]
    monkeypatch.setattr(service, "CHUNK", 1)
    edits = []

    def edit_in_another_process(progress):
        if not edits:
            edits.append(
                procs.run(en_zh.root, "translations", "edit", ids[1], "--lang", "zh", "--text", "我自己的译文")
            )

    results = service.translate_posts(store, en_zh, None, "en", "zh", progress=edit_in_another_process)
    assert edits and edits[0][0] == 0, edits
    row = store.db.execute(
        "SELECT text, edited FROM translations WHERE post_id = ? AND lang = 'zh'", [ids[1]]
    ).fetchone()
    assert row == ("我自己的译文", 1)
    by_post = {r.post: r for r in results}
    assert by_post[ids[1]].kept_edit and by_post[ids[1]].text == "我自己的译文"
    assert not by_post[ids[2]].kept_edit
    assert store.db.execute("SELECT count(*) FROM translations WHERE lang = 'zh'").fetchone()[0] == 3


# -- item 9: two renders of one draft -------------------------------------------------------------------


def test_two_renders_of_one_draft(data_dir, tmp_path):
    from media_files import video

    from crosspost.cli.main import main

    posts = sample_posts(1)
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    media = tmp_path / "media"
    media.mkdir()
    video(media / f"{posts[0].video_id}.mp4", 640, 1136, seconds=6)
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "import", str(export), "--media", str(media)]) == 0
    assert main([*d, "drafts", "create", "1", "--platform", "rednote", "--layout", "original"]) == 0
    staging = data_dir / "renders" / ".draft-1.rendering"
    first = procs.start(data_dir, "drafts", "render", "1")
    procs.wait_for(lambda: staging.exists() or first.poll() is not None, 60, "the first render to start")
    assert first.poll() is None, procs.finish(first)
    second = procs.run(data_dir, "drafts", "render", "1")
    code, out, err = procs.finish(first, 300)
    assert code == 0, err
    procs.assert_clean_failure(second[0], second[2])
    assert "being rendered by another Crosspost" in second[2]
    rendered = data_dir / "renders" / "draft-1"
    assert sorted(p.name for p in rendered.iterdir()) == ["01.mp4", "cover-plain.jpg", "cover.jpg"]
    assert not staging.exists()
    # once the first is done, rendering again works
    assert procs.run(data_dir, "drafts", "render", "1")[0] == 0


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="pauses a process with SIGSTOP (POSIX)")
def test_batch_render_skips_a_draft_another_render_holds(data_dir, tmp_path):
    """Issue 22, item 9: `drafts render --all` while `drafts render 1` runs. Before: the batch
    cleared the single render's staging folder (av.error.FileNotFoundError traceback) and draft 1
    stayed a draft. Now the batch takes the same per-draft lock: it skips draft 1 and says so,
    renders draft 2, and the single render finishes draft 1."""
    from media_files import video

    from crosspost.cli.main import main

    posts = sample_posts(2)
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    media = tmp_path / "media"
    media.mkdir()
    for p in posts:
        video(media / f"{p.video_id}.mp4", 640, 1136, seconds=6)
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "import", str(export), "--media", str(media)]) == 0
    for post_id in (1, 2):
        assert main([*d, "drafts", "create", str(post_id), "--platform", "rednote", "--layout", "original"]) == 0
    staging = data_dir / "renders" / ".draft-1.rendering"
    first = procs.start(data_dir, "drafts", "render", "1", "--reencode")
    procs.wait_for(lambda: staging.exists() or first.poll() is not None, 60, "the first render to start")
    assert first.poll() is None, procs.finish(first)
    # The first render is paused mid-encode (holding its lock, as a slow render would) while the
    # batch runs, so the two overlap on any CPU; it goes on afterwards.
    os.kill(first.pid, signal.SIGSTOP)
    try:
        code, out, err = procs.run(data_dir, "drafts", "render", "--all", "--json", timeout=300)
    finally:
        os.kill(first.pid, signal.SIGCONT)
    assert "Traceback" not in err, err
    assert code == 1, err  # draft 1 was not rendered by this batch
    report = json.loads(out)
    assert report["rendered"] == [2]
    assert [f["draft"] for f in report["failed"]] == [1]
    assert "being rendered by another Crosspost" in report["failed"][0]["message"]
    assert "draft 1: Draft 1 is being rendered by another Crosspost right now; this batch skipped it" in err
    first_code, _, first_err = procs.finish(first, 300)
    assert first_code == 0, first_err
    db = sqlite3.connect(data_dir / "crosspost.db")
    assert dict(db.execute("SELECT id, status FROM drafts")) == {1: "ready", 2: "ready"}
    for draft in (1, 2):
        folder = data_dir / "renders" / f"draft-{draft}"
        assert sorted(p.name for p in folder.iterdir()) == ["01.mp4", "cover-plain.jpg", "cover.jpg"]
    assert not staging.exists()
    # the lock is free again: a batch now finds both up to date
    code, out, err = procs.run(data_dir, "drafts", "render", "--all", "--json")
    assert code == 0, err
    assert json.loads(out)["skipped"] == [1, 2]


def _has_bytes(folder) -> bool:
    """FOLDER holds a file with something in it (files come and go while we look)."""
    try:
        return any(p.is_file() and p.stat().st_size > 0 for p in folder.iterdir())
    except FileNotFoundError:
        return False


# -- item 2: two `media fetch` of one file ----------------------------------------------------------------


def test_two_fetches_of_one_file_store_it_whole(data_dir, store, tmp_path):
    """The server sends half the photo, then holds the rest until a second `media fetch` of the same
    file has run and ended. Before: both appended to one .part and the stored file was corrupt."""
    import hashlib
    import json
    from pathlib import Path

    from media_files import jpeg
    from test_downloads_hostile import Server, make_handler
    from test_media_fetch import FUTURE, _post_with

    body = jpeg(tmp_path / "served.jpg", 1600, 1200, quality=95).read_bytes()
    state = {"body": body, "log": [], "release": threading.Event()}
    httpd = Server(("127.0.0.1", 0), make_handler(state))
    partial = data_dir / "media" / "partial"
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        _post_with(store, [("image", f"http://127.0.0.1:{httpd.server_address[1]}/slow-photo")], FUTURE)
        first = procs.start(data_dir, "--json", "media", "fetch", "1")
        procs.wait_for(lambda: _has_bytes(partial), 60, "the first download to write its first half")
        second = procs.run(data_dir, "--json", "media", "fetch", "1")
        state["release"].set()  # now the first download gets the rest
        code, out, err = procs.finish(first)
    finally:
        state["release"].set()
        state["stop"].set()
        httpd.shutdown()
        httpd.server_close()
    assert code == 0, err
    assert json.loads(out)["fetched"], out
    assert "Traceback" not in second[2]
    assert "another Crosspost is downloading this file" in second[2]
    path, size, sha = store.db.execute("SELECT path, size, sha256 FROM media WHERE post_id = 1").fetchone()
    data = Path(path).read_bytes()
    assert data == body and size == len(body) and sha == hashlib.sha256(body).hexdigest()
    assert list((data_dir / "media" / "partial").iterdir()) == []


# -- the drafts queue read while another process deletes a draft ----------------------------------


def test_the_drafts_list_is_read_from_one_state_of_the_store(data_dir, tmp_path):
    """The list reads the drafts' IDs, then each draft: a draft another process deletes in between
    (here: when the first draft is looked up) was still listed whole, not looked up and missed
    (NotFound, which failed the drafts queue's reload once under CT2_FORCE_CPU_ISA=GENERIC)."""
    from crosspost.cli.main import main
    from crosspost.drafts.store import list_drafts
    from crosspost.paths import resolve
    from crosspost.store import open_store

    export, _ = _export(tmp_path / "a.zip", 2, dt.datetime(2024, 1, 1, 8), "alice")
    assert main(["--data-dir", str(data_dir), "import", str(export)]) == 0
    for post in ("1", "2"):
        assert (
            main(
                ["--data-dir", str(data_dir), "drafts", "create", post, "--platform", "rednote", "--layout", "original"]
            )
            == 0
        )
    store = open_store(resolve(data_dir))
    other = sqlite3.connect(data_dir / "crosspost.db", isolation_level=None)
    deleted: list[str] = []

    def delete_after_the_ids_are_read(statement: str) -> None:
        # the first look-up of one draft: the IDs have been read by then
        if "FROM drafts WHERE id = " in statement and not deleted:
            other.execute("DELETE FROM drafts WHERE id = 1")  # another connection, committed at once
            deleted.append(statement)

    store.conn.set_trace_callback(delete_after_the_ids_are_read)
    try:
        seen = [c.draft.id for c in list_drafts(store)]
    finally:
        store.conn.set_trace_callback(None)
    assert deleted and sorted(seen) == [1, 2]  # the state the list began with
    assert [c.draft.id for c in list_drafts(store)] == [2]  # the next read sees the delete
    other.close()
    store.close()
