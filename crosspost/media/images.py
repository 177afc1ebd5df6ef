"""Photos for a platform (Pillow): load safely, orient, sRGB, fit (crop/pad/blur), encode under the
size cap, strip personal metadata, write atomically.

Speed: JPEGs are decoded with ``draft()`` at the smallest DCT scale (1/2, 1/4, 1/8) that still covers
the target. For a 12 MP phone photo going to 1080×1440 that is 1/2: the inverse DCT and colour work
of 3 pixels in 4 is skipped (≈ 70 → 46 ms), but not the entropy decoding of the compressed data
(≈ 40 ms of a 4 MB photo), which no scale avoids. A crop is cut and scaled from the stored pixels and
only the small result is turned upright (EXIF orientation), so the decoded photo is never copied.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageFilter, ImageOps, ImageStat, UnidentifiedImageError

from crosspost.errors import UserError
from crosspost.media.probe import open_heif_too
from crosspost.media.targets import Target
from crosspost.values import Fit

# Refuse images with more pixels than this before decoding anything (decompression bombs). A 200 MP
# photo is already beyond any phone; a 40000x40000 PNG of a few KB is an attack.
MAX_PIXELS = 200_000_000
JPEG_QUALITY = 90
MIN_QUALITY = 40
_SRGB = ImageCms.createProfile("sRGB")
_SRGB_BYTES = ImageCms.ImageCmsProfile(_SRGB).tobytes()


@dataclass(frozen=True)
class RenderedImage:
    path: Path
    width: int
    height: int
    size: int
    quality: int
    method: str = "encode"  # "encode" (Pillow) or "copy" (the source's JPEG data kept, metadata removed)
    reasons: tuple[str, ...] = ()  # why it was encoded rather than kept


def load_image(path: str | Path, cover: tuple[int, int] | None = None) -> Image.Image:
    """PATH as an upright RGB image in sRGB, alpha flattened on white.

    COVER: the size the result must still cover; JPEGs are then decoded at a reduced scale."""
    image, orientation = _decode(path, cover)
    return _upright(image, orientation)


# How a photo with each EXIF orientation is turned upright (1 and unknown values: as stored) …
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# … and, for the upright picture's x and y axes, the stored axis each runs along (0: x, 1: y) and
# whether it runs backwards.
_SHOWN_AXES: dict[int, tuple[tuple[int, bool], tuple[int, bool]]] = {
    2: ((0, True), (1, False)),
    3: ((0, True), (1, True)),
    4: ((0, False), (1, True)),
    5: ((1, False), (0, False)),
    6: ((1, True), (0, False)),
    7: ((1, True), (0, True)),
    8: ((1, False), (0, True)),
}
_AS_STORED = ((0, False), (1, False))


def _upright(image: Image.Image, orientation: int) -> Image.Image:
    method = _UPRIGHT.get(orientation)
    return image if method is None else image.transpose(method)


def _decode(path: str | Path, cover: tuple[int, int] | None, data: bytes | None = None) -> tuple[Image.Image, int]:
    """PATH decoded as it is stored (not yet turned upright: see ``_upright``), RGB in sRGB with
    alpha flattened on white, and its EXIF orientation. COVER: as for ``load_image``. DATA: the
    file's bytes when the caller has read them already (the file is not read again)."""
    path = Path(path)
    try:
        if data is None:
            with open(path, "rb") as f:
                open_heif_too(f.read(12))
            image: Image.Image = Image.open(path)
        else:
            open_heif_too(data[:12])
            image = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError) as exc:
        raise UserError(f"{path.name} is not a photo Crosspost can read ({_reason(exc)}).") from None
    except Image.DecompressionBombError:
        raise UserError(f"{path.name} is too large to open safely (decompression bomb guard).") from None
    with image:
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise UserError(
                f"{path.name} claims {width}×{height} pixels, far beyond any camera; it was refused "
                "as a possible decompression bomb."
            )
        try:
            orientation = image.getexif().get(0x0112, 1)  # (for a PNG this decodes it)
            if getattr(image, "is_animated", False):
                image.seek(0)  # GIF/WebP animations: the first frame
            if cover and image.format in ("JPEG", "MPO"):
                want = cover if orientation not in (5, 6, 7, 8) else (cover[1], cover[0])
                scale = max(want[0] / width, want[1] / height)  # what "covers" needs for any fit mode
                image.draft("RGB", (max(1, int(width * scale) + 1), max(1, int(height * scale) + 1)))
            image.load()
        except (OSError, ValueError, SyntaxError) as exc:
            raise UserError(f"{path.name} is damaged or truncated ({_reason(exc)}).") from None
        icc = image.info.get("icc_profile")
        image = _flatten(image)
        if icc:
            image = _to_srgb(image, icc)
        return image, orientation if orientation in _UPRIGHT else 1


