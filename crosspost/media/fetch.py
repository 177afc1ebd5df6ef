"""Downloading the media behind an export's signed links, while they still work.

- a few downloads at a time (threads), overall progress by bytes;
- resume: a partial download is kept as ``media/partial/<media id>.part`` and continued with an
  HTTP Range request (a server that ignores Range starts it over);
- retries with back-off for network errors and 5xx, never forever; 403/404/410 are final;
- a size cap, a content-type check and a real probe (magic bytes + Pillow/PyAV) before anything is
  attached; content-addressed storage (``media/<sha256[:2]>/<sha256>.<ext>``), so the same file is
  stored once;
- links whose ``x-tos-expires`` has passed are not tried: the message says when they expired and
  what to do instead.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosspost.downloads import DownloadError, download_to
from crosspost.errors import UserError
from crosspost.media.facts import file_sha256
from crosspost.media.probe import MediaInfo, probe_file
from crosspost.paths import DataLocation
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.records import fields_json
from crosspost.store import Store, utc_now

MAX_BYTES = 4 * 1024**3
CONCURRENCY = 3
RETRIES = 3
BACKOFF = 1.0  # seconds, doubled at each retry
TIMEOUT = 30  # seconds to connect, for each read, and the stall window (at least 512 B/s over it)
DEADLINE = 6 * 3600  # one file never takes longer than this
ACCEPTED_TYPES = ("video/", "image/", "application/octet-stream", "binary/octet-stream")
EXTENSIONS = {
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
    "video/webm": ".webm",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/heic": ".heic",
    "image/gif": ".gif",
}
AFTER_EXPIRY = (
    "Request a new export from TikTok (Settings → Account → Download your data), or "
    "attach the files you have to the post."
)


GONE_STATUSES = (403, 404, 410)  # the server says the file is not there for this link: final


class FetchError(Exception):
    """One file could not be fetched; the message says why (and what to do). STATUS: the HTTP
    status that refused it for good (403/404/410), if that was why."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class FetchReport:
    """Every file asked for ends in exactly one of: fetched, already on disk, gone, failed."""

    fetched: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    already: int = 0
    gone: list[dict[str, Any]] = field(default_factory=list)  # links that answered 403/404/410 (now or before)

    @property
    def total(self) -> int:
        return len(self.fetched) + self.already + len(self.gone) + len(self.failed)

    def to_json(self) -> dict[str, Any]:
        return {**fields_json(self, skip=("problems",), already="already_on_disk"), "total": self.total}

    def summary(self) -> str:
        def files(n: int) -> str:
            return f"{n} file" + ("" if n == 1 else "s")

        parts = [f"{len(self.fetched)} downloaded"]
        if self.already:
            parts.append(f"{self.already} already on disk")
        if self.gone:
            parts.append(f"{len(self.gone)} gone (the link answered that the file is no longer there)")
        if self.failed:
            parts.append(f"{len(self.failed)} could not be downloaded (see the warnings above)")
        return f"Of {files(self.total)}: " + ", ".join(parts) + "."


def _parse_time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)


