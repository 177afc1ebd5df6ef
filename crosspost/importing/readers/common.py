"""Turning one raw post entry (a dict from JSON, or the fields of a TXT block) into a ``PostRecord``."""

from __future__ import annotations

import functools
from typing import Any

from crosspost.importing.records import (
    PostRecord,
    clean,
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


def record_from_entry(entry: dict[str, Any], *, deleted: bool = False) -> PostRecord | None:
    """A post record, or None when the entry has no usable date (the post's identity)."""
    if not isinstance(entry, dict):
        return None
    entry = normalized(entry)
    get = functools.partial(get_any, keys_normalized=True)
    created_at = parse_date(get(entry, "Date", "CreateTime", "Create Time"))
    if created_at is None:
        return None
    record = PostRecord(created_at=created_at, deleted=deleted)
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
    for name, keys in PRIVACY_FIELDS.items():
        value = text_of(get(entry, *keys))
        if value is not None:
            record.privacy[name] = value
    record.media = media_from_link(get(entry, "Link", "VideoLink", "Video Link", "Links", "Media"))
    return record
