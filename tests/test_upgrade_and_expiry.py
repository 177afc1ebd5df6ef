"""Issue 22, items 1 and 2: a caption edited before migration 0006 survives the upgrade and the next
import; the import's note on expiring links covers every post of the export."""

from __future__ import annotations

import datetime as dt
import sqlite3

from exports import build_export, sample_posts, write_zip

from crosspost.cli.main import main

# -- item 2: the expiry note reads every post ------------------------------------------------------


def test_expiry_note_covers_every_post_of_a_large_export(data_dir, tmp_path, capsys):
    """3,000 posts, each with one link not on disk; the soonest link is the 2,500th post's, three
    days away. Before: "900 media link(s) … stop working on 2100-01-01" (only the first 900 read)."""
    posts = sample_posts(3000, start=dt.datetime(2020, 1, 1, 8))
    for p in posts:
        p.images = 0
        p.expires = 4102444800  # 2100-01-01
    soon = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) + dt.timedelta(days=3)
    posts[2500].expires = int(soon.timestamp())
    export = write_zip(tmp_path / "big.zip", build_export("json-2025", posts))
    assert main(["--data-dir", str(data_dir), "import", str(export)]) == 0
    err = capsys.readouterr().err
    assert "3000 media link(s)" in err, err
    assert soon.strftime("%Y-%m-%d %H:%M UTC") in err, err
    assert "2100-01-01" not in err


def test_expiry_summary_of_a_few_posts_counts_only_theirs(store, data_dir, tmp_path, capsys):
    from crosspost.posts import expiry_summary

    posts = sample_posts(5)
    for p in posts:
        p.images = 0
        p.expires = 4102444800
    posts[4].expires = 4000000000
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    assert main(["--data-dir", str(data_dir), "import", str(export)]) == 0
    ids = [r[0] for r in sqlite3.connect(data_dir / "crosspost.db").execute("SELECT id FROM posts ORDER BY id")]
    assert len(ids) == 5
    some = expiry_summary(store, ids[:2])
    assert (some.links, some.earliest) == (2, "2100-01-01T00:00:00Z")
    every = expiry_summary(store, ids)
    assert every.links == 5 and every.earliest == "2096-10-02T07:06:40Z"
    assert expiry_summary(store, []).links == 0
