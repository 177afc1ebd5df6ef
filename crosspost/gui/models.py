"""Qt models over the store (no widget per row): the library of posts and the drafts queue.

The posts model keeps only IDs and a few light columns for the current filter, fetched in one query
(10,000 posts: a few milliseconds), and loads thumbnails lazily through the task runner."""

from __future__ import annotations


from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPixmap

from crosspost.store import Store

ROLE_ID = Qt.ItemDataRole.UserRole + 1
ROLE_POST = Qt.ItemDataRole.UserRole + 2


class PostsModel(QAbstractListModel):
    thumbnailWanted = Signal(int, str)  # post id, media path

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self._rows: list[tuple] = []
        self._thumbs: dict[int, QPixmap] = {}
        self._asked: set[int] = set()
        self._all: list[tuple] | None = None
        self.search = ""
        self.only_untranslated = False

    def reload(self, data_changed: bool = True) -> None:
        """Re-read the posts for the current search and filter. DATA_CHANGED=False (a new search
        text) reuses the media and translation summaries, so typing in the search box stays fast."""
        from crosspost.posts import search_post_ids

        db = self.store.db
        if data_changed or self._all is None:
            media = {r[0]: r[1:] for r in db.execute(
                "SELECT post_id, count(*), min(path), min(CASE WHEN position = 0 THEN kind END) "
                "FROM media GROUP BY post_id")}
            langs = dict(db.execute("SELECT post_id, group_concat(lang) FROM translations GROUP BY post_id"))
            self._all = [
                (pid, created, caption, likes, deleted, *(media.get(pid) or (0, None, None))[:2],
                 langs.get(pid), (media.get(pid) or (0, None, None))[2])
                for pid, created, caption, likes, deleted in db.execute(
                    "SELECT id, created_at, caption, likes, deleted FROM posts ORDER BY created_at DESC, id DESC")]
        rows = self._all
        if self.search.strip():
            wanted = set(search_post_ids(self.store, self.search) or [])
            rows = [r for r in rows if r[0] in wanted]
        if self.only_untranslated:
            rows = [r for r in rows if not r[7]]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def post_id(self, row: int) -> int:
        return self._rows[row][0]

    def row_of(self, post_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r[0] == post_id:
                return i
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        pid, created, caption, likes, deleted, media_count, path, langs, kind = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            first = " ".join((caption or "").split())
            first = first if len(first) <= 60 else first[:59] + "…"
            badges = []
            if media_count:
                badges.append(("🎬" if kind == "video" else "🖼") + (f"×{media_count}" if media_count > 1 else ""))
            if langs:
                badges.append("🌐 " + langs)
            if likes is not None:
                badges.append(f"♥ {likes:,}")
            return f"{created[:10]}  {'  '.join(badges)}\n{first or '—'}"
        if role == Qt.ItemDataRole.DecorationRole:
            if pid in self._thumbs:
                return self._thumbs[pid]
            if path and pid not in self._asked:
                self._asked.add(pid)
                self.thumbnailWanted.emit(pid, path)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return caption
        if role == Qt.ItemDataRole.ForegroundRole and deleted:
            return QColor("#999999")
        if role == ROLE_ID:
            return pid
        return None

    def set_thumbnail(self, post_id: int, thumb_path: str) -> None:
        image = QImage(thumb_path)
        if image.isNull():
            return
        self._thumbs[post_id] = QPixmap.fromImage(image.scaled(QSize(160, 160), Qt.AspectRatioMode.KeepAspectRatio,
                                                                Qt.TransformationMode.SmoothTransformation))
        row = self.row_of(post_id)
        if row is not None:
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])


class DraftsModel(QAbstractTableModel):
    COLUMNS = ("id", "platform", "status", "planned", "title", "problems")

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.drafts: list[dict] = []
        self.platform: str | None = None
        self.status: str | None = None

    def reload(self) -> None:
        from crosspost.drafts.queue import list_drafts

        self.beginResetModel()
        self.drafts = list_drafts(self.store, self.platform, self.status)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.drafts)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            labels = {"id": self.tr("#"), "platform": self.tr("Platform"), "status": self.tr("Status"),
                      "planned": self.tr("Planned"), "title": self.tr("Title"), "problems": self.tr("Preflight")}
            return labels[self.COLUMNS[section]]
        return None

    def _render_tooltip(self, d: dict) -> str | None:
        """How each rendered file was made: kept as it was, or re-encoded."""
        lines = []
        for m in d.get("media_detail") or []:
            if m.get("rendered") and m.get("render_method"):
                name = m["rendered"].replace("\\", "/").rsplit("/", 1)[-1]
                lines.append(self.tr("%1: kept the original (not re-encoded)").replace("%1", name)
                             if m["render_method"] == "copy" else self.tr("%1: re-encoded").replace("%1", name))
        return "\n".join(lines) or None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d = self.drafts[index.row()]
        column = self.COLUMNS[index.column()]
        errors = [p for p in d["problems"] if p["level"] == "error"]
        warnings = [p for p in d["problems"] if p["level"] == "warning"]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "problems":
                if errors:
                    return errors[0]["message"]
                return self.tr("Ready") if not warnings else warnings[0]["message"]
            return {"id": d["id"], "platform": d["platform"], "status": d["status"],
                    "planned": (d["planned_at"] or "").replace("T", " "), "title": d["title"]}[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == "problems":
            return QColor("#c62828") if errors else (QColor("#b26a00") if warnings else QColor("#2e7d32"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "problems":
            return "\n".join(f"{p['level']}: {p['message']}" for p in d["problems"]) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == "status":
            return self._render_tooltip(d)
        if role == ROLE_ID:
            return d["id"]
        return None


