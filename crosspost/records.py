"""Typed records: what leaves the store.

Frozen dataclasses, built by the core's store functions (``crosspost.posts``, ``crosspost.drafts``)
and read by both faces. The JSON shapes of the outside contract are produced at the edge by each
record's ``to_json()``; nothing else builds those dicts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from crosspost.values import DraftStatus, Fit, Layout, MediaKind, ProblemLevel


@dataclass(frozen=True)
class Media:
    """One photo or video of a post: the export's link and/or a file on disk."""

    id: int
    position: int
    kind: MediaKind
    url: str | None
    path: str | None
    expires_at: str | None
    origin: str = "export"
    size: int | None = None
    sha256: str | None = None
    mime: str | None = None
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    focus: tuple[float, float] | None = None
    gone_at: str | None = None  # when the export's link answered GONE_STATUS (403/404/410): the file is lost
    gone_status: int | None = None

    @property
    def gone(self) -> bool:
        """Not on disk, and its link answered that the file is no longer there."""
        return self.gone_at is not None and not self.path

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "position": self.position,
            "kind": str(self.kind),
            "url": self.url,
            "path": self.path,
            "expires_at": self.expires_at,
            "origin": self.origin,
            "size": self.size,
            "sha256": self.sha256,
            "mime": self.mime,
            "width": self.width,
            "height": self.height,
            "duration": self.duration,
            "focus": list(self.focus) if self.focus is not None else None,
            "gone": self.gone,
            "gone_status": self.gone_status if self.gone else None,
        }


@dataclass(frozen=True)
class Translation:
    lang: str
    text: str
    edited: bool
    source_lang: str | None = None
    pack: str | None = None
    pack_version: str | None = None
    pivot: str | None = None
    updated_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "text": self.text,
            "edited": self.edited,
            "from": self.source_lang,
            "pack": self.pack,
            "pack_version": self.pack_version,
            "pivot": self.pivot,
            "updated_at": self.updated_at,
        }


@dataclass(frozen=True)
class Post:
    """One imported post with its media and translations.

    ``caption`` is the text in use: the user's own when ``caption_edited``, else TikTok's.
    ``tiktok_caption`` is TikTok's latest text (the same as ``caption`` unless edited);
    ``caption_changed_on_tiktok`` says a newer export brought a different text than the one the
    user edited from. ``topics`` and ``title`` are the user's own choices (None: from the caption).
    """

    id: int
    source: str
    account: str | None
    created_at: str
    caption: str
    likes: int | None
    collections: int | None
    deleted: bool
    deleted_at: str | None
    sound: str | None
    location: str | None
    add_yours_text: str | None
    alt_text: str | None
    cover_url: str | None
    privacy: Mapping[str, Any]
    media: tuple[Media, ...] = ()
    translations: tuple[Translation, ...] = ()
    caption_edited: bool = False
    tiktok_caption: str = ""
    caption_changed_on_tiktok: bool = False
    topics: tuple[str, ...] | None = None
    title: str | None = None
    planned_at: str | None = None  # "2025-02-14T18:30" (local time), copied to new drafts
    notes: str = ""
    written_in: str | None = None  # the language the user says the caption is in (None: detected)

    def translation(self, lang: str | None) -> Translation | None:
        return next((t for t in self.translations if t.lang == lang), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "account": self.account,
            "created_at": self.created_at,
            "caption": self.caption,
            "caption_edited": self.caption_edited,
            "tiktok_caption": self.tiktok_caption,
            "caption_changed_on_tiktok": self.caption_changed_on_tiktok,
            "likes": self.likes,
            "collections": self.collections,
            "deleted": self.deleted,
            "deleted_at": self.deleted_at,
            "sound": self.sound,
            "location": self.location,
            "add_yours_text": self.add_yours_text,
            "alt_text": self.alt_text,
            "cover_url": self.cover_url,
            "privacy": dict(self.privacy),
            "topics": list(self.topics) if self.topics is not None else None,
            "title": self.title,
            "planned_at": self.planned_at,
            "notes": self.notes,
            "written_in": self.written_in,
            "media": [m.to_json() for m in self.media],
            "translations": [t.to_json() for t in self.translations],
        }


@dataclass(frozen=True)
class LibraryRow:
    """What the window's library shows of a post: light, one query for all posts."""

    id: int
    created_at: str
    caption: str
    likes: int | None
    deleted: bool
    deleted_at: str | None
    media_count: int
    media_on_disk: int
    first_path: str | None
    first_kind: MediaKind | None
    langs: tuple[str, ...]
    earliest_expiry: str | None
    caption_edited: bool
    media_gone: int = 0  # items not on disk whose link answered 403/404/410


