"""Small non-blocking dialogs of the journey: which post dropped files go to, and "Mark as posted"
that takes what RedNote's share button copies."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crosspost.gui.dialog_buttons import ok_cancel
from crosspost.records import LibraryRow


class ChoosePostDialog(QDialog):
    """Photos or videos dropped outside a post: which post do they belong to?"""

    chosen = Signal(int, list)  # post id, files

    def __init__(
        self, rows: list[LibraryRow], files: list[str], current: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("choosePost")
        self.files = files
        self.setWindowTitle(self.tr("Attach to which post?"))
        intro = QLabel(
            self.tr(
                "Choose the post %n file(s) belong to (or drop them right onto a post in the library next time).",
                "",
                len(files),
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for r in rows:
            caption = " ".join(r.caption.split())[:80] or "—"
            item = QListWidgetItem(f"{r.created_at[:10]}  {caption}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)
            if r.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        self.buttons = ok_cancel(self, self.tr("Attach"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 420)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)), self.files)
        super().accept()


class MarkPostedDialog(QDialog):
    """The published post's link, or whatever RedNote's Share → Copy link gave (the link is taken
    out of it). Text without a link keeps the dialog open with what was typed."""

    linkGiven = Signal(int, str)  # draft id, link ("" for none)

    def __init__(self, draft_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markPosted")
        self.draft_id = draft_id
        self.setWindowTitle(self.tr("Mark as posted"))
        intro = QLabel(
            self.tr("Paste the link to the published post, or what RedNote's Share → Copy link gives (optional).")
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("http://xhslink.com/…")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.buttons = ok_cancel(self, self.tr("Mark as posted"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(520, 240)

    def accept(self) -> None:
        from crosspost.drafts.sharelink import post_link

        typed = self.text.toPlainText().strip()
        link = post_link(typed)
        if typed and link is None:
            self.problem.setText(
                self.tr(
                    "There is no link in this text. Paste the post's address "
                    "(https://www.xiaohongshu.com/… or http://xhslink.com/…), or clear the "
                    "box to mark it posted without one."
                )
            )
            return  # what was typed stays
        self.linkGiven.emit(self.draft_id, link or "")
        super().accept()
