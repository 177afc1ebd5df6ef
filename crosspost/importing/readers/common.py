"""Turning one raw post entry (a dict from JSON, or the fields of a TXT block) into a ``PostRecord``."""

from __future__ import annotations

from typing import Any

from crosspost.importing.records import (
    PostRecord,
    clean,
    key_of,
    media_from_link,
    parse_date,
    parse_int,
)

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
DATE_KEYS = ("Date", "CreateTime", "Create Time")
LINK_KEYS = ("Link", "VideoLink", "Video Link", "Links", "Media")

# Every field an entry can hold, by its key as compared (``key_of``): (field, rank). Where an era
# spells a field several ways, the lowest rank wins (the order of the names above), as ``get`` did.
_FIELD_OF: dict[str, tuple[str, int]] = {}
for _field, _names in [
    ("date", DATE_KEYS),
    ("link", LINK_KEYS),
    *FIELD_KEYS.items(),
    *((f"privacy.{name}", keys) for name, keys in PRIVACY_FIELDS.items()),
]:
    for _rank, _name in enumerate(_names):
        _FIELD_OF.setdefault(key_of(_name), (_field, _rank))
# The same table by the keys exactly as exports spell them, so most keys need no ``key_of`` at all.
_EXACT: dict[str, tuple[str, int]] = {}
for _field, _names in [
    ("date", DATE_KEYS),
    ("link", LINK_KEYS),
    *FIELD_KEYS.items(),
    *((f"privacy.{name}", keys) for name, keys in PRIVACY_FIELDS.items()),
]:
    for _name in _names:
        _EXACT[_name] = _FIELD_OF[key_of(_name)]
_NOT_A_FIELD = ("", 0)


def fields_of(entry: dict[str, Any]) -> dict[str, Any]:
    """ENTRY's values by field name, in one pass over its keys (an unknown key costs one look-up).
    A field spelled more than one way takes the value of its first spelling in ``FIELD_KEYS``."""
    found: dict[str, Any] = {}
    ranks: dict[str, int] = {}
    exact, by_key = _EXACT, _FIELD_OF
    for key, value in entry.items():
        hit = exact.get(key)
        if hit is None:
            hit = by_key.get(key_of(key), _NOT_A_FIELD) if isinstance(key, str) else _NOT_A_FIELD
            if hit is _NOT_A_FIELD:
                continue
        name, rank = hit
        if name in found and ranks[name] < rank:
            continue  # (one key spelled twice, as in "Title" and "title": the last one counts)
        found[name] = value
        ranks[name] = rank
    return found


def record_from_entry(
    entry: dict[str, Any], *, deleted: bool = False, skipped: list[str] | None = None
) -> PostRecord | None:
    """A post record, or None when the entry has no usable date (the post's identity); the date as
    written is then added to SKIPPED, so the import can say what it left out.

    One pass over the entry's keys (``fields_of``), then each field's clean-up: an export's post is
    a handful of keys, and a 10,000-post export is read at close to the JSON parser's own speed."""
    if not isinstance(entry, dict):
        return None
    fields = fields_of(entry)
    raw_date = fields.get("date")
    created_at = parse_date(raw_date)
    if created_at is None:
        if skipped is not None:
            shown = text_of(raw_date) if not isinstance(raw_date, (int, float)) else repr(raw_date)
            skipped.append((shown or "no date")[:40])
        return None
    record = PostRecord(created_at=created_at, deleted=deleted)
    present = record.present
    present.update(name for name in fields if name not in ("date", "link"))
    record.caption = text_of(fields.get("caption")) or ""
    record.likes = parse_int(fields.get("likes"))
    record.collections = parse_int(fields.get("collections"))
    record.sound = text_of(fields.get("sound"))
    record.location = text_of(fields.get("location"))
    record.add_yours_text = text_of(fields.get("add_yours_text"))
    record.alt_text = text_of(fields.get("alt_text"))
    record.cover_url = text_of(fields.get("cover_url"))
    record.deleted_at = parse_date(fields.get("deleted_at"))
    if record.deleted_at:
        record.deleted = True
    if not record.deleted:
        present.add("deleted_at")  # a live post has no deletion date, whatever was known
    for name in PRIVACY_FIELDS:
        value = text_of(fields.get(f"privacy.{name}"))
        if value is not None:
            record.privacy[name] = value
    record.media = media_from_link(fields.get("link"))
    return record
