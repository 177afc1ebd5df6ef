"""Bluesky rich text: the post text with the draft's topics as visible #tags, and its facets
(links, @mentions resolved to DIDs, tags) with byte offsets into the UTF-8 text; and splitting a long
caption into a thread at sentence boundaries.

Facets index UTF-8 bytes, not characters: ``byteStart`` is the length in bytes of everything before
the feature, ``byteEnd`` that plus the feature's own bytes (end exclusive).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from crosspost.platforms.textcount import count, graphemes
from crosspost.translation.protect import URL
from crosspost.translation.sentences import split_sentences

MAX_GRAPHEMES = 300
_URL = regex.compile(URL)
# A Bluesky handle is a domain name: at least two labels.
_MENTION = regex.compile(
    r"(?<![\w@])@((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)"
)
_NAME = regex.compile(r"(?<![\w@])@[\p{L}\p{N}_.-]*[\p{L}\p{N}_]")
_TAG = regex.compile(r"(?<![\w#＃])[#＃]([\p{L}\p{N}_\p{M}]*[\p{L}_\p{M}][\p{L}\p{N}_\p{M}]*)")


@dataclass
class RichText:
    text: str
    facets: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _byte_range(text: str, start: int, end: int) -> dict[str, Any]:
    before = len(text[:start].encode("utf-8"))
    return {"byteStart": before, "byteEnd": before + len(text[start:end].encode("utf-8"))}


def tag_of(topic: str) -> str:
    """A topic as a Bluesky tag: no '#', no spaces (they would end the tag)."""
    tag: str = regex.sub(r"[\s#＃]+", "", topic)
    return tag


def with_topics(body: str, topics: list[str]) -> str:
    """BODY with the topics it does not show yet appended as a line of #tags."""
    body = (body or "").rstrip()
    present = {m.group(1).lower() for m in _TAG.finditer(body)}
    tags = []
    for topic in topics:
        tag = tag_of(topic)
        if tag and tag.lower() not in present:
            present.add(tag.lower())
            tags.append("#" + tag)
    if not tags:
        return body
    return f"{body}\n\n{' '.join(tags)}" if body else " ".join(tags)


def facets_for(text: str, resolve: Callable[[str], str | None] | None = None) -> RichText:
    """TEXT's facets. RESOLVE maps a handle to its DID (None when it does not resolve)."""
    result = RichText(text)
    taken: list[tuple[int, int]] = []
    for m in _URL.finditer(text):
        uri = m.group(0)
        if uri.startswith("www."):
            uri = "https://" + uri
        result.facets.append(
            {
                "index": _byte_range(text, m.start(), m.end()),
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": uri}],
            }
        )
        taken.append((m.start(), m.end()))

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    cache: dict[str, str | None] = {}
    unresolved: list[str] = []
    for m in _NAME.finditer(text):
        if not free(m.start(), m.end()):
            continue
        full = _MENTION.match(text, m.start())
        did = None
        if full and full.end() == m.end():
            handle = full.group(1).lower()
            if handle not in cache:
                cache[handle] = resolve(handle) if resolve else None
            did = cache[handle]
        if did:
            result.facets.append(
                {
                    "index": _byte_range(text, m.start(), m.end()),
                    "features": [{"$type": "app.bsky.richtext.facet#mention", "did": did}],
                }
            )
            taken.append((m.start(), m.end()))
        elif m.group(0) not in unresolved:
            unresolved.append(m.group(0))
    if unresolved:
        result.warnings.append(
            f"{', '.join(unresolved)} {'is' if len(unresolved) == 1 else 'are'} not "
            "Bluesky account" + ("" if len(unresolved) == 1 else "s") + " that could be found; left as plain text."
        )
    for m in _TAG.finditer(text):
        if not free(m.start(), m.end()):
            continue
        tag = m.group(1)
        if len(tag) > 64:
            continue
        result.facets.append(
            {
                "index": _byte_range(text, m.start(), m.end()),
                "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": tag}],
            }
        )
    result.facets.sort(key=lambda f: f["index"]["byteStart"])
    return result


def _cut_words(text: str, limit: int) -> list[str]:
    """One over-long sentence cut at spaces (or between graphemes for unspaced scripts)."""
    parts, current = [], ""
    for word in regex.findall(r"\S+\s*", text) if " " in text.strip() else graphemes(text):
        if count(current + word, "graphemes") > limit and current.strip():
            parts.append(current.rstrip())
            current = ""
        while count(word, "graphemes") > limit:
            g = graphemes(word)
            parts.append("".join(g[:limit]))
            word = "".join(g[limit:])
        current += word
    if current.strip():
        parts.append(current.rstrip())
    return parts


def split_thread(text: str, limit: int = MAX_GRAPHEMES) -> list[str]:
    """TEXT as posts of at most LIMIT graphemes each, cut at sentence boundaries (at words only
    where one sentence is longer than a post)."""
    if count(text, "graphemes") <= limit:
        return [text]
    pieces: list[str] = []
    for paragraph in regex.split(r"(\n\s*\n)", text):
        if not paragraph.strip():
            if pieces:
                pieces[-1] += paragraph
            continue
        for sentence, space in split_sentences(paragraph):
            pieces.append(sentence + space)
    posts: list[str] = []
    current = ""
    for piece in pieces:
        if count((current + piece).rstrip(), "graphemes") <= limit:
            current += piece
            continue
        if current.strip():
            posts.append(current.strip())
        current = ""
        if count(piece.rstrip(), "graphemes") > limit:
            cut = _cut_words(piece.strip(), limit)
            posts.extend(cut[:-1])
            current = cut[-1] + " "
        else:
            current = piece
    if current.strip():
        posts.append(current.strip())
    return posts
