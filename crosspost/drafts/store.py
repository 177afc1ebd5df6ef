"""The drafts store: create (one per post and platform), read, list, edit with history, undo,
mark as posted, delete. Every function returns typed records (``Draft``, ``CheckedDraft``).

Decisions: creating a draft again recomposes it from the post and its translation but keeps every
field the user edited by hand (the edit history says which) unless ``reset``; editing a draft that
was ready or exported sends it back to ``draft`` (its rendered files stay, and preflight says when
they no longer match); a posted draft is never exported or posted again without ``force``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from crosspost.drafts.compose import Composition, compose, hashtags
from crosspost.drafts.cover import check_style, refresh_cover
from crosspost.drafts.preflight import PreflightFacts, preflight
from crosspost.errors import AlreadyPosted, NotFound, NothingGiven, NoTranslation, UserError
from crosspost.limits import check_cover_text_length, check_text_length
from crosspost.platforms import PlatformProfile, get_profile
from crosspost.posts import MAX_SEARCH_CHARS, fts_query, get_post, parse_planned
from crosspost.records import CheckedDraft, Draft, DraftMedia, Post, Problem
from crosspost.store import Store, record, utc_now
from crosspost.translation.glossary import map_topics
from crosspost.values import DraftStatus, Fit, Layout

EDITABLE = ("title", "body", "topics", "planned_at", "notes", "layout", "fit", "cover_style", "cover_text")
COVER_FIELDS = {"cover_style", "cover_text", "title"}  # a change redraws the rendered cover
_COLUMNS = (
    "id, post_id, platform, layout, target_lang, status, title, body, topics, media, cover, fit, "
    "planned_at, notes, exported_to, posted_at, posted_url, created_at, updated_at, cover_style, cover_text, "
    "thread, posted_uri"
)


def _draft(r: sqlite3.Row, edited: Iterable[str], alt_texts: dict[int, str]) -> Draft:
    platform, fit = r["platform"], r["fit"]
    return record(
        Draft,
        r,
        layout=Layout(r["layout"]),
        status=DraftStatus(r["status"]),
        title=r["title"] or "",
        body=r["body"] or "",
        topics=tuple(json.loads(r["topics"] or "[]")),
        media=tuple(DraftMedia.from_dict(m) for m in json.loads(r["media"] or "[]")),
        fit=Fit(fit) if fit else None,
        notes=r["notes"] or "",
        edited_fields=frozenset(edited),
        cover_style=r["cover_style"] or get_profile(platform).cover_text.get("default", "none"),
        thread=bool(r["thread"]),
        alt_texts=alt_texts,
    )


def _edited_fields(store: Store, draft_id: int) -> set[str]:
    return {r["field"] for r in store.rows("SELECT DISTINCT field FROM draft_edits WHERE draft_id = ?", [draft_id])}


def get_draft(store: Store, draft_id: int) -> Draft:
    try:
        did = int(draft_id)
    except (TypeError, ValueError):
        raise NotFound("draft", draft_id, malformed=True) from None
    row = None
    if 0 <= did < 2**63:
        row = store.row(f"SELECT {_COLUMNS} FROM drafts WHERE id = ?", [did])
    if row is None:
        raise NotFound("draft", did)
    alts = {
        r["media_id"]: r["text"]
        for r in store.rows("SELECT media_id, text FROM draft_alt_texts WHERE draft_id = ?", [did])
    }
    return _draft(row, _edited_fields(store, did), alts)


def find_draft(store: Store, post_id: int, platform: str) -> Draft | None:
    """The draft of POST_ID for PLATFORM, if there is one."""
    did = store.value("SELECT id FROM drafts WHERE post_id = ? AND platform = ?", [post_id, platform])
    return get_draft(store, did) if did is not None else None


def has_translation(store: Store, post_id: int, lang: str | None) -> bool:
    return (
        lang is not None
        and store.db.execute("SELECT 1 FROM translations WHERE post_id = ? AND lang = ?", [post_id, lang]).fetchone()
        is not None
    )


def check(store: Store, draft: Draft) -> list[Problem]:
    """Preflight of DRAFT with the facts loaded from the store and the disk."""
    present = has_translation(store, draft.post_id, draft.target_lang)
    doubtful = 0
    if present and draft.layout.needs_translation and draft.target_lang:
        from crosspost.translation.checking import doubtful_count  # from the last sentence check, if any

        doubtful = doubtful_count(store, draft.post_id, draft.target_lang) or 0
    facts = PreflightFacts.gather(draft, present, doubtful)
    return preflight(draft, get_profile(draft.platform), facts)


def checked(store: Store, draft_id: int, extra: Iterable[Problem] = ()) -> CheckedDraft:
    draft = get_draft(store, draft_id)
    problems = check(store, draft)
    seen = {(p.field, p.message) for p in problems}
    problems += [w for w in extra if (w.field, w.message) not in seen]
    return CheckedDraft(draft, tuple(problems))


def _media_for_post(post: Post) -> list[DraftMedia]:
    return [
        DraftMedia(
            media=m.id, kind=m.kind, source=m.path, width=m.width, height=m.height, duration=m.duration, size=m.size
        )
        for m in post.media
    ]


def _topics_for(store: Store, post: Post, source_lang: str, target_lang: str | None) -> list[str]:
    """The user's own topics for the post when they chose them, else the caption's hashtags mapped
    through the glossary."""
    if post.topics is not None:
        return list(post.topics)
    return map_topics(store, hashtags(post.caption), source_lang, target_lang)


def composition(
    store: Store, post: Post, profile: PlatformProfile, layout: Layout, target_lang: str | None
) -> Composition:
    """What a draft of POST for PROFILE's platform says now (title, body, topics), from the post,
    its translation and the user's own title and topics."""
    translation, source_lang = None, "en"
    if layout.needs_translation:
        t = post.translation(target_lang)
        if t is None:
            raise NoTranslation(post.id, target_lang, layout)
        translation, source_lang = t.text, t.source_lang or "en"
    topics = _topics_for(store, post, source_lang, target_lang)
    comp = compose(profile, post.caption, translation, layout, topics, target_lang, source_lang)
    if post.title is not None:
        comp.title = post.title
    return comp


