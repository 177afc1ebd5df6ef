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


# quickmt's models were trained on sentences cut by blingfire (a finite-state splitter shipped
# inside its wheel: no model download), so Crosspost cuts the same way for them; quickmt also joins
# a fragment shorter than this to the sentence before it.
_SHORT_FRAGMENT = 5


def split_sentences_blingfire(text: str) -> list[tuple[str, str]]:
    """TEXT as (sentence, whitespace) pairs cut where blingfire cuts (``''.join`` gives TEXT back);
    the rule-based ``split_sentences`` when blingfire is not installed or its offsets do not fit."""
    if not text.strip():
        return split_sentences(text)
    try:
        import blingfire

        _, offsets = blingfire.text_to_sentences_and_offsets(text)
    except (ImportError, AssertionError, OSError, ValueError):
        return split_sentences(text)
    starts = [int(a) for a, _ in offsets]
    if not starts or any(b <= a for a, b in zip(starts, starts[1:])) or starts[-1] >= len(text):
        return split_sentences(text)
    cuts = [0, *starts[1:], len(text)]
    parts: list[tuple[str, str]] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        sentence = piece.rstrip()
        ws = piece[len(sentence) :]
        if parts:
            before, space = parts[-1]
            word = _LAST_WORD.search(before)
            abbreviation = bool(word and word.group(1).lower().rstrip(".") in ABBREVIATIONS)
            if abbreviation or len(sentence.strip()) < _SHORT_FRAGMENT:
                parts[-1] = (before + space + sentence, ws)
                continue
        parts.append((sentence, ws))
    return [(s, ws) for s, ws in parts if s or ws]
