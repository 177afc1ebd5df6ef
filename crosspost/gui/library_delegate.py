"""How a post is drawn in the library: its thumbnail, a line with the date and badges, at most two
lines of caption (elided), and for a post deleted on TikTok a line that says so. Row height comes
from the fonts actually used for Chinese and emoji (their fallback fonts are taller than the Latin
one), so nothing is clipped."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from crosspost.gui.models import ROLE_DELETED

PADDING, GAP, ICON = 6, 8, 72
CAPTION_LINES = 2


_metrics: dict[str, tuple[int, float]] = {}


def line_metrics(font: QFont) -> tuple[int, float]:
    """The height and ascent of a line holding Latin, Chinese and emoji in FONT (fallbacks included)."""
    key = font.key()
    if key not in _metrics:
        _metrics[key] = _measure(font)
    return _metrics[key]


def _measure(font: QFont) -> tuple[int, float]:
    layout = QTextLayout("Ágy 小红书 🎨", font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100000)  # the whole probe on one line, so every fallback font counts
    layout.endLayout()
    return int(line.height() + 0.999), line.ascent()


def line_height(font: QFont) -> int:
    return line_metrics(font)[0]


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """TEXT wrapped to WIDTH in at most MAX_LINES lines, the last one elided when there is more."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    # QTextLayout counts UTF-16 code units (an emoji is two): cut the text the same way.
    units = text.encode("utf-16-le")

    def part(start: int, length: int | None = None) -> str:
        end = None if length is None else 2 * (start + length)
        return units[2 * start : end].decode("utf-16-le", errors="replace")

    out = [part(s, n).rstrip() for s, n in lines[:max_lines]]
    if len(lines) > max_lines:
        rest = part(lines[max_lines - 1][0])
        out[-1] = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return out


class PostDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        small = QFont(option.font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        return option.font, small

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        font, small = self._fonts(option)
        # Same for every row (the view uses uniform sizes): meta line, two caption lines, the deleted line.
        text_height = line_height(small) * 2 + line_height(font) * CAPTION_LINES
        return QSize(200, max(ICON, text_height) + 2 * PADDING)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        style = option.widget.style() if option.widget else QApplication.style()
        self.initStyleOption(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""  # option.text has "\n" made U+2028
        option.text = ""
        option.icon = option.icon.__class__()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        font, small = self._fonts(option)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if pixmap is not None and not pixmap.isNull():
            scaled = pixmap.scaled(
                QSize(ICON, ICON), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            painter.drawPixmap(
                rect.x() + (ICON - scaled.width()) // 2, rect.y() + (ICON - scaled.height()) // 2, scaled
            )
        left = rect.x() + ICON + GAP
        width = max(20, rect.right() - left)
        meta, _, caption = text.partition("\n")
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = option.palette.color(group)
        muted = colour if selected else option.palette.color(QPalette.ColorRole.PlaceholderText)
        deleted = index.data(ROLE_DELETED)
        painter.save()
        y = rect.y()
        (small_h, small_ascent), (line_h, ascent) = line_metrics(small), line_metrics(font)
        # Drawn at a baseline (not in a box that Qt would clip): each line gets the height of its fonts.
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(
            QPointF(left, y + small_ascent), QFontMetrics(small).elidedText(meta, Qt.TextElideMode.ElideRight, width)
        )
        y += small_h
        painter.setFont(font)
        painter.setPen(muted if deleted and not selected else colour)
        for line in wrapped_lines(caption, font, width, CAPTION_LINES):
            painter.drawText(QPointF(left, y + ascent), line)
            y += line_h
        if deleted:
            italic = QFont(small)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(colour if selected else QColor("#b3261e"))
            painter.drawText(
                QPointF(left, rect.bottom() - small_h + 1 + small_ascent),
                QFontMetrics(italic).elidedText(deleted, Qt.TextElideMode.ElideRight, width),
            )
        if option.state & QStyle.StateFlag.State_HasFocus:
            # A ring the keyboard can follow (the style's own dotted rectangle is hard to see here).
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight).darker(130), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5), 4, 4)
        painter.restore()
