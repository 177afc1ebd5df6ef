"""Choosing a video's cover without decoding it twice (issue 25, the archive row): a video that is
encoded hands its frames to the cover choice on the way (the same candidate frames as before, the
sharpest kept); a video kept as it is takes its candidates from key frames, each decoded alone,
and decodes the exact candidates only when every key frame is blank. Real H.264 files throughout;
frames are counted as PyAV decodes them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import av
import numpy as np
import pytest
from exports import build_export, sample_posts, write_zip
from PIL import Image

from crosspost.cli.main import main
from crosspost.media.cover import (
    CANDIDATES,
    CoverPicker,
    _frames_at,
    candidate_times,
    frame_at,
    frame_sharpness,
    frames_at,
    is_blank,
    keyframe_cover,
    sharpness,
)
from crosspost.media.images import render_image_from_pil
from crosspost.media.keep_original import render_video_for
from crosspost.media.targets import Target, image_target, video_target
from crosspost.media.video import render_video
from crosspost.platforms import get_profile
from crosspost.values import Fit

FPS = 30
SMALL = Target(180, 320, "crop", max_fps=30)

Picture = Callable[[int, int, int], np.ndarray]  # (frame index, width, height) → RGB pixels


def black(i: int, w: int, h: int) -> np.ndarray:
    return np.zeros((h, w, 3), np.uint8)


def soft(i: int, w: int, h: int) -> np.ndarray:
    """A smooth vertical ramp: a picture (not blank), with next to no edges (not sharp)."""
    ramp = np.linspace(40, 220, h, dtype=np.float32)[:, None] + i * 0.5
    grey = np.broadcast_to(ramp, (h, w)).clip(0, 255).astype(np.uint8)
    return np.stack([grey, grey // 2 + 60, 255 - grey], axis=-1)


def sharp(i: int, w: int, h: int) -> np.ndarray:
    """A fine checkerboard moving one pixel a frame: edges everywhere."""
    y, x = np.mgrid[0:h, 0:w]
    board = (((x + i) // 6 + y // 6) % 2 * 200 + 30).astype(np.uint8)
    return np.stack([board, board, board // 2], axis=-1)


def mixed(frames: int) -> Picture:
    """Black for the first 15% (a fade-in), sharp for a few frames around the middle, soft elsewhere:
    of the candidates at 10/30/50/70/90%, the first is blank and the middle one is the sharpest."""

    def picture(i: int, w: int, h: int) -> np.ndarray:
        if i < frames * 0.15:
            return black(i, w, h)
        if abs(i - frames // 2) <= 2:
            return sharp(i, w, h)
        return soft(i, w, h)

    return picture


def clip(path: Path, frames: int, picture: Picture, *, width: int = 180, height: int = 320, gop: int = 300) -> Path:
    """A real H.264 MP4 of FRAMES frames at 30 fps, a key frame every GOP frames and nowhere else
    (no scene-cut key frames)."""
    with av.open(str(path), "w", format="mp4") as c:
        v = c.add_stream("libx264", rate=FPS, options={"g": str(gop), "keyint_min": str(gop), "sc_threshold": "0"})
        v.width, v.height, v.pix_fmt = width, height, "yuv420p"
        for i in range(frames):
            for p in v.encode(av.VideoFrame.from_ndarray(picture(i, width, height), format="rgb24")):
                c.mux(p)
        for p in v.encode():
            c.mux(p)
    return path


def key_frame_times(path: Path) -> list[float]:
    with av.open(str(path)) as c:
        return [float(p.pts * p.time_base) for p in c.demux(video=0) if p.size and p.is_keyframe]


def same_pixels(a: Image.Image, b: Image.Image) -> bool:
    return a.size == b.size and a.tobytes() == b.tobytes()


def same_jpeg_pixels(a: Path, b: Path) -> bool:
    """The two JPEGs decode to the same pixels (their bytes differ: the embedded sRGB profile
    carries the time it was made)."""
    with Image.open(a) as x, Image.open(b) as y:
        return same_pixels(x.convert("RGB"), y.convert("RGB"))


# --- a video that is encoded: the cover from the transcode's own frames --------------------------


def test_an_encoded_video_picks_its_cover_from_the_frames_the_transcode_decodes(tmp_path):
    frames = 60
    source = clip(tmp_path / "landscape.mp4", frames, mixed(frames), width=320, height=180)
    picker = CoverPicker()
    render_video(source, tmp_path / "out.mp4", SMALL, cover=picker)

    candidates = frames_at(source, candidate_times(frames / FPS))  # the frames a second decode gave
    assert len(candidates) == len(CANDIDATES) and picker.taken == len(CANDIDATES)
    assert picker.image is not None
    assert same_pixels(picker.image, candidates[2])  # the sharp middle one, pixel for pixel
    assert same_pixels(picker.image, max(candidates, key=sharpness))  # the choice made before
    assert is_blank(candidates[0]) and not is_blank(picker.image)  # the black start was passed over


def test_a_cover_time_is_taken_in_the_same_pass(tmp_path):
    frames = 60
    source = clip(tmp_path / "landscape.mp4", frames, mixed(frames), width=320, height=180)
    picker = CoverPicker(at=1.4)
    render_video(source, tmp_path / "out.mp4", SMALL, cover=picker)
    assert picker.image is not None and picker.taken == 1
    assert same_pixels(picker.image, frame_at(source, 1.4))


def test_a_trimmed_encode_leaves_the_cover_to_be_chosen_apart(tmp_path):
    frames = 60
    source = clip(tmp_path / "landscape.mp4", frames, mixed(frames), width=320, height=180)
    picker = CoverPicker()
    render_video(source, tmp_path / "out.mp4", SMALL, start=0.5, cover=picker)  # frames before 0.5 s unseen
    assert picker.image is None and picker.taken == 0


# --- a video kept as it is: key frames, each decoded alone ----------------------------------------


def test_a_kept_video_with_one_key_frame_decodes_one_frame_for_its_cover(tmp_path):
    frames = 90
    source = clip(tmp_path / "one-gop.mp4", frames, sharp)
    assert key_frame_times(source) == [0.0]
    choice = keyframe_cover(source)
    assert choice.decoded == 1 and choice.time == 0.0
    assert not is_blank(choice.image) and same_pixels(choice.image, frame_at(source, 0.0))
    # The candidates decoded exactly, as a kept video's cover was chosen before, went through the clip.
    _, decoded = _frames_at(source, candidate_times(frames / FPS))
    assert decoded >= 0.85 * frames


def test_a_kept_video_reuses_the_frame_its_facts_decoded(tmp_path):
    """Kept as it is, a one-key-frame video's cover costs no decoding of its own: the first frame
    the facts decoded (for the pixel format and rotation) is that key frame."""
    profile = get_profile("rednote")
    source = clip(tmp_path / "one-gop.mp4", 30, sharp, width=720, height=1280)
    picker = CoverPicker()
    result = render_video_for(source, tmp_path / "out.mp4", video_target(profile, Fit.CROP), profile, cover=picker)
    assert result.method == "copy"
    assert picker.image is not None and picker.decoded == 0
    alone = keyframe_cover(source)
    assert alone.decoded == 1 and same_pixels(picker.image, alone.image)
    # A cover time is left to the caller (it decodes up to that time).
    timed = CoverPicker(at=0.5)
    render_video_for(source, tmp_path / "out2.mp4", video_target(profile, Fit.CROP), profile, cover=timed)
    assert timed.image is None


def test_a_kept_video_with_several_key_frames_takes_the_sharpest_of_them(tmp_path):
    frames = 60
    source = clip(tmp_path / "gop15.mp4", frames, mixed(frames), gop=15)
    keys = key_frame_times(source)
    assert keys == [0.0, 0.5, 1.0, 1.5]
    choice = keyframe_cover(source)
    # candidates at 0.2/0.6/1.0/1.4/1.8 s begin at the key frames 0, 0.5, 1.0, 1.0, 1.5: four decoded
    assert choice.decoded == 4
    assert choice.time == 1.0  # the sharp key frame; the black one at 0 s is passed over
    assert same_pixels(choice.image, frame_at(source, 1.0)) and not is_blank(choice.image)


def test_a_kept_video_opening_on_black_still_gets_a_picture(tmp_path):
    frames = 60
    source = clip(tmp_path / "fade-in.mp4", frames, mixed(frames))  # its only key frame is black
    assert is_blank(frame_at(source, 0.0))
    choice = keyframe_cover(source)
    assert not is_blank(choice.image)
    exact = frames_at(source, candidate_times(frames / FPS))
    assert same_pixels(choice.image, exact[2]) and choice.time == pytest.approx(1.0)


def test_frame_sharpness_ranks_decoded_frames_as_the_picture_measure_does(tmp_path):
    """The picker scores a frame's luma plane (no RGB picture per candidate); on real decoded frames
    it orders black, soft and sharp as ``sharpness`` does on their pictures, for 8-bit and others."""
    frames = 60
    source = clip(tmp_path / "mixed.mp4", frames, mixed(frames), width=320, height=180)
    with av.open(str(source)) as c:
        decoded = list(c.decode(video=0))
    chosen = [decoded[5], decoded[20], decoded[30]]  # black, soft, sharp
    by_frame = [frame_sharpness(f) for f in chosen]
    by_picture = [sharpness(f.to_image()) for f in chosen]
    assert by_frame[0] < by_frame[1] < by_frame[2] and by_picture[0] < by_picture[1] < by_picture[2]
    assert by_frame[2] > 10 * by_frame[1]
    deep = [f.reformat(format="yuv420p10le") for f in chosen]  # not 8-bit luma: the picture way
    assert [frame_sharpness(f) for f in deep] == pytest.approx([sharpness(f.to_image()) for f in deep])


def test_is_blank_tells_a_picture_from_black_and_a_flat_colour():
    assert is_blank(Image.new("RGB", (320, 180), (0, 0, 0)))
    assert is_blank(Image.new("RGB", (320, 180), (200, 30, 30)))
    assert not is_blank(Image.fromarray(soft(0, 320, 180)))
    assert not is_blank(Image.fromarray(sharp(0, 320, 180)))


# --- end to end: drafts render --all, in its worker processes -------------------------------------


@pytest.fixture
def two_drafts(data_dir, tmp_path, capsys):
    """Two RedNote drafts: 1 has a video that fits (720×1280 H.264 MP4) and opens on black with a
    single key frame; 2 has a landscape video that must be encoded."""
    d = ["--data-dir", str(data_dir)]
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(2)))
    assert main([*d, "import", str(export)]) == 0
    frames = 30
    kept = clip(tmp_path / "kept.mp4", frames, mixed(frames), width=720, height=1280)
    encoded = clip(tmp_path / "encoded.mp4", frames, mixed(frames), width=320, height=180)
    assert main([*d, "posts", "attach", "1", str(kept)]) == 0
    assert main([*d, "posts", "attach", "2", str(encoded)]) == 0
    create = [*d, "drafts", "create", "1", "2", "--platform", "rednote", "--layout", "original", "--fit", "crop"]
    assert main(create) == 0
    capsys.readouterr()
    return d, kept, encoded, frames


def test_drafts_render_all_gives_each_draft_a_picture_cover(two_drafts, capsys, tmp_path):
    d, kept, encoded, frames = two_drafts
    assert main([*d, "drafts", "render", "--all", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["kept"] == 1 and report["encoded"] == 1 and not report["failed"]

    plains = {}
    for draft_id in (1, 2):
        assert main([*d, "drafts", "show", str(draft_id), "--json"]) == 0
        cover = Path(json.loads(capsys.readouterr().out)["cover"])
        plains[draft_id] = cover.with_name("cover-plain.jpg")
        with Image.open(plains[draft_id]) as plain:
            assert not is_blank(plain.convert("RGB"))

    # The encoded draft's cover is the frame the old second decode chose, fitted and saved the same way.
    profile = get_profile("rednote")
    expected = max(frames_at(encoded, candidate_times(frames / FPS)), key=sharpness)
    render_image_from_pil(expected, tmp_path / "expected.jpg", image_target(profile, Fit.CROP))
    assert same_jpeg_pixels(plains[2], tmp_path / "expected.jpg")
    # The kept draft's single key frame is black: its cover is the sharp middle candidate instead.
    expected = frames_at(kept, candidate_times(frames / FPS))[2]
    render_image_from_pil(expected, tmp_path / "expected-kept.jpg", image_target(profile, Fit.CROP))
    assert same_jpeg_pixels(plains[1], tmp_path / "expected-kept.jpg")
