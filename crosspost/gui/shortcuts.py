"""Keyboard use of the window beside the menus' shortcuts (``actions.py``): Esc in the search box,
a tab order that follows reading order, and the Help → Keyboard shortcuts dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crosspost.gui.dialog_buttons import close_row

if TYPE_CHECKING:
    from crosspost.gui.editor import PostEditor
    from crosspost.gui.library_view import LibraryPane
    from crosspost.gui.queue_view import QueueView


class EscapeClears(QObject):
    """Esc in a search box empties it (and keeps the focus there)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape  # type: ignore[attr-defined]
            and isinstance(watched, QLineEdit)
            and watched.text()
        ):
            watched.clear()
            return True
        return False


def set_tab_order(library: LibraryPane, editor: PostEditor, queue: QueueView) -> None:
    """Reading order: search, filter, list; then the editor top to bottom, left to right;
    the queue's filters, table and buttons left to right."""
    e, q = editor, queue
    # As the editor reads: the two texts, the preview column (title, body, topic chips, new topic),
    # then the column beside it top to bottom (its buttons, its settings, the glossary). The chips
    # are put between the body and the new-topic field each time they are made (editor.py).
    chain: list[QWidget] = [
        library.search,
        library.untranslated,
        library.list,
        e.original,
        e.translation,
        e.title_edit,
        e.preview_body,
        e.new_topic,
        e.translate_button,
        e.sentences_button,
        e.draft_button,
        e.written_in,
        e.platform,
        e.layout_switch,
        e.fit,
        e.planned_check,
        e.planned,
        e.notes,
        e.glossary,
    ]
    e.glossary.setTabKeyNavigation(False)  # Tab leaves the tables; arrows move between cells
    q.table.setTabKeyNavigation(False)
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
    queue_chain: list[QWidget] = [q.platform, q.status, q.table, *q.buttons.values()]
    for first, second in zip(queue_chain, queue_chain[1:]):
        QWidget.setTabOrder(first, second)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
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
        buttons = close_row(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 520)
