"""A cover with its title on it, the way RedNote covers look: large type over the chosen frame or photo.

Styles: ``bold`` (a big centred title), ``banner`` (the title on a band across the lower part),
``bilingual`` (the title plus a smaller subtitle, e.g. the English original, under it) and ``none``.

The text is drawn with Pillow in the CJK font the app ships (``crosspost/resources/fonts``), never a
system font: sized to fit, wrapped by Chinese line-breaking rules (no line starts with closing
punctuation such as ，。！？）」, none ends with opening punctuation such as （「), kept inside safe
margins, and readable on any background: light text with a dark outline and shadow over dark
pictures, dark text with a light outline over bright ones; the banner's band is chosen from the
brightness under it too (a dark band over a bright picture, a light one over a dark picture).

Lines break between words: Chinese runs are cut into words by a segmenter (``rjieba``), so a word
such as 日记 or 鸟类 is never split over two lines when a break between words fits, and a break at
the boundary between scripts (Latin and Chinese) is preferred over one inside either. A cover holds
at most ``MAX_COVER_TEXT_CHARS`` characters (more would not fit even at the smallest size); longer
text is cut there before any layout, so drawing stays fast whatever the title.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageStat

from crosspost.errors import UserError
from crosspost.limits import MAX_COVER_TEXT_CHARS
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


def _invisible(ch: str) -> bool:
    """Format characters (joiners) and variation selectors: nothing to draw, nothing lost."""
    return unicodedata.category(ch) == "Cf" or 0xFE00 <= ord(ch) <= 0xFE0F


def _keeps(ch: str) -> bool:
    # A combining mark left after composing (NFC) has no precomposed form the font could draw; drawn
    # alone it lands as a box or on a dotted circle, so it is left out like a missing glyph.
    return not _invisible(ch) and not unicodedata.category(ch).startswith("M") and has_glyph(ch)


def drawable(text: str) -> str:
    """TEXT without what the font cannot draw (emoji, scripts it lacks, stray combining marks would be
    boxes on the cover); composed first, so e + U+0301 is drawn as é."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if _keeps(ch))


def undrawable(text: str) -> str:
    """The characters of TEXT the cover leaves out that carry meaning (letters, digits, marks,
    punctuation of a script the font lacks), each once, in order; emoji and symbols are left out
    quietly, as a cover never shows them."""
    seen: dict[str, None] = {}
    for ch in unicodedata.normalize("NFC", text):
        if ch.isspace() or _invisible(ch) or _keeps(ch) or unicodedata.category(ch)[0] == "S":
            continue
        seen.setdefault(ch, None)
    return "".join(seen)


def undrawn_cover_text(title: str, subtitle: str = "") -> dict[str, Any] | None:
    """The facts of a ``cover_text_undrawable`` problem when the font cannot draw the cover text:
    ``blank`` (none of the title: the cover would carry no title), ``missing`` (the first 12
    characters it cannot draw) and ``more`` (there are others); None when it draws all that matters."""
    title, subtitle = title[:MAX_COVER_TEXT_CHARS], subtitle[:MAX_COVER_TEXT_CHARS]
    missing = undrawable(title + subtitle)
    blank = bool(title.strip() and not drawable(title).strip())
    if not blank and not missing:
        return None
    return {"blank": blank, "missing": tuple(missing[:12]), "more": len(missing) > 12}


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF
        or 0x20000 <= o <= 0x3FFFF
        or 0x3000 <= o <= 0x303F
    )


@functools.lru_cache(maxsize=1)
def _segmenter() -> Callable[[str], list[str]]:
    import rjieba  # loads its dictionary (~0.5 s): only once Chinese text is wrapped

    return rjieba.cut


def _words(run: str) -> list[str]:
    """A run of Chinese characters cut into words (each character alone when the segmenter is
    missing, as before)."""
    try:
        cut = _segmenter()
    except ImportError:
        return list(run)
    words = [w for w in cut(run) if w]
    return words if "".join(words) == run else list(run)


def tokens(text: str) -> list[str]:
    """Units a line may break between: each Chinese word (a run of CJK characters cut by the
    segmenter), a Latin word with its trailing spaces, punctuation attached to nothing in particular
    (the rules below keep it in place)."""
    out: list[str] = []
    word = ""
    run = ""
    for ch in text:
        if _is_cjk(ch) and ch not in CLOSING and ch not in OPENING:
            if word:
                out.append(word)
                word = ""
            run += ch
            continue
        if run:
            out.extend(_words(run))
            run = ""
        if ch in CLOSING or ch in OPENING:
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
    if run:
        out.extend(_words(run))
    if word:
        out.append(word)
    return out


def _can_break(before: str, after: str) -> bool:
    return after.lstrip()[:1] not in CLOSING and before.rstrip()[-1:] not in OPENING


def _script_boundary(before: str, after: str) -> bool:
    """Whether a break between BEFORE and AFTER falls between scripts (Latin and Chinese)."""
    a, b = before.rstrip()[-1:], after.lstrip()[:1]
    return bool(a and b) and _is_cjk(a) != _is_cjk(b)


# A break at the boundary between scripts (or at a space) is taken over a later one inside a run when
# the line it ends is at least this full (a fuller line is worth more than the nicer break).
SCRIPT_BREAK_FILL = 0.5


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
    """Greedy fill, breaking only where Chinese line-breaking rules allow (unless no allowed break
    fits). Among the allowed breaks of a line: one between scripts or at a space first (when the line
    is at least half full), then one between words, and inside a Chinese word only when nothing else
    fits."""
    items: list[str] = []
    inside: set[int] = set()  # i: the break before items[i] falls inside a Chinese word
    for token in tokens(" ".join(text.split())):
        if _width(font, token) > max_width:
            items.extend(_split_long(token, font, max_width))
        elif len(token) > 1 and all(_is_cjk(ch) for ch in token):
            inside.update(range(len(items) + 1, len(items) + len(token)))
            items.extend(token)
        else:
            items.append(token)
    lines: list[str] = []
    start = 0
    while start < len(items):
        end = start + 1
        while end < len(items) and _width(font, "".join(items[start : end + 1])) <= max_width:
            end += 1
        if end < len(items):
            allowed = [e for e in range(end, start, -1) if _can_break(items[e - 1], items[e])]
            between_words = [e for e in allowed if e not in inside]
            preferred = [
                e
                for e in between_words
                if (_script_boundary(items[e - 1], items[e]) or items[e - 1].endswith(" "))
                and _width(font, "".join(items[start:e])) >= SCRIPT_BREAK_FILL * max_width
            ]
            for choice in (preferred, between_words, allowed):
                if choice:
                    end = choice[0]
                    break
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
    title = " ".join(drawable((title or "")[:MAX_COVER_TEXT_CHARS]).split())
    subtitle = " ".join(drawable((subtitle or "")[:MAX_COVER_TEXT_CHARS]).split())
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
        radius = max(1, block.font_size // 30)
        ink = layer.getbbox()
        if ink is not None:
            # Blurred around the shadow's ink only (the rest of the layer is clear and stays clear):
            # the same pixels as blurring the whole cover, for a tenth of the work. The margin is
            # wider than the blur reaches (three box passes of at most radius + 1 each).
            margin = 4 * radius + 4
            box = (
                max(0, ink[0] - margin),
                max(0, ink[1] - margin),
                min(canvas.width, ink[2] + margin),
                min(canvas.height, ink[3] + margin),
            )
            canvas.alpha_composite(layer.crop(box).filter(ImageFilter.GaussianBlur(radius)), dest=box[:2])
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
