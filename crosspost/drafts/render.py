"""Rendering a draft's media for its platform (through the media pipeline) and its cover image.

In three steps, so a batch can run the middle one in worker processes: ``prepare_render`` reads
the store and says what to do (a picklable ``DraftRenderJob``), ``run_render_job`` writes the files
into a staging folder (no store), ``commit_render`` moves them in place, draws the cover's title and
records them with the draft. Each rendered file records how it was made (``render_method``: "copy"
when the original's picture data was kept, "encode" otherwise, with ``render_reasons``) and a
``render_key`` over everything the output depends on, which tells a later batch that the render is
up to date. One render per draft at a time (a lock file): a second one says so and changes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosspost.drafts.cover import PLAIN_NAME, write_cover
from crosspost.errors import NoMediaOnDisk, UserError
from crosspost.paths import DataLocation
from crosspost.platforms import PlatformProfile, get_profile
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.records import CheckedDraft, Draft, DraftMedia
from crosspost.values import Fit, MediaKind

# The store is imported where it is used (prepare, check, commit: the batch's own process), not at
# the top: render workers load this module to run jobs and never touch the store (sqlite-utils and
# the store's modules were a third of each worker's start-up).
if TYPE_CHECKING:
    from crosspost.file_locks import FileLock
    from crosspost.store import Store

# Bump when the same inputs would now render differently, so earlier renders count as out of date.
RENDER_VERSION = 3  # 3: the cover's title is drawn over a kept plain frame


@dataclass(frozen=True)
class RenderItem:
    index: int
    media_id: int | None
    kind: MediaKind
    source: str
    focus: tuple[float, float] | None
    key: str


@dataclass(frozen=True)
class DraftRenderJob:
    draft_id: int
    platform: str
    fit: Fit
    staging: str
    folder: str
    items: tuple[RenderItem, ...]
    cover_at: float | None
    reencode: bool

    @property
    def weight(self) -> float:
        """A rough cost for ETAs: 5 per video, 1 per photo."""
        return sum(1.0 if i.kind is MediaKind.IMAGE else 5.0 for i in self.items) or 1.0

    @property
    def has_video(self) -> bool:
        return any(i.kind is MediaKind.VIDEO for i in self.items)


def _item_key(
    profile: PlatformProfile, fit: Fit, source: str, focus: tuple[float, float] | None, cover_at: float | None
) -> str:
    """What a rendered file depends on: the source (path, size, time), the platform's profile as a
    whole (a changed limit makes earlier renders out of date), fit, focus, cover time, version."""
    try:
        st = Path(source).stat()
        stamp: list[int] | None = [st.st_size, st.st_mtime_ns]
    except OSError:
        stamp = None
    raw = json.dumps([RENDER_VERSION, profile.to_json(), fit, source, stamp, focus, cover_at], sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def _local_media(d: Draft) -> list[DraftMedia]:
    return [m for m in d.media if m.source and Path(m.source).exists()]


def prepare_render(
    store: Store, location: DataLocation, draft_id: int, *, cover_at: float | None = None, reencode: bool = False
) -> DraftRenderJob:
    """What rendering DRAFT_ID takes (a ``UserError`` when there is nothing it can render)."""
    from crosspost.drafts.store import get_draft
    from crosspost.posts import post_media

    d = get_draft(store, draft_id)
    profile = get_profile(d.platform)
    local = _local_media(d)
    if not local:
        raise NoMediaOnDisk(d.post_id, d.id)
    for m in local:
        if m.kind is MediaKind.IMAGE and profile.image is None:
            raise UserError(f"{profile.display_name['en']} takes no photos; choose another platform for this post.")
        if m.kind is MediaKind.VIDEO and profile.video is None:
            raise UserError(f"{profile.display_name['en']} takes no videos; choose another platform for this post.")
    fit = d.fit or profile.default_fit
    focus = {m.id: m.focus for m in post_media(store, d.post_id) if m.focus is not None}
    items = tuple(
        RenderItem(
            i,
            m.media,
            m.kind,
            str(m.source),
            focus.get(m.media),
            _item_key(profile, fit, str(m.source), focus.get(m.media), cover_at),
        )
        for i, m in enumerate(local, 1)
    )
    return DraftRenderJob(
        d.id,
        d.platform,
        fit,
        str(location.renders_dir / f".draft-{d.id}.rendering"),
        str(location.renders_dir / f"draft-{d.id}"),
        items,
        cover_at,
        reencode,
    )


def is_up_to_date(store: Store, job: DraftRenderJob) -> bool:
    """Whether the draft's recorded render already matches JOB (same sources, settings, version),
    with every file still on disk; with ``reencode``, also that nothing was kept as a copy."""
    from crosspost.drafts.store import get_draft

    d = get_draft(store, job.draft_id)
    if not d.cover or not Path(d.cover).exists():
        return False
    by_source = {m.source: m for m in _local_media(d)}
    for item in job.items:
        m = by_source.get(item.source)
        if m is None or m.render_key != item.key or not m.rendered or not Path(m.rendered).exists():
            return False
        if job.reencode and m.render_method == "copy":
            return False
    return True


def run_render_job(
    job: DraftRenderJob,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    encode_gate: Any = None,
) -> list[dict[str, Any]]:
    """Render JOB's files and its plain cover frame into its staging folder; no store access (runs
    in worker processes). ENCODE_GATE: held while a video is encoded (see ``render_video_for``)."""
    from crosspost.media.cover import CoverPicker, extract_cover
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
    first = job.items[0]
    # The cover comes from the first item; a video that is encoded picks it from the frames it
    # decodes anyway (one pass), a kept one from its key frames (its first decoded by its facts).
    picker = CoverPicker(job.cover_at) if first.kind is MediaKind.VIDEO else None
    try:
        for item in job.items:
            cancel.check()
            progress(Progress(item.index - 1, total, f"rendering {item.index} of {total}"))
            result: Any
            photo = item.kind is MediaKind.IMAGE
            out = staging / f"{item.index:02d}.{'jpg' if photo else 'mp4'}"
            target = image_target(profile, job.fit) if photo else video_target(profile, job.fit)
            if photo:
                result = render_photo_for(item.source, out, target, profile, reencode=job.reencode, focus=item.focus)
            else:

                def video_progress(p: Progress, i: int = item.index) -> None:
                    progress(Progress(i - 1 + (p.fraction or 0), total, p.message))

                result = render_video_for(
                    item.source,
                    out,
                    target,
                    profile,
                    reencode=job.reencode,
                    cancel=cancel,
                    focus=item.focus,
                    encode_gate=encode_gate,
                    progress=video_progress,
                    cover=picker if item is first else None,
                )
            results.append(
                {
                    "source": item.source,
                    "name": result.path.name,
                    "width": result.width,
                    "height": result.height,
                    "method": result.method,
                    "reasons": list(result.reasons),
                    "key": item.key,
                }
            )
        cover_target = image_target(profile, job.fit) if profile.image else video_target(profile, job.fit)
        plain = staging / PLAIN_NAME  # the frame without text; commit draws cover.jpg with the title
        if first.kind is MediaKind.VIDEO:
            frame = picker.image if picker is not None else None
            if frame is None:  # kept as it was: nothing decoded it
                frame = extract_cover(first.source, job.cover_at)
            render_image_from_pil(frame, plain, cover_target)
        else:
            render_image(first.source, plain, cover_target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return results


def commit_render(store: Store, job: DraftRenderJob, results: list[dict[str, Any]]) -> CheckedDraft:
    """Move JOB's staged files into the draft's render folder, draw the cover's title and record
    them with the draft (which becomes ready when its preflight passes)."""
    from crosspost.drafts.store import get_draft, save_render

    folder, staging = Path(job.folder), Path(job.staging)
    d = get_draft(store, job.draft_id)
    write_cover(store, d, staging / PLAIN_NAME, staging / "cover.jpg")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    by_source = {r["source"]: r for r in results}
    media = []
    for m in d.media:
        r = by_source.get(m.source or "")
        media.append(
            m
            if r is None
            else m.replace(
                rendered=str(folder / r["name"]),
                rendered_width=r["width"],
                rendered_height=r["height"],
                render_method=r["method"],
                render_reasons=tuple(r["reasons"]),
                render_key=r["key"],
            )
        )
    return save_render(store, d, media, str(folder / "cover.jpg"))


def try_render_lock(location: DataLocation, draft_id: int) -> FileLock | None:
    """The draft's render lock, taken (release it when done), or None when another render holds it."""
    from crosspost.file_locks import FileLock

    locks = location.cache / "locks"
    locks.mkdir(parents=True, exist_ok=True)
    lock = FileLock(locks / f"draft-{draft_id}.render.lock")
    return lock if lock.try_acquire() else None


