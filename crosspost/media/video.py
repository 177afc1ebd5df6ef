"""Videos for a platform (PyAV, FFmpeg filter graphs inside the process; no ffmpeg executable).

Output: H.264 (libx264) + AAC in MP4 with ``+faststart`` (playable while uploading), yuv420p, at
the target's size and fit mode, frame rate capped by the profile. Defaults — written here and in the
README — are the usual quality/size balance for phone-sized social video:
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

import av

from crosspost.errors import UserError
from crosspost.media.facts import open_input
from crosspost.media.targets import Target
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.values import Fit

if TYPE_CHECKING:
    from crosspost.media.cover import CoverPicker

X264_PRESET = "medium"
X264_CRF = 21
AAC_BITRATE = 128_000
AUDIO_RATE = 48_000
VIDEO_PAD_COLOR = "black"


@dataclass(frozen=True)
class RenderedVideo:
    path: Path
    width: int
    height: int
    duration: float
    fps: float
    has_audio: bool
    size: int
    method: str = "encode"  # "encode" (x264) or "copy" (the source's packets kept as they are)
    reasons: tuple[str, ...] = ()  # why it was encoded rather than kept


def _source_fps(stream: Any) -> Fraction:  # PyAV's video stream
    rate = stream.average_rate or stream.guessed_rate or stream.base_rate or Fraction(30)
    return Fraction(rate)


def _output_fps(stream: Any, max_fps: int) -> Fraction:
    rate = _source_fps(stream)
    if rate <= 0 or rate > 240:
        rate = Fraction(30)
    if rate > max_fps:
        rate = Fraction(max_fps)
    return rate.limit_denominator(1001)


def _transpose_filters(rotation: int) -> list[tuple[str, str]]:
    """Filters that turn a frame with display rotation ROTATION (counter-clockwise, FFmpeg's sign)
    upright, the way a phone shows it."""
    rotation %= 360
    if rotation == 90:
        return [("transpose", "cclock")]
    if rotation == 270:
        return [("transpose", "clock")]
    if rotation == 180:
        return [("hflip", ""), ("vflip", "")]
    return []


def _build_graph(
    frame: av.VideoFrame, stream: Any, target: Target, fps: Fraction, focus: tuple[float, float] | None = None
) -> av.filter.Graph:
    graph = av.filter.Graph()
    # PyAV's stub wants a VideoFormat; it takes the format's name as well (and did so always here)
    source = graph.add_buffer(
        width=frame.width,
        height=frame.height,
        format=frame.format.name,  # type: ignore[arg-type]
        time_base=stream.time_base or Fraction(1, 90000),
    )
    chain = [source]

    def add(name: str, args: str = "") -> av.filter.FilterContext:
        node = graph.add(name, args) if args else graph.add(name)
        chain[-1].link_to(node)
        chain.append(node)
        return node

    for name, args in _transpose_filters(int(round(getattr(frame, "rotation", 0) or 0))):
        add(name, args)
    tw, th = target.width, target.height
    if target.fit is Fit.CROP:
        add("scale", f"w={tw}:h={th}:force_original_aspect_ratio=increase:flags=bicubic")
        fx, fy = focus if focus is not None else (0.5, 0.5)
        add("crop", f"w={tw}:h={th}:x=(iw-ow)*{fx:.4f}:y=(ih-oh)*{fy:.4f}")
    elif target.fit is Fit.PAD:
        add("scale", f"w={tw}:h={th}:force_original_aspect_ratio=decrease:flags=bicubic")
        add("pad", f"w={tw}:h={th}:x=(ow-iw)/2:y=(oh-ih)/2:color={VIDEO_PAD_COLOR}")
    else:  # blur: the whole picture over a blurred, enlarged copy of itself
        split = graph.add("split", "2")
        chain[-1].link_to(split)
        bw, bh = max(2, tw // 8 // 2 * 2), max(2, th // 8 // 2 * 2)
        bg_scale = graph.add("scale", f"w={bw}:h={bh}:force_original_aspect_ratio=increase")
        bg_crop = graph.add("crop", f"w={bw}:h={bh}")
        bg_blur = graph.add("avgblur", "sizeX=6")
        bg_up = graph.add("scale", f"w={tw}:h={th}:flags=bilinear")
        bg_dim = graph.add("lutyuv", "y=val*0.85")
        fg = graph.add("scale", f"w={tw}:h={th}:force_original_aspect_ratio=decrease:flags=bicubic")
        overlay = graph.add("overlay", "x=(W-w)/2:y=(H-h)/2")
        split.link_to(bg_scale, 0, 0)
        split.link_to(fg, 1, 0)
        bg_scale.link_to(bg_crop)
        bg_crop.link_to(bg_blur)
        bg_blur.link_to(bg_up)
        bg_up.link_to(bg_dim)
        bg_dim.link_to(overlay, 0, 0)
        fg.link_to(overlay, 0, 1)
        chain.append(overlay)
    add("setsar", "1")
    add("fps", f"fps={fps.numerator}/{fps.denominator}")
    add("format", "yuv420p")
    sink = graph.add("buffersink")
    chain[-1].link_to(sink)
    graph.configure()
    return graph


def render_video(
    source: str | Path,
    output: str | Path,
    target: Target,
    *,
    start: float | None = None,
    end: float | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    focus: tuple[float, float] | None = None,
    cover: CoverPicker | None = None,
) -> RenderedVideo:
    """Render SOURCE for TARGET into OUTPUT (.mp4), optionally trimmed to [START, END) seconds.
    COVER: handed every decoded frame of the source on the way (the cover is chosen in the same
    pass; it stays incomplete when a trim stops decoding before the end).

    The output appears only when complete (temporary file + rename); on cancel or error nothing is
    left behind."""
    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    source, output = Path(source), Path(output)
    try:
        container = open_input(source)  # the transcode decodes every frame: the probe need not
    except (av.error.FFmpegError, OSError) as exc:
        raise UserError(f"{source.name} is not a video Crosspost can read ({exc}).") from None
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{output.stem}.", suffix=".mp4", dir=output.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with container:
            result = _transcode(container, source, tmp, target, start, end, progress, cancel, focus, cover)
        os.replace(tmp, output)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return RenderedVideo(output, result[0], result[1], result[2], result[3], result[4], output.stat().st_size)


def _transcode(
    container: Any,
    source: Path,
    tmp: Path,
    target: Target,
    start: float | None,
    end: float | None,
    progress: ProgressCallback,
    cancel: CancelToken,
    focus: tuple[float, float] | None = None,
    cover: CoverPicker | None = None,
) -> tuple[int, int, float, float, bool]:
    if not container.streams.video:
        raise UserError(f"{source.name} has no video stream; it cannot be rendered as a video.")
    vin = container.streams.video[0]
    vin.thread_type = "AUTO"
    ain = container.streams.audio[0] if container.streams.audio else None
    duration = None
    if vin.duration and vin.time_base:
        duration = float(vin.duration * vin.time_base)
    elif container.duration:
        duration = container.duration / 1_000_000
    begin = max(0.0, start or 0.0)
    if begin > 0:
        cover = None  # the frames before the start are not decoded: the caller picks it apart
    if cover is not None:
        cover.begin(duration)
    finish = end if end is not None else duration
    if finish is not None and finish <= begin:
        raise UserError(f"The end ({finish:g} s) must come after the start ({begin:g} s).")
    span = (finish - begin) if finish is not None else None
    fps = _output_fps(vin, target.max_fps)

    out = av.open(str(tmp), "w", format="mp4", options={"movflags": "+faststart"})
    try:
        vout = out.add_stream("libx264", rate=fps, options={"crf": str(X264_CRF), "preset": X264_PRESET})
        vout.width, vout.height, vout.pix_fmt = target.width, target.height, "yuv420p"
        # Frame threads, as the ffmpeg tool uses; PyAV's default (slice threads) makes x264 slower.
        vout.codec_context.thread_type = "AUTO"
        vout.codec_context.thread_count = 0
        vout.codec_context.time_base = Fraction(1) / fps
        aout = resampler = None
        if ain is not None:
            aout = out.add_stream("aac", rate=AUDIO_RATE)
            aout.bit_rate = AAC_BITRATE
            aout.layout = "stereo"
            resampler = av.AudioResampler(format="fltp", layout="stereo", rate=AUDIO_RATE)
        if begin > 0:
            container.seek(int(begin / vin.time_base), stream=vin, backward=True, any_frame=False)

        graph = None
        frames_out = 0
        audio_samples = 0
        streams = [vin] + ([ain] if ain is not None else [])
        for packet in container.demux(*streams):
            cancel.check()
            try:
                decoded = packet.decode()
            except av.error.InvalidDataError:
                continue  # a damaged packet: skip it, as players do
            for frame in decoded:
                if frame.time is None:
                    continue
                if cover is not None and packet.stream.type == "video":
                    cover.offer(frame)
                t = float(frame.time)
                if t < begin - 1e-6 or (finish is not None and t >= finish):
                    continue
                if packet.stream.type == "video":
                    if graph is None:
                        graph = _build_graph(frame, vin, target, fps, focus)
                    frame.pts = int(round((t - begin) / vin.time_base))
                    graph.push(frame)
                    frames_out += _drain_video(graph, vout, out)
                    if span:
                        progress(Progress(min(t - begin, span), span, f"rendering {source.name}"))
                else:
                    assert resampler is not None and aout is not None  # audio is demuxed only when ain is set
                    frame.pts = None
                    for resampled in resampler.resample(frame):
                        resampled.pts = audio_samples
                        audio_samples += resampled.samples
                        for p in aout.encode(resampled):
                            out.mux(p)
            if (
                finish is not None
                and packet.stream.type == "video"
                and packet.pts is not None
                and packet.time_base
                and float(packet.pts * packet.time_base) > finish + 1
            ):
                break
        else:
            if cover is not None:
                cover.end()
        if graph is None:
            raise UserError(f"{source.name} has no decodable video frames in the chosen range.")
        graph.push(None)
        frames_out += _drain_video(graph, vout, out, flushing=True)
        for p in vout.encode():
            out.mux(p)
        if aout is not None and resampler is not None:  # both set together
            for resampled in resampler.resample(None):
                resampled.pts = audio_samples
                audio_samples += resampled.samples
                for p in aout.encode(resampled):
                    out.mux(p)
            for p in aout.encode():
                out.mux(p)
    finally:
        out.close()
    progress(Progress(span or 1, span or 1, f"rendered {source.name}"))
    return target.width, target.height, frames_out / float(fps), float(fps), ain is not None


def _drain_video(graph: av.filter.Graph, vout: Any, out: Any, flushing: bool = False) -> int:
    count = 0
    while True:
        try:
            frame = graph.pull()
        except (av.error.BlockingIOError, av.error.EOFError):
            return count
        assert isinstance(frame, av.VideoFrame)  # the graph is video only
        frame.pict_type = av.video.frame.PictureType.NONE
        for p in vout.encode(frame):
            out.mux(p)
        count += 1
