"""Composing a draft from a post for a platform: title, body, topics, and composition warnings.

- Title: the first sentence of the caption (hashtags, mentions, links and emoji removed), in the
  target language when the layout shows a translation, cut at a word or character boundary to the
  platform's limit (counted the platform's way) with a warning that it was shortened.
- Body: the layout (original / translated / bilingual) from ``translation.layouts``; a trailing
  block of hashtags moves to the topics instead of being pasted twice.
- Topics: the caption's hashtags in order, mapped through the user's glossary topics, at most the
  platform's limit (the extras are listed in a warning, never silently dropped).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from crosspost.platforms import PlatformProfile
from crosspost.platforms.textcount import cut_to
from crosspost.records import Problem
from crosspost.translation.layouts import compose_caption
from crosspost.translation.protect import EMAIL, EMOJI, HASHTAG, MENTION, URL
from crosspost.translation.sentences import split_sentences
from crosspost.values import Layout, ProblemCode

_HASHTAG = regex.compile(HASHTAG)
_MENTION = regex.compile(MENTION)
_URL = regex.compile(URL)
_STRIP = regex.compile("|".join(f"(?:{p})" for p in (URL, EMAIL, HASHTAG, MENTION, EMOJI)))
# The last hashtag before END (and the blanks after it), matched backwards from END: peeling the
# trailing tags off one by one is linear, where one forward pattern for the whole block is not.
_LAST_TAG = regex.compile(rf"(?r)(?:{HASHTAG})\s*")


@dataclass
class Composition:
    title: str
    body: str
    topics: list[str]
    warnings: list[Problem] = field(default_factory=list)


def hashtags(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for m in _HASHTAG.finditer(text or ""):
        seen.setdefault(m.group(0)[1:], None)
    return list(seen)


def title_from(text: str) -> str:
    """The first sentence of TEXT with hashtags, mentions, links and emoji removed."""
    for line in (text or "").splitlines():
        clean = regex.sub(r"\s+", " ", _STRIP.sub(" ", line)).strip(" -—:,")
        if regex.search(r"\p{L}", clean):
            first = split_sentences(clean)[0][0].strip()
            return first
    return ""


def body_without_trailing_tags(text: str) -> str:
    text = text or ""
    end = len(text)
    while (match := _LAST_TAG.match(text, 0, end)) is not None:
        end = match.start()
    return text[:end].rstrip()


def compose(
    profile: PlatformProfile,
    caption: str,
    translation: str | None,
    layout: Layout,
    topics: list[str],
    target_lang: str | None,
    source_lang: str = "en",
) -> Composition:
    layout = Layout.parse(layout, "layout")  # a member (its word is accepted too)
    warnings: list[Problem] = []
    showing_translation = layout.needs_translation and translation
    title = title_from(translation if showing_translation and translation else caption)
    title_limit = profile.limit("title")
    if title_limit is not None:
        counter = profile.text_counting.get("title", "chars")
        title, was_cut = cut_to(title, title_limit.value, counter)
        if was_cut:
            facts = {"limit": title_limit.value, "unit": title_limit.unit, "platform": profile.name}
            warnings.append(Problem(ProblemCode.TITLE_SHORTENED, facts))
    original = body_without_trailing_tags(caption)
    translated = body_without_trailing_tags(translation) if translation else None
    body = (
        compose_caption(original, translated, layout, target_lang=target_lang or "zh", source_lang=source_lang)
        if (layout is Layout.ORIGINAL or translated is not None)
        else original
    )
    topic_limit = profile.limit_value("topics")
    if topic_limit is not None and len(topics) > topic_limit:
        extra = topics[int(topic_limit) :]
        topics = topics[: int(topic_limit)]
        facts = {"limit": topic_limit, "topics": tuple(extra), "platform": profile.name}
        warnings.append(Problem(ProblemCode.TOPICS_LEFT_OUT, facts))
    return Composition(title, body, topics, warnings)


def platform_text_warnings(profile: PlatformProfile, body: str) -> list[Problem]:
    """Warnings about what works against the user on this platform (RedNote: links, mentions)."""
    out = []
    if profile.warnings.get("external_links") and _URL.search(body or ""):
        out.append(Problem(ProblemCode.EXTERNAL_LINK, {"platform": profile.name}))
    if profile.warnings.get("mentions"):
        names = tuple(sorted({m.group(0) for m in _MENTION.finditer(body or "")}))
        if names:
            out.append(Problem(ProblemCode.TIKTOK_NAMES, {"names": names, "platform": profile.name}))
    return out
