"""The imported posts as the CLI and the window see them: listing, search, one post, the user's own
caption, topics and title, attaching files, the crop position."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from crosspost.errors import MediaNotLost, NotFound, NothingGiven, UserError
from crosspost.limits import check_text_length
from crosspost.records import ExpirySummary, LibraryRow, Media, Post, Translation
from crosspost.store import Store, record, utc_now
from crosspost.store.lookups import require_post
from crosspost.values import DraftStatus, MediaKind

_POST_COLUMNS = (
    "id, account_id, source, created_at, caption, likes, collections, deleted, deleted_at, "
    "sound, location, add_yours_text, alt_text, cover_url, privacy, caption_edited, tiktok_caption, "
    "caption_changed_on_tiktok, user_topics, user_title, planned_at, notes, written_in"
)
_T = TypeVar("_T")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def fts_query(text: str) -> str:
    """User text as a safe FTS5 query: every word quoted, the last one as a prefix (typing "bak"
    finds "baking")."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if quoted:
        quoted[-1] += "*"
    return " ".join(quoted)


# Longer search text than this is no search (SQLite refuses LIKE patterns past 50,000 bytes).
MAX_SEARCH_CHARS = 1_000


def check_search(text: str | None) -> None:
    """A ``UserError`` for search text longer than any caption worth searching for."""
    if text and len(text) > MAX_SEARCH_CHARS:
        raise UserError(
            f"The search text is {len(text):,} characters long; search for at most "
            f"{MAX_SEARCH_CHARS:,} (a few words are enough)."
        )


def search_post_ids(store: Store, text: str) -> list[int] | None:
    """IDs of posts whose caption or a translation matches TEXT; None when TEXT is blank.

    FTS5 for words; a substring match as well for CJK text and hashtags/mentions, which the
    word tokenizer does not split the way a reader expects."""
    text = text.strip()
    if not text:
        return None
    text = text[:MAX_SEARCH_CHARS]  # the CLI says so first; the window's search box just stops there
    ids: set[int] = set()
    query = fts_query(text.replace("#", " ").replace("@", " "))
    if query.strip('"* '):
        ids.update(r["id"] for r in store.rows("SELECT rowid AS id FROM posts_fts WHERE posts_fts MATCH ?", [query]))
        ids.update(
            r["post_id"]
            for r in store.rows(
                "SELECT t.post_id FROM translations_fts f JOIN translations t ON t.id = f.rowid "
                "WHERE translations_fts MATCH ?",
                [query],
            )
        )
    if _CJK.search(text) or text.startswith(("#", "@")) or not ids:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        ids.update(r["id"] for r in store.rows("SELECT id FROM posts WHERE caption LIKE ? ESCAPE '\\'", [like]))
        ids.update(
            r["post_id"] for r in store.rows("SELECT post_id FROM translations WHERE text LIKE ? ESCAPE '\\'", [like])
        )
    return sorted(ids)


def _by_post(
    store: Store, ids: Sequence[int], sql: str, make: Callable[[sqlite3.Row], _T]
) -> dict[int, tuple[_T, ...]]:
    """The records MAKE builds from the rows of SQL (with a ``post_id`` column, ``{ids}`` the id
    list), grouped by post, in batches SQLite's parameter limit allows."""
    out: dict[int, list[_T]] = {i: [] for i in ids}
    for start in range(0, len(ids), 900):
        batch = list(ids[start : start + 900])
        for r in store.rows(sql.format(ids=",".join("?" * len(batch))), batch):
            out[r["post_id"]].append(make(r))
    return {pid: tuple(records) for pid, records in out.items()}


def _media(r: sqlite3.Row) -> Media:
    fx, fy = r["focus_x"], r["focus_y"]
    focus = None if fx is None and fy is None else (0.5 if fx is None else fx, 0.5 if fy is None else fy)
    return record(Media, r, kind=MediaKind(r["kind"]), focus=focus)


def _media_by_post(store: Store, ids: Sequence[int]) -> dict[int, tuple[Media, ...]]:
    sql = (
        "SELECT post_id, id, position, kind, url, path, expires_at, origin, size, sha256, mime, width, height, "
        "duration, focus_x, focus_y, gone_at, gone_status FROM media WHERE post_id IN ({ids}) "
        "ORDER BY post_id, position"
    )
    return _by_post(store, ids, sql, _media)


