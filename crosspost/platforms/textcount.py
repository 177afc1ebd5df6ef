"""Counting text the way each platform does, and cutting it to a limit at a sensible boundary.

- ``rednote_units``: a CJK (or any non-ASCII) character counts 1, an ASCII character 0.5 — the
  RedNote title rule; an emoji or other grapheme cluster counts 1.
- ``x_weighted``: X's weighted length: most Latin text 1, CJK and emoji 2, any URL 23.
- ``graphemes``: user-perceived characters (a family emoji or a flag is one), as Bluesky counts.
- ``chars``: Unicode code points.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

_URL = regex.compile(r"https?://\S+|www\.\S+")
_X_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))


def graphemes(text: str) -> list[str]:
    found: list[str] = regex.findall(r"\X", text or "")
    return found


def rednote_units(text: str) -> float:
    return sum(0.5 if all(ord(c) < 128 for c in g) else 1.0 for g in graphemes(text))


def _x_weight(cluster: str) -> int:
    if len(cluster) > 1 and not cluster.isascii():  # emoji sequences and the like
        return 2
    cp = ord(cluster[0])
    return 1 if any(lo <= cp <= hi for lo, hi in _X_LIGHT) else 2


def x_weighted(text: str) -> float:
    text = text or ""
    total, last = 0, 0
    for m in _URL.finditer(text):
        total += sum(_x_weight(g) for g in graphemes(text[last : m.start()])) + 23
        last = m.end()
    return total + sum(_x_weight(g) for g in graphemes(text[last:]))


COUNTERS = {
    "rednote_units": rednote_units,
    "x_weighted": x_weighted,
    "graphemes": lambda t: float(len(graphemes(t))),
    "chars": lambda t: float(len(t or "")),
}


def count(text: str, counter: str) -> float:
    try:
        counter_fn: Callable[[str], float] = COUNTERS[counter]
        return counter_fn(text)
    except KeyError:
        raise ValueError(f"unknown text counter {counter!r}") from None


def cut_to(text: str, limit: float, counter: str) -> tuple[str, bool]:
    """TEXT cut to at most LIMIT (as COUNTER counts), at a word boundary for spaced scripts or a
    character boundary for CJK; never inside a grapheme. (text, whether it was cut)."""
    if count(text, counter) <= limit:
        return text, False
    clusters = graphemes(text)
    kept: list[str] = []
    for cluster in clusters:
        if count("".join(kept) + cluster, counter) > limit:
            break
        kept.append(cluster)
    result = "".join(kept)
    following = clusters[len(kept)] if len(kept) < len(clusters) else ""
    # In the middle of a Latin word? Go back to the last space, if that keeps something.
    if following and regex.match(r"[\p{Latin}\p{N}]", following) and regex.search(r"[\p{Latin}\p{N}]$", result):
        space = result.rfind(" ")
        if space > 0:
            result = result[:space]
    return result.rstrip(" ,;:-—"), True