@contextlib.contextmanager
def render_lock(location: DataLocation, draft_id: int) -> Iterator[None]:
    """One render of a draft at a time, across processes (a single render or a batch): another one
    says so and changes nothing."""
    lock = try_render_lock(location, draft_id)
    if lock is None:
        raise UserError(
            f"Draft {draft_id} is being rendered by another Crosspost right now; nothing was "
            "changed. Wait for that one to finish."
        ) from None
    try:
        yield
    finally:
        lock.release()


def render_draft(
    store: Store,
    location: DataLocation,
    draft_id: int,
    *,
    cover_at: float | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    reencode: bool = False,
) -> CheckedDraft:
    """Render one draft's media and cover now (always, even when an earlier render is up to date).
    REENCODE: encode every file even when the original would be kept."""
    from crosspost.faults import writing_to

    progress = progress or no_progress
    job = prepare_render(store, location, draft_id, cover_at=cover_at, reencode=reencode)
    with render_lock(location, job.draft_id), writing_to(location.renders_dir):
        results = run_render_job(job, progress, cancel)
        try:
            checked = commit_render(store, job, results)
        finally:
            shutil.rmtree(job.staging, ignore_errors=True)
    progress(Progress(len(job.items), len(job.items), "rendered"))
    return checked


def render_notes(media: tuple[DraftMedia, ...] | list[DraftMedia]) -> list[str]:
    """One line per rendered file saying how it was made, for people."""
    notes = []
    for m in media:
        if not m.rendered or not m.render_method:
            continue
        name = Path(m.rendered).name
        what = "video" if m.kind is MediaKind.VIDEO else "photo"
        if m.render_method == "copy":
            notes.append(f"{name}: kept the original {what} (metadata removed, not re-encoded)")
        else:
            why = "; ".join(m.render_reasons)
            notes.append(f"{name}: re-encoded" + (f" ({why})" if why else ""))
    return notes