def _translations_by_post(store: Store, ids: Sequence[int]) -> dict[int, tuple[Translation, ...]]:
    sql = (
        "SELECT post_id, lang, text, edited, source_lang, pack, pack_version, pivot, updated_at FROM translations "
        "WHERE post_id IN ({ids}) ORDER BY post_id, lang"
    )
    return _by_post(store, ids, sql, lambda r: record(Translation, r, edited=bool(r["edited"])))


def _post(
    r: sqlite3.Row, media: tuple[Media, ...], translations: tuple[Translation, ...], usernames: dict[int, str]
) -> Post:
    caption, edited = r["caption"] or "", bool(r["caption_edited"])
    return record(
        Post,
        r,
        account=usernames.get(r["account_id"]) or None,
        caption=caption,
        deleted=bool(r["deleted"]),
        privacy=json.loads(r["privacy"] or "{}"),
        media=media,
        translations=translations,
        caption_edited=edited,
        tiktok_caption=(r["tiktok_caption"] if edited else caption) or "",
        caption_changed_on_tiktok=bool(r["caption_changed_on_tiktok"]),
        topics=tuple(json.loads(r["user_topics"])) if r["user_topics"] is not None else None,
        title=r["user_title"],
        notes=r["notes"] or "",
    )


def _usernames(store: Store) -> dict[int, str]:
    return {r["id"]: r["username"] for r in store.rows("SELECT id, username FROM accounts")}


def list_posts(store: Store, search: str | None = None, limit: int | None = None, offset: int = 0) -> list[Post]:
    """Posts newest first, with their media and translations."""
    where, params = "", []
    if search is not None and search.strip():
        ids = search_post_ids(store, search) or []
        if not ids:
            return []
        where = f"WHERE id IN ({','.join('?' * len(ids))})"
        params = ids
    sql = f"SELECT {_POST_COLUMNS} FROM posts {where} ORDER BY created_at DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, int(limit), int(offset)]
    rows = store.rows(sql, params)
    ids = [r["id"] for r in rows]
    media = _media_by_post(store, ids)
    translations = _translations_by_post(store, ids)
    usernames = _usernames(store)
    return [_post(r, media[r["id"]], translations[r["id"]], usernames) for r in rows]


def has_posts(store: Store) -> bool:
    return store.conn.execute("SELECT 1 FROM posts LIMIT 1").fetchone() is not None


def get_post(store: Store, post_id: int) -> Post:
    pid = require_post(store, post_id)
    row = store.row(f"SELECT {_POST_COLUMNS} FROM posts WHERE id = ?", [pid])
    assert row is not None  # require_post found it
    return _post(row, _media_by_post(store, [pid])[pid], _translations_by_post(store, [pid])[pid], _usernames(store))


def post_media(store: Store, post_id: int) -> tuple[Media, ...]:
    return _media_by_post(store, [post_id])[post_id]


def library_rows(store: Store, post_id: int | None = None) -> list[LibraryRow]:
    """Every post as the library lists it, newest first, in three queries (or just POST_ID's row)."""
    where, params = ("WHERE post_id = ?", [post_id]) if post_id is not None else ("", [])
    media = {
        r["post_id"]: r
        for r in store.rows(
            "SELECT post_id, count(*) AS count, count(path) AS on_disk, min(path) AS first_path, "
            "min(CASE WHEN position = 0 THEN kind END) AS first_kind, "
            "min(CASE WHEN path IS NULL AND gone_at IS NULL THEN expires_at END) AS expiry, "
            f"count(CASE WHEN path IS NULL AND gone_at IS NOT NULL THEN 1 END) AS gone FROM media {where} "
            "GROUP BY post_id",
            params,
        )
    }
    langs = {
        r["post_id"]: tuple(sorted((r["langs"] or "").split(",")))
        for r in store.rows(
            f"SELECT post_id, group_concat(lang) AS langs FROM translations {where} GROUP BY post_id", params
        )
    }
    out = []
    for r in store.rows(
        "SELECT id, created_at, caption, likes, deleted, deleted_at, caption_edited FROM posts "
        + ("WHERE id = ? " if post_id is not None else "")
        + "ORDER BY created_at DESC, id DESC",
        params,
    ):
        pid = r["id"]
        m = media.get(pid)
        kind = m["first_kind"] if m else None
        out.append(
            LibraryRow(
                id=pid,
                created_at=r["created_at"],
                caption=r["caption"] or "",
                likes=r["likes"],
                deleted=bool(r["deleted"]),
                deleted_at=r["deleted_at"],
                media_count=m["count"] if m else 0,
                media_on_disk=m["on_disk"] if m else 0,
                first_path=m["first_path"] if m else None,
                first_kind=MediaKind(kind) if kind else None,
                langs=langs.get(pid, ()),
                earliest_expiry=m["expiry"] if m else None,
                caption_edited=bool(r["caption_edited"]),
                media_gone=m["gone"] if m else 0,
            )
        )
    return out


