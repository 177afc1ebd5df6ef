"""The library pane: the link-expiry banner, search and the "not translated yet" filter, the list of
posts (thumbnails made on the task runner), and the count. It refreshes itself from the changes
operations publish (``AppContext.changed``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QSize, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from crosspost.gui.context import AppContext, Changes
from crosspost.gui.library_delegate import PostDelegate
from crosspost.gui.models import PostsModel
from crosspost.gui.panels import ExpiryBanner
from crosspost.gui.words import Retranslating, fill


class LibraryPane(Retranslating, QWidget):
    """Posts for the current search and filter; ``postSelected`` when the current post changes."""

    postSelected = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setMinimumWidth(260)
        self.model = PostsModel(ctx.store, self)
        self.model.thumbnailWanted.connect(self._make_thumbnail)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(PostDelegate(self.list))
        self.list.setUniformItemSizes(True)
        # Lay out a large library in batches, so a search that matches 10,000 posts repaints at once.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(100)
        self.list.setIconSize(QSize(96, 96))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.untranslated = QCheckBox()
        self.untranslated.toggled.connect(self._filter_changed)
        self.count_label = QLabel()
        self.no_match = QLabel()  # "No posts match …" in place of an empty list
        self.no_match.setWordWrap(True)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.no_match.hide()
        self.expiry_banner = ExpiryBanner()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.expiry_banner)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.untranslated)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.no_match, 1)
        layout.addWidget(self.count_label)
        self.list.viewport().setAcceptDrops(True)
        ctx.changed.connect(self.apply_changes)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search captions and translations (Ctrl+F)"))
        self.untranslated.setText(self.tr("Not translated yet"))
        self.update_count()

    # --- what operations changed ------------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        if changes.library:
            self.reload()
            return
        for post_id in sorted(changes.posts | changes.media):
            self.model.refresh_post(post_id)
        if changes.media:
            self.update_expiry()

    def reload(self) -> None:
        """Re-read every post, keeping the current one (the first post when none was current)."""
        current = self.current_post_id()
        self.model.reload()
        if current is not None and not self.list.currentIndex().isValid():
            row = self.model.row_of(current)
            if row is not None:
                self.list.setCurrentIndex(self.model.index(row))
        self.update_expiry()
        self.update_count()
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))

    def update_expiry(self) -> None:
        """The link-expiry banner at the top of the library, while a link is still needed."""
        from crosspost.posts import expiry_summary

        self.expiry_banner.set_summary(expiry_summary(self.ctx.store))

    def update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%n post(s)", "", n))
        query = self.search.text().strip()
        empty = n == 0 and bool(query or self.untranslated.isChecked())
        if empty:
            self.no_match.setText(
                fill(self.tr("No posts match “%1”."), query) if query else self.tr("Every post is translated.")
            )
        self.no_match.setVisible(empty)
        self.list.setVisible(not empty)

    # --- selection --------------------------------------------------------------------------------
    def current_post_id(self) -> int | None:
        index = self.list.currentIndex()
        return self.model.post_id(index.row()) if index.isValid() else None

    def selected_post_ids(self) -> list[int]:
        """The posts selected (Shift/Ctrl for several), else the current one."""
        rows = sorted({i.row() for i in self.list.selectionModel().selectedIndexes()})
        ids = [self.model.post_id(r) for r in rows]
        current = self.current_post_id()
        return ids or ([current] if current is not None else [])

    def post_at(self, pos: QPointF) -> int | None:
        """The post under POS in the list's viewport, if any."""
        index = self.list.indexAt(pos.toPoint())
        return self.model.post_id(index.row()) if index.isValid() else None

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.postSelected.emit(self.model.post_id(current.row()))

    def _search_changed(self, text: str) -> None:
        self.model.search = text
        self.model.reload(data_changed=False)
        self.update_count()

    def _filter_changed(self, checked: bool) -> None:
        self.model.only_untranslated = checked
        self.model.reload(data_changed=False)
        self.update_count()

    def _make_thumbnail(self, post_id: int, media_path: str) -> None:
        from crosspost.media.thumbnails import thumbnail_for

        cache = self.ctx.location.thumbnails_dir
        self.ctx.runner.run(
            self.tr("Thumbnail"),
            lambda store, progress, cancel: str(thumbnail_for(cache, media_path)),
            on_success=lambda path: self.model.set_thumbnail(post_id, path),
            on_failure=lambda message, details: None,  # no thumbnail: the row shows without one
            background=True,
        )
