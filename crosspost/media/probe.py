"""What a media file really is: magic bytes first, then a probe (Pillow for photos, PyAV for videos).

The file's name is never trusted: a ``.jpg`` that is an HTML error page is refused, an ``.mp4``
with no video stream is refused."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosspost.errors import UserError

IMAGE_MIME = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "HEIF": "image/heic",
    "MPO": "image/jpeg",
    "BMP": "image/bmp",
    "TIFF": "image/tiff",
}


@dataclass(frozen=True)
class MediaInfo:
    kind: str  # "video" | "image"
    mime: str
    width: int | None
    height: int | None
    duration: float | None = None  # seconds, videos only
    rotation: int = 0  # degrees clockwise to display upright (videos)
    has_audio: bool = False


def sniff(head: bytes) -> str | None:
    """The kind of file from its first bytes: "image", "video", or None."""
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM")):
        return "image"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif"):
            return "image"
        return "video"
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # Matroska / WebM
        return "video"
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free", b"skip"):  # old QuickTime
        return "video"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image"
    return None


def probe_file(path: str | Path) -> MediaInfo:
    """Describe PATH, or raise ``UserError`` when it is not a photo or video Crosspost can read."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(32)
    except OSError as exc:
        raise UserError(f"{path} cannot be read ({exc.strerror or exc}).") from None
    kind = sniff(head)
    if kind == "image":
        return _probe_image(path)
    if kind == "video":
        return _probe_video(path)
    raise UserError(f"{path.name} is not a photo or video Crosspost can read.")


def _probe_image(path: Path) -> MediaInfo:
    from PIL import Image, UnidentifiedImageError

    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # HEIC support is optional at probe time
        pass
    try:
        with Image.open(path) as image:
            fmt = image.format or ""
            width, height = image.size
            orientation = image.getexif().get(0x0112, 1)
            try:
                # Decode it to the end, so a photo cut short is refused now, not at render time
                # (JPEG at 1/8 scale: every byte is still read, at a fraction of the cost).
                if fmt == "JPEG":
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
            except (OSError, ValueError, SyntaxError, EOFError) as exc:
                raise UserError(
                    f"{path.name} is a damaged or incomplete photo; it cannot be read to its end ({exc})."
                ) from None
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise UserError(f"{path.name} is not a readable photo ({exc}).") from None
    if orientation in (5, 6, 7, 8):  # shown rotated by 90 degrees
        width, height = height, width
    return MediaInfo("image", IMAGE_MIME.get(fmt, f"image/{fmt.lower() or 'unknown'}"), width, height)


def _probe_video(path: Path) -> MediaInfo:
    import av

    try:
        with av.open(str(path)) as container:
            streams = container.streams.video
            if not streams:
                raise UserError(f"{path.name} has no video stream; it cannot be used as a video.")
            stream = streams[0]
            width, height = stream.codec_context.width, stream.codec_context.height
            duration = None
            if stream.duration is not None and stream.time_base is not None:
                duration = float(stream.duration * stream.time_base)
            elif container.duration is not None:
                duration = container.duration / 1_000_000
            rotation = _rotation(container, stream)
            has_audio = bool(container.streams.audio)
            fmt = container.format.name
    except av.error.FFmpegError as exc:
        raise UserError(f"{path.name} is not a readable video ({exc}).") from None
    if rotation in (90, 270):
        width, height = height, width
    mime = (
        "video/webm"
        if "webm" in fmt or "matroska" in fmt
        else ("video/quicktime" if path.suffix.lower() == ".mov" else "video/mp4")
    )
    return MediaInfo("video", mime, width, height, duration, rotation, has_audio)


def _rotation(container: Any, stream: Any) -> int:  # PyAV's container and video stream
    """Display rotation in degrees (FFmpeg's sign: counter-clockwise), read from the first frame's
    display matrix; phone videos store portrait as rotated landscape."""
    tag = (stream.metadata or {}).get("rotate")
    if tag:
        try:
            return int(tag) % 360
        except ValueError:
            pass
    try:
        for frame in container.decode(stream):
            return int(round(getattr(frame, "rotation", 0) or 0)) % 360
    except av_errors() as exc:  # a stream that does not decode is caught by the caller's check
        raise UserError(f"The video stream cannot be decoded ({exc}).") from None
    return 0


def av_errors() -> type[Exception]:
    import av

    return av.error.FFmpegError