def expiry_summary(store: Store, post_ids: Sequence[int] | None = None) -> ExpirySummary:
    """When the links of media not yet on disk stop working (for POST_IDS, or every post).

    Links still working come first: after importing a newer export, its fresh links are what the
    summary tells about (the earliest of them), not an older export's links of posts the newer one
    no longer lists. Only when every link still needed has expired is the summary "expired".
    A link that answered 403/404/410 (gone) is no longer needed by anyone."""
    now = utc_now()
    sql = (
        "SELECT min(CASE WHEN expires_at > ? THEN expires_at END), count(CASE WHEN expires_at > ? THEN 1 END), "
        "max(CASE WHEN expires_at <= ? THEN expires_at END), count(*) FROM media "
        "WHERE path IS NULL AND url IS NOT NULL AND expires_at IS NOT NULL AND gone_at IS NULL"
    )
    params: list[Any] = [now, now, now]
    if post_ids is not None:
        if not post_ids:
            return ExpirySummary(0, None, False)
        # Every post, however many: the IDs go in as one JSON array (no limit on bound variables).
        sql += " AND post_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps([int(i) for i in post_ids]))
    valid_earliest, valid, expired_latest, links = store.conn.execute(sql, params).fetchone()
    if valid:
        return ExpirySummary(links=links, earliest=valid_earliest, expired=False, expired_links=links - valid)
    return ExpirySummary(links=links or 0, earliest=expired_latest, expired=bool(links), expired_links=links or 0)


def set_written_in(store: Store, post_id: int, lang: str | None) -> Post:
    """The language the user says the post's caption is written in (None or "auto": detected)."""
    from crosspost.translation.pipeline import check_code

    pid = require_post(store, post_id)
    value = None if lang is None or lang.strip().lower() == "auto" else check_code(lang)
    with store.transaction():
        store.db.execute("UPDATE posts SET written_in = ?, updated_at = ? WHERE id = ?", [value, utc_now(), pid])
    return get_post(store, pid)


def lost_media(post: Post, now: str | None = None) -> list[Media]:
    """The post's items that are not on this computer and cannot be fetched any more: their link
    answered 403/404/410, expired, or there is none."""
    now = now or utc_now()
    return [
        m
        for m in post.media
        if not (m.path and Path(m.path).exists()) and (m.gone or not m.url or (m.expires_at and m.expires_at <= now))
    ]


def drop_lost_media(store: Store, post_id: int) -> tuple[Post, list[int]]:
    """Drop every lost item of a post (``lost_media``): (the post after, the media IDs dropped)."""
    post = get_post(store, post_id)
    dropped = [m.id for m in lost_media(post)]
    return (drop_media(store, post.id, dropped) if dropped else post), dropped


