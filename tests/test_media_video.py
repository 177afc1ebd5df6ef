"""Videos for platforms: formats, rotation, fit modes, audio or none, trim, cancel, covers, thumbnails."""

from __future__ import annotations

import av
import pytest
from media_files import audio_only, first_frame, jpeg, video
from PIL import Image

from crosspost.errors import Cancelled, UserError
from crosspost.media.cover import extract_cover, sharpness
from crosspost.media.probe import probe_file
from crosspost.media.targets import Target
from crosspost.media.thumbnails import thumbnail_for
from crosspost.media.video import render_video
from crosspost.progress import CancelToken

SMALL = Target(180, 320, "crop", max_fps=30)


def _streams(path):
    with av.open(str(path)) as c:
        v = c.streams.video[0]
        return {
            "codec": v.codec_context.name,
            "pix_fmt": v.codec_context.pix_fmt,
            "size": (v.codec_context.width, v.codec_context.height),
            "audio": c.streams.audio[0].codec_context.name if c.streams.audio else None,
            "fps": float(v.average_rate),
        }


def test_h264_aac_mp4_with_faststart(tmp_path):
    out = tmp_path / "out.mp4"
    result = render_video(video(tmp_path / "in.mp4", fps=50), out, SMALL)
    info = _streams(out)
    assert info == {"codec": "h264", "pix_fmt": "yuv420p", "size": (180, 320), "audio": "aac", "fps": 30.0}
    head = out.read_bytes()[:200_000]
    assert head.find(b"moov") < head.find(b"mdat")  # +faststart: the index comes first
    assert result.has_audio and abs(result.duration - 1.0) < 0.1


@pytest.mark.parametrize("fmt", ["webm-vp9", "mkv", "mov"])
def test_other_containers_and_codecs(tmp_path, fmt):
    source = {
        "webm-vp9": lambda: video(tmp_path / "in.webm", codec="libvpx-vp9", audio=False, container_format="webm"),
        "mkv": lambda: video(tmp_path / "in.mkv", container_format="matroska"),
        "mov": lambda: video(tmp_path / "in.mov", container_format="mov"),
    }[fmt]()
    out = tmp_path / "out.mp4"
    render_video(source, out, SMALL)
    assert _streams(out)["size"] == (180, 320)


def test_no_audio_is_fine(tmp_path):
    out = tmp_path / "out.mp4"
    result = render_video(video(tmp_path / "in.mp4", audio=False), out, SMALL)
    assert not result.has_audio and _streams(out)["audio"] is None


def test_rotation_metadata_is_honoured(tmp_path):
    # Stored 320x180 landscape with a 90° display rotation: a phone shows it as 180x320 portrait.
    source = video(tmp_path / "phone.mp4", rotation=90, audio=False)
    assert (probe_file(source).width, probe_file(source).height) == (180, 320)
    out = tmp_path / "out.mp4"
    render_video(source, out, Target(180, 320, "pad"))
    frame = first_frame(out)
    # Upright portrait fills the portrait frame: no pad bars at top and bottom.
    assert max(frame.getpixel((90, 2))) > 10 or max(frame.getpixel((90, 317))) > 10
    landscape_out = tmp_path / "land.mp4"
    render_video(video(tmp_path / "land.mp4", audio=False), landscape_out, Target(180, 320, "pad"))
    assert max(first_frame(landscape_out).getpixel((90, 2))) < 20  # landscape gets black bars


@pytest.mark.parametrize("fit", ["crop", "pad", "blur"])
def test_fit_modes(tmp_path, fit):
    out = tmp_path / f"{fit}.mp4"
    render_video(video(tmp_path / "in.mp4", audio=False), out, Target(180, 320, fit))
    frame = first_frame(out)
    top = frame.getpixel((90, 5))
    if fit == "pad":
        assert max(top) < 20
    elif fit == "blur":
        assert max(top) > 20  # the blurred copy fills the bars


def test_trim(tmp_path):
    out = tmp_path / "trim.mp4"
    result = render_video(video(tmp_path / "in.mp4", seconds=3), out, SMALL, start=1.0, end=2.0)
    assert abs(result.duration - 1.0) < 0.15
    assert abs(probe_file(out).duration - 1.0) < 0.2


def test_progress_and_cancel_leave_nothing(tmp_path):
    source = video(tmp_path / "in.mp4", seconds=3)
    token = CancelToken()
    seen = []

    def on_progress(p):
        seen.append(p.fraction)
        if p.fraction and p.fraction > 0.3:
            token.cancel()

    with pytest.raises(Cancelled):
        render_video(source, tmp_path / "out.mp4", SMALL, progress=on_progress, cancel=token)
    assert seen and max(f for f in seen if f is not None) < 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.mp4"]


@pytest.mark.parametrize("bad", ["audio-only", "not-video"])
def test_bad_input(tmp_path, bad):
    source = audio_only(tmp_path / "a.mp4") if bad == "audio-only" else tmp_path / "x.mp4"
    if bad == "not-video":
        source.write_text("hello")
    with pytest.raises(UserError):
        render_video(source, tmp_path / "out.mp4", SMALL)
    assert not (tmp_path / "out.mp4").exists()


def test_cover_sharpest_and_at_time(tmp_path):
    source = video(tmp_path / "in.mp4", seconds=2, rotation=90, audio=False)
    cover = extract_cover(source)
    assert cover.size == (180, 320)  # upright
    at = extract_cover(source, at=1.0)
    assert at.size == (180, 320) and sharpness(at) > 0


def test_thumbnails_are_cached(tmp_path):
    cache = tmp_path / "thumbs"
    photo = jpeg(tmp_path / "p.jpg", 1200, 900)
    clip = video(tmp_path / "v.mp4", audio=False)
    for source in (photo, clip):
        thumb = thumbnail_for(cache, source)
        with Image.open(thumb) as image:
            assert max(image.size) <= 320
        mtime = thumb.stat().st_mtime_ns
        assert thumbnail_for(cache, source) == thumb and thumb.stat().st_mtime_ns == mtime
