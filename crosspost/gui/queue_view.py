"""The drafts queue: drafts by platform and status, planned dates, preflight problems inline, and
render / export (then open the folder) / copy / mark as posted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from crosspost.gui.models import DraftsModel
from crosspost.platforms import all_profiles


class QueueView(QWidget):
    renderRequested = Signal(int)
    renderManyRequested = Signal(list)  # several drafts: one resumable batch
    exportRequested = Signal(list, str)

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.model = DraftsModel(store, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.platform = QComboBox()
        self.platform.addItem("", None)
        for p in all_profiles():
            self.platform.addItem(f"{p.display_name['en']} · {p.display_name['zh']}", p.name)
        self.status = QComboBox()
        for s in (None, "draft", "ready", "exported", "posted"):
            self.status.addItem("", s)
        self.platform.currentIndexChanged.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        self.buttons = {name: QPushButton() for name in ("render", "export", "copy_title", "copy_body",
                                                         "copy_topics", "posted")}
        self.buttons["render"].clicked.connect(self.render_selected)
        # Re-encode every file even when the original already fits the platform (kept otherwise).
        self.reencode = QCheckBox()
        self.buttons["export"].clicked.connect(self.export_selected)
        self.buttons["copy_title"].clicked.connect(lambda: self._copy("title"))
        self.buttons["copy_body"].clicked.connect(lambda: self._copy("body"))
        self.buttons["copy_topics"].clicked.connect(lambda: self._copy("topics"))
        self.buttons["posted"].clicked.connect(self.mark_posted)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.filter_labels = [QLabel(), QLabel()]
        top = QHBoxLayout()
        top.addWidget(self.filter_labels[0])
        top.addWidget(self.platform)
        top.addWidget(self.filter_labels[1])
        top.addWidget(self.status)
        top.addStretch(1)
        actions = QHBoxLayout()
        for b in self.buttons.values():
            actions.addWidget(b)
            if b is self.buttons["render"]:
                actions.addWidget(self.reencode)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        self.retranslate()

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.filter_labels[0].setText(self.tr("Platform"))
        self.filter_labels[1].setText(self.tr("Status"))
        self.platform.setItemText(0, self.tr("All platforms"))
        for i, text in enumerate((self.tr("All"), self.tr("Draft"), self.tr("Ready"), self.tr("Exported"), self.tr("Posted"))):
            self.status.setItemText(i, text)
        for key, text in (("render", self.tr("Render")), ("export", self.tr("Export…")),
                          ("copy_title", self.tr("Copy title")), ("copy_body", self.tr("Copy body")),
                          ("copy_topics", self.tr("Copy topics")), ("posted", self.tr("Mark as posted…"))):
            self.buttons[key].setText(text)
        self.reencode.setText(self.tr("Re-encode"))
        self.reencode.setToolTip(self.tr("Encode every file again, even a video or photo that already fits the "
                                         "platform and would be kept as it is"))
        self.empty.setText(self.tr("No drafts yet. Open a post in the library and choose “Create draft”."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)

    def reload(self) -> None:
        self.model.platform = self.platform.currentData()
        self.model.status = self.status.currentData()
        self.model.reload()
        self.empty.setVisible(self.model.rowCount() == 0)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.drafts[r]["id"] for r in rows]

    def render_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) > 1:
            self.renderManyRequested.emit(ids)
        elif ids:
            self.renderRequested.emit(ids[0])

    def _each(self, fn) -> None:
        for draft_id in self.selected_ids():
            fn(draft_id)

    def _copy(self, field: str) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        d = next(x for x in self.model.drafts if x["id"] == ids[0])
        text = " ".join("#" + t for t in d["topics"]) if field == "topics" else d[field]
        QGuiApplication.clipboard().setText(text)

    def export_selected(self, folder: str | None = None) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("Export drafts to"))
        if folder:
            self.exportRequested.emit(ids, folder)

    def mark_posted(self) -> None:
        from crosspost.drafts.queue import mark_posted
        from crosspost.gui.dialogs import show_error
        from crosspost.errors import UserError

        ids = self.selected_ids()
        if not ids:
            return
        url, ok = QInputDialog.getText(self, self.tr("Mark as posted"), self.tr("Link to the published post (optional):"))
        if not ok:
            return
        try:
            mark_posted(self.store, ids[0], url.strip() or None)
        except UserError as exc:
            show_error(self, str(exc))
        self.reload()


def open_folder(path: str) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))
