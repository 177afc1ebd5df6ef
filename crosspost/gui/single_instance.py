"""One window per data dir. The first launch listens on a local socket named after its data dir; a
second launch (double-click, "Open with", ``crosspost gui FILE``) hands its paths to it and quits,
and the running window raises itself and opens them. Two windows therefore never write one store,
and two data dirs (two people, or tests) never collide."""

from __future__ import annotations

import hashlib
import json
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from crosspost.paths import DataLocation

TIMEOUT_MS = 2000


def server_name(location: DataLocation) -> str:
    """A name unique to the data dir and the user (short: macOS caps socket paths at 104 bytes)."""
    root = os.path.realpath(str(location.root))
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    return "crosspost-" + hashlib.sha256(f"{user}\0{root}".encode()).hexdigest()[:20]


def hand_over(location: DataLocation, paths: list[str]) -> bool:
    """When a window already runs for LOCATION: give it PATHS (it raises itself) and return True."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(location))
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(json.dumps({"paths": [os.path.abspath(p) for p in paths]}).encode() + b"\n")
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.waitForReadyRead(TIMEOUT_MS)  # the window says it has them
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; ``pathsReceived`` carries their paths (possibly none)."""

    pathsReceived = Signal(list)

    def __init__(self, location: DataLocation, parent=None):
        super().__init__(parent)
        self.name = server_name(location)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connection)

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # A socket left by a window that crashed: nobody answers on it, so take it over.
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()

            def ready(socket=socket, buffer=buffer) -> None:
                buffer.extend(bytes(socket.readAll()))
                if b"\n" in buffer:
                    line = bytes(buffer).split(b"\n", 1)[0]
                    try:
                        paths = [str(p) for p in json.loads(line.decode()).get("paths", [])]
                    except (ValueError, AttributeError):
                        paths = []
                    socket.write(b"ok\n")
                    socket.flush()
                    socket.disconnectFromServer()
                    self.pathsReceived.emit(paths)

            socket.readyRead.connect(ready)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                ready()

    def close(self) -> None:
        self.server.close()


def raise_window(window) -> None:
    from PySide6.QtCore import Qt

    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


__all__ = ["InstanceServer", "hand_over", "raise_window", "server_name"]
