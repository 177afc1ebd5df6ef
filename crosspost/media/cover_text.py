"""A cover with its title on it, the way RedNote covers look: large type over the chosen frame or photo.

Styles: ``bold`` (a big centred title), ``banner`` (the title on a band across the lower part),
``bilingual`` (the title plus a smaller subtitle, e.g. the English original, under it) and ``none``.

The text is drawn with Pillow in the CJK font the app ships (``crosspost/resources/fonts``), never a
system font: sized to fit, wrapped by Chinese line-breaking rules (no line starts with closing
punctuation such as ，。！？）」, none ends with opening punctuation such as （「), kept inside safe
margins, and readable on any background: light text with a dark outline and shadow over dark
pictures, dark text with a light outline over bright ones; the banner's band is chosen from the
brightness under it too (a dark band over a bright picture, a light one over a dark picture).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageStat

from crosspost.errors import UserError
from crosspost.media.cover_styles import STYLES

FONT_FILE = "NotoSansSC-Bold-subset.otf"

# Kinsoku (禁则): no line may start with these …
CLOSING = set("，。！？）」』】〕〉》、；：”’…～·・!),.:;?]}%％‰℃°ー々〻ぁぃぅぇぉっゃゅょァィゥェォッャュョ")
# … and none may end with these.
OPENING = set("（「『【〔〈《“‘([{£¥$＄￥")

SAFE_X = 0.08  # left/right margin, fraction of the width
SAFE_Y = 0.08  # top/bottom margin, fraction of the height
Color = tuple[int, int, int]
LIGHT, DARK = (255, 255, 255), (24, 24, 24)
ACCENT = (255, 36, 66)  # RedNote red, for the banner's edge


def font_path() -> Path:
    return Path(str(resources.files("crosspost") / "resources" / "fonts" / FONT_FILE))


@functools.lru_cache(maxsize=64)
def load_font(size: int) -> ImageFont.FreeTypeFont:
    path = font_path()
    if not path.is_file():
        raise UserError(f"The cover font {path} is missing; reinstall Crosspost.")
    return ImageFont.truetype(str(path), size)


@functools.lru_cache(maxsize=4096)
def has_glyph(ch: str) -> bool:
    """Whether the shipped font draws CH (rather than its missing-glyph box)."""
    if ch.isspace():
        return True
    font = load_font(48)
    missing = _tofu_mask()
    mask = font.getmask(ch)
    return not (mask.size == missing[0] and bytes(mask) == missing[1])


@functools.lru_cache(maxsize=1)
def _tofu_mask() -> tuple[tuple[int, int], bytes]:
    mask = load_font(48).getmask("\U0010fffd")  # a private-use code point no font has
    return mask.size, bytes(mask)


def drawable(text: str) -> str:
    """TEXT without what the font cannot draw (emoji and rare characters would be boxes on the cover)."""
    return "".join(
        ch for ch in text if unicodedata.category(ch) != "Cf" and not 0xFE00 <= ord(ch) <= 0xFE0F and has_glyph(ch)
    )


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF
        or 0x20000 <= o <= 0x3FFFF
        or 0x3000 <= o <= 0x303F
    )


def tokens(text: str) -> list[str]:
    """Units a line may break between: each CJK character alone, a Latin word with its trailing
    spaces, punctuation attached to nothing in particular (the rules below keep it in place)."""
    out: list[str] = []
    word = ""
    for ch in text:
        if _is_cjk(ch) or ch in CLOSING or ch in OPENING:
            if word:
                out.append(word)
                word = ""
            if ch in CLOSING and out and not out[-1].endswith(" ") and not _is_cjk(ch) and ch not in "…":
                out[-1] += ch  # ASCII punctuation sticks to the word before it
            else:
                out.append(ch)
        elif ch == " ":
            if word:
                out.append(word + " ")
                word = ""
            elif out:
                out[-1] += " "
        else:
            word += ch
    if word:
        out.append(word)
    return out


def _can_break(before: str, after: str) -> bool:
    return after.lstrip()[:1] not in CLOSING and before.rstrip()[-1:] not in OPENING


def _width(font: ImageFont.FreeTypeFont, text: str) -> float:
    return font.getlength(text.strip())


def _split_long(token: str, font: ImageFont.FreeTypeFont, max_width: float) -> list[str]:
    """A word wider than the line, cut by characters."""
    parts, current = [], ""
    for ch in token:
        if current and _width(font, current + ch) > max_width:
            parts.append(current)
            current = ""
        current += ch
    return parts + ([current] if current else [])


def wrap(text: str, font: ImageFont.FreeTypeFont, max_width: float) -> list[str]:
    """Greedy fill, breaking only where Chinese line-breaking rules allow (unless no allowed break fits)."""
    items: list[str] = []
    for token in tokens(" ".join(text.split())):
        items.extend(_split_long(token, font, max_width) if _width(font, token) > max_width else [token])
    lines: list[str] = []
    start = 0
    while start < len(items):
        end = start + 1
        while end < len(items) and _width(font, "".join(items[start : end + 1])) <= max_width:
            end += 1
        if end < len(items):
            allowed = [e for e in range(end, start, -1) if _can_break(items[e - 1], items[e])]
            if allowed:
                end = allowed[0]
        lines.append("".join(items[start:end]).strip())
        start = end
    return [line for line in lines if line]


@dataclass
class TextBlock:
    lines: list[str]
    font_size: int
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)  # each line's ink box on the cover

    @property
    def bbox(self) -> tuple[int, int, int, int]:
        xs0, ys0, xs1, ys1 = zip(*self.boxes)
        return min(xs0), min(ys0), max(xs1), max(ys1)


@dataclass
class CoverLayout:
    style: str
    size: tuple[int, int]
    safe: tuple[int, int, int, int]  # left, top, right, bottom of the area text stays in
    title: TextBlock | None = None
    subtitle: TextBlock | None = None
    band: tuple[int, int, int, int] | None = None

    @property
    def lines(self) -> list[str]:
        return (self.title.lines if self.title else []) + (self.subtitle.lines if self.subtitle else [])


def _fit(
    text: str, max_width: float, max_height: float, max_lines: int, largest: int, smallest: int, spacing: float
) -> tuple[list[str], ImageFont.FreeTypeFont]:
    size = largest
    while True:
        font = load_font(size)
        lines = wrap(text, font, max_width)
        height = len(lines) * size * (1 + spacing)
        if (len(lines) <= max_lines and height <= max_height) or size <= smallest:
            break
        size = max(smallest, int(size * 0.92))
    if 1 < len(lines) <= max_lines:  # balance the lines: the narrowest width that needs no more of them
        lo, hi = max_width / len(lines), max_width
        for _ in range(10):
            mid = (lo + hi) / 2
            if len(wrap(text, font, mid)) <= len(lines):
                hi = mid
            else:
                lo = mid
        lines = wrap(text, font, hi)
    if len(lines) > max_lines:  # still too long at the smallest size: cut with an ellipsis
        lines = lines[:max_lines]
        last = lines[-1]
        while last and _width(font, last + "…") > max_width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines, font


def _place(
    lines: list[str], font: ImageFont.FreeTypeFont, centre_x: float, top: float, spacing: float, stroke: int
) -> TextBlock:
    size = int(font.size)
    block = TextBlock(lines, size)
    y = top
    for line in lines:
        x0, y0, x1, y1 = font.getbbox(line, stroke_width=stroke, anchor="mt")
        block.boxes.append((int(centre_x + x0), int(y + y0), int(centre_x + x1) + 1, int(y + y1) + 1))
        y += size * (1 + spacing)
    return block


def _block_height(lines: list[str], size: int, spacing: float) -> float:
    return len(lines) * size * (1 + spacing) - size * spacing


def split_title(text: str) -> tuple[str, str]:
    """A cover text may carry its subtitle after a line break or " | "."""
    for sep in ("\n", " | "):
        if sep in text:
            title, subtitle = text.split(sep, 1)
            return title.strip(), " ".join(subtitle.split())
    return text.strip(), ""


def layout_cover(style: str, title: str, subtitle: str = "", size: tuple[int, int] = (1080, 1440)) -> CoverLayout:
    """Where each line goes (no drawing): what ``draw_cover_text`` draws and what tests measure."""
    if style not in STYLES:
        raise UserError(f"Unknown cover style {style!r}: use one of {', '.join(STYLES)}.")
    width, height = size
    safe = (
        round(width * SAFE_X),
        round(height * SAFE_Y),
        width - round(width * SAFE_X),
        height - round(height * SAFE_Y),
    )
    out = CoverLayout(style, size, safe)
    title = " ".join(drawable(title or "").split())
    subtitle = " ".join(drawable(subtitle or "").split())
    if style == "none" or not title:
        return out
    box_w = safe[2] - safe[0]
    unit = width / 1080
    # Room for the outline and shadow so the ink stays inside the safe area too.
    pad = round(14 * unit)
    spacing = 0.18
    if style == "bold":
        lines, font = _fit(
            title, box_w - 2 * pad, (safe[3] - safe[1]) * 0.55, 4, round(150 * unit), round(56 * unit), spacing
        )
        stroke = max(2, int(font.size) // 14)
        h = _block_height(lines, int(font.size), spacing)
        top = height * 0.42 - h / 2
        out.title = _place(lines, font, width / 2, max(safe[1] + pad, top), spacing, stroke)
    elif style == "banner":
        lines, font = _fit(title, box_w - 2 * pad, height * 0.24, 3, round(112 * unit), round(48 * unit), spacing)
        h = _block_height(lines, int(font.size), spacing)
        band_pad = round(36 * unit)
        band_bottom = safe[3]
        band_top = band_bottom - h - 2 * band_pad
        out.band = (0, int(band_top), width, int(band_bottom))
        out.title = _place(lines, font, width / 2, band_top + band_pad, spacing, 0)
    else:  # bilingual
        lines, font = _fit(
            title, box_w - 2 * pad, (safe[3] - safe[1]) * 0.40, 3, round(132 * unit), round(52 * unit), spacing
        )
        stroke = max(2, int(font.size) // 14)
        h = _block_height(lines, int(font.size), spacing)
        sub_lines: list[str] = []
        sub_font: ImageFont.FreeTypeFont | None = None
        if subtitle:
            sub_lines, sub_font = _fit(
                subtitle,
                box_w - 2 * pad,
                (safe[3] - safe[1]) * 0.18,
                2,
                max(28, int(font.size) // 2),
                round(30 * unit),
                0.15,
            )
        gap = round(28 * unit)
        sub_h = _block_height(sub_lines, int(sub_font.size), 0.15) if sub_font else 0
        total = h + (gap + sub_h if sub_lines else 0)
        top = max(safe[1] + pad, height * 0.42 - total / 2)
        out.title = _place(lines, font, width / 2, top, spacing, stroke)
        if sub_lines and sub_font is not None:
            out.subtitle = _place(sub_lines, sub_font, width / 2, top + h + gap, 0.15, max(1, int(sub_font.size) // 12))
    return out


def brightness(image: Image.Image, box: tuple[int, int, int, int]) -> float:
    """Mean luma (0..255) of IMAGE inside BOX."""
    return ImageStat.Stat(image.crop(box).convert("L")).mean[0]


def _draw_block(canvas: Image.Image, block: TextBlock, fill: Color, outline: Color | None, shadow: bool) -> None:
    font = load_font(block.font_size)
    stroke = 0 if outline is None else max(2, block.font_size // 14)
    if shadow:
        layer = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
        d = ImageDraw.Draw(layer)
        offset = max(2, block.font_size // 24)
        for line, box in zip(block.lines, block.boxes):
            cx = (box[0] + box[2]) / 2
            d.text(
                (cx + offset, box[1] + offset - font.getbbox(line, stroke_width=stroke, anchor="mt")[1]),
                line,
                font=font,
                fill=(0, 0, 0, 150),
                anchor="mt",
                stroke_width=stroke,
                stroke_fill=(0, 0, 0, 150),
            )
        canvas.alpha_composite(layer.filter(ImageFilter.GaussianBlur(max(1, block.font_size // 30))))
    d = ImageDraw.Draw(canvas)
    for line, box in zip(block.lines, block.boxes):
        cx = (box[0] + box[2]) / 2
        top = box[1] - font.getbbox(line, stroke_width=stroke, anchor="mt")[1]
        d.text(
            (cx, top),
            line,
            font=font,
            fill=fill,
            anchor="mt",
            stroke_width=stroke,
            stroke_fill=outline if outline is not None else fill,
        )


def draw_cover_text(image: Image.Image, style: str, title: str, subtitle: str = "") -> Image.Image:
    """IMAGE (already the cover's size) with the title drawn on it in STYLE; a new RGB image."""
    layout = layout_cover(style, title, subtitle, image.size)
    base = image.convert("RGBA")
    if layout.title is None:
        return base.convert("RGB")
    region = layout.band or layout.title.bbox
    bright = brightness(image, region) > 140
    if layout.band is not None:
        band = Image.new("RGBA", base.size, (0, 0, 0, 0))
        d = ImageDraw.Draw(band)
        # The band stands out from the picture: dark over bright pictures, light over dark ones.
        colour = (0, 0, 0, 200) if bright else (255, 255, 255, 225)
        x0, y0, x1, y1 = layout.band
        d.rectangle((x0, y0, x1 - 1, y1 - 1), fill=colour)  # PIL's rectangle includes its far edge
        edge = max(6, image.size[0] // 90)
        d.rectangle((x0, y0, x1 - 1, y0 + edge - 1), fill=ACCENT + (255,))
        base.alpha_composite(band)
        _draw_block(base, layout.title, LIGHT if bright else DARK, None, shadow=False)
    else:
        fill, outline = (DARK, LIGHT) if bright else (LIGHT, DARK)
        _draw_block(base, layout.title, fill, outline, shadow=not bright)
        if layout.subtitle is not None:
            _draw_block(base, layout.subtitle, fill, outline, shadow=not bright)
    return base.convert("RGB")
