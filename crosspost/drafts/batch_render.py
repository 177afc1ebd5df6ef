"""Rendering many drafts at once (a whole archive): videos one or two at a time, photos across all
cores, overall progress with an ETA, and resumable.

Resuming needs no bookkeeping of its own: each draft's render is committed to the store as soon as
it is done, with a ``render_key`` over everything its output depends on (sources and their sizes
and times, platform, fit, focus, render version). A batch skips every draft whose recorded render
matches and whose files are on disk, so a batch stopped at draft 312 of 1,000 (Ctrl-C, a crash, a
power cut) starts again at 312. Drafts in the middle of rendering when it stopped leave only a
staging folder, which the next render of that draft clears.

A batch takes the same per-draft lock as a single render, from just before a draft's job starts
until its files are committed: a draft another Crosspost is rendering right now is skipped, and
reported among the failed ones with a sentence saying so (the batch does not wait for it).

Worker processes are started with "spawn" (not "fork"): safe from the window's threads, and the
same on every OS.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from crosspost.drafts.render import (
    DraftRenderJob,
    commit_render,
    is_up_to_date,
    prepare_render,
    run_render_job,
    try_render_lock,
)
from crosspost.errors import Cancelled, UserError
from crosspost.paths import DataLocation
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.values import DraftStatus

if TYPE_CHECKING:  # (the workers import this module and never open the store)
    from crosspost.store import Store


@dataclass
class BatchReport:
    rendered: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # already up to date
    failed: list[tuple[int, str]] = field(default_factory=list)
    kept: int = 0  # files whose original picture data was kept (copy)
    encoded: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "rendered": self.rendered,
            "skipped": self.skipped,
            "failed": [{"draft": d, "message": m} for d, m in self.failed],
            "kept": self.kept,
            "encoded": self.encoded,
            "seconds": round(self.seconds, 2),
        }

    def summary(self) -> str:
        text = (
            f"Rendered {len(self.rendered)} draft(s) in {format_duration(self.seconds)}: "
            f"{self.kept} file(s) kept as they were, {self.encoded} re-encoded"
        )
        if self.skipped:
            text += f"; {len(self.skipped)} already up to date"
        if self.failed:
            text += f"; {len(self.failed)} failed"
        return text + "."


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def renderable_draft_ids(store: Store) -> list[int]:
    """Every draft that may still be published (not marked posted), oldest first."""
    rows = store.rows("SELECT id FROM drafts WHERE status != ? ORDER BY id", [str(DraftStatus.POSTED)])
    return [r["id"] for r in rows]


# In a video worker process: the batch's one-encode-at-a-time semaphore (None elsewhere).
_encode_gate: AbstractContextManager[Any] | None = None


def _init_video_worker(gate: AbstractContextManager[Any] | None) -> None:
    global _encode_gate
    _encode_gate = gate


def _worker(job: DraftRenderJob) -> tuple[str, list[dict[str, Any]] | str]:
    try:
        return "ok", run_render_job(job, encode_gate=_encode_gate)
    except UserError as exc:
        return "error", str(exc)
    except Exception as exc:  # noqa: BLE001 - reported for this draft; the batch goes on
        return "error", f"rendering failed unexpectedly ({type(exc).__name__}: {exc})"


def default_video_workers() -> int:
    """Videos one or two at a time (never two encodes at once: x264 already uses every core; a copy
    needs almost none)."""
    return 2 if (os.cpu_count() or 1) >= 2 else 1


def render_drafts(
    store: Store,
    location: DataLocation,
    draft_ids: list[int] | None = None,
    *,
    reencode: bool = False,
    video_workers: int | None = None,
    photo_workers: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> BatchReport:
    """Render DRAFT_IDS (None: every draft not yet posted), skipping those already up to date.

    A draft that cannot be rendered (no media on disk, a damaged file) is reported in the result's
    ``failed`` and the others go on. Progress messages carry an ETA."""
    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    started = time.monotonic()
    report = BatchReport()
    if draft_ids is None:
        ids = renderable_draft_ids(store)
    else:
        from crosspost.drafts.store import get_draft

        ids = list(dict.fromkeys(get_draft(store, i).id for i in draft_ids))  # bad IDs: nothing done
    jobs: list[DraftRenderJob] = []
    for draft_id in ids:
        try:
            job = prepare_render(store, location, draft_id, reencode=reencode)
        except UserError as exc:
            report.failed.append((draft_id, str(exc)))
            continue
        if is_up_to_date(store, job):
            report.skipped.append(job.draft_id)
        else:
            jobs.append(job)
    total = sum(j.weight for j in jobs)
    done = 0.0
    count = 0
    locks: dict[int, Any] = {}

    def begin(job: DraftRenderJob) -> bool:
        """Take the draft's render lock before its job starts; False (reported) when it is busy."""
        lock = try_render_lock(location, job.draft_id)
        if lock is None:
            finished(job, "busy", busy_message(job.draft_id))
            return False
        locks[job.draft_id] = lock
        return True

    def finished(job: DraftRenderJob, outcome: str, value: Any) -> None:  # VALUE: the files, or the error
        try:
            record(job, outcome, value)
        finally:
            lock = locks.pop(job.draft_id, None)
            if lock is not None:
                lock.release()

    def record(job: DraftRenderJob, outcome: str, value: Any) -> None:
        nonlocal done, count
        if outcome == "ok":
            commit_render(store, job, value)
            report.rendered.append(job.draft_id)
            kept = sum(1 for r in value if r["method"] == "copy")
            report.kept += kept
            report.encoded += len(value) - kept
            what = (
                "kept as is"
                if kept == len(value)
                else (f"{kept} kept, {len(value) - kept} re-encoded" if kept else "re-encoded")
            )
        else:
            report.failed.append((job.draft_id, value))
            what = "skipped: another Crosspost is rendering it" if outcome == "busy" else "failed"
        done += job.weight
        count += 1
        elapsed = time.monotonic() - started
        eta = elapsed / done * (total - done) if done else 0.0
        progress(
            Progress(
                done, total, f"{count}/{len(jobs)} drafts · draft {job.draft_id} {what} · ETA {format_duration(eta)}"
            )
        )

    progress(
        Progress(
            0,
            total or 1,
            f"0/{len(jobs)} drafts" + (f" ({len(report.skipped)} already up to date)" if report.skipped else ""),
        )
    )
    try:
        if len(jobs) == 1:
            cancel.check()
            if begin(jobs[0]):
                finished(jobs[0], *_worker(jobs[0]))
        elif jobs:
            _run_pools(
                _overlapped(store, jobs),
                begin,
                finished,
                video_workers or default_video_workers(),
                photo_workers or os.cpu_count() or 1,
                cancel,
            )
    finally:
        for lock in locks.values():  # cancelled or failed midway: no draft stays locked
            lock.release()
    report.seconds = time.monotonic() - started
    return report


