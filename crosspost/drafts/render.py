"""Rendering a draft's media for its platform (through the media pipeline) and its cover image.

In three steps, so a batch can run the middle one in worker processes: ``prepare_render`` reads
the store and says what to do (a picklable ``DraftRenderJob``), ``run_render_job`` writes the files
into a staging folder (no store), ``commit_render`` moves them in place and records them with the
draft. Each rendered file records how it was made (``render_method``: "copy" when the original's
picture data was kept, "encode" otherwise, with ``render_reasons``) and a ``render_key`` over
everything the output depends on, which tells a later batch that the render is up to date.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from crosspost.errors import UserError
from crosspost.paths import DataLocation
from crosspost.platforms import get_profile
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.store import Store, utc_now

# Bump when the same inputs would now render differently, so earlier renders count as out of date.
RENDER_VERSION = 2


@dataclass(frozen=True)
class RenderItem:
    index: int
    media_id: int | None
    kind: str  # "video" | "image"
    source: str
    focus: tuple[float, float] | None
    key: str


@dataclass(frozen=True)
class DraftRenderJob:
    draft_id: int
    platform: str
    fit: str
    staging: str
    folder: str
    items: tuple[RenderItem, ...]
    cover_at: float | None
    reencode: bool

    @property
    def weight(self) -> float:
        """A rough cost for ETAs: 5 per video, 1 per photo."""
        return sum(1.0 if i.kind == "image" else 5.0 for i in self.items) or 1.0

    @property
    def has_video(self) -> bool:
        return any(i.kind == "video" for i in self.items)


def _item_key(profile, fit: str, source: str, focus, cover_at) -> str:
    """What a rendered file depends on: the source (path, size, time), the platform's profile as a
    whole (a changed limit makes earlier renders out of date), fit, focus, cover time, version."""
    try:
        st = Path(source).stat()
        stamp = [st.st_size, st.st_mtime_ns]
    except OSError:
        stamp = None
    raw = json.dumps([RENDER_VERSION, profile.to_json(), fit, source, stamp, focus, cover_at], sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def _local_media(d: dict) -> list[dict]:
    return [m for m in d["media"] if m.get("source") and Path(m["source"]).exists()]


def prepare_render(store: Store, location: DataLocation, draft_id, *, cover_at: float | None = None,
                   reencode: bool = False) -> DraftRenderJob:
    """What rendering DRAFT_ID takes (``UserError`` when there is nothing it can render)."""
    from crosspost.drafts.queue import require_draft

    d = require_draft(store, draft_id)
    profile = get_profile(d["platform"])
    local = _local_media(d)
    if not local:
        raise UserError(f"Draft {d['id']} has no media on disk to render. Fetch it with "
                        f"`crosspost media fetch {d['post_id']}` or attach a file with "
                        f"`crosspost posts attach {d['post_id']} FILE`.")
    for m in local:
        if m["kind"] == "image" and profile.image is None:
            raise UserError(f"{profile.display_name['en']} takes no photos; choose another platform for this post.")
        if m["kind"] == "video" and profile.video is None:
            raise UserError(f"{profile.display_name['en']} takes no videos; choose another platform for this post.")
    fit = d["fit"] or profile.default_fit
    focus = {r[0]: (r[1] if r[1] is not None else 0.5, r[2] if r[2] is not None else 0.5)
             for r in store.db.execute("SELECT id, focus_x, focus_y FROM media WHERE post_id = ? "
                                       "AND (focus_x IS NOT NULL OR focus_y IS NOT NULL)", [d["post_id"]])}
    items = tuple(RenderItem(i, m.get("media"), m["kind"], m["source"], focus.get(m.get("media")),
                             _item_key(profile, fit, m["source"], focus.get(m.get("media")), cover_at))
                  for i, m in enumerate(local, 1))
    return DraftRenderJob(d["id"], d["platform"], fit, str(location.renders_dir / f".draft-{d['id']}.rendering"),
                          str(location.renders_dir / f"draft-{d['id']}"), items, cover_at, reencode)


def is_up_to_date(store: Store, job: DraftRenderJob) -> bool:
    """Whether the draft's recorded render already matches JOB (same sources, settings, version),
    with every file still on disk; with ``reencode``, also that nothing was kept as a copy."""
    from crosspost.drafts.queue import require_draft

    d = require_draft(store, job.draft_id)
    if not d["cover"] or not Path(d["cover"]).exists():
        return False
    by_source = {m["source"]: m for m in _local_media(d)}
    for item in job.items:
        m = by_source.get(item.source)
        if (m is None or m.get("render_key") != item.key or not m.get("rendered")
                or not Path(m["rendered"]).exists()):
            return False
        if job.reencode and m.get("render_method") == "copy":
            return False
    return True


def run_render_job(job: DraftRenderJob, progress: ProgressCallback | None = None,
                   cancel: CancelToken | None = None, encode_gate=None) -> list[dict]:
    """Render JOB's files into its staging folder; no store access (runs in worker processes).
    ENCODE_GATE: held while a video is encoded (see ``render_video_for``)."""
    from crosspost.media.cover import extract_cover
    from crosspost.media.images import render_image, render_image_from_pil
    from crosspost.media.keep_original import render_photo_for, render_video_for
    from crosspost.media.targets import image_target, video_target

    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    profile = get_profile(job.platform)
    staging = Path(job.staging)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    total = len(job.items)
    results = []
    try:
        for item in job.items:
            cancel.check()
            progress(Progress(item.index - 1, total, f"rendering {item.index} of {total}"))
            if item.kind == "image":
                result = render_photo_for(item.source, staging / f"{item.index:02d}.jpg",
                                          image_target(profile, job.fit), profile, reencode=job.reencode,
                                          focus=item.focus)
            else:
                result = render_video_for(
                    item.source, staging / f"{item.index:02d}.mp4", video_target(profile, job.fit), profile,
                    reencode=job.reencode, cancel=cancel, focus=item.focus, encode_gate=encode_gate,
                    progress=lambda p, i=item.index: progress(Progress(i - 1 + (p.fraction or 0), total, p.message)))
            results.append({"source": item.source, "name": result.path.name, "width": result.width,
                            "height": result.height, "method": result.method, "reasons": list(result.reasons),
                            "key": item.key})
        first = job.items[0]
        cover_target = image_target(profile, job.fit) if profile.image else video_target(profile, job.fit)
        if first.kind == "video":
            render_image_from_pil(extract_cover(first.source, job.cover_at), staging / "cover.jpg", cover_target)
        else:
            render_image(first.source, staging / "cover.jpg", cover_target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return results


def commit_render(store: Store, job: DraftRenderJob, results: list[dict]) -> None:
    """Move JOB's staged files into the draft's render folder and record them with the draft."""
    from crosspost.drafts.preflight import check_draft, is_ok
    from crosspost.drafts.queue import require_draft, set_status

    folder, staging = Path(job.folder), Path(job.staging)
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    d = require_draft(store, job.draft_id)
    media = d["media"]
    by_source = {r["source"]: r for r in results}
    for m in media:
        r = by_source.get(m.get("source"))
        if r is None:
            continue
        m["rendered"] = str(folder / r["name"])
        m["rendered_width"], m["rendered_height"] = r["width"], r["height"]
        m["render_method"], m["render_reasons"], m["render_key"] = r["method"], r["reasons"], r["key"]
    with store.transaction():
        store.db.execute("UPDATE drafts SET media = ?, cover = ?, updated_at = ? WHERE id = ?",
                         [json.dumps(media), str(folder / "cover.jpg"), utc_now(), d["id"]])
        if d["status"] == "draft" and is_ok(check_draft(store, d["id"])):
            set_status(store, d["id"], "ready")


def render_draft(store: Store, location: DataLocation, draft_id, *, cover_at: float | None = None,
                 progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                 reencode: bool = False) -> dict:
    """Render one draft's media and cover now (always, even when an earlier render is up to date).
    REENCODE: encode every file even when the original would be kept."""
    from crosspost.drafts.queue import draft_json

    progress = progress or no_progress
    job = prepare_render(store, location, draft_id, cover_at=cover_at, reencode=reencode)
    results = run_render_job(job, progress, cancel)
    try:
        commit_render(store, job, results)
    finally:
        shutil.rmtree(job.staging, ignore_errors=True)
    progress(Progress(len(job.items), len(job.items), "rendered"))
    return draft_json(store, job.draft_id)


def render_notes(media_detail: list[dict]) -> list[str]:
    """One line per rendered file saying how it was made, for people."""
    notes = []
    for m in media_detail:
        if not m.get("rendered") or not m.get("render_method"):
            continue
        name = Path(m["rendered"]).name
        what = "video" if m.get("kind") == "video" else "photo"
        if m["render_method"] == "copy":
            notes.append(f"{name}: kept the original {what} (metadata removed, not re-encoded)")
        else:
            why = "; ".join(m.get("render_reasons") or [])
            notes.append(f"{name}: re-encoded" + (f" ({why})" if why else ""))
    return notes
