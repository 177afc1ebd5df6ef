"""Keep what already fits: when a video or a JPEG already meets everything a platform asks for, the
render keeps its picture data as it is (a remux for videos, a metadata strip for JPEGs) instead of
decoding and encoding it again, which is ~100× faster and loses nothing.

``video_copy_blockers`` / ``photo_copy_blockers`` say why a file cannot be kept (an empty list: it
can). ``render_video_for`` / ``render_photo_for`` take the copy path exactly when there is no
blocker, else encode as before; either way the output is checked against the platform profile
(``crosspost.media.output_check``) and a file the platform would reject is never left behind.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosspost.errors import UserError
from crosspost.media.facts import VideoFacts, open_input, read_video, video_facts
from crosspost.media.images import RenderedImage, atomic_write, render_image
from crosspost.media.output_check import PLAIN_PIX_FMTS
from crosspost.media.targets import Target
from crosspost.platforms import PlatformProfile
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress

if TYPE_CHECKING:  # (PyAV is imported when a video is rendered, not by photo workers)
    from crosspost.media.cover import CoverPicker
    from crosspost.media.video import RenderedVideo

# How far the source's width/height ratio may be from the target's and still need no crop or pad:
# 1% (720×1280, 1080×1920 and 1080×1916 are all 9:16; 1080×1350 is not 3:4).
ASPECT_TOLERANCE = 0.01
# Pixel formats every H.264 player decodes (8-bit 4:2:0).


def same_aspect(width: int, height: int, target: Target) -> bool:
    want = target.width / target.height
    return abs(width / height - want) <= ASPECT_TOLERANCE * want


def _size_blocker(width: int, height: int, target: Target, min_short_side: float | None, what: str) -> str | None:
    if width > target.width or height > target.height:
        return f"the {what} is {width}×{height}, larger than {target.width}×{target.height}"
    if width < target.width or height < target.height:
        short = min(width, height)
        if not min_short_side:
            return f"the {what} is {width}×{height}, smaller than {target.width}×{target.height}"
        if short < min_short_side:
            return f"the {what} is {width}×{height}, below the platform's minimum of {min_short_side:.0f} px"
    return None


def video_copy_blockers(
    facts: VideoFacts,
    profile: PlatformProfile,
    target: Target,
    *,
    start: float | None = None,
    end: float | None = None,
    reencode: bool = False,
) -> list[str]:
    """Why the video described by FACTS cannot be kept as it is for PROFILE (empty: it can)."""
    spec = profile.video
    if spec is None:
        return ["the platform takes no videos"]
    reasons = []
    if reencode:
        reasons.append("a re-encode was asked for")
    if (start or 0) > 0 or end is not None:
        reasons.append("a trim was asked for")
    if facts.container not in spec.containers:
        reasons.append(f"the {facts.container} container is not one the platform takes")
    if facts.video_codec not in spec.codecs:
        reasons.append(f"the video codec {facts.video_codec} is not one the platform takes")
    elif facts.pix_fmt not in PLAIN_PIX_FMTS:
        reasons.append(f"the pixel format {facts.pix_fmt} is not plain 8-bit 4:2:0")
    if facts.audio_codec is not None and facts.audio_codec not in spec.codecs:
        reasons.append(f"the audio codec {facts.audio_codec} is not one the platform takes")
    if facts.rotation:
        reasons.append(f"the picture is stored rotated by {facts.rotation}°")
    if not facts.square_pixels or not same_aspect(facts.width, facts.height, target):
        reasons.append(f"the shape {facts.width}×{facts.height} is not {target.width}:{target.height}")
    else:
        blocker = _size_blocker(facts.width, facts.height, target, profile.limit_value("video_min_short_side"), "video")
        if blocker:
            reasons.append(blocker)
    if facts.fps <= 0 or facts.fps > target.max_fps + 0.01:
        reasons.append(f"the frame rate {facts.fps:.3g} fps is above {target.max_fps}")
    if target.max_seconds and facts.duration and facts.duration > target.max_seconds:
        reasons.append(f"it is {facts.duration:.0f} s long, more than {target.max_seconds:.0f} s")
    max_rate = profile.limit_value("video_bitrate")
    if max_rate and facts.bit_rate and facts.bit_rate > max_rate:
        reasons.append(f"its bit rate {facts.bit_rate / 1e6:.1f} Mb/s is above {max_rate / 1e6:.0f} Mb/s")
    if target.max_bytes and facts.size > target.max_bytes:
        reasons.append(f"it is {facts.size / 1e6:.0f} MB, more than {target.max_bytes / 1e6:.0f} MB")
    return reasons


def remux_video(
    source: str | Path,
    output: str | Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> None:
    """Copy SOURCE's first video stream and its first audio stream (packets unchanged) into an MP4
    at OUTPUT with ``+faststart``. No container or stream metadata is carried over (location,
    creation time, device names); the output appears only when complete."""
    import av

    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    source, output = Path(source), Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{output.stem}.", suffix=".mp4", dir=output.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with open_input(source) as inp:  # packets are copied: the probe need not decode
            vin = inp.streams.video[0]
            ain = inp.streams.audio[0] if inp.streams.audio else None
            duration = float(inp.duration / 1_000_000) if inp.duration else None
            with av.open(str(tmp), "w", format="mp4", options={"movflags": "+faststart"}) as out:
                mapping: dict[int, av.stream.Stream] = {vin.index: out.add_stream_from_template(vin)}
                if ain is not None:
                    mapping[ain.index] = out.add_stream_from_template(ain)
                for stream in mapping.values():
                    for key in list(stream.metadata):
                        if key != "language":
                            del stream.metadata[key]
                count = 0
                for packet in inp.demux(*[s for s in (vin, ain) if s is not None]):
                    if packet.dts is None and packet.size == 0:
                        continue  # the demuxer's end-of-stream marker
                    packet.stream = mapping[packet.stream.index]
                    out.mux(packet)
                    count += 1
                    if count % 256 == 0:
                        cancel.check()
                        if duration and packet.pts is not None and packet.time_base:
                            progress(
                                Progress(
                                    min(float(packet.pts * packet.time_base), duration),
                                    duration,
                                    f"copying {source.name}",
                                )
                            )
        os.replace(tmp, output)
    except av.error.FFmpegError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"{source.name} could not be copied ({exc}).") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def render_video_for(
    source: str | Path,
    output: str | Path,
    target: Target,
    profile: PlatformProfile,
    *,
    start: float | None = None,
    end: float | None = None,
    reencode: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    focus: tuple[float, float] | None = None,
    encode_gate: contextlib.AbstractContextManager[Any] | None = None,
    cover: CoverPicker | None = None,
) -> RenderedVideo:
    """SOURCE for PROFILE at OUTPUT: kept (remuxed) when it already fits, else encoded for TARGET.

    ENCODE_GATE: a lock (or semaphore) held while encoding, so a batch runs one x264 encode at a
    time (x264 already uses every core) while copies go on beside it. COVER: fed the frames an
    encode decodes; for a kept video, chosen from its key frames (the first one is the frame the
    facts decoded already)."""
    from crosspost.media.output_check import check_video_output
    from crosspost.media.video import RenderedVideo, render_video

    output = Path(output)
    facts, first = read_video(source)
    reasons = video_copy_blockers(facts, profile, target, start=start, end=end, reencode=reencode)
    if not reasons:
        remux_video(source, output, progress=progress, cancel=cancel)
        kept = video_facts(output)
        problems = check_video_output(output, profile, kept)
        if not problems:
            if cover is not None:
                cover.use_key_frames(source, first)
            return RenderedVideo(
                output,
                kept.width,
                kept.height,
                kept.duration or 0.0,
                kept.fps,
                kept.audio_codec is not None,
                output.stat().st_size,
                "copy",
                (),
            )
        output.unlink(missing_ok=True)
        reasons = [f"the copy was not accepted ({problems[0]})"]
    with encode_gate if encode_gate is not None else contextlib.nullcontext():
        result = render_video(
            source, output, target, start=start, end=end, progress=progress, cancel=cancel, focus=focus, cover=cover
        )
    problems = check_video_output(output, profile)
    if problems:
        output.unlink(missing_ok=True)
        raise UserError(f"The video rendered from {Path(source).name} would be refused: {problems[0]}.")
    return dataclasses.replace(result, reasons=tuple(reasons))


def photo_copy_blockers(
    source: str | Path,
    data: bytes,
    stripped: bytes | None,
    profile: PlatformProfile,
    target: Target,
    reencode: bool = False,
) -> list[str]:
    """Why the photo at SOURCE (its bytes DATA, and STRIPPED: the same JPEG without metadata, or
    None when it is not a JPEG) cannot be kept as it is for PROFILE (empty: it can)."""
    from PIL import Image, UnidentifiedImageError

    reasons = []
    if reencode:
        reasons.append("a re-encode was asked for")
    if stripped is None:
        return reasons + ["it is not a JPEG"]
    try:
        with Image.open(io.BytesIO(data)) as image:
            mode, (width, height) = image.mode, image.size
            orientation = int(image.getexif().get(0x0112, 1) or 1)
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise UserError(f"{Path(source).name} is not a photo Crosspost can read ({exc}).") from None
    if mode not in ("RGB", "L"):
        reasons.append(f"its colours are stored as {mode}")
    if orientation != 1:
        reasons.append("it is stored rotated (EXIF orientation)")
    if not same_aspect(width, height, target):
        reasons.append(f"the shape {width}×{height} is not {target.width}:{target.height}")
    else:
        blocker = _size_blocker(width, height, target, profile.limit_value("image_min_short_side"), "photo")
        if blocker:
            reasons.append(blocker)
    if target.max_bytes and len(stripped) > target.max_bytes:
        reasons.append(f"it is {len(stripped) / 1e6:.1f} MB, more than {target.max_bytes / 1e6:.1f} MB")
    return reasons


def render_photo_for(
    source: str | Path,
    output: str | Path,
    target: Target,
    profile: PlatformProfile,
    *,
    reencode: bool = False,
    focus: tuple[float, float] | None = None,
) -> RenderedImage:
    """SOURCE for PROFILE at OUTPUT: a JPEG that already fits is kept (metadata removed, picture
    bytes unchanged), anything else is encoded for TARGET as before."""
    from crosspost.media.jpeg_strip import strip_jpeg
    from crosspost.media.output_check import check_photo_output

    source, output = Path(source), Path(output)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise UserError(f"{source} cannot be read ({exc.strerror or exc}).") from None
    stripped = None
    reasons = None
    if data.startswith(b"\xff\xd8\xff"):
        # A JPEG its header already rules out (shape, rotation, colours), and too small for the
        # size rule, is not stripped only to be thrown away: the reasons are the same without it.
        if target.max_bytes is None or len(data) <= target.max_bytes:
            reasons = photo_copy_blockers(source, data, data, profile, target, reencode) or None
        if reasons is None:
            try:
                stripped = strip_jpeg(data)
            except UserError:
                stripped = None  # a damaged structure: let the decoder try (and explain) on the encode path
    if reasons is None:
        reasons = photo_copy_blockers(source, data, stripped, profile, target, reencode)
    if not reasons:
        assert stripped is not None  # else a reason says it is not a JPEG
        atomic_write(output, stripped)
        problems = check_photo_output(output, profile)
        if not problems:
            from PIL import Image

            with Image.open(output) as kept:
                width, height = kept.size
            return RenderedImage(output, width, height, len(stripped), 0, "copy", ())
        output.unlink(missing_ok=True)
        reasons = [f"the copy was not accepted ({problems[0]})"]
    result = render_image(source, output, target, focus=focus, data=data)
    problems = check_photo_output(output, profile)
    if problems:
        output.unlink(missing_ok=True)
        raise UserError(f"The photo rendered from {source.name} would be refused: {problems[0]}.")
    return dataclasses.replace(result, reasons=tuple(reasons))
