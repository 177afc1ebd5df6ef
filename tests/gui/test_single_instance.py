"""One window per data dir: a second launch hands its paths to the running window over a local socket
named after the data dir, and exits."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import procs
import pytest

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


# --- issue 22: the second outside attack on the single-instance socket ------------------------------

SQUATTER = r"""
import os, socket, sys
path = sys.argv[1]
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(path)
os.chmod(path, 0o777)
s.listen(8)
print("ready", flush=True)
while True:
    conn, _ = s.accept()
    data = conn.recv(65536)
    if data:
        print("got", data.decode("utf-8", "replace").strip(), flush=True)
        conn.sendall(b"ok\n")  # says it has them, as the real window does
    conn.close()
"""
NOBODY = 65534


def _other_user_available() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and os.path.exists("/usr/bin/python3")


def _start_squatter(path: str) -> subprocess.Popen:
    """A listener on PATH run by another user (nobody) when the tests run as root, else by this user."""
    python, extra = sys.executable, {}
    if _other_user_available():  # the system's Python: the test's own may sit in a folder only root reads
        python, extra = "/usr/bin/python3", {"user": NOBODY, "group": NOBODY, "cwd": "/"}
    proc = subprocess.Popen(
        [python, "-c", SQUATTER, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **extra
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", proc.stderr.read()
    return proc


def _stop(proc: subprocess.Popen) -> str:
    proc.kill()
    out, _ = proc.communicate(timeout=30)
    return out


def _old_name_in_tmp(location) -> str:
    """Where the first version put the socket: a name in the shared temporary folder."""
    import hashlib

    from PySide6.QtCore import QDir

    root = os.path.realpath(str(location.root))
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    return os.path.join(QDir.tempPath(), "crosspost-" + hashlib.sha256(f"{user}\0{root}".encode()).hexdigest()[:20])


@pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets and user ids")
def test_a_squatter_in_the_shared_temp_folder_gets_nothing(qtbot, tmp_path):
    """Issue 22 #5: another user listening first on /tmp/crosspost-<hash> received the victim's paths
    and the victim's window never opened (exit 0 after 1 s). The victim's real launch ignores the
    squatter, opens its window, and a later launch reaches that window."""
    from crosspost.gui.single_instance import hand_over

    location = resolve(tmp_path / "d").ensure()
    old = _old_name_in_tmp(location)
    if os.path.exists(old):
        os.unlink(old)
    squatter = _start_squatter(old)
    photo = tmp_path / "private-photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    victim = procs.start(location.root, "gui", photo)
    try:
        # the victim either handed its paths over and quit (the bug), or opened its window (which
        # listens before it opens the store)
        procs.wait_for(lambda: victim.poll() is not None or location.db_path.exists(), 90, "the victim")
        assert victim.poll() is None, procs.finish(victim)  # its window is open
        procs.wait_for(lambda: hand_over(location, []), 30, "a later launch to reach the window")
    finally:
        got = _stop(squatter)
        victim.kill()
        victim.communicate(timeout=30)
        if os.path.exists(old):
            os.unlink(old)
    assert "got" not in got and "private-photo" not in got, got


@pytest.mark.skipif(not _other_user_available(), reason="needs a second user (run as root)")
def test_a_listener_of_another_user_at_the_socket_is_refused(qtbot, tmp_path, monkeypatch):
    """SO_PEERCRED: even at the right address, a listener run by another user is never handed paths."""
    from crosspost.gui.single_instance import hand_over, instance_address

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    location = resolve(tmp_path / "d").ensure()
    address = instance_address(location)
    assert address is not None and os.path.dirname(address) == str(runtime)
    shared = Path(tempfile.mkdtemp(prefix="squat-"))  # in /tmp: the other user reaches it
    shared.chmod(0o777)
    squatter = _start_squatter(str(shared / "s"))
    try:
        os.rename(shared / "s", address)  # as if it had got in: the socket stays the squatter's
        assert not hand_over(location, [str(tmp_path / "secret.jpg")])
    finally:
        got = _stop(squatter)
        shutil.rmtree(shared)
    assert "got" not in got, got


@pytest.mark.skipif(sys.platform == "win32", reason="Unix folders and user ids")
def test_the_socket_folder_must_be_this_users_alone(tmp_path, monkeypatch):
    from crosspost.gui.single_instance import instance_address

    location = resolve(tmp_path / "d").ensure()
    open_runtime = tmp_path / "open"
    open_runtime.mkdir()
    open_runtime.chmod(0o777)  # anyone may create a socket here
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(open_runtime))
    address = instance_address(location)
    assert address is not None and not address.startswith(str(open_runtime))
    assert address.startswith(str(location.root))  # the data folder is the next choice
    location.root.chmod(0o777)
    address = instance_address(location)
    assert address is not None and not address.startswith(str(location.root))
    folder = os.path.dirname(address)
    info = os.lstat(folder)  # the private folder in the temporary folder
    assert info.st_uid == os.getuid() and info.st_mode & 0o777 == 0o700


@pytest.mark.parametrize(
    "message",
    [
        b'{"paths": null}\n',
        b"5\n",
        b'{"paths": "text"}\n',
        b'{"paths": [1, 2]}\n',
        b'{"paths": ["relative.jpg"]}\n',
        b'{"paths": ["/a\\u0000b"]}\n',
        b"[" * 100000 + b"\n",
        b"\xff\xfe\n",
        b'{"other": []}\n',
        b"x" * ((1 << 20) + 100),  # no end of line in sight
    ],
)
def test_bad_messages_are_ignored_with_a_log_line(qtbot, tmp_path, caplog, message):
    """Issue 22 #15: {"paths": null} or 5 raised TypeError in the window; {"paths": "text"} opened
    one path per character. A bad message is ignored, logged, and the next good one still works."""
    import logging

    from PySide6.QtNetwork import QLocalSocket

    location = resolve(tmp_path / "d").ensure()
    server = InstanceServer(location)
    assert server.listen()
    received: list = []
    server.pathsReceived.connect(received.append)
    caplog.set_level(logging.INFO, logger="crosspost")
    try:
        client = QLocalSocket()
        client.connectToServer(server.server.fullServerName())
        assert client.waitForConnected(5000)
        client.write(message)
        client.flush()
        qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=10000)
        assert received == []
        assert any("ignored" in r.getMessage() for r in caplog.records), caplog.text
        photo = str(tmp_path / "photo.jpg")
        after = QLocalSocket()  # the next launch, on its own connection
        after.connectToServer(server.server.fullServerName())
        assert after.waitForConnected(5000)
        with qtbot.waitSignal(server.pathsReceived, timeout=10000) as good:
            after.write(json.dumps({"paths": [photo]}).encode() + b"\n")
            after.flush()
        assert good.args[0] == [photo] and received == [[photo]]
    finally:
        server.close()


def test_read_message_takes_only_a_list_of_absolute_paths():
    from crosspost.gui.single_instance import read_message

    assert read_message(b'{"paths": ["/a/b.jpg", "/c d.zip"]}') == ["/a/b.jpg", "/c d.zip"]
    assert read_message(b'{"paths": []}') == []
    for bad in (b'{"paths": null}', b"5", b'{"paths": "text"}', b"", b"null", b'{"paths": [["/a"]]}'):
        assert read_message(bad) is None, bad


@pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")
def test_a_folder_that_cannot_hold_the_socket_is_passed_over(qtbot, tmp_path, monkeypatch):
    """A data folder on a USB stick or a share may refuse sockets: the window listens in the next
    private folder, and a later launch finds it there."""
    from crosspost.gui.single_instance import hand_over, instance_addresses

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    location = resolve(tmp_path / "d").ensure()
    addresses = instance_addresses(location)
    assert len(addresses) >= 2 and addresses[0].startswith(str(runtime))
    os.mkdir(addresses[0])  # something in the way that no socket can replace
    server = InstanceServer(location)
    assert server.listen() and server.name == addresses[1]
    try:
        with qtbot.waitSignal(server.pathsReceived, timeout=10000) as received:
            assert hand_over(location, [str(tmp_path / "p.jpg")])
        assert received.args[0] == [str(tmp_path / "p.jpg")]
    finally:
        server.close()
