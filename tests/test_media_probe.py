"""The media probe reads headers and structure, never pixels (issue 25): a 12 MP photo is not
decoded in the parent before the render workers decode it again, yet a photo cut short is still
refused before anything is written, and what only decoding can find is found by the renderer."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from media_files import gps_exif, heic, jpeg, png_with_alpha, scene, scrambled_png, webp
from PIL import ImageFile

from crosspost.errors import UserError
from crosspost.media.images import render_image
from crosspost.media.probe import probe_file
from crosspost.media.targets import Target


@pytest.fixture
def no_decoding(monkeypatch):
    """Any pixel decoding during the probe fails the test."""

    def refuse(self, *args, **kwargs):
        raise AssertionError(f"the probe decoded the pixels of {self.format}")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


def test_probe_reads_size_and_orientation_without_decoding(tmp_path, no_decoding):
    upright = jpeg(tmp_path / "a.jpg", 1200, 900)
    turned = jpeg(tmp_path / "b.jpg", 1200, 900, orientation=6)
    png = png_with_alpha(tmp_path / "c.png", 400, 300)
    web = webp(tmp_path / "d.webp", 500, 500)
    assert (probe_file(upright).width, probe_file(upright).height) == (1200, 900)
    assert (probe_file(turned).width, probe_file(turned).height) == (900, 1200)  # shown rotated
    assert probe_file(png).mime == "image/png" and (probe_file(png).width, probe_file(png).height) == (400, 300)
    assert probe_file(web).mime == "image/webp" and probe_file(web).width == 500


def _progressive(path, width=1600, height=1200):
    scene(width, height).save(path, quality=90, progressive=True, exif=gps_exif(1))
    return path


@pytest.mark.parametrize("fraction", [0.05, 0.34, 0.67, 0.999])
@pytest.mark.parametrize("kind", ["baseline", "progressive", "png", "webp"])
def test_a_photo_cut_anywhere_is_refused_by_the_probe(tmp_path, no_decoding, kind, fraction):
    make = {
        "baseline": lambda: jpeg(tmp_path / "w.jpg", 1600, 1200, orientation=6),
        "progressive": lambda: _progressive(tmp_path / "w.jpg"),
        "png": lambda: png_with_alpha(tmp_path / "w.png", 800, 600),
        "webp": lambda: webp(tmp_path / "w.webp", 800, 800),
    }[kind]
    whole = make().read_bytes()
    cut = tmp_path / f"cut{make().suffix}"
    cut.write_bytes(whole[: max(40, int(len(whole) * fraction))])
    with pytest.raises(UserError, match="damaged or incomplete|not a readable photo") as caught:
        probe_file(cut)
    assert cut.name in str(caught.value)


def test_a_cut_just_after_the_exif_thumbnail_is_refused(tmp_path, no_decoding):
    """The EXIF thumbnail is a whole JPEG inside the header, with its own end marker: the probe
    looks for the photo's end after the first scan, not anywhere in the file."""
    thumb = io.BytesIO()
    scene(160, 120).save(thumb, "JPEG", quality=80)
    exif = gps_exif(1)
    photo = tmp_path / "thumb.jpg"
    scene(1600, 1200).save(photo, quality=90, exif=exif.tobytes() + thumb.getvalue())
    data = photo.read_bytes()
    thumb_end = data.find(b"\xff\xd9")
    sos = data.index(b"\xff\xda", thumb_end)  # the photo's own scan, after the thumbnail's end marker
    assert 0 < thumb_end < sos
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(data[: sos + 2000])
    with pytest.raises(UserError, match="damaged or incomplete"):
        probe_file(cut)


def test_bytes_after_the_end_marker_are_accepted(tmp_path, no_decoding):
    """Phones append maker trailers and second pictures after a JPEG's end marker."""
    photo = jpeg(tmp_path / "trailer.jpg", 1200, 900)
    photo.write_bytes(photo.read_bytes() + b"\x00" * 64 + b"SEFT" + b"\x01" * 5000)
    info = probe_file(photo)
    assert (info.kind, info.width, info.height) == ("image", 1200, 900)


def test_damage_inside_the_compressed_data_is_found_by_the_renderer_and_nothing_is_written(tmp_path):
    """A PNG whole on the outside (every chunk in place, IEND at the end) whose compressed pixels
    are scrambled: the probe accepts it (it does not decode), decoding fails in the renderer, which
    says so in one sentence and writes nothing."""
    photo = scrambled_png(tmp_path / "scrambled.png", 800, 600)
    assert (probe_file(photo).width, probe_file(photo).height) == (800, 600)
    with pytest.raises(UserError, match="scrambled.png is damaged or truncated"):
        render_image(photo, tmp_path / "out.jpg", Target(1080, 1440))
    assert list(tmp_path.glob("*out*")) == []


def test_heic_support_is_loaded_only_for_a_heic(tmp_path):
    """pillow-heif costs ≈ 5 ms to import at every render's start: a batch of JPEGs never loads it,
    and a HEIC is still probed and rendered (in a fresh process, where nothing loaded it before)."""
    photo, phone = jpeg(tmp_path / "a.jpg", 1200, 900), heic(tmp_path / "b.heic", 640, 480)
    code = (
        "import sys\n"
        "from crosspost.media.images import render_image\n"
        "from crosspost.media.probe import probe_file\n"
        "from crosspost.media.targets import Target\n"
        "jpeg, heic, out = sys.argv[1:]\n"
        "print(probe_file(jpeg).mime, render_image(jpeg, out, Target(300, 400)).width, 'pillow_heif' in sys.modules)\n"
        "info = probe_file(heic)\n"
        "print(info.mime, info.width, info.height, 'pillow_heif' in sys.modules)\n"
        "print(render_image(heic, out, Target(300, 400)).width)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(photo), str(phone), str(tmp_path / "out.jpg")],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,  # the repository (-c puts the working folder on sys.path)
    )
    assert run.stdout.split("\n")[:3] == ["image/jpeg 300 False", "image/heic 640 480 True", "300"]
