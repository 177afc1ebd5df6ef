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
import hashlib
import io
import json
import os
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from crosspost.errors import UserError
from crosspost.paths import DataLocation
from crosspost.platforms import get_profile
from crosspost.platforms.textcount import count
from crosspost.progress import Progress, ProgressCallback, no_progress
from crosspost.publishing import accounts as acc
from crosspost.publishing.bluesky import (POST_COLLECTION, BlobMissing, PublishError, RecordMissing, login, new_tid,
                                          upload_video)
from crosspost.drafts.richtext import MAX_GRAPHEMES, facets_for, split_thread, with_topics
from crosspost.store import Store, utc_now

KILL_ENV = "CROSSPOST_TEST_KILL_AT"
PUBLISHERS = {"bluesky": "atproto"}  # platforms with an API Crosspost publishes through


def _checkpoint(name: str) -> None:
    """Test hook: with CROSSPOST_TEST_KILL_AT=NAME the process kills itself here (SIGKILL: no clean-up,
    like a power cut)."""
    if os.environ.get(KILL_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass
class Result:
    draft: int
    uri: str | None
    url: str
    already: bool = False
    parts: int = 1
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"draft": self.draft, "uri": self.uri, "url": self.url, "already_posted": self.already,
                "parts": self.parts, "warnings": self.warnings}


def post_url(did_or_handle: str, uri: str) -> str:
    return f"https://bsky.app/profile/{did_or_handle}/post/{uri.rsplit('/', 1)[-1]}"


# --- per-draft options -----------------------------------------------------------------------------

def alt_texts(store: Store, draft_id: int) -> dict[int, str]:
    return {r[0]: r[1] for r in store.db.execute("SELECT media_id, text FROM draft_alt_texts WHERE draft_id = ?",
                                                 [draft_id])}


def set_alt_text(store: Store, draft_id, media_index: int, text: str) -> dict:
    """Alt text of the draft's MEDIA_INDEX-th media file (1-based, counting the files it has)."""
    from crosspost.drafts.queue import draft_json, require_draft

    d = require_draft(store, draft_id)
    media = [m for m in d["media"] if m.get("source")]
    if not 1 <= media_index <= len(media):
        raise UserError(f"Draft {d['id']} has {len(media)} media item{'s' if len(media) != 1 else ''}; "
                        f"there is no item {media_index}.")
    media_id = media[media_index - 1]["media"]
    with store.transaction():
        if text.strip():
            store.db.execute("INSERT INTO draft_alt_texts (draft_id, media_id, text) VALUES (?, ?, ?) "
                             "ON CONFLICT (draft_id, media_id) DO UPDATE SET text = excluded.text",
                             [d["id"], media_id, text.strip()])
        else:
            store.db.execute("DELETE FROM draft_alt_texts WHERE draft_id = ? AND media_id = ?", [d["id"], media_id])
    return draft_json(store, d["id"])


def set_thread(store: Store, draft_id, thread: bool) -> None:
    from crosspost.drafts.queue import require_draft

    d = require_draft(store, draft_id)
    with store.transaction():
        store.db.execute("UPDATE drafts SET thread = ? WHERE id = ?", [1 if thread else 0, d["id"]])


def wants_thread(store: Store, draft_id: int) -> bool:
    row = store.db.execute("SELECT thread FROM drafts WHERE id = ?", [draft_id]).fetchone()
    return bool(row and row[0])


def publish_state(store: Store, draft_id: int) -> dict:
    row = store.db.execute("SELECT posted_uri FROM drafts WHERE id = ?", [draft_id]).fetchone()
    return {"uri": row[0] if row else None}


def post_text(d: dict) -> str:
    profile = get_profile(d["platform"])
    return with_topics(d["body"], d["topics"]) if profile.topics_in_body else d["body"]


