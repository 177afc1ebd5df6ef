"""Turning one raw post entry (a dict from JSON, or the fields of a TXT block) into a ``PostRecord``."""

from __future__ import annotations

import functools
from typing import Any

from crosspost.importing.records import (
    PostRecord,
    clean,
    key_of,
    media_from_link,
    normalized,
    parse_date,
    parse_int,
)
from crosspost.importing.records import get as get_any

# Privacy and interaction settings kept with the post (a creator re-posting wants them at hand).
PRIVACY_FIELDS = {
    "who_can_view": ("WhoCanView", "Who can view"),
    "allow_comments": ("AllowComments", "Allow comments"),
    "allow_duets": ("AllowDuets", "Allow duets"),
    "allow_stitches": ("AllowStitches", "Allow stitches"),
    "allow_stickers": ("AllowStickers", "Allow stickers"),
    "allow_sharing_to_story": ("AllowSharingToStory", "Allow sharing to story"),
    "content_disclosure": ("ContentDisclosure", "Content disclosure"),
    "ai_generated_content": ("AIGeneratedContent", "AI-generated content", "AI generated content"),
}


def text_of(value: Any) -> str | None:
    value = clean(value)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        return None
    return str(value)


def _has(entry: dict[str, Any], *names: str) -> bool:
    return any(key_of(name) in entry for name in names)


FIELD_KEYS = {
    "caption": ("Title", "Caption", "Description", "Desc"),
    "likes": ("Likes", "Like(s)", "LikeCount", "Like Count"),
    "collections": ("NumberOfCollections", "Number of collections"),
    "sound": ("Sound",),
    "location": ("Location",),
    "add_yours_text": ("AddYoursText", "Add yours text"),
    "alt_text": ("AlternateText", "Alternate text", "AltText"),
    "cover_url": ("CoverImage", "Cover image", "Cover"),
    "deleted_at": ("DateDeleted", "Date deleted", "DeletedDate"),
}


def record_from_entry(
    entry: dict[str, Any], *, deleted: bool = False, skipped: list[str] | None = None
) -> PostRecord | None:
    """A post record, or None when the entry has no usable date (the post's identity); the date as
    written is then added to SKIPPED, so the import can say what it left out."""
    if not isinstance(entry, dict):
        return None
    entry = normalized(entry)
    get = functools.partial(get_any, keys_normalized=True)
    raw_date = get(entry, "Date", "CreateTime", "Create Time")
    created_at = parse_date(raw_date)
    if created_at is None:
        if skipped is not None:
            shown = text_of(raw_date) if not isinstance(raw_date, (int, float)) else repr(raw_date)
            skipped.append((shown or "no date")[:40])
        return None
    record = PostRecord(created_at=created_at, deleted=deleted)
    record.present = {name for name, keys in FIELD_KEYS.items() if _has(entry, *keys)}
    record.caption = text_of(get(entry, "Title", "Caption", "Description", "Desc")) or ""
    record.likes = parse_int(get(entry, "Likes", "Like(s)", "LikeCount", "Like Count"))
    record.collections = parse_int(get(entry, "NumberOfCollections", "Number of collections"))
    record.sound = text_of(get(entry, "Sound"))
    record.location = text_of(get(entry, "Location"))
    record.add_yours_text = text_of(get(entry, "AddYoursText", "Add yours text"))
    record.alt_text = text_of(get(entry, "AlternateText", "Alternate text", "AltText"))
    record.cover_url = text_of(get(entry, "CoverImage", "Cover image", "Cover"))
    record.deleted_at = parse_date(get(entry, "DateDeleted", "Date deleted", "DeletedDate"))
    if record.deleted_at:
        record.deleted = True
    if not record.deleted:
        record.present.add("deleted_at")  # a live post has no deletion date, whatever was known
    for name, keys in PRIVACY_FIELDS.items():
        if _has(entry, *keys):
            record.present.add(f"privacy.{name}")
        value = text_of(get(entry, *keys))
        if value is not None:
            record.privacy[name] = value
    record.media = media_from_link(get(entry, "Link", "VideoLink", "Video Link", "Links", "Media"))
    return record
