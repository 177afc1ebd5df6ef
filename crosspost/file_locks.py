"""Exclusive locks between Crosspost processes (and threads), each on a lock file: one process
creating or migrating the store, one download per partial file, one render per draft.

The operating system's own lock on an open file: ``flock`` on Linux and macOS, ``msvcrt.locking`` on
Windows. It goes away with the process, so a crash never leaves a stale lock behind; the lock file
itself stays (it holds nothing). Each ``FileLock`` opens the file anew, so two locks on one path
exclude each other in one process too. (This replaced the ``filelock`` package, whose version 4
import alone took ~30 ms of every command that opens a new store, such as each import.)"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType

POLL = 0.05  # seconds between tries while waiting for another holder


class LockTimeout(Exception):
    """The lock stayed taken for the whole timeout."""


class FileLock:
    """An exclusive lock on the file at PATH (made if missing, mode 0600; a link there is not
    followed). ``acquire(timeout)`` waits up to TIMEOUT seconds (0: one try)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float = 0) -> None:
        """Take the lock, or raise ``LockTimeout`` after TIMEOUT seconds; OSError when the lock file
        can't be opened (a read-only folder)."""
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already locked by this FileLock")
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.path, flags, 0o600)
        deadline = time.monotonic() + timeout
        try:
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise LockTimeout(str(self.path))
                time.sleep(POLL)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def try_acquire(self) -> bool:
        """Take the lock if it is free now; False when another holder has it."""
        try:
            self.acquire(0)
        except LockTimeout:
            return False
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
