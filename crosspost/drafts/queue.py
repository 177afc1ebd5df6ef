"""Drafts in the store: create (one per post and platform), show, list, edit with history, undo,
mark as posted.

Decisions: creating a draft again recomposes it from the post and its translation but keeps every
field the user edited by hand (the edit history says which) unless ``reset``; editing a draft that
was ready or exported sends it back to ``draft`` (its rendered files stay, and preflight says when
they no longer match); a posted draft is never exported or posted again without ``force``.
"""

from __future__ import annotations

import datetime as dt
import json

from crosspost.drafts.compose import compose, hashtags
from crosspost.errors import UserError
from crosspost.platforms import get_profile
from crosspost.store import Store, utc_now
from crosspost.translation.layouts import LAYOUTS

EDITABLE = ("title", "body", "topics", "planned_at", "notes", "layout", "fit")
STATUSES = ("draft", "ready", "exported", "posted")
_COLUMNS = ("id, post_id, platform, layout, target_lang, status, title, body, topics, media, cover, fit, "
            "planned_at, notes, exported_to, posted_at, posted_url, created_at, updated_at")


def _row_to_dict(row) -> dict:
    keys = [c.strip() for c in _COLUMNS.split(",")]
    d = dict(zip(keys, row))
    d["topics"] = json.loads(d["topics"] or "[]")
    d["media"] = json.loads(d["media"] or "[]")
    return d


def require_draft(store: Store, draft_id) -> dict:
    try:
        did = int(draft_id)
    except (TypeError, ValueError):
        raise UserError(f"{draft_id!r} is not a draft ID; `crosspost drafts list` shows them.") from None
    row = store.db.execute(f"SELECT {_COLUMNS} FROM drafts WHERE id = ?", [did]).fetchone()
    if row is None:
        raise UserError(f"There is no draft {did}; `crosspost drafts list` shows the IDs.")
    return _row_to_dict(row)


def _edited_fields(store: Store, draft_id: int) -> set[str]:
    return {r[0] for r in store.db.execute("SELECT DISTINCT field FROM draft_edits WHERE draft_id = ?", [draft_id])}


def _media_for_post(store: Store, post_id: int) -> list[dict]:
    return [{"media": r[0], "kind": r[1], "source": r[2], "rendered": None, "width": r[3], "height": r[4],
             "duration": r[5], "size": r[6]}
            for r in store.db.execute("SELECT id, kind, path, width, height, duration, size FROM media "
                                      "WHERE post_id = ? ORDER BY position", [post_id])]