def preflight(store: Store, d: dict) -> list[dict]:
    """Problems that only matter when publishing through the API (added to the draft's preflight)."""
    if d["platform"] not in PUBLISHERS:
        return []
    profile = get_profile(d["platform"])
    name = profile.display_name["en"]
    problems = []
    limit = profile.limit("body")
    text = post_text(d)
    used = count(text, "graphemes")
    thread = wants_thread(store, d["id"])
    if limit is not None and used > limit.value and count(d["body"], "graphemes") <= limit.value and not thread:
        problems.append({"level": "error", "field": "body",
                         "message": f"With its #tags the post is {used:g} graphemes long; {name} allows "
                                    f"{limit.value:g}. Shorten it, or publish it as a thread."})
    if thread and limit is not None and used > limit.value:
        parts = len(split_thread(text, int(limit.value)))
        problems.append({"level": "warning", "field": "body",
                         "message": f"The caption goes out as a thread of {parts} posts."})
    alts = alt_texts(store, d["id"])
    missing = [i for i, m in enumerate([m for m in d["media"] if m.get("source")], 1)
               if not (alts.get(m["media"]) or "").strip()]
    if missing:
        which = ", ".join(str(i) for i in missing)
        problems.append({"level": "warning", "field": "alt_text",
                         "message": f"Media {which} {'has' if len(missing) == 1 else 'have'} no alt text; people "
                                    f"using screen readers on {name} will not know what {'it shows' if len(missing) == 1 else 'they show'}."})
    return problems


def langs_for(store: Store, d: dict) -> list[str]:
    from crosspost.translation.detect import detect_language

    row = store.db.execute("SELECT source_lang FROM translations WHERE post_id = ? AND lang = ?",
                           [d["post_id"], d["target_lang"]]).fetchone() if d["target_lang"] else None
    if row and row[0]:
        source = row[0]
    else:
        caption = store.db.execute("SELECT caption FROM posts WHERE id = ?", [d["post_id"]]).fetchone()
        source = detect_language(caption[0] if caption else d["body"])[0]
    if d["layout"] == "translated" and d["target_lang"]:
        langs = [d["target_lang"]]
    elif d["layout"] == "bilingual" and d["target_lang"]:
        langs = [source, d["target_lang"]]
    else:
        langs = [source]
    out = []
    for lang in langs:
        lang = {"zt": "zh-Hant"}.get(lang, lang)
        if lang not in out:
            out.append(lang)
    return out[:3]


# --- media -----------------------------------------------------------------------------------------

def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _image_under(path: Path, limit: int, out_dir: Path) -> tuple[bytes, str, int, int]:
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
        resized = image if scale == 1.0 else image.resize((max(1, int(width * scale)), max(1, int(height * scale))),
                                                          Image.LANCZOS)
        buf = io.BytesIO()
        resized.save(buf, "JPEG", quality=quality, optimize=True)
        if buf.tell() <= limit:
            return buf.getvalue(), "image/jpeg", resized.width, resized.height
    raise PublishError(f"{path.name} cannot be made smaller than {limit / 1e6:.1f} MB.", kind="too_large")


def _video_size(m: dict, path: Path) -> tuple[int, int]:
    if m.get("rendered_width") and m.get("rendered_height"):
        return int(m["rendered_width"]), int(m["rendered_height"])
    from crosspost.media.probe import probe_file

    info = probe_file(path)
    return int(info.width), int(info.height)


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

                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise UserError("Another publishing run is going on for this data folder; try again when it has "
                            "finished.") from None
        yield
    finally:
        fh.close()


def due_drafts(store: Store, now: dt.datetime | None = None) -> list[int]:
    """Drafts for platforms Crosspost publishes to whose planned time (local time) has come and that
    are not posted yet, oldest plan first."""
    now = now or dt.datetime.now()
    stamp = now.strftime("%Y-%m-%dT%H:%M")
    marks = ", ".join("?" for _ in PUBLISHERS)
    return [r[0] for r in store.db.execute(
        f"SELECT id FROM drafts WHERE status != 'posted' AND planned_at IS NOT NULL AND planned_at <= ? "
        f"AND platform IN ({marks}) ORDER BY planned_at, id", [stamp, *PUBLISHERS])]


def next_due(store: Store) -> tuple[int, str] | None:
    """The next planned, unposted draft for a publishing platform: (draft id, planned_at)."""
    marks = ", ".join("?" for _ in PUBLISHERS)
    row = store.db.execute(
        f"SELECT id, planned_at FROM drafts WHERE status != 'posted' AND planned_at IS NOT NULL "
        f"AND platform IN ({marks}) ORDER BY planned_at, id LIMIT 1", list(PUBLISHERS)).fetchone()
    return (row[0], row[1]) if row else None


def publish_drafts(store: Store, location: DataLocation, draft_ids: list, *, account: str | None = None,
                   progress: ProgressCallback | None = None, on_error: Callable[[int, Exception], None] | None = None,
                   video_poll: float = 1.0) -> list[Result]:
    """Publish each draft; a failure of one is passed to ON_ERROR (or raised when there is none) and
    the others still go out."""
    from crosspost.drafts.queue import require_draft

    progress = progress or no_progress
    ids = [require_draft(store, i)["id"] for i in draft_ids]
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