def _reason(exc: Exception) -> str:
    return str(exc).split("\n")[0][:80] or type(exc).__name__


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode == "CMYK":
        return image.convert("RGB")
    if image.mode != "RGB":
        return image.convert("RGB")
    return image


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in (ImageCms.getProfileDescription(source) or "").lower():
            return image
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
        assert converted is not None  # None only when converting in place
        return converted
    except (ImageCms.PyCMSError, OSError):
        return image  # an unreadable profile: keep the pixels as they are


# --- fitting -------------------------------------------------------------------------------------


def _detail_map(image: Image.Image, orientation: int = 1) -> bytes:
    """Edge energy of IMAGE (as stored, shown turned by ORIENTATION) on a 64×64 upright grid, row by
    row: one byte a cell. Box-reduced to about 128 px first: the map is the same, at a fraction of
    the cost, and the small map is turned rather than the photo."""
    factor = max(1, min(image.size) // 128)
    small = image.reduce(factor).convert("L").resize((64, 64), Image.Resampling.BILINEAR)
    return _upright(small.filter(ImageFilter.FIND_EDGES), orientation).tobytes()


def _busiest_offset(detail: bytes, window: float, axis: int) -> float:
    """Where along AXIS (0: x, 1: y) a crop window of relative size WINDOW holds the most detail
    (DETAIL: a ``_detail_map``), as a fraction of the free space (0 = start, 0.5 = centred,
    1 = end); blended toward the centre so flat images stay centred."""
    n = 64
    profile = [sum(detail[i::n]) if axis == 0 else sum(detail[i * n : (i + 1) * n]) for i in range(n)]
    size = max(1, round(window * n))
    if size >= n:
        return 0.5
    sums = [sum(profile[s : s + size]) for s in range(n - size + 1)]
    total = sum(profile) or 1
    best = max(range(len(sums)), key=lambda s: sums[s])
    centred = (n - size) / 2
    # Only move off centre when the busy window clearly holds more detail than the centred one.
    if sums[best] - sums[int(centred)] < 0.05 * total:
        return 0.5
    return best / (n - size)


# Up to this much reduction left after JPEG draft decoding (which leaves less than 2×), bicubic and
# Lanczos differ by less than the JPEG encoding itself (tests/test_media_images.py measures it
# against a full-size Lanczos render); bicubic reads 4 source pixels a side instead of 6.
_BICUBIC_UP_TO = 2.0


def _scaled(image: Image.Image, size: tuple[int, int], box: tuple[float, float, float, float]) -> Image.Image:
    """BOX of IMAGE scaled to SIZE: bicubic for a small change, else Lanczos after a box reduction."""
    factor = max((box[2] - box[0]) / size[0], (box[3] - box[1]) / size[1])
    if factor <= _BICUBIC_UP_TO:
        return image.resize(size, Image.Resampling.BICUBIC, box=box)
    return image.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=3.0)


def _crop_fit(
    image: Image.Image, target: Target, focus: tuple[float, float] | None = None, orientation: int = 1
) -> Image.Image:
    """IMAGE (as stored, shown turned by ORIENTATION) cropped to TARGET's shape and scaled to its
    size, upright. The window is chosen on the upright picture (FOCUS, else the busiest detail) but
    cut and scaled from the stored pixels, and only the small result is turned: turning the decoded
    photo first would cost more than the rest of the fitting."""
    axes = _SHOWN_AXES.get(orientation, _AS_STORED)
    w, h = image.size[axes[0][0]], image.size[axes[1][0]]  # the upright size
    tw, th = target.width, target.height
    scale = max(tw / w, th / h)
    crop_w, crop_h = tw / scale, th / scale
    if focus is not None:
        fx, fy = focus
    elif crop_w < w - 1 or crop_h < h - 1:
        detail = _detail_map(image, orientation)
        fx = _busiest_offset(detail, crop_w / w, 0) if crop_w < w - 1 else 0.5
        fy = _busiest_offset(detail, crop_h / h, 1) if crop_h < h - 1 else 0.5
    else:
        fx = fy = 0.5
    box = [0.0, 0.0, 0.0, 0.0]
    for (axis, backwards), free, length, f in ((axes[0], w - crop_w, crop_w, fx), (axes[1], h - crop_h, crop_h, fy)):
        start = free * (1 - f if backwards else f)
        box[axis], box[axis + 2] = start, start + length
    size = (tw, th) if axes[0][0] == 0 else (th, tw)
    return _upright(_scaled(image, size, (box[0], box[1], box[2], box[3])), orientation)


