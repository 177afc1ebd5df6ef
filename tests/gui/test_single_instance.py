"""One window per data dir: a second launch hands its paths to the running window over a local socket
named after the data dir, and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from crosspost.gui.single_instance import InstanceServer, server_name
from crosspost.paths import resolve

ROOT = Path(__file__).resolve().parents[2]


def test_names_differ_by_data_dir(tmp_path):
    a, b = resolve(tmp_path / "a"), resolve(tmp_path / "b")
    assert server_name(a) != server_name(b)
    assert server_name(a) == server_name(resolve(tmp_path / "a"))


def test_a_second_launch_hands_its_paths_over_and_exits(qtbot, tmp_path):
    location = resolve(tmp_path / "data").ensure()
    server = InstanceServer(location)
    assert server.listen()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    with qtbot.waitSignal(server.pathsReceived, timeout=30000) as received:
        proc = subprocess.Popen(
            [sys.executable, "-m", "crosspost", "--data-dir", str(location.root), "gui", str(photo)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    assert received.args[0] == [str(photo)]
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30000)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    server.close()


def test_a_stale_socket_is_taken_over(qtbot, tmp_path):
    location = resolve(tmp_path / "data").ensure()
    first = InstanceServer(location)
    assert first.listen()
    first.close()
    second = InstanceServer(location)
    assert second.listen()
    second.close()
