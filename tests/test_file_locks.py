"""The locks between Crosspost processes (crosspost/file_locks.py): real lock files, a real second
process holding one."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from crosspost.file_locks import FileLock, LockTimeout

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

HOLD = """
import sys
from crosspost.file_locks import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
sys.stdin.readline()  # until the test says
lock.release()
print("released", flush=True)
"""


def test_a_lock_held_by_another_process_is_refused_then_taken_once_released(tmp_path):
    path = tmp_path / "x.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        env={**os.environ, "PYTHONPATH": ROOT},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        lock = FileLock(path)
        assert lock.try_acquire() is False and not lock.is_locked
        with pytest.raises(LockTimeout):
            lock.acquire(timeout=0.2)
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
        assert lock.try_acquire() is True and lock.is_locked
        lock.release()
        assert not lock.is_locked
    finally:
        holder.kill()
        holder.communicate()  # waits, and closes the pipes


def test_a_waiting_lock_is_taken_when_the_holder_lets_go(tmp_path):
    """Two locks on one path exclude each other in one process too (each opens the file anew); a
    waiter gets the lock as soon as it is released."""
    first, second = FileLock(tmp_path / "x.lock"), FileLock(tmp_path / "x.lock")
    first.acquire()
    asked = threading.Event()
    got: list[bool] = []

    def wait_for_it() -> None:
        asked.set()
        second.acquire(timeout=30)
        got.append(second.is_locked)

    waiter = threading.Thread(target=wait_for_it)
    waiter.start()
    asked.wait()
    assert got == [] and not second.is_locked
    first.release()
    waiter.join(30)
    assert got == [True]
    assert first.try_acquire() is False
    second.release()
    with first:
        assert first.is_locked
    assert not first.is_locked


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="O_NOFOLLOW is POSIX")
def test_a_link_in_place_of_the_lock_file_is_not_followed(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep", encoding="utf-8")
    (tmp_path / "x.lock").symlink_to(target)
    with pytest.raises(OSError):
        FileLock(tmp_path / "x.lock").acquire()
    assert target.read_text(encoding="utf-8") == "keep"
