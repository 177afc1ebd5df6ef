"""Two commands at once, as two real processes: they wait their turn or say what is going on, and
never damage the store or each other's files (issue 14, items 2, 4, 7, 8, 9)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time

import pytest

import procs
from crosspost.store.schema import SCHEMA_VERSION
from exports import build_export, sample_posts, write_zip


def _export(path, n, start, username):
    posts = sample_posts(n, start=start)
    return write_zip(path, build_export("json-2025", posts, username=username)), posts


# -- item 7: a write waits its turn ----------------------------------------------------------------

def test_import_waits_for_another_writer_and_says_so(data_dir, tmp_path):
    """Another process holds the write lock (and commits a write) for 3 s: the import waits, says so
    on stderr after ~2 s, then imports everything. Before: "database is locked" with a traceback."""
    assert procs.run(data_dir, "posts", "list")[0] == 0  # the store exists
    export, posts = _export(tmp_path / "a.zip", 5, dt.datetime(2024, 1, 1, 8), "alice")
    holder = sqlite3.connect(data_dir / "crosspost.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO settings (key, value) VALUES ('held', 'yes')")
    proc = procs.start(data_dir, "import", export)
    time.sleep(3.5)
    holder.execute("COMMIT")
    holder.close()
    code, out, err = procs.finish(proc)
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
    for attempt in range(3):  # the race is in the first milliseconds: try it a few times
        data_dir = tmp_path / f"new-{attempt}"
        started = [procs.start(data_dir, "posts", "list", "--json") for _ in range(4)]
        for code, out, err in (procs.finish(p) for p in started):
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
            edits.append(procs.run(en_zh.root, "translations", "edit", ids[1], "--lang", "zh",
                                   "--text", "我自己的译文"))

    results = service.translate_posts(store, en_zh, None, "en", "zh", progress=edit_in_another_process)
    assert edits and edits[0][0] == 0, edits
    row = store.db.execute("SELECT text, edited FROM translations WHERE post_id = ? AND lang = 'zh'",
                           [ids[1]]).fetchone()
    assert row == ("我自己的译文", 1)
    by_post = {r.post: r for r in results}
    assert by_post[ids[1]].kept_edit and by_post[ids[1]].text == "我自己的译文"
    assert not by_post[ids[2]].kept_edit
    assert store.db.execute("SELECT count(*) FROM translations WHERE lang = 'zh'").fetchone()[0] == 3