def fit_image(image: Image.Image, target: Target, focus: tuple[float, float] | None = None) -> Image.Image:
    """IMAGE fitted to TARGET's size with its fit mode. FOCUS (0..1, 0..1) moves the crop window."""
    tw, th = target.width, target.height
    w, h = image.size
    if target.fit is Fit.CROP:
        return _crop_fit(image, target, focus)
    contained = ImageOps.contain(image, (tw, th), Image.Resampling.LANCZOS)
    if target.fit is Fit.PAD:
        canvas = Image.new("RGB", (tw, th), target.pad_color)
    else:  # blur: the photo whole over a blurred, enlarged, slightly darkened copy of itself
        small = ImageOps.fit(
            image.reduce(max(1, min(w, h) // 256) or 1), (max(1, tw // 8), max(1, th // 8)), Image.Resampling.BILINEAR
        )
        background = small.filter(ImageFilter.GaussianBlur(6)).resize((tw, th), Image.Resampling.BICUBIC)
        mean = sum(ImageStat.Stat(background).mean) / 3
        canvas = Image.eval(background, lambda v: int(v * 0.8)) if mean > 60 else background
    canvas.paste(contained, ((tw - contained.width) // 2, (th - contained.height) // 2))
    return canvas


# --- encoding ------------------------------------------------------------------------------------


def encode_jpeg(image: Image.Image, max_bytes: int | None = None, quality: int = JPEG_QUALITY) -> tuple[bytes, int]:
    """JPEG bytes (no EXIF: no GPS, no camera serials; sRGB ICC embedded) under MAX_BYTES, stepping
    quality down and then, only if needed, the size — never failing."""

    def encode(img: Image.Image, q: int) -> bytes:
        buffer = io.BytesIO()
        img.save(buffer, "JPEG", quality=q, icc_profile=_SRGB_BYTES, subsampling="4:2:0")
        return buffer.getvalue()

    data = encode(image, quality)
    if max_bytes is None or len(data) <= max_bytes:
        return data, quality
    q = quality
    while q > MIN_QUALITY:
        q = max(MIN_QUALITY, q - 8)
        data = encode(image, q)
        if len(data) <= max_bytes:
            return data, q
    smaller = image
    while len(data) > max_bytes and smaller.width > 64:
        smaller = smaller.resize((int(smaller.width * 0.85), int(smaller.height * 0.85)), Image.Resampling.LANCZOS)
        data = encode(smaller, MIN_QUALITY)
    return data, MIN_QUALITY


def atomic_write(path: Path, data: bytes) -> None:
    """Write DATA to PATH through a temporary file in the same folder and a rename: a crash never
    leaves a half-written file at PATH."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def render_image(
    source: str | Path,
    output: str | Path,
    target: Target,
    focus: tuple[float, float] | None = None,
    data: bytes | None = None,
) -> RenderedImage:
    """Render one photo for TARGET into OUTPUT (a .jpg). DATA: SOURCE's bytes, when already read."""
    output = Path(output)
    image, orientation = _decode(source, (target.width, target.height), data)
    if target.fit is Fit.CROP:
        fitted = _crop_fit(image, target, focus, orientation)
    else:
        fitted = fit_image(_upright(image, orientation), target, focus)
    data, quality = encode_jpeg(fitted, target.max_bytes)
    atomic_write(output, data)
    return RenderedImage(output, fitted.width, fitted.height, len(data), quality)


def render_image_from_pil(image: Image.Image, output: str | Path, target: Target) -> RenderedImage:
    """Like ``render_image`` for an image already in memory (a video's cover frame)."""
    output = Path(output)
    fitted = fit_image(_flatten(image), target)
    data, quality = encode_jpeg(fitted, target.max_bytes)
    atomic_write(output, data)
    return RenderedImage(output, fitted.width, fitted.height, len(data), quality)
