"""``crosspost render``: one file or a folder, platform defaults, clear errors."""

from __future__ import annotations

import json
import os

import pytest
from media_files import audio_only, jpeg, png_with_alpha, scrambled_png, video
from PIL import Image

from crosspost.cli.main import main


def test_one_photo_to_a_file(tmp_path, capsys):
    out = tmp_path / "cover.jpg"
    assert main(["render", str(jpeg(tmp_path / "a.jpg")), "--platform", "rednote", "-o", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["outputs"] == [str(out)]
    with Image.open(out) as image:
        assert image.size == (1080, 1440)


def test_several_to_a_folder_over_all_cores(tmp_path, capsys):
    inputs = [jpeg(tmp_path / f"p{i}.jpg", 800, 600) for i in range(3)] + [png_with_alpha(tmp_path / "p0.png")]
    clip = video(tmp_path / "clip.mp4", audio=False)
    out = tmp_path / "out"
    assert (
        main(
            [
                "render",
                *map(str, inputs),
                str(clip),
                "--platform",
                "instagram",
                "--fit",
                "pad",
                "-o",
                str(out),
                "--json",
            ]
        )
        == 0
    )
    result = json.loads(capsys.readouterr().out)
    names = [os.path.basename(p) for p in result["outputs"]]
    assert names == ["p0.jpg", "p1.jpg", "p2.jpg", "p0-2.jpg", "clip.mp4"]
    for f in result["files"][:4]:
        assert (f["width"], f["height"]) == (1080, 1350)
    assert (result["files"][4]["width"], result["files"][4]["height"]) == (1080, 1920)


def test_a_photo_found_damaged_by_its_worker_fails_the_batch_and_leaves_no_new_files(tmp_path, capsys):
    """The probe reads headers only, so a photo whose compressed pixels are scrambled is found by the
    worker that decodes it, while the other workers render. The command says which photo in one
    sentence (exit 1) and the files this run made are removed; a file it replaced is left whole."""
    photos = [jpeg(tmp_path / f"p{i}.jpg", 1600, 1200) for i in range(6)]
    broken = scrambled_png(tmp_path / "broken.png")
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    (out / "p5.jpg").write_bytes(photos[5].read_bytes())  # an earlier rendering, replaced or kept
    inputs = [photos[0], broken, *photos[1:]]
    assert main(["render", *map(str, inputs), "--platform", "rednote", "--fit", "crop", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("crosspost: broken.png is damaged or truncated") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "p5.jpg"]
    with Image.open(out / "p5.jpg") as kept:
        kept.load()  # whole: the earlier file or a complete new rendering, never a part
        assert kept.size in ((1600, 1200), (1080, 1440))


def test_a_cancelled_batch_stops_and_leaves_no_new_files(tmp_path):
    """Cancelled after its first photo, a batch over worker processes raises Cancelled and the
    files it made are removed (it used to render every remaining photo first, and keep them)."""
    from crosspost.errors import Cancelled
    from crosspost.media.render import render_for_platform
    from crosspost.platforms import get_profile
    from crosspost.progress import CancelToken

    photos = [jpeg(tmp_path / f"p{i}.jpg", 1600, 1200) for i in range(8)]
    out = tmp_path / "out"
    token = CancelToken()
    seen = []

    def progress(p):
        seen.append(p.message)
        token.cancel()

    with pytest.raises(Cancelled):
        render_for_platform(photos, get_profile("rednote"), out, workers=2, progress=progress, cancel=token)
    assert seen == ["rendered p0.jpg"]
    assert list(out.iterdir()) == []


def test_long_video_warns_and_trim_works(tmp_path, capsys):
    clip = video(tmp_path / "long.mp4", seconds=3, audio=False)
    from crosspost.platforms import get_profile

    # Shorts take 180 s; a 3 s clip is fine: no warning. Trimming to one second works.
    assert (
        main(
            [
                "render",
                str(clip),
                "--platform",
                "youtube-shorts",
                "--start",
                "1",
                "--end",
                "2",
                "-o",
                str(tmp_path / "s.mp4"),
                "--json",
            ]
        )
        == 0
    )
    result = json.loads(capsys.readouterr().out)
    assert result["warnings"] == [] and abs(result["files"][0]["duration"] - 1) < 0.15
    assert get_profile("youtube-shorts").limit_value("video_duration") == 180


@pytest.mark.parametrize(
    "case",
    [
        "unknown platform",
        "missing file",
        "not media",
        "no video stream",
        "output not writable",
        "wrong suffix",
        "end before start",
    ],
)
def test_bad_input(tmp_path, capsys, case):
    photo = jpeg(tmp_path / "a.jpg")
    clip = video(tmp_path / "c.mp4", audio=False)
    blocker = tmp_path / "a-file"  # a folder cannot be made inside a file, even by root
    blocker.write_text("x")
    text = tmp_path / "notes.jpg"
    text.write_text("hello")
    args = {
        "unknown platform": [str(photo), "--platform", "myspace", "-o", str(tmp_path / "o.jpg")],
        "missing file": [str(tmp_path / "nope.jpg"), "--platform", "rednote", "-o", str(tmp_path / "o.jpg")],
        "not media": [str(text), "--platform", "rednote", "-o", str(tmp_path / "o.jpg")],
        "no video stream": [
            str(audio_only(tmp_path / "a.mp4")),
            "--platform",
            "rednote",
            "-o",
            str(tmp_path / "o.mp4"),
        ],
        "output not writable": [str(photo), str(photo), "--platform", "rednote", "-o", str(blocker / "sub")],
        "wrong suffix": [str(photo), "--platform", "rednote", "-o", str(tmp_path / "o.png")],
        "end before start": [
            str(clip),
            "--platform",
            "rednote",
            "--start",
            "2",
            "--end",
            "1",
            "-o",
            str(tmp_path / "o.mp4"),
        ],
    }[case]
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["render", *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("crosspost: ") and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before
