"""What a media file really is: magic bytes first, then a probe (Pillow for photos, PyAV for videos).

The file's name is never trusted: a ``.jpg`` that is an HTML error page is refused, an ``.mp4``
with no video stream is refused."""

from __future__ import annotations

import mmap
import os
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


_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")


def sniff(head: bytes) -> str | None:
    """The kind of file from its first bytes: "image", "video", or None."""
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM")):
        return "image"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS:
            return "image"
        return "video"
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # Matroska / WebM
        return "video"
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free", b"skip"):  # old QuickTime
        return "video"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image"
    return None


_heif_registered = False


def open_heif_too(head: bytes) -> None:
    """Let Pillow open HEIC/HEIF photos (through pillow-heif) when HEAD, a file's first 12 bytes or
    more, is one: the plugin costs ≈ 5 ms to import, so a batch of JPEGs never loads it."""
    global _heif_registered
    if _heif_registered or head[4:8] != b"ftyp" or head[8:12] not in _HEIF_BRANDS:
        return
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # pragma: no cover - a dependency, but HEIC support stays optional
        pass
    _heif_registered = True


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
        open_heif_too(head)
        return _probe_image(path)
    if kind == "video":
        return _probe_video(path)
    raise UserError(f"{path.name} is not a photo or video Crosspost can read.")


def _probe_image(path: Path) -> MediaInfo:
    """A photo's format, size and EXIF orientation from its header, without decoding its pixels.

    A photo cut short is still refused here: JPEG, PNG and WebP files are checked for their
    structural end (the end-of-image marker after the first scan, the IEND chunk, the RIFF length)
    by reading markers, not pixels. Other formats are rare and small; they are decoded to the end.
    Damage inside the compressed data is found by the renderer when it decodes."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            fmt = image.format or ""
            width, height = image.size
            try:
                # (Pillow's PNG getexif() decodes the whole image: its eXIf chunk is read here instead.)
                orientation = 1 if fmt == "PNG" else image.getexif().get(0x0112, 1)
                if fmt in ("JPEG", "MPO"):
                    problem = _jpeg_end_problem(path)
                elif fmt == "PNG":
                    problem, orientation = _png_end_problem(path)
                elif fmt == "WEBP":
                    problem = _riff_end_problem(path)
                else:  # GIF, BMP, TIFF, HEIF: decoded to the end (rare, no cheap structural check)
                    image.load()
                    problem = None
            except (OSError, ValueError, SyntaxError, EOFError) as exc:
                problem = str(exc)
            if problem:
                raise UserError(
                    f"{path.name} is a damaged or incomplete photo; it cannot be read to its end ({problem})."
                ) from None
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise UserError(f"{path.name} is not a readable photo ({exc}).") from None
    if orientation in (5, 6, 7, 8):  # shown rotated by 90 degrees
        width, height = height, width
    return MediaInfo("image", IMAGE_MIME.get(fmt, f"image/{fmt.lower() or 'unknown'}"), width, height)


_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM, RST0..7: markers without a length


def _jpeg_end_problem(path: Path) -> str | None:
    """Why the JPEG at PATH is cut short, or None. Walks the marker segments to the first scan
    (so an EXIF thumbnail's own end marker is not mistaken for the photo's), then looks for the
    end-of-image marker after it: inside compressed data 0xFF is always followed by 0x00 or a
    restart marker, so a file cut anywhere in or before its scans has no 0xFFD9 there."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        pos = 2
        while True:
            f.seek(pos)
            head = f.read(4)
            if len(head) < 2:
                return "it ends before its first scan"
            if head[0] != 0xFF:
                return "its structure is damaged"
            marker = head[1]
            if marker == 0xFF:  # fill byte
                pos += 1
                continue
            if marker in _JPEG_STANDALONE:
                pos += 2
                continue
            if marker == 0xD9:
                return "it ends before its first scan"
            if len(head) < 4:
                return "it ends inside a marker"
            length = int.from_bytes(head[2:4], "big")
            if length < 2 or pos + 2 + length > size:
                return "it ends inside a marker"
            pos += 2 + length
            if marker == 0xDA:  # start of scan: compressed data from here
                break
        f.seek(max(pos, size - 2))
        if f.read(2) == b"\xff\xd9":  # the common case: the marker is the file's last two bytes
            return None
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            if data.find(b"\xff\xd9", pos) < 0:
                return "no end-of-image marker"
    return None


def _png_end_problem(path: Path) -> tuple[str | None, int]:
    """Why the PNG at PATH is cut short (or None: every chunk fits in the file, up to IEND), and
    its EXIF orientation (from an eXIf chunk, 1 without one)."""
    from PIL import Image

    orientation = 1
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        pos = 8
        while True:
            f.seek(pos)
            head = f.read(8)
            if len(head) < 8:
                return "no IEND chunk", orientation
            length = int.from_bytes(head[:4], "big")
            end = pos + 12 + length  # length, type, data, CRC
            if end > size:
                return "a chunk goes past the end of the file", orientation
            if head[4:8] == b"IEND":
                return None, orientation
            if head[4:8] == b"eXIf" and length < 1 << 20:
                exif = Image.Exif()
                exif.load(f.read(length))
                orientation = exif.get(0x0112, 1)
            pos = end


def _riff_end_problem(path: Path) -> str | None:
    """Why the WebP at PATH is cut short, or None: the RIFF header gives the file's whole length."""
    with open(path, "rb") as f:
        head = f.read(8)
        size = os.fstat(f.fileno()).st_size
    if len(head) < 8 or size < 8 + int.from_bytes(head[4:8], "little"):
        return "it is shorter than its header says"
    return None


def _probe_video(path: Path) -> MediaInfo:
    import av

    try:
        with av.open(str(path)) as container:
            streams = container.streams.video
            if not streams:
                raise UserError(f"{path.name} has no video stream; it cannot be used as a video.")
            stream = streams[0]
            width, height = stream.codec_context.width, stream.codec_context.height
            duration = video_duration(container, stream)
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


def video_duration(container: Any, stream: Any) -> float | None:
    """A video's seconds, from its stream (else the container), or None when neither says."""
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return float(container.duration / 1_000_000)
    return None


def _rotation(container: Any, stream: Any, first: Any = None) -> int:  # PyAV's container, stream, frame
    """Display rotation in degrees (FFmpeg's sign: counter-clockwise), read from the first frame's
    display matrix (FIRST: that frame, when the caller decoded it already); phone videos store
    portrait as rotated landscape."""
    tag = (stream.metadata or {}).get("rotate")
    if tag:
        try:
            return int(tag) % 360
        except ValueError:
            pass
    if first is not None:
        return int(round(getattr(first, "rotation", 0) or 0)) % 360
    try:
        for frame in container.decode(stream):
            return int(round(getattr(frame, "rotation", 0) or 0)) % 360
    except av_errors() as exc:  # a stream that does not decode is caught by the caller's check
        raise UserError(f"The video stream cannot be decoded ({exc}).") from None
    return 0


def av_errors() -> type[Exception]:
    import av

    return av.error.FFmpegError