def publish_one(store: Store, location: DataLocation, draft_id: int, *, account: str | None = None,
                video_poll: float = 1.0) -> Result:
    from crosspost.drafts.preflight import check_draft
    from crosspost.drafts.queue import require_draft

    d = require_draft(store, draft_id)
    if d["platform"] not in PUBLISHERS:
        raise UserError(f"Crosspost cannot publish to {get_profile(d['platform']).display_name['en']} by itself; "
                        "export the draft and upload it there.")
    state = publish_state(store, d["id"])
    if d["status"] == "posted":  # posted by Crosspost (with its URI) or marked posted by hand (without)
        return Result(d["id"], state["uri"], d["posted_url"] or "", already=True)
    errors = [p for p in check_draft(store, d["id"]) if p["level"] == "error"]
    if errors:
        hint = " Shorten it, or publish it as a thread." if errors[0]["field"] == "body" and "thread" not in \
            errors[0]["message"] else ""
        raise UserError(f"Draft {d['id']} is not ready to publish: {errors[0]['message']}{hint}")
    profile = get_profile(d["platform"])
    limit = int(profile.limit_value("body") or MAX_GRAPHEMES)
    text = post_text(d)
    texts = split_thread(text, limit) if wants_thread(store, d["id"]) else [text]

    # Plans (record keys) first, committed before any network call that could create a record.
    plans = {r[0]: {"rkey": r[1], "uri": r[2], "cid": r[3], "repo": r[4]} for r in store.db.execute(
        "SELECT part, rkey, uri, cid, repo FROM publications WHERE draft_id = ? ORDER BY part", [d["id"]])}
    who = acc.find_account(store, d["platform"], account)
    with login(who.server, who.handle, acc.get_secret(location, who)) as session:
        return _publish_with(store, location, d, who, session, texts, plans, profile, video_poll)


