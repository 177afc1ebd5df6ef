"""The sentence view of the editor: each caption sentence beside its translation, what the
translation says translated back (muted, never exported) underneath, doubtful sentences in amber
with "check this sentence"; edit one sentence, pick another wording, or add a glossary entry from
a word selected on each side. Engine work runs on the task runner, off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crosspost.gui.context import AppContext, Changes
from crosspost.gui.words import Retranslating, fill

if TYPE_CHECKING:
    from crosspost.gui.tasks import Job, ProgressFn
    from crosspost.progress import CancelToken
    from crosspost.store import Store
    from crosspost.translation.checking import Alternative, PostCheck, SentencePair

AMBER, AMBER_BG, MUTED = "#b26a00", "#fff6e5", "#7a7a7a"


class SentenceRow(QFrame):
    """One pair: the source sentence | its translation, the back-translation and the flag."""

    editRequested = Signal(int, str)  # sentence number, new wording
    wordingsRequested = Signal(int)
    resetRequested = Signal(int)

    def __init__(self, pair: SentencePair, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair = pair
        self.setObjectName("sentenceRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        self.number = QLabel(f"{pair.n}.")
        self.source_label = QLabel(pair.source)
        self.text_label = QLabel(pair.text)
        self.back_label = QLabel(pair.back.strip() if pair.has_words else "")
        self.flag = QLabel()
        self.mine = QLabel()
        for label in (self.source_label, self.text_label, self.back_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back_label.setStyleSheet(f"color: {MUTED}; font-style: italic;")
        self.flag.setStyleSheet(f"color: {AMBER}; font-weight: 600;")
        self.mine.setStyleSheet(f"color: {MUTED};")
        self.editor = QLineEdit()
        self.editor.hide()
        self.editor.returnPressed.connect(self._save)
        self.edit_button, self.wordings_button, self.reset_button = QPushButton(), QPushButton(), QPushButton()
        self.edit_button.clicked.connect(self.start_edit)
        self.wordings_button.clicked.connect(lambda: self.wordingsRequested.emit(self.pair.n))
        self.reset_button.clicked.connect(lambda: self.resetRequested.emit(self.pair.n))
        self.reset_button.setVisible(pair.edited)
        for b in (self.edit_button, self.wordings_button, self.reset_button):
            b.setEnabled(pair.has_words)
        right = QVBoxLayout()
        right.addWidget(self.text_label)
        right.addWidget(self.editor)
        right.addWidget(self.back_label)
        flags = QHBoxLayout()
        flags.addWidget(self.flag)
        flags.addWidget(self.mine)
        flags.addStretch(1)
        for b in (self.edit_button, self.wordings_button, self.reset_button):
            flags.addWidget(b)
        right.addLayout(flags)
        grid.addWidget(self.number, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.source_label, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(right, 0, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        if pair.doubtful:
            self.setStyleSheet(
                f"QFrame#sentenceRow {{ border: 2px solid {AMBER}; background: {AMBER_BG}; border-radius: 6px; }}"
            )
        self.retranslate()

    def retranslate(self) -> None:
        self.flag.setText(self.tr("check this sentence") if self.pair.doubtful else "")
        self.mine.setText(self.tr("your wording") if self.pair.edited else "")
        self.edit_button.setText(self.tr("Edit"))
        self.wordings_button.setText(self.tr("Other wordings"))
        self.reset_button.setText(self.tr("Machine's wording"))
        tips = {
            "back-translation far from the source": self.tr("What it says back is far from your sentence."),
            "low engine confidence": self.tr("The translator was unsure of this wording."),
        }
        self.flag.setToolTip("\n".join(tips.get(r, r) for r in self.pair.reasons))
        self.back_label.setToolTip(
            self.tr("What the translation says, translated back. Only shown here: it is never exported.")
        )

    def start_edit(self) -> None:
        self.editor.setText(self.pair.text)
        self.text_label.hide()
        self.editor.show()
        self.editor.setFocus()

    def _save(self) -> None:
        text = self.editor.text().strip()
        self.editor.hide()
        self.text_label.show()
        if text and text != self.pair.text:
            self.editRequested.emit(self.pair.n, text)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - double-click a pair to edit it
        if self.pair.has_words:
            self.start_edit()
        super().mouseDoubleClickEvent(event)


class WordingsDialog(QDialog):
    """The engine's other wordings of one sentence, each with what it says back."""

    def __init__(self, n: int, options: list[Alternative], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = options
        self.setWindowTitle(fill(self.tr("Other wordings of sentence %1"), str(n)))
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for option in options:
            mark = "  ✓ " + self.tr("current") if option.current else ""
            flag = "  ⚠ " + self.tr("check this wording") if option.doubtful else ""
            item = QListWidgetItem(f"{option.text}{mark}\n← {option.back.strip()}{flag}")
            item.setData(Qt.ItemDataRole.UserRole, option.k)
            self.list.addItem(item)
        self.list.setCurrentRow(next((i for i, o in enumerate(options) if not o.current), 0))
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.use_button = buttons.addButton(self.tr("Use this wording"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def chosen(self) -> Alternative | None:
        item = self.list.currentItem()
        return self.options[self.list.row(item)] if item else None


class SentenceView(Retranslating, QWidget):
    """Sentence pairs of one post's translation (the store, data dir, runner and settings from CTX)."""

    translationChanged = Signal(int)
    checked = Signal(object)  # the PostCheck shown
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.post_id: int | None = None
        self.check: PostCheck | None = None
        self.rows: list[SentenceRow] = []
        self._picked = {"source": "", "target": ""}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.glossary_button, self.refresh_button = QPushButton(), QPushButton()
        self.glossary_button.clicked.connect(self.add_to_glossary)
        self.refresh_button.clicked.connect(lambda: self.post_id and self.load(self.post_id))
        self.header_source, self.header_target = QLabel(), QLabel()
        for h in (self.header_source, self.header_target):
            h.setStyleSheet("font-weight: 600;")
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.glossary_button)
        head.addWidget(self.refresh_button)
        columns = QHBoxLayout()
        columns.addWidget(self.header_source, 1)
        columns.addWidget(self.header_target, 1)
        self.container = QWidget()
        self.rows_layout = QVBoxLayout(self.container)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        # Rows keep the height their wrapped text needs; the area scrolls rather than squeezing them.
        self.rows_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.rows_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.container)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addLayout(head)
        root.addLayout(columns)
        root.addWidget(self.scroll_area, 1)
        self.retranslate()

    # --- i18n -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for row in getattr(self, "rows", []):
            row.retranslate()
        self.glossary_button.setText(self.tr("Add to glossary"))
        self.glossary_button.setToolTip(
            self.tr("Select a word in your sentence and its translation, then add them to your glossary.")
        )
        self.refresh_button.setText(self.tr("Check again"))
        self.header_source.setText(self.tr("Your caption"))
        self.header_target.setText(self.tr("Translation, and what it says back"))
        self._show_summary()

    @property
    def target(self) -> str:
        return self.ctx.settings.target_lang

    # --- running the core off the GUI thread ------------------------------------------------------
    def _run(self, title: str, job: Job, post_id: int) -> int:
        def done(check: Any) -> None:
            if post_id == self.post_id:
                self.show_check(check)

        def failed(message: str, details: str) -> None:
            if details:
                from crosspost.gui.dialogs import show_error

                show_error(self, message, details)
            if post_id == self.post_id:
                self.summary.setText(message)  # a typed error, already worded with its remedy
                self.failed.emit(message)

        return self.ctx.runner.run(title, job, on_success=done, on_failure=failed)

    def load(self, post_id: int) -> int:
        """Check POST_ID's translation (from memory when it was looked at before)."""
        from crosspost.translation.checking import check_post

        self.post_id = post_id
        self.summary.setText(self.tr("Reading the translation sentence by sentence…"))
        location, target = self.ctx.location, self.target
        return self._run(
            self.tr("Checking the translation"),
            lambda store, progress, cancel: check_post(store, location, post_id, target),
            post_id,
        )

    def _save(self, n: int, text: str | None, replace: bool = False) -> int | None:
        from crosspost.translation.checking import check_post, save_sentence

        post_id, location, target = self.post_id, self.ctx.location, self.target
        if post_id is None:
            return None

        def job(store: Store, progress: ProgressFn, cancel: CancelToken) -> Any:
            save_sentence(store, location, post_id, target, n, text, replace_whole_edit=replace)
            return check_post(store, location, post_id, target)

        def done(check: Any) -> None:
            if post_id == self.post_id:
                self.show_check(check)
            self.translationChanged.emit(post_id)

        return self.ctx.op(
            self.tr("Saving the sentence"),
            job,
            Changes(posts=frozenset([post_id]), drafts=True, origin=self),
            on_success=done,
            on_failure=lambda message, details: self.summary.setText(message),
        )

    def edit_sentence(self, n: int, text: str | None) -> int | None:
        replace = False
        if self.check is not None and self.check.whole_edit:
            answer = QMessageBox.question(
                self,
                self.tr("Crosspost"),
                self.tr(
                    "You edited this translation as a whole. Editing one sentence replaces that edit with "
                    "the sentence-by-sentence translation. Go on?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            replace = True
        return self._save(n, text, replace)

    def show_wordings(self, n: int) -> int | None:
        from crosspost.translation.checking import alternatives

        post_id, location, target = self.post_id, self.ctx.location, self.target
        if post_id is None:
            return None

        def done(options: Any) -> None:
            if post_id != self.post_id:
                return
            self.wordings_dialog = WordingsDialog(n, options, self)
            self.wordings_dialog.accepted.connect(lambda: self._use_wording(n, self.wordings_dialog.chosen()))
            self.wordings_dialog.open()

        return self.ctx.runner.run(
            self.tr("Finding other wordings"),
            lambda store, progress, cancel: alternatives(store, location, post_id, target, n),
            on_success=done,
            on_failure=lambda message, details: self.summary.setText(message),
        )

    def _use_wording(self, n: int, option: Alternative | None) -> None:
        if option is not None and not option.current:
            self.edit_sentence(n, option.text)

    # --- showing ----------------------------------------------------------------------------------
    def show_check(self, check: PostCheck) -> None:
        self.check = check
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        self._picked = {"source": "", "target": ""}
        for pair in check.sentences:
            row = SentenceRow(pair, self.container)
            row.editRequested.connect(self.edit_sentence)
            row.resetRequested.connect(lambda n: self.edit_sentence(n, None))
            row.wordingsRequested.connect(self.show_wordings)
            row.source_label.installEventFilter(self)
            row.text_label.installEventFilter(self)
            self.rows_layout.insertWidget(self.rows_layout.count() - 1, row)
            self.rows.append(row)
        self._show_summary()
        self.checked.emit(check)

    def _show_summary(self) -> None:
        if self.check is None:
            self.summary.setText("")
            return
        total = sum(1 for s in self.check.sentences if s.has_words)
        doubtful = self.check.doubtful_count
        if doubtful:
            text = fill(
                self.tr("%1 of %n sentence(s) may be mistranslated: check the amber ones.", "", total), str(doubtful)
            )
            self.summary.setStyleSheet(f"color: {AMBER}; font-weight: 600;")
        else:
            text = self.tr("%n sentence(s); none looks mistranslated.", "", total)
            self.summary.setStyleSheet("")
        if self.check.whole_edit:
            text += " " + self.tr("You edited the whole translation: these are the machine's sentences.")
        self.summary.setText(text)

    # --- glossary from a selection on each side ---------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(watched, QLabel):
            self.remember_selection(watched)
        return super().eventFilter(watched, event)

    def remember_selection(self, label: QLabel) -> None:
        text = label.selectedText().strip()
        if not text:
            return
        for row in self.rows:
            if label is row.source_label:
                self._picked["source"] = text
            elif label is row.text_label:
                self._picked["target"] = text

    def add_to_glossary(self) -> int | None:
        from crosspost.errors import UserError
        from crosspost.gui.messages import window_message
        from crosspost.translation.glossary import add_entry, posts_with_term

        term, translation = self._picked["source"], self._picked["target"]
        if self.check is None or not term or not translation:
            self.summary.setText(self.tr("Select a word in your sentence and its translation first."))
            return None
        store = self.ctx.store
        try:
            add_entry(store, term, translation, self.check.source, self.check.target)
        except UserError as exc:
            self.summary.setText(window_message(exc))
            return None
        ids = posts_with_term(store, term)
        self.summary.setText(fill(self.tr("Added “%1” → “%2” to your glossary."), term, translation))
        if not ids:
            return None
        self.retranslate_box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Crosspost"),
            fill(self.tr("Translate the %n post(s) that contain “%1” again, with your glossary?", "", len(ids)), term),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        yes = self.retranslate_box.button(QMessageBox.StandardButton.Yes)
        self.retranslate_box.finished.connect(
            lambda _: self.retranslate_box.clickedButton() is yes and self.retranslate_posts(ids)
        )
        self.retranslate_box.open()
        return len(ids)

    def retranslate_posts(self, ids: list[int]) -> int | None:
        from crosspost.translation.service import translate_posts

        if self.check is None:
            return None
        location, source, target, current = self.ctx.location, self.check.source, self.target, self.post_id

        def done(_: object) -> None:
            if current is not None:
                self.translationChanged.emit(current)

        return self.ctx.op(
            self.tr("Translating %n post(s) again", "", len(ids)),
            lambda store, progress, cancel: translate_posts(
                store, location, ids, source, target, progress=progress, cancel=cancel
            ),
            Changes(posts=frozenset(ids), drafts=True),
            on_success=done,
        )
