"""Publishing drafts through a platform's API, exactly once.

The loop for one draft:

1. preflight (the same checks as export, plus the text as it will be posted);
2. plan the records: the text (with the topics as #tags) as one post, or a thread of replies split at
   sentence boundaries when the user chose "thread"; each part gets a record key (a TID) that is
   **stored before any record is created**;
3. for each part not yet recorded as created: look the record up under its key (``getRecord``); if
   it is there an earlier run got through (it was killed, or the network dropped after the server
   wrote it), so take its URI; otherwise upload the media (reusing blobs stored by an earlier run)
   and create the record under that key; store its URI;
4. mark the draft posted with the first post's ``at://`` URI and its bsky.app link.

A crash at any point therefore never posts twice: the key is fixed before the first call, and a
second ``createRecord`` under the same key cannot make a second post. One publishing run at a time per
data dir (a lock file), so the window's scheduler and a cron job cannot race each other.

Tests make the process kill itself at a named point with ``CROSSPOST_TEST_KILL_AT`` (see ``_checkpoint``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosspost.drafts.preflight import post_text
from crosspost.drafts.richtext import MAX_GRAPHEMES, facets_for, split_thread
from crosspost.drafts.store import checked, get_draft, set_alt_text, set_status
from crosspost.errors import (
    NoPublishApi,
    NothingToTranslate,
    NotReadyToPublish,
    OtherAccount,
    PublishError,
    PublishingBusy,
    UserError,
)
from crosspost.media.facts import file_sha256
from crosspost.paths import DataLocation
from crosspost.platforms import PlatformProfile, get_profile
from crosspost.posts import get_post
from crosspost.progress import Progress, ProgressCallback, no_progress
from crosspost.publishing import accounts as acc
from crosspost.publishing.bluesky import (
    POST_COLLECTION,
    BlobMissing,
    BlueskySession,
    RecordMissing,
    login,
    new_tid,
    upload_video,
)
from crosspost.records import CheckedDraft, Draft, DraftMedia, fields_json
from crosspost.store import Store, utc_now
from crosspost.values import DraftStatus, Layout, MediaKind, ProblemCode

KILL_ENV = "CROSSPOST_TEST_KILL_AT"


def _checkpoint(name: str) -> None:
    """Test hook: with CROSSPOST_TEST_KILL_AT=NAME the process kills itself here (SIGKILL: no clean-up,
    like a power cut)."""
    if os.environ.get(KILL_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


# --- errors (neutral sentences; the faces add the remedy) --------------------------------------------


# --- results ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    draft: int
    uri: str | None
    url: str
    already: bool = False
    parts: int = 1
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The contract's ``{"draft", "uri", "url"}``, plus detail."""
        return fields_json(self, already="already_posted")


def post_url(did_or_handle: str, uri: str) -> str:
    return f"https://bsky.app/profile/{did_or_handle}/post/{uri.rsplit('/', 1)[-1]}"


# --- languages ---------------------------------------------------------------------------------------


def source_lang(store: Store, draft: Draft) -> str:
    """The language of the post's own caption: what the translation was made from, else detected."""
    from crosspost.translation.detect import detect_language

    post = get_post(store, draft.post_id)
    t = post.translation(draft.target_lang) if draft.target_lang else None
    if t is not None and t.source_lang:
        return t.source_lang
    if post.written_in:
        return post.written_in
    return detect_language(post.caption or draft.body)[0]


def langs_for(store: Store, draft: Draft) -> list[str]:
    """The post's ``langs`` (at most 3): the caption's language, the translation's, or both."""
    source = source_lang(store, draft)
    if draft.layout is Layout.TRANSLATED and draft.target_lang:
        langs = [draft.target_lang]
    elif draft.layout is Layout.BILINGUAL and draft.target_lang:
        langs = [source, draft.target_lang]
    else:
        langs = [source]
    out: list[str] = []
    for lang in langs:
        lang = {"zt": "zh-Hant"}.get(lang, lang)
        if lang not in out:
            out.append(lang)
    return out[:3]


# --- media -----------------------------------------------------------------------------------------


