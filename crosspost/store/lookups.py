"""Checks that an ID the user gave names a row, shared by every core package (the store is the one
package all of them may import)."""

from __future__ import annotations

from crosspost.errors import NotFound
from crosspost.store.db import Store


def require_post(store: Store, post_id: int) -> int:
    """POST_ID as the ID of an existing post, or NotFound."""
    try:
        pid = int(post_id)
    except (TypeError, ValueError):
        raise NotFound("post", post_id, malformed=True) from None
    if not 0 <= pid < 2**63 or store.db.execute("SELECT 1 FROM posts WHERE id = ?", [pid]).fetchone() is None:
        raise NotFound("post", pid)
    return pid
