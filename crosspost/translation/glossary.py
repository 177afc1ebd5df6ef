"""The user's glossary: their own terms (name, shop, "TikTok refugee" → "TikTok难民") and hashtag →
topic mappings for drafts. Every change bumps the glossary version, which is part of the translation
memory's key, so a changed glossary is never hidden by a remembered translation."""

from __future__ import annotations

from typing import Any

from crosspost.errors import UserError
from crosspost.store import Store, utc_now
from crosspost.translation.protect import _glossary_regex
from crosspost.values import GlossaryKind

VERSION_SETTING = "glossary_version"


def glossary_version(store: Store) -> int:
    return int(store.setting(VERSION_SETTING, "0") or 0)


def _bump(store: Store) -> None:
    store.set_setting(VERSION_SETTING, str(glossary_version(store) + 1))


def list_entries(
    store: Store, source_lang: str | None = None, target_lang: str | None = None, kind: GlossaryKind | None = None
) -> list[dict[str, Any]]:
    sql = "SELECT id, source_lang, target_lang, term, translation, kind FROM glossary WHERE 1 = 1"
    params: list[Any] = []
    for column, value in (("source_lang", source_lang), ("target_lang", target_lang), ("kind", kind)):
        if value:
            sql += f" AND {column} = ?"
            params.append(value)
    return [
        {
            "id": r["id"],
            "from": r["source_lang"],
            "to": r["target_lang"],
            "term": r["term"],
            "translation": r["translation"],
            "kind": r["kind"],
        }
        for r in store.rows(sql + " ORDER BY kind, lower(term)", params)
    ]


def _normalise_term(term: str, kind: GlossaryKind) -> str:
    term = term.strip()
    if kind is GlossaryKind.TOPIC:
        term = term.lstrip("#＃").strip()
    if not term:
        raise UserError("A glossary term cannot be empty.")
    return term


def add_entry(
    store: Store,
    term: str,
    translation: str,
    source_lang: str = "en",
    target_lang: str = "zh",
    kind: GlossaryKind = GlossaryKind.TERM,
) -> dict[str, Any]:
    kind = GlossaryKind.parse(kind, "glossary kind")
    term = _normalise_term(term, kind)
    translation = translation.strip().lstrip("#＃") if kind is GlossaryKind.TOPIC else translation.strip()
    if not translation:
        raise UserError("Give the translation for the term.")
    with store.transaction():
        store.db.execute(
            "INSERT INTO glossary (source_lang, target_lang, term, translation, kind, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_lang, target_lang, kind, term) "
            "DO UPDATE SET translation = excluded.translation",
            [source_lang, target_lang, term, translation, kind, utc_now()],
        )
        _bump(store)
    return next(e for e in list_entries(store, source_lang, target_lang, kind) if e["term"] == term)


def remove_entry(
    store: Store, term: str, source_lang: str = "en", target_lang: str = "zh", kind: GlossaryKind = GlossaryKind.TERM
) -> None:
    kind = GlossaryKind.parse(kind, "glossary kind")
    term = _normalise_term(term, kind)
    with store.transaction():
        cursor = store.db.execute(
            "DELETE FROM glossary WHERE source_lang = ? AND target_lang = ? AND kind = ? AND term = ?",
            [source_lang, target_lang, kind, term],
        )
        if cursor.rowcount == 0:
            raise UserError(f"{term!r} is not in the {source_lang}→{target_lang} glossary.")
        _bump(store)


def terms_for(store: Store, source_lang: str, target_lang: str) -> dict[str, str]:
    return {e["term"]: e["translation"] for e in list_entries(store, source_lang, target_lang, GlossaryKind.TERM)}


def map_topics(store: Store, tags: list[str], source_lang: str | None, target_lang: str | None) -> list[str]:
    """Hashtags (with or without #) mapped to the user's target-language topics where mapped."""
    mapping = {}
    if source_lang and target_lang:
        mapping = {
            e["term"].lower(): e["translation"]
            for e in list_entries(store, source_lang, target_lang, GlossaryKind.TOPIC)
        }
    return [mapping.get(tag.lstrip("#＃").lower(), tag.lstrip("#＃")) for tag in tags]


def posts_with_term(store: Store, term: str, *, translated_to: str | None = None) -> list[int]:
    """Posts whose caption contains glossary TERM, matched as the translator matches it (the one
    answer to "which posts use this term"); with TRANSLATED_TO, only those with a translation into it."""
    pattern = _glossary_regex({term: ""})
    if pattern is None or not term.strip():
        return []
    sql = "SELECT id, caption FROM posts WHERE instr(lower(caption), lower(?)) > 0"
    params: list[str] = [term.strip()]
    if translated_to is not None:
        sql += " AND id IN (SELECT post_id FROM translations WHERE lang = ?)"
        params.append(translated_to)
    return [r["id"] for r in store.rows(sql + " ORDER BY id", params) if pattern.search(r["caption"] or "")]
