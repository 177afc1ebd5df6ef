"""A media state that tells the truth (issue 24, item 2): a link that answered 403/404/410 is gone
(never "valid until"), a post can drop a lost item, fetch counts add up, and the expiry summary
speaks of the newest export's links. Against a real HTTP server on 127.0.0.1 and real exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import procs
import pytest
from cdn import serving
from exports import Post, build_export, write_zip
from media_files import jpeg

from crosspost.drafts.store import create_drafts, get_draft
from crosspost.importing.importer import import_paths
from crosspost.media.fetch import fetch_media
from crosspost.media.state import MediaState, post_media_state, row_media_state
from crosspost.posts import drop_lost_media, expiry_summary, get_post, library_rows

START = dt.datetime(2024, 11, 2, 9, 30, 0)
FUTURE = int((dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=6)).timestamp())


@pytest.fixture
def cdn(tmp_path):
    """Serves a real photo, except for photo 1 of every slideshow (404) and the video of the
    second post (410)."""
    photo = jpeg(tmp_path / "served.jpg", 600, 800).read_bytes()
    with serving(photo, dead={"_1.jpeg": 404, "/v.mp4": 410}) as served:
        yield served


def _export(tmp_path, base: str, name: str = "e.zip"):
    posts = [
        Post(date=START, caption="Three photos from the market", images=3, media_base=base, expires=FUTURE),
        Post(date=START + dt.timedelta(days=1), caption="A video", media_base=base, expires=FUTURE),
    ]
    return write_zip(tmp_path / name, build_export("json-2025", posts))


def _posts(store) -> tuple[int, int]:
    slideshow, clip = [r[0] for r in store.db.execute("SELECT id FROM posts ORDER BY created_at")]
    return slideshow, clip


def test_gone_links_are_gone_and_the_counts_add_up(store, location, tmp_path, cdn):
    base, log = cdn
    import_paths(store, [_export(tmp_path, base)])
    slideshow, clip = _posts(store)
    report = fetch_media(store, location, None, backoff=0.01)
    assert len(report.fetched) == 2 and len(report.gone) == 2 and not report.failed and report.already == 0
    assert {g["status"] for g in report.gone} == {404, 410}
    assert report.total == 4 == report.to_json()["total"]
    summary = report.summary()
    assert summary.startswith("Of 4 files: 2 downloaded, 2 gone") and summary.endswith(".") and ".." not in summary

    shown = get_post(store, slideshow)
    assert [m.gone for m in shown.media] == [False, True, False]
    state = post_media_state(shown)
    assert (state.state, state.on_disk, state.total, state.gone) == (MediaState.PARTLY, 2, 3, 1)
    assert state.expires is None  # nothing left to fetch: no "fetch the rest before …"
    clip_state = post_media_state(get_post(store, clip))
    assert clip_state.state is MediaState.GONE and clip_state.expires is None
    rows = {r.id: row_media_state(r) for r in library_rows(store)}
    assert rows[clip].state is MediaState.GONE and rows[slideshow].gone == 1
    assert expiry_summary(store).links == 0  # no link is still needed

    # Again: nothing is asked twice, and the sentence still adds up
    asked = len(log)
    again = fetch_media(store, location, None, backoff=0.01)
    assert len(log) == asked
    assert (again.already, len(again.gone), again.total) == (2, 2, 4)
    assert again.summary() == (
        "Of 4 files: 0 downloaded, 2 already on disk, 2 gone (the link answered that the file is no longer there)."
    )
    assert get_post(store, clip).to_json()["media"][0]["gone"] is True


def test_drop_a_lost_item(store, location, tmp_path, cdn):
    base, _ = cdn
    export = _export(tmp_path, base)
    import_paths(store, [export])
    slideshow, _ = _posts(store)
    fetch_media(store, location, [slideshow], backoff=0.01)
    [draft] = create_drafts(store, [slideshow], "rednote", layout="original")
    assert len(draft.draft.media) == 3
    post, dropped = drop_lost_media(store, slideshow)
    assert len(dropped) == 1 and len(post.media) == 2
    assert post_media_state(post).state is MediaState.ON_DISK
    assert len(get_draft(store, draft.draft.id).media) == 2  # the draft stops waiting for it
    import_paths(store, [export])  # the export again does not bring it back
    assert len(get_post(store, slideshow).media) == 2
    assert drop_lost_media(store, slideshow)[1] == []


def test_a_newer_export_with_a_new_link_is_no_longer_gone(store, location, tmp_path, cdn):
    base, _ = cdn
    import_paths(store, [_export(tmp_path, base)])
    fetch_media(store, location, None, backoff=0.01)
    _, clip = _posts(store)
    assert get_post(store, clip).media[0].gone
    newer = Post(date=START + dt.timedelta(days=1), caption="A video", media_base=base + "/new", expires=FUTURE + 60)
    import_paths(store, [write_zip(tmp_path / "newer.zip", build_export("json-2025", [newer]))])
    assert not get_post(store, clip).media[0].gone
    assert post_media_state(get_post(store, clip)).state is MediaState.LINK_VALID


def test_expiry_summary_follows_the_newest_export(store, tmp_path):
    old = [Post(date=START + dt.timedelta(days=i), caption=f"post {i}") for i in range(3)]  # expired 2025-01-04
    import_paths(store, [write_zip(tmp_path / "old.zip", build_export("json-2025", old))])
    first = expiry_summary(store)
    assert first.expired and first.links == 3
    # The newer export no longer lists the first post; its links work for six more days.
    newer = [Post(date=p.date, caption=p.caption, expires=FUTURE) for p in old[1:]]
    import_paths(store, [write_zip(tmp_path / "newer.zip", build_export("json-2025", newer))])
    summary = expiry_summary(store)
    assert not summary.expired and summary.links == 3 and summary.expired_links == 1
    assert summary.earliest == dt.datetime.fromtimestamp(FUTURE, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_cli_fetch_and_drop(data_dir, tmp_path, cdn):
    base, _ = cdn
    code, _, err = procs.run(data_dir, "import", _export(tmp_path, base))
    assert code == 0, err
    code, out, err = procs.run(data_dir, "media", "fetch", "--all")
    assert code == 0, err
    assert "Of 4 files: 2 downloaded, 2 gone" in out and "…." not in out
    assert "media drop" in err
    code, out, _ = procs.run(data_dir, "posts", "list", "--json")
    slideshow = min(json.loads(out), key=lambda p: p["created_at"])["id"]
    code, out, _ = procs.run(data_dir, "posts", "show", slideshow)
    assert "gone: the link answered HTTP 404" in out
    code, out, _ = procs.run(data_dir, "posts", "list")
    assert "3 photo (2 on disk, 1 gone)" in out and "1 video (1 gone)" in out
    code, out, _ = procs.run(data_dir, "posts", "show", slideshow, "--json")
    on_disk = next(m["id"] for m in json.loads(out)["media"] if m["path"])
    code, _, err = procs.run(data_dir, "media", "drop", slideshow, on_disk)
    procs.assert_clean_failure(code, err)
    assert "on this computer" in err
    code, out, err = procs.run(data_dir, "media", "drop", slideshow, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert len(result["dropped"]) == 1 and len(result["media"]) == 2
    assert all(Path(m["path"]).is_file() for m in result["media"])
