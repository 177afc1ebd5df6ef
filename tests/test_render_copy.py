"""Keeping what already fits (issue 15): a video or JPEG that meets every rule of the platform is
kept (remuxed / stripped of metadata, picture data unchanged); each rule that fails forces a
re-encode; outputs pass the profile's checks; personal metadata is gone; a killed batch resumes."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import procs
import pytest
from exports import build_export, sample_posts, write_zip
from media_files import jpeg, png_with_alpha, video
from PIL import Image

from crosspost.cli.main import main
from crosspost.media.jpeg_strip import strip_jpeg
from crosspost.media.keep_original import render_photo_for, render_video_for
from crosspost.media.output_check import check_photo_output, check_video_output
from crosspost.media.targets import image_target, video_target
from crosspost.platforms import get_profile
from crosspost.platforms.profiles_loader import Limit

ROOT = Path(__file__).resolve().parent.parent
REDNOTE = get_profile("rednote")
LOCATION = "+31.2304+121.4737/"


def with_limit(profile, field, value, unit):
    """PROFILE with one more limit (or FIELD's value changed)."""
    limits = [lim for lim in profile.limits if lim.field != field]
    limits.append(Limit(field, value, unit, "test", "2026-11-25"))
    return dataclasses.replace(profile, limits=tuple(limits))


def tag_location(path: Path) -> Path:
    """Rewrite PATH (packets copied) with a GPS location and a creation time in its metadata, the
    way phones tag their videos."""
    tagged = path.with_name(path.stem + "-gps" + path.suffix)
    with av.open(str(path)) as src, av.open(str(tagged), "w", format="mp4") as out:
        out.metadata.update({"location": LOCATION, "creation_time": "2024-11-02T09:30:00Z"})
        streams = {s.index: out.add_stream_from_template(s) for s in src.streams}
        for packet in src.demux():
            if packet.dts is not None:
                packet.stream = streams[packet.stream.index]
                out.mux(packet)
    return tagged


def packet_hash(path: Path, kind: str = "video") -> str:
    digest = hashlib.sha256()
    with av.open(str(path)) as c:
        for packet in c.demux(**{kind: 0}):
            if packet.size:
                digest.update(bytes(packet))
    return digest.hexdigest()


def all_tags(path: Path) -> dict:
    with av.open(str(path)) as c:
        tags = dict(c.metadata)
        for s in c.streams:
            tags.update(s.metadata)
    return tags


def fitting(tmp_path, name="fit.mp4", **kw) -> Path:
    """A source that meets every RedNote rule: 9:16 H.264/AAC MP4 at 720×1280 (the platform's
    minimum, so kept rather than upscaled), 30 fps, half a second."""
    options = dict(width=720, height=1280, seconds=0.5, fps=30)
    options.update(kw)
    return video(tmp_path / name, **options)


def render(source, tmp_path, profile=REDNOTE, **kw):
    out = tmp_path / "out.mp4"
    result = render_video_for(source, out, video_target(profile, "crop"), profile, **kw)
    assert check_video_output(out, profile) == []  # whatever path it took, the platform takes it
    return result, out


# --- videos: the copy path -----------------------------------------------------------------------


def test_a_fitting_video_is_kept_bit_identical_without_its_location(tmp_path):
    source = tag_location(fitting(tmp_path))
    assert all_tags(source)["location"] == LOCATION
    result, out = render(source, tmp_path)
    assert result.method == "copy" and result.reasons == ()
    assert (result.width, result.height) == (720, 1280)  # not upscaled: 720 wide is RedNote's minimum
    assert packet_hash(out) == packet_hash(source)
    assert packet_hash(out, "audio") == packet_hash(source, "audio")  # AAC audio copied too
    tags = {k.lower(): v for k, v in all_tags(out).items()}
    assert not {"location", "location-eng", "creation_time"} & set(tags)
    assert LOCATION.encode() not in out.read_bytes()
    head = out.read_bytes()[:200_000]
    assert head.find(b"moov") < head.find(b"mdat")  # +faststart


def test_a_full_size_video_without_audio_is_kept(tmp_path):
    result, out = render(fitting(tmp_path, width=1080, height=1920, audio=False), tmp_path)
    assert result.method == "copy" and not result.has_audio
    with av.open(str(out)) as c:
        assert not c.streams.audio


def test_video_facts_come_from_one_decoded_frame_and_carry_the_metadata_keys(tmp_path):
    """A render opens videos without FFmpeg's probe decoding; the pixel format and the rotation come
    from the first frame decoded by the facts, and the metadata keys ride along, so the output
    check needs no second open and still finds a location."""
    from crosspost.media.facts import video_facts

    plain = video_facts(fitting(tmp_path))
    assert plain.pix_fmt == "yuv420p" and plain.rotation == 0 and (plain.width, plain.height) == (720, 1280)
    turned = video_facts(fitting(tmp_path, "turned.mp4", width=1280, height=720, rotation=90))
    assert turned.rotation == 90 and (turned.width, turned.height) == (720, 1280)
    deep = tmp_path / "10bit.mp4"
    with av.open(str(deep), "w", format="mp4") as c:
        v = c.add_stream("libx264", rate=30)
        v.width, v.height, v.pix_fmt = 720, 1280, "yuv420p10le"
        for i in range(6):
            frame = av.VideoFrame.from_ndarray(np.full((1280, 720, 3), 40 * i, np.uint8), format="rgb24")
            for p in v.encode(frame.reformat(format="yuv420p10le")):
                c.mux(p)
        for p in v.encode():
            c.mux(p)
    assert video_facts(deep).pix_fmt == "yuv420p10le"
    result, _ = render(deep, tmp_path)
    assert result.method == "encode" and any("pixel format yuv420p10le" in r for r in result.reasons)

    tagged = tag_location(fitting(tmp_path, "tagged.mp4"))
    assert "location" in video_facts(tagged).tags
    assert any("location" in p for p in check_video_output(tagged, REDNOTE))


# --- videos: each rule that fails forces a re-encode ----------------------------------------------


@pytest.mark.parametrize(
    "case, expected",
    [
        ("aspect", "shape"),
        ("codec", "video codec"),
        ("container", "container"),
        ("fps", "frame rate"),
        ("upscale", "minimum"),
        ("larger", "larger"),
        ("duration", "long"),
        ("bitrate", "bit rate"),
        ("rotation", "rotated"),
        ("trim", "trim"),
        ("forced", "re-encode was asked"),
    ],
)
def test_each_failing_rule_forces_a_re_encode(tmp_path, case, expected):
    profile, kw = REDNOTE, {}
    if case == "aspect":
        source = fitting(tmp_path, width=720, height=1200)
    elif case == "codec":
        source = fitting(tmp_path, codec="mpeg4")
    elif case == "container":
        source = fitting(tmp_path, "fit.mkv", container_format="matroska")
    elif case == "fps":
        source = fitting(tmp_path, fps=120, seconds=0.25)  # RedNote: at most 60 fps
    elif case == "upscale":
        source = fitting(tmp_path, width=540, height=960)  # below the 720 px minimum
    elif case == "larger":
        source = fitting(tmp_path, width=1440, height=2560, seconds=0.2)
    elif case == "duration":
        source, profile = fitting(tmp_path), with_limit(REDNOTE, "video_duration", 0.3, "seconds")
    elif case == "bitrate":
        source, profile = fitting(tmp_path), with_limit(REDNOTE, "video_bitrate", 10_000, "bits/s")
    elif case == "rotation":
        source = fitting(tmp_path, width=1280, height=720, rotation=90)  # shown as 720×1280
    elif case == "trim":
        source, kw = fitting(tmp_path), {"start": 0.1}
    else:
        source, kw = fitting(tmp_path), {"reencode": True}
    result, out = render(source, tmp_path, profile, **kw)
    assert result.method == "encode"
    assert any(expected in reason for reason in result.reasons), result.reasons
    assert (result.width, result.height) == (1080, 1920)
    assert packet_hash(out) != packet_hash(source)


def test_the_same_rules_without_the_failing_one_keep_the_file(tmp_path):
    # The counterpart of the cases above: the rotation case's source without rotation, the
    # container case's streams in an MP4, and a 60 fps source, are all kept.
    for name, kw in (
        ("a.mp4", {"width": 720, "height": 1280}),
        ("b.mov", {"container_format": "mov"}),
        ("c.mp4", {"fps": 60, "seconds": 0.25}),
    ):
        result, _ = render(fitting(tmp_path, name, **kw), tmp_path)
        assert result.method == "copy", (name, result.reasons)


def test_a_smaller_source_is_upscaled_where_the_profile_names_no_minimum(tmp_path):
    shorts = get_profile("youtube-shorts")
    assert shorts.limit("video_min_short_side") is None
    result, _ = render(fitting(tmp_path), tmp_path, shorts)
    assert result.method == "encode" and "smaller" in result.reasons[0]


# --- photos ----------------------------------------------------------------------------------------


def photo(tmp_path, **kw):
    out = tmp_path / "out.jpg"
    profile = kw.pop("profile", REDNOTE)
    result = render_photo_for(kw.pop("source"), out, image_target(profile, "crop"), profile, **kw)
    assert check_photo_output(out, profile) == []
    return result, out


def test_a_fitting_jpeg_is_kept_without_gps_or_serial(tmp_path):
    source = jpeg(tmp_path / "in.jpg", 1080, 1440)
    with Image.open(source) as original:
        assert 0x8825 in original.getexif() and 0xA431 in original.getexif()
        pixels = original.tobytes()
    result, out = photo(tmp_path, source=source)
    assert result.method == "copy" and (result.width, result.height) == (1080, 1440)
    with Image.open(out) as kept:
        exif = kept.getexif()
        assert 0x8825 not in exif and 0xA431 not in exif and 0x010F not in exif
        assert kept.tobytes() == pixels  # no re-compression: the same decoded pixels
    data, kept_data = source.read_bytes(), out.read_bytes()
    scan = kept_data[kept_data.index(b"\xff\xda") :]
    assert scan in data  # the compressed picture data is byte for byte the source's
    assert b"SERIAL-123456" not in kept_data and len(kept_data) < len(data)


@pytest.mark.parametrize(
    "case, expected",
    [
        ("orientation", "rotated"),
        ("aspect", "shape"),
        ("small", "smaller"),
        ("bytes", "MB"),
        ("png", "not a JPEG"),
        ("forced", "re-encode was asked"),
    ],
)
def test_a_photo_that_does_not_fit_is_encoded(tmp_path, case, expected):
    kw = {}
    if case == "orientation":
        kw["source"] = jpeg(tmp_path / "in.jpg", 1440, 1080, orientation=6)  # shown as 1080×1440
    elif case == "aspect":
        kw["source"] = jpeg(tmp_path / "in.jpg", 1080, 1080)
    elif case == "small":
        kw["source"] = jpeg(tmp_path / "in.jpg", 900, 1200)
    elif case == "bytes":
        kw["source"] = jpeg(tmp_path / "in.jpg", 1080, 1440, quality=100)
        just_under = len(strip_jpeg(kw["source"].read_bytes())) - 1  # the kept file would be 1 byte too big
        kw["profile"] = with_limit(REDNOTE, "image_size", just_under, "bytes")
    elif case == "png":
        kw["source"] = png_with_alpha(tmp_path / "in.png", 1080, 1440)
    else:
        kw["source"], kw["reencode"] = jpeg(tmp_path / "in.jpg", 1080, 1440), True
    result, out = photo(tmp_path, **kw)
    assert result.method == "encode" and any(expected in r for r in result.reasons), result.reasons
    with Image.open(out) as rendered:
        assert rendered.size == (1080, 1440) and 0x8825 not in rendered.getexif()


def test_strip_keeps_icc_and_drops_trailers_and_comments(tmp_path):
    from crosspost.media.images import _SRGB_BYTES

    path = tmp_path / "in.jpg"
    Image.new("RGB", (30, 40), (200, 10, 10)).save(
        path, "JPEG", icc_profile=_SRGB_BYTES, comment=b"my home", progressive=True
    )
    data = path.read_bytes() + b"TRAILER personal"
    stripped = strip_jpeg(data)
    assert b"my home" not in stripped and b"TRAILER" not in stripped and stripped.endswith(b"\xff\xd9")
    (tmp_path / "out.jpg").write_bytes(stripped)
    with Image.open(tmp_path / "out.jpg") as image, Image.open(path) as original:
        assert image.info.get("icc_profile") == _SRGB_BYTES and image.tobytes() == original.tobytes()


# --- drafts: the record, the CLI, and a batch that is killed and resumed ------------------------------


@pytest.fixture
def archive(data_dir, tmp_path, capsys):
    """An imported archive of 8 posts: 7 videos (one already fitting RedNote, six to encode), one
    photo post with 3 JPEGs that fit; a RedNote draft for each."""
    posts = sample_posts(8)
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "import", str(export)]) == 0
    media = tmp_path / "media"
    media.mkdir()
    for i, post in enumerate(posts, 1):
        if post.images:
            files = [jpeg(media / f"{i}-{n}.jpg", 1080, 1440) for n in range(post.images)]
        elif i == 1:
            files = [tag_location(video(media / "1.mp4", 720, 1280, seconds=1))]
        else:
            files = [video(media / f"{i}.mp4", 320, 568, seconds=2, fps=30)]
        assert main([*d, "posts", "attach", str(i), *map(str, files)]) == 0
    assert (
        main(
            [
                *d,
                "drafts",
                "create",
                *map(str, range(1, 9)),
                "--platform",
                "rednote",
                "--layout",
                "original",
                "--fit",
                "crop",
            ]
        )
        == 0
    )
    capsys.readouterr()
    return d, data_dir