@dataclass(frozen=True)
class ExpirySummary:
    """When the export's media links (of files not yet on disk) stop working."""

    links: int  # links whose file is not on disk yet
    earliest: str | None  # ISO-8601 UTC; None when no link has a known expiry
    expired: bool  # every link still needed has expired (EARLIEST is then the latest of them)
    expired_links: int = 0  # links still needed that have expired


@dataclass(frozen=True)
class Problem:
    """One preflight finding. ``code`` names the kind (so a face can offer the fix);
    ``message`` is a neutral sentence."""

    level: ProblemLevel
    field: str
    message: str
    code: str = ""

    @property
    def is_error(self) -> bool:
        return self.level is ProblemLevel.ERROR

    def to_json(self) -> dict[str, Any]:
        return {"level": str(self.level), "field": self.field, "message": self.message, "code": self.code}


@dataclass(frozen=True)
class DraftMedia:
    """A draft's copy of one post media: where the source is and where its render went.
    ``extra`` keeps what a render recorded beyond these fields (round-tripped untouched)."""

    media: int
    kind: MediaKind
    source: str | None
    rendered: str | None = None
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    size: int | None = None
    rendered_width: int | None = None
    rendered_height: int | None = None
    render_method: str | None = None  # "copy": the original's picture data kept; "encode"
    render_reasons: tuple[str, ...] = ()  # why it was re-encoded
    render_key: str | None = None  # everything the rendered file depends on (see drafts.render)
    extra: Mapping[str, Any] = field(default_factory=dict)

    _FIELDS = (
        "media",
        "kind",
        "source",
        "rendered",
        "width",
        "height",
        "duration",
        "size",
        "rendered_width",
        "rendered_height",
        "render_method",
        "render_reasons",
        "render_key",
    )

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> DraftMedia:
        known: dict[str, Any] = {k: d.get(k) for k in cls._FIELDS}
        known["kind"] = MediaKind(known["kind"])
        known["render_reasons"] = tuple(known["render_reasons"] or ())
        return cls(**known, extra={k: v for k, v in d.items() if k not in cls._FIELDS})

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self._FIELDS}
        out["kind"] = str(self.kind)
        out["render_reasons"] = list(self.render_reasons)
        return {**dict(self.extra), **out}

    def replace(self, **changes: Any) -> DraftMedia:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class Draft:
    """A post prepared for one platform."""

    id: int
    post_id: int
    platform: str
    layout: Layout
    target_lang: str | None
    status: DraftStatus
    title: str
    body: str
    topics: tuple[str, ...]
    media: tuple[DraftMedia, ...]
    cover: str | None
    fit: Fit | None
    planned_at: str | None
    notes: str
    exported_to: str | None
    posted_at: str | None
    posted_url: str | None
    created_at: str
    updated_at: str
    edited_fields: frozenset[str] = frozenset()
    cover_style: str = "none"  # the title style on the cover (the platform's default unless set)
    cover_text: str | None = None  # the text on the cover (None: the title)
    thread: bool = False  # publish a caption over the limit as a thread of replies
    alt_texts: Mapping[int, str] = field(default_factory=dict)  # media id → alt text
    posted_uri: str | None = None  # the platform's own id of the published post (at://…)

    @property
    def sources(self) -> list[DraftMedia]:
        """The media the draft has a file for, in order (what "media 1, 2…" count)."""
        return [m for m in self.media if m.source]

    @property
    def media_paths(self) -> list[str]:
        """The files the draft uses: the rendered file where there is one, else the source."""
        return [p for m in self.media if (p := m.rendered or m.source)]

    def to_json(self, problems: list[Problem] | tuple[Problem, ...] = ()) -> dict[str, Any]:
        """The contract's draft shape, plus detail."""
        return {
            "id": self.id,
            "post": self.post_id,
            "platform": self.platform,
            "status": str(self.status),
            "title": self.title,
            "body": self.body,
            "topics": list(self.topics),
            "media": self.media_paths,
            "problems": [p.to_json() for p in problems],
            "layout": str(self.layout),
            "lang": self.target_lang,
            "cover": self.cover,
            "fit": str(self.fit) if self.fit else None,
            "planned_at": self.planned_at,
            "notes": self.notes,
            "exported_to": self.exported_to,
            "posted_at": self.posted_at,
            "posted_url": self.posted_url,
            "updated_at": self.updated_at,
            "edited_fields": sorted(self.edited_fields),
            "cover_style": self.cover_style,
            "cover_text": self.cover_text or self.title,
            "thread": self.thread,
            "posted_uri": self.posted_uri,
            "alt_texts": [self.alt_texts.get(m.media, "") for m in self.sources],
            "media_detail": [m.to_dict() for m in self.media],
        }


@dataclass(frozen=True)
class CheckedDraft:
    """A draft with its preflight problems (what list, show and create return)."""

    draft: Draft
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def to_json(self) -> dict[str, Any]:
        return self.draft.to_json(self.problems)
