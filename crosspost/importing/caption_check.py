"""Settling the captions migration 0011 could not judge: was a caption written before 0006 TikTok's
text, or one the user edited in the window (which saved over TikTok's text, with no mark)?

TikTok's text of each such post is in the export file the import history names (when it is still
there and unchanged: its SHA-256 matches), or in the export being imported now when it is that same
file. A caption unlike TikTok's text there is the user's: it is marked edited, with TikTok's text
kept beside it, so the import compares the export with TikTok's text and leaves the user's alone.
When TikTok's earlier text cannot be read, a caption that differs from the export being imported is
kept as the user's and marked edited too (never lost; the editor can take TikTok's back).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from crosspost.errors import UserError
from crosspost.importing.readers import ExportRead
from crosspost.importing.records import PostRecord
from crosspost.store import Store

ReadExport = Callable[[Path], tuple[ExportRead, str]]  # an export file → (what it holds, its SHA-256)

_Texts = dict[str, list[str]]  # created_at → TikTok's captions of that second, in export order


def _texts_of(records: Sequence[PostRecord]) -> _Texts:
    texts: _Texts = {}
    for record in records:
        if "caption" in record.present or record.caption:
            texts.setdefault(record.created_at, []).append(record.caption or "")
    return texts


def _history_texts(
    store: Store, import_id: int | None, incoming: tuple[str, _Texts], read: ReadExport
) -> _Texts | None:
    """TikTok's captions in the export IMPORT_ID read (None when that file is gone or changed)."""
    if import_id is None:
        return None
    row = store.db.execute("SELECT file, sha256 FROM imports WHERE id = ?", [import_id]).fetchone()
    if row is None:
        return None
    file, digest = row
    if digest == incoming[0]:
        return incoming[1]
    try:
        if not Path(file).is_file() and not Path(file).is_dir():
            return None
        export, read_digest = read(Path(file))
    except (UserError, OSError, ValueError):
        return None
    if read_digest != digest:
        return None  # the file at that path is another export now
    return _texts_of(export.records)


def settle_captions(store: Store, account_id: int, export: ExportRead, digest: str, read: ReadExport) -> int:
    """Settle the account's captions still to check (see the module's note) before EXPORT (whose
    SHA-256 is DIGEST) is written; READ reads an earlier export. Returns how many were the user's."""
    db = store.db
    pending = db.execute(
        "SELECT p.id, p.created_at, p.seq, p.caption, p.caption_edited, p.tiktok_caption, c.import_id "
        "FROM captions_to_check c JOIN posts p ON p.id = c.post_id WHERE p.account_id = ?",
        [account_id],
    ).fetchall()
    if not pending:
        return 0
    incoming = (digest, _texts_of(export.records))
    history: dict[int | None, _Texts | None] = {}
    users = 0
    for post_id, created_at, seq, caption, edited, tiktok_caption, import_id in pending:
        if import_id not in history:
            history[import_id] = _history_texts(store, import_id, incoming, read)
        earlier = history[import_id]
        now = incoming[1].get(created_at)
        if earlier is not None and created_at in earlier:
            texts = earlier[created_at]
        elif now is not None:
            texts = None  # TikTok's earlier text is unknown: judged against the export being imported
        else:
            continue  # nothing to judge by yet: left for a later import
        known = texts if texts is not None else now
        assert known is not None
        theirs = known[seq] if seq < len(known) else known[0]
        if edited:
            # Edited again since the upgrade: only TikTok's text was missing.
            if tiktok_caption is None:
                db.execute("UPDATE posts SET tiktok_caption = ? WHERE id = ?", [theirs, post_id])
        elif caption not in known:
            db.execute(
                "UPDATE posts SET caption_edited = 1, tiktok_caption = ? WHERE id = ?",
                [theirs, post_id],
            )
            users += 1
        db.execute("DELETE FROM captions_to_check WHERE post_id = ?", [post_id])
    return users