def drop_media(store: Store, post_id: int, media_ids: Sequence[int]) -> Post:
    """Take items without a file on this computer out of a post (all of them, or none when one
    cannot be): its drafts not posted yet stop waiting for them, and importing the export again
    does not bring them back. An item whose file is on this computer is not lost and stays."""
    pid = require_post(store, post_id)
    rows = []
    for media_id in media_ids:
        try:
            mid = int(media_id)
        except (TypeError, ValueError):
            raise NotFound("media", media_id, malformed=True) from None
        row = (
            store.row("SELECT position, url, path FROM media WHERE id = ? AND post_id = ?", [mid, pid])
            if 0 <= mid < 2**63
            else None
        )
        if row is None:
            raise NotFound("media", mid)
        if row["path"] and Path(row["path"]).exists():
            raise MediaNotLost(pid, mid)
        rows.append((mid, row["position"], row["url"]))
    if not rows:
        raise NothingGiven("media ID")
    now = utc_now()
    ids = {mid for mid, _, _ in rows}
    with store.transaction():
        db = store.db
        for mid, position, url in rows:
            db.execute(
                "INSERT OR REPLACE INTO media_dropped (post_id, position, url, dropped_at) VALUES (?, ?, ?, ?)",
                [pid, position, url, now],
            )
            db.execute("DELETE FROM media WHERE id = ?", [mid])
            db.execute("DELETE FROM draft_alt_texts WHERE media_id = ?", [mid])
        for draft in store.rows(
            "SELECT id, media FROM drafts WHERE post_id = ? AND status != ?", [pid, str(DraftStatus.POSTED)]
        ):
            draft_id, items = draft["id"], json.loads(draft["media"] or "[]")
            kept = [m for m in items if m.get("media") not in ids]
            if len(kept) != len(items):
                db.execute(
                    "UPDATE drafts SET media = ?, updated_at = ? WHERE id = ?", [json.dumps(kept), now, draft_id]
                )
        db.execute("UPDATE posts SET updated_at = ? WHERE id = ?", [now, pid])
    return get_post(store, pid)


def edit_caption(store: Store, post_id: int, text: str) -> Post:
    """The user's own caption for a post, kept over every later import (TikTok's text is kept
    beside it)."""
    pid = require_post(store, post_id)
    with store.transaction():
        store.db.execute(
            # A caption still to check since the upgrade (migration 0011) may already be the user's:
            # TikTok's text is then unknown until the next import reads it.
            "UPDATE posts SET tiktok_caption = CASE WHEN caption_edited THEN tiktok_caption "
            "WHEN id IN (SELECT post_id FROM captions_to_check) THEN NULL ELSE caption END, "
            "caption = ?, caption_edited = 1, updated_at = ? WHERE id = ?",
            [text, utc_now(), pid],
        )
    return get_post(store, pid)


def reset_caption(store: Store, post_id: int) -> Post:
    """Take TikTok's latest caption back in place of the user's."""
    pid = require_post(store, post_id)
    with store.transaction():
        store.db.execute(
            "UPDATE posts SET caption = coalesce(tiktok_caption, caption), tiktok_caption = NULL, "
            "caption_edited = 0, caption_changed_on_tiktok = 0, updated_at = ? WHERE id = ? AND caption_edited",
            [utc_now(), pid],
        )
    return get_post(store, pid)


def set_post_topics(store: Store, post_id: int, topics: Sequence[str] | None) -> Post:
    """The topics the user chose for a post (None: back to the caption's hashtags)."""
    pid = require_post(store, post_id)
    value = (
        None
        if topics is None
        else json.dumps([t.strip().lstrip("#＃") for t in topics if t.strip().lstrip("#＃")], ensure_ascii=False)
    )
    with store.transaction():
        store.db.execute("UPDATE posts SET user_topics = ? WHERE id = ?", [value, pid])
    return get_post(store, pid)


def set_post_title(store: Store, post_id: int, title: str | None) -> Post:
    """The title the user wrote for a post's drafts (None or blank: made from the caption)."""
    pid = require_post(store, post_id)
    value = title.strip() if title and title.strip() else None
    with store.transaction():
        store.db.execute("UPDATE posts SET user_title = ? WHERE id = ?", [value, pid])
    return get_post(store, pid)


def set_post_plan(store: Store, post_id: int, planned_at: str | None = None, notes: str | None = None) -> Post:
    """When the user plans to publish a post (``""``: no plan) and their notes (None: unchanged).
    Kept on the post for the drafts made later, and written to its drafts not posted yet."""

    pid = require_post(store, post_id)
    sets: dict[str, Any] = {}
    if planned_at is not None:
        sets["planned_at"] = parse_planned(planned_at)
    if notes is not None:
        check_text_length(notes, "notes")
        sets["notes"] = notes
    if sets:
        assignments = ", ".join(f"{k} = ?" for k in sets)
        with store.transaction():
            store.db.execute(f"UPDATE posts SET {assignments} WHERE id = ?", [*sets.values(), pid])
            store.db.execute(
                f"UPDATE drafts SET {assignments} WHERE post_id = ? AND status != ?",
                [*sets.values(), pid, str(DraftStatus.POSTED)],
            )
    return get_post(store, pid)


