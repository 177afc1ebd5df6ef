"""Issue 22, items 1 and 2: a caption edited before migration 0006 survives the upgrade and the next
import; the import's note on expiring links covers every post of the export."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from exports import build_export, sample_posts, write_zip

from crosspost.cli.main import main
from crosspost.store.db import connect

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


# -- item 1: a caption edited before 0006 -----------------------------------------------------------


def _old_import(db, export_path):
    """Write an export the way Crosspost before 0006 did (5089b8f's importer: caption, counts and
    links straight into the row, the import recorded with the file's path and SHA-256)."""
    from crosspost.importing.importer import _read_one
    from crosspost.progress import NEVER_CANCELLED, no_progress

    _, export, digest = _read_one(export_path, no_progress, NEVER_CANCELLED)
    db.execute(
        "INSERT INTO accounts (source, username, display_name, bio) VALUES ('tiktok', ?, ?, ?)",
        [export.profile.username, export.profile.display_name, export.profile.bio],
    )
    import_id = db.execute(
        "INSERT INTO imports (account_id, file, sha256, layout, posts_seen, added, imported_at) "
        "VALUES (1, ?, ?, ?, ?, ?, '2025-01-02T10:00:00Z')",
        [str(export_path.resolve()), digest, export.layout, len(export.records), len(export.records)],
    ).lastrowid
    for record in export.records:
        post_id = db.execute(
            "INSERT INTO posts (account_id, source, created_at, caption, likes, collections, deleted, "
            "deleted_at, sound, location, add_yours_text, alt_text, cover_url, privacy, import_id, updated_at) "
            "VALUES (1, 'tiktok', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2025-01-02T10:00:00Z')",
            [
                record.created_at,
                record.caption or "",
                record.likes,
                record.collections,
                int(record.deleted),
                record.deleted_at,
                record.sound,
                record.location,
                record.add_yours_text,
                record.alt_text,
                record.cover_url,
                json.dumps(record.privacy, sort_keys=True, ensure_ascii=False),
                import_id,
            ],
        ).lastrowid
        for position, media in enumerate(record.media):
            db.execute(
                "INSERT INTO media (post_id, position, kind, url, expires_at, origin) VALUES (?, ?, ?, ?, ?, 'export')",
                [post_id, position, media.kind, media.url, media.expires_at],
            )
    return export


EDIT = "My own words for the river run 🏃‍♀️ #running"


def _import_json(data_dir, export, capsys):
    assert main(["--data-dir", str(data_dir), "import", "--json", str(export)]) == 0
    return json.loads(capsys.readouterr().out)


def _rows(data_dir):
    db = sqlite3.connect(data_dir / "crosspost.db")
    return db.execute("SELECT caption, caption_edited, tiktok_caption FROM posts ORDER BY created_at").fetchall()


@pytest.mark.parametrize("made_before", ["0005_posts_same_second", "0006_user_edits"])
def test_caption_edited_before_0006_survives_upgrade_and_reimport(data_dir, tmp_path, capsys, made_before):
    """A store at schema 4 (5089b8f) or 5 with the first caption edited in the old window (which
    wrote only the caption). Before: the re-import after the upgrade said "1 updated" and put
    TikTok's text back."""
    posts = sample_posts(3)
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    old = connect(data_dir / "crosspost.db", stop_before=made_before)
    _old_import(old, export)
    old.execute("UPDATE posts SET caption = ? WHERE id = ?", [EDIT, 1])  # the old editor's save
    old.conn.commit()
    old.close()

    result = _import_json(data_dir, export, capsys)
    assert (result["added"], result["updated"], result["unchanged"]) == (0, 0, 3)
    rows = _rows(data_dir)
    assert rows[0] == (EDIT, 1, posts[0].caption)  # the user's text, marked edited, TikTok's beside it
    assert rows[1] == (posts[1].caption, 0, None)  # TikTok's own text stays TikTok's
    assert rows[2] == (posts[2].caption, 0, None)
    again = _import_json(data_dir, export, capsys)
    assert again["updated"] == 0 and _rows(data_dir) == rows

    # TikTok changes its text later: the unedited post follows it, the edited one keeps the user's.
    posts[0].caption += " (edited on TikTok)"
    posts[1].caption += " (edited on TikTok)"
    newer = write_zip(tmp_path / "newer.zip", build_export("json-2025", posts))
    assert _import_json(data_dir, newer, capsys)["updated"] == 2
    rows = _rows(data_dir)
    assert rows[0] == (EDIT, 1, posts[0].caption)
    assert rows[1] == (posts[1].caption, 0, None)


def test_store_already_past_0006_with_the_damage_is_repaired(data_dir, tmp_path, capsys):
    """Upgraded by a version with 0006..0010 but no repair, not re-imported since: 0011 lists the
    caption and the next import tells it is the user's."""
    posts = sample_posts(2)
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    old = connect(data_dir / "crosspost.db", stop_before="0006_user_edits")
    _old_import(old, export)
    old.execute("UPDATE posts SET caption = ? WHERE id = ?", [EDIT, 2])
    old.conn.commit()
    old.close()
    connect(data_dir / "crosspost.db", stop_before="0011_captions_to_check").close()  # 0006..0010 only
    assert _rows(data_dir)[1] == (EDIT, 0, None)  # the damage: the edit looks like TikTok's text

    result = _import_json(data_dir, export, capsys)
    assert result["updated"] == 0
    assert _rows(data_dir) == [(posts[0].caption, 0, None), (EDIT, 1, posts[1].caption)]


def test_when_tiktoks_earlier_text_is_gone_the_users_text_is_kept(data_dir, tmp_path, capsys):
    """The export the old version imported is deleted; a newer export (other file) is imported:
    whether the caption was edited cannot be told, so it is kept and marked edited, and the
    caption that matches the new export stays TikTok's."""
    posts = sample_posts(2)
    first = write_zip(tmp_path / "first.zip", build_export("json-2025", posts))
    old = connect(data_dir / "crosspost.db", stop_before="0006_user_edits")
    _old_import(old, first)
    old.execute("UPDATE posts SET caption = ? WHERE id = ?", [EDIT, 1])
    old.conn.commit()
    old.close()
    first.unlink()
    posts[1].likes += 5
    newer = write_zip(tmp_path / "newer.zip", build_export("json-2025", posts))
    result = _import_json(data_dir, newer, capsys)
    assert result["updated"] == 1  # the like count
    assert _rows(data_dir) == [(EDIT, 1, posts[0].caption), (posts[1].caption, 0, None)]
    db = sqlite3.connect(data_dir / "crosspost.db")
    assert db.execute("SELECT count(*) FROM captions_to_check").fetchone()[0] == 0


def test_caption_edited_again_after_the_upgrade_gets_tiktoks_text_from_the_history(data_dir, tmp_path, capsys):
    """Edited before 0006, then again in the new window before any import: the new edit stays, and
    the next import fills in TikTok's text from the export in the import history (not the old edit)."""
    from crosspost.paths import resolve
    from crosspost.posts import edit_caption
    from crosspost.store import open_store

    posts = sample_posts(1)
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    old = connect(data_dir / "crosspost.db", stop_before="0006_user_edits")
    _old_import(old, export)
    old.execute("UPDATE posts SET caption = ? WHERE id = ?", [EDIT, 1])
    old.conn.commit()
    old.close()
    store = open_store(resolve(data_dir))
    try:
        edit_caption(store, 1, "Newer words")
    finally:
        store.close()
    assert _rows(data_dir) == [("Newer words", 1, None)]  # TikTok's text not known yet: not the old edit
    assert _import_json(data_dir, export, capsys)["updated"] == 0
    assert _rows(data_dir) == [("Newer words", 1, posts[0].caption)]
