"""The cover's title for the selected draft: a style chooser and the text, with a live preview over
the draft's cover frame. Apply stores them on the draft (an edit like any other, undo-able).

The preview is drawn off the GUI thread (a long title took seconds per keystroke): each change makes
a numbered request for one worker thread; a request that is no longer the latest when the worker
reaches it is skipped, and a result that is not the latest one's is dropped, so only the newest
preview is ever shown. The worker never touches Qt: results go on a queue the GUI thread drains on a
short timer (as in ``tasks.py``). The text is capped at what a cover holds, and a note beside the
preview says when the cover font cannot draw some of it.
"""

from __future__ import annotations

import queue
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from crosspost.gui.media_preview import to_pixmap
from crosspost.gui.words import Retranslating, fill
from crosspost.limits import MAX_COVER_TEXT_CHARS
from crosspost.media.cover_styles import STYLES
from crosspost.records import Draft
from crosspost.store import Store

if TYPE_CHECKING:
    from PIL.Image import Image

PREVIEW = (270, 360)  # drawn at this size: the layout scales with the width, so it matches the real cover
POLL_MS = 30


@dataclass(frozen=True)
class PreviewRequest:
    number: int
    draft: Any  # the Draft (frozen): safe to read on the worker
    base: Any  # the cover frame at PREVIEW size, None until the worker made it once
    style: str
    title: str
    subtitle: str


@dataclass(frozen=True)
class PreviewResult:
    number: int
    draft_id: int
    base: Any
    image: Any
    missing: str  # characters the cover font cannot draw (see ``undrawable``)
    blank: bool  # the title has text, none of it drawable: the cover would carry no title
    thread: int  # the thread that drew it (never the GUI thread)


def draw_preview(request: PreviewRequest) -> PreviewResult:
    """On the worker thread: the cover frame (once per draft) and the title drawn over it."""
    from crosspost.drafts.cover import preview_base
    from crosspost.media.cover_text import draw_cover_text, drawable, undrawable

    base = request.base if request.base is not None else preview_base(request.draft).resize(PREVIEW)
    image = draw_cover_text(base, request.style, request.title, request.subtitle)
    shown = request.style != "none"
    return PreviewResult(
        request.number,
        request.draft.id,
        base,
        image,
        undrawable(request.title + request.subtitle) if shown else "",
        shown and bool(request.title.strip()) and not drawable(request.title[:MAX_COVER_TEXT_CHARS]).strip(),
        threading.get_ident(),
    )


class PreviewWorker:
    """One worker thread drawing the latest request; stale requests are skipped, stale results dropped."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._results: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.latest = 0  # the number of the newest request
        self.skipped = 0  # requests overtaken before the worker reached them
        self.dropped = 0  # results overtaken while they were drawn

    def request(self, make: Any) -> int:
        """Queue MAKE(number) -> PreviewRequest; returns the request's number."""
        self.latest += 1
        number = self.latest
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crosspost-cover")
        self._pool.submit(self._work, make(number))
        return number

    def _work(self, request: PreviewRequest) -> None:
        if request.number != self.latest:
            self._results.put(("skipped", request.number))
            return
        try:
            self._results.put(("done", draw_preview(request)))
        except Exception as exc:  # noqa: BLE001 - a preview that cannot be drawn shows none
            self._results.put(("failed", (request.number, f"{type(exc).__name__}: {exc}")))

    def take(self) -> list[tuple[str, Any]]:
        """On the GUI thread: what the worker finished since the last call."""
        out = []
        while True:
            try:
                out.append(self._results.get_nowait())
            except queue.Empty:
                return out

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


