"""A video's cover image: the frame at a chosen time, or the sharpest of a few candidates.

The candidates are the frames at ``CANDIDATES`` of the duration. Two ways to find them without
decoding the video a second time:

- a video that is re-encoded anyway hands every frame it decodes to a ``CoverPicker``, which keeps
  the sharpest candidate as the frames go by (the same frames ``frames_at`` gives, for free);
- a video kept as it is (nothing else decodes it) takes its candidates from key frames: the key
  frame that begins each candidate's group of pictures, each decoded on its own (``keyframe_cover``),
  instead of decoding everything up to 90% of the clip. When those are all blank (a clip opening on
  black with one key frame), the exact candidates are decoded after all, so a cover is never black
  while the clip has a picture at a candidate time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageFilter, ImageOps, ImageStat

from crosspost.errors import UserError
from crosspost.media.facts import open_input, open_video
from crosspost.media.probe import video_duration

CANDIDATES = (0.1, 0.3, 0.5, 0.7, 0.9)  # fractions of the duration tried for "sharpest"
# A frame whose grey levels spread less than this (standard deviation, 0-255) is blank: black, a
# fade, a solid colour. Such a key frame is never the cover while the clip has a picture.
BLANK_STDDEV = 6.0


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


# Pixel formats whose first plane is the picture's 8-bit luma.
_LUMA_FIRST = {"yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p", "nv12", "nv21", "gray"}


def frame_sharpness(frame: av.VideoFrame) -> float:
    """``sharpness`` measured on a decoded frame without making a picture of it: the edge variance
    of its luma plane, sampled down to about 320 px on the long side (a whole RGB picture made and
    shrunk per candidate cost ~20 ms for a 1080p frame; this costs under 1 ms). The same measure
    at the same scale, so blur and fades score low as before; other pixel formats take the picture
    way."""
    if frame.format.name not in _LUMA_FIRST:
        return sharpness(_upright(frame))
    plane = frame.planes[0]
    luma = np.frombuffer(memoryview(plane), np.uint8).reshape(plane.height, plane.line_size)[:, : plane.width]
    step = max(1, -(-max(plane.width, plane.height) // 320))
    small = Image.fromarray(np.ascontiguousarray(luma[::step, ::step]), "L")
    return ImageStat.Stat(small.filter(ImageFilter.FIND_EDGES)).var[0]


def is_blank(image: Image.Image) -> bool:
    """Whether IMAGE shows next to nothing (black, a fade, one colour): no cover."""
    # At full size (from the histogram): a fine pattern shrunk to a thumbnail would average out to grey.
    return ImageStat.Stat(image.convert("L")).stddev[0] < BLANK_STDDEV


def candidate_times(duration: float | None) -> list[float]:
    """The times tried for the sharpest cover of a video DURATION seconds long."""
    return [duration * f for f in CANDIDATES] if duration else [0.0]


class CoverPicker:
    """The cover chosen from frames handed over in presentation order by something decoding them
    anyway (a transcode): for each candidate time (AT alone when given) the first frame at or after
    it, or the last frame for a time past the end (the frames ``frames_at`` gives), the sharpest of
    them (``frame_sharpness``) kept as they come. The decoder calls ``begin`` with the duration, ``offer`` per frame and
    ``end`` at the end of the stream; ``image`` is the cover once every time is passed, else None."""

    def __init__(self, at: float | None = None) -> None:
        self.at = at
        self._times: list[float] | None = None
        self._next = 0
        self._last: av.VideoFrame | None = None
        self._last_taken = False
        self._best: av.VideoFrame | None = None
        self._image: Image.Image | None = None
        self._score = float("-inf")
        self.taken = 0  # candidate frames scored (at most one per candidate time)
        self.decoded = 0  # frames decoded for the cover alone (``use_key_frames``)

    def begin(self, duration: float | None) -> None:
        self._times = [self.at] if self.at is not None else candidate_times(duration)

    @property
    def complete(self) -> bool:
        return self._times is not None and self._next >= len(self._times)

    @property
    def image(self) -> Image.Image | None:
        """The chosen frame as an upright picture (made once, for the winner only)."""
        if not self.complete:
            return None
        if self._image is None and self._best is not None:
            self._image = _upright(self._best)
        return self._image

    def use_key_frames(self, path: str | Path, first: av.VideoFrame | None = None) -> None:
        """For a video nothing decodes (kept as it is): the cover from its key frames
        (``keyframe_cover``; FIRST: its first frame, decoded already). Not for a cover time (AT):
        the picker stays without a picture and the caller decodes to that time."""
        if self.at is not None:
            return
        choice = keyframe_cover(path, first)
        self._image, self.decoded = choice.image, choice.decoded
        self._times, self._next = [], 0

    def offer(self, frame: av.VideoFrame) -> None:
        """One decoded frame, in presentation order."""
        times = self._times
        if times is None or self._next >= len(times) or frame.time is None:
            return
        t = float(frame.time)
        self._last, self._last_taken = frame, False
        if t < times[self._next] - 1e-3:
            return
        while self._next < len(times) and t >= times[self._next] - 1e-3:
            self._next += 1
        self._take(frame)

    def end(self) -> None:
        """The stream ended: the times not reached take its last frame."""
        if self._times is not None and not self.complete and self._last is not None:
            if not self._last_taken:
                self._take(self._last)
            self._next = len(self._times)
        self._last = None

    def _take(self, frame: av.VideoFrame) -> None:
        self._last_taken = True
        self.taken += 1
        score = frame_sharpness(frame) if self.at is None else 0.0
        if score > self._score:  # the earlier frame wins a tie, as max() did
            self._best, self._score = frame, score


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


@dataclass(frozen=True)
class CoverChoice:
    image: Image.Image
    time: float  # seconds: where in the video the frame is
    decoded: int  # frames decoded to choose it


def extract_cover(path: str | Path, at: float | None = None) -> Image.Image:
    """The cover frame: at AT seconds when given, else the sharpest key frame near the candidate
    times (``keyframe_cover``)."""
    if at is not None:
        return frame_at(path, at)
    return keyframe_cover(path).image


def keyframe_cover(path: str | Path, first: av.VideoFrame | None = None) -> CoverChoice:
    """The sharpest of the key frames that begin the groups of pictures holding the candidate times,
    each decoded alone (a seek and one frame each; a clip with a single key frame decodes one frame,
    none when FIRST, its first frame decoded by the caller already, is that key frame). When every
    one of them is blank, the exact candidate frames (``frames_at``) instead."""
    path = Path(path)
    with open_video(path, "it has no frames for a cover") as (container, stream):
        tb = stream.time_base
        if tb is None:
            raise UserError(f"{path.name} has no timing; it has no frames for a cover.")
        times = candidate_times(video_duration(container, stream))
        ctx = stream.codec_context
        seen: set[int] = set()
        best: tuple[float, float, Image.Image] | None = None  # (score, time, image)
        decoded = 0
        try:
            for t in times:
                container.seek(max(0, int(t / tb)), stream=stream, backward=True)
                packet = next((p for p in container.demux(stream) if p.size and p.is_keyframe), None)
                if packet is None or packet.pts is None or packet.pts in seen:
                    continue
                seen.add(packet.pts)
                if first is not None and first.pts == packet.pts:
                    frames = [first]
                else:
                    frames = [*ctx.decode(packet), *ctx.decode(None)]  # the key frame, and only it
                    decoded += len(frames)
                if not frames:
                    continue
                image = _upright(frames[0])
                score = -1.0 if is_blank(image) else sharpness(image)
                if best is None or score > best[0]:
                    best = (score, float(packet.pts * tb), image)
        except av.error.FFmpegError as exc:
            raise UserError(f"{path.name} is not a readable video ({exc}).") from None
    if best is not None and best[0] >= 0:
        return CoverChoice(best[2], best[1], decoded)
    # Blank key frames only (or none found): the exact candidates, decoded to each of them.
    exact, count = _frames_at(path, times)
    index = max(range(len(exact)), key=lambda i: sharpness(exact[i]))
    return CoverChoice(exact[index], times[index], decoded + count)


def frames_at(path: str | Path, times: list[float]) -> list[Image.Image]:
    """The frames at TIMES (ascending) in one pass through the file: a seek only when the key frame
    before the next time lies ahead of where decoding already is, so a short clip with a single
    key frame is decoded once instead of once per time (the same frames ``frame_at`` gives)."""
    return _frames_at(path, times)[0]


def _frames_at(path: str | Path, times: list[float]) -> tuple[list[Image.Image], int]:
    """``frames_at``, and how many frames it decoded."""
    path = Path(path)
    out: list[Image.Image] = []
    decoded = 0
    try:
        with open_input(path) as container:
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
                    decoded += 1
                    if frame.time is None:
                        continue
                    best = frame
                    position = frame.time
                if best is None:
                    raise UserError(f"{path.name} has no frame at {t:g} s.")
                out.append(_upright(best))
    except av.error.FFmpegError as exc:
        raise UserError(f"{path.name} is not a readable video ({exc}).") from None
    return out, decoded
