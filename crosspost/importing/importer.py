"""``import_paths``: read TikTok exports and bring the user's own posts into the store.

Identity: TikTok's export gives the user's own posts no ID, so a post is identified by its account
and its creation time to the second, with ``seq`` numbering the rare posts of one second
(``UNIQUE(account_id, created_at, seq)``). A newer export of the same account therefore updates the
same posts (new signed links, new like counts, edited captions) instead of duplicating them, and the
same export twice changes nothing. Posts of one second are told apart by their caption or media link
first and by their order in the export after that.

A field an export does not have (an older era's layout, a shorter TXT block) never overwrites what
the store already knows; a field it has, even empty, is the export's word.

Everything one call writes is one transaction: an error, a cancel or a ``kill -9`` leaves the store
exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosspost.errors import ExportFault, ExportUnreadable
from crosspost.importing.caption_check import settle_captions
from crosspost.importing.notes import ImportNote, NoteCode
from crosspost.importing.readers import ExportRead, read_export
from crosspost.importing.records import MediaRecord, PostRecord, Profile
from crosspost.importing.sources import ReadStream, open_source
from crosspost.limits import MAX_CAPTION_CHARS
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.store import Store, utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

UNNAMED_ACCOUNT = ""
# Layouts whose post lists hold no captions (dates, links and likes only).
CAPTIONLESS_LAYOUTS = ("json-2019", "txt-videos")


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    posts: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    layouts: list[str] = field(default_factory=list)
    matched_media: int = 0
    deleted: int = 0  # posts the export lists as deleted on TikTok
    merged_into: str | None = None  # a caption-less export's posts joined this account (by their times)

    @property
    def captionless(self) -> list[str]:
        """The layouts read that hold no captions (TikTok's 2019–2022 JSON, the 2020 TXT)."""
        return [layout for layout in self.layouts if layout in CAPTIONLESS_LAYOUTS]

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "posts": self.posts,
            "warnings": self.warnings,
            "layouts": self.layouts,
            "matched_media": self.matched_media,
            "deleted": self.deleted,
            "captionless": self.captionless,
            "merged_into": self.merged_into,
        }


class _BackgroundHasher:
    """SHA-256 of everything read from the export (its fingerprint in ``imports``), computed on a
    second thread: hashlib releases the GIL, so hashing costs no time next to the scan."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self._queue: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="export-hash", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (data := self._queue.get()) is not None:
            self._hash.update(data)

    def update(self, data: bytes) -> None:
        if data:
            self._queue.put(data)

    def hexdigest(self) -> str:
        self._queue.put(None)
        self._thread.join()
        return self._hash.hexdigest()


class _Hashing:
    """A stream wrapper that feeds what is read through it to the hasher."""

    def __init__(self, stream: ReadStream, hasher: _BackgroundHasher):
        self.stream, self.hasher = stream, hasher

    def read(self, n: int = -1) -> bytes:
        data = self.stream.read(n)
        self.hasher.update(data)
        return data

    def close(self) -> None:
        self.stream.close()

    def __enter__(self) -> _Hashing:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def import_paths(
    store: Store,
    paths: Sequence[str | Path],
    media_dir: str | Path | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Import every export in PATHS (zip, folder, .json, .txt); attach files from MEDIA_DIR."""
    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    export_paths = [Path(p).expanduser() for p in paths]
    if not export_paths:
        raise ExportUnreadable(ExportFault.NOTHING_GIVEN, "", "Nothing to import: give the path of your TikTok export.")
    if media_dir is not None:
        media_dir = Path(media_dir).expanduser()
        if not media_dir.is_dir():
            raise ExportUnreadable(
                ExportFault.MEDIA_NOT_A_FOLDER,
                media_dir,
                f"{media_dir} is not a folder; give the folder holding your videos and photos.",
            )

    reads: list[tuple[Path, ExportRead, str]] = []
    for path in export_paths:
        reads.append(_read_one(path, progress, cancel))

    result = ImportResult()
    with store.transaction():
        account_ids = sorted(
            {_write_export(store, path, export, digest, result, progress, cancel) for path, export, digest in reads}
        )
        if media_dir is not None:
            from crosspost.importing.local_media import attach_from_folder

            matched, unmatched = attach_from_folder(store, media_dir, account_ids, progress, cancel)
            result.matched_media = matched
            if unmatched:
                shown = ", ".join(p.name for p in unmatched[:5])
                more = f" and {len(unmatched) - 5} more" if len(unmatched) > 5 else ""
                result.warnings.append(
                    ImportNote(
                        NoteCode.MEDIA_UNMATCHED,
                        f"{len(unmatched)} file(s) in {media_dir} matched no post ({shown}{more}); attach "
                        "them to their posts by hand.",
                        count=len(unmatched),
                        name=str(media_dir),
                        shown=shown + more,
                    )
                )
    return result


