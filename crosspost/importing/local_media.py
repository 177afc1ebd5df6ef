"""Matching the user's own media files to posts, with no network.

Tools that save TikTok videos name files by the 19-digit video ID (``7442045703922142486.mp4``,
``Title [7442045703922142486].mp4``). The top 32 bits of that ID are the upload time in Unix
seconds, which matches the post's ``Date``: a file is matched to the post whose date is nearest to
``id >> 32`` within ``TOLERANCE``. Files without such an ID, or with no post near it, are reported
as unmatched — never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from crosspost.errors import UserError
from crosspost.progress import CancelToken, Progress, ProgressCallback
from crosspost.store import Store

VIDEO_ID = re.compile(r"(?<!\d)(\d{19})(?!\d)")
MEDIA_SUFFIXES = {".mp4", ".mov", ".m4v", ".webm", ".mkv", ".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif"}
TOLERANCE = dt.timedelta(minutes=5)


def video_id_time(name: str) -> dt.datetime | None:
    """The creation time encoded in a TikTok video ID found in NAME, if any."""
    for match in VIDEO_ID.finditer(name):
        seconds = int(match.group(1)) >> 32
        if 1_400_000_000 < seconds < 4_000_000_000:  # 2014 .. 2096: a plausible TikTok ID
            return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)
    return None


def media_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in MEDIA_SUFFIXES)


def find_post_for(store: Store, moment: dt.datetime, account_ids: list[int]) -> int | None:
    low = (moment - TOLERANCE).strftime("%Y-%m-%dT%H:%M:%SZ")
    high = (moment + TOLERANCE).strftime("%Y-%m-%dT%H:%M:%SZ")
    sql = "SELECT id, created_at FROM posts WHERE created_at BETWEEN ? AND ?"
    params: list[Any] = [low, high]
    if account_ids:
        sql += f" AND account_id IN ({','.join('?' * len(account_ids))})"
        params += account_ids
    candidates = store.db.execute(sql, params).fetchall()
    if not candidates:
        return None

    def distance(row: tuple[Any, ...]) -> float:
        when = dt.datetime.strptime(row[1], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
        return abs((when - moment).total_seconds())

    return int(min(candidates, key=distance)[0])


def attach_from_folder(
    store: Store, folder: Path, account_ids: list[int], progress: ProgressCallback, cancel: CancelToken
) -> tuple[int, list[Path]]:
    """Attach every media file in FOLDER that names a post's video ID; (matched, unmatched files)."""
    from crosspost.posts import attach_files

    files = media_files(folder)
    matched, unmatched = 0, []
    for index, path in enumerate(files):
        cancel.check()
        progress(Progress(index, len(files), f"matching {path.name}"))
        moment = video_id_time(path.name)
        post_id = find_post_for(store, moment, account_ids) if moment else None
        if post_id is None:
            unmatched.append(path)
            continue
        try:
            attach_files(store, post_id, [path])
        except UserError:
            unmatched.append(path)  # not a readable photo or video: reported, not attached
            continue
        matched += 1
    return matched, unmatched
