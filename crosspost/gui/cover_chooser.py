"""The cover's title for the selected draft: a style chooser and the text, with a live preview over
the draft's cover frame. Apply stores them on the draft (an edit like any other, undo-able)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout

from crosspost.media.cover_styles import STYLES

PREVIEW = (270, 360)  # drawn at this size: the layout scales with the width, so it matches the real cover


def to_pixmap(image) -> QPixmap:
    image = image.convert("RGB")
    data = image.tobytes()
    qimage = QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(qimage.copy())


class CoverChooser(QGroupBox):
    changed = Signal(int)  # draft id, after Apply

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.draft_id: int | None = None
        self._base = None
        self._draft = None
        self.style = QComboBox()
        for s in STYLES:
            self.style.addItem(s, s)
        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        self.preview = QLabel()
        self.preview.setFixedSize(*PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.apply_button = QPushButton()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.done = QLabel()  # what "Use this cover" did, until another draft is chosen
        self.done.setObjectName("coverDone")
        self.done.setWordWrap(True)
        self.done.setStyleSheet("color: #2e7d32; font-weight: 600;")
        self.done.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.style)
        layout.addWidget(self.text)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.apply_button)
        layout.addWidget(self.done)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.update_preview)
        self.style.currentIndexChanged.connect(lambda _: self.update_preview())
        self.text.textChanged.connect(lambda _: self._debounce.start())
        self.apply_button.clicked.connect(self.apply)
        self.retranslate()
        self.set_draft(None)

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Cover title"))
        labels = {
            "bold": self.tr("Bold title"),
            "banner": self.tr("Banner"),
            "bilingual": self.tr("Title and subtitle"),
            "none": self.tr("No text"),
        }
        for i, s in enumerate(STYLES):
            self.style.setItemText(i, labels[s])
        self.text.setPlaceholderText(self.tr("The draft's title"))
        self.text.setToolTip(self.tr("For a subtitle, write it after “ | ”."))
        self.apply_button.setText(self.tr("Use this cover"))

    def set_draft(self, draft_id: int | None) -> None:
        from crosspost.drafts.cover import styles_for
        from crosspost.drafts.store import get_draft
        from crosspost.platforms import get_profile

        if draft_id != self.draft_id:
            self.say_done("")
        self.draft_id = draft_id
        self._base = None
        enabled = False
        if draft_id is not None:
            d = get_draft(self.store, draft_id)
            self._draft = d
            allowed = styles_for(get_profile(d.platform))
            enabled = len(allowed) > 1
            self.style.blockSignals(True)
            self.text.blockSignals(True)
            self.style.setCurrentIndex(max(0, self.style.findData(d.cover_style)))
            self.text.setText("" if not d.cover_text or d.cover_text == d.title else d.cover_text)
            self.text.setPlaceholderText(d.title)
            self.style.blockSignals(False)
            self.text.blockSignals(False)
            self.note.setText("" if enabled else self.tr("Covers on this platform carry no title."))
        else:
            self.note.setText(self.tr("Choose a draft to see its cover."))
        for w in (self.style, self.text, self.apply_button):
            w.setEnabled(enabled)
        self.update_preview()

    def update_preview(self) -> None:
        from crosspost.drafts.cover import preview, preview_base

        if self.draft_id is None or self._draft is None:
            self.preview.clear()
            return
        if self._base is None:
            self._base = preview_base(self._draft).resize(PREVIEW)
        image = preview(self.store, self._draft, self.style.currentData(), self.text.text(), self._base)
        self.preview.setPixmap(to_pixmap(image))
        self.preview_image = image

    def say_done(self, text: str) -> None:
        self.done.setText(text)
        self.done.setVisible(bool(text))

    def apply(self) -> None:
        from crosspost.drafts.store import edit_draft, get_draft
        from crosspost.errors import UserError
        from crosspost.gui.dialogs import show_error
        from crosspost.gui.messages import window_message

        if self.draft_id is None:
            return
        before = get_draft(self.store, self.draft_id)
        try:
            after = edit_draft(
                self.store, self.draft_id, cover_style=self.style.currentData(), cover_text=self.text.text()
            ).draft
        except UserError as exc:
            show_error(self, window_message(exc))
            return
        if (after.cover_style, after.cover_text) == (before.cover_style, before.cover_text):
            self.say_done(self.tr("The cover already looks like this."))
            return
        if after.cover_style == "none":
            text = self.tr("Cover saved without a title.")
        else:
            words = after.cover_text or after.title
            text = self.tr("Cover saved: %1, “%2”.").replace("%1", self.style.currentText()).replace("%2", words)
        if after.cover:
            text += " " + self.tr("The rendered cover was drawn again.")
        else:
            text += " " + self.tr("It is drawn when you render the draft.")
        self.say_done(text)
        self.changed.emit(self.draft_id)
