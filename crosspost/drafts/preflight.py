"""Preflight: every problem of a draft against its platform, each with a level (``error`` blocks
export, ``warning`` informs), the field, a code a face can offer a fix for, and a neutral sentence.

A pure function of the draft, the platform profile and the facts it needs (which files exist and
how big they are, whether the translation is there); the drafts store loads those facts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from crosspost.drafts.compose import platform_text_warnings
from crosspost.drafts.richtext import split_thread, with_topics
from crosspost.platforms import PlatformProfile
from crosspost.platforms.textcount import count
from crosspost.records import Draft, Problem
from crosspost.values import MediaKind, ProblemLevel

ERROR, WARNING = ProblemLevel.ERROR, ProblemLevel.WARNING


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
    name = profile.display_name["en"]
    problems: list[Problem] = []

    def add(level: ProblemLevel, field: str, message: str, code: str) -> None:
        problems.append(Problem(level, field, message, code))

    for part in ("title", "body"):
        limit = profile.limit(part)
        if limit is None or (part == "body" and profile.publish_api and draft.thread):
            continue  # a thread splits a long body
        used = count(getattr(draft, part), profile.text_counting.get(part, "chars"))
        if used > limit.value:
            add(
                ERROR,
                part,
                f"The {part} is {used:g} {limit.unit} long; {name} allows {limit.value:g}.",
                f"{part}_too_long",
            )
    if profile.limit("title") is not None and not draft.title.strip():
        add(WARNING, "title", f"The title is empty; {name} notes with a short, punchy title do better.", "title_empty")
    topic_limit = profile.limit_value("topics")
    if topic_limit is not None and len(draft.topics) > topic_limit:
        add(ERROR, "topics", f"{len(draft.topics)} topics; {name} allows {topic_limit:g}.", "too_many_topics")
    if draft.layout.needs_translation and not facts.translation_present:
        add(
            ERROR,
            "body",
            f"The {draft.layout} layout needs a {draft.target_lang} translation of the post.",
            "no_translation",
        )
    elif draft.layout.needs_translation and facts.doubtful_sentences:
        n = facts.doubtful_sentences
        add(
            WARNING,
            "body",
            f"{n} sentence{'s' if n > 1 else ''} may be mistranslated: what the translation "
            "says back is far from your caption.",
            "doubtful_sentences",
        )
    for w in platform_text_warnings(profile, draft.body):
        add(WARNING, w["field"], w["message"], w.get("code", "platform_text"))
    problems += api_problems(draft, profile)
    problems += cover_problems(draft, profile)

    local = [m for m in draft.media if facts.exists(m.source)]
    if not local:
        add(ERROR, "media", "The post has no media on disk yet.", "no_media")
        return problems
    images = [m for m in local if m.kind is MediaKind.IMAGE]
    videos = [m for m in local if m.kind is MediaKind.VIDEO]
    image_limit = profile.limit_value("images")
    if images and (profile.image is None or (image_limit is not None and len(images) > image_limit)):
        allowed = 0 if profile.image is None else int(image_limit or 0)
        add(
            ERROR,
            "media",
            f"{len(images)} photos; {name} takes {allowed if allowed else 'no'} photos per post.",
            "too_many_photos",
        )
    if videos and profile.video is None:
        add(ERROR, "media", f"{name} takes no videos.", "no_videos")
    max_seconds = profile.limit_value("video_duration")
    for m in videos:
        if max_seconds and m.duration and m.duration > max_seconds:
            add(
                ERROR,
                "media",
                f"The video is {m.duration:.0f} s long; {name} takes at most {max_seconds:.0f} s.",
                "video_too_long",
            )
    rendered = [m for m in local if facts.exists(m.rendered)]
    if len(rendered) < len(local):
        add(ERROR, "media", f"The media is not rendered for {name} yet.", "not_rendered")
    size_caps = {MediaKind.IMAGE: profile.limit_value("image_size"), MediaKind.VIDEO: profile.limit_value("video_size")}
    spec = {MediaKind.IMAGE: profile.image, MediaKind.VIDEO: profile.video}
    for m in rendered:
        assert m.rendered is not None
        size = facts.file_sizes[m.rendered]
        cap = size_caps.get(m.kind)
        file_name = Path(m.rendered).name
        if cap and size > cap:
            add(
                ERROR,
                "media",
                f"{file_name} is {size / 1e6:.1f} MB; {name} takes at most {cap / 1e6:.0f} MB.",
                "file_too_large",
            )
        s = spec.get(m.kind)
        if s is not None and not _aspect_ok(m.rendered_width, m.rendered_height, s.aspects):
            add(
                ERROR,
                "media",
                f"{file_name} is {m.rendered_width}×{m.rendered_height}; {name} accepts {', '.join(s.aspects)}.",
                "wrong_aspect",
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
    name = profile.display_name["en"]
    problems = []
    limit = profile.limit("body")
    text = post_text(draft, profile)
    used = count(text, "graphemes")
    if limit is not None and used > limit.value and count(draft.body, "graphemes") <= limit.value and not draft.thread:
        problems.append(
            Problem(
                ERROR,
                "body",
                f"With its #tags the post is {used:g} graphemes long; {name} allows "
                f"{limit.value:g}. Shorten it, or publish it as a thread.",
                "tags_too_long",
            )
        )
    if draft.thread and limit is not None and used > limit.value:
        parts = len(split_thread(text, int(limit.value)))
        problems.append(Problem(WARNING, "body", f"The caption goes out as a thread of {parts} posts.", "thread"))
    missing = [i for i, m in enumerate(draft.sources, 1) if not (draft.alt_texts.get(m.media) or "").strip()]
    if missing:
        which = ", ".join(str(i) for i in missing)
        one = len(missing) == 1
        problems.append(
            Problem(
                WARNING,
                "alt_text",
                f"Media {which} {'has' if one else 'have'} no alt text; people "
                f"using screen readers on {name} will not know what {'it shows' if one else 'they show'}.",
                "no_alt_text",
            )
        )
    return problems


def cover_problems(draft: Draft, profile: PlatformProfile) -> list[Problem]:
    """A warning when the cover's text (its own, else the title) holds what the cover font cannot draw
    (a script it lacks, emoji only, stray combining marks): left out, or a cover with no title."""
    styles = tuple(profile.cover_text.get("styles", ()))
    text = draft.cover_text or draft.title
    if draft.cover_style == "none" or draft.cover_style not in styles or not text.strip():
        return []
    from crosspost.media.cover_text import cover_text_problem, split_title

    problem = cover_text_problem(*split_title(text))
    return [] if problem is None else [Problem(WARNING, "cover", problem, "cover_text_undrawable")]


def is_ok(problems: Iterable[Problem]) -> bool:
    return not any(p.is_error for p in problems)