def _read_one(path: Path, progress: ProgressCallback, cancel: CancelToken) -> tuple[Path, ExportRead, str]:
    with open_source(path) as source:
        entries = source.entries()
        total = sum(e.size for e in entries) or None
        done = 0

        def on_bytes(n: int) -> None:
            nonlocal done
            done += n
            progress(Progress(done, total, f"reading {path.name}"))

        hasher = _BackgroundHasher()
        original_open = source.open
        source.open = lambda entry: _Hashing(original_open(entry), hasher)  # type: ignore[method-assign]
        try:
            export = read_export(source, on_bytes, cancel)
        finally:
            digest = hasher.hexdigest()
        export.warnings[:0] = source.warnings
    return path, export, digest


def _account_for(store: Store, profile: Profile, times: Sequence[str] = ()) -> int:
    """The account a profile belongs to.

    An export without a username (TikTok's 2019–2022 JSON and 2020 TXT often have none) goes to the
    account whose posts have the most of its posts' creation times (so an older, caption-less
    export joins the account a newer export made, instead of duplicating its posts), else to the
    store's only account, else to one "unnamed" account. A named export whose name is new adopts the
    unnamed account when that one's posts share its times (the older export came first)."""
    db = store.db
    if profile.username:
        row = db.execute(
            "SELECT id FROM accounts WHERE source = 'tiktok' AND username = ?", [profile.username]
        ).fetchone()
        if row is None:
            unnamed = db.execute(
                "SELECT id FROM accounts WHERE source = 'tiktok' AND username = ?", [UNNAMED_ACCOUNT]
            ).fetchone()
            if unnamed and _shared_times(store, times).get(unnamed[0]):
                db.execute("UPDATE accounts SET username = ? WHERE id = ?", [profile.username, unnamed[0]])
                row = unnamed
        if row:
            db.execute(
                "UPDATE accounts SET display_name = coalesce(?, display_name), bio = coalesce(?, bio) WHERE id = ?",
                [profile.display_name, profile.bio, row[0]],
            )
            return int(row[0])
    else:
        shared = _shared_times(store, times)
        if shared:
            return max(shared, key=lambda account: (shared[account], -account))
        rows = db.execute("SELECT id FROM accounts WHERE source = 'tiktok'").fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
        row = db.execute(
            "SELECT id FROM accounts WHERE source = 'tiktok' AND username = ?", [UNNAMED_ACCOUNT]
        ).fetchone()
        if row:
            return int(row[0])
    cursor = db.execute(
        "INSERT INTO accounts (source, username, display_name, bio) VALUES ('tiktok', ?, ?, ?)",
        [profile.username or UNNAMED_ACCOUNT, profile.display_name, profile.bio],
    )
    assert cursor.lastrowid is not None  # set by the INSERT just run
    return cursor.lastrowid


