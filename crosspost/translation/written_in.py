"""Which language each post's caption is written in: the user's own choice ("written in") first,
else detected among the languages the user has packs for plus the account's usual language, which
is also what a caption too short or too unsure to tell falls back to."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosspost.paths import DataLocation
from crosspost.store import Store
from crosspost.translation.detect import DEFAULT_LANGUAGE, USUAL_SAMPLE, detect_language, usual_language


class LanguageSource(enum.StrEnum):
    CHOSEN = "chosen"  # the user said so (the editor's "Written in", ``posts edit --lang``)
    DETECTED = "detected"
    USUAL = "usual"  # too short or too unsure to tell: the account's usual language


@dataclass(frozen=True)
class CaptionLanguage:
    code: str
    source: LanguageSource


def pack_languages(location: DataLocation) -> frozenset[str]:
    """Every language an installed pack translates from or into."""
    from crosspost.translation.packs import installed_packs

    codes: set[str] = set()
    for pack in installed_packs(location):
        codes.update((pack.from_code, pack.to_code))
    return frozenset(codes)


def account_usual_language(store: Store, account_id: int) -> str:
    """The most common detected language of the account's posts (the newest few hundred), or English."""
    captions = [
        r[0]
        for r in store.db.execute(
            "SELECT caption FROM posts WHERE account_id = ? AND caption != '' ORDER BY created_at DESC LIMIT ?",
            [account_id, USUAL_SAMPLE],
        )
    ]
    return usual_language(captions) if captions else DEFAULT_LANGUAGE


def caption_languages(
    store: Store, location: DataLocation, rows: Iterable[tuple[int, str, int, str | None]]
) -> dict[int, CaptionLanguage]:
    """{post id: its caption's language} for ROWS of (post id, caption, account id, written in)."""
    candidates = pack_languages(location)
    usual: dict[int, str] = {}
    out: dict[int, CaptionLanguage] = {}
    for post_id, caption, account_id, written_in in rows:
        if written_in:
            out[post_id] = CaptionLanguage(written_in, LanguageSource.CHOSEN)
            continue
        if account_id not in usual:
            usual[account_id] = account_usual_language(store, account_id)
        code, detected = detect_language(caption or "", usual[account_id], candidates)
        out[post_id] = CaptionLanguage(code, LanguageSource.DETECTED if detected else LanguageSource.USUAL)
    return out


def post_languages(store: Store, location: DataLocation, post_ids: Sequence[int]) -> dict[int, CaptionLanguage]:
    """{post id: its caption's language} for POST_IDS."""
    rows = []
    for start in range(0, len(post_ids), 900):
        batch = list(post_ids[start : start + 900])
        rows += store.db.execute(
            f"SELECT id, caption, account_id, written_in FROM posts WHERE id IN ({','.join('?' * len(batch))})",
            batch,
        ).fetchall()
    return caption_languages(store, location, rows)
