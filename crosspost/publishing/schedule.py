"""When drafts are due to be published: the queries the window's scheduler runs every second.

Apart from the publishing loop (``publish.py``) so that asking "what is next?" does not load the
network stack (httpx and the Bluesky client): the window asks on its first tick, before anything is
published.
"""

from __future__ import annotations

import datetime as dt

from crosspost.platforms import all_profiles
from crosspost.store import Store
from crosspost.values import DraftStatus


def api_platforms() -> list[str]:
    """The platforms Crosspost publishes to through their API (``publish_api`` in the profile)."""
    return [p.name for p in all_profiles() if p.publish_api]


def due_drafts(store: Store, now: dt.datetime | None = None) -> list[int]:
    """Drafts for platforms Crosspost publishes to whose planned time (local time) has come and that
    are not posted yet, oldest plan first."""
    now = now or dt.datetime.now()
    platforms = api_platforms()
    marks = ", ".join("?" for _ in platforms)
    return [
        r["id"]
        for r in store.rows(
            f"SELECT id FROM drafts WHERE status != ? AND planned_at IS NOT NULL AND planned_at <= ? "
            f"AND platform IN ({marks}) ORDER BY planned_at, id",
            [str(DraftStatus.POSTED), now.strftime("%Y-%m-%dT%H:%M"), *platforms],
        )
    ]


def next_due(store: Store) -> tuple[int, str] | None:
    """The next planned, unposted draft for a publishing platform: (draft id, planned_at)."""
    platforms = api_platforms()
    marks = ", ".join("?" for _ in platforms)
    row = store.row(
        f"SELECT id, planned_at FROM drafts WHERE status != ? AND planned_at IS NOT NULL "
        f"AND platform IN ({marks}) ORDER BY planned_at, id LIMIT 1",
        [str(DraftStatus.POSTED), *platforms],
    )
    return (row["id"], row["planned_at"]) if row else None
