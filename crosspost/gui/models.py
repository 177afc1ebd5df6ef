"""Qt models over the store (no widget per row): the library of posts and the drafts queue.

The posts model keeps only IDs and a few light columns for the current filter, fetched in one query
(10,000 posts: a few milliseconds), and loads thumbnails lazily through the task runner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPixmap

from crosspost.gui.labels import language_label
from crosspost.gui.words import fill
from crosspost.records import CheckedDraft, Draft, LibraryRow
from crosspost.store import Store
from crosspost.values import DraftStatus, MediaKind

ROLE_ID = Qt.ItemDataRole.UserRole + 1
ROLE_DELETED = Qt.ItemDataRole.UserRole + 3  # "Deleted on TikTok on …", or None


class PostsModel(QAbstractListModel):
    """The library: one ``LibraryRow`` per post for the current search and filter."""

    thumbnailWanted = Signal(int, str)  # post id, media path

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._rows: list[LibraryRow] = []
        self._thumbs: dict[int, QPixmap] = {}
        self._asked: set[int] = set()
        self._all: list[LibraryRow] | None = None
        self.search = ""
        self.only_untranslated = False

    def reload(self, data_changed: bool = True) -> None:
        """Re-read the posts for the current search and filter. DATA_CHANGED=False (a new search
        text) reuses the rows read before, so typing in the search box stays fast. When the same
        posts remain, the rows are updated in place (selection and scroll position stay)."""
        from crosspost.posts import library_rows, search_post_ids

        if data_changed or self._all is None:
            self._all = library_rows(self.store)
        rows = self._all
        if self.search.strip():
            wanted = set(search_post_ids(self.store, self.search) or [])
            rows = [r for r in rows if r.id in wanted]
        if self.only_untranslated:
            rows = [r for r in rows if not r.langs]
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def refresh_post(self, post_id: int) -> None:
        """Re-read one post's row (after an edit) and repaint just that row."""
        from crosspost.posts import library_rows

        fresh = library_rows(self.store, post_id)
        if not fresh:
            return
        if self._all is not None:
            self._all = [fresh[0] if r.id == post_id else r for r in self._all]
        row = self.row_of(post_id)
        if row is not None:
            self._rows[row] = fresh[0]
            idx = self.index(row)
            self.dataChanged.emit(idx, idx)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def post_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, post_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == post_id:
                return i
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            first = " ".join(r.caption.split())  # the delegate wraps it to two lines and elides
            badges = []
            if r.media_count:
                from crosspost.gui.media_labels import media_badge
                from crosspost.media.state import row_media_state

                badges.append(
                    ("🎬" if r.first_kind is MediaKind.VIDEO else "🖼")
                    + (f"×{r.media_count}" if r.media_count > 1 else "")
                )
                badges.append(media_badge(row_media_state(r)))
            if r.langs:
                badges.append("🌐 " + ", ".join(language_label(code) for code in r.langs))
            if r.likes is not None:
                badges.append(f"♥ {r.likes:,}")
            return f"{r.created_at[:10]}  {'  '.join(badges)}\n{first or '—'}"
        if role == ROLE_DELETED:
            return self._deleted_text(r) if r.deleted else None
        if role == Qt.ItemDataRole.DecorationRole:
            if r.id in self._thumbs:
                return self._thumbs[r.id]
            if r.first_path and r.id not in self._asked:
                self._asked.add(r.id)
                self.thumbnailWanted.emit(r.id, r.first_path)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.caption
        if role == Qt.ItemDataRole.ForegroundRole and r.deleted:
            return QColor("#999999")
        if role == ROLE_ID:
            return r.id
        return None

    def _deleted_text(self, r: LibraryRow) -> str:
        when = r.deleted_at
        if when:
            return fill(self.tr("Deleted on TikTok on %1"), str(when)[:10])
        return self.tr("Deleted on TikTok")

    def set_thumbnail(self, post_id: int, thumb_path: str) -> None:
        image = QImage(thumb_path)
        if image.isNull():
            return
        self._thumbs[post_id] = QPixmap.fromImage(
            image.scaled(
                QSize(160, 160), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        row = self.row_of(post_id)
        if row is not None:
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])


