"""What an import says about the entries it skipped or changed: each note is the English sentence the
CLI prints and the import history keeps (a ``str``), with a code and facts the window words in the
person's language."""

from __future__ import annotations

import enum
from typing import Any


class NoteCode(enum.StrEnum):
    BAD_DATES = "bad_dates"  # posts skipped: their date is not a real date
    NO_OWN_POSTS = "no_own_posts"  # the export's post list is empty
    NOT_A_REGULAR_FILE = "not_a_regular_file"  # a pipe, device or socket in a folder
    OUTSIDE_ARCHIVE = "outside_archive"  # an archive entry whose name points outside it
    CAPTION_CUT = "caption_cut"  # a caption longer than any platform takes
    MEDIA_UNMATCHED = "media_unmatched"  # files in the media folder that matched no post


class ImportNote(str):
    """One note of an import: the English sentence, plus ``code`` and ``facts`` for the window."""

    code: NoteCode
    facts: dict[str, Any]

    def __new__(cls, code: NoteCode, english: str, **facts: Any) -> ImportNote:
        note = super().__new__(cls, english)
        note.code, note.facts = code, facts
        return note