def cli(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_draft_records_and_shows_that_the_original_was_kept(archive, capsys):
    d, _ = archive
    code, out, err = cli(capsys, *d, "drafts", "render", "1", "--json")
    assert code == 0, err
    detail = json.loads(out)["media_detail"][0]
    assert detail["render_method"] == "copy" and detail["render_reasons"] == []
    code, out, _ = cli(capsys, *d, "drafts", "show", "1")
    assert "kept the original video" in out
    code, check, _ = cli(capsys, *d, "drafts", "check", "1", "--json")
    assert json.loads(check)["ok"] is True

    code, out, err = cli(capsys, *d, "drafts", "render", "1", "--reencode", "--json")
    assert code == 0, err
    detail = json.loads(out)["media_detail"][0]
    assert detail["render_method"] == "encode" and detail["render_reasons"] == ["a re-encode was asked for"]
    code, out, _ = cli(capsys, *d, "drafts", "show", "1")
    assert "re-encoded (a re-encode was asked for)" in out and "kept the original" not in out


def _rendered_ids(data_dir: Path) -> set[int]:
    db = sqlite3.connect(f"file:{data_dir / 'crosspost.db'}?mode=ro", uri=True, timeout=5)
    try:
        return {r[0] for r in db.execute("SELECT id FROM drafts WHERE cover IS NOT NULL")}
    finally:
        db.close()


def test_an_interrupted_batch_resumes_where_it_stopped(archive, capsys):
    d, data_dir = archive
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "crosspost", *d, "drafts", "render", "--all", "--json"]
    first = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:

        def some_done() -> bool:
            try:
                return bool(_rendered_ids(data_dir)) or first.poll() is not None
            except sqlite3.OperationalError:  # the store is being written: look again
                return False

        procs.wait_for(some_done, 120, "the batch to render its first draft")
        assert first.poll() is None, "the batch ended before it could be stopped in the middle"
        os.killpg(first.pid, signal.SIGKILL)  # the render and its worker processes, as a power cut would
    finally:
        first.wait()
        first.stdout.close()
        first.stderr.close()
    done = _rendered_ids(data_dir)
    assert 0 < len(done) < 8, f"the batch was not stopped in the middle ({len(done)} of 8 done)"

    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    report = json.loads(second.stdout)
    assert set(report["skipped"]) == done  # nothing done before is done again
    assert set(report["rendered"]) == set(range(1, 9)) - done and not report["failed"]
    assert "ETA" in second.stderr
    assert not list((data_dir / "renders").glob(".draft-*"))  # no staging folders left behind
    for draft_id in range(1, 9):
        code, out, _ = cli(capsys, *d, "drafts", "check", str(draft_id), "--json")
        assert json.loads(out)["ok"] is True, out
    code, out, _ = cli(capsys, *d, "drafts", "show", "1", "--json")
    assert json.loads(out)["media_detail"][0]["render_method"] == "copy"

    third = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert json.loads(third.stdout)["skipped"] == list(range(1, 9))  # all up to date now


