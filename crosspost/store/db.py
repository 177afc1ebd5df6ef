"""Opening the store: WAL, foreign keys, migrations, one transaction per command."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar


def _import_sqlite_utils() -> Any:
    """sqlite-utils imports numpy (and pandas) when installed, only to accept their values in
    inserts, which Crosspost never does. Hiding them during that import keeps ~0.1 s off the
    window's start-up; both import normally afterwards for whoever needs them."""
    import sys

    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        # a None entry makes "import numpy" raise ImportError, which sqlite-utils expects (typeshed
        # types sys.modules values as modules only, not this documented None)
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]
    return sqlite_utils


def database(conn: sqlite3.Connection) -> Database:
    """The sqlite-utils ``Database`` over CONN. sqlite-utils (with click, dateutil and pluggy behind
    it) is imported only here, when a store is first written through it or migrated: opening a store
    that is already at this schema, and reading it, is plain sqlite3, and keeps it off the window's
    start-up."""
    # No sqlite-utils plugins: Crosspost uses none, and finding them scans every installed
    # package's metadata (tens of ms of every start-up). sqlite-utils turns recursive triggers on;
    # ``_connection`` did already, so a store reads the same with or without it.
    db: Database = _import_sqlite_utils().Database(conn, execute_plugins=False)
    return db


if TYPE_CHECKING:  # the type checker sees the real class; at run time it is imported by ``database``
    from sqlite_utils import Database

from crosspost.errors import UserError  # noqa: E402
from crosspost.paths import DataLocation, make_private  # noqa: E402
from crosspost.progress import set_wait_notice, wait_notice  # noqa: E402,F401  (set_wait_notice: its old home)
from crosspost.store.versions import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION  # noqa: E402

BUSY_TIMEOUT_MS = 60_000  # any single statement waits this long for another process's lock
NOTICE_AFTER = 2.0  # seconds of waiting for the write lock before the person is told
MAX_WAIT = 3600.0  # a command waits its turn this long at most, then says so
PRIVATE_FILE = 0o600  # the store file, its write-ahead log and shared memory


def begin_immediate(conn: sqlite3.Connection, what: str = "the store") -> None:
    """BEGIN IMMEDIATE: take the write lock now, so a read-then-write transaction never fails
    half-way with "database is locked". While another process holds it, wait our turn, saying so
    after NOTICE_AFTER seconds."""
    start = time.monotonic()
    noticed = False
    conn.execute(f"PRAGMA busy_timeout = {int(NOTICE_AFTER * 1000)}")
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
            waited = time.monotonic() - start
            if waited > MAX_WAIT:
                raise UserError(
                    f"{what} has been busy with another Crosspost for {waited / 60:.0f} minutes; "
                    "nothing was changed. Run it again when the other one has finished."
                )
            notice = wait_notice()
            if not noticed and notice is not None:
                notice(f"Another Crosspost is writing to {what}; waiting for it to finish…")
            noticed = True
            conn.execute("PRAGMA busy_timeout = 1000")
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


_R = TypeVar("_R")


def record(cls: type[_R], row: sqlite3.Row, **computed: Any) -> _R:
    """The dataclass CLS from ROW by column name: each field takes the column of its name, COMPUTED
    gives the fields that are not a column as they are (a parsed value, a joined list)."""
    fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    values = {name: row[name] for name in row.keys() if name in fields and name not in computed}
    return cls(**values, **computed)


def utc_now() -> str:
    """Now as ISO-8601 UTC with a Z, to the second: the format of every timestamp in the store."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclasses.dataclass(frozen=True)
class StoreSetAside:
    """Opening found the store file empty (0 bytes, not a store): it was kept under ASIDE's name and a
    new store started. Said by the CLI (``str``) and, in its own words, by the window."""

    path: Path
    aside: Path

    def __str__(self) -> str:
        return (
            f"The store {self.path} was an empty file (0 bytes), not a Crosspost store; it was kept as "
            f"{self.aside.name} and a new, empty store was started. If your posts were in it, restore a "
            "backup of that file."
        )


class Store:
    """One open store. ``store.conn`` is its sqlite3 connection; ``store.db`` the sqlite-utils
    ``Database`` over it (made when first used); write inside ``transaction()``."""

    def __init__(self, conn: sqlite3.Connection, location: DataLocation | None = None, db: Database | None = None):
        self.conn = conn
        self._db = db
        self.location = location
        self.notices: list[StoreSetAside] = []  # what opening it did that the person should know

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = database(self.conn)
        return self._db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """All writes of one command: committed together, or rolled back together on any error.
        The outermost one begins IMMEDIATE (waiting its turn behind another process); nested ones
        are savepoints."""
        conn = self.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        begin_immediate(conn, str(self.location.db_path) if self.location else "the store")
        try:
            yield self.db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads that must agree with each other (a list, then each of its items) see one state of the
        store: a read transaction (WAL: another connection's commit in between is not seen, and
        nothing waits for it). Inside a transaction already, that one is the snapshot."""
        conn = self.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")  # nothing written: it only ends the read

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """SQL's rows, read by column name (``row["caption"]``): no positional indexes."""
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, list(params)).fetchall()

    def row(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        """SQL's first row by column name, or None."""
        found = self.rows(sql, params)
        return found[0] if found else None

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The one value SQL selects (``SELECT count(*) …``), or None when there is no row."""
        row = self.conn.execute(sql, list(params)).fetchone()
        return None if row is None else row[0]

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.row("SELECT value FROM settings WHERE key = ?", [key])
        return row["value"] if row else default

    def set_setting(self, key: str, value: str | None) -> None:
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def close(self) -> None:
        self.conn.close()


def connect(path: Path | str, *, migrate: bool = True, stop_before: str | None = None) -> Database:
    """A configured connection to the store file at PATH, migrated to the newest schema, as a
    sqlite-utils ``Database``."""
    conn = _connection(path)
    with _closed_on_failure(conn, path):
        db = database(conn)
        if migrate:
            apply_migrations(db, stop_before=stop_before)
    return db


@contextlib.contextmanager
def _closed_on_failure(conn: sqlite3.Connection, path: Path | str) -> Iterator[None]:
    """Work on CONN, the store file at PATH, just opened: on any failure it is closed, and a damaged
    or unreadable file is said as the person's error (``faults.explain_store_error``)."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _store_error(path, exc) from None
    except BaseException:
        conn.close()
        raise


def _store_error(path: Path | str, exc: sqlite3.DatabaseError) -> UserError:
    from crosspost.faults import explain_store_error

    return UserError(explain_store_error(Path(path), exc))


def _connection(path: Path | str) -> sqlite3.Connection:
    """The sqlite3 connection to the store file at PATH: foreign keys, WAL, private files (no
    migrations; ``connect`` and ``open_store`` see to them)."""
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    except sqlite3.DatabaseError as exc:
        raise _store_error(path, exc) from None
    with _closed_on_failure(conn, path):
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils' Database sets it
        if str(path) != ":memory:":
            # Private drafts: the store is this user's alone. SQLite makes its -wal and -shm files
            # with the store file's mode, so they follow (and are tightened too if an older
            # version left them open).
            for name in ("", "-wal", "-shm"):
                make_private(Path(str(path) + name), PRIVATE_FILE)
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = wal")
            # With WAL, NORMAL is crash-safe (a power cut may lose the last commits, never corrupt
            # the file) and spares an fsync per commit.
            conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _applied_names(conn: sqlite3.Connection) -> list[str]:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone():
        return []
    return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])]


