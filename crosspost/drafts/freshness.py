"""Drafts stay true: whether a draft still says what its post, translation and media say now.

A draft is *out of date* when recomposing it now would change a field the user did not edit by hand
(its post's caption, title or topics changed, or its translation did) or when the post's media
changed (a file fetched, attached or replaced since the draft was made). Comparing what the draft
holds with what it would hold needs no timestamps, so an edit undone is no change, and a field the
user wrote themselves never makes a draft stale. ``refresh_draft`` recomposes it keeping those
fields (``create_drafts`` keeps edited fields).
"""

from __future__ import annotations

from collections.abc import Sequence

from crosspost.errors import UserError
from crosspost.platforms import get_profile
from crosspost.posts import get_post
from crosspost.records import CheckedDraft, Draft
from crosspost.store import Store
from crosspost.values import DraftStatus

# Why a draft is out of date (one word each, for the faces to word).
POST, TRANSLATION, MEDIA = "post", "translation", "media"


def out_of_date(store: Store, draft: Draft) -> tuple[str, ...]:
    """What changed since DRAFT was made (``POST``, ``TRANSLATION``, ``MEDIA``); empty when it is
    current. A posted draft is history: never out of date."""
    from crosspost.drafts.store import composition

    if draft.status is DraftStatus.POSTED:
        return ()
    post = get_post(store, draft.post_id)
    reasons: list[str] = []
    try:
        comp = composition(store, post, get_profile(draft.platform), draft.layout, draft.target_lang)
    except UserError:  # the translation went away: recomposing needs it first
        reasons.append(TRANSLATION)
    else:
        fresh = {"title": comp.title, "body": comp.body, "topics": tuple(comp.topics)}
        changed = {k for k, v in fresh.items() if k not in draft.edited_fields and v != getattr(draft, k)}
        if changed:
            translation = post.translation(draft.target_lang) if draft.layout.needs_translation else None
            if (
                "body" in changed
                and translation is not None
                and translation.updated_at
                and translation.updated_at > draft.updated_at
            ):
                reasons.append(TRANSLATION)
            if changed - {"body"} or TRANSLATION not in reasons:
                reasons.append(POST)
    now = [(m.id, m.path) for m in post.media]
    then = [(m.media, m.source) for m in draft.media]
    if now != then:
        reasons.append(MEDIA)
    return tuple(reasons)


def stale_drafts(store: Store, drafts: Sequence[Draft]) -> dict[int, tuple[str, ...]]:
    """Draft id → why it is out of date, for the drafts of DRAFTS that are."""
    out = {}
    for d in drafts:
        reasons = out_of_date(store, d)
        if reasons:
            out[d.id] = reasons
    return out


def refresh_draft(store: Store, draft_id: int) -> CheckedDraft:
    """Recompose a draft from its post, translation and media as they are now, keeping every field
    the user edited by hand (and its layout, language, fit, plan and notes)."""
    from crosspost.drafts.store import create_drafts, get_draft

    d = get_draft(store, draft_id)
    return create_drafts(store, [d.post_id], d.platform, d.layout, d.target_lang, fit=d.fit)[0]


def describe(reasons: Sequence[str]) -> str:
    """A neutral sentence for the CLI (the window words it itself)."""
    what = {POST: "the post", TRANSLATION: "its translation", MEDIA: "its media"}
    parts = [what[r] for r in reasons if r in what]
    if not parts:
        return ""
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Out of date: {joined} changed after the draft was made."


def refresh_drafts_of(store: Store, post_ids: Sequence[int]) -> list[CheckedDraft]:
    """After the media of POST_IDS changed (fetched, attached): their drafts that are not posted and
    are out of date take it, keeping hand edits."""
    from crosspost.drafts.store import get_draft

    out = []
    for pid in post_ids:
        for (draft_id,) in store.db.execute(
            "SELECT id FROM drafts WHERE post_id = ? AND status != 'posted' ORDER BY id", [pid]
        ).fetchall():
            if out_of_date(store, get_draft(store, draft_id)):
                try:
                    out.append(refresh_draft(store, draft_id))
                except UserError:  # e.g. its translation is gone: the queue shows it out of date
                    continue
    return out
