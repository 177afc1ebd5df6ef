"""Simplified Chinese, always: machine output into ``zh`` goes through OpenCC's Traditional→Simplified
conversion (``t2s``).

OPUS-MT-based en→zh models (Argos's pack among them) drift into Traditional characters inside a
Simplified text, and RedNote readers notice. The conversion touches only what an engine wrote: the
user's glossary terms and sentence edits are laid over it afterwards, exactly as typed.
"""

from __future__ import annotations

import threading
from typing import Any

SIMPLIFIED = "zh"  # Crosspost's code for Simplified Chinese ("zt" is Traditional, left alone)
_converter: Any = None
_lock = threading.Lock()


def _opencc() -> Any:
    global _converter
    with _lock:
        if _converter is None:
            import opencc

            _converter = opencc.OpenCC("t2s")
        return _converter


def to_simplified(text: str) -> str:
    """TEXT with every Traditional character turned Simplified (phrases as OpenCC's t2s has them)."""
    if not text:
        return text
    return str(_opencc().convert(text))


def for_target(text: str, target: str) -> str:
    """Machine output TEXT as it may appear in a TARGET translation."""
    return to_simplified(text) if target == SIMPLIFIED else text
