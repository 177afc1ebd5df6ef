"""The post editor: the caption and its translation side by side, both editable with undo/redo
(one QUndoStack), a layout switch, a live preview of the platform's title and body with counters
that turn amber near and red over each limit (counted the platform's way), topics as chips, the
glossary in place, and the media strip with a per-platform fit preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crosspost.drafts.compose import compose, hashtags
from crosspost.gui.context import AppContext, Changes
from crosspost.gui.counters import NEAR, OK, OVER, SetTextCommand, counter_colour, set_counter
from crosspost.gui.flow_layout import FlowBox, clear_layout
from crosspost.gui.labels import fit_label, platform_label
from crosspost.gui.media_preview import CropPreview, MediaStrip, crop_focus
from crosspost.gui.words import Retranslating, fill
from crosspost.platforms import all_profiles, get_profile
from crosspost.values import GlossaryKind, Layout

__all__ = ["PostEditor", "CropPreview", "crop_focus", "counter_colour", "OK", "NEAR", "OVER"]

if TYPE_CHECKING:
    from crosspost.gui.sentence_view import SentenceView
    from crosspost.records import Translation


class PostEditor(Retranslating, MediaStrip, QWidget):
    draftRequested = Signal(int, str, str)  # post id, platform, layout
    translateRequested = Signal(int)
    glossaryChanged = Signal(str)  # the term whose translation was set

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = store = ctx.store
        self.settings = settings = ctx.settings
        self._previews = 0  # media previews still being decoded on the task runner
        self._strip = 0  # which strip they are for (a newer one makes older results moot)
        self.post_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self._texts = {"caption": "", "translation": ""}
        self._loading = False

        self.original = QPlainTextEdit()
        self.translation = QPlainTextEdit()
        self.original_label, self.translation_label = QLabel(), QLabel()
        texts = self.texts = QSplitter(Qt.Orientation.Horizontal)
        for label, edit in ((self.original_label, self.original), (self.translation_label, self.translation)):
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.addWidget(label)
            v.addWidget(edit)
            texts.addWidget(box)
        for edit in (self.original, self.translation):
            edit.setTabChangesFocus(True)  # Tab moves on to the next field; captions never get a tab
        self.original.textChanged.connect(lambda: self._typed("caption", self.original))
        self.translation.textChanged.connect(lambda: self._typed("translation", self.translation))

        self.platform = QComboBox()
        for p in all_profiles():
            self.platform.addItem(p.display_name["en"], p.name)
        self.layout_switch = QComboBox()
        self.layout_switch.addItem("", "original")
        self.layout_switch.addItem("", "translated")
        self.layout_switch.addItem("", "bilingual")
        self.layout_switch.setCurrentIndex(2)
        self.fit = QComboBox()
        for f in ("crop", "pad", "blur"):
            self.fit.addItem(fit_label(f), f)
        self.fit.setCurrentIndex(max(0, self.fit.findData(settings.fit)))
        self.platform.setCurrentIndex(max(0, self.platform.findData(settings.platform)))
        for combo in (self.platform, self.layout_switch):
            combo.currentIndexChanged.connect(self.refresh_preview)
        self.fit.currentIndexChanged.connect(self.refresh_media)

        self.title_edit = QLineEdit()  # the user's own title; empty: made from the caption
        self.title_edit.editingFinished.connect(self._title_edited)
        self.title_edit.textEdited.connect(self._title_typing)  # the counter follows every keystroke
        self.user_title: str | None = None
        self._user_topics: list[str] | None = None
        self.title_help = QLabel()  # what the counter counts (a RedNote "unit")
        self.title_help.setWordWrap(True)
        self.title_help.setStyleSheet("color: palette(placeholder-text); font-size: 11px;")
        self.preview_title = QLabel()
        self.preview_title.setWordWrap(True)
        self.preview_title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.title_counter, self.body_counter, self.topics_counter = QLabel(), QLabel(), QLabel()
        for counter in (self.title_counter, self.body_counter, self.topics_counter):
            # A longer counter ("44 / 280 weighted chars") wraps rather than widen the editor, which
            # would take the width from the library beside it.
            counter.setWordWrap(True)
            counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.preview_body = QPlainTextEdit()
        self.preview_body.setReadOnly(True)
        self.preview_body.setTabChangesFocus(True)
        self.chips_box = FlowBox(spacing=4)  # chips wrap onto new lines: they never widen the window
        self.chips = self.chips_box.flow
        self.new_topic = QLineEdit()
        self.new_topic.setMinimumWidth(110)
        self.new_topic.returnPressed.connect(self._add_topic)
        self.topics: list[str] = []

        self.glossary = QTableWidget(0, 2)
        self.glossary.verticalHeader().setVisible(False)
        self.glossary.horizontalHeader().setStretchLastSection(True)
        self.glossary.itemChanged.connect(self._glossary_edited)
        self.media_strip = QHBoxLayout()
        self.no_media_label: QLabel | None = None

        self.translate_button, self.draft_button = QPushButton(), QPushButton()
        self.sentences_button = QPushButton()  # the sentence view (sentence_view.py), made on first use
        self.sentences_button.setCheckable(True)
        self.sentences_button.toggled.connect(self.show_sentences)
        self.sentence_view: SentenceView | None = None
        self.translate_button.clicked.connect(self.request_translation)
        self.draft_button.clicked.connect(self.request_draft)

        self.controls = QFormLayout()
        from crosspost.gui.written_in_box import WrittenInBox

        self.written_in = WrittenInBox(store)  # the language the caption is in (detected unless chosen)
        self.written_in_label = QLabel()
        self.written_in_label.setBuddy(self.written_in)
        self.controls.addRow(self.written_in_label, self.written_in)
        self.controls_labels = [QLabel(), QLabel(), QLabel()]
        self.controls.addRow(self.controls_labels[0], self.platform)
        self.controls.addRow(self.controls_labels[1], self.layout_switch)
        self.controls.addRow(self.controls_labels[2], self.fit)
        # When to publish, and notes: kept on the post and copied to its drafts.
        self.planned_check = QCheckBox()
        self.planned = QDateTimeEdit()
        self.planned.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.planned.setCalendarPopup(True)
        self.planned.setEnabled(False)
        self.planned_check.toggled.connect(self._plan_toggled)
        self.planned.dateTimeChanged.connect(lambda _: self._plan_timer.start())
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.planned_check)
        plan_row.addWidget(self.planned, 1)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(64)
        self.notes.textChanged.connect(lambda: not self._loading and self._notes_timer.start())
        self.plan_labels = [QLabel(), QLabel()]
        self.controls.addRow(self.plan_labels[0], plan_row)
        self.controls.addRow(self.plan_labels[1], self.notes)
        self._plan_timer: QTimer = QTimer(self, singleShot=True, interval=300)
        self._plan_timer.timeout.connect(self._save_plan)
        self._notes_timer: QTimer = QTimer(self, singleShot=True, interval=400)
        self._notes_timer.timeout.connect(self._save_notes)

        self.preview_box = QGroupBox()
        pv = QVBoxLayout(self.preview_box)
        pv.addWidget(self.title_edit)
        pv.addWidget(self.title_help)
        head = QHBoxLayout()
        head.addWidget(self.preview_title, 1)
        head.addWidget(self.title_counter)
        pv.addLayout(head)
        pv.addWidget(self.preview_body, 1)
        pv.addWidget(self.chips_box)
        foot = QHBoxLayout()
        foot.addWidget(self.new_topic)
        foot.addStretch(1)
        foot.addWidget(self.topics_counter)
        foot.addWidget(self.body_counter)
        pv.addLayout(foot)

        self.glossary_box = QGroupBox()
        QVBoxLayout(self.glossary_box).addWidget(self.glossary)
        self.media_box = QGroupBox()
        self.media_state = QLabel()  # on disk / link valid until … / link expired / partly on disk
        self.media_state.setWordWrap(True)
        media_layout = QVBoxLayout(self.media_box)
        media_layout.addWidget(self.media_state)
        media_layout.addLayout(self.media_strip)

        # The actions first: however many topic chips wrap below, they stay in view at 1024×700.
        side = QVBoxLayout()
        side.addWidget(self.translate_button)
        side.addWidget(self.sentences_button)
        side.addWidget(self.draft_button)
        side.addLayout(self.controls)
        side.addWidget(self.glossary_box, 1)
        lower = self.lower_row = QHBoxLayout()  # the sentence view takes the preview's place (show_sentences)
        lower.addWidget(self.preview_box, 3)
        lower.addLayout(side, 1)
        root = self.root_layout = QVBoxLayout(self)
        root.addWidget(texts, 2)
        root.addLayout(lower, 3)
        root.addWidget(self.media_box)
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.retranslate()
        self.setEnabled(False)
        ctx.changed.connect(self.apply_changes)

    def request_translation(self) -> None:
        """Translate (the button, the Post menu): the open post and those selected with it."""
        if self.post_id is not None:
            self.translateRequested.emit(self.post_id)

    def request_draft(self) -> None:
        """Create draft (the button, the Post menu) with the platform and layout chosen here."""
        if self.post_id is not None:
            self.draftRequested.emit(self.post_id, self.platform.currentData(), self.layout_switch.currentData())

    def apply_changes(self, changes: Changes) -> None:
        """What an operation changed: the open post read again, its media or the glossary."""
        if changes.origin is self or self.post_id is None:
            return
        if changes.library or self.post_id in changes.posts:
            self.load(self.post_id)
        elif self.post_id in changes.media:
            self.refresh_media()
        elif changes.glossary:
            self._load_glossary()

    def _changed(self) -> None:
        if self.post_id is not None:
            self.ctx.publish(Changes(posts=frozenset([self.post_id]), origin=self))

    # --- i18n -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.original_label.setText(self.tr("Your caption"))
        self.translation_label.setText(self.tr("Translation (edit it in your own words)"))
        self.layout_switch.setItemText(0, self.tr("Original only"))
        self.layout_switch.setItemText(1, self.tr("Translation only"))
        self.layout_switch.setItemText(2, self.tr("Bilingual"))
        self.written_in_label.setText(self.tr("Written in"))
        for label, text in zip(self.controls_labels, (self.tr("Platform"), self.tr("Layout"), self.tr("Fit"))):
            label.setText(text)
        self.preview_box.setTitle(self.tr("Preview"))
        self.glossary_box.setTitle(self.tr("Glossary"))
        self.media_box.setTitle(self.tr("Media"))
        self.glossary.setHorizontalHeaderLabels([self.tr("Term"), self.tr("Translation")])
        self.new_topic.setPlaceholderText(self.tr("Add topic"))
        self.title_edit.setToolTip(
            self.tr("Your own title for this post's drafts; leave it empty to use the first sentence of the caption.")
        )
        units = self.tr(
            "RedNote counts a title in units: a Chinese character or an emoji is 1 unit, "
            "a Latin letter, digit or space ½ — 20 units are 20 Chinese characters or "
            "40 Latin letters. A title made from the caption is cut with “…”."
        )
        # One short line in view (the window must fit 1024×700); the whole explanation on hover.
        self.title_help.setText(self.tr("1 unit per Chinese character or emoji, ½ per Latin letter"))
        self.title_help.setToolTip(units)
        self.title_counter.setToolTip(units)
        self.planned_check.setText(self.tr("Plan for"))
        self.plan_labels[0].setText(self.tr("Planned"))
        self.plan_labels[1].setText(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("Notes for yourself (never published)"))
        self.translate_button.setText(self.tr("Translate"))
        self.sentences_button.setText(self.tr("Sentences"))
        self.sentences_button.setToolTip(
            self.tr("Each sentence beside its translation, with what the translation says translated back")
        )
        self.draft_button.setText(self.tr("Create draft"))
        for i, name in enumerate(("crop", "pad", "blur")):
            self.fit.setItemText(i, fit_label(name))
        for i in range(self.platform.count()):
            self.platform.setItemText(i, platform_label(get_profile(self.platform.itemData(i))))
        if self.post_id is not None:  # the sentence over the media strip carries a date in the UI language
            QTimer.singleShot(0, self.refresh_media)
        self.refresh_preview()

    # --- loading and editing ----------------------------------------------------------------------
    def load(self, post_id: int) -> None:
        from crosspost.errors import NotFound

        if self.post_id is not None:
            self.flush()
        from crosspost.posts import get_post

        try:
            post = get_post(self.store, post_id)
        except NotFound:
            return
        self.post_id = post_id
        translation = post.translation(self.settings.target_lang)
        self._texts = {"caption": post.caption, "translation": translation.text if translation else ""}
        self._loading = True
        self.original.setPlainText(self._texts["caption"])
        self.translation.setPlainText(self._texts["translation"])
        self._loading = False
        self.undo_stack.clear()
        self._user_topics = list(post.topics) if post.topics is not None else None
        self.topics = list(post.topics) if post.topics is not None else hashtags(post.caption)
        self.user_title = post.title
        self._loading = True
        self.title_edit.setText(post.title or "")
        self.planned_check.setChecked(post.planned_at is not None)
        self.planned.setEnabled(post.planned_at is not None)
        when = QDateTime.fromString(post.planned_at or "", "yyyy-MM-ddTHH:mm")
        self.planned.setDateTime(when if when.isValid() else self._default_plan())
        self.notes.setPlainText(post.notes)
        self.written_in.show_post(post_id, post.written_in)
        self._loading = False
        self._plan_timer.stop()
        self._notes_timer.stop()
        self.setEnabled(True)
        self._load_glossary()
        self.refresh_preview()
        self.refresh_media()
        if self.sentence_view is not None and self.sentence_view.isVisible():
            self.sentence_view.load(post_id)

    def show_sentences(self, on: bool) -> None:
        """Swap the text boxes, the preview and the media strip for the sentence view (and back): it
        gets the editor's whole height beside the actions column, even at 1024×700."""
        if on and self.sentence_view is None:
            from crosspost.gui.sentence_view import SentenceView

            self.sentence_view = SentenceView(self.ctx, self)
            self.lower_row.insertWidget(0, self.sentence_view, 3)
        for part in (self.texts, self.preview_box, self.media_box):
            part.setVisible(not on)
        if self.sentence_view is not None:
            self.sentence_view.setVisible(on)
            if on and self.post_id is not None:
                self.sentence_view.load(self.post_id)

    def _typed(self, field: str, edit: QPlainTextEdit) -> None:
        if self._loading or self.post_id is None:
            return
        new = edit.toPlainText()
        old = self._texts[field]
        if new != old:
            self.undo_stack.push(SetTextCommand(self, field, old, new))

    def stored_translation(self) -> Translation | None:
        """The post's translation into the target language as stored now (None: it has none)."""
        from crosspost.posts import get_post

        if self.post_id is None:
            return None
        return get_post(self.store, self.post_id).translation(self.settings.target_lang)

    def apply_text(self, field: str, text: str, *, restore: bool = False, before: Translation | None = None) -> None:
        """Show TEXT in FIELD's editor and store it (the caption, or an edited translation).
        RESTORE: put the translation back as BEFORE was (undo), not as an edit."""
        from crosspost.translation.service import restore_translation, save_edit

        if self.post_id is None:
            return
        self._texts[field] = text
        edit = self.original if field == "caption" else self.translation
        if edit.toPlainText() != text:
            self._loading = True
            edit.setPlainText(text)
            self._loading = False
        if field == "caption":
            from crosspost.posts import edit_caption

            edit_caption(self.store, self.post_id, text)
            if self.user_topics is None:  # topics follow the caption's hashtags until chosen by hand
                self.topics = hashtags(text)
        elif restore or not text.strip():  # undone, or emptied: an empty translation is no translation
            restore_translation(
                self.store,
                self.post_id,
                self.settings.target_lang,
                before if restore else None,
            )
        else:
            save_edit(self.store, self.post_id, self.settings.target_lang, text)
        self._preview_timer.start()
        self._changed()

    # --- preview and counters ---------------------------------------------------------------------
    def refresh_preview(self) -> None:
        if self.post_id is None:
            return
        profile = get_profile(self.platform.currentData() or "rednote")
        layout = Layout(self.layout_switch.currentData())
        translation = self._texts["translation"] or None
        layout_used = Layout.ORIGINAL if layout.needs_translation and not translation else layout
        comp = compose(
            profile,
            self._texts["caption"],
            translation,
            layout_used,
            self.topics,
            self.settings.target_lang,
        )
        if self.user_title:
            comp.title = self.user_title
        has_title = profile.limit("title") is not None  # Bluesky and X posts have no title
        for widget in (self.title_edit, self.title_help, self.preview_title, self.title_counter):
            widget.setVisible(has_title)
        self.title_edit.setPlaceholderText(comp.title or self.tr("Title"))
        self.preview_title.setText(comp.title or self.tr("(no title)"))
        self.preview_body.setPlainText(comp.body)
        set_counter(self.title_counter, profile, "title", comp.title)
        set_counter(self.body_counter, profile, "body", comp.body)
        topic_limit = profile.limit_value("topics")
        if topic_limit:
            self.topics_counter.setText(fill(self.tr("%1 / %2 topics"), str(len(self.topics)), f"{topic_limit:g}"))
            self.topics_counter.setStyleSheet(f"color: {counter_colour(len(self.topics), topic_limit)};")
        else:
            self.topics_counter.setText("")
        self._rebuild_chips()

    def _rebuild_chips(self) -> None:
        chips: list[QToolButton] = []
        clear_layout(self.chips, forget="topic")  # a chip going away is no longer a topic's chip
        for topic in self.topics:
            chip = QToolButton()
            text = f"#{topic}"
            elided = chip.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, 200)
            chip.setText(f"{elided}  ✕")
            chip.setToolTip(fill(self.tr("Remove the topic %1"), text))
            chip.setStyleSheet(
                "QToolButton { border: 1px solid #e0b4b4; border-radius: 10px; padding: 2px 8px;"
                " background: #fff1f0; color: #b71c1c; }"
                " QToolButton:focus { border: 2px solid #1565c0; padding: 1px 7px; }"  # the keyboard's ring
            )
            chip.setAccessibleName(fill(self.tr("Remove the topic %1"), text))
            # Tab reaches every chip; Space, Delete or Backspace removes it (no mouse needed).
            chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            chip.installEventFilter(self)
            chip.setProperty("topic", topic)
            chip.clicked.connect(lambda _=False, t=topic: self._remove_topic(t))
            self.chips.addWidget(chip)
            chips.append(chip)
        # Tab reads them where they are: after the body, before the new-topic field.
        for first, second in zip([self.preview_body, *chips], [*chips, self.new_topic]):
            QWidget.setTabOrder(first, second)
        self.chips_box.refit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Delete/Backspace on a chip
        if (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(watched, QToolButton)
            and watched.property("topic") is not None
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            if event.type() == QEvent.Type.ShortcutOverride:  # the key is the chip's, not Edit → Delete's
                event.accept()
                return True
            self._remove_topic(str(watched.property("topic")))
            return True
        return super().eventFilter(watched, event)

    @property
    def user_topics(self) -> list[str] | None:
        return self._user_topics

    def _save_topics(self) -> None:
        from crosspost.posts import set_post_topics

        if self.post_id is not None:
            set_post_topics(self.store, self.post_id, self.topics)
            self._user_topics = list(self.topics)

    def _add_topic(self) -> None:
        text = self.new_topic.text().strip().lstrip("#＃")
        if text and text not in self.topics:
            self.topics.append(text)
            self._save_topics()
            self.refresh_preview()
        self.new_topic.clear()

    def _remove_topic(self, topic: str) -> None:
        chip_had_focus = isinstance(self.focusWidget(), QToolButton) and self.focusWidget().property("topic") == topic
        index = self.topics.index(topic) if topic in self.topics else 0
        self.topics = [t for t in self.topics if t != topic]
        self._save_topics()

        def after() -> None:
            self.refresh_preview()
            if chip_had_focus:  # the keyboard stays in the chips: the next one, or the new-topic field
                chips = [
                    w
                    for w in self.chips_box.findChildren(QToolButton)
                    if w.property("topic") in self.topics  # not the ones going away
                ]
                chips.sort(key=lambda w: self.topics.index(str(w.property("topic"))))
                (chips[min(index, len(chips) - 1)] if chips else self.new_topic).setFocus()

        QTimer.singleShot(0, after)

    def _title_typing(self, text: str) -> None:
        """The title's counter and preview while the person types (saved when they leave the field)."""
        if self.post_id is None:
            return
        profile = get_profile(self.platform.currentData() or "rednote")
        typed = text.strip()
        if not typed:
            self.refresh_preview()
            return
        self.preview_title.setText(typed)
        set_counter(self.title_counter, profile, "title", typed)

    def _title_edited(self) -> None:
        from crosspost.posts import set_post_title

        if self._loading or self.post_id is None:
            return
        text = self.title_edit.text().strip() or None
        if text != self.user_title:
            self.user_title = set_post_title(self.store, self.post_id, text).title
            self.refresh_preview()
            self._changed()

    # --- plan and notes ----------------------------------------------------------------------------
    @staticmethod
    def _default_plan() -> QDateTime:
        tomorrow = QDateTime.currentDateTime().addDays(1)
        return QDateTime(tomorrow.date(), QTime(18, 0))

    def _plan_toggled(self, on: bool) -> None:
        self.planned.setEnabled(on)
        if not self._loading:
            self._save_plan()

    def _save_plan(self) -> None:
        from crosspost.posts import set_post_plan

        if self._loading or self.post_id is None:
            return
        value = self.planned.dateTime().toString("yyyy-MM-dd HH:mm") if self.planned_check.isChecked() else ""
        set_post_plan(self.store, self.post_id, planned_at=value)
        self._changed()

    def _save_notes(self) -> None:
        from crosspost.posts import set_post_plan

        if self._loading or self.post_id is None:
            return
        set_post_plan(self.store, self.post_id, notes=self.notes.toPlainText())

    def flush(self) -> None:
        """Save what is still waiting on a timer or being typed (before another post is loaded, or the
        window closes)."""
        for timer, save in ((self._plan_timer, self._save_plan), (self._notes_timer, self._save_notes)):
            if timer.isActive():
                timer.stop()
                save()
        self._title_edited()  # a title still being typed (saved only when the field loses focus)

    def close_post(self) -> None:
        """Save what is pending and let go of the post: nothing is written after this (the store closes)."""
        self.flush()
        self.post_id = None

    # --- glossary in place ------------------------------------------------------------------------
    def _load_glossary(self) -> None:
        from crosspost.translation.glossary import list_entries

        entries = list_entries(self.store, "en", self.settings.target_lang, GlossaryKind.TERM)
        self.glossary.blockSignals(True)
        self.glossary.setRowCount(len(entries) + 1)
        for i, e in enumerate(entries + [{"term": "", "translation": ""}]):
            self.glossary.setItem(i, 0, QTableWidgetItem(e["term"]))
            self.glossary.setItem(i, 1, QTableWidgetItem(e["translation"]))
        self.glossary.blockSignals(False)

    def _glossary_edited(self, item: QTableWidgetItem) -> None:
        from crosspost.errors import UserError
        from crosspost.translation.glossary import add_entry

        term = self.glossary.item(item.row(), 0)
        translation = self.glossary.item(item.row(), 1)
        if term and translation and term.text().strip() and translation.text().strip():
            try:
                add_entry(self.store, term.text(), translation.text(), "en", self.settings.target_lang)
            except UserError:
                return
            QTimer.singleShot(0, self._load_glossary)
            self.glossaryChanged.emit(term.text().strip())
