"""The store: schema from an empty file and from every earlier version, WAL, foreign keys, rollback."""

from __future__ import annotations

import sqlite3

import pytest

from crosspost.store.db import connect, open_store
from crosspost.store.versions import MIGRATION_NAMES, SCHEMA_VERSION


def test_empty_file_gets_newest_schema(tmp_path):
    db = connect(tmp_path / "s.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    for table in (
        "accounts",
        "imports",
        "posts",
        "media",
        "translations",
        "translation_memory",
        "glossary",
        "drafts",
        "draft_edits",
        "posts_fts",
        "drafts_fts",
    ):
        assert table in db.table_names()
    media_columns = {c.name for c in db["media"].columns}
    assert {"kind", "url", "expires_at", "path", "size", "sha256", "width", "height", "duration"} <= media_columns


@pytest.mark.parametrize("stop_before", MIGRATION_NAMES[1:])
def test_upgrade_from_every_earlier_version(tmp_path, stop_before):
    path = tmp_path / "old.db"
    old = connect(path, stop_before=stop_before)
    version = MIGRATION_NAMES.index(stop_before)
    assert old.execute("PRAGMA user_version").fetchone()[0] == version
    # data written by the older version survives the upgrade
    old.execute("INSERT INTO accounts (username) VALUES ('alice')")
    old.execute(
        "INSERT INTO posts (account_id, created_at, caption, updated_at) "
        "VALUES (1, '2024-01-01T00:00:00Z', 'hello #fyp', '2024-01-01T00:00:00Z')"
    )
    old.conn.commit()
    old.close()
    new = connect(path)
    assert new.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert new.execute("SELECT caption FROM posts").fetchone()[0] == "hello #fyp"
    assert new.execute("SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'hello'").fetchall() == [(1,)]
    applied = [r[0] for r in new.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    assert applied == list(MIGRATION_NAMES)


def test_reopening_is_a_no_op(tmp_path):
    connect(tmp_path / "s.db").close()
    db = connect(tmp_path / "s.db")
    assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == SCHEMA_VERSION


def test_transaction_rolls_back_everything(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.db.execute("INSERT INTO accounts (username) VALUES ('bob')")
            with store.transaction():  # nested: a savepoint inside the same transaction
                store.db["accounts"].insert({"username": "carol"})
            raise RuntimeError("boom")
    assert store.db.execute("SELECT count(*) FROM accounts").fetchone()[0] == 0


def test_foreign_keys_enforced(store):
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.db.execute("INSERT INTO media (post_id, position, kind) VALUES (999, 0, 'video')")


def test_fts_follows_caption_updates(store):
    with store.transaction():
        store.db.execute("INSERT INTO accounts (username) VALUES ('a')")
        store.db.execute(
            "INSERT INTO posts (account_id, created_at, caption, updated_at) "
            "VALUES (1, '2024-01-01T00:00:00Z', 'old words', 'x')"
        )
        store.db.execute("UPDATE posts SET caption = 'fresh sourdough' WHERE id = 1")
    assert store.db.execute("SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'sourdough'").fetchall() == [(1,)]
    assert store.db.execute("SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'old'").fetchall() == []


def test_a_file_that_is_not_a_store_is_a_user_error(tmp_path, location):
    location.db_path.write_bytes(b"this is not sqlite" * 100)
    from crosspost.errors import UserError

    with pytest.raises(UserError, match="cannot be opened"):
        open_store(location)


def test_rows_are_read_by_column_name(store):
    """store.rows/row/value and record(): a record takes each column by its name, whatever the
    SELECT's order, and leaves columns it has no field for."""
    from crosspost.records import Translation
    from crosspost.store import record

    with store.transaction():
        store.db.execute("INSERT INTO accounts (username, usual_lang) VALUES ('alice', 'en')")
        pid = store.db.execute(
            "INSERT INTO posts (account_id, created_at, caption, updated_at) VALUES (1, 'x', 'Hello', 'x')"
        ).lastrowid
        store.db.execute(
            "INSERT INTO translations (post_id, lang, source_lang, text, edited, created_at, updated_at) "
            "VALUES (?, 'zh', 'en', '你好', 1, 'c', 'u')",
            [pid],
        )
    forwards = store.row("SELECT lang, text, edited, source_lang, updated_at, post_id FROM translations")
    backwards = store.row("SELECT post_id, updated_at, source_lang, edited, text, lang FROM translations")
    assert forwards is not None and backwards is not None and backwards["text"] == "你好"
    one, two = (record(Translation, r, edited=bool(r["edited"])) for r in (forwards, backwards))
    assert one == two == Translation("zh", "你好", True, source_lang="en", updated_at="u")
    assert store.value("SELECT count(*) FROM translations") == 1
    assert store.value("SELECT text FROM translations WHERE lang = 'ja'") is None
    assert store.row("SELECT * FROM translations WHERE lang = 'ja'") is None


def test_the_core_reads_no_row_by_position():
    """posts, the drafts store, publishing plans, glossary and checking read rows by column name."""
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "crosspost"
    positional = re.compile(r"\b(r|row|stored|same|slot)\[\d+\]|fetchone\(\)\[\d+\]")
    files = [
        "posts.py",
        "drafts/store.py",
        "publishing/publish.py",
        "translation/glossary.py",
        "translation/checking.py",
    ]
    found = {f: positional.findall((package / f).read_text()) for f in files}
    assert all((package / f).stat().st_size > 1000 for f in files)
    assert not any(found.values()), found
    assert "'posted'" not in (package / "posts.py").read_text()  # the drafts table's status is a DraftStatus


OPEN_AND_READ = """
import sys
from crosspost.paths import resolve
from crosspost.store import open_store
store = open_store(resolve(sys.argv[1]))
rows = store.rows("SELECT username FROM accounts")
print(len(rows), "sqlite_utils" in sys.modules)
with store.transaction() as db:
    db["settings"].upsert({"key": "k", "value": "v"}, pk="key")
print(store.setting("k"), "sqlite_utils" in sys.modules)
"""


def test_a_current_store_opens_and_reads_without_sqlite_utils(tmp_path):
    """Opening a store already at this schema, and reading it, is plain sqlite3 (the window's first
    frame); sqlite-utils comes in when the store is first written through it."""
    import os
    import subprocess
    import sys

    from crosspost.paths import resolve

    data = tmp_path / "data"
    store = open_store(resolve(data))  # created and migrated: sqlite-utils' migrations
    with store.transaction():
        store.db.execute("INSERT INTO accounts (username) VALUES ('alice')")
    store.close()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run(
        [sys.executable, "-c", OPEN_AND_READ, str(data)],
        env={**os.environ, "PYTHONPATH": root},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1", "False", "v", "True"]


def test_versions_names_the_schemas_migrations_in_order():
    from crosspost.store import schema

    assert [m.name for m in schema.migrations._migrations] == list(MIGRATION_NAMES)
    assert SCHEMA_VERSION == len(MIGRATION_NAMES) >= 12