class DraftsModel(QAbstractTableModel):
    COLUMNS = ("id", "platform", "status", "planned", "title", "problems")

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.drafts: list[CheckedDraft] = []
        self.stale: dict[int, tuple[str, ...]] = {}  # draft id → what changed since it was made
        self.platform: str | None = None
        self.status: str | None = None

    def reload(self) -> None:
        from crosspost.drafts.freshness import stale_drafts
        from crosspost.drafts.store import list_drafts

        self.beginResetModel()
        status = DraftStatus(self.status) if self.status else None  # the filter combo's word
        self.drafts = list_drafts(self.store, self.platform, status)
        self.stale = stale_drafts(self.store, [c.draft for c in self.drafts])
        self.endResetModel()

    def stale_text(self, draft_id: int) -> str | None:
        """ "Out of date: the post changed…" for a draft whose post, translation or media changed."""
        reasons = self.stale.get(draft_id)
        if not reasons:
            return None
        words = {"post": self.tr("the post"), "translation": self.tr("its translation"), "media": self.tr("its media")}
        return fill(self.tr("Out of date: %1 changed — press Refresh from post."), ", ".join(words[r] for r in reasons))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.drafts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            labels = {
                "id": self.tr("#"),
                "platform": self.tr("Platform"),
                "status": self.tr("Status"),
                "planned": self.tr("Planned"),
                "title": self.tr("Title"),
                "problems": self.tr("Preflight"),
            }
            return labels[self.COLUMNS[section]]
        return None

    def _render_tooltip(self, d: Draft) -> str | None:
        """How each rendered file was made: kept as it was, or re-encoded."""
        lines = []
        for m in d.media:
            if m.rendered and m.render_method:
                name = m.rendered.replace("\\", "/").rsplit("/", 1)[-1]
                lines.append(
                    fill(self.tr("%1: kept the original (not re-encoded)"), name)
                    if m.render_method == "copy"
                    else fill(self.tr("%1: re-encoded"), name)
                )
        return "\n".join(lines) or None

    def posted_text(self, d: Draft) -> str | None:
        """ "Posted on 2 Dec 2026: http://xhslink.com/…" for a draft marked as posted (None otherwise)."""
        if not d.posted_at and not d.posted_url:
            return None
        from crosspost.gui.media_labels import human_date

        when = human_date(d.posted_at) if d.posted_at else ""
        if d.posted_url:
            return fill(self.tr("Posted on %1: %2"), when, d.posted_url)
        return fill(self.tr("Posted on %1"), when)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.drafts[index.row()]
        d = c.draft
        column = self.COLUMNS[index.column()]
        errors = [p for p in c.problems if p.is_error]
        warnings = [p for p in c.problems if not p.is_error]
        from crosspost.gui.messages import problem_text  # the drafts' words (not needed by the library)

        if role == Qt.ItemDataRole.DisplayRole:
            from crosspost.gui.labels import platform_label, status_label
            from crosspost.platforms import get_profile

            if column == "problems":
                if d.id in self.stale:
                    return self.stale_text(d.id)
                if errors:
                    return problem_text(errors[0])
                return self.tr("Ready") if not warnings else problem_text(warnings[0])
            if column == "platform":
                return platform_label(get_profile(d.platform))
            if column == "status":
                return status_label(d.status)
            return {"id": d.id, "planned": (d.planned_at or "").replace("T", " "), "title": d.title}[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == "problems" and d.id in self.stale:
            return QColor("#b26a00")
        if role == Qt.ItemDataRole.ForegroundRole and column == "problems":
            return QColor("#c62828") if errors else (QColor("#b26a00") if warnings else QColor("#2e7d32"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "problems":
            from crosspost.gui.labels import level_label

            return "\n".join(f"{level_label(p.level)}: {problem_text(p)}" for p in c.problems) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == "status":
            lines = [line for line in (self.posted_text(d), self._render_tooltip(d)) if line]
            return "\n".join(lines) or None
        if role == ROLE_ID:
            return d.id
        return None