def create_drafts(
    store: Store,
    post_ids: Sequence[int],
    platform: str,
    layout: Layout | None = None,
    target_lang: str | None = None,
    reset: bool = False,
    fit: Fit | None = None,
) -> list[CheckedDraft]:
    """One draft per post for PLATFORM (updating an existing one, never a duplicate)."""
    profile = get_profile(platform)
    fit_value = Fit.parse(fit, "fit mode") if fit is not None else None
    layout_value = Layout.parse(layout or profile.defaults.get("layout", Layout.ORIGINAL), "layout")
    target_lang = target_lang or profile.defaults.get("target_lang")
    if layout_value.needs_translation and not target_lang:
        raise NoTranslation(0, None, layout_value)
    if not post_ids:
        raise NothingGiven("post ID")
    posts = [get_post(store, p) for p in post_ids]
    plans = [(post, composition(store, post, profile, layout_value, target_lang)) for post in posts]
    now = utc_now()
    results = []
    db = store.db
    with store.transaction():
        for post, comp in plans:
            existing = find_draft(store, post.id, platform)
            topics_json = json.dumps(comp.topics, ensure_ascii=False)
            media = _media_for_post(post)
            if existing is None:
                did = db.execute(
                    "INSERT INTO drafts (post_id, platform, layout, target_lang, status, title, body, topics, media, "
                    "fit, planned_at, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        post.id,
                        platform,
                        str(layout_value),
                        target_lang,
                        str(DraftStatus.DRAFT),
                        comp.title,
                        comp.body,
                        topics_json,
                        json.dumps([m.to_dict() for m in media]),
                        str(fit_value or profile.default_fit),
                        post.planned_at,
                        post.notes or "",
                        now,
                        now,
                    ],
                ).lastrowid
                assert did is not None  # set by the INSERT just run
            else:
                did = existing.id
                keep = set() if reset else set(existing.edited_fields)
                values = {"title": comp.title, "body": comp.body, "topics": topics_json}
                sets: dict[str, Any] = {k: v for k, v in values.items() if k not in keep}
                old_media = {m.media: m for m in existing.media}
                for i, m in enumerate(media):  # keep renders of unchanged sources
                    old = old_media.get(m.media)
                    if old and old.source == m.source:
                        media[i] = old
                sets.update(
                    {
                        "layout": str(layout_value),
                        "target_lang": target_lang,
                        "media": json.dumps([m.to_dict() for m in media]),
                        "updated_at": now,
                    }
                )
                if fit_value is not None:
                    sets["fit"] = str(fit_value)
                if existing.status in (DraftStatus.READY, DraftStatus.EXPORTED):
                    sets["status"] = str(DraftStatus.DRAFT)
                if reset:
                    db.execute("DELETE FROM draft_edits WHERE draft_id = ?", [did])
                db.execute(
                    f"UPDATE drafts SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?", [*sets.values(), did]
                )
            results.append((did, comp.warnings))
    return [checked(store, did, extra) for did, extra in results]


