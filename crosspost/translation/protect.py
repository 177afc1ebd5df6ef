"""Splitting a caption into what the engine may translate and what must survive verbatim.

Protected, in place and byte for byte: URLs, e-mail addresses, #hashtags, @mentions, emoji
(including ZWJ sequences, skin tones, keycaps and flags), line breaks, and the user's glossary terms
(replaced by the user's own translation). Only the prose between them reaches the engine; anything
token-like the engine invents (a hashtag, a link, an emoji) is scrubbed from its output, so the
protected tokens of the result are exactly those of the caption.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

URL = r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]}'」』，。！？]"
# Starts only where a run of address characters starts (and never gives any back): tried at every
# position of a long word, the plain form is quadratic (a 50,000-character token took seconds).
EMAIL = r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+"
HASHTAG = r"[#＃][\p{L}\p{N}_\p{M}]+"
MENTION = r"(?<![\w@])@[\p{L}\p{N}_.]*[\p{L}\p{N}_]"
# One emoji "grapheme": flags, keycaps, and pictographs with modifiers/variation selectors/ZWJ chains.
EMOJI = (
    r"(?:\p{Regional_Indicator}{2}"
    r"|[#*0-9]\uFE0F?\u20E3"
    r"|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*"
    r"(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*)"
)
LINE_BREAK = r"\r\n|\n|\r"

TOKEN_RE = regex.compile("|".join(f"(?:{p})" for p in (URL, EMAIL, HASHTAG, MENTION, EMOJI, LINE_BREAK)))


@dataclass(frozen=True)
class Segment:
    text: str
    translate: bool  # True: prose for the engine; False: kept as is (or a glossary translation)


def protected_tokens(text: str) -> list[str]:
    """Every protected token of TEXT, in order (line breaks included)."""
    return [m.group(0) for m in TOKEN_RE.finditer(text)]


def _glossary_regex(terms: dict[str, str]) -> regex.Pattern[str] | None:
    if not terms:
        return None
    return _compiled_glossary(tuple(sorted(terms)))


@functools.lru_cache(maxsize=16)
def _compiled_glossary(terms: tuple[str, ...]) -> regex.Pattern[str]:
    ordered = sorted(terms, key=len, reverse=True)
    parts = []
    for term in ordered:
        escaped = regex.escape(term)
        # Whole words for Latin-script terms; anywhere for CJK terms.
        parts.append(
            rf"(?<![\p{{L}}\p{{N}}]){escaped}(?![\p{{L}}\p{{N}}])" if regex.search(r"\p{Latin}", term) else escaped
        )
    return regex.compile("|".join(parts), regex.IGNORECASE)


def segment(text: str, glossary: dict[str, str] | None = None) -> list[Segment]:
    """TEXT as alternating prose and kept segments; glossary terms become their translations."""
    glossary = glossary or {}
    lookup = {k.lower(): v for k, v in glossary.items()}
    glossary_re = _glossary_regex(glossary)
    segments: list[Segment] = []

    def add_prose(prose: str) -> None:
        if not prose:
            return
        if glossary_re is None:
            segments.append(Segment(prose, True))
            return
        last = 0
        for m in glossary_re.finditer(prose):
            if m.start() > last:
                segments.append(Segment(prose[last : m.start()], True))
            segments.append(Segment(lookup[m.group(0).lower()], False))
            last = m.end()
        if last < len(prose):
            segments.append(Segment(prose[last:], True))

    last = 0
    for m in TOKEN_RE.finditer(text):
        add_prose(text[last : m.start()])
        segments.append(Segment(m.group(0), False))
        last = m.end()
    add_prose(text[last:])
    return segments


_LETTER = regex.compile(r"\p{L}")


def has_words(text: str) -> bool:
    """Whether TEXT holds anything worth translating (letters), not just spaces and punctuation."""
    return _LETTER.search(text) is not None


def scrub(translated: str) -> str:
    """Engine output with any token-like thing it invented removed (see module docstring)."""
    kept: str = TOKEN_RE.sub("", translated)
    return kept.replace("#", "").replace("＃", "")