def _shared_times(store: Store, times: Sequence[str]) -> dict[int, int]:
    """Account id → how many of TIMES (posts' creation times) its posts have."""
    wanted = sorted(set(times))
    counts: dict[int, int] = {}
    for start in range(0, len(wanted), 900):
        batch = wanted[start : start + 900]
        for account, n in store.db.execute(
            f"SELECT account_id, count(DISTINCT created_at) FROM posts WHERE created_at IN "
            f"({','.join('?' * len(batch))}) GROUP BY account_id",
            batch,
        ):
            counts[account] = counts.get(account, 0) + n
    return counts


# The post columns an import writes (``_post_values``), in the order ``_write_export`` reads them.
_POST_COLUMNS = (
    "caption",
    "likes",
    "collections",
    "deleted",
    "deleted_at",
    "sound",
    "location",
    "add_yours_text",
    "alt_text",
    "cover_url",
    "privacy",
)

# Where each column sits in the rows ``_write_export`` reads: seq, id, the post values, the first link.
_COLUMN_AT = {name: i for i, name in enumerate(("seq", "id", *_POST_COLUMNS, "media"))}


_TIKTOK_CAPTION = "CASE WHEN caption_edited THEN coalesce(tiktok_caption, '') ELSE caption END"


def _post_values(record: PostRecord) -> dict[str, Any]:
    return {
        "caption": record.caption or "",
        "likes": record.likes,
        "collections": record.collections,
        "deleted": int(record.deleted),
        "deleted_at": record.deleted_at,
        "sound": record.sound,
        "location": record.location,
        "add_yours_text": record.add_yours_text,
        "alt_text": record.alt_text,
        "cover_url": record.cover_url,
        "privacy": json.dumps(record.privacy, sort_keys=True, ensure_ascii=False),
    }


def _fingerprint(record: PostRecord) -> tuple[Any, ...]:
    return record.caption or "", tuple(m.url for m in record.media)


def _dedupe(records: Iterable[PostRecord]) -> list[PostRecord]:
    """The export's posts in time order, each once: a record with the same second, caption and links
    as an earlier one is the same post (listed both as live and as deleted, it counts as live).
    Posts of one second stay in export order."""
    by_key: dict[tuple[Any, ...], PostRecord] = {}
    for record in records:
        key = (record.created_at, *_fingerprint(record))
        known = by_key.get(key)
        if known is None or (known.deleted and not record.deleted):
            by_key[key] = record
    return sorted(by_key.values(), key=lambda r: r.created_at)


def _cap_captions(records: list[PostRecord], warnings: list[str]) -> None:
    for record in records:
        if len(record.caption) > MAX_CAPTION_CHARS:
            warnings.append(
                ImportNote(
                    NoteCode.CAPTION_CUT,
                    f"The caption of the post of {record.created_at} is {len(record.caption):,} characters "
                    f"long; only its first {MAX_CAPTION_CHARS:,} were kept (no platform takes more).",
                    date=record.created_at,
                    length=len(record.caption),
                    kept=MAX_CAPTION_CHARS,
                )
            )
            record.caption = record.caption[:MAX_CAPTION_CHARS]


def _merged(record: PostRecord, values: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    """VALUES with every field the export did not give taken from OLD (the store's)."""
    merged = {
        column: (value if column in record.present or column not in _OPTIONAL else old[column])
        for column, value in values.items()
    }
    try:
        old_privacy = json.loads(old["privacy"] or "{}")
    except ValueError:
        old_privacy = {}
    privacy = {k: v for k, v in old_privacy.items() if f"privacy.{k}" not in record.present}
    privacy.update(record.privacy)
    merged["privacy"] = json.dumps(privacy, sort_keys=True, ensure_ascii=False)
    return merged


# Columns an export may leave out (the rest: the post's state in every export; privacy is merged key by key).
_OPTIONAL = set(_POST_COLUMNS) - {"deleted", "privacy"}


def _match_second(records: list[PostRecord], rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...] | None]:
    """For the records of one second, the stored row (seq, id, …) each one is, or None for new posts:
    the same caption or link first, then the remaining ones in order."""
    matched: list[tuple[Any, ...] | None] = [None] * len(records)
    free = list(rows)
    caption_at, link_at = _COLUMN_AT["caption"], _COLUMN_AT["media"]
    for i, record in enumerate(records):
        for row in free:
            same_caption = "caption" in record.present and record.caption and row[caption_at] == record.caption
            same_link = record.media and record.media[0].url and row[link_at] == record.media[0].url
            if same_caption or same_link:
                matched[i] = row
                free.remove(row)
                break
    for i, record in enumerate(records):
        if matched[i] is None and free:
            matched[i] = free.pop(0)
    return matched