def _human(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


@dataclass
class _Job:
    media_id: int
    post_id: int
    url: str
    expires_at: str | None
    part: Path


def _download(
    job: _Job,
    on_bytes: Callable[[int], None],
    cancel: CancelToken,
    max_bytes: int,
    retries: int,
    backoff: float,
    timeout: float,
    on_length: Callable[[int, int], None] | None = None,
) -> None:
    """Download JOB's URL into JOB.part, resuming what is there. Raises FetchError."""

    status: list[int] = []

    def refused(code: int) -> str:
        status.append(code)
        expires = _parse_time(job.expires_at)
        when = (
            f" (it expired on {_human(expires)})"
            if expires and expires < dt.datetime.now(dt.timezone.utc)
            else (f" (it was due to expire on {_human(expires)})" if expires else "")
        )
        return f"TikTok refused the link with HTTP {code}: it has expired or been withdrawn{when}. {AFTER_EXPIRY}"

    try:
        download_to(
            job.url,
            job.part,
            on_bytes=on_bytes,
            cancel=cancel,
            max_bytes=max_bytes,
            retries=retries,
            backoff=backoff,
            timeout=timeout,
            accept=ACCEPTED_TYPES,
            refused=refused,
            on_length=on_length,
            deadline=DEADLINE,
        )
    except DownloadError as exc:
        raise FetchError(str(exc), status[-1] if status and status[-1] in GONE_STATUSES else None) from None


def _fetch_one(job: _Job, location: DataLocation, *args: Any, **kwargs: Any) -> tuple[Path, str, MediaInfo, int]:
    """Download and store one file while holding its part file's lock: two Crosspost processes
    never write to one partial file (the second says the download is under way)."""
    from crosspost.file_locks import FileLock

    locks = location.cache / "locks"  # kept apart: media/ holds only media
    locks.mkdir(parents=True, exist_ok=True)
    lock = FileLock(locks / (job.part.name + ".lock"))
    if not lock.try_acquire():
        raise FetchError(
            "another Crosspost is downloading this file right now; it is stored when that one finishes"
        ) from None
    try:
        _download(job, *args, **kwargs)
        return _store_file(job.part, location.media_dir)
    finally:
        lock.release()


def _store_file(part: Path, media_dir: Path) -> tuple[Path, str, MediaInfo, int]:
    """Check PART is really media, then move it to its content address."""
    try:
        info = probe_file(part)
    except UserError:
        part.unlink(missing_ok=True)
        raise FetchError("what arrived is not a readable photo or video") from None
    sha = file_sha256(part)
    final = media_dir / sha[:2] / f"{sha}{EXTENSIONS.get(info.mime, '.bin')}"
    final.parent.mkdir(parents=True, exist_ok=True)
    size = part.stat().st_size
    if final.exists():
        part.unlink()  # the same file is stored once
    else:
        os.replace(part, final)
    return final, sha, info, size


def mark_gone(store: Store, media_id: int, status: int) -> None:
    """Record that MEDIA_ID's link answered STATUS (403/404/410): the file behind it is gone."""
    with store.transaction():
        store.db.execute(
            "UPDATE media SET gone_at = ?, gone_status = ? WHERE id = ? AND path IS NULL",
            [utc_now(), status, media_id],
        )


def fetch_media(
    store: Store,
    location: DataLocation,
    post_ids: list[int] | None = None,
    *,
    concurrency: int = CONCURRENCY,
    max_bytes: int = MAX_BYTES,
    retries: int = RETRIES,
    backoff: float = BACKOFF,
    timeout: float = TIMEOUT,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> FetchReport:
    """Download the media of POST_IDS (None: all posts) whose files are not on disk yet."""
    from crosspost.store.lookups import require_post

    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    db = store.db
    where, params = "", []
    if post_ids is not None:
        ids = [require_post(store, i) for i in post_ids]
        where = f"AND post_id IN ({','.join('?' * len(ids))})"
        params = ids
    rows = db.execute(
        f"SELECT id, post_id, url, expires_at, path, gone_status FROM media WHERE url IS NOT NULL {where} "
        "ORDER BY post_id, position",
        params,
    ).fetchall()
    report = FetchReport()
    partial = location.media_dir / "partial"
    partial.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.timezone.utc)
    jobs = []
    for media_id, post_id, url, expires_at, path, gone_status in rows:
        if path and Path(path).exists():
            report.already += 1
            continue
        if gone_status:  # answered 403/404/410 before: asking again changes nothing
            report.gone.append({"media": media_id, "post": post_id, "status": gone_status})
            continue
        expires = _parse_time(expires_at)
        if expires and expires < now:
            report.failed.append({"media": media_id, "post": post_id, "reason": "expired"})
            report.problems.append(f"post {post_id}: the link expired on {_human(expires)}. {AFTER_EXPIRY}")
            continue
        jobs.append(_Job(media_id, post_id, url, expires_at, partial / f"media-{media_id}.part"))

    lock = threading.Lock()
    files: dict[int, list[Any]] = {job.media_id: [0, None] for job in jobs}  # bytes on disk, whole size
    ended: set[int] = set()

    def overall() -> float:
        """Files ended count whole; the ones under way by the share already on disk."""
        return sum(1.0 if mid in ended else (min(1.0, h / s) if s else 0.0) for mid, (h, s) in files.items())

    def show_progress(job: _Job) -> None:
        have, size = files[job.media_id]
        file_part = f"{have / size * 100:3.0f}%" if size else f"{have / 1e6:.1f} MB"
        progress(
            Progress(overall(), len(jobs), f"post {job.post_id}: {file_part} · {len(ended)} of {len(jobs)} files done")
        )

    def on_bytes_for(job: _Job) -> Callable[[int], None]:
        def on_bytes(n: int) -> None:
            with lock:
                files[job.media_id][0] += n
                show_progress(job)

        return on_bytes

    def on_length_for(job: _Job) -> Callable[[int, int], None]:
        def on_length(have: int, size: int) -> None:
            with lock:
                files[job.media_id] = [have, size]

        return on_length

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        futures = {
            pool.submit(
                _fetch_one,
                job,
                location,
                on_bytes_for(job),
                cancel,
                max_bytes,
                retries,
                backoff,
                timeout,
                on_length_for(job),
            ): job
            for job in jobs
        }
        for done_count, future in enumerate(as_completed(futures), 1):
            job = futures[future]
            with lock:
                ended.add(job.media_id)
            try:
                final, sha, info, size = future.result()
            except FetchError as exc:
                if exc.status is not None:
                    mark_gone(store, job.media_id, exc.status)
                    report.gone.append({"media": job.media_id, "post": job.post_id, "status": exc.status})
                else:
                    report.failed.append({"media": job.media_id, "post": job.post_id, "reason": str(exc)})
                report.problems.append(f"post {job.post_id}: {exc}")
                continue
            with store.transaction():  # one finished file, one small transaction
                db.execute(
                    "UPDATE media SET path = ?, size = ?, sha256 = ?, mime = ?, width = ?, height = ?, "
                    "duration = ?, kind = ? WHERE id = ?",
                    [str(final), size, sha, info.mime, info.width, info.height, info.duration, info.kind, job.media_id],
                )
            report.fetched.append({"media": job.media_id, "post": job.post_id, "path": str(final)})
            with lock:
                progress(Progress(overall(), len(jobs), f"downloaded {done_count} of {len(jobs)}"))
    return report
