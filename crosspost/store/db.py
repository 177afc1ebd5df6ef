"""Opening the store: WAL, foreign keys, migrations, one transaction per command."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path


def _import_sqlite_utils():
    """sqlite-utils imports numpy (and pandas) when installed, only to accept their values in
    inserts, which Crosspost never does. Hiding them during that import keeps ~0.1 s off the
    window's start-up; both import normally afterwards for whoever needs them."""
    import sys

    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes "import numpy" raise ImportError, which sqlite-utils expects
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]
    return sqlite_utils


Database = _import_sqlite_utils().Database

from crosspost.errors import UserError  # noqa: E402
from crosspost.paths import DataLocation
from crosspost.store.schema import MIGRATION_NAMES, SCHEMA_VERSION, migrations


def utc_now() -> str:
    """Now as ISO-8601 UTC with a Z, to the second: the format of every timestamp in the store."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """One open store. ``store.db`` is the sqlite-utils ``Database``; write inside ``transaction()``."""

    def __init__(self, db: Database, location: DataLocation | None = None):
        self.db = db
        self.location = location

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """All writes of one command: committed together, or rolled back together on any error."""
        with self.db.atomic():
            yield self.db

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str | None) -> None:
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def close(self) -> None:
        self.db.close()


def connect(path: Path | str, *, migrate: bool = True, stop_before: str | None = None) -> Database:
    """A configured connection to the store file at PATH, migrated to the newest schema."""
    try:
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        if str(path) != ":memory:":
            db.enable_wal()
            # With WAL, NORMAL is crash-safe (a power cut may lose the last commits, never corrupt
            # the file) and spares an fsync per commit.
            conn.execute("PRAGMA synchronous = NORMAL")
        if migrate:
            apply_migrations(db, stop_before=stop_before)
    except sqlite3.DatabaseError as exc:
        raise UserError(
            f"The store {path} cannot be opened ({exc}); it may be damaged or not a Crosspost store. "
            "Move it aside and run the command again to start a new one."
        ) from None
    return db


def apply_migrations(db: Database, *, stop_before: str | None = None) -> None:
    if stop_before is None and db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return  # the common case: nothing to do, no write on open
    migrations.apply(db, stop_before=stop_before)
    applied = {m.name for m in migrations.applied(db)}
    version = sum(1 for name in MIGRATION_NAMES if name in applied)
    if version > SCHEMA_VERSION:
        raise UserError("This store was written by a newer Crosspost; update Crosspost to open it.")
    db.execute(f"PRAGMA user_version = {int(version)}")


def open_store(location: DataLocation) -> Store:
    """Open (creating if needed) the store in LOCATION's data dir."""
    location.ensure()
    return Store(connect(location.db_path), location)
