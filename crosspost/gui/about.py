"""Help → About Crosspost: the version, the licence of the app and of what it bundles, and the data
folder (where the library lives), with buttons to open or copy it."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import crosspost
from crosspost.bundled import BUNDLED, FONTS
from crosspost.gui.dialog_buttons import close_row
from crosspost.gui.words import Retranslating, fill


def bundled_lines() -> list[str]:
    """One line per bundled package that is installed here: name, version, licence."""
    lines = []
    for name, licence in BUNDLED:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
        lines.append(f"{name} {version} — {licence}")
    lines.append(FONTS)
    return lines


class AboutDialog(Retranslating, QDialog):
    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_folder = Path(data_folder)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.licence = QLabel()
        self.licence.setWordWrap(True)
        self.licence.setOpenExternalLinks(True)
        self.third_party_label = QLabel()
        self.third_party = QPlainTextEdit("\n".join(bundled_lines()))
        self.third_party.setReadOnly(True)
        self.third_party.setTabChangesFocus(True)
        self.folder_label = QLabel()
        self.folder = QLabel(str(self.data_folder))
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button, self.copy_button = QPushButton(), QPushButton()
        self.open_button.clicked.connect(self.open_folder)
        self.copy_button.clicked.connect(self.copy_folder)
        self.notice = QLabel()
        self.buttons = close_row(self)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.open_button)
        folder_row.addWidget(self.copy_button)
        folder_row.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (
            self.heading,
            self.licence,
            self.third_party_label,
            self.third_party,
            self.folder_label,
            self.folder,
        ):
            layout.addWidget(widget)
        layout.addLayout(folder_row)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        self.resize(560, 460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Crosspost"))
        self.heading.setText(fill(self.tr("Crosspost %1"), crosspost.__version__))
        self.licence.setText(
            self.tr(
                "Carries your TikTok work to RedNote and beyond, offline on your own computer. "
                "Free software under the GNU General Public License, version 3 or later."
            )
        )
        self.third_party_label.setText(self.tr("Included software and fonts, with their licences:"))
        self.folder_label.setText(self.tr("Your library, drafts and language packs are kept in:"))
        self.open_button.setText(self.tr("Show in folder"))
        self.copy_button.setText(self.tr("Copy path"))

    def open_folder(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder))):
            self.notice.setText(fill(self.tr("No file manager here; the folder is: %1"), str(self.data_folder)))

    def copy_folder(self) -> None:
        QGuiApplication.clipboard().setText(str(self.data_folder))
        self.notice.setText(self.tr("Path copied."))
