"""Drag and drop, handled in one place: an event filter that accepts local files and folders anywhere
in the window and emits one typed signal with their paths. Widgets registered with ``add_target``
(the library's rows, the editor's media strip) also say which post the files landed on, so photos and
videos dropped on a post attach to it; the window decides what each path is (``MainWindow.open_paths``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, QPointF, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent


class DropHandler(QObject):
    pathsDropped = Signal(list)  # list[str]
    droppedOnPost = Signal(list, int)  # list[str], post id
    dragActive = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._targets: dict[QObject, Callable[[QPointF], int | None]] = {}

    def add_target(self, widget: QObject, post_at: Callable[[QPointF], int | None]) -> None:
        """Drops on WIDGET go to the post ``post_at(position)`` returns (None: no post there)."""
        self._targets[widget] = post_at
        widget.installEventFilter(self)
        widget.destroyed.connect(lambda *_: self._targets.pop(widget, None))

    @staticmethod
    def local_paths(mime: QMimeData | None) -> list[str]:
        if mime is None or not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragMoveEvent):
            if self.local_paths(event.mimeData()):
                event.acceptProposedAction()
                if kind == QEvent.Type.DragEnter:
                    self.dragActive.emit(True)
                return True
            return False
        if kind == QEvent.Type.DragLeave:
            self.dragActive.emit(False)
            return False
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = self.local_paths(event.mimeData())
            self.dragActive.emit(False)
            if paths:
                event.acceptProposedAction()
                post_at = self._targets.get(watched)
                post_id = post_at(event.position()) if post_at is not None else None
                if post_id is not None:
                    self.droppedOnPost.emit(paths, int(post_id))
                else:
                    self.pathsDropped.emit(paths)
                return True
        return False