def _write_export(
    store: Store,
    path: Path,
    export: ExportRead,
    digest: str,
    result: ImportResult,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> int:
    """Write one export's posts; returns the account they belong to."""
    db = store.db
    records = _dedupe(export.records)
    account_id = _account_for(store, export.profile, [r.created_at for r in records])
    if not export.profile.username and export.layout in CAPTIONLESS_LAYOUTS:
        name = db.execute("SELECT username FROM accounts WHERE id = ?", [account_id]).fetchone()
        if name and name[0]:
            result.merged_into = name[0]
    result.deleted += sum(1 for r in records if r.deleted)
    _cap_captions(records, export.warnings)
    settle_captions(store, account_id, export, digest, lambda p: _read_one(p, no_progress, cancel)[1:])
    now = utc_now()
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    touched: list[int] = []
    columns = list(_COLUMN_AT)[2:-1]
    known: dict[str, list[tuple[Any, ...]]] = {}
    # A caption the user edited stays theirs: TikTok's text (tiktok_caption) is what an export is
    # compared with and what it updates; caption_changed_on_tiktok tells the user a newer text came.
    selected = [_TIKTOK_CAPTION if c == "caption" else c for c in columns]
    if records:
        for row in db.execute(
            f"SELECT created_at, seq, id, {', '.join(selected)}, "
            "(SELECT url FROM media WHERE post_id = posts.id AND position = 0), caption_edited "
            "FROM posts WHERE account_id = ? ORDER BY created_at, seq",
            [account_id],
        ):
            known.setdefault(row[0], []).append(row[1:])
    by_second: dict[str, list[PostRecord]] = {}
    for record in records:
        by_second.setdefault(record.created_at, []).append(record)
    rows_of: dict[int, tuple[Any, ...] | None] = {}
    seq_of: dict[int, int] = {}
    for second, group in by_second.items():
        rows = known.get(second, [])
        next_seq = max((row[0] for row in rows), default=-1) + 1
        for record, row in zip(group, _match_second(group, rows)):
            rows_of[id(record)] = row
            if row is None:
                seq_of[id(record)], next_seq = next_seq, next_seq + 1
    # Transform: each record becomes a new row, an update of the stored row, or nothing.
    new_rows: list[dict[str, Any]] = []
    new_records: list[tuple[int, PostRecord]] = []
    post_ids: list[int | None] = [None] * len(records)
    posts, media = db.table("posts"), db.table("media")
    for index, record in enumerate(records):
        cancel.check()
        values = _post_values(record)
        row = rows_of[id(record)]
        if row is None:
            new_rows.append(
                {
                    "account_id": account_id,
                    "source": "tiktok",
                    "created_at": record.created_at,
                    "seq": seq_of[id(record)],
                    **values,
                    "updated_at": now,
                }
            )
            new_records.append((index, record))
        else:
            post_id = row[1]
            old = dict(zip(columns, row[2:]))
            values = _merged(record, values, old)
            changed_post = old != values
            if changed_post:
                target = dict(values)
                if row[-1]:  # edited by the user
                    target["tiktok_caption"] = target.pop("caption")
                    if target["tiktok_caption"] != old["caption"]:
                        target["caption_changed_on_tiktok"] = 1
                posts.update(post_id, {**target, "updated_at": now})
            changed_media = _write_media(db, post_id, record)
            counts["updated" if (changed_post or changed_media) else "unchanged"] += 1
            if changed_post or changed_media:
                touched.append(post_id)
            post_ids[index] = post_id
        if index % 50 == 0 or index == len(records) - 1:
            progress(Progress(index + 1, len(records), f"saving posts from {path.name}"))
    # Load: the new posts in one batched insert, then their media links.
    if new_rows:
        posts.insert_all(new_rows, batch_size=200)
        id_of = {
            (created_at, seq): post_id
            for post_id, created_at, seq in db.execute(
                "SELECT id, created_at, seq FROM posts WHERE account_id = ?", [account_id]
            )
        }
        media_rows: list[dict[str, Any]] = []
        for index, record in new_records:
            post_id = id_of[(record.created_at, seq_of[id(record)])]
            post_ids[index] = post_id
            touched.append(post_id)
            media_rows.extend(_media_row(post_id, position, m) for position, m in enumerate(record.media))
        media.insert_all(media_rows, batch_size=200)
        counts["added"] += len(new_rows)
    result.posts.extend(p for p in post_ids if p is not None)

    result.added += counts["added"]
    result.updated += counts["updated"]
    result.unchanged += counts["unchanged"]
    result.warnings.extend(export.warnings)
    result.layouts.append(export.layout)
    seen_before = db.execute("SELECT 1 FROM imports WHERE sha256 = ?", [digest]).fetchone()
    if seen_before and not counts["added"] and not counts["updated"]:
        return account_id  # the same export again: nothing to record
    import_id = db.execute(
        "INSERT INTO imports (account_id, file, sha256, layout, posts_seen, added, updated, unchanged, "
        "warnings, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            account_id,
            str(path.resolve()),
            digest,
            export.layout,
            len(records),
            counts["added"],
            counts["updated"],
            counts["unchanged"],
            json.dumps(export.warnings, ensure_ascii=False),
            now,
        ],
    ).lastrowid
    for start in range(0, len(touched), 500):
        batch = touched[start : start + 500]
        db.execute(
            f"UPDATE posts SET import_id = ? WHERE id IN ({', '.join('?' for _ in batch)})",
            [import_id, *batch],
        )
    return account_id


