"""Sentence splitting for captions, offline and without a model.

Captions are short and informal; a rule-based splitter is predictable and costs nothing. It splits
after . ! ? … and their full-width forms (。！？), keeping the punctuation with its sentence, and
does not split inside common abbreviations or decimal numbers. Whitespace between sentences is kept
so the caption can be put back together exactly.
"""

from __future__ import annotations

import regex

ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "vs", "etc", "e.g", "i.e", "no", "jr", "sr", "approx"}
_LAST_WORD = regex.compile(r"([\p{L}.]+)\.$")
_BOUNDARY = regex.compile(r"(?<=[.!?…]+[\"'”’)\]]*)\s+|(?<=[。！？]+[」』”’）]*)\s*")


def split_sentences(text: str) -> list[tuple[str, str]]:
    """TEXT as (sentence, whitespace that followed it) pairs; ''.join of both gives TEXT back."""
    parts: list[tuple[str, str]] = []
    last = 0
    for m in _BOUNDARY.finditer(text):
        if m.end() >= len(text) or m.start() == last:
            continue
        before = text[last : m.start()]
        word = _LAST_WORD.search(before)
        if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
            continue
        parts.append((before, text[m.start() : m.end()]))
        last = m.end()
    parts.append((text[last:], ""))
    # Leading/trailing whitespace of the whole text stays outside the sentences.
    return [(s, ws) for s, ws in parts if s or ws]
