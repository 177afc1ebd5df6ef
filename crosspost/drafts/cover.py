"""A draft's cover with its title on it: which style and text it uses, drawing it for render and
export, and a preview for the window.

``drafts render`` keeps the plain cover frame as ``cover-plain.jpg`` next to ``cover.jpg`` (the one
with the text), so changing the style or text later redraws the cover without rendering again."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from crosspost.errors import UserError
from crosspost.media.cover_styles import STYLES
from crosspost.platforms import PlatformProfile, get_profile
from crosspost.records import Draft
from crosspost.values import Layout, MediaKind

if TYPE_CHECKING:  # Pillow and the font load only when a cover is drawn, not when drafts are listed
    from PIL import Image

    from crosspost.store import Store

PLAIN_NAME = "cover-plain.jpg"


def styles_for(profile: PlatformProfile) -> tuple[str, ...]:
    """The cover styles a platform's covers take ("none" only when its covers carry no title)."""
    return tuple(profile.cover_text.get("styles", ())) or ("none",)


def check_style(profile: PlatformProfile, style: str) -> str:
    if style not in STYLES:
        raise UserError(f"Unknown cover style {style!r}: use one of {', '.join(STYLES)}.")
    if style not in styles_for(profile):
        raise UserError(f"{profile.display_name['en']} covers carry no title text; the only cover style there is none.")
    return style


def style_of(d: Draft) -> str:
    """The draft's cover style: its own, else its platform's default (the drafts store fills it in)."""
    return d.cover_style


def texts_of(store: Store, d: Draft) -> tuple[str, str]:
    """(title, subtitle) for the cover: the cover text (default: the draft's title); a subtitle after a
    line break in it, else, for a bilingual draft, the title in the caption's own language."""
    from crosspost.media.cover_text import split_title

    title, subtitle = split_title(d.cover_text or d.title or "")
    if not subtitle and d.layout is Layout.BILINGUAL:
        from crosspost.drafts.compose import title_from
        from crosspost.posts import get_post

        original = title_from(get_post(store, d.post_id).caption)
        if original and original != title:
            subtitle = original
    return title, subtitle


def cover_image(
    store: Store, d: Draft, plain: Image.Image, style: str | None = None, text: str | None = None
) -> Image.Image:
    """PLAIN (the cover frame at the cover's size) with the draft's title drawn in its style (or in
    STYLE / with TEXT when given: the window's live preview)."""
    from crosspost.media.cover_text import draw_cover_text

    if text is not None:
        d = dataclasses.replace(d, cover_text=text)
    title, subtitle = texts_of(store, d)
    return draw_cover_text(plain, style or style_of(d), title, subtitle)


def write_cover(store: Store, d: Draft, plain_path: Path, out: Path) -> Path:
    from PIL import Image

    from crosspost.media.images import atomic_write, encode_jpeg

    with Image.open(plain_path) as plain:
        plain.load()
        image = cover_image(store, d, plain)
    data, _ = encode_jpeg(image)
    atomic_write(Path(out), data)
    return Path(out)


def plain_cover_of(d: Draft) -> Path | None:
    if not d.cover:
        return None
    plain = Path(d.cover).with_name(PLAIN_NAME)
    return plain if plain.is_file() else None


def refresh_cover(store: Store, d: Draft) -> Path | None:
    """Redraw the rendered cover after the style, the text or the title changed (nothing to do
    before the draft is rendered)."""
    plain = plain_cover_of(d)
    if plain is None or d.cover is None:
        return None
    return write_cover(store, d, plain, Path(d.cover))


def preview_base(d: Draft, size: tuple[int, int] = (1080, 1440)) -> Image.Image:
    """The cover frame without text, for the window's live preview: the rendered frame when there is
    one, else the draft's first photo or video frame fitted to the cover's size."""
    from PIL import Image

    from crosspost.media.cover import extract_cover
    from crosspost.media.images import fit_image, load_image
    from crosspost.media.targets import Target

    plain_path = plain_cover_of(d)
    if plain_path is not None:
        with Image.open(plain_path) as im:
            plain = im.convert("RGB")
    else:
        first = next((m for m in d.media if m.source and Path(m.source).is_file()), None)
        if first is None or first.source is None:
            plain = Image.new("RGB", size, (60, 60, 60))
        else:
            source = extract_cover(first.source, None) if first.kind is MediaKind.VIDEO else load_image(first.source)
            profile = get_profile(d.platform)
            plain = fit_image(source.convert("RGB"), Target(size[0], size[1], d.fit or profile.default_fit))
    return plain if plain.size == size else plain.resize(size)


def preview(
    store: Store, d: Draft, style: str | None = None, text: str | None = None, base: Image.Image | None = None
) -> Image.Image:
    """The cover as it will look in STYLE with TEXT (default: the draft's own), over BASE (default:
    ``preview_base``; pass a smaller copy for a fast live preview: the layout scales with the width)."""
    return cover_image(store, d, base if base is not None else preview_base(d), style, text)