def _publish_with(store, location, d, who, session, texts, plans, profile, video_poll) -> Result:
    if plans and any(p["repo"] != session.did for p in plans.values()):
        raise UserError(f"Draft {d['id']} was started with another account; publish it with that one.")
    if len(plans) < len(texts):
        with store.transaction():
            for part in range(len(plans), len(texts)):
                rkey = new_tid()
                store.db.execute("INSERT INTO publications (draft_id, part, account_id, repo, collection, rkey, text, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                 [d["id"], part, who.id, session.did, POST_COLLECTION, rkey, texts[part], utc_now()])
                plans[part] = {"rkey": rkey, "uri": None, "cid": None, "repo": session.did}
    _checkpoint("after_plan")

    langs = langs_for(store, d)
    warnings: list[str] = []
    root = None
    parent = None
    for part, part_text in enumerate(texts):
        plan = plans[part]
        if not plan["uri"]:
            try:
                existing = session.get_record(plan["rkey"])
                plan["uri"], plan["cid"] = existing["uri"], existing["cid"]
            except RecordMissing:
                rich = facets_for(part_text, session.resolve_handle)
                for w in rich.warnings:
                    if w not in warnings:
                        warnings.append(w)
                record = {"$type": POST_COLLECTION, "text": part_text, "createdAt": _now_iso(), "langs": langs}
                if rich.facets:
                    record["facets"] = rich.facets
                if part == 0:
                    embed = _embed(store, location, d, session, who, profile, video_poll)
                    if embed:
                        record["embed"] = embed
                if root is not None:
                    record["reply"] = {"root": root, "parent": parent}
                try:
                    created = session.create_record(plan["rkey"], record)
                except BlobMissing:  # a stored blob went stale on the server: upload again, once
                    with store.transaction():
                        store.db.execute("DELETE FROM publish_blobs WHERE draft_id = ?", [d["id"]])
                    record["embed"] = _embed(store, location, d, session, who, profile, video_poll)
                    created = session.create_record(plan["rkey"], record)
                _checkpoint("after_create_record")
                plan["uri"], plan["cid"] = created["uri"], created["cid"]
            with store.transaction():
                store.db.execute("UPDATE publications SET uri = ?, cid = ?, posted_at = ? WHERE draft_id = ? AND part = ?",
                                 [plan["uri"], plan["cid"], utc_now(), d["id"], part])
        ref = {"uri": plan["uri"], "cid": plan["cid"]}
        root = root or ref
        parent = ref
    _checkpoint("before_store_update")
    first = plans[0]["uri"]
    url = post_url(session.handle, first)
    with store.transaction():
        store.db.execute("UPDATE drafts SET status = 'posted', posted_at = ?, posted_url = ?, posted_uri = ?, "
                         "updated_at = ? WHERE id = ?",
                         [utc_now(), url, first, utc_now(), d["id"]])
    return Result(d["id"], first, url, parts=len(texts), warnings=warnings)


def _now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _stored_blob(store: Store, draft_id: int, path: Path, digest: str) -> dict | None:
    row = store.db.execute("SELECT blob FROM publish_blobs WHERE draft_id = ? AND path = ? AND sha256 = ?",
                           [draft_id, str(path), digest]).fetchone()
    return json.loads(row[0]) if row else None


def _keep_blob(store: Store, draft_id: int, path: Path, digest: str, blob: dict) -> None:
    with store.transaction():
        store.db.execute("INSERT OR REPLACE INTO publish_blobs (draft_id, path, sha256, blob, uploaded_at) "
                         "VALUES (?, ?, ?, ?, ?)", [draft_id, str(path), digest, json.dumps(blob), utc_now()])


def _embed(store, location, d, session, who, profile, video_poll) -> dict | None:
    alts = alt_texts(store, d["id"])
    media = [m for m in d["media"] if m.get("rendered") and Path(m["rendered"]).exists()]
    images = [m for m in media if m["kind"] == "image"]
    videos = [m for m in media if m["kind"] == "video"]
    if videos:
        m = videos[0]
        path = Path(m["rendered"])
        digest = _sha256(path)
        blob = _stored_blob(store, d["id"], path, digest)
        if blob is None:
            data = path.read_bytes()
            if who.video_service:
                blob = upload_video(session, who.video_service, data, f"{digest[:16]}.mp4", poll=video_poll)
            else:
                blob = session.upload_blob(data, "video/mp4")
            _checkpoint("after_blob_upload")
            _keep_blob(store, d["id"], path, digest, blob)
        width, height = _video_size(m, path)
        embed = {"$type": "app.bsky.embed.video", "video": blob, "aspectRatio": {"width": width, "height": height}}
        alt = (alts.get(m["media"]) or "").strip()
        if alt:
            embed["alt"] = alt[:1000]
        return embed
    if not images:
        return None
    cap = int(profile.limit_value("image_size") or 1_000_000)
    out = []
    for index, m in enumerate(images[: int(profile.limit_value("images") or 4)], 1):
        path = Path(m["rendered"])
        digest = _sha256(path)
        blob = _stored_blob(store, d["id"], path, digest)
        data, mime, width, height = _image_under(path, cap, location.renders_dir)
        if blob is None:
            blob = session.upload_blob(data, mime)
            _checkpoint("after_blob_upload")
            _keep_blob(store, d["id"], path, digest, blob)
        out.append({"image": blob, "alt": (alts.get(m["media"]) or "").strip(),
                    "aspectRatio": {"width": width, "height": height}})
    return {"$type": "app.bsky.embed.images", "images": out}


def translate_alt_texts(store: Store, location: DataLocation, draft_id) -> dict:
    """Translate the draft's alt texts the way its caption is laid out: the translation alone for the
    ``translated`` layout, the original then the translation for ``bilingual`` (offline, with the
    installed language pack). The result is stored as the alt text, still editable."""
    from crosspost.drafts.queue import draft_json, require_draft
    from crosspost.translation.service import find_route, translate_captions

    d = require_draft(store, draft_id)
    if d["layout"] not in ("translated", "bilingual") or not d["target_lang"]:
        raise UserError(f"Draft {d['id']} shows the original caption only; its alt texts stay as they are.")
    alts = alt_texts(store, d["id"])
    media_ids = [m["media"] for m in d["media"] if m.get("source") and (alts.get(m["media"]) or "").strip()]
    if not media_ids:
        raise UserError(f"Draft {d['id']} has no alt texts to translate yet.")
    source = langs_for(store, {**d, "layout": "original"})[0]
    route = find_route(location, source, d["target_lang"])
    originals = [alts[i] for i in media_ids]
    translated = translate_captions(store, route, originals)
    with store.transaction():
        for media_id, original, text in zip(media_ids, originals, translated):
            value = text if d["layout"] == "translated" else f"{original}\n\n{text}"
            store.db.execute("UPDATE draft_alt_texts SET text = ? WHERE draft_id = ? AND media_id = ?",
                             [value[:2000], d["id"], media_id])
    return draft_json(store, d["id"])
