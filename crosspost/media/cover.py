"""A video's cover image: the frame at a chosen time, or the sharpest of a few candidates."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import av
from PIL import Image, ImageFilter, ImageOps, ImageStat

from crosspost.errors import UserError
from crosspost.media.facts import open_video

CANDIDATES = (0.1, 0.3, 0.5, 0.7, 0.9)  # fractions of the duration tried for "sharpest"


def _upright(frame: av.VideoFrame) -> Image.Image:
    to_image: Callable[[], Image.Image] = frame.to_image  # PyAV leaves it unannotated
    image = to_image()
    rotation = int(round(getattr(frame, "rotation", 0) or 0)) % 360
    if rotation:
        image = image.rotate(rotation, expand=True)  # PIL rotates counter-clockwise, like FFmpeg's sign
    return image


def sharpness(image: Image.Image) -> float:
    """Edge variance of a small grey copy: higher is sharper (motion blur and fades score low)."""
    small = ImageOps.contain(image.convert("L"), (320, 320))
    return ImageStat.Stat(small.filter(ImageFilter.FIND_EDGES)).var[0]


def frame_at(path: str | Path, seconds: float) -> Image.Image:
    path = Path(path)
    with open_video(path, "it has no frames for a cover") as (container, stream):
        if seconds > 0:
            assert stream.time_base is not None  # FFmpeg gives every demuxed stream one
            container.seek(int(seconds / stream.time_base), stream=stream, backward=True)
        best = None
        for frame in container.decode(stream):
            if frame.time is None:
                continue
            best = frame
            if frame.time >= seconds - 1e-3:
                break
        if best is None:
            raise UserError(f"{path.name} has no frame at {seconds:g} s.")
        return _upright(best)


def extract_cover(path: str | Path, at: float | None = None) -> Image.Image:
    """The cover frame: at AT seconds when given, else the sharpest of a few candidate frames."""
    if at is not None:
        return frame_at(path, at)
    from crosspost.media.probe import probe_file

    path = Path(path)
    info = probe_file(path)
    if info.kind != "video":
        raise UserError(f"{path.name} is not a video; it has no frames for a cover.")
    duration = info.duration
    if not duration:
        return frame_at(path, 0)
    candidates = frames_at(path, [duration * f for f in CANDIDATES])
    return max(candidates, key=sharpness)


def frames_at(path: str | Path, times: list[float]) -> list[Image.Image]:
    """The frames at TIMES (ascending) in one pass through the file: a seek only when the key frame
    before the next time lies ahead of where decoding already is, so a short clip with a single
    key frame is decoded once instead of once per time (the same frames ``frame_at`` gives)."""
    path = Path(path)
    out: list[Image.Image] = []
    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            tb = stream.time_base
            keys = sorted(float(e.timestamp * tb) for e in stream.index_entries if e.is_keyframe) if tb else []
            decoder = None
            position = float("-inf")
            best = None
            for t in times:
                key = max((k for k in keys if k <= t + 1e-3), default=None)
                if decoder is None or (key is not None and key > position + 1e-3) or t < position - 1e-3:
                    if t > 0:
                        assert tb is not None  # FFmpeg gives every demuxed stream one
                        container.seek(int(t / tb), stream=stream, backward=True)
                    else:
                        container.seek(0, stream=stream, backward=True)
                    decoder = container.decode(stream)
                    best = None
                while best is None or best.time < t - 1e-3:
                    try:
                        frame = next(decoder)
                    except StopIteration:
                        break
                    if frame.time is None:
                        continue
                    best = frame
                    position = frame.time
                if best is None:
                    raise UserError(f"{path.name} has no frame at {t:g} s.")
                out.append(_upright(best))
    except av.error.FFmpegError as exc:
        raise UserError(f"{path.name} is not a readable video ({exc}).") from None
    return out
