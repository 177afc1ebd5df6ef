"""The drafts queue: drafts by platform and status, planned dates, preflight problems inline, and
render / export (then open the folder) / copy / mark as posted."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal, SignalInstance
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crosspost.gui import desktop_handoff as handoff
from crosspost.gui.context import AppContext, Changes
from crosspost.gui.cover_chooser import CoverChooser
from crosspost.gui.desktop_handoff import MediaDragTable
from crosspost.gui.flow_layout import FlowBox
from crosspost.gui.models import DraftsModel
from crosspost.gui.words import Retranslating
from crosspost.platforms import all_profiles


class QueueView(Retranslating, QWidget):
    renderRequested = Signal(int)
    renderManyRequested = Signal(list)  # several drafts: one resumable batch
    exportRequested = Signal(list, str)
    markPostedRequested = Signal(int, str)  # draft id, link ("" for none)
    refreshRequested = Signal(list)  # draft ids out of date: recompose them from their posts
    publishRequested = Signal(list)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = store = ctx.store
        self.settings = ctx.settings  # the export folder used last, the RedNote region, the phone's network
        self.model = DraftsModel(store, self)
        self.table = MediaDragTable(lambda: handoff.drag_paths(self))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.platform = QComboBox()
        self.platform.addItem("", None)
        for p in all_profiles():
            self.platform.addItem(p.display_name["en"], p.name)
        self.status = QComboBox()
        for s in (None, "draft", "ready", "exported", "posted"):
            self.status.addItem("", s)
        self.platform.currentIndexChanged.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        # The hand-offs a platform may lack (publish, creator) come last: showing or hiding them for the
        # selected draft never moves the buttons before them.
        self.buttons = {
            name: QPushButton()
            for name in (
                "render",
                "export",
                "alt",
                "copy_title",
                "copy_body",
                "copy_topics",
                "posted",
                "phone",
                "publish",
                "creator",
            )
        }
        self.refresh_button = QPushButton()  # for drafts out of date (their post changed since)
        self.refresh_button.clicked.connect(lambda: self._emit_selected(self.refreshRequested))
        self.buttons["publish"].clicked.connect(lambda: self._emit_selected(self.publishRequested))
        self.countdown = QLabel()  # the next scheduled publication (crosspost.gui.publishing.Publisher)
        self.buttons["render"].clicked.connect(self.render_selected)
        # Re-encode every file even when the original already fits the platform (kept otherwise).
        self.reencode = QCheckBox()
        self.buttons["export"].clicked.connect(self.export_selected)
        self.buttons["copy_title"].clicked.connect(lambda: self.copy_field("title"))
        self.buttons["copy_body"].clicked.connect(lambda: self.copy_field("body"))
        self.buttons["copy_topics"].clicked.connect(lambda: self.copy_field("topics"))
        self.buttons["posted"].clicked.connect(self.mark_posted)
        self.buttons["phone"].clicked.connect(lambda: handoff.send_to_phone(self))
        self.buttons["creator"].clicked.connect(lambda: handoff.open_creator_page_for(self))
        self.cover = CoverChooser(store)
        self.cover.changed.connect(lambda draft_id: ctx.publish(Changes(drafts=True)))
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.cover.set_draft(next(iter(self.selected_ids()), None))
        )
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.filter_labels = [QLabel(), QLabel()]
        top = QHBoxLayout()
        top.addWidget(self.filter_labels[0])
        top.addWidget(self.platform)
        top.addWidget(self.filter_labels[1])
        top.addWidget(self.status)
        top.addWidget(self.refresh_button)
        from crosspost.gui.panels import Toast

        self.toast = Toast()  # "Title copied"
        self.phone_dialog: QWidget | None = None  # Send to phone… (desktop_handoff.send_to_phone)
        top.addWidget(self.toast)
        top.addStretch(1)
        top.addWidget(self.countdown)
        actions = FlowBox(spacing=6)  # the buttons wrap onto a second line rather than widen the window
        for b in self.buttons.values():
            actions.flow.addWidget(b)
            if b is self.buttons["render"]:
                actions.flow.addWidget(self.reencode)
        self.actions_box = actions
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        middle = QHBoxLayout()
        # The selected draft's details under the table: where it was posted, as a link to open.
        self.details = QLabel()
        self.details.setObjectName("draftDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setOpenExternalLinks(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.details.hide()
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.details)
        middle.addLayout(left, 1)
        # The cover chooser scrolls rather than set the queue's height (1024×700 at 200% must fit).
        cover_scroll = QScrollArea()
        cover_scroll.setWidget(self.cover)
        cover_scroll.setWidgetResizable(True)
        cover_scroll.setFrameShape(QFrame.Shape.NoFrame)
        cover_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        cover_scroll.setMinimumWidth(
            self.cover.sizeHint().width() + cover_scroll.verticalScrollBar().sizeHint().width()
        )
        middle.addWidget(cover_scroll)
        layout.addLayout(middle, 1)
        layout.addWidget(self.empty)
        layout.addWidget(actions)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        self.retranslate()
        ctx.changed.connect(self.apply_changes)

    def apply_changes(self, changes: Changes) -> None:
        """Drafts changed, or the posts they are made from (their freshness): read them again. An edit
        of a post while the queue is hidden (typing in the editor) waits until the queue is shown."""
        if changes.drafts or ((changes.library or changes.posts or changes.media) and self.isVisible()):
            self.reload()

    def _emit_selected(self, signal: SignalInstance) -> None:
        if self.selected_ids():
            signal.emit(self.selected_ids())

    def _update_buttons(self, *_: object) -> None:
        """Render, export, copy and mark need a selected draft: disabled without one. A hand-off
        (the creator upload page, publishing) is shown for a selection only when every selected
        draft's platform profile has it."""
        has = bool(self.table.selectionModel().selectedRows())
        for button in self.buttons.values():
            button.setEnabled(has)
        self.refresh_button.setEnabled(has)
        self._show_details()
        # Nothing selected: every button shown, disabled; a selection shows only the hand-offs it has.
        offered = handoff.offered(self.selected_platforms()) if has else {"creator", "publish"}
        changed = False
        for key in ("creator", "publish"):
            shown = key in offered
            if self.buttons[key].isVisibleTo(self) != shown:
                self.buttons[key].setVisible(shown)
                changed = True
        if changed:
            self.actions_box.refit()
            self.actions_box.flow.invalidate()

    def _show_details(self) -> None:
        """The selected draft's posted link (one draft selected, marked as posted with a link)."""
        import html

        ids = self.selected_ids()
        d = next((c.draft for c in self.model.drafts if c.draft.id == ids[0]), None) if len(ids) == 1 else None
        url = d.posted_url if d is not None else None
        if d is None or not url or QUrl(url).scheme() not in ("http", "https"):
            self.details.clear()
            self.details.hide()
            return
        text = self.model.posted_text(d) or ""
        safe = html.escape(url, quote=True)
        self.details.setText(html.escape(text).replace(html.escape(url), f'<a href="{safe}">{safe}</a>'))
        self.details.setToolTip(self.tr("Open the published post in your browser"))
        self.details.show()

    def selected_platforms(self) -> set[str]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return {self.model.drafts[r].draft.platform for r in rows if r < len(self.model.drafts)}

    def retranslate(self) -> None:
        from crosspost.gui.labels import platform_label
        from crosspost.platforms import get_profile

        for i in range(1, self.platform.count()):
            self.platform.setItemText(i, platform_label(get_profile(self.platform.itemData(i))))
        self.filter_labels[0].setText(self.tr("Platform"))
        self.filter_labels[1].setText(self.tr("Status"))
        self.platform.setItemText(0, self.tr("All platforms"))
        for i, text in enumerate(
            (self.tr("All"), self.tr("Draft"), self.tr("Ready"), self.tr("Exported"), self.tr("Posted"))
        ):
            self.status.setItemText(i, text)
        self.refresh_button.setText(self.tr("Refresh from post"))
        self.refresh_button.setToolTip(
            self.tr(
                "Take the post's caption, translation and media as they are now; "
                "what you changed in the draft by hand stays."
            )
        )
        for key, text in (
            ("render", self.tr("Render")),
            ("export", self.tr("Export…")),
            ("publish", self.tr("Publish")),
            ("alt", self.tr("Alt text…")),
            ("copy_title", self.tr("Copy title")),
            ("copy_body", self.tr("Copy body")),
            ("copy_topics", self.tr("Copy topics")),
            ("posted", self.tr("Mark as posted…")),
            ("phone", self.tr("Send to phone…")),
            ("creator", self.tr("Open RedNote creator page")),
        ):
            self.buttons[key].setText(text)
        self.reencode.setText(self.tr("Re-encode"))
        self.reencode.setToolTip(
            self.tr(
                "Encode every file again, even a video or photo that already fits the "
                "platform and would be kept as it is"
            )
        )
        self.empty.setText(self.tr("No drafts yet. Open a post in the library and choose “Create draft”."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self.actions_box.refit()

    def reload(self) -> None:
        selected = set(self.selected_ids())
        self.model.platform = self.platform.currentData()
        self.model.status = self.status.currentData()
        self.model.reload()
        self.empty.setVisible(self.model.rowCount() == 0)
        for row, c in enumerate(self.model.drafts):  # the same drafts stay selected
            if c.draft.id in selected:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    self.table.selectionModel().SelectionFlag.Select | self.table.selectionModel().SelectionFlag.Rows,
                )
        self.cover.set_draft(next(iter(self.selected_ids()), None))

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.drafts[r].draft.id for r in rows]

    def select_draft(self, draft_id: int, add: bool = False) -> None:
        """Select DRAFT_ID (ADD: besides the selection), reading the drafts again if it is not shown yet."""
        if all(c.draft.id != draft_id for c in self.model.drafts):
            self.reload()
        for row, c in enumerate(self.model.drafts):
            if c.draft.id == draft_id:
                if add:
                    flags = self.table.selectionModel().SelectionFlag
                    self.table.selectionModel().select(self.model.index(row, 0), flags.Select | flags.Rows)
                else:
                    self.table.selectRow(row)
                return

    def render_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) > 1:
            self.renderManyRequested.emit(ids)
        elif ids:
            self.renderRequested.emit(ids[0])

    def copy_field(self, field: str) -> None:
        """Put the selected draft's title, body or topics on the clipboard."""
        ids = self.selected_ids()
        if not ids:
            return
        d = next(c.draft for c in self.model.drafts if c.draft.id == ids[0])
        text = " ".join("#" + t for t in d.topics) if field == "topics" else getattr(d, field)
        QGuiApplication.clipboard().setText(text)
        self.toast.say(
            {"title": self.tr("Title copied"), "body": self.tr("Body copied"), "topics": self.tr("Topics copied")}[
                field
            ]
        )

    def export_folder(self) -> str:
        """Where the export dialog starts: the folder used last, else "Crosspost exports" in Documents
        (made when first offered, so the dialog can open in it)."""
        from pathlib import Path

        from PySide6.QtCore import QStandardPaths

        last = self.settings.export_folder
        if last and Path(last).is_dir():
            return str(last)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(documents or Path.home()) / self.tr("Crosspost exports")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return str(Path.home())
        return str(folder)

    def export_selected(self, folder: str | None = None) -> QWidget | None:
        ids = self.selected_ids()
        if not ids:
            return None
        if folder:
            self._export_to(ids, folder)
            return None
        from crosspost.gui.file_choice import FOLDER, choose

        self.file_dialog = choose(
            self,
            self.tr("Export drafts to"),
            FOLDER,
            lambda paths: self._export_to(ids, paths[0]),
            self.export_folder(),
        )
        return self.file_dialog

    def _export_to(self, ids: list[int], folder: str) -> None:
        self.settings.export_folder = folder
        self.exportRequested.emit(ids, folder)

    def mark_posted(self) -> QWidget | None:
        ids = self.selected_ids()
        if not ids:
            return None
        from crosspost.gui.post_dialogs import MarkPostedDialog

        dialog = MarkPostedDialog(ids[0], self)
        dialog.linkGiven.connect(self.markPostedRequested)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.mark_dialog = dialog
        return dialog


def open_folder(path: str) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))
