"""One window per data dir. The first launch listens on a local socket named after its data dir; a
second launch (double-click, "Open with", ``crosspost gui FILE``) hands its paths to it and quits,
and the running window raises itself and opens them. Two windows therefore never write one store,
and two data dirs (two people, or tests) never collide.

Another user on the same computer must neither receive those paths nor keep the window from opening
by listening first under the same name (issue 22). So, on Linux and macOS, the socket lives in a
folder only this user can write: ``$XDG_RUNTIME_DIR``, else the data folder, else a private
``crosspost-<uid>`` folder made in the temporary folder, each used only when it is a real folder
owned by this user that nobody else may write to (see ``instance_address``). On Linux both ends also
check that the other end is this user (``SO_PEERCRED``). Other Unix systems (macOS) have no
``SO_PEERCRED`` in Python: there the user-only folder is the guard. On Windows the name is a named
pipe; ``UserAccessOption`` limits the pipe to this user.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import stat
import struct
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from crosspost.paths import DataLocation

TIMEOUT_MS = 2000
MAX_MESSAGE = 1 << 20  # bytes: a message longer than this (without its newline) is dropped
MAX_PATHS = 10_000
MAX_SOCKET_PATH = 100  # bytes: Linux allows 107, macOS 103

log = logging.getLogger("crosspost")


def server_name(location: DataLocation) -> str:
    """A name unique to the data dir and the user (short: macOS caps socket paths at 104 bytes)."""
    root = os.path.realpath(str(location.root))
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    return "crosspost-" + hashlib.sha256(f"{user}\0{root}".encode()).hexdigest()[:20]


def _private_folder(folder: Path | str) -> bool:
    """Whether FOLDER is a real folder (not a link) owned by this user that no one else may write."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o022


def _private_temp_folder() -> Path | None:
    """``<temp>/crosspost-<uid>``, made 0700 if missing; None when someone else made it first (or
    made it a link, or opened it to others): then it is not used."""
    folder = Path(tempfile.gettempdir()) / f"crosspost-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    if not _private_folder(folder):
        return None
    info = os.lstat(folder)
    return folder if not info.st_mode & 0o077 else None


def instance_addresses(location: DataLocation) -> list[str]:
    """Where the window for LOCATION may listen, in order: a socket path in each folder only this
    user can write (a plain pipe name on Windows). The window listens on the first that works (a
    data folder on a USB stick or a network share may not hold sockets) and a later launch tries
    them in the same order. Empty when there is no such folder: then every launch opens its own
    window rather than talk through a place others could take."""
    name = server_name(location)
    if sys.platform == "win32" or not hasattr(os, "getuid"):
        return [name]
    folders: list[Path] = []
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime):
        folders.append(Path(runtime))
    folders.append(location.root)
    addresses = [os.path.join(f, name) for f in folders if _private_folder(f)]
    temp = _private_temp_folder()
    if temp is not None:
        addresses.append(os.path.join(temp, name))
    addresses = [a for a in addresses if len(os.fsencode(a)) <= MAX_SOCKET_PATH]
    if not addresses:
        log.warning("No private folder for the single-window socket; this window will not receive other launches.")
    return addresses


def instance_address(location: DataLocation) -> str | None:
    """The first place the window for LOCATION would listen (see ``instance_addresses``)."""
    addresses = instance_addresses(location)
    return addresses[0] if addresses else None


def peer_uid(descriptor: int) -> int | None:
    """The user id at the other end of the connected local socket DESCRIPTOR (``SO_PEERCRED``,
    Linux), or None where the system cannot say (then the user-only folder is the guard)."""
    if not hasattr(socket, "SO_PEERCRED") or descriptor < 0:
        return None
    try:
        with socket.fromfd(descriptor, socket.AF_UNIX, socket.SOCK_STREAM) as s:  # a duplicate: ours to close
            raw = s.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except OSError:
        return None
    return struct.unpack("3i", raw)[1]