def _overlapped(store: Store, jobs: list[DraftRenderJob]) -> list[DraftRenderJob]:
    """JOBS in the order that hides the cheap ones behind the encodes: one video that must be
    re-encoded first (x264 takes every core at once), then every video that probably fits as it is
    (the second worker copies them meanwhile), then the other encodes. Kept in draft order otherwise.
    "Probably fits": its stored shape is the platform's (the worker decides; this is only an order)."""
    from crosspost.media.targets import video_target
    from crosspost.platforms import get_profile

    def encodes(job: DraftRenderJob) -> bool:
        profile = get_profile(job.platform)
        if profile.video is None:
            return True
        target = video_target(profile, job.fit)
        for item in job.items:
            if item.kind != "video" or item.media_id is None:
                continue
            row = store.db.execute("SELECT width, height FROM media WHERE id = ?", [item.media_id]).fetchone()
            if not row or not row[0] or not row[1] or row[0] * target.height != row[1] * target.width:
                return True
        return False

    videos = [j for j in jobs if j.has_video]
    heavy = [j for j in videos if encodes(j)]
    light = [j for j in videos if j not in heavy]
    return heavy[:1] + light + heavy[1:] + [j for j in jobs if not j.has_video]


def busy_message(draft_id: int) -> str:
    return (
        f"Draft {draft_id} is being rendered by another Crosspost right now; this batch skipped it "
        "(render it again when that one finishes)."
    )


def _run_pools(
    jobs: list[DraftRenderJob],
    begin: Callable[[DraftRenderJob], bool],
    finished: Callable[[DraftRenderJob, str, Any], None],
    video_workers: int,
    photo_workers: int,
    cancel: CancelToken,
) -> None:
    """Run JOBS in worker processes. A job is handed to its pool only when a worker is about to be
    free (a few ahead) and BEGIN allowed it (its draft's lock taken), so a batch of thousands holds
    a few locks at a time, never one per draft."""
    context = multiprocessing.get_context("spawn")
    video_jobs = [j for j in jobs if j.has_video]
    photo_jobs = [j for j in jobs if not j.has_video]
    lanes: list[tuple[ProcessPoolExecutor, list[DraftRenderJob], int]] = []
    pending: dict[Future[Any], tuple[DraftRenderJob, int]] = {}
    try:
        if video_jobs:
            # Two video workers share one encode slot: while one encodes (x264 on every core), the
            # other keeps fitting videos, which costs almost nothing.
            workers = min(video_workers, len(video_jobs))
            pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=_init_video_worker,
                initargs=(context.Semaphore(1),),
            )
            lanes.append((pool, list(reversed(video_jobs)), workers + 1))
        if photo_jobs:
            workers = min(photo_workers, len(photo_jobs))
            lanes.append(
                (ProcessPoolExecutor(max_workers=workers, mp_context=context), list(reversed(photo_jobs)), workers + 1)
            )

        def fill(lane: int) -> None:
            pool, waiting, ahead = lanes[lane]
            while waiting and sum(1 for _, n in pending.values() if n == lane) < ahead:
                cancel.check()
                job = waiting.pop()
                if begin(job):
                    pending[pool.submit(_worker, job)] = (job, lane)

        for lane in range(len(lanes)):
            fill(lane)
        while pending:
            if cancel.cancelled:
                raise Cancelled()
            ready, _ = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
            for future in ready:
                job, lane = pending.pop(future)
                finished(job, *future.result())
                fill(lane)
    finally:
        for pool, _, _ in lanes:
            pool.shutdown(wait=True, cancel_futures=True)