def _image_under(path: Path, limit: int) -> tuple[bytes, str, int, int]:
    """The image's bytes (re-encoded smaller when over LIMIT bytes), its MIME type, width, height."""
    from PIL import Image

    data = path.read_bytes()
    with Image.open(io.BytesIO(data)) as im:
        width, height = im.size
        fmt = (im.format or "JPEG").upper()
        if len(data) <= limit and fmt in ("JPEG", "PNG"):
            return data, "image/jpeg" if fmt == "JPEG" else "image/png", width, height
        image = im.convert("RGB")
    scale = 1.0
    for quality in (90, 85, 80, 72, 65, 58, 50, 45, 40, 35, 30, 30, 30, 30, 30):
        if quality == 30:
            scale *= 0.8
        resized = (
            image
            if scale == 1.0
            else image.resize((max(1, int(width * scale)), max(1, int(height * scale))), Image.Resampling.LANCZOS)
        )
        buf = io.BytesIO()
        resized.save(buf, "JPEG", quality=quality, optimize=True)
        if buf.tell() <= limit:
            return buf.getvalue(), "image/jpeg", resized.width, resized.height
    raise PublishError(f"{path.name} cannot be made smaller than {limit / 1e6:.1f} MB.", kind="too_large")


def _video_size(m: DraftMedia, path: Path) -> tuple[int, int]:
    if m.rendered_width and m.rendered_height:
        return int(m.rendered_width), int(m.rendered_height)
    from crosspost.media.probe import probe_file

    info = probe_file(path)
    if not info.width or not info.height:
        raise PublishError(f"{path.name} has no readable picture size; render the draft again.", kind="media")
    return info.width, info.height


# --- what the store keeps of a publishing run (record keys, created records, uploaded blobs) --------


@dataclass
class _Plan:
    """One part (post) of a draft's publication: its record key, fixed before any network call."""

    rkey: str
    repo: str
    uri: str | None = None
    cid: str | None = None


def _plans(store: Store, draft_id: int) -> dict[int, _Plan]:
    return {
        r["part"]: _Plan(rkey=r["rkey"], repo=r["repo"], uri=r["uri"], cid=r["cid"])
        for r in store.rows(
            "SELECT part, rkey, uri, cid, repo FROM publications WHERE draft_id = ? ORDER BY part", [draft_id]
        )
    }


def _add_plans(
    store: Store, draft_id: int, account_id: int, repo: str, texts: list[str], plans: dict[int, _Plan]
) -> None:
    """Record keys for the parts that have none yet, committed together."""
    with store.transaction():
        for part in range(len(plans), len(texts)):
            rkey = new_tid()
            store.db.execute(
                "INSERT INTO publications (draft_id, part, account_id, repo, collection, rkey, text, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [draft_id, part, account_id, repo, POST_COLLECTION, rkey, texts[part], utc_now()],
            )
            plans[part] = _Plan(rkey=rkey, repo=repo)


def _part_created(store: Store, draft_id: int, part: int, plan: _Plan) -> None:
    with store.transaction():
        store.db.execute(
            "UPDATE publications SET uri = ?, cid = ?, posted_at = ? WHERE draft_id = ? AND part = ?",
            [plan.uri, plan.cid, utc_now(), draft_id, part],
        )


def _stored_blob(store: Store, draft_id: int, path: Path, digest: str) -> dict[str, Any] | None:
    blob = store.value(
        "SELECT blob FROM publish_blobs WHERE draft_id = ? AND path = ? AND sha256 = ?", [draft_id, str(path), digest]
    )
    return json.loads(blob) if blob is not None else None


def _keep_blob(store: Store, draft_id: int, path: Path, digest: str, blob: dict[str, Any]) -> None:
    with store.transaction():
        store.db.execute(
            "INSERT OR REPLACE INTO publish_blobs (draft_id, path, sha256, blob, uploaded_at) VALUES (?, ?, ?, ?, ?)",
            [draft_id, str(path), digest, json.dumps(blob), utc_now()],
        )


def _forget_blobs(store: Store, draft_id: int) -> None:
    with store.transaction():
        store.db.execute("DELETE FROM publish_blobs WHERE draft_id = ?", [draft_id])


