"""Faults of the machine rather than of the input: a full disk, a read-only folder, a damaged or busy
store. Each becomes one sentence that says what is wrong and what to do (never a traceback).

``explain(exc, location)`` is the last resort of the faces (the CLI's ``main``, the window's job
runner): it recognizes such an error anywhere it escaped from and returns the sentence, or None for
a real bug. ``writing_to(folder)`` turns a full disk while writing into FOLDER into a ``DiskFull``
naming that folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from crosspost.errors import DiskFull

if TYPE_CHECKING:
    from crosspost.paths import DataLocation

SPARE_MB = 100  # what to ask for when the size a job needs is not known


def _existing(path: Path) -> Path:
    path = Path(path)
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def free_mb(path: Path) -> float | None:
    try:
        return shutil.disk_usage(_existing(path)).free / 1e6
    except OSError:
        return None


def disk_full(folder: Path, need_bytes: int | None = None) -> DiskFull:
    """The typed error for a full disk under FOLDER, with what it needs and what is free now."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        folder = folder.parent
    need = max(1, round(need_bytes / 1e6)) if need_bytes else SPARE_MB
    return DiskFull(str(folder), need, free_mb(folder))


def disk_full_message(folder: Path, need_bytes: int | None = None) -> str:
    return disk_full(folder, need_bytes).message


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return True
    return isinstance(exc, sqlite3.DatabaseError) and "database or disk is full" in str(exc)


@contextlib.contextmanager
def writing_to(folder: Path | str, need_bytes: int | None = None) -> Iterator[None]:
    """Around writes into FOLDER: a full disk becomes ``DiskFull`` naming FOLDER."""
    try:
        yield
    except DiskFull:
        raise
    except (OSError, sqlite3.DatabaseError) as exc:
        if is_disk_full(exc):
            raise disk_full(Path(folder), need_bytes) from None
        raise


def explain_store_error(path: Path, exc: sqlite3.DatabaseError) -> str:
    """What is really wrong when the store at PATH fails (busy, read-only, full or damaged)."""
    text = str(exc)
    folder = path.parent
    # SQLite says "disk I/O error" when it cannot grow its shared-memory file on a full disk.
    if is_disk_full(exc) or ("disk I/O error" in text and (free_mb(folder) or 0) < 1):
        return disk_full_message(folder)
    if "locked" in text or "busy" in text:
        return (
            f"The store {path} is busy: another Crosspost is using it and did not let go. "
            "Wait for it to finish (or close it) and run this again."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text or "disk I/O error" in text:
        if folder.exists() and not folder.is_dir():
            return f"The data folder {folder} is a file, not a folder; move it aside or choose another data folder."
        if not os.access(folder, os.W_OK | os.X_OK):
            return (
                f"The data folder {folder} is read-only (its permissions, or a read-only disk); "
                "Crosspost must write there. Make it writable or choose another data folder."
            )
        for name in (path.name, path.name + "-wal", path.name + "-shm"):
            part = folder / name
            if part.exists() and not os.access(part, os.W_OK):
                return (
                    f"The store file {part} is read-only; Crosspost must write to it. Make it "
                    "writable (and owned by you) and run this again."
                )
        if "disk I/O error" not in text:
            return (
                f"The store {path} cannot be written ({text}); check that you may write to it "
                "and that its disk is connected."
            )
    return (
        f"The store {path} cannot be opened: it is damaged or is not a Crosspost store ({text}). "
        "Nothing was changed. "
        "Move it aside (keep it as a backup) and run this again to start a new store, or restore a "
        "backup of it."
    )


def explain_data_dir_error(location: DataLocation, exc: OSError) -> str:
    root = Path(location.root)
    if is_disk_full(exc):
        return disk_full_message(root)
    for folder in (root, Path(location.cache)):
        if folder.exists() and not folder.is_dir():
            return f"The data folder {folder} is a file, not a folder; move it aside or choose another data folder."
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            f"The data folder {root} is read-only ({exc.strerror}: {exc.filename or root}); Crosspost "
            "must write there. Make it writable or choose another data folder."
        )
    return (
        f"The data folder {exc.filename or root} cannot be created or used ({exc.strerror or exc}); "
        "make it writable or choose another data folder."
    )


def explain(exc: BaseException, location: DataLocation | None = None) -> str | None:
    """The sentence for a machine fault that escaped a command, or None when it is a bug."""
    if is_disk_full(exc):
        if isinstance(exc, OSError) and exc.filename:
            return disk_full_message(Path(os.fsdecode(exc.filename)).parent)
        if location is not None:
            return disk_full_message(Path(location.root))
        return f"A disk Crosspost was writing to is full: free {SPARE_MB} MB and run it again."
    if isinstance(exc, sqlite3.DatabaseError):
        path = Path(location.db_path) if location is not None else Path("crosspost.db")
        return explain_store_error(path, exc)
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) and exc.filename:
        return (
            f"Crosspost may not write {os.fsdecode(exc.filename)} ({exc.strerror}); make it writable "
            "or choose another place."
        )
    return None