def create_drafts(store: Store, post_ids: list, platform: str, layout: str | None = None,
                  target_lang: str | None = None, reset: bool = False, fit: str | None = None) -> list[dict]:
    """One draft per post for PLATFORM (updating an existing one, never a duplicate)."""
    from crosspost.posts import require_post
    from crosspost.translation.glossary import map_topics

    profile = get_profile(platform)
    if fit is not None and fit not in ("crop", "pad", "blur"):
        raise UserError(f"Unknown fit mode {fit!r}: use crop, pad or blur.")
    layout = layout or profile.defaults.get("layout", "original")
    if layout not in LAYOUTS:
        raise UserError(f"Unknown layout {layout!r}: use one of {', '.join(LAYOUTS)}.")
    target_lang = target_lang or profile.defaults.get("target_lang")
    if layout != "original" and not target_lang:
        raise UserError(f"Say which translation to use for the {layout} layout with --lang (e.g. --lang zh).")
    ids = [require_post(store, p) for p in post_ids]
    if not ids:
        raise UserError("Give at least one post ID; `crosspost posts list` shows them.")
    db = store.db
    plans = []
    for pid in ids:
        caption = db.execute("SELECT caption FROM posts WHERE id = ?", [pid]).fetchone()[0] or ""
        translation = None
        source_lang = "en"
        if layout != "original":
            row = db.execute("SELECT text, source_lang FROM translations WHERE post_id = ? AND lang = ?",
                             [pid, target_lang]).fetchone()
            if row is None:
                raise UserError(f"Post {pid} has no {target_lang} translation for the {layout} layout; make one "
                                f"with `crosspost translate {pid} --to {target_lang}` (or use --layout original).")
            translation, source_lang = row[0], row[1] or "en"
        topics = map_topics(store, hashtags(caption), source_lang, target_lang)
        plans.append((pid, compose(profile, caption, translation, layout, topics, target_lang, source_lang)))
    now = utc_now()
    drafts = []
    with store.transaction():
        for pid, comp in plans:
            existing = db.execute("SELECT id FROM drafts WHERE post_id = ? AND platform = ?", [pid, platform]).fetchone()
            values = {"title": comp.title, "body": comp.body, "topics": json.dumps(comp.topics, ensure_ascii=False)}
            if existing is None:
                did = db.execute(
                    "INSERT INTO drafts (post_id, platform, layout, target_lang, status, title, body, topics, media, "
                    "fit, created_at, updated_at) VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)",
                    [pid, platform, layout, target_lang, comp.title, comp.body, values["topics"],
                     json.dumps(_media_for_post(store, pid)), fit or profile.default_fit, now, now]).lastrowid
            else:
                did = existing[0]
                keep = set() if reset else _edited_fields(store, did)
                sets = {k: v for k, v in values.items() if k not in keep}
                current = require_draft(store, did)
                old_media = {m["media"]: m for m in current["media"]}
                media = _media_for_post(store, pid)
                for m in media:  # keep renders of unchanged sources
                    old = old_media.get(m["media"])
                    if old and old.get("source") == m["source"]:
                        for key in ("rendered", "rendered_width", "rendered_height", "render_method",
                                    "render_reasons", "render_key"):
                            if key in old:
                                m[key] = old[key]
                sets.update({"layout": layout, "target_lang": target_lang, "media": json.dumps(media),
                             "updated_at": now})
                if fit is not None:
                    sets["fit"] = fit
                if current["status"] in ("ready", "exported"):
                    sets["status"] = "draft"
                if reset:
                    db.execute("DELETE FROM draft_edits WHERE draft_id = ?", [did])
                db.execute(f"UPDATE drafts SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                           [*sets.values(), did])
            drafts.append((did, comp.warnings))
    return [draft_json(store, did, extra_warnings=w) for did, w in drafts]


def draft_json(store: Store, draft_id, extra_warnings: list[dict] | None = None) -> dict:
    """The contract's draft shape (plus detail): id, post, platform, status, title, body, topics,
    media (paths: the rendered file when there is one), problems."""
    from crosspost.drafts.preflight import check_draft

    d = require_draft(store, draft_id)
    problems = check_draft(store, d["id"])
    seen = {(p["field"], p["message"]) for p in problems}
    problems += [w for w in (extra_warnings or []) if (w["field"], w["message"]) not in seen]
    return {
        "id": d["id"], "post": d["post_id"], "platform": d["platform"], "status": d["status"],
        "title": d["title"], "body": d["body"], "topics": d["topics"],
        "media": [m.get("rendered") or m.get("source") for m in d["media"] if m.get("rendered") or m.get("source")],
        "problems": problems,
        "layout": d["layout"], "lang": d["target_lang"], "cover": d["cover"], "fit": d["fit"],
        "planned_at": d["planned_at"], "notes": d["notes"], "exported_to": d["exported_to"],
        "posted_at": d["posted_at"], "posted_url": d["posted_url"], "updated_at": d["updated_at"],
        "media_detail": d["media"],
    }


def list_drafts(store: Store, platform: str | None = None, status: str | None = None,
                search: str | None = None) -> list[dict]:
    sql, params = "SELECT id FROM drafts WHERE 1 = 1", []
    if platform:
        get_profile(platform)
        sql += " AND platform = ?"
        params.append(platform)
    if status:
        if status not in STATUSES:
            raise UserError(f"Unknown status {status!r}: use one of {', '.join(STATUSES)}.")
        sql += " AND status = ?"
        params.append(status)
    if search and search.strip():
        from crosspost.posts import fts_query

        like = f"%{search.strip()}%"
        sql += (" AND (id IN (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?) "
                "OR title LIKE ? OR body LIKE ? OR topics LIKE ?)")
        params += [fts_query(search), like, like, like]
    sql += " ORDER BY coalesce(planned_at, '9999'), updated_at DESC, id"
    return [draft_json(store, r[0]) for r in store.db.execute(sql, params).fetchall()]


def _parse_planned(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).strftime("%Y-%m-%dT%H:%M")
        except ValueError:
            continue
    raise UserError(f"{value!r} is not a date; write it as 2025-02-14 or 2025-02-14 18:30.")


def edit_draft(store: Store, draft_id, **fields) -> dict:
    """Change fields of a draft; every change is kept in the edit history (undo-able)."""
    d = require_draft(store, draft_id)
    if d["status"] == "posted" and not fields.pop("force", False):
        raise UserError(f"Draft {d['id']} is already posted; editing it changes nothing on the platform.")
    fields.pop("force", None)
    changes = {}
    for key, value in fields.items():
        if value is None:
            continue
        if key not in EDITABLE:
            raise UserError(f"{key} cannot be edited.")
        if key == "topics":
            value = [t.strip().lstrip("#＃") for t in (value if isinstance(value, list) else value.split(",")) if t.strip()]
            old = d["topics"]
            if value != old:
                changes[key] = (json.dumps(old, ensure_ascii=False), json.dumps(value, ensure_ascii=False))
            continue
        if key == "planned_at":
            value = _parse_planned(value)
        if key == "layout" and value not in LAYOUTS:
            raise UserError(f"Unknown layout {value!r}: use one of {', '.join(LAYOUTS)}.")
        if key == "fit" and value not in ("crop", "pad", "blur"):
            raise UserError(f"Unknown fit mode {value!r}: use crop, pad or blur.")
        if value != d[key]:
            changes[key] = (d[key], value)
    if not changes:
        return draft_json(store, d["id"])
    now = utc_now()
    with store.transaction():
        for key, (old, new) in changes.items():
            store.db.execute("INSERT INTO draft_edits (draft_id, field, old_value, new_value, edited_at) "
                             "VALUES (?, ?, ?, ?, ?)", [d["id"], key, old, new, now])
            store.db.execute(f"UPDATE drafts SET {key} = ? WHERE id = ?", [new, d["id"]])
        status = "draft" if d["status"] in ("ready", "exported") else d["status"]
        store.db.execute("UPDATE drafts SET updated_at = ?, status = ? WHERE id = ?", [now, status, d["id"]])
    return draft_json(store, d["id"])


def history(store: Store, draft_id) -> list[dict]:
    d = require_draft(store, draft_id)
    return [{"id": r[0], "field": r[1], "old": r[2], "new": r[3], "at": r[4]} for r in store.db.execute(
        "SELECT id, field, old_value, new_value, edited_at FROM draft_edits WHERE draft_id = ? ORDER BY id",
        [d["id"]])]


def undo_last_edit(store: Store, draft_id) -> dict:
    """Revert the most recent edit of a draft (the window's Ctrl+Z across sessions)."""
    d = require_draft(store, draft_id)
    row = store.db.execute("SELECT id, field, old_value FROM draft_edits WHERE draft_id = ? ORDER BY id DESC LIMIT 1",
                           [d["id"]]).fetchone()
    if row is None:
        raise UserError(f"Draft {d['id']} has no edits to undo.")
    with store.transaction():
        store.db.execute(f"UPDATE drafts SET {row[1]} = ?, updated_at = ? WHERE id = ?", [row[2], utc_now(), d["id"]])
        store.db.execute("DELETE FROM draft_edits WHERE id = ?", [row[0]])
    return draft_json(store, d["id"])


def mark_posted(store: Store, draft_id, url: str | None = None, force: bool = False) -> dict:
    d = require_draft(store, draft_id)
    if d["status"] == "posted" and not force:
        raise UserError(f"Draft {d['id']} (post {d['post_id']}) was already marked posted on {d['platform']} "
                        f"at {d['posted_at']}; use --force to record it again.")
    if url and not url.startswith(("http://", "https://")):
        raise UserError(f"{url!r} is not a link; give the post's address, e.g. https://www.xiaohongshu.com/…")
    with store.transaction():
        store.db.execute("UPDATE drafts SET status = 'posted', posted_at = ?, posted_url = ?, updated_at = ? "
                         "WHERE id = ?", [utc_now(), url, utc_now(), d["id"]])
    return draft_json(store, d["id"])


def set_status(store: Store, draft_id: int, status: str, **extra) -> None:
    sets = {"status": status, "updated_at": utc_now(), **extra}
    store.db.execute(f"UPDATE drafts SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?", [*sets.values(), draft_id])