def attach_files(store: Store, post_id: int, files: Iterable[str | Path]) -> list[dict[str, Any]]:
    """Attach local photo/video files to a post, in the given order. Each file fills the first
    media slot of its kind that has no file yet (the export's links), or is added after them.
    Files are used where they are (not copied). All or nothing: one bad file attaches none."""
    from crosspost.media.facts import file_sha256
    from crosspost.media.probe import probe_file

    pid = require_post(store, post_id)
    prepared = []
    for name in files:
        path = Path(name).expanduser()
        if not path.is_file():
            raise UserError(f"{path} is not a file; nothing was attached.")
        info = probe_file(path)  # UserError for anything that is not a photo or a video
        try:
            prepared.append((path.resolve(), info, file_sha256(path), path.stat().st_size))
        except FileNotFoundError:
            raise UserError(
                f"{path.name} is no longer there (it was moved or deleted while it was being "
                "attached); nothing was attached."
            ) from None
        except OSError as exc:
            raise UserError(f"{path.name} cannot be read ({exc.strerror or exc}); nothing was attached.") from None
    if not prepared:
        raise NothingGiven("file to attach")
    attached = []
    with store.transaction():
        db = store.db
        for path, info, digest, size in prepared:
            same = store.row(
                "SELECT id FROM media WHERE post_id = ? AND (path = ? OR sha256 = ?)", [pid, str(path), digest]
            )
            if same:  # attaching the same file again changes nothing
                attached.append(
                    {"media": same["id"], "post": pid, "kind": info.kind, "path": str(path), "already": True}
                )
                continue
            values = [str(path), size, digest, info.mime, info.width, info.height, info.duration]
            slot = store.value(
                "SELECT id FROM media WHERE post_id = ? AND kind = ? AND path IS NULL ORDER BY position LIMIT 1",
                [pid, info.kind],
            )
            if slot is not None:
                db.execute(
                    "UPDATE media SET path = ?, size = ?, sha256 = ?, mime = ?, width = ?, "
                    "height = ?, duration = ? WHERE id = ?",
                    [*values, slot],
                )
                media_id = slot
            else:
                position = store.value("SELECT coalesce(max(position) + 1, 0) FROM media WHERE post_id = ?", [pid])
                media_id = db.execute(
                    "INSERT INTO media (post_id, position, kind, origin, path, size, sha256, mime, width, "
                    "height, duration) VALUES (?, ?, ?, 'attached', ?, ?, ?, ?, ?, ?, ?)",
                    [pid, position, info.kind, *values],
                ).lastrowid
            attached.append({"media": media_id, "post": pid, "kind": info.kind, "path": str(path)})
    return attached


def set_media_focus(store: Store, media_id: int, focus_x: float | None, focus_y: float | None) -> dict[str, Any]:
    """Where the crop window sits for this media (0..1 on each axis), or None for automatic."""
    try:
        mid = int(media_id)
    except (TypeError, ValueError):
        raise NotFound("media", media_id, malformed=True) from None
    post = store.value("SELECT post_id FROM media WHERE id = ?", [mid]) if 0 <= mid < 2**63 else None
    if post is None:
        raise NotFound("media", mid)
    values = []
    for v in (focus_x, focus_y):
        if v is not None and not 0 <= float(v) <= 1:
            raise UserError("The crop position goes from 0 (left/top) to 1 (right/bottom).")
        values.append(None if v is None else float(v))
    with store.transaction():
        store.db.execute("UPDATE media SET focus_x = ?, focus_y = ? WHERE id = ?", [*values, mid])
    return {"media": mid, "post": post, "focus_x": values[0], "focus_y": values[1]}


def parse_planned(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    assert value is not None
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).strftime("%Y-%m-%dT%H:%M")
        except ValueError:
            continue
    raise UserError(f"{value!r} is not a date; write it as 2025-02-14 or 2025-02-14 18:30.")
