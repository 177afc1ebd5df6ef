"""A layout that places its widgets left to right and wraps onto new lines (Qt's "flow layout"
example): topic chips take the width they are given and grow downwards, never widening the window."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLayout, QLayoutItem, QScrollArea, QSizePolicy, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        # As narrow as the widest single chip: the rest wraps.
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        parent = self.parentWidget()
        for item in self._items:
            widget = item.widget()
            if widget is not None and parent is not None and not widget.isVisibleTo(parent):
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()


def clear_layout(layout: QLayout, forget: str | None = None) -> None:
    """Take every item out of LAYOUT; its widgets are hidden and deleted (later, by Qt). FORGET: a
    property cleared on each first (a chip going away is no longer a topic's chip)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            if forget:
                widget.setProperty(forget, None)
            widget.hide()
            widget.deleteLater()


class FlowBox(QWidget):
    """A widget holding a FlowLayout. It takes the width its layout gives it and sets its own
    minimum height to what the wrapped lines need at that width (rather than reporting
    height-for-width, which would make a surrounding scroll area size the whole editor by its
    preferred height)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self, spacing)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.flow.minimumSize().width(), self.minimumHeight())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.flow.minimumSize().width(), self.minimumHeight())

    def refit(self) -> None:
        """Call after adding or removing widgets: the height for the current width."""
        # Before it is laid out a box is a few pixels wide: measure it as one line until it has a width.
        width = self.width() if self.isVisible() and self.width() > 50 else 100_000
        height = self.flow.heightForWidth(width) if self.flow.count() else 0
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.refit()


class VerticalScroll(QScrollArea):
    """A scroll area for one widget that scrolls only vertically and only below the widget's minimum
    height, and that is never narrower than the widget's minimum width (so a splitter beside it
    leaves the widget its room instead of cutting it).

    (A plain QScrollArea sizes a widget whose layout has height-for-width — word-wrapped labels,
    flowing chips — by its preferred height and so scrolls much earlier; the widget sits in a host
    without a layout, which reports only the minimum.)"""

    def __init__(self, child: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.child = child
        self.host = _Host(child, self)
        self.setWidget(self.host)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        width = self.child.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(width, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSizeHint().expandedTo(self.child.sizeHint())


class _Host(QWidget):
    def __init__(self, child: QWidget, area: VerticalScroll):
        super().__init__()
        self.child, self.area = child, area
        child.setParent(self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.child.minimumSizeHint()

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.child.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.child.setGeometry(self.rect())

    def event(self, event: QEvent) -> bool:  # noqa: D401 - the child's minimum changed (chips, media): tell the area
        if event.type() == QEvent.Type.LayoutRequest and shiboken6.isValid(self.area):
            self.updateGeometry()  # (a request can arrive while the window is being torn down)
            self.area.updateGeometry()
        return super().event(event)
