"""Keyboard use of the window: the Post and Draft menus with their shortcuts (each acting only in the
view it belongs to: post actions in the Library with a post open, draft actions in the Drafts queue
with a selection), Esc in the search box, a tab order that follows reading order, and
Help → Keyboard shortcuts listing every shortcut of the menus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

LIBRARY_TAB, QUEUE_TAB = 0, 1


class EscapeClears(QObject):
    """Esc in a search box empties it (and keeps the focus there)."""

    def eventFilter(self, watched, event):  # noqa: N802
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and isinstance(watched, QLineEdit)
            and watched.text()
        ):
            watched.clear()
            return True
        return False


class WindowActions(QObject):
    """The Post, Draft and Help menus of MainWindow, and when their actions are available."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        menubar = window.menuBar()
        before = window.menu_tools.menuAction()
        self.menu_post = QMenu(window)
        self.menu_draft = QMenu(window)
        menubar.insertMenu(before, self.menu_post)
        menubar.insertMenu(before, self.menu_draft)
        self.menu_help = menubar.addMenu("")

        def action(menu, shortcut, slot):
            a = QAction(window)
            if shortcut:
                a.setShortcuts([QKeySequence(s) for s in shortcut.split("|")])
            a.triggered.connect(slot)
            menu.addAction(a)
            return a

        editor, queue = window.editor, window.queue
        self.act_translate = action(self.menu_post, "Ctrl+T", lambda: editor.translate_button.click())
        self.create_draft = action(self.menu_post, "Ctrl+D", lambda: editor.draft_button.click())
        self.translate_all = action(self.menu_post, "", window.translate_untranslated)
        self.menu_post.addSeparator()
        self.fetch_media = action(self.menu_post, "Ctrl+Shift+M", self.fetch_current_media)
        self.attach_files = action(self.menu_post, "Ctrl+Shift+A", self.attach_to_current)
        self.fetch_all = action(self.menu_post, "", lambda: window.fetch_media(None))
        from crosspost.gui.lost_media import drop_lost_media_of

        self.drop_lost = action(self.menu_post, "", lambda: drop_lost_media_of(window, editor.post_id))
        self.render = action(self.menu_draft, "Ctrl+R", lambda: queue.buttons["render"].click())
        # The File menu's "Export drafts…" (Ctrl+E) lives here in spirit: it too needs the queue's selection.
        self.export = window.act_export
        self.menu_draft.addAction(self.export)
        self.menu_draft.addSeparator()
        self.copy_title = action(self.menu_draft, "Ctrl+Shift+T", lambda: queue.buttons["copy_title"].click())
        self.copy_body = action(self.menu_draft, "Ctrl+Shift+B", lambda: queue.buttons["copy_body"].click())
        self.copy_topics = action(self.menu_draft, "Ctrl+Shift+H", lambda: queue.buttons["copy_topics"].click())
        self.menu_draft.addSeparator()
        self.mark_posted = action(self.menu_draft, "", lambda: queue.buttons["posted"].click())
        self.shortcuts_help = action(self.menu_help, "Ctrl+/|F1", self.show_shortcuts)

        self.post_actions = [self.act_translate, self.create_draft, self.fetch_media, self.attach_files, self.drop_lost]
        self.any_post_actions = [self.translate_all, self.fetch_all]
        self.draft_actions = [
            self.render,
            self.export,
            self.copy_title,
            self.copy_body,
            self.copy_topics,
            self.mark_posted,
        ]
        window.tabs.currentChanged.connect(self.update)
        window.pages.currentChanged.connect(self.update)
        window.library.selectionModel().currentChanged.connect(self.update)
        queue.table.selectionModel().selectionChanged.connect(self.update)
        queue.model.modelReset.connect(self.update)

        self.escape = EscapeClears(self)
        window.search.installEventFilter(self.escape)
        self.set_tab_order()
        self.retranslate()
        self.update()

    # --- availability -----------------------------------------------------------------------------
    def update(self, *_) -> None:
        w = self.window
        in_app = w.pages.currentWidget() is w.tabs
        on_post = in_app and w.tabs.currentIndex() == LIBRARY_TAB and w.editor.post_id is not None
        on_drafts = in_app and w.tabs.currentIndex() == QUEUE_TAB and bool(w.queue.selected_ids())
        for a in self.post_actions:
            a.setEnabled(on_post)
        for a in self.any_post_actions:
            a.setEnabled(in_app)
        for a in self.draft_actions:
            a.setEnabled(on_drafts)

    def set_tab_order(self) -> None:
        """Reading order: search, filter, list; then the editor top to bottom, left to right;
        the queue's filters, table and buttons left to right."""
        w, e, q = self.window, self.window.editor, self.window.queue
        chain = [
            w.search,
            w.untranslated,
            w.library,
            e.original,
            e.translation,
            e.preview_body,
            e.new_topic,
            e.platform,
            e.layout_switch,
            e.fit,
            e.glossary,
            e.translate_button,
            e.draft_button,
        ]
        e.glossary.setTabKeyNavigation(False)  # Tab leaves the tables; arrows move between cells
        q.table.setTabKeyNavigation(False)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        queue_chain = [q.platform, q.status, q.table, *q.buttons.values()]
        for first, second in zip(queue_chain, queue_chain[1:]):
            QWidget.setTabOrder(first, second)

    # --- post actions through the task runner -----------------------------------------------------
    def fetch_current_media(self) -> int | None:
        """Fetch the media of the posts selected in the library (the window's one fetch path)."""
        ids = self.window.selected_post_ids()
        return self.window.fetch_media(ids) if ids else None

    def attach_to_current(self, files: list[str] | None = None) -> int | None:
        post_id = self.window.editor.post_id
        if post_id is None:
            return None
        return self.window.attach_files(post_id, files)

    # --- help ---------------------------------------------------------------------------------------
    def all_shortcuts(self) -> list[tuple[str, str]]:
        """(what, keys) for every menu action with a shortcut, in menu order, plus Esc in the search."""
        rows, seen = [], set()
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            if menu is None:
                continue
            for a in menu.actions():
                if a in seen:  # an action in two menus (Export drafts) is listed once
                    continue
                seen.add(a)
                names = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()]
                keys = ", ".join(dict.fromkeys(n for n in names if n))
                if keys:
                    rows.append((f"{menu.title().replace('&', '')} → {a.text().replace('&', '')}", keys))
        rows.append(
            (
                self.tr("Search → Clear the search"),
                QKeySequence(Qt.Key.Key_Escape).toString(QKeySequence.SequenceFormat.NativeText),
            )
        )
        rows.append((self.tr("Next / previous field"), self.tr("Tab / Shift+Tab")))
        return rows

    def show_shortcuts(self) -> QDialog:
        dialog = ShortcutsDialog(self.all_shortcuts(), self.window)
        dialog.open()
        return dialog

    def remake_undo_actions(self) -> None:
        """QUndoStack words its actions ("Undo %1") when they are made: make them again after a
        language change, in the same place of the Edit menu and with the same shortcuts."""
        w = self.window
        for name, make in (
            ("act_undo", w.editor.undo_stack.createUndoAction),
            ("act_redo", w.editor.undo_stack.createRedoAction),
        ):
            old = getattr(w, name)
            new = make(w)
            new.setShortcuts(old.shortcuts())
            w.menu_edit.insertAction(old, new)
            w.menu_edit.removeAction(old)
            old.deleteLater()
            setattr(w, name, new)

    def retranslate(self) -> None:
        from crosspost.gui.i18n import current_language

        if current_language() != getattr(self, "_language", None):
            if hasattr(self, "_language"):
                self.remake_undo_actions()
                self.window.statusBar().clearMessage()  # a message in the language left behind
            self._language = current_language()
        self.menu_post.setTitle(self.tr("&Post"))
        self.menu_draft.setTitle(self.tr("D&raft"))
        self.menu_help.setTitle(self.tr("&Help"))
        for a, text in (
            (self.act_translate, self.tr("&Translate the selected posts")),
            (self.create_draft, self.tr("Create &drafts for the selected posts")),
            (self.translate_all, self.tr("Translate all &untranslated posts")),
            (self.fetch_media, self.tr("&Fetch media")),
            (self.attach_files, self.tr("&Attach files…")),
            (self.fetch_all, self.tr("Fetch media for a&ll posts")),
            (self.drop_lost, self.tr("Drop lost media")),
            (self.render, self.tr("&Render")),
            (self.copy_title, self.tr("Copy &title")),
            (self.copy_body, self.tr("Copy &body")),
            (self.copy_topics, self.tr("Copy t&opics")),
            (self.mark_posted, self.tr("&Mark as posted…")),
            (self.shortcuts_help, self.tr("&Keyboard shortcuts")),
        ):
            a.setText(text)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for i, (what, keys) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(what))
            self.table.setItem(i, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 520)
