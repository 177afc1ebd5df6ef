"""The export bundle holds what a person uploads and nothing private (issue 24, item 8): no notes,
no path of this computer, no queue state."""

from __future__ import annotations

import json
from pathlib import Path

from exports import build_export, sample_posts, write_zip
from media_files import jpeg

from crosspost.drafts.export import export_drafts
from crosspost.drafts.render import render_draft
from crosspost.drafts.store import create_drafts
from crosspost.importing.importer import import_paths
from crosspost.posts import attach_files, set_post_plan

NOTES = "PRIVATE: ask Mum before posting, she hates this photo"


def test_bundle_has_no_notes_no_paths_no_status(store, location, tmp_path):
    posts = sample_posts(3)
    import_paths(store, [write_zip(tmp_path / "e.zip", build_export("json-2025", posts))])
    post_id = store.db.execute("SELECT id FROM posts ORDER BY created_at LIMIT 1").fetchone()[0]
    attach_files(store, post_id, [jpeg(tmp_path / "mine.jpg", 900, 1200)])
    set_post_plan(store, post_id, "2025-02-14 18:30", NOTES)
    [draft] = create_drafts(store, [post_id], "rednote", layout="original")
    rendered = render_draft(store, location, draft.draft.id)
    assert rendered.draft.cover and rendered.draft.notes == NOTES  # the draft itself keeps both
    out = tmp_path / "bundles"
    [bundle] = export_drafts(store, [draft.draft.id], out)["bundles"]
    files = {p.name: p for p in Path(bundle).iterdir()}
    assert "draft.json" in files and "caption.txt" in files and "cover.jpg" in files
    data = json.loads(files["draft.json"].read_text(encoding="utf-8"))
    assert data["platform"] == "rednote" and data["title"] and data["media"] == ["01.jpg"]
    assert data["cover"] == "cover.jpg" and data["planned_at"] == "2025-02-14T18:30"
    for key in ("notes", "status", "exported_to", "posted_at", "posted_url", "media_detail", "updated_at"):
        assert key not in data, key
    private = [NOTES, "ask Mum", str(location.root), str(tmp_path)]
    for name, path in files.items():
        if path.suffix in (".json", ".txt"):
            text = path.read_text(encoding="utf-8")
            for marker in private:
                assert marker not in text, (name, marker)
    for value in _strings(data):
        assert not value.startswith("/") and "\\\\" not in value, value  # no absolute path of this computer


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
