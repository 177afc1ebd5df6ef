"""Which language a caption is in, offline (Lingua: n-gram models that hold up on short text).

Only the prose is looked at (hashtags, mentions, links and emoji removed). Detection is restricted
to the languages that matter: the ones the user has packs for plus the account's usual language. A
caption with too few letters, or one Lingua is too unsure about, is taken to be in the usual
language: a creator who writes in English most of the time wrote "Recipe: grandma's apple pie 🥧 — 3
apples, 200g flour" in English, not in French.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex

from crosspost.translation.protect import TOKEN_RE

if TYPE_CHECKING:
    from lingua import Language, LanguageDetector

MIN_LETTERS = 10
MIN_CONFIDENCE = 0.75  # below this share of Lingua's confidence the caption counts as "too unsure"
# Leaving the usual language takes stronger evidence: "Croissant taste test: 5 bakeries" is 75% French
# among English, French and Chinese, and still English.
MIN_CONFIDENCE_AWAY = 0.90
USUAL_SAMPLE = 200  # captions looked at to find an account's usual language
DEFAULT_LANGUAGE = "en"
# Crosspost's codes that Lingua names differently (zt: Traditional Chinese, told apart by script only).
_TO_LINGUA = {"zt": "ZH", "no": "NB"}


def _prose(text: str) -> str:
    return TOKEN_RE.sub(" ", text or "")


def letter_count(text: str) -> int:
    """Letters in TEXT's prose; a Chinese, Japanese or Korean character counts as three (it carries
    about a word: 周末在海边的照片 is as clear as a ten-letter phrase)."""
    prose = _prose(text)
    dense = len(regex.findall(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]", prose))
    return len(regex.findall(r"\p{L}", prose)) + 2 * dense


@functools.cache
def _language_of(code: str) -> Language | None:
    from lingua import IsoCode639_1, Language

    iso = getattr(IsoCode639_1, _TO_LINGUA.get(code, code.upper()), None)
    if iso is None:
        return None
    try:
        return Language.from_iso_code_639_1(iso)
    except ValueError:
        return None


def _code_of(language: Language, candidates: frozenset[str]) -> str:
    code = language.iso_code_639_1.name.lower()
    if code == "zh" and "zh" not in candidates and "zt" in candidates:
        return "zt"
    if code == "nb" and "nb" not in candidates and "no" in candidates:
        return "no"
    return code


@functools.cache
def _detector(codes: frozenset[str]) -> LanguageDetector | None:
    from lingua import LanguageDetectorBuilder

    languages = {lang for lang in (_language_of(c) for c in codes) if lang is not None}
    if len(languages) < 2:
        return None
    builder = LanguageDetectorBuilder.from_languages(*languages)
    if len(languages) > 12:  # the broad detector (usual language): fast to build, good on whole captions
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def _broad_codes() -> frozenset[str]:
    from crosspost.translation.pipeline import KNOWN_CODES

    return frozenset(c for c in KNOWN_CODES if c != "zt" and _language_of(c) is not None)


def detect_language(
    text: str, fallback: str = DEFAULT_LANGUAGE, candidates: Iterable[str] | None = None
) -> tuple[str, bool]:
    """(language code, whether it was detected rather than the fallback). CANDIDATES: the languages
    it may be (the fallback is always one); None: every language Crosspost knows."""
    prose = _prose(text)
    if letter_count(prose) < MIN_LETTERS:
        return fallback, False
    codes = _broad_codes() if candidates is None else frozenset(candidates)
    codes = codes | {fallback}
    if len(codes) == 1:
        return fallback, False
    detector = _detector(codes)
    if detector is None:
        return fallback, False
    values = detector.compute_language_confidence_values(prose)
    if not values or values[0].value < MIN_CONFIDENCE:
        return fallback, False
    code = _code_of(values[0].language, codes)
    if code != fallback and values[0].value < MIN_CONFIDENCE_AWAY:
        return fallback, False
    return code, True


def usual_language(captions: Iterable[str]) -> str:
    """The language most of CAPTIONS are confidently detected in (among every language Crosspost
    knows), or English when none is."""
    counts: Counter[str] = Counter()
    for caption in captions:
        code, detected = detect_language(caption, DEFAULT_LANGUAGE, None)
        if detected:
            counts[code] += 1
    return counts.most_common(1)[0][0] if counts else DEFAULT_LANGUAGE
