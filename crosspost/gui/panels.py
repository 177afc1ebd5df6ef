"""Panels that tell the outcome of a job in the window itself: the import result (new, updated,
unchanged, skipped and why, deleted posts, caption-less exports explained), the link-expiry banner
at the top of the library, and the export result with its path, "Show in folder" and "Copy path"."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crosspost.gui.dialog_buttons import close_row
from crosspost.gui.import_words import import_note_text
from crosspost.gui.media_labels import days_left, human_date
from crosspost.gui.words import Retranslating, fill
from crosspost.records import ExpirySummary

if TYPE_CHECKING:
    from crosspost.importing.importer import ImportResult

_FRAME = "QFrame#%s { border: 1px solid %s; border-radius: 8px; background: %s; }"


class ImportPanel(Retranslating, QFrame):
    """What the last import did, above the pages until closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPanel")
        self.setStyleSheet(_FRAME % ("importPanel", "#9cc3a0", "#f1f8f1"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.result: ImportResult | None = None
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.close_button.setText(self.tr("Close"))
        if self.result is not None:
            self.text.setText(self.describe(self.result))

    def show_result(self, result: ImportResult, name: str) -> None:
        self.result, self.name = result, name
        self.text.setText(self.describe(result))
        self.show()

    def lines(self, r: ImportResult) -> list[str]:
        """The panel's lines (plain text, for tests and the accessible description)."""
        lines = [
            fill(self.tr("Imported %1:"), self.name)
            + " "
            + self.tr(", ").join(
                [
                    self.tr("%n new post(s)", "", r.added),
                    self.tr("%n updated", "", r.updated),
                    self.tr("%n unchanged", "", r.unchanged),
                ]
            )
            + self.tr(".")
        ]
        if r.deleted:
            lines.append(
                self.tr("%n post(s) are ones you deleted on TikTok; they are marked in the library.", "", r.deleted)
            )
        if r.captionless:
            lines.append(
                self.tr(
                    "TikTok's 2019–2022 exports hold no captions, only dates, links and likes; "
                    "your newer export will fill them in."
                )
            )
        if r.merged_into:
            lines.append(
                fill(
                    self.tr("Its posts joined @%1's posts of the same times instead of being added twice."),
                    r.merged_into,
                )
            )
        if not (r.added or r.updated or r.unchanged):
            lines.append(self.tr("This export has no posts of yours in it."))
        if r.warnings:
            lines.append(self.tr("Skipped or changed (%n):", "", len(r.warnings)))
            lines += [f"• {import_note_text(w)}" for w in r.warnings[:8]]
            if len(r.warnings) > 8:
                lines.append(self.tr("… and %n more.", "", len(r.warnings) - 8))
        return lines

    def describe(self, r: ImportResult) -> str:
        return "<br>".join(html.escape(line) for line in self.lines(r))


class ExpiryBanner(Retranslating, QFrame):
    """The export's media links: "expire in 6 days — Fetch all now", or "expired on 23 Dec 2024 —
    attach your own files or request a new export". Hidden when no link is still needed."""

    fetchAllRequested = Signal()
    attachRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expiryBanner")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.fetch_button = QPushButton()
        self.fetch_button.clicked.connect(self.fetchAllRequested)
        self.attach_button = QPushButton()
        self.attach_button.clicked.connect(self.attachRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.fetch_button)
        layout.addWidget(self.attach_button)
        self.summary: ExpirySummary | None = None
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.fetch_button.setText(self.tr("Fetch all now"))
        self.attach_button.setText(self.tr("Attach files…"))
        if self.summary is not None:
            self.set_summary(self.summary)

    def set_summary(self, summary: ExpirySummary) -> None:
        """Show SUMMARY (``crosspost.records.ExpirySummary``)."""
        self.summary = summary
        if not summary.links or not summary.earliest:
            self.hide()
            return
        when = human_date(summary.earliest)
        if summary.expired:
            self.setStyleSheet(_FRAME % ("expiryBanner", "#e3a3a0", "#fdecea"))
            self.text.setText(
                fill(
                    self.tr(
                        "These links expired on %1 — attach your own files (drop them on a post) or "
                        "request a new export from TikTok."
                    ),
                    when,
                )
            )
            self.fetch_button.hide()
            self.attach_button.show()
        else:
            days = days_left(summary.earliest)
            self.setStyleSheet(_FRAME % ("expiryBanner", "#e6c07b", "#fff6e0"))
            text = (
                self.tr("Your export's media links expire today (%1) — fetch them now.")
                if days < 1
                else self.tr("Your export's media links expire in %n day(s) (%1) — fetch them now.", "", days)
            )
            self.text.setText(fill(text, when))
            self.fetch_button.show()
            self.attach_button.hide()
        self.show()


def show_in_folder(path: str) -> bool:
    """Open PATH in the file manager; False where none can be opened."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


class ExportResultDialog(QDialog):
    """Where the bundles went: the path (selectable), "Show in folder", "Copy path"."""

    def __init__(self, bundles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportResult")
        self.bundles = bundles
        self.folder = str(Path(bundles[0]).parent) if bundles else ""
        self.setWindowTitle(self.tr("Export finished"))
        self.heading = QLabel(self.tr("%n bundle(s) exported to:", "", len(bundles)))
        self.path = QLabel(self.folder)
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path.setStyleSheet("font-family: monospace; padding: 6px; background: palette(base);")
        self.path.setWordWrap(True)
        self.names = QLabel("\n".join(Path(b).name for b in bundles[:10]))
        self.names.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.show_button = QPushButton(self.tr("Show in folder"))
        self.copy_button = QPushButton(self.tr("Copy path"))
        self.show_button.clicked.connect(self.show_folder)
        self.copy_button.clicked.connect(self.copy_path)
        buttons = close_row(self)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        for w in (self.heading, self.path, self.names, self.notice):
            layout.addWidget(w)
        layout.addWidget(buttons)
        self.resize(560, 260)

    def show_folder(self) -> None:
        if show_in_folder(self.folder):
            self.notice.setText(self.tr("Opened in your file manager."))
        else:
            self.notice.setText(
                fill(
                    self.tr(
                        "No file manager could be opened here. Your bundles are in %1 (Copy path puts it on the clipboard)."  # noqa: E501
                    ),
                    self.folder,
                )
            )

    def copy_path(self) -> None:
        QGuiApplication.clipboard().setText(self.folder)
        self.notice.setText(self.tr("Path copied."))


class Toast(QLabel):
    """A short confirmation ("Title copied") that clears itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #2e7d32; font-weight: 600;")
        self._timer = QTimer(self, singleShot=True, interval=4000)
        self._timer.timeout.connect(self.clear)

    def say(self, text: str) -> None:
        self.setText(text)
        self._timer.start()


__all__ = ["ImportPanel", "ExpiryBanner", "ExportResultDialog", "Toast", "show_in_folder"]
