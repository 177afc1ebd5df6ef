"""Translating captions and storing the results with their posts.

For each caption set (a chunk of captions with one language pair): segment every caption
(``protect.py``), split its prose into sentences, look every sentence up in the translation memory
(keyed by text, pair, pack version and glossary version), translate only the misses in one batched
engine call (two when pivoting through English), put the captions back together with every protected
token in place, and store the set's translations in one small transaction — Ctrl-C keeps the sets
that finished and never leaves half a row. A translation the user edited is never overwritten without
``force``.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from crosspost.errors import NoLanguagePack
from crosspost.paths import DataLocation
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.records import Translation, fields_json
from crosspost.store import Store, utc_now
from crosspost.translation.pipeline import (  # noqa: F401 - also this module's API
    _GLUES_AFTER,
    _STARTS_MENTION_OR_EMAIL,
    _WORDISH,
    CHUNK,
    KNOWN_CODES,
    NO_SPACE_LANGS,
    PIVOT,
    BatchStats,
    CaptionPlan,
    Route,
    _assemble,
    _lookup,
    _plan,
    check_code,
    find_route,
    memory_key,
    translate_captions,
)
from crosspost.translation.written_in import CaptionLanguage, LanguageSource, caption_languages


@dataclass
class PostTranslation:
    post: int
    source: str
    target: str
    text: str
    pivot: str | None = None
    kept_edit: bool = False
    note: str | None = None
    skipped: SkipReason | None = None  # not translated (TEXT is empty): why
    source_from: LanguageSource | None = None  # how SOURCE was known (auto only)

    @property
    def skip_message(self) -> str:
        """Why the post was skipped, as a neutral sentence (empty when it was not)."""
        if self.skipped is SkipReason.NO_PACK:
            how = {
                LanguageSource.CHOSEN: "you said it is written in",
                LanguageSource.DETECTED: "it was detected as",
                LanguageSource.USUAL: "it is taken to be in the account's usual language,",
            }.get(self.source_from or LanguageSource.CHOSEN, "it is in")
            return f"no {self.source}→{self.target} language pack is installed ({how} {self.source})"
        return ""

    def to_json(self) -> dict[str, Any]:
        return {
            **fields_json(self, skip=("note", "skipped", "source_from"), source="from", target="to"),
            **({"note": self.note} if self.note else {}),
            **({"skipped": str(self.skipped), "reason": self.skip_message} if self.skipped else {}),
        }


class SkipReason(enum.StrEnum):
    NO_PACK = "no_pack"  # no installed pack (direct or through English) for the post's language


def _store_translations(
    store: Store, route: Route, rows: list[tuple[int, str]], *, force: bool = False
) -> dict[int, str]:
    """Store (post id, text) pairs as one transaction: all of them, or none. Unless FORCE, a
    translation the user edited meanwhile (another command, the window) is kept: ``edited`` is
    checked in the same transaction as the write. Returns {post id: kept edited text}."""
    now = utc_now()
    kept: dict[int, str] = {}
    with store.transaction():
        if not force and rows:
            ids = [post_id for post_id, _ in rows]
            kept = dict(
                store.db.execute(
                    f"SELECT post_id, text FROM translations WHERE lang = ? AND edited = 1 "
                    f"AND post_id IN ({','.join('?' * len(ids))})",
                    [route.target, *ids],
                ).fetchall()
            )
        store.db.conn.executemany(
            "INSERT INTO translations (post_id, lang, source_lang, text, pack, pack_version, pivot, edited, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) "
            "ON CONFLICT (post_id, lang) DO UPDATE SET source_lang = excluded.source_lang, text = excluded.text, "
            "pack = excluded.pack, pack_version = excluded.pack_version, pivot = excluded.pivot, edited = 0, "
            "updated_at = excluded.updated_at",
            [
                (post_id, route.target, route.source, text, route.pack_name, route.pack_version, route.pivot, now, now)
                for post_id, text in rows
                if post_id not in kept
            ],
        )
    return kept


def translate_posts(
    store: Store,
    location: DataLocation,
    post_ids: Sequence[int] | None,
    source: str,
    target: str,
    *,
    force: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    stats: BatchStats | None = None,
) -> list[PostTranslation]:
    """Translate the captions of POST_IDS (None: every post without a TARGET translation).

    With SOURCE "auto" each caption's language is the post's "written in" choice, else detected
    (``written_in``). A post whose language no installed pack translates is skipped (a result with
    ``skipped`` set) and the rest go on."""
    from crosspost.store.lookups import require_post

    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    source = check_code(source, allow_auto=True)
    target = check_code(target)
    db = store.db
    if post_ids is None:
        rows = db.execute(
            "SELECT p.id, p.caption, p.account_id, p.written_in FROM posts p "
            "WHERE NOT EXISTS (SELECT 1 FROM translations t WHERE t.post_id = p.id AND t.lang = ?) "
            "ORDER BY p.created_at",
            [target],
        ).fetchall()
    else:
        ids = [require_post(store, i) for i in post_ids]
        found = {
            r[0]: r
            for r in db.execute(
                f"SELECT p.id, p.caption, p.account_id, p.written_in FROM posts p "
                f"WHERE p.id IN ({','.join('?' * len(ids))})",
                ids,
            )
        }
        rows = [found[i] for i in dict.fromkeys(ids)]
    edited = {r[0] for r in db.execute("SELECT post_id FROM translations WHERE lang = ? AND edited = 1", [target])}

    results: list[PostTranslation] = []
    groups: dict[str, list[tuple[int, str]]] = {}
    languages: dict[int, CaptionLanguage] = (
        caption_languages(store, location, [r for r in rows if (r[1] or "").strip()]) if source == "auto" else {}
    )
    for post_id, caption, _account, _written_in in rows:
        lang = languages[post_id].code if post_id in languages else (source if source != "auto" else "en")
        if post_id in edited and not force:
            text = db.execute(
                "SELECT text FROM translations WHERE post_id = ? AND lang = ?", [post_id, target]
            ).fetchone()[0]
            results.append(
                PostTranslation(post_id, lang, target, text, kept_edit=True, note="kept your edited translation")
            )
            continue
        if not (caption or "").strip():
            results.append(PostTranslation(post_id, lang, target, "", note="the post has no caption"))
            continue
        groups.setdefault(lang, []).append((post_id, caption))

    done, total = 0, sum(len(v) for v in groups.values())
    for lang, items in groups.items():
        if lang == target:
            for post_id, caption in items:
                results.append(PostTranslation(post_id, lang, target, caption, note=f"already in {target}"))
            done += len(items)
            continue
        try:
            route = find_route(location, lang, target)
        except NoLanguagePack:
            for post_id, _ in items:
                how = languages[post_id].source if post_id in languages else LanguageSource.CHOSEN
                results.append(PostTranslation(post_id, lang, target, "", skipped=SkipReason.NO_PACK, source_from=how))
            done += len(items)
            continue
        for start in range(0, len(items), CHUNK):
            cancel.check()
            chunk = items[start : start + CHUNK]
            texts = translate_captions(store, route, [c for _, c in chunk], stats)
            from crosspost.translation.checking import keep_sentence_edits  # the user's own sentences stay

            texts = keep_sentence_edits(store, route, chunk, texts)
            kept = _store_translations(
                store, route, [(post_id, text) for (post_id, _), text in zip(chunk, texts)], force=force
            )
            for (post_id, _), text in zip(chunk, texts):
                if post_id in kept:
                    results.append(
                        PostTranslation(
                            post_id,
                            lang,
                            target,
                            kept[post_id],
                            kept_edit=True,
                            note="kept the translation you edited while this ran",
                        )
                    )
                    continue
                results.append(
                    PostTranslation(
                        post_id,
                        lang,
                        target,
                        text,
                        route.pivot,
                        note=f"pivoted through English ({route.pack_name})" if route.pivot else None,
                    )
                )
            done += len(chunk)
            progress(Progress(done, total, f"translated {done} of {total}"))
    order = {r[0]: i for i, r in enumerate(rows)}
    results.sort(key=lambda r: order.get(r.post, 0))
    return results


def save_edit(store: Store, post_id: int, lang: str, text: str) -> dict[str, Any]:
    """The user's own wording of a translation: kept, and marked ``edited``."""
    from crosspost.limits import check_text_length
    from crosspost.store.lookups import require_post

    check_text_length(text, "translation")
    post_id = require_post(store, post_id)
    lang = check_code(lang)
    now = utc_now()
    with store.transaction():
        store.db.execute(
            "INSERT INTO translations (post_id, lang, source_lang, text, edited, created_at, updated_at) "
            "VALUES (?, ?, '', ?, 1, ?, ?) ON CONFLICT (post_id, lang) DO UPDATE SET text = excluded.text, "
            "edited = 1, updated_at = excluded.updated_at",
            [post_id, lang, text, now, now],
        )
    return {"post": post_id, "lang": lang, "text": text, "edited": True}


def restore_translation(store: Store, post_id: int, lang: str, previous: Translation | None) -> None:
    """Put a post's LANG translation back the way PREVIOUS was (None: the post had none, so it has
    none again): the undo of an edit, which leaves no "edited" mark or empty translation behind."""
    from crosspost.store.lookups import require_post

    post_id = require_post(store, post_id)
    lang = check_code(lang)
    now = utc_now()
    with store.transaction():
        if previous is None:
            store.db.execute("DELETE FROM translations WHERE post_id = ? AND lang = ?", [post_id, lang])
            return
        store.db.execute(
            "INSERT INTO translations (post_id, lang, source_lang, text, pack, pack_version, pivot, edited, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (post_id, lang) DO UPDATE "
            "SET source_lang = excluded.source_lang, text = excluded.text, pack = excluded.pack, "
            "pack_version = excluded.pack_version, pivot = excluded.pivot, edited = excluded.edited, "
            "updated_at = excluded.updated_at",
            [
                post_id,
                lang,
                previous.source_lang or "",
                previous.text,
                previous.pack,
                previous.pack_version,
                previous.pivot,
                int(previous.edited),
                now,
                previous.updated_at or now,
            ],
        )
