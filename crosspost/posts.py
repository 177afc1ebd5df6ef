"""The imported posts as the CLI and the window see them: listing, search, one post, attaching files."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from crosspost.errors import UserError
from crosspost.store import Store

_POST_COLUMNS = ("id, account_id, source, created_at, caption, likes, collections, deleted, deleted_at, "
                 "sound, location, add_yours_text, alt_text, cover_url, privacy")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def fts_query(text: str) -> str:
    """User text as a safe FTS5 query: every word quoted, the last one as a prefix (typing "bak"
    finds "baking")."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if quoted:
        quoted[-1] += "*"
    return " ".join(quoted)


def search_post_ids(store: Store, text: str) -> list[int] | None:
    """IDs of posts whose caption or a translation matches TEXT; None when TEXT is blank.

    FTS5 for words; a substring match as well for CJK text and hashtags/mentions, which the
    word tokenizer does not split the way a reader expects."""
    text = text.strip()
    if not text:
        return None
    db = store.db
    ids: set[int] = set()
    query = fts_query(text.replace("#", " ").replace("@", " "))
    if query.strip('"* '):
        ids.update(r[0] for r in db.execute(
            "SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?", [query]))
        ids.update(r[0] for r in db.execute(
            "SELECT t.post_id FROM translations_fts f JOIN translations t ON t.id = f.rowid "
            "WHERE translations_fts MATCH ?", [query]))
    if _CJK.search(text) or text.startswith(("#", "@")) or not ids:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        ids.update(r[0] for r in db.execute(
            "SELECT id FROM posts WHERE caption LIKE ? ESCAPE '\\'", [like]))
        ids.update(r[0] for r in db.execute(
            "SELECT post_id FROM translations WHERE text LIKE ? ESCAPE '\\'", [like]))
    return sorted(ids)


def _by_post(store: Store, ids: Sequence[int], sql: str, to_dict) -> dict[int, list[dict]]:
    """Rows of SQL (its first column the post id, ``{ids}`` the id list) grouped by post, in batches
    SQLite's parameter limit allows."""
    out: dict[int, list[dict]] = {i: [] for i in ids}
    for start in range(0, len(ids), 900):
        batch = list(ids[start:start + 900])
        for r in store.db.execute(sql.format(ids=",".join("?" * len(batch))), batch):
            out[r[0]].append(to_dict(r))
    return out


def _media_by_post(store: Store, ids: Sequence[int]) -> dict[int, list[dict]]:
    return _by_post(
        store, ids,
        "SELECT post_id, id, position, kind, url, path, expires_at, origin, size, sha256, mime, width, height, "
        "duration, focus_x, focus_y FROM media WHERE post_id IN ({ids}) ORDER BY post_id, position",
        lambda r: {"id": r[1], "position": r[2], "kind": r[3], "url": r[4], "path": r[5], "expires_at": r[6],
                   "origin": r[7], "size": r[8], "sha256": r[9], "mime": r[10], "width": r[11], "height": r[12],
                   "duration": r[13], "focus": None if r[14] is None and r[15] is None else [r[14], r[15]]})


def _translations_by_post(store: Store, ids: Sequence[int]) -> dict[int, list[dict]]:
    return _by_post(
        store, ids,
        "SELECT post_id, lang, text, edited, source_lang, pack, pack_version, pivot, updated_at FROM translations "
        "WHERE post_id IN ({ids}) ORDER BY post_id, lang",
        lambda r: {"lang": r[1], "text": r[2], "edited": bool(r[3]), "from": r[4], "pack": r[5],
                   "pack_version": r[6], "pivot": r[7], "updated_at": r[8]})


def _post_json(row: Sequence[Any], media: list[dict], translations: list[dict],
               usernames: dict[int, str]) -> dict:
    (pid, account_id, source, created_at, caption, likes, collections, deleted, deleted_at, sound,
     location, add_yours_text, alt_text, cover_url, privacy) = row
    return {
        "id": pid,
        "source": source,
        "account": usernames.get(account_id) or None,
        "created_at": created_at,
        "caption": caption,
        "likes": likes,
        "collections": collections,
        "deleted": bool(deleted),
        "deleted_at": deleted_at,
        "sound": sound,
        "location": location,
        "add_yours_text": add_yours_text,
        "alt_text": alt_text,
        "cover_url": cover_url,
        "privacy": json.loads(privacy or "{}"),
        "media": media,
        "translations": translations,
    }


def _usernames(store: Store) -> dict[int, str]:
    return {r[0]: r[1] for r in store.db.execute("SELECT id, username FROM accounts")}


