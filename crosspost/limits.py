"""Lengths past which text is not a caption: refused when typed, cut (with a warning) when imported.

TikTok allows 4,000 characters in a caption and no target platform takes more than 5,000, so 20,000
leaves room for any real caption, a translation of it or a bilingual body, while keeping every later
step (drafts, translation, the window's preview) quick.
"""

from __future__ import annotations

from crosspost.errors import UserError

MAX_CAPTION_CHARS = 20_000

# A cover's text (title and subtitle, as typed): at the smallest size a cover holds about 60 Chinese
# or 110 Latin characters in its title and as much again in its subtitle; more would not fit, and
# laying out more made each preview and render take seconds.
MAX_COVER_TEXT_CHARS = 200


def check_text_length(text: str | None, what: str) -> None:
    """A ``UserError`` when TEXT (a caption, a translation, a draft's title or body) is too long."""
    if text is not None and len(text) > MAX_CAPTION_CHARS:
        raise UserError(
            f"The {what} is {len(text):,} characters long; at most {MAX_CAPTION_CHARS:,} are "
            "kept (no platform takes more than 5,000)."
        )


def check_cover_text_length(text: str | None) -> None:
    """A ``UserError`` when TEXT is more than a cover holds."""
    if text is not None and len(text) > MAX_COVER_TEXT_CHARS:
        raise UserError(
            f"The cover text is {len(text):,} characters long; a cover holds at most "
            f"{MAX_COVER_TEXT_CHARS} (more would not fit even at the smallest size)."
        )
