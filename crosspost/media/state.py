"""Where a post's media is: on disk, behind a link that still works (until when), behind an expired
link, or partly on disk (a slideshow with 2 of 3 photos). What the library shows on each post."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from crosspost.records import LibraryRow, Media, Post
from crosspost.store import utc_now


class MediaState(enum.StrEnum):
    NONE = "none"  # the export lists no media for the post
    ON_DISK = "on_disk"  # every file is on this computer
    PARTLY = "partly"  # some files are on disk, some are not
    LINK_VALID = "link_valid"  # nothing on disk yet; the export's links still work (until ``expires``)
    LINK_EXPIRED = "link_expired"  # nothing on disk and the links have expired
    NO_LINK = "no_link"  # nothing on disk and no link (or one without a known expiry)
    GONE = "gone"  # nothing on disk, and every link answered 403/404/410: the files are lost


@dataclass(frozen=True)
class PostMediaState:
    state: MediaState
    on_disk: int
    total: int
    expires: str | None  # the earliest expiry of the links still needed (ISO-8601 UTC), if known
    expired: bool  # that expiry has passed
    gone: int = 0  # files not on disk whose link answered 403/404/410 (lost; never "valid until")

    def to_json(self) -> dict:
        return {
            "state": str(self.state),
            "on_disk": self.on_disk,
            "total": self.total,
            "expires_at": self.expires,
            "expired": self.expired,
            "gone": self.gone,
        }


def state_of(total: int, on_disk: int, expires: str | None, now: str | None = None, gone: int = 0) -> PostMediaState:
    """EXPIRES: the earliest expiry of the links still needed, not counting the GONE ones."""
    now = now or utc_now()
    fetchable = total - on_disk - gone  # missing files whose link may still work
    expires = expires if fetchable > 0 else None
    expired = expires is not None and expires <= now
    if total == 0:
        state = MediaState.NONE
    elif on_disk >= total:
        state = MediaState.ON_DISK
    elif on_disk:
        state = MediaState.PARTLY
    elif fetchable <= 0:
        state = MediaState.GONE
    elif expires is None:
        state = MediaState.NO_LINK
    else:
        state = MediaState.LINK_EXPIRED if expired else MediaState.LINK_VALID
    return PostMediaState(state, on_disk, total, expires, expired, gone)


def row_media_state(row: LibraryRow, now: str | None = None) -> PostMediaState:
    return state_of(row.media_count, row.media_on_disk, row.earliest_expiry, now, row.media_gone)


def items_state(media: Sequence[Media], now: str | None = None) -> PostMediaState:
    """The state of a post's MEDIA items."""
    missing = [m for m in media if not m.path]
    gone = [m for m in missing if m.gone]
    expiries = sorted(m.expires_at for m in missing if m.expires_at and not m.gone)
    return state_of(len(media), len(media) - len(missing), expiries[0] if expiries else None, now, len(gone))


def post_media_state(post: Post, now: str | None = None) -> PostMediaState:
    return items_state(post.media, now)