def refuse_newer(conn: sqlite3.Connection) -> None:
    """A store written by a newer Crosspost (a schema version, or a migration, this code does not
    know) is never opened for writing: its data would be misread or damaged."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    unknown = [name for name in _applied_names(conn) if name not in MIGRATION_NAMES]
    if version > SCHEMA_VERSION or unknown:
        raise UserError(
            f"This store was written by a newer Crosspost (schema {max(version, SCHEMA_VERSION + len(unknown))}, "
            f"this one knows up to {SCHEMA_VERSION}); nothing was changed. Update Crosspost to open it."
        )


def apply_migrations(db: Database, *, stop_before: str | None = None) -> None:
    refuse_newer(db.conn)
    if stop_before is None and db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return  # the common case: nothing to do, no write on open
    from crosspost.store.schema import migrations

    # One process migrates; another opening the same new store at once waits, then finds it done.
    begin_immediate(db.conn)
    try:
        refuse_newer(db.conn)
        migrations.apply(db, stop_before=stop_before)
        applied = set(_applied_names(db.conn))
        version = sum(1 for name in MIGRATION_NAMES if name in applied)
        db.execute(f"PRAGMA user_version = {int(version)}")
        # A migration that rebuilds a table commits on its own (foreign keys can only be switched
        # off outside a transaction); the open lock still keeps other processes out meanwhile.
        if db.conn.in_transaction:
            db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


def open_store(location: DataLocation) -> Store:
    """Open (creating if needed) the store in LOCATION's data dir."""
    from crosspost.faults import explain_data_dir_error

    try:
        location.ensure()
    except OSError as exc:
        raise UserError(explain_data_dir_error(location, exc)) from None
    # Opening is serialized between processes: a store another command is creating this instant
    # is briefly a 0-byte file, which must not be mistaken for an empty one, and a store being
    # migrated has content before its migrations are all in (a migration that rebuilds a table
    # commits on its own). Only a store already at this schema version opens without the lock (nor
    # the lock's import, a noticeable part of the window's start-up).
    if _is_current(location.db_path):
        # Plain sqlite3 (sqlite-utils comes when the store is first written through it).
        notices: list[StoreSetAside] = []
        conn = _connection(location.db_path)
        with _closed_on_failure(conn, location.db_path):
            refuse_newer(conn)
        store = Store(conn, location)
    else:
        with _open_lock(location):
            notices = _set_aside_empty_store(location.db_path)
            db = connect(location.db_path)
            store = Store(db.conn, location, db)
    store.notices = notices
    return store


def _is_current(path: Path) -> bool:
    """PATH is a store with content at this code's schema version (read-only look, no lock)."""
    try:
        if path.stat().st_size == 0:
            return False
        look = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            return bool(look.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION)
        finally:
            look.close()
    except (OSError, sqlite3.Error):
        return False


@contextlib.contextmanager
def _open_lock(location: DataLocation) -> Iterator[None]:
    from crosspost.file_locks import FileLock, LockTimeout

    lock = FileLock(location.root / ".crosspost.db.open-lock")
    try:
        lock.acquire(timeout=BUSY_TIMEOUT_MS / 1000)
    except LockTimeout:
        raise UserError(
            f"The store {location.db_path} is being opened by another Crosspost that does not "
            "finish; close it and run this again."
        ) from None
    except OSError:
        yield  # a read-only folder: connect() says so
        return
    try:
        yield
    finally:
        lock.release()


def _set_aside_empty_store(path: Path) -> list[StoreSetAside]:
    """A 0-byte store file (with no write-ahead log holding its pages) is not a store: keep it
    aside under another name, say so, and start a new one, instead of silently reusing the name."""
    try:
        if path.stat().st_size != 0:
            return []
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return []
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"{path.name}.empty-{stamp}")
        os.replace(path, aside)
    except FileNotFoundError:
        return []
    except OSError:
        return []  # connect() then says what is wrong with the file
    return [StoreSetAside(path, aside)]