def test_batch_render_needs_ids_or_all(archive, capsys):
    d, _ = archive
    code, _, err = cli(capsys, *d, "drafts", "render")
    assert code == 1 and "--all" in err and "Traceback" not in err


def test_batch_with_an_unknown_draft_does_nothing(archive, capsys):
    d, data_dir = archive
    code, _, err = cli(capsys, *d, "drafts", "render", "1", "99")
    assert code == 1 and "no draft 99" in err and "Traceback" not in err
    assert _rendered_ids(data_dir) == set()
    renders = data_dir / "renders"
    assert not renders.exists() or not list(renders.iterdir())


def test_one_off_render_keeps_a_fitting_video_unless_asked(tmp_path, capsys):
    source = tag_location(fitting(tmp_path))
    code, out, err = cli(
        capsys, "render", str(source), "--platform", "rednote", "-o", str(tmp_path / "o.mp4"), "--json"
    )
    assert code == 0, err
    [kept] = json.loads(out)["files"]
    assert kept["method"] == "copy" and packet_hash(tmp_path / "o.mp4") == packet_hash(source)
    assert "location" not in all_tags(tmp_path / "o.mp4")
    code, out, err = cli(
        capsys, "render", str(source), "--platform", "rednote", "-o", str(tmp_path / "e.mp4"), "--reencode", "--json"
    )
    [encoded] = json.loads(out)["files"]
    assert code == 0 and encoded["method"] == "encode" and (encoded["width"], encoded["height"]) == (1080, 1920)


def test_a_truncated_jpeg_is_refused_and_nothing_is_written(tmp_path):
    from crosspost.errors import UserError

    source = jpeg(tmp_path / "in.jpg", 1080, 1440)
    source.write_bytes(source.read_bytes()[:20_000])
    with pytest.raises(UserError):
        strip_jpeg(source.read_bytes())
    with pytest.raises(UserError):
        render_photo_for(source, tmp_path / "out.jpg", image_target(REDNOTE, "crop"), REDNOTE)
    assert not (tmp_path / "out.jpg").exists()