# --- the loop ----------------------------------------------------------------------------------------


@contextlib.contextmanager
def publishing_lock(location: DataLocation) -> Iterator[None]:
    """One publishing run at a time per data dir (window scheduler, cron, a second terminal)."""
    location.root.mkdir(parents=True, exist_ok=True)
    fh = open(location.root / "publish.lock", "a+b")
    try:
        try:
            if os.name == "nt":
                import msvcrt

                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise PublishingBusy() from None
        yield
    finally:
        fh.close()


def publish_drafts(
    store: Store,
    location: DataLocation,
    draft_ids: list[int],
    *,
    account: str | None = None,
    progress: ProgressCallback | None = None,
    on_error: Callable[[int, UserError], None] | None = None,
    video_poll: float = 1.0,
) -> list[Result]:
    """Publish each draft; a failure of one is passed to ON_ERROR (or raised when there is none) and
    the others still go out."""
    progress = progress or no_progress
    ids = [get_draft(store, i).id for i in draft_ids]
    results = []
    with publishing_lock(location):
        for n, did in enumerate(ids):
            progress(Progress(n, len(ids), f"publishing draft {did}"))
            try:
                results.append(publish_one(store, location, did, account=account, video_poll=video_poll))
            except UserError as exc:
                if on_error is None:
                    raise
                on_error(did, exc)
        progress(Progress(len(ids), len(ids), "published"))
    return results


def publish_one(
    store: Store, location: DataLocation, draft_id: int, *, account: str | None = None, video_poll: float = 1.0
) -> Result:
    d = get_draft(store, draft_id)
    profile = get_profile(d.platform)
    if not profile.publish_api:
        raise NoPublishApi(d.id, d.platform, profile.display_name["en"])
    if d.status is DraftStatus.POSTED:  # posted by Crosspost (with its URI) or marked posted by hand (without)
        return Result(d.id, d.posted_uri, d.posted_url or "", already=True)
    errors = [p for p in checked(store, d.id).problems if p.is_error]
    if errors:
        raise NotReadyToPublish.of(d, errors[0], as_thread=errors[0].code is ProblemCode.BODY_TOO_LONG)
    limit = int(profile.limit_value("body") or MAX_GRAPHEMES)
    text = post_text(d, profile)
    texts = split_thread(text, limit) if d.thread else [text]

    # Plans (record keys) first, committed before any network call that could create a record.
    plans = _plans(store, d.id)
    who = acc.find_account(store, d.platform, account)
    with login(who.server, who.handle, acc.get_secret(location, who)) as session:
        return _publish_with(store, location, d, who, session, texts, plans, profile, video_poll)


