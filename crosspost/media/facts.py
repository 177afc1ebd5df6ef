"""What a video file is made of, in the terms a platform's rules use: container, codecs, pixel
format, displayed size, frame rate, duration, bit rate, rotation, metadata tags. Read once with PyAV
(one frame is decoded, for the pixel format and the display rotation); used to decide whether a
file can be kept as it is, and to check a rendered one."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from crosspost.errors import UserError


def file_sha256(path: Path) -> str:
    """The file's content hash (the media store's content address)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class VideoFacts:
    container: str  # "mp4", "mov", "mkv", "webm", or FFmpeg's format name
    video_codec: str  # FFmpeg's codec name: "h264", "hevc", "vp9", …
    pix_fmt: str | None
    width: int  # as displayed (rotation applied)
    height: int
    square_pixels: bool
    fps: float
    duration: float | None  # seconds
    bit_rate: int | None  # the whole file's bits per second
    rotation: int  # degrees, FFmpeg's sign; 0 when upright
    audio_codec: str | None  # None: no audio stream
    audio_streams: int
    size: int  # bytes
    tags: frozenset[str] = frozenset()  # the container's and the streams' metadata keys, lower case


def container_name(format_name: str, major_brand: str | None, suffix: str) -> str:
    if "matroska" in format_name or "webm" in format_name:
        return "webm" if suffix.lower() == ".webm" else "mkv"
    if format_name.startswith("mov,mp4"):
        if (major_brand or "").strip() == "qt" or (not major_brand and suffix.lower() == ".mov"):
            return "mov"
        return "mp4"
    return format_name


# Opening a file, FFmpeg's stream probe (avformat_find_stream_info) decodes its first frames to
# learn the pixel format and the reorder delay: ~45 ms for one 1080p key frame, every time a file
# is opened, and a render opened each video several times. Readers that decode the frames they
# need themselves, or only copy packets, open with these codec options for the probe (per stream,
# for the first streams of a file): it then reads headers and packets, and decodes nothing.
NO_PROBE_DECODE = [{"skip_frame": "all"}] * 16


def open_input(path: str | Path) -> Any:  # PyAV's InputContainer
    """PATH opened with PyAV for reading, without the stream probe's decoding: every stream fact
    is read except a video's pixel format (``codec_context.pix_fmt`` stays None; a decoded frame
    has it)."""
    import av

    per_stream: Any = NO_PROBE_DECODE  # one dict of codec options per stream (PyAV's stub says list[str])
    return av.open(str(path), stream_options=per_stream)


@contextlib.contextmanager
def open_video(path: Path, no_stream: str) -> Iterator[tuple[Any, Any]]:
    """PATH opened with PyAV (``open_input``): (container, first video stream). ``UserError`` when
    it is not a readable video, or "NAME has no video stream; NO_STREAM." when it holds none."""
    import av

    try:
        with open_input(path) as container:
            if not container.streams.video:
                raise UserError(f"{path.name} has no video stream; {no_stream}.")
            yield container, container.streams.video[0]
    except av.error.FFmpegError as exc:
        raise UserError(f"{path.name} is not a readable video ({exc}).") from None


def video_facts(path: str | Path) -> VideoFacts:
    """The facts about the video at PATH, or ``UserError`` when it is not a readable video."""
    return read_video(path)[0]


def read_video(path: str | Path) -> tuple[VideoFacts, Any]:
    """``video_facts``, and the first frame decoded for them (a PyAV frame, None when the stream has
    none), for a caller that wants that picture too (a kept video's cover)."""
    from crosspost.media.probe import _rotation, video_duration

    path = Path(path)
    # The probe decodes nothing; the first frame, decoded once, gives the pixel format and the rotation.
    with open_video(path, "it cannot be used as a video") as (container, stream):
        ctx = stream.codec_context
        width, height = ctx.width, ctx.height
        sar = stream.sample_aspect_ratio
        rate = stream.average_rate or stream.guessed_rate or stream.base_rate or Fraction(0)
        duration = video_duration(container, stream)
        audio = container.streams.audio
        tags = {k.lower() for k in container.metadata}
        for s in container.streams:
            tags |= {k.lower() for k in s.metadata}
        facts: dict[str, Any] = dict(
            container=container_name(container.format.name, container.metadata.get("major_brand"), path.suffix),
            video_codec=ctx.name,
            square_pixels=sar is None or sar == 0 or sar == 1,
            fps=float(rate),
            duration=duration,
            audio_codec=audio[0].codec_context.name if audio else None,
            audio_streams=len(audio),
            tags=frozenset(tags),
        )
        first = _first_frame(container, stream)
        facts["pix_fmt"] = first.format.name if first is not None else ctx.pix_fmt
        rotation = _rotation(container, stream, first)
    if rotation in (90, 270):
        width, height = height, width
    size = path.stat().st_size
    bit_rate = int(size * 8 / duration) if duration else None
    return VideoFacts(width=width, height=height, rotation=rotation, bit_rate=bit_rate, size=size, **facts), first


def _first_frame(container: Any, stream: Any) -> Any:  # PyAV's container, stream and frame
    """The stream's first decodable frame (None when it has none), or ``UserError`` when the
    stream does not decode. Each packet is decoded alone and drained, so a stream with B-frames
    gives its first frame without decoding the frames the reorder delay would hold back."""
    import av

    ctx = stream.codec_context
    try:
        for packet in container.demux(stream):
            if not packet.size:
                continue
            frames = ctx.decode(packet) or ctx.decode(None)
            if frames:
                return frames[0]
            ctx.flush_buffers()  # drained without a picture (not a key frame): try the next packet
    except av.error.FFmpegError as exc:  # a stream that does not decode is caught by the caller's check
        raise UserError(f"The video stream cannot be decoded ({exc}).") from None
    return None
