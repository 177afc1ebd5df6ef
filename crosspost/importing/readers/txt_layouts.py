"""The TXT exports: a folder tree of ``.txt`` files, one per section.

| layout     | file                          | block fields                                                     |
|------------|-------------------------------|------------------------------------------------------------------|
| txt-videos | ``Videos/Videos.txt`` (~2020) | Date, Video Link, Like(s)                                        |
| txt-posts  | ``…/Posts.txt`` (~2025)       | Date (… UTC), Link, Like(s), Who can view, Title (may span      |
|            |                               | lines), Sound, Allow …                                           |

A field starts with a known label and a colon; any other line continues the previous field (a caption
with several lines). A ``Date:`` line starts a new post. Only the files named here are ever opened:
messages, watch history and the rest of the export are never read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from crosspost.errors import ExportFault, ExportUnreadable
from crosspost.importing.readers.common import record_from_entry
from crosspost.importing.records import PostRecord, Profile, clean, key_of
from crosspost.importing.sources import Entry, ExportSource

KNOWN_LABELS = [
    "Date",
    "Date Deleted",
    "Link",
    "Video Link",
    "Like(s)",
    "Likes",
    "Who can view",
    "Title",
    "Caption",
    "Sound",
    "Location",
    "Allow comments",
    "Allow duets",
    "Allow stitches",
    "Allow stickers",
    "Allow sharing to story",
    "Content disclosure",
    "AI-generated content",
    "Add yours text",
    "Cover image",
    "Alternate text",
    "Number of collections",
]
_LABEL = re.compile(
    r"^(" + "|".join(re.escape(label) for label in sorted(KNOWN_LABELS, key=len, reverse=True)) + r")\s*:\s?(.*)$",
    re.IGNORECASE,
)
NO_DATA = "you have no data in this section"

PROFILE_FILES = {"profileinfotxt", "profileinformationtxt", "profiletxt"}
PUBLIC_PROFILE_LABELS = {"username": "username", "nickname": "display_name", "biodescription": "bio", "bio": "bio"}


def decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExportUnreadable(
            ExportFault.NOT_UTF8, name, f"{name} is not UTF-8 text; it is not a TikTok export as TikTok writes it."
        ) from None


def parse_blocks(text: str) -> Iterator[dict[str, str]]:
    """The post blocks of a TXT section as label → value dicts (multi-line values joined)."""
    if text.strip().lower().startswith(NO_DATA):
        return
    block: dict[str, list[str]] = {}  # the lines of each value, joined once (a long caption stays linear)
    last: str | None = None
    for line in text.splitlines():
        match = _LABEL.match(line.strip()) if line.strip() else None
        if match:
            label, value = match.group(1), match.group(2)
            if key_of(label) == "date" and "Date" in block:
                yield _joined(block)
                block, last = {}, None
            canonical = next(k for k in KNOWN_LABELS if k.lower() == label.lower())
            block[canonical] = [value.strip()]
            last = canonical
        elif last is not None and last in ("Title", "Caption", "Alternate text"):
            block[last].append(line.rstrip())
        elif last is not None and not line.strip():
            continue
    if block:
        yield _joined(block)


def _joined(block: dict[str, list[str]]) -> dict[str, str]:
    return {label: "\n".join(lines) for label, lines in block.items()}


def records_from_text(text: str, *, deleted: bool = False, skipped: list[str] | None = None) -> Iterator[PostRecord]:
    for block in parse_blocks(text):
        for caption_field in ("Title", "Caption"):
            if caption_field in block:
                block[caption_field] = block[caption_field].strip("\n")
        record = record_from_entry(block, deleted=deleted, skipped=skipped)
        if record:
            yield record


def profile_from_text(text: str) -> Profile:
    profile = Profile()
    for line in text.splitlines():
        if ":" not in line:
            continue
        label, _, value = line.partition(":")
        attr = PUBLIC_PROFILE_LABELS.get(key_of(label))
        if attr and getattr(profile, attr) is None:
            setattr(profile, attr, clean(value))
    return profile


@dataclass(frozen=True)
class TxtLayout:
    name: str
    file_keys: tuple[str, ...]  # key_of() of the post file's name

    def post_files(self, entries: list[Entry]) -> list[Entry]:
        return [e for e in entries if key_of(e.basename) in self.file_keys]


TXT_LAYOUTS = [
    TxtLayout("txt-posts", ("poststxt",)),
    TxtLayout("txt-videos", ("videostxt", "videotxt")),
]
DELETED_FILE_KEYS = ("recentlydeletedpoststxt", "deletedpoststxt", "recentlydeletedvideostxt")


def read_txt(
    source: ExportSource,
    entries: list[Entry],
    layout: TxtLayout,
    on_bytes: Callable[[int], None] = lambda n: None,
    skipped: list[str] | None = None,
) -> tuple[Profile, list[PostRecord]]:
    records: list[PostRecord] = []
    for entry in layout.post_files(entries):
        records.extend(records_from_text(_read(source, entry, on_bytes), skipped=skipped))
    for entry in entries:
        if key_of(entry.basename) in DELETED_FILE_KEYS:
            records.extend(records_from_text(_read(source, entry, on_bytes), deleted=True, skipped=skipped))
    profile = Profile()
    for entry in entries:
        if key_of(entry.basename) in PROFILE_FILES:
            profile = profile_from_text(_read(source, entry, on_bytes))
            break
    return profile, records


MAX_TXT_BYTES = 256 * 1024**2


def _read(source: ExportSource, entry: Entry, on_bytes: Callable[[int], None]) -> str:
    with source.open(entry) as stream:
        data = stream.read(MAX_TXT_BYTES + 1)
    if len(data) > MAX_TXT_BYTES:
        raise ExportUnreadable(
            ExportFault.TOO_LARGE,
            entry.name,
            f"{entry.name} is larger than any TikTok post list ({MAX_TXT_BYTES // 1024**2} MB).",
            limit=f"{MAX_TXT_BYTES // 1024**2} MB",
        )
    on_bytes(len(data))
    return decode(data, entry.name)