def _publish_with(
    store: Store,
    location: DataLocation,
    d: Draft,
    who: acc.Account,
    session: BlueskySession,
    texts: list[str],
    plans: dict[int, _Plan],
    profile: PlatformProfile,
    video_poll: float,
) -> Result:
    if plans and any(p.repo != session.did for p in plans.values()):
        raise OtherAccount(d.id)
    if len(plans) < len(texts):
        _add_plans(store, d.id, who.id, session.did, texts, plans)
    _checkpoint("after_plan")

    langs = langs_for(store, d)
    warnings: list[str] = []
    root: dict[str, Any] | None = None
    parent: dict[str, Any] | None = None
    for part, part_text in enumerate(texts):
        plan = plans[part]
        if not plan.uri:
            try:
                existing = session.get_record(plan.rkey)
                plan.uri, plan.cid = existing["uri"], existing["cid"]
            except RecordMissing:
                rich = facets_for(part_text, session.resolve_handle)
                for w in rich.warnings:
                    if w not in warnings:
                        warnings.append(w)
                record: dict[str, Any] = {
                    "$type": POST_COLLECTION,
                    "text": part_text,
                    "createdAt": _now_iso(),
                    "langs": langs,
                }
                if rich.facets:
                    record["facets"] = rich.facets
                if part == 0:
                    embed = _embed(store, d, session, who, profile, video_poll)
                    if embed:
                        record["embed"] = embed
                if root is not None:
                    record["reply"] = {"root": root, "parent": parent}
                try:
                    created = session.create_record(plan.rkey, record)
                except BlobMissing:  # a stored blob went stale on the server: upload again, once
                    _forget_blobs(store, d.id)
                    record["embed"] = _embed(store, d, session, who, profile, video_poll)
                    created = session.create_record(plan.rkey, record)
                _checkpoint("after_create_record")
                plan.uri, plan.cid = created["uri"], created["cid"]
            _part_created(store, d.id, part, plan)
        ref = {"uri": plan.uri, "cid": plan.cid}
        root = root or ref
        parent = ref
    _checkpoint("before_store_update")
    first = plans[0].uri
    assert first is not None
    url = post_url(session.handle, first)
    with store.transaction():
        set_status(store, d.id, DraftStatus.POSTED, posted_at=utc_now(), posted_url=url, posted_uri=first)
    return Result(d.id, first, url, parts=len(texts), warnings=tuple(warnings))


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _embed(
    store: Store, d: Draft, session: BlueskySession, who: acc.Account, profile: PlatformProfile, video_poll: float
) -> dict[str, Any] | None:
    media = [m for m in d.media if m.rendered and Path(m.rendered).exists()]
    images = [m for m in media if m.kind is MediaKind.IMAGE]
    videos = [m for m in media if m.kind is MediaKind.VIDEO]
    if videos:
        m = videos[0]
        assert m.rendered is not None
        path = Path(m.rendered)
        digest = file_sha256(path)
        blob = _stored_blob(store, d.id, path, digest)
        if blob is None:
            data = path.read_bytes()
            if who.video_service:
                blob = upload_video(session, who.video_service, data, f"{digest[:16]}.mp4", poll=video_poll)
            else:
                blob = session.upload_blob(data, "video/mp4")
            _checkpoint("after_blob_upload")
            _keep_blob(store, d.id, path, digest, blob)
        width, height = _video_size(m, path)
        embed: dict[str, Any] = {
            "$type": "app.bsky.embed.video",
            "video": blob,
            "aspectRatio": {"width": width, "height": height},
        }
        alt = (d.alt_texts.get(m.media) or "").strip()
        if alt:
            embed["alt"] = alt[:1000]
        return embed
    if not images:
        return None
    cap = int(profile.limit_value("image_size") or 1_000_000)
    out = []
    for m in images[: int(profile.limit_value("images") or 4)]:
        assert m.rendered is not None
        path = Path(m.rendered)
        digest = file_sha256(path)
        blob = _stored_blob(store, d.id, path, digest)
        data, mime, width, height = _image_under(path, cap)
        if blob is None:
            blob = session.upload_blob(data, mime)
            _checkpoint("after_blob_upload")
            _keep_blob(store, d.id, path, digest, blob)
        out.append(
            {
                "image": blob,
                "alt": (d.alt_texts.get(m.media) or "").strip(),
                "aspectRatio": {"width": width, "height": height},
            }
        )
    return {"$type": "app.bsky.embed.images", "images": out}


# --- alt texts -----------------------------------------------------------------------------------------


def translate_alt_texts(store: Store, location: DataLocation, draft_id: int) -> CheckedDraft:
    """Translate the draft's alt texts the way its caption is laid out: the translation alone for the
    ``translated`` layout, the original then the translation for ``bilingual`` (offline, with the
    installed language pack). The result is stored as the alt text, still editable."""
    from crosspost.translation.pipeline import find_route, translate_captions

    d = get_draft(store, draft_id)
    if not d.layout.needs_translation or not d.target_lang:
        raise NothingToTranslate(d.id, original_layout=True)
    items = [(n, d.alt_texts[m.media]) for n, m in enumerate(d.sources, 1) if (d.alt_texts.get(m.media) or "").strip()]
    if not items:
        raise NothingToTranslate(d.id, original_layout=False)
    route = find_route(location, source_lang(store, d), d.target_lang)
    translated = translate_captions(store, route, [text for _, text in items])
    with store.transaction():  # all of them or none
        for (n, original), text in zip(items, translated):
            value = text if d.layout is Layout.TRANSLATED else f"{original}\n\n{text}"
            set_alt_text(store, d.id, n, value[:2000])
    return checked(store, d.id)
