"""The media strip's pictures: a photo or a video's frame decoded and fitted off the GUI thread
(``preview_image`` runs on the task runner), and the crop window drawn over the whole picture."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPaintEvent, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from crosspost.gui.flow_layout import clear_layout
from crosspost.platforms import get_profile
from crosspost.values import Fit

if TYPE_CHECKING:
    from PIL.Image import Image

    from crosspost.gui.context import AppContext
    from crosspost.store import Store


def crop_focus(fx: float | None, fy: float | None) -> tuple[float, float] | None:
    """The stored crop position, None when never set; 0.0 is a real position (the left/top edge)."""
    if fx is None and fy is None:
        return None
    return (0.5 if fx is None else fx, 0.5 if fy is None else fy)


def source_image(path: str, kind: str) -> Image | None:
    """The photo, or a frame of the video (decoded: call it off the GUI thread)."""
    from crosspost.errors import UserError
    from crosspost.media.images import load_image

    try:
        if kind == "image":
            return load_image(path, cover=(240, 320))
        from crosspost.media.cover import frame_at

        return frame_at(path, 0.2)
    except (UserError, OSError):
        return None


def preview_image(path: str, kind: str, size: tuple[int, int], fit: str | None) -> Image | None:
    """On a worker thread: the picture for the strip. FIT None: the whole picture within SIZE (the
    crop window is drawn over it); else the picture framed as the platform will (the core's fitting)."""
    from PIL import ImageOps

    from crosspost.media.images import fit_image
    from crosspost.media.targets import Target

    image = source_image(path, kind)
    if image is None:
        return None
    if fit is None:
        return ImageOps.contain(image, size).convert("RGB")
    return fit_image(ImageOps.contain(image, (480, 480)), Target(size[0], size[1], Fit(fit))).convert("RGB")


def to_pixmap(image: Image) -> QPixmap:
    image = image.convert("RGB")
    qimage = QImage(image.tobytes(), image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy()
    return QPixmap.fromImage(qimage)


class CropPreview(QWidget):
    """The whole photo (or a video frame) with the platform's crop window on it; drag the window
    to choose what stays in the picture. Emits the position (0..1 on each axis) when dropped."""

    focusChanged = Signal(int, float, float)

    def __init__(
        self, media_id: int, aspect: float, focus: tuple[float, float] | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.media_id = media_id
        self.setFixedSize(QSize(170, 170))
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.pixmap = QPixmap()  # the picture arrives from the task runner (``set_image``)
        self.aspect = aspect
        self.focus = list(focus) if focus else [0.5, 0.5]
        self._drag: tuple[QPointF, list[float]] | None = None

    def set_image(self, image: Image) -> None:
        self.pixmap = to_pixmap(image)
        self.update()

    def _frame(self) -> tuple[QRectF, tuple[float, float]]:
        pw, ph = self.pixmap.width(), self.pixmap.height()
        ox, oy = (self.width() - pw) / 2, (self.height() - ph) / 2
        cw: float
        ch: float
        if pw / max(ph, 1) > self.aspect:
            cw, ch = ph * self.aspect, float(ph)
        else:
            cw, ch = float(pw), float(pw) / self.aspect
        x = ox + (pw - cw) * self.focus[0]
        y = oy + (ph - ch) * self.focus[1]
        return QRectF(x, y, cw, ch), (pw - cw, ph - ch)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QColor, QPainter, QPen

        painter = QPainter(self)
        painter.drawPixmap(
            (self.width() - self.pixmap.width()) // 2, (self.height() - self.pixmap.height()) // 2, self.pixmap
        )
        rect, _ = self._frame()
        # Visible on any picture: what the crop leaves out is dimmed, the window has a white line
        # inside a black one (one of them contrasts with any colour), and square handles at its corners.
        from PySide6.QtGui import QPainterPath

        outside = QPainterPath()
        outside.addRect(self.rect().toRectF())
        inside = QPainterPath()
        inside.addRect(rect)
        painter.fillPath(outside.subtracted(inside), QColor(0, 0, 0, 140))
        painter.setPen(QPen(QColor("#000000"), 3))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.setPen(QPen(QColor("#ffffff"), 1))
        painter.drawRect(rect.adjusted(1, 1, -2, -2))
        for corner in (rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight()):
            handle = QRectF(0, 0, 9, 9)
            handle.moveCenter(corner)
            handle = handle.intersected(QRectF(self.rect()))
            painter.fillRect(handle, QColor("#ffffff"))
            painter.setPen(QPen(QColor("#000000"), 1))
            painter.drawRect(handle)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._drag = (event.position(), list(self.focus))
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is None:
            return
        start, focus = self._drag
        _, (free_x, free_y) = self._frame()
        delta = event.position() - start
        if free_x > 0.5:
            self.focus[0] = min(1.0, max(0.0, focus[0] + delta.x() / free_x))
        if free_y > 0.5:
            self.focus[1] = min(1.0, max(0.0, focus[1] + delta.y() / free_y))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is not None:
            self._drag = None
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            self.focusChanged.emit(self.media_id, self.focus[0], self.focus[1])


class MediaStrip:
    """The editor's media strip (mixed into PostEditor): the post's media state in a sentence and a
    preview per file on disk, framed as the chosen platform and fit will frame it. Pictures are
    decoded on the task runner (``preview_image``), never on the GUI thread."""

    ctx: AppContext
    store: Store
    post_id: int | None
    platform: QComboBox
    fit: QComboBox
    media_state: QLabel
    media_strip: QHBoxLayout
    no_media_label: QLabel | None
    _strip: int
    _previews: int

    if TYPE_CHECKING:  # QObject's, through the widget this is mixed into

        def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str: ...

    def refresh_media(self) -> None:
        """The media strip: a preview per file on disk (decoded on the task runner, never here)."""
        self.no_media_label = None
        self._strip += 1
        self._previews = 0
        clear_layout(self.media_strip)
        if self.post_id is None:
            return
        from crosspost.gui.media_labels import media_sentence
        from crosspost.media.state import items_state
        from crosspost.posts import post_media

        every = post_media(self.store, self.post_id)
        self.media_state.setText(media_sentence(items_state(every)))
        rows = [m for m in every if m.path]
        profile = get_profile(self.platform.currentData() or "rednote")
        fit = self.fit.currentData()
        for m in rows[:6]:
            path, kind = str(m.path), str(m.kind)
            spec = profile.image if kind == "image" and profile.image else profile.video
            if spec is None:
                continue
            widget: QWidget
            if fit == "crop":
                # m.focus is None (automatic) or a position where 0.0 is a real edge.
                crop = CropPreview(m.id, spec.width / spec.height, m.focus)
                crop.focusChanged.connect(self._focus_changed)
                widget, size = crop, (170, 170)
            else:
                widget = QLabel()
                widget.setFixedSize(QSize(120, 160))
                size = (120, int(120 * spec.height / spec.width))
            widget.setToolTip(path)
            self.media_strip.addWidget(widget)
            self._decode_preview(widget, path, kind, size, None if fit == "crop" else fit)
        # Nothing on disk: the sentence above the strip says so (and what to do); never a second one here.
        self.media_strip.addStretch(1)

    @property
    def previews_pending(self) -> int:
        """Previews of the strip still being decoded."""
        return self._previews

    def _decode_preview(self, widget: QWidget, path: str, kind: str, size: tuple[int, int], fit: str | None) -> None:
        """Decode PATH (a photo, or a video's frame) on the task runner and show it in WIDGET."""
        strip = self._strip
        self._previews += 1

        def done(image: Image | None) -> None:
            if strip != self._strip:
                return  # a newer strip replaced this one (and its widgets)
            self._previews -= 1
            if image is None:
                return
            if isinstance(widget, CropPreview):
                widget.set_image(image)
            elif isinstance(widget, QLabel):
                widget.setPixmap(to_pixmap(image))

        def failed(message: str, details: str) -> None:
            if strip == self._strip:
                self._previews -= 1

        self.ctx.runner.run(
            self.tr("Preview"),
            lambda store, progress, cancel: preview_image(path, kind, size, fit),
            on_success=done,
            on_failure=failed,
            background=True,
        )

    def _focus_changed(self, media_id: int, fx: float, fy: float) -> None:
        from crosspost.posts import set_media_focus

        set_media_focus(self.store, media_id, fx, fy)