def list_drafts(
    store: Store, platform: str | None = None, status: DraftStatus | None = None, search: str | None = None
) -> list[CheckedDraft]:
    sql, params = "SELECT id FROM drafts WHERE 1 = 1", []
    if platform:
        get_profile(platform)
        sql += " AND platform = ?"
        params.append(platform)
    if status:
        sql += " AND status = ?"
        params.append(str(DraftStatus.parse(status, "status")))
    if search and search.strip():
        search = search[:MAX_SEARCH_CHARS]  # SQLite refuses LIKE patterns past 50,000 bytes
        like = f"%{search.strip()}%"
        sql += (
            " AND (id IN (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?) "
            "OR title LIKE ? OR body LIKE ? OR topics LIKE ?)"
        )
        params += [fts_query(search), like, like, like]
    sql += " ORDER BY coalesce(planned_at, '9999'), updated_at DESC, id"
    # The IDs, then each draft and its checks, from one state of the store: a draft deleted by another
    # process (or a job) in between is not looked up and missed (NotFound).
    with store.snapshot():
        return [checked(store, r["id"]) for r in store.rows(sql, params)]


def edit_draft(store: Store, draft_id: int, *, force: bool = False, **fields: Any) -> CheckedDraft:
    """Change fields of a draft; every change is kept in the edit history (undo-able)."""
    d = get_draft(store, draft_id)
    if d.status is DraftStatus.POSTED and not force:
        raise AlreadyPosted(d.id, d.platform, d.posted_at)
    changes: dict[str, tuple[Any, Any]] = {}
    for key, value in fields.items():
        if value is None:
            continue
        if key not in EDITABLE:
            raise UserError(f"{key} cannot be edited.")
        if key in ("title", "body"):
            check_text_length(value, key)
        if key == "cover_text":
            check_cover_text_length(value)
        if key == "topics":
            items = value if isinstance(value, list) else value.split(",")
            new_topics = [t.strip().lstrip("#＃") for t in items if t.strip()]
            if new_topics != list(d.topics):
                changes[key] = (
                    json.dumps(list(d.topics), ensure_ascii=False),
                    json.dumps(new_topics, ensure_ascii=False),
                )
            continue
        if key == "planned_at":
            value = parse_planned(value)
        if key == "layout":
            value = str(Layout.parse(value, "layout"))
        if key == "fit":
            value = str(Fit.parse(value, "fit mode"))
        if key == "cover_style":
            check_style(get_profile(d.platform), value)
        current = getattr(d, key)
        if value != (str(current) if current is not None else None):
            changes[key] = (None if current is None else str(current), value)
    if not changes:
        return checked(store, d.id)
    now = utc_now()
    with store.transaction():
        for key, (old, new) in changes.items():
            store.db.execute(
                "INSERT INTO draft_edits (draft_id, field, old_value, new_value, edited_at) VALUES (?, ?, ?, ?, ?)",
                [d.id, key, old, new, now],
            )
            store.db.execute(f"UPDATE drafts SET {key} = ? WHERE id = ?", [new, d.id])
        status = DraftStatus.DRAFT if d.status in (DraftStatus.READY, DraftStatus.EXPORTED) else d.status
        store.db.execute("UPDATE drafts SET updated_at = ?, status = ? WHERE id = ?", [now, str(status), d.id])
    if changes.keys() & COVER_FIELDS:
        refresh_cover(store, get_draft(store, d.id))
    return checked(store, d.id)


def history(store: Store, draft_id: int) -> list[dict[str, Any]]:
    d = get_draft(store, draft_id)
    return [
        {"id": r["id"], "field": r["field"], "old": r["old_value"], "new": r["new_value"], "at": r["edited_at"]}
        for r in store.rows(
            "SELECT id, field, old_value, new_value, edited_at FROM draft_edits WHERE draft_id = ? ORDER BY id", [d.id]
        )
    ]


