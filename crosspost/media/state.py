"""Where a post's media is: on disk, behind a link that still works (until when), behind an expired
link, or partly on disk (a slideshow with 2 of 3 photos). What the library shows on each post."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from crosspost.records import LibraryRow, Post
from crosspost.store import utc_now


class MediaState(enum.StrEnum):
    NONE = "none"  # the export lists no media for the post
    ON_DISK = "on_disk"  # every file is on this computer
    PARTLY = "partly"  # some files are on disk, some are not
    LINK_VALID = "link_valid"  # nothing on disk yet; the export's links still work (until ``expires``)
    LINK_EXPIRED = "link_expired"  # nothing on disk and the links have expired
    NO_LINK = "no_link"  # nothing on disk and no link (or one without a known expiry)


@dataclass(frozen=True)
class PostMediaState:
    state: MediaState
    on_disk: int
    total: int
    expires: str | None  # the earliest expiry of the links still needed (ISO-8601 UTC), if known
    expired: bool  # that expiry has passed

    def to_json(self) -> dict[str, Any]:
        return {
            "state": str(self.state),
            "on_disk": self.on_disk,
            "total": self.total,
            "expires_at": self.expires,
            "expired": self.expired,
        }


def state_of(total: int, on_disk: int, expires: str | None, now: str | None = None) -> PostMediaState:
    now = now or utc_now()
    expired = expires is not None and expires <= now
    if total == 0:
        state = MediaState.NONE
    elif on_disk >= total:
        state = MediaState.ON_DISK
    elif on_disk:
        state = MediaState.PARTLY
    elif expires is None:
        state = MediaState.NO_LINK
    else:
        state = MediaState.LINK_EXPIRED if expired else MediaState.LINK_VALID
    return PostMediaState(state, on_disk, total, expires if on_disk < total else None, expired and on_disk < total)


def row_media_state(row: LibraryRow, now: str | None = None) -> PostMediaState:
    return state_of(row.media_count, row.media_on_disk, row.earliest_expiry, now)


def post_media_state(post: Post, now: str | None = None) -> PostMediaState:
    missing = [m for m in post.media if not m.path]
    expiries = sorted(m.expires_at for m in missing if m.expires_at)
    return state_of(len(post.media), len(post.media) - len(missing), expiries[0] if expiries else None, now)
