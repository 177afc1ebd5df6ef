"""The real ``crosspost`` command in a child process: for the tests where two commands run at once,
or where a command must meet a full disk or a damaged store exactly as a person would."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def start(data_dir, *args, **kwargs) -> subprocess.Popen:
    """``crosspost --data-dir DATA_DIR ARGS…`` started in the background (stdout/stderr captured)."""
    return subprocess.Popen(
        [sys.executable, "-m", "crosspost", "--data-dir", str(data_dir), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
        **kwargs,
    )


def finish(proc: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def run(data_dir, *args, timeout: float = 120, **kwargs) -> tuple[int, str, str]:
    return finish(start(data_dir, *args, **kwargs), timeout)


def wait_for(predicate, timeout: float = 30, what: str = "the condition") -> None:
    """Wait until PREDICATE() is true (at most TIMEOUT seconds). For the conditions only a look can
    tell: a file another process writes, a row in a store another process holds."""
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)  # poll: another process's files and store have no signal to wait on


class Watched:
    """A child ``crosspost`` whose output is read as it comes, so a test can wait for a line it
    prints (``wait_for_text``) instead of guessing how long that takes."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.proc = proc
        self.out: list[str] = []
        self.err: list[str] = []
        self._changed = threading.Condition()
        self._readers = [
            threading.Thread(target=self._read, args=(proc.stdout, self.out), daemon=True),
            threading.Thread(target=self._read, args=(proc.stderr, self.err), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def _read(self, stream, into: list[str]) -> None:
        for line in iter(stream.readline, ""):
            with self._changed:
                into.append(line)
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def wait_for_text(self, text: str, timeout: float = 60, stream: str = "err") -> None:
        """Block until TEXT appears in the child's stderr (or stdout), or fail after TIMEOUT."""
        lines = self.err if stream == "err" else self.out
        with self._changed:
            found = self._changed.wait_for(
                lambda: text.lower() in "".join(lines).lower() or self.proc.poll() is not None, timeout
            )
            said = "".join(lines)
        assert found and text.lower() in said.lower(), f"the command never said {text!r}; it said: {said!r}"

    def finish(self, timeout: float = 120) -> tuple[int, str, str]:
        code = self.proc.wait(timeout=timeout)
        for reader in self._readers:
            reader.join(timeout)
        self.proc.stdout.close()
        self.proc.stderr.close()
        return code, "".join(self.out), "".join(self.err)


def start_watched(data_dir, *args, **kwargs) -> Watched:
    """``start`` with its output read line by line as the child writes it."""
    return Watched(start(data_dir, *args, **kwargs))


def assert_clean_failure(code: int, err: str) -> None:
    """The contract for bad input or state: exit 1, one sentence on stderr, no traceback."""
    assert code == 1, err
    assert "Traceback" not in err, err
    assert err.strip().startswith("crosspost:"), err
