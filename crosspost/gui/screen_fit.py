"""Keep a window wholly on its screen: its frame (title bar and borders from the window manager)
included, inside the screen's free area (without panels and docks). At 1024×700 or 1366×768 a window
as tall as the free area pushed its status bar, the progress bar's Cancel and the queue's lower buttons
off-screen by the height of its title bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FIRST_RUN = QSize(1280, 800)


def frame_extra(widget: QWidget) -> QSize:
    """How much the window manager's frame adds around WIDGET (zero before it is shown, or with none)."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    return QSize(max(0, frame.width() - inner.width()), max(0, frame.height() - inner.height()))


def free_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, FIRST_RUN.width(), FIRST_RUN.height())


def first_size(widget: QWidget, extra: QSize | None = None) -> QSize:
    """The size for a first start: 1280×800, or the free area less the frame where that is smaller."""
    extra = extra or frame_extra(widget)
    free = free_area(widget).size()
    return FIRST_RUN.boundedTo(QSize(free.width() - extra.width(), free.height() - extra.height()))


def fit_into_screen(widget: QWidget) -> bool:
    """Shrink and move WIDGET (frame included) into its screen's free area; True when it had to."""
    free = free_area(widget)
    extra = frame_extra(widget)
    inner = widget.geometry()
    width = min(inner.width(), free.width() - extra.width())
    height = min(inner.height(), free.height() - extra.height())
    width = max(width, widget.minimumWidth())
    height = max(height, widget.minimumHeight())
    changed = False
    if (width, height) != (inner.width(), inner.height()):
        widget.resize(width, height)
        changed = True
    frame = widget.frameGeometry()
    x = min(max(frame.left(), free.left()), max(free.left(), free.right() + 1 - frame.width()))
    y = min(max(frame.top(), free.top()), max(free.top(), free.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        widget.move(x, y)  # move() places the frame's top-left corner
        changed = True
    return changed


class KeepOnScreen(QObject):
    """Fits WIDGET into its screen when it is first shown, and once more when the window manager's
    frame arrives (its size is known only after the window is decorated); then it stays out of the
    person's way: moving or resizing the window later is theirs."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.fits = 0  # how many times it had to shrink or move the window
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is not self.widget:
            return False
        kind = event.type()
        framed = not frame_extra(self.widget).isNull()
        if kind == QEvent.Type.Show or (kind in (QEvent.Type.Move, QEvent.Type.Resize) and framed):
            QTimer.singleShot(0, self._fit)
            if framed:  # the frame is known: this is the last fit
                self.widget.removeEventFilter(self)
        return False

    def _fit(self) -> None:
        if self.widget.isVisible() and not self.widget.isMaximized() and not self.widget.isFullScreen():
            self.fits += fit_into_screen(self.widget)
