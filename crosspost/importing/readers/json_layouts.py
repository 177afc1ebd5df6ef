"""The JSON exports (``user_data_tiktok.json`` / ``user_data.json``), one layout per era.

All eras are read in the same single streaming pass (``json_scan``); the layout is then recognised
from what the post section looks like, and its entries go through the shared ``record_from_entry``.

| layout     | post list                               | deleted posts                                   |
|------------|-----------------------------------------|-------------------------------------------------|
| json-2019  | Video → Videos → VideoList (`VideoLink`) | —                                               |
| json-2023  | Video → Videos → VideoList (`Link`)     | Video → RecentlyDeletedPosts → PostList          |
| json-2025  | Post → Posts → VideoList                | Post → Recently Deleted Posts → PostList         |
| json-2026  | as 2025; top-level "Profile And Settings" | as 2025                                       |
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from crosspost.importing.json_scan import JsonSections
from crosspost.importing.readers.common import record_from_entry
from crosspost.importing.records import PostRecord, get, key_of

LIST_KEYS = ("VideoList", "PostList", "Videos", "Posts", "List")
OWN_KEYS = ("Videos", "Posts", "Video", "Post", "Posts and Videos")
DELETED_KEYS = (
    "RecentlyDeletedPosts",
    "Recently Deleted Posts",
    "DeletedPosts",
    "Deleted Posts",
    "RecentlyDeletedVideos",
    "Recently Deleted Videos",
)


def _as_list(value: Any) -> list[Any]:
    """A post list: a list, a dict holding one under a known key, or nothing (null, {}, "")."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        inner = get(value, *LIST_KEYS)
        return inner if isinstance(inner, list) else []
    return []


@dataclass(frozen=True)
class JsonLayout:
    name: str
    section: str  # key_of() of the post section
    link_key: str  # key_of() of the entries' link field
    profile_section: str | None = None  # key_of() of the profile section, when it tells eras apart

    def matches(self, section_key: str, entries: list[Any], sections: JsonSections) -> bool:
        if key_of(section_key) != self.section:
            return False
        if self.profile_section and key_of(sections.profile_key or "") != self.profile_section:
            return False
        with_links = [e for e in entries[:20] if isinstance(e, dict)]
        if not with_links:
            return True
        return any(self.link_key in {key_of(k) for k in e} for e in with_links)


# Most specific first: the first layout that matches wins.
JSON_LAYOUTS = [
    JsonLayout("json-2026", "post", "link", profile_section="profileandsettings"),
    JsonLayout("json-2025", "post", "link"),
    JsonLayout("json-2019", "video", "videolink"),
    JsonLayout("json-2023", "video", "link"),
]


def own_and_deleted(section: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    own = _as_list(get(section, *OWN_KEYS))
    deleted = _as_list(get(section, *DELETED_KEYS))
    return own, deleted


def classify(section_key: str, section: dict[str, Any], sections: JsonSections) -> str:
    own, deleted = own_and_deleted(section)
    for layout in JSON_LAYOUTS:
        if layout.matches(section_key, own or deleted, sections):
            return layout.name
    return f"json-{key_of(section_key)}"


def records_from_sections(
    sections: JsonSections, skipped: list[str] | None = None
) -> tuple[str | None, Iterator[PostRecord]]:
    """The layout name and the post records of every post section found (the dates of entries
    left out for want of a real date go to SKIPPED)."""
    layout = None
    batches = []
    for section_key, section in sections.post_sections:
        own, deleted = own_and_deleted(section)
        if not own and not deleted and not _looks_like_post_section(section):
            continue
        layout = layout or classify(section_key, section, sections)
        batches.append((own, deleted))

    def records() -> Iterator[PostRecord]:
        for own, deleted in batches:
            for entry in own:
                record = record_from_entry(entry, skipped=skipped)
                if record:
                    yield record
            for entry in deleted:
                record = record_from_entry(entry, deleted=True, skipped=skipped)
                if record:
                    yield record

    return layout, records()


def _looks_like_post_section(section: dict[str, Any]) -> bool:
    keys = {key_of(k) for k in section}
    return bool(keys & {key_of(k) for k in OWN_KEYS + DELETED_KEYS})
