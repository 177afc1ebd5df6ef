"""Drag and drop, handled in one place: an event filter on the window that accepts local files and
folders anywhere and emits one typed signal with their paths."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal


class DropHandler(QObject):
    pathsDropped = Signal(list)  # list[str]
    dragActive = Signal(bool)

    @staticmethod
    def local_paths(mime) -> list[str]:
        if mime is None or not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.local_paths(event.mimeData()):
                event.acceptProposedAction()
                if kind == QEvent.Type.DragEnter:
                    self.dragActive.emit(True)
                return True
            return False
        if kind == QEvent.Type.DragLeave:
            self.dragActive.emit(False)
            return False
        if kind == QEvent.Type.Drop:
            paths = self.local_paths(event.mimeData())
            self.dragActive.emit(False)
            if paths:
                event.acceptProposedAction()
                self.pathsDropped.emit(paths)
                return True
        return False
