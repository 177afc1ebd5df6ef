"""The sentence view of the editor: each caption sentence beside its translation, what the
translation says translated back (muted, never exported) underneath, doubtful sentences in amber
with "check this sentence"; edit one sentence, pick another wording, or add a glossary entry from
the sentence (its selected words, adjusted in a small dialog). Rows take the height of their text
and scroll together; the actions for the current row sit under them, always in view, and in each
row's context menu. Engine work runs on the task runner, off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crosspost.gui.context import AppContext, Changes
from crosspost.gui.dialog_buttons import button_row, ok_cancel
from crosspost.gui.flow_layout import FlowBox
from crosspost.gui.sentence_row import AMBER, SentenceRow
from crosspost.gui.words import Retranslating, fill

if TYPE_CHECKING:
    from crosspost.gui.tasks import Job, ProgressFn
    from crosspost.progress import CancelToken
    from crosspost.store import Store
    from crosspost.translation.checking import Alternative, PostCheck


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
        buttons = button_row(self, QDialogButtonBox.StandardButton.Cancel)
        self.use_button = buttons.addButton(self.tr("Use this wording"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def chosen(self) -> Alternative | None:
        item = self.list.currentItem()
        return self.options[self.list.row(item)] if item else None


class GlossaryEntryDialog(QDialog):
    """A glossary entry from a sentence: the words in the caption and their translation, both filled
    in from the sentence (or the words selected in it) for the user to adjust before adding."""

    entered = Signal(str, str)  # term, translation

    def __init__(self, term: str, translation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryEntry")
        self.setWindowTitle(self.tr("Add to glossary"))
        intro = QLabel(
            self.tr("Keep only the words the glossary should hold on each side: every translation will use them.")
        )
        intro.setWordWrap(True)
        self.term = QLineEdit(term)
        self.translation = QLineEdit(translation)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        self.term_label, self.translation_label = QLabel(self.tr("In your caption")), QLabel(self.tr("Translated as"))
        self.term_label.setBuddy(self.term)
        self.translation_label.setBuddy(self.translation)
        form.addRow(self.term_label, self.term)
        form.addRow(self.translation_label, self.translation)
        self.buttons = ok_cancel(self, self.tr("Add to glossary"))
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(520, 200)
        self.term.setFocus()
        self.term.selectAll()

    def accept(self) -> None:
        term, translation = self.term.text().strip(), self.translation.text().strip()
        if not term or not translation:
            self.problem.setText(self.tr("Fill in both sides: the words and their translation."))
            return  # what was typed stays
        self.entered.emit(term, translation)
        super().accept()


class SentenceView(Retranslating, QWidget):
    """Sentence pairs of one post's translation (the store, data dir, runner and settings from CTX).

    The rows scroll together in one area; the buttons under it (Edit, Other wordings, Machine's
    wording, Add to glossary) act on the current row and stay in view whatever the rows' height. Each
    row's context menu has the same actions."""

    translationChanged = Signal(int)
    checked = Signal(object)  # the PostCheck shown
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.post_id: int | None = None
        self.check: PostCheck | None = None
        self.rows: list[SentenceRow] = []
        self.current: SentenceRow | None = None
        self.row_menu: QMenu | None = None
        self.glossary_dialog: GlossaryEntryDialog | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(lambda: self.post_id and self.load(self.post_id))
        self.header_source, self.header_target = QLabel(), QLabel()
        for h in (self.header_source, self.header_target):
            h.setStyleSheet("font-weight: 600;")
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.refresh_button)
        columns = QHBoxLayout()
        columns.addWidget(self.header_source, 1)
        columns.addWidget(self.header_target, 1)
        self.container = QWidget()
        self.rows_layout = QVBoxLayout(self.container)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.container)
        # The current row's actions: outside the scrolling area, so always in view.
        self.current_label = QLabel()
        self.edit_button, self.wordings_button = QPushButton(), QPushButton()
        self.reset_button, self.glossary_button = QPushButton(), QPushButton()
        self.edit_button.clicked.connect(self.edit_current)
        self.wordings_button.clicked.connect(self.wordings_for_current)
        self.reset_button.clicked.connect(self.reset_current)
        self.glossary_button.clicked.connect(self.add_to_glossary)
        # The buttons wrap onto a second line rather than squeeze their words (a narrow editor, Chinese, 200%).
        self.actions_bar = FlowBox(spacing=6)
        for w in (self.current_label, self.edit_button, self.wordings_button, self.reset_button, self.glossary_button):
            self.actions_bar.flow.addWidget(w)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addLayout(head)
        root.addLayout(columns)
        root.addWidget(self.scroll_area, 1)
        root.addWidget(self.actions_bar)
        self.retranslate()
        self._update_actions()

    # --- i18n -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for row in getattr(self, "rows", []):
            row.retranslate()
        self.edit_button.setText(self.tr("Edit"))
        self.wordings_button.setText(self.tr("Other wordings"))
        self.reset_button.setText(self.tr("Machine's wording"))
        self.glossary_button.setText(self.tr("Add to glossary…"))
        self.glossary_button.setToolTip(
            self.tr(
                "Add a term of this sentence and its translation to your glossary (select words on each "
                "side first, or adjust them in the dialog)."
            )
        )
        self.refresh_button.setText(self.tr("Check again"))
        self.header_source.setText(self.tr("Your caption"))
        self.header_target.setText(self.tr("Translation, and what it says back"))
        self._show_summary()
        self._update_actions()

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
        keep = self.current.pair.n if self.current is not None else None
        self.check = check
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        self.current = None
        for pair in check.sentences:
            row = SentenceRow(pair, self.container)
            row.editRequested.connect(self.edit_sentence)
            row.activated.connect(self.set_current)
            row.stepRequested.connect(self._step)
            row.menuRequested.connect(self.open_row_menu)
            self.rows_layout.insertWidget(self.rows_layout.count() - 1, row)
            self.rows.append(row)
        # Tab: down the rows, then the buttons that act on the current one.
        chain: list[QWidget] = [*self.rows, self.edit_button, self.wordings_button, self.reset_button]
        chain += [self.glossary_button, self.refresh_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        if self.rows:
            again = next((r for r in self.rows if r.pair.n == keep), None)
            self.set_current(again or next((r for r in self.rows if r.pair.doubtful), self.rows[0]))
        self._update_actions()
        self._show_summary()
        self.checked.emit(check)

    def set_current(self, row: SentenceRow | int) -> None:
        """Make ROW (or the row at that index) the one the buttons act on, and scroll it into view."""
        if isinstance(row, int):
            row = self.rows[row]
        for r in self.rows:  # Tab stops on the current row only (Up and Down move between rows)
            r.set_current(r is row)
            r.setFocusPolicy(Qt.FocusPolicy.StrongFocus if r is row else Qt.FocusPolicy.ClickFocus)
        self.current = row
        self.scroll_area.ensureWidgetVisible(row, 0, 8)
        self._update_actions()

    def edit_current(self) -> None:
        if self.current is not None:
            self.current.start_edit()

    def wordings_for_current(self) -> int | None:
        return self.show_wordings(self.current.pair.n) if self.current is not None else None

    def reset_current(self) -> int | None:
        return self.edit_sentence(self.current.pair.n, None) if self.current is not None else None

    def _step(self, by: int) -> None:
        if self.current is None or self.current not in self.rows:
            return
        i = max(0, min(len(self.rows) - 1, self.rows.index(self.current) + by))
        self.rows[i].setFocus(Qt.FocusReason.OtherFocusReason)
        self.set_current(i)

    def _update_actions(self) -> None:
        row = self.current
        words = row is not None and row.pair.has_words
        for b in (self.edit_button, self.wordings_button, self.glossary_button):
            b.setEnabled(bool(words))
        self.reset_button.setVisible(row is not None and row.pair.edited)
        self.reset_button.setEnabled(bool(words))
        self.current_label.setText(fill(self.tr("Sentence %1:"), row.pair.n) if row is not None else "")
        self.actions_bar.refit()

    def row_actions(self) -> list[QAction]:
        """The current row's actions, for its context menu."""
        row = self.current
        out = []
        for button in (self.edit_button, self.wordings_button, self.reset_button, self.glossary_button):
            if button.isVisibleTo(self) or button is not self.reset_button:
                action = QAction(button.text(), self)
                action.setEnabled(button.isEnabled())
                action.triggered.connect(button.click)
                out.append(action)
        return out if row is not None else []

    def open_row_menu(self, row: SentenceRow, where: QPoint) -> QMenu:
        self.set_current(row)
        menu = QMenu(self)
        for action in self.row_actions():
            menu.addAction(action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.row_menu = menu
        menu.popup(where)
        return menu

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

    # --- glossary from the current row (its selected words, else the whole sentence) -------------
    def add_to_glossary(self) -> GlossaryEntryDialog | None:
        """Open the glossary entry for the current row, both sides filled in, for the user to adjust."""
        if self.check is None or self.current is None or not self.current.pair.has_words:
            return None
        term, translation = self.current.glossary_sides()
        dialog = GlossaryEntryDialog(term, translation, self)
        dialog.entered.connect(self.save_glossary_entry)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.glossary_dialog = dialog
        dialog.open()
        return dialog

    def save_glossary_entry(self, term: str, translation: str) -> int | None:
        """Store TERM → TRANSLATION; when other posts hold the term, offer to translate them again.
        Returns how many posts hold it (None when nothing was stored)."""
        from crosspost.errors import UserError
        from crosspost.gui.messages import window_message
        from crosspost.translation.glossary import add_entry, posts_with_term

        if self.check is None:
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
