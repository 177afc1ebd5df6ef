"""Send to phone: a QR code for a one-time address on the local network, the network to listen on,
the time left, and every request the phone makes. Closing the dialog stops the server."""

from __future__ import annotations

import queue
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from crosspost.gui.dialog_buttons import close_row
from crosspost.gui.words import Retranslating, fill
from crosspost.handoff.phone_server import LIFETIME, PhonePayload, PhoneServer, RequestEvent


def network_addresses() -> list[str]:
    """The IPv4 addresses to listen on: the local network's first, this computer only (127.0.0.1) last."""
    from crosspost.handoff.network import lan_addresses

    return lan_addresses()


def qr_pixmap(text: str, scale: int = 6) -> QPixmap:
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class PhoneDialog(Retranslating, QDialog):
    def __init__(
        self,
        payload: PhonePayload,
        lang: str = "en",
        parent: QWidget | None = None,
        host: str | None = None,
        lifetime: float = LIFETIME,
    ) -> None:
        super().__init__(parent)
        self.payload = payload
        self.lang = lang
        self.lifetime = lifetime
        self.server: PhoneServer | None = None
        self.log_lines: list[str] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.network = QComboBox()
        for address in network_addresses():
            self.network.addItem(address, address)
        if host is not None:
            index = self.network.findData(host)
            if index < 0:
                self.network.addItem(host, host)
                index = self.network.count() - 1
            self.network.setCurrentIndex(index)
        self.network_label = QLabel()
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address = QLabel()
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.left = QLabel()
        self.log = QListWidget()
        self.buttons = close_row(self)
        form = QFormLayout()
        form.addRow(self.network_label, self.network)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.qr)
        layout.addWidget(self.address)
        layout.addWidget(self.left)
        layout.addWidget(self.log, 1)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.poll)
        self.network.currentIndexChanged.connect(self.restart)
        self.retranslate()
        self.restart()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Send to phone"))
        self.intro.setText(
            self.tr(
                "Scan the code with your phone's camera. The phone must be on the same network "
                "as this computer. Nothing goes through the internet."
            )
        )
        self.network_label.setText(self.tr("Network"))
        index = self.network.findData("127.0.0.1")
        if index >= 0:
            self.network.setItemText(index, self.tr("127.0.0.1 (this computer only)"))

    def restart(self) -> None:
        """(Re)start the server on the chosen address (a new token each time)."""
        from crosspost.errors import UserError
        from crosspost.gui.messages import window_message

        self.stop()
        host = self.network.currentData() or "127.0.0.1"
        try:
            self.server = PhoneServer(self.payload, host, lang=self.lang, lifetime=self.lifetime).start()
        except UserError as exc:
            self.server = None
            self.qr.clear()
            self.address.setText(window_message(exc))
            return
        self.qr.setPixmap(qr_pixmap(self.server.url))
        self.address.setText(self.server.url)
        self.add_log(fill(self.tr("Listening on %1"), host))
        self.timer.start()
        self.poll()

    def describe(self, event: RequestEvent) -> str:
        device = {
            "iPhone": self.tr("iPhone"),
            "iPad": self.tr("iPad"),
            "Android phone": self.tr("Android phone"),
            "Android tablet": self.tr("Android tablet"),
        }.get(event.device, event.device)
        if event.path_kind == "page":
            return fill(self.tr("%1 opened the page"), device)
        if event.path_kind == "download":
            return fill(self.tr("%1 downloaded %2"), device, event.file or "")
        if event.path_kind == "file":
            return fill(self.tr("%1 loaded %2"), device, event.file or "")
        return fill(self.tr("%1 was refused (%2)"), device, str(event.status))

    def add_log(self, text: str) -> None:
        line = f"{time.strftime('%H:%M:%S')}  {text}"
        self.log_lines.append(text)
        self.log.addItem(line)
        self.log.scrollToBottom()

    def poll(self) -> None:
        server = self.server
        if server is None:
            return
        while True:
            try:
                event = server.events.get_nowait()
            except queue.Empty:
                break
            self.add_log(self.describe(event))
        if server.running:
            minutes, seconds = divmod(int(server.seconds_left()), 60)
            self.left.setText(
                fill(self.tr("Stops in %1:%2 or when you close this window."), str(minutes), f"{seconds:02d}")
            )
        else:
            self.timer.stop()
            self.qr.clear()
            self.left.setText(self.tr("Stopped. Close this window and send again for a new code."))

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.poll()
        self.timer.stop()

    def done(self, result: int) -> None:
        self.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.stop()
        super().closeEvent(event)
