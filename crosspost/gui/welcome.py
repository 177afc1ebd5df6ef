"""The first-run page: what to do to get a TikTok export, and a big drop zone."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from crosspost.gui.words import Retranslating


class WelcomePage(Retranslating, QWidget):
    """First run: what to do, and a big drop zone."""

    openRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading, self.steps, self.zone_label = QLabel(), QLabel(), QLabel()
        self.heading.setStyleSheet("font-size: 26px; font-weight: 700; color: #d81e06;")
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.zone = QFrame()
        self.zone.setObjectName("dropZone")
        self.zone.setMinimumSize(QSize(520, 200))
        self.set_drag_active(False)
        self.notice = QLabel()  # "This export has no posts of yours in it", after such an import
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b26a00; font-size: 15px;")
        self.notice.hide()
        self.zone_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zone_label.setStyleSheet("font-size: 20px; color: #b0413e; background: transparent;")
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.openRequested)
        zone_layout = QVBoxLayout(self.zone)
        zone_layout.addStretch(1)
        zone_layout.addWidget(self.zone_label)
        zone_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        zone_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addWidget(self.heading)
        layout.addWidget(self.steps)
        layout.addWidget(self.notice)
        layout.addSpacing(16)
        layout.addWidget(self.zone, 1)
        self.retranslate()

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def set_drag_active(self, active: bool) -> None:
        colour = "#ffe3e0" if active else "#fff7f6"
        self.zone.setStyleSheet(
            f"#dropZone {{ border: 3px dashed #e8776d; border-radius: 18px; background: {colour}; }}"
        )

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Bring your TikTok posts to RedNote"))
        self.steps.setText(
            self.tr(
                "<p>1. In TikTok open <b>Profile → Menu ☰ → Settings and privacy → Account → Download your data</b>.</p>"  # noqa: E501
                "<p>2. Choose <b>JSON</b> (or TXT) and <b>All data</b>, then <b>Request data</b>. TikTok prepares it within "  # noqa: E501
                "a few days; download it from the <b>Download data</b> tab.</p>"
                "<p>3. Drop the zip here. Your messages and history are never read; only your own posts.</p>"
            )
        )
        self.zone_label.setText(self.tr("Drop your TikTok export here"))
        self.open_button.setText(self.tr("Choose a file or folder…"))
