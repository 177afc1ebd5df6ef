"""Preflight: every problem of a draft against its platform, each with a level (``error`` blocks
export, ``warning`` informs), the field, a code a face can offer a fix for, and a neutral sentence.

A pure function of the draft, the platform profile and the facts it needs (which files exist and
how big they are, whether the translation is there); the drafts store loads those facts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosspost.drafts.compose import platform_text_warnings
from crosspost.drafts.richtext import split_thread, with_topics
from crosspost.platforms import PlatformProfile
from crosspost.platforms.textcount import count
from crosspost.records import Draft, Problem
from crosspost.values import MediaKind, ProblemCode


@dataclass(frozen=True)
class PreflightFacts:
    """What preflight needs to know beyond the draft and the profile."""

    translation_present: bool
    file_sizes: Mapping[str, int] = field(default_factory=dict)  # path → bytes, for files that exist
    doubtful_sentences: int = 0  # sentences whose back-translation is far from the caption (last check)

    def exists(self, path: str | None) -> bool:
        return path is not None and path in self.file_sizes

    @classmethod
    def gather(cls, draft: Draft, translation_present: bool, doubtful_sentences: int = 0) -> PreflightFacts:
        """Look up the draft's files on disk (the only I/O preflight needs)."""
        sizes = {}
        for m in draft.media:
            for path in (m.source, m.rendered):
                if path:
                    try:
                        sizes[path] = Path(path).stat().st_size
                    except OSError:
                        pass
        return cls(translation_present, sizes, doubtful_sentences)


def _ratio(text: str) -> float:
    a, b = text.split(":")
    return float(a) / float(b)


def _aspect_ok(width: int | None, height: int | None, aspects: Iterable[str]) -> bool:
    aspects = list(aspects)
    if not width or not height or not aspects:
        return True
    return any(abs(width / height - _ratio(a)) < 0.02 for a in aspects)


def preflight(draft: Draft, profile: PlatformProfile, facts: PreflightFacts) -> list[Problem]:
    platform = profile.name
    problems: list[Problem] = []

    def add(code: ProblemCode, **values: Any) -> None:
        problems.append(Problem(code, values))

    for part, code in (("title", ProblemCode.TITLE_TOO_LONG), ("body", ProblemCode.BODY_TOO_LONG)):
        limit = profile.limit(part)
        if limit is None or (part == "body" and profile.publish_api and draft.thread):
            continue  # a thread splits a long body
        used = count(getattr(draft, part), profile.text_counting.get(part, "chars"))
        if used > limit.value:
            add(code, used=used, unit=limit.unit, limit=limit.value, platform=platform)
    if profile.limit("title") is not None and not draft.title.strip():
        add(ProblemCode.TITLE_EMPTY, platform=platform)
    topic_limit = profile.limit_value("topics")
    if topic_limit is not None and len(draft.topics) > topic_limit:
        add(ProblemCode.TOO_MANY_TOPICS, count=len(draft.topics), limit=topic_limit, platform=platform)
    if draft.layout.needs_translation and not facts.translation_present:
        add(ProblemCode.NO_TRANSLATION, layout=draft.layout, lang=draft.target_lang)
    elif draft.layout.needs_translation and facts.doubtful_sentences:
        add(ProblemCode.DOUBTFUL_SENTENCES, count=facts.doubtful_sentences)
    problems += platform_text_warnings(profile, draft.body)
    problems += api_problems(draft, profile)
    problems += cover_problems(draft, profile)

    local = [m for m in draft.media if facts.exists(m.source)]
    if not local:
        add(ProblemCode.NO_MEDIA)
        return problems
    images = [m for m in local if m.kind is MediaKind.IMAGE]
    videos = [m for m in local if m.kind is MediaKind.VIDEO]
    image_limit = profile.limit_value("images")
    if images and (profile.image is None or (image_limit is not None and len(images) > image_limit)):
        allowed = 0 if profile.image is None else int(image_limit or 0)
        add(ProblemCode.TOO_MANY_PHOTOS, count=len(images), allowed=allowed, platform=platform)
    if videos and profile.video is None:
        add(ProblemCode.NO_VIDEOS, platform=platform)
    max_seconds = profile.limit_value("video_duration")
    for m in videos:
        if max_seconds and m.duration and m.duration > max_seconds:
            add(ProblemCode.VIDEO_TOO_LONG, seconds=m.duration, max_seconds=max_seconds, platform=platform)
    rendered = [m for m in local if facts.exists(m.rendered)]
    if len(rendered) < len(local):
        add(ProblemCode.NOT_RENDERED, platform=platform)
    size_caps = {MediaKind.IMAGE: profile.limit_value("image_size"), MediaKind.VIDEO: profile.limit_value("video_size")}
    spec = {MediaKind.IMAGE: profile.image, MediaKind.VIDEO: profile.video}
    for m in rendered:
        assert m.rendered is not None
        size = facts.file_sizes[m.rendered]
        cap = size_caps.get(m.kind)
        file_name = Path(m.rendered).name
        if cap and size > cap:
            add(ProblemCode.FILE_TOO_LARGE, file=file_name, size=size, max_size=cap, platform=platform)
        s = spec.get(m.kind)
        if s is not None and not _aspect_ok(m.rendered_width, m.rendered_height, s.aspects):
            add(
                ProblemCode.WRONG_ASPECT,
                file=file_name,
                width=m.rendered_width,
                height=m.rendered_height,
                aspects=tuple(s.aspects),
                platform=platform,
            )
    return problems


def post_text(draft: Draft, profile: PlatformProfile) -> str:
    """The text an API post carries: the body, with the topics as #tags where the platform wants them."""
    return with_topics(draft.body, list(draft.topics)) if profile.topics_in_body else draft.body


def api_problems(draft: Draft, profile: PlatformProfile) -> list[Problem]:
    """What only matters when publishing through the platform's API (Bluesky): the text with its
    #tags within the limit (or a thread), and alt text for every photo and video."""
    if not profile.publish_api:
        return []
    problems = []
    limit = profile.limit("body")
    text = post_text(draft, profile)
    used = count(text, "graphemes")
    if limit is not None and used > limit.value and count(draft.body, "graphemes") <= limit.value and not draft.thread:
        problems.append(
            Problem(ProblemCode.TAGS_TOO_LONG, {"used": used, "limit": limit.value, "platform": profile.name})
        )
    if draft.thread and limit is not None and used > limit.value:
        parts = len(split_thread(text, int(limit.value)))
        problems.append(Problem(ProblemCode.THREAD, {"parts": parts}))
    missing = tuple(i for i, m in enumerate(draft.sources, 1) if not (draft.alt_texts.get(m.media) or "").strip())
    if missing:
        problems.append(Problem(ProblemCode.NO_ALT_TEXT, {"media": missing, "platform": profile.name}))
    return problems


def cover_problems(draft: Draft, profile: PlatformProfile) -> list[Problem]:
    """A warning when the cover's text (its own, else the title) holds what the cover font cannot draw
    (a script it lacks, emoji only, stray combining marks): left out, or a cover with no title."""
    styles = tuple(profile.cover_text.get("styles", ()))
    text = draft.cover_text or draft.title
    if draft.cover_style == "none" or draft.cover_style not in styles or not text.strip():
        return []
    from crosspost.media.cover_text import split_title, undrawn_cover_text

    facts = undrawn_cover_text(*split_title(text))
    return [] if facts is None else [Problem(ProblemCode.COVER_TEXT_UNDRAWABLE, facts)]


def is_ok(problems: Iterable[Problem]) -> bool:
    return not any(p.is_error for p in problems)
