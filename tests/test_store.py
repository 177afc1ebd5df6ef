"""The store: schema from an empty file and from every earlier version, WAL, foreign keys, rollback."""

from __future__ import annotations

import sqlite3

import pytest

from crosspost.store.db import connect, open_store
from crosspost.store.schema import MIGRATION_NAMES, SCHEMA_VERSION


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
    assert applied == MIGRATION_NAMES


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
