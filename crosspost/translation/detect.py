"""Which language a caption is in, offline (langdetect, a port of Google's language-detection).

Only the prose is looked at (hashtags, mentions, links and emoji removed). Short or mixed captions
are unreliable to detect, so they fall back to the account's usual language."""

from __future__ import annotations

import regex

from crosspost.translation.protect import TOKEN_RE

MIN_LETTERS = 12
MIN_PROBABILITY = 0.80
_ALIASES = {"zh-cn": "zh", "zh-tw": "zt"}


def detect_language(text: str, fallback: str = "en") -> tuple[str, bool]:
    """(language code, whether it was detected rather than the fallback)."""
    prose = TOKEN_RE.sub(" ", text)
    letters = len(regex.findall(r"\p{L}", prose))
    if letters < MIN_LETTERS:
        return fallback, False
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # deterministic
    try:
        best = detect_langs(prose)[0]
    except LangDetectException:
        return fallback, False
    if best.prob < MIN_PROBABILITY:
        return fallback, False
    return _ALIASES.get(best.lang, best.lang), True
