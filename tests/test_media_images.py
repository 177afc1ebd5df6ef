"""Photos for platforms: every input format, fit modes, size cap, privacy, safety."""

from __future__ import annotations

import pytest
from media_files import bomb_png, gif, gps_exif, heic, jpeg, png_with_alpha, scene, webp
from PIL import Image, ImageOps, ImageStat

from crosspost.errors import UserError
from crosspost.media.images import load_image, render_image
from crosspost.media.targets import Target, image_target
from crosspost.platforms import get_profile


@pytest.mark.parametrize("make", [jpeg, png_with_alpha, webp, heic, gif])
@pytest.mark.parametrize("platform,size", [("rednote", (1080, 1440)), ("instagram", (1080, 1350))])
def test_every_input_renders_to_the_platform_size(tmp_path, make, platform, size):
    source = make(tmp_path / f"in.{make.__name__}")
    out = tmp_path / "out.jpg"
    result = render_image(source, out, image_target(get_profile(platform), "crop"))
    with Image.open(out) as image:
        assert image.format == "JPEG" and image.size == size and image.mode == "RGB"
    assert (result.width, result.height) == size


@pytest.mark.parametrize("make", [jpeg, png_with_alpha, webp, heic, gif])
def test_every_input_renders_from_the_bytes_the_worker_read(tmp_path, make):
    """A render worker reads each file once (for the keep-the-original check) and decodes those bytes:
    every format opens from memory as it does from its file."""
    from crosspost.media.keep_original import render_photo_for

    source = make(tmp_path / f"in.{make.__name__}")
    profile = get_profile("rednote")
    result = render_photo_for(source, tmp_path / "out.jpg", image_target(profile, "crop"), profile)
    assert (result.width, result.height, result.method) == (1080, 1440, "encode")
    with Image.open(tmp_path / "out.jpg") as image:
        assert image.format == "JPEG" and image.size == (1080, 1440)


def test_exif_orientation_applied_and_gps_stripped(tmp_path):
    source = jpeg(tmp_path / "phone.jpg", 1200, 900, orientation=6)  # stored landscape, shown portrait
    with Image.open(source) as original:
        assert 0x8825 in original.getexif()  # the input really has GPS
    assert load_image(source).size == (900, 1200)
    out = tmp_path / "out.jpg"
    render_image(source, out, Target(1080, 1440, "pad"))
    with Image.open(out) as image:
        exif = image.getexif()
        assert 0x8825 not in exif and 0xA431 not in exif and 0x010F not in exif
        assert not image.getexif().get_ifd(0x8825)
        assert image.info.get("icc_profile")  # sRGB profile embedded
    data = out.read_bytes()
    assert b"SERIAL-123456" not in data and b"PhoneMaker" not in data


# The stored picture of a photo with each EXIF orientation, from its upright picture.
_STORED = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def _psnr(a: Image.Image, b: Image.Image) -> float:
    import numpy as np

    diff = np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)
    return float(10 * np.log10(255**2 / max(1e-9, float(np.mean(diff**2)))))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_cropped_upright_around_the_subject(tmp_path, orientation):
    """A crop is cut from the stored pixels and only the small result is turned upright: for every
    orientation the output is the upright picture's crop (gradient directions, the busy subject far
    right inside the window), decoded at reduced scale, without location."""
    upright = scene(1600, 600, subject_at=(0.85, 0.5))  # red grows to the right, green downwards
    turn = _STORED[orientation]
    source = tmp_path / "phone.jpg"
    (upright if turn is None else upright.transpose(turn)).save(source, quality=95, exif=gps_exif(orientation))
    plain = tmp_path / "plain.jpg"
    upright.save(plain, quality=95)
    out, reference = tmp_path / "out.jpg", tmp_path / "reference.jpg"
    render_image(source, out, Target(150, 200, "crop"))  # 2× smaller than the photo: decoded at 1/2
    render_image(plain, reference, Target(150, 200, "crop"))
    with Image.open(out) as image, Image.open(reference) as expected:
        assert image.size == (150, 200)
        assert _psnr(image, expected) > 30  # a wrong turn or flip is far below (≈ 15 dB)
        left, right = image.getpixel((5, 100)), image.getpixel((144, 100))
        top, bottom = image.getpixel((75, 5)), image.getpixel((75, 194))
        assert right[0] > left[0] + 5 and bottom[1] > top[1] + 10
        centred = ImageStat.Stat(ImageOps.fit(upright, (150, 200)).convert("L")).stddev[0]
        assert ImageStat.Stat(image.convert("L")).stddev[0] > 2 * centred  # the checkered subject is in
        assert 0x8825 not in image.getexif() and 0x0112 not in image.getexif()