def undo_last_edit(store: Store, draft_id: int) -> CheckedDraft:
    """Revert the most recent edit of a draft (the window's Ctrl+Z across sessions)."""
    d = get_draft(store, draft_id)
    row = store.row("SELECT id, field, old_value FROM draft_edits WHERE draft_id = ? ORDER BY id DESC LIMIT 1", [d.id])
    if row is None:
        raise UserError(f"Draft {d.id} has no edits to undo.")
    field = row["field"]
    if field not in EDITABLE:
        raise UserError(f"Draft {d.id}'s last edit cannot be undone.")
    with store.transaction():
        store.db.execute(
            f"UPDATE drafts SET {field} = ?, updated_at = ? WHERE id = ?", [row["old_value"], utc_now(), d.id]
        )
        store.db.execute("DELETE FROM draft_edits WHERE id = ?", [row["id"]])
    if field in COVER_FIELDS:
        refresh_cover(store, get_draft(store, d.id))
    return checked(store, d.id)


def mark_posted(store: Store, draft_id: int, url: str | None = None, force: bool = False) -> CheckedDraft:
    d = get_draft(store, draft_id)
    if d.status is DraftStatus.POSTED and not force:
        raise AlreadyPosted(d.id, d.platform, d.posted_at)
    if url and url.strip():
        from crosspost.drafts.sharelink import post_link

        link = post_link(url)  # a bare link, or the text RedNote's share button copies
        if link is None:
            shown = url.strip() if len(url.strip()) <= 60 else url.strip()[:57] + "…"
            raise UserError(
                f"{shown!r} is not a link and holds none; give the post's address, e.g. "
                "https://www.xiaohongshu.com/…, or paste what RedNote's Share → Copy link gives."
            )
        url = link
    else:
        url = None
    with store.transaction():
        store.db.execute(
            "UPDATE drafts SET status = ?, posted_at = ?, posted_url = ?, updated_at = ? WHERE id = ?",
            [str(DraftStatus.POSTED), utc_now(), url, utc_now(), d.id],
        )
    return checked(store, d.id)


def set_status(store: Store, draft_id: int, status: DraftStatus, **extra: Any) -> None:
    """Inside the caller's transaction: the draft's new status (and columns such as exported_to)."""
    sets = {"status": str(status), "updated_at": utc_now(), **extra}
    store.db.execute(
        f"UPDATE drafts SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?", [*sets.values(), draft_id]
    )


def save_render(store: Store, draft: Draft, media: Sequence[DraftMedia], cover: str | None) -> CheckedDraft:
    """Record a finished render; a draft whose preflight then passes becomes ready."""
    with store.transaction():
        store.db.execute(
            "UPDATE drafts SET media = ?, cover = ?, updated_at = ? WHERE id = ?",
            [json.dumps([m.to_dict() for m in media]), cover, utc_now(), draft.id],
        )
        result = checked(store, draft.id)
        if draft.status is DraftStatus.DRAFT and result.ok:
            set_status(store, draft.id, DraftStatus.READY)
    return checked(store, draft.id)


def set_alt_text(store: Store, draft_id: int, media_index: int, text: str) -> CheckedDraft:
    """Alt text of the draft's MEDIA_INDEX-th media file (1-based, counting the files it has)."""
    d = get_draft(store, draft_id)
    media = d.sources
    if not 1 <= media_index <= len(media):
        raise UserError(
            f"Draft {d.id} has {len(media)} media item{'s' if len(media) != 1 else ''}; there is no item {media_index}."
        )
    media_id = media[media_index - 1].media
    with store.transaction():
        if text.strip():
            store.db.execute(
                "INSERT INTO draft_alt_texts (draft_id, media_id, text) VALUES (?, ?, ?) "
                "ON CONFLICT (draft_id, media_id) DO UPDATE SET text = excluded.text",
                [d.id, media_id, text.strip()],
            )
        else:
            store.db.execute("DELETE FROM draft_alt_texts WHERE draft_id = ? AND media_id = ?", [d.id, media_id])
    return checked(store, d.id)


def set_thread(store: Store, draft_id: int, thread: bool) -> CheckedDraft:
    """Whether a caption over the platform's limit goes out as a thread of replies."""
    d = get_draft(store, draft_id)
    with store.transaction():
        store.db.execute("UPDATE drafts SET thread = ? WHERE id = ?", [1 if thread else 0, d.id])
    return checked(store, d.id)


def delete_drafts(store: Store, draft_ids: Sequence[int]) -> int:
    """Delete drafts (their rendered files stay until the next render); returns how many went."""
    ids = [get_draft(store, i).id for i in draft_ids]
    with store.transaction():
        for start in range(0, len(ids), 900):
            batch = ids[start : start + 900]
            store.db.execute(f"DELETE FROM drafts WHERE id IN ({','.join('?' * len(batch))})", batch)
    return len(ids)