def _media_row(post_id: int, position: int, media: MediaRecord) -> dict[str, Any]:
    return {
        "post_id": post_id,
        "position": position,
        "kind": media.kind,
        "url": media.url,
        "expires_at": media.expires_at,
        "origin": "export",
    }


def _write_media(db: Database, post_id: int, record: PostRecord) -> bool:
    """Insert or refresh the export's media links of a stored post; True if anything changed.

    A refreshed link keeps what the user already has (a downloaded or attached file)."""
    changed = False
    existing = {
        row[0]: row[1:]
        for row in db.execute(
            "SELECT position, id, kind, url, expires_at FROM media WHERE post_id = ? ORDER BY position",
            [post_id],
        )
    }
    dropped = {r[0] for r in db.execute("SELECT position FROM media_dropped WHERE post_id = ?", [post_id])}
    table = db.table("media")
    for position, media in enumerate(record.media):
        known = existing.get(position)
        if position in dropped:
            continue  # the user dropped this item from the post
        if known is None:
            table.insert(_media_row(post_id, position, media))
            changed = True
        elif known[3] and media.expires_at and media.expires_at < known[3]:
            continue  # an older export's link: the stored one works longer
        elif tuple(known[1:]) != (media.kind, media.url, media.expires_at):
            # The same link keeps its gone mark; a new link may work again (SQLite reads the old url).
            table.update(
                known[0],
                {
                    "kind": media.kind,
                    "url": media.url,
                    "expires_at": media.expires_at,
                    "gone_at": media.url,
                    "gone_status": media.url,
                },
                conversions={
                    "gone_at": "CASE WHEN url IS ? THEN gone_at END",
                    "gone_status": "CASE WHEN url IS ? THEN gone_status END",
                },
            )
            changed = True
    return changed