def _peer_is_this_user(sock: QLocalSocket) -> bool:
    uid = peer_uid(int(sock.socketDescriptor()))
    return uid is None or uid == os.getuid()


def read_message(line: bytes) -> list[str] | None:
    """The paths in one message from a later launch (``{"paths": ["/abs/path", …]}``), or None for
    anything else. Never raises, whatever the bytes."""
    try:
        data = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    paths = data.get("paths")
    if not isinstance(paths, list) or len(paths) > MAX_PATHS:
        return None
    for p in paths:
        if not isinstance(p, str) or not p or "\0" in p or not os.path.isabs(p):
            return None
        try:
            os.fsencode(p)
        except UnicodeError:
            return None
    return list(paths)


def hand_over(location: DataLocation, paths: list[str]) -> bool:
    """When a window already runs for LOCATION: give it PATHS (it raises itself) and return True."""
    for address in instance_addresses(location):
        if _hand_over_at(address, paths):
            return True
    return False


def _hand_over_at(address: str, paths: list[str]) -> bool:
    sock = QLocalSocket()
    sock.connectToServer(address)
    if not sock.waitForConnected(TIMEOUT_MS):
        return False
    if not _peer_is_this_user(sock):
        log.warning("The single-window socket %s belongs to another user; not handing paths to it.", address)
        sock.abort()
        return False
    sock.write(json.dumps({"paths": [os.path.abspath(p) for p in paths]}).encode() + b"\n")
    sock.flush()
    sock.waitForBytesWritten(TIMEOUT_MS)
    sock.waitForReadyRead(TIMEOUT_MS)  # the window says it has them
    sock.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; ``pathsReceived`` carries their paths (possibly none)."""

    pathsReceived = Signal(list)

    def __init__(self, location: DataLocation, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.addresses = instance_addresses(location)
        self.name: str | None = None  # where it listens, once it does
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connection)

    def listen(self) -> bool:
        for address in self.addresses:
            if not self.server.listen(address):
                # A socket left by a window that crashed: nobody answers on it, so take it over.
                # (Only in a folder of this user's: nobody else can have put it there.)
                QLocalServer.removeServer(address)
                if not self.server.listen(address):
                    continue
            self.name = address
            return True
        return False

    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            # The socket stays a child of the server until the window closes (a few hundred bytes
            # per later launch): a deleteLater() still pending when the server is destroyed crashes
            # PySide ("shared QObject was deleted directly").
            sock = self.server.nextPendingConnection()
            if not _peer_is_this_user(sock):
                log.warning("A launch by another user reached the single-window socket; ignored.")
                sock.abort()
                continue
            buffer = bytearray()
            done = [False]

            def ready(sock: QLocalSocket = sock, buffer: bytearray = buffer, done: list[bool] = done) -> None:
                if done[0]:
                    return
                buffer.extend(bytes(sock.readAll().data()))
                if b"\n" not in buffer:
                    if len(buffer) > MAX_MESSAGE:
                        done[0] = True
                        log.warning("A message from another launch was too long; ignored.")
                        sock.abort()
                    return
                done[0] = True
                line = bytes(buffer).split(b"\n", 1)[0]
                paths = read_message(line)
                sock.write(b"ok\n" if paths is not None else b"no\n")
                sock.flush()
                sock.disconnectFromServer()
                if paths is None:
                    log.warning("A malformed message from another launch was ignored (%d bytes).", len(line))
                    return
                self.pathsReceived.emit(paths)

            sock.readyRead.connect(ready)
            if sock.bytesAvailable():
                ready()

    def close(self) -> None:
        self.server.close()


def raise_window(window: QWidget) -> None:
    from PySide6.QtCore import Qt

    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


__all__ = [
    "InstanceServer",
    "hand_over",
    "instance_address",
    "instance_addresses",
    "peer_uid",
    "raise_window",
    "read_message",
    "server_name",
]
