"""The real ``crosspost`` command in a child process: for the tests where two commands run at once,
or where a command must meet a full disk or a damaged store exactly as a person would."""

from __future__ import annotations

import os
import subprocess
import sys
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
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def assert_clean_failure(code: int, err: str) -> None:
    """The contract for bad input or state: exit 1, one sentence on stderr, no traceback."""
    assert code == 1, err
    assert "Traceback" not in err, err
    assert err.strip().startswith("crosspost:"), err