class CoverChooser(Retranslating, QGroupBox):
    changed = Signal(int)  # draft id, after Apply
    previewShown = Signal(int)  # the number of the request whose preview is now shown

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.draft_id: int | None = None
        self._base: Image | None = None
        self._draft: Draft | None = None
        self.style_box = QComboBox()
        for s in STYLES:
            self.style_box.addItem(s, s)
        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        self.text.setMaxLength(MAX_COVER_TEXT_CHARS)
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
        # What the cover leaves out (a script the font lacks, or all of it), and the length cap.
        self.text_note = QLabel()
        self.text_note.setWordWrap(True)
        self.text_note.hide()
        self.preview_image = None
        self.shown_request = 0  # the number of the request whose preview is shown
        self.render_thread: int | None = None  # the thread that drew the shown preview
        self._worker = PreviewWorker()
        self._missing = ""
        self._blank = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        self.destroyed.connect(self._worker.shutdown)
        layout = QVBoxLayout(self)
        layout.addWidget(self.style_box)
        layout.addWidget(self.text)
        layout.addWidget(self.text_note)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.apply_button)
        layout.addWidget(self.done)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.update_preview)
        self.style_box.currentIndexChanged.connect(lambda _: self.update_preview())
        self.text.textChanged.connect(lambda _: self._debounce.start())
        self.text.textChanged.connect(lambda _: self._show_text_note())
        self.apply_button.clicked.connect(self.apply)
        self.retranslate()
        self.set_draft(None)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Cover title"))
        labels = {
            "bold": self.tr("Bold title"),
            "banner": self.tr("Banner"),
            "bilingual": self.tr("Title and subtitle"),
            "none": self.tr("No text"),
        }
        for i, s in enumerate(STYLES):
            self.style_box.setItemText(i, labels[s])
        self.text.setPlaceholderText(self.tr("The draft's title"))
        self.text.setToolTip(
            self.tr("For a subtitle, write it after “ | ”.")
            + "\n"
            + fill(self.tr("A cover holds at most %1 characters."), str(MAX_COVER_TEXT_CHARS))
        )
        self.apply_button.setText(self.tr("Use this cover"))
        self._show_text_note()

    def set_draft(self, draft_id: int | None) -> None:
        from crosspost.drafts.cover import styles_for
        from crosspost.drafts.store import get_draft
        from crosspost.errors import NotFound
        from crosspost.platforms import get_profile

        if draft_id != self.draft_id:
            self.say_done("")
        self.draft_id = draft_id
        self._base = None
        enabled = False
        if draft_id is not None:
            try:
                d = get_draft(self.store, draft_id)
            except NotFound:  # deleted a moment ago; the queue is about to read the drafts again
                self.set_draft(None)
                return
            self._draft = d
            allowed = styles_for(get_profile(d.platform))
            enabled = len(allowed) > 1
            self.style_box.blockSignals(True)
            self.text.blockSignals(True)
            self.style_box.setCurrentIndex(max(0, self.style_box.findData(d.cover_style)))
            self.text.setText("" if not d.cover_text or d.cover_text == d.title else d.cover_text)
            self.text.setPlaceholderText(d.title)
            self.style_box.blockSignals(False)
            self.text.blockSignals(False)
            self.note.setText("" if enabled else self.tr("Covers on this platform carry no title."))
        else:
            self.note.setText(self.tr("Choose a draft to see its cover."))
        for w in (self.style_box, self.text, self.apply_button):
            w.setEnabled(enabled)
        self.update_preview()

    def update_preview(self) -> None:
        """Ask the worker for the preview of the current style and text (returns at once)."""
        import dataclasses

        from crosspost.drafts.cover import texts_of

        if self.draft_id is None or self._draft is None:
            self._worker.latest += 1  # whatever is being drawn is stale now
            self.preview.clear()
            self.preview_image = None
            self._missing, self._blank = "", False
            self._show_text_note()
            return
        d = dataclasses.replace(self._draft, cover_text=self.text.text())
        title, subtitle = texts_of(self.store, d)  # the store stays on this thread
        style = self.style_box.currentData()
        base = self._base
        self._worker.request(lambda n: PreviewRequest(n, d, base, style, title, subtitle))
        if not self._poll.isActive():
            self._poll.start()

    @property
    def preview_pending(self) -> bool:
        return self.shown_request != self._worker.latest

    def _collect(self) -> None:
        """On the GUI thread: show the newest finished preview; drop the ones overtaken."""
        for kind, value in self._worker.take():
            if kind == "skipped":
                self._worker.skipped += 1
            if kind != "done":
                continue
            if value.number != self._worker.latest:
                self._worker.dropped += 1
                continue
            if self._draft is not None and value.draft_id == self._draft.id:
                self._base = value.base
            self.preview_image = value.image
            self.preview.setPixmap(to_pixmap(value.image))
            self.shown_request = value.number
            self.render_thread = value.thread
            self._missing, self._blank = value.missing, value.blank
            self._show_text_note()
            self.previewShown.emit(value.number)
        if not self.preview_pending:
            self._poll.stop()

    def _show_text_note(self) -> None:
        lines = []
        if self._blank:
            lines.append(self.tr("The cover text can't be drawn with the cover font; the cover would carry no title."))
        elif self._missing:
            shown = " ".join(self._missing[:12]) + (" …" if len(self._missing) > 12 else "")
            lines.append(
                fill(self.tr("The cover text can't be drawn with the cover font: %1 will be left out."), shown)
            )
        if len(self.text.text()) >= MAX_COVER_TEXT_CHARS:
            lines.append(fill(self.tr("A cover holds at most %1 characters."), str(MAX_COVER_TEXT_CHARS)))
        self.text_note.setText("\n".join(lines))
        self.text_note.setVisible(bool(lines))

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
                self.store, self.draft_id, cover_style=self.style_box.currentData(), cover_text=self.text.text()
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
            text = fill(self.tr("Cover saved: %1, “%2”."), self.style_box.currentText(), words)
        if after.cover:
            text += " " + self.tr("The rendered cover was drawn again.")
        else:
            text += " " + self.tr("It is drawn when you render the draft.")
        self.say_done(text)
        self.changed.emit(self.draft_id)