def list_posts(store: Store, search: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[dict]:
    """Posts newest first, each in the contract's post shape (with media and translations)."""
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
    rows = store.db.execute(sql, params).fetchall()
    ids = [r[0] for r in rows]
    media = _media_by_post(store, ids)
    translations = _translations_by_post(store, ids)
    usernames = _usernames(store)
    return [_post_json(r, media[r[0]], translations[r[0]], usernames) for r in rows]


def count_posts(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM posts").fetchone()[0]


def require_post(store: Store, post_id: int | str) -> int:
    try:
        pid = int(post_id)
    except (TypeError, ValueError):
        raise UserError(f"{post_id!r} is not a post ID; `crosspost posts list` shows them.") from None
    if store.db.execute("SELECT 1 FROM posts WHERE id = ?", [pid]).fetchone() is None:
        raise UserError(f"There is no post {pid}; `crosspost posts list` shows the IDs.")
    return pid


def get_post(store: Store, post_id: int | str) -> dict:
    pid = require_post(store, post_id)
    row = store.db.execute(f"SELECT {_POST_COLUMNS} FROM posts WHERE id = ?", [pid]).fetchone()
    return _post_json(row, _media_by_post(store, [pid])[pid],
                      _translations_by_post(store, [pid])[pid], _usernames(store))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def attach_files(store: Store, post_id: int | str, files: Iterable[str | Path]) -> list[dict]:
    """Attach local photo/video files to a post, in the given order. Each file fills the first
    media slot of its kind that has no file yet (the export's links), or is added after them.
    Files are used where they are (not copied). All or nothing: one bad file attaches none."""
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
            raise UserError(f"{path.name} is no longer there (it was moved or deleted while it was being "
                            "attached); nothing was attached.") from None
        except OSError as exc:
            raise UserError(f"{path.name} cannot be read ({exc.strerror or exc}); nothing was attached.") from None
    if not prepared:
        raise UserError("Give at least one file to attach.")
    attached = []
    with store.transaction():
        db = store.db
        for path, info, digest, size in prepared:
            same = db.execute("SELECT id FROM media WHERE post_id = ? AND (path = ? OR sha256 = ?)",
                              [pid, str(path), digest]).fetchone()
            if same:  # attaching the same file again changes nothing
                attached.append({"media": same[0], "post": pid, "kind": info.kind, "path": str(path),
                                 "already": True})
                continue
            values = [str(path), size, digest, info.mime, info.width,
                      info.height, info.duration]
            slot = db.execute(
                "SELECT id FROM media WHERE post_id = ? AND kind = ? AND path IS NULL "
                "ORDER BY position LIMIT 1", [pid, info.kind]).fetchone()
            if slot:
                db.execute("UPDATE media SET path = ?, size = ?, sha256 = ?, mime = ?, width = ?, "
                           "height = ?, duration = ? WHERE id = ?", [*values, slot[0]])
                media_id = slot[0]
            else:
                position = db.execute("SELECT coalesce(max(position) + 1, 0) FROM media WHERE post_id = ?",
                                      [pid]).fetchone()[0]
                media_id = db.execute(
                    "INSERT INTO media (post_id, position, kind, origin, path, size, sha256, mime, width, "
                    "height, duration) VALUES (?, ?, ?, 'attached', ?, ?, ?, ?, ?, ?, ?)",
                    [pid, position, info.kind, *values]).lastrowid
            attached.append({"media": media_id, "post": pid, "kind": info.kind, "path": str(path)})
    return attached


def set_media_focus(store: Store, media_id: int | str, focus_x: float | None, focus_y: float | None) -> dict:
    """Where the crop window sits for this media (0..1 on each axis), or None for automatic."""
    try:
        mid = int(media_id)
    except (TypeError, ValueError):
        raise UserError(f"{media_id!r} is not a media ID; `crosspost posts show ID --json` lists them.") from None
    row = store.db.execute("SELECT post_id FROM media WHERE id = ?", [mid]).fetchone()
    if row is None:
        raise UserError(f"There is no media {mid}; `crosspost posts show ID --json` lists them.")
    values = []
    for v in (focus_x, focus_y):
        if v is not None and not 0 <= float(v) <= 1:
            raise UserError("The crop position goes from 0 (left/top) to 1 (right/bottom).")
        values.append(None if v is None else float(v))
    with store.transaction():
        store.db.execute("UPDATE media SET focus_x = ?, focus_y = ? WHERE id = ?", [*values, mid])
    return {"media": mid, "post": row[0], "focus_x": values[0], "focus_y": values[1]}
