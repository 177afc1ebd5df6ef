"""Whole-archive batches hide the cheap work behind the encodes (issue 25): one video that must be
re-encoded starts first (x264 takes every core), the videos that already fit are copied by the other
worker meanwhile, then the remaining encodes; photo drafts have their own pool."""

from __future__ import annotations

from test_render_copy import archive  # noqa: F401  (the fixture: 1 fitting video, 6 to encode, 1 photo post)

from crosspost.drafts.batch_render import _overlapped
from crosspost.drafts.render import prepare_render
from crosspost.store import open_store


def test_one_encode_first_then_the_fitting_videos_then_the_other_encodes(archive, location):  # noqa: F811
    store = open_store(location)
    try:
        jobs = [prepare_render(store, location, draft_id) for draft_id in range(1, 9)]
        [photos] = [j.draft_id for j in jobs if not j.has_video]
        encodes = [j.draft_id for j in jobs if j.has_video and j.draft_id != 1]  # draft 1 fits RedNote
        assert len(encodes) == 6
        order = [j.draft_id for j in _overlapped(store, jobs)]
        assert order == [encodes[0], 1, *encodes[1:], photos]
    finally:
        store.close()