def test_a_big_jpeg_crop_stays_as_close_to_a_full_size_lanczos_render_as_q90_allows(tmp_path):
    """Big JPEGs are decoded at half size (DCT scaling) and scaled the rest of the way bicubic, not
    decoded whole and scaled Lanczos like the naive loop. Against the naive output (open,
    exif_transpose, ImageOps.fit LANCZOS, save q90) ours measures ≈ 48 dB PSNR with the same q90
    quantization tables; a crop box 1 px off measures ≈ 45.7, a quarter-size decode ≈ 40, nearest
    neighbour ≈ 38, saving at q75 ≈ 44.5."""
    import numpy as np

    upright = np.asarray(scene(2400, 3400, subject_at=(0.5, 0.4)), dtype=np.int16)
    grain = np.random.default_rng(5).integers(-4, 5, size=(3400, 2400, 1), dtype=np.int16)  # sensor noise
    photo = Image.fromarray(np.clip(upright + grain, 0, 255).astype(np.uint8))
    source = tmp_path / "big.jpg"
    photo.transpose(Image.Transpose.ROTATE_90).save(source, quality=92, exif=gps_exif(6))
    with Image.open(source) as image:
        ImageOps.fit(ImageOps.exif_transpose(image), (1080, 1440), Image.Resampling.LANCZOS).save(
            tmp_path / "naive.jpg", quality=90
        )
    result = render_image(source, tmp_path / "ours.jpg", Target(1080, 1440, "crop"), focus=(0.5, 0.5))
    assert (result.width, result.height, result.quality) == (1080, 1440, 90)
    with Image.open(tmp_path / "ours.jpg") as ours, Image.open(tmp_path / "naive.jpg") as naive:
        assert ours.quantization == naive.quantization
        assert _psnr(ours, naive) > 46.5


def test_alpha_is_flattened_on_white(tmp_path):
    source = png_with_alpha(tmp_path / "a.png")
    image = load_image(source)
    assert image.mode == "RGB"
    assert min(image.getpixel((200, 0))) > 240  # the fully transparent top row becomes white


def test_crop_follows_the_busy_subject(tmp_path):
    # A wide photo whose detailed subject is far right: a centred 3:4 crop would cut it off.
    source = tmp_path / "wide.png"
    scene(1600, 600, subject_at=(0.85, 0.5)).save(source)
    out = tmp_path / "out.jpg"
    render_image(source, out, Target(300, 400, "crop"))
    with Image.open(out) as image:
        right = ImageStat.Stat(image.crop((0, 0, 300, 400)).convert("L")).stddev[0]
    centred = scene(1600, 600, subject_at=(0.85, 0.5)).crop((575, 0, 1025, 600)).convert("L")
    assert right > 2 * ImageStat.Stat(centred).stddev[0]


def test_pad_and_blur_keep_the_whole_photo(tmp_path):
    source = tmp_path / "wide.png"
    scene(1600, 600).save(source)
    for fit in ("pad", "blur"):
        out = tmp_path / f"{fit}.jpg"
        render_image(source, out, Target(300, 400, fit))
        with Image.open(out) as image:
            top = image.getpixel((150, 5))
            if fit == "pad":
                assert min(top) > 245  # white bars above and below
            else:
                assert max(top) < 245 and ImageStat.Stat(image.crop((0, 0, 300, 40))).stddev[0] < 25


def test_quality_steps_down_under_the_cap(tmp_path):
    import numpy as np

    noisy = tmp_path / "noisy.png"
    Image.fromarray((np.random.default_rng(1).random((1440, 1080, 3)) * 255).astype("uint8")).save(noisy)
    target = image_target(get_profile("bluesky"), "crop")
    assert target.max_bytes == 1_000_000
    result = render_image(noisy, tmp_path / "out.jpg", target)
    assert result.size <= 1_000_000 and (tmp_path / "out.jpg").stat().st_size == result.size


def test_decompression_bomb_refused(tmp_path):
    bomb = bomb_png(tmp_path / "bomb.png")
    assert bomb.stat().st_size < 100_000
    with pytest.raises(UserError, match="decompression bomb"):
        render_image(bomb, tmp_path / "out.jpg", Target(1080, 1440))
    assert not (tmp_path / "out.jpg").exists()


def test_not_an_image_refused(tmp_path):
    fake = tmp_path / "fake.jpg"
    fake.write_text("<html>expired</html>")
    with pytest.raises(UserError, match="not a photo"):
        render_image(fake, tmp_path / "out.jpg", Target(1080, 1440))


def test_truncated_jpeg_refused_and_nothing_written(tmp_path):
    source = jpeg(tmp_path / "t.jpg")
    data = source.read_bytes()
    source.write_bytes(data[: len(data) // 3])
    with pytest.raises(UserError):
        render_image(source, tmp_path / "out.jpg", Target(1080, 1440))
    assert list(tmp_path.glob("*out*")) == []
