"""The registry of export readers: JSON layouts (one streaming pass, then the era is recognised) and
TXT layouts (one file each). Every reader produces the same ``PostRecord``s and ``Profile``.

To support a new layout, add a ``JsonLayout`` to ``json_layouts.JSON_LAYOUTS`` or a ``TxtLayout`` to
``txt_layouts.TXT_LAYOUTS`` with a fixture in ``tests/exports.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from crosspost.errors import ExportFault, ExportUnreadable
from crosspost.importing.json_scan import scan_json
from crosspost.importing.notes import ImportNote, NoteCode
from crosspost.importing.readers.json_layouts import JSON_LAYOUTS, records_from_sections
from crosspost.importing.readers.txt_layouts import TXT_LAYOUTS, read_txt
from crosspost.importing.records import PostRecord, Profile, key_of
from crosspost.importing.sources import Entry, ExportSource, ZipSource
from crosspost.progress import NEVER_CANCELLED, CancelToken

JSON_NAMES = ("userdatatiktokjson", "userdatajson")
LAYOUT_NAMES = [layout.name for layout in JSON_LAYOUTS] + [layout.name for layout in TXT_LAYOUTS]


@dataclass
class ExportRead:
    layout: str
    profile: Profile
    records: list[PostRecord]
    warnings: list[str] = field(default_factory=list)


def _json_candidates(entries: list[Entry]) -> list[Entry]:
    jsons = [e for e in entries if e.name.lower().endswith(".json")]
    named = [e for e in jsons if key_of(e.basename) in JSON_NAMES]
    return named or jsons


def read_export(
    source: ExportSource,
    on_bytes: Callable[[int], None] = lambda n: None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ExportRead:
    entries = source.entries()
    label = source.path.name
    if not entries:
        if isinstance(source, ZipSource):
            raise ExportUnreadable(
                ExportFault.NO_EXPORT_FILES,
                label,
                f"{label} holds no TikTok export (no .json or .txt files inside). Check that this is "
                'the zip from TikTok\'s "Download your data".',
            )
        raise ExportUnreadable(
            ExportFault.NO_EXPORT_FILES,
            label,
            f"{label} holds no TikTok export (no .json or .txt files). Choose the export's zip, its "
            "unpacked folder, or its user_data_tiktok.json.",
        )

    for entry in _json_candidates(entries):
        cancel.check()
        with source.open(entry) as stream:
            sections = scan_json(stream, entry.name if entry.name != label else label, on_bytes, cancel)
        skipped: list[str] = []
        layout, records = records_from_sections(sections, skipped)
        if layout is None and sections.profile_key is None:
            continue
        return _checked(
            ExportRead(layout=layout or "json-no-posts", profile=sections.profile, records=list(records)),
            entry.name,
            skipped,
        )

    for txt_layout in TXT_LAYOUTS:
        if txt_layout.post_files(entries):
            skipped = []
            profile, txt_records = read_txt(source, entries, txt_layout, on_bytes, skipped)
            return _checked(ExportRead(layout=txt_layout.name, profile=profile, records=txt_records), label, skipped)

    raise ExportUnreadable(
        ExportFault.NO_POST_LIST,
        label,
        f"{label} is not a TikTok export: none of its files holds TikTok's post list "
        "(user_data_tiktok.json, Posts.txt or Videos.txt). Check that this is the export from "
        'TikTok\'s "Download your data".',
    )


def _checked(read: ExportRead, name: str, skipped: Sequence[str] = ()) -> ExportRead:
    if skipped:
        shown = ", ".join(repr(s) for s in skipped[:5]) + (f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")
        read.warnings.append(
            ImportNote(
                NoteCode.BAD_DATES,
                f"Skipped {len(skipped)} post(s) in {name} whose date is not a real date ({shown}).",
                count=len(skipped),
                name=name,
                shown=shown,
            )
        )
    if not read.records:
        read.warnings.append(
            ImportNote(
                NoteCode.NO_OWN_POSTS,
                f"{name} has no posts of yours in it (the export's post list is empty).",
                name=name,
            )
        )
    return read
