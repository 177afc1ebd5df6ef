"""Drafts end to end: import with local media → translate (tiny pack) → RedNote and Instagram drafts
→ check → render → export → mark posted; plus composition, edits/undo, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from exports import build_export, sample_posts, write_zip
from media_files import jpeg, video
from PIL import Image

from crosspost.cli.main import main


@pytest.fixture
def world(data_dir, tmp_path, argos_packs, capsys):
    posts = sample_posts(5)
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    media = tmp_path / "media"
    media.mkdir()
    video(media / f"{posts[0].video_id}.mp4", 320, 568, seconds=1)
    jpeg(media / f"{posts[2].video_id}.jpg", 900, 1200)
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "import", str(export), "--media", str(media)]) == 0
    assert main([*d, "languages", "install", str(argos_packs[("en", "zh")])]) == 0
    assert main([*d, "glossary", "add", "running", "跑步", "--topic"]) == 0
    assert main([*d, "translate", "1", "3", "--from", "en", "--to", "zh"]) == 0
    capsys.readouterr()
    return d, posts, tmp_path


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.strip().startswith(("{", "[")) else out.out), out.err


def test_end_to_end(world, capsys):
    d, posts, tmp = world
    code, drafts, _ = run(capsys, *d, "drafts", "create", "1", "3", "--platform", "rednote", "--json")
    assert code == 0 and [x["post"] for x in drafts] == [1, 3]
    red = drafts[0]
    assert red["status"] == "draft" and red["platform"] == "rednote"
    assert "—— 中文翻译 ——" in red["body"] and red["body"].startswith("Morning run by the river")
    assert red["topics"] == ["跑步", "fyp"]  # mapped through the glossary
    fields = {(p["level"], p["field"]) for p in red["problems"]}
    assert ("error", "media") in fields  # not rendered yet
    assert any("@bestie" in p["message"] for p in red["problems"])  # mentions mean nothing on RedNote

    code, ig, _ = run(capsys, *d, "drafts", "create", "3", "--platform", "instagram", "--layout", "original", "--json")
    assert ig[0]["body"].startswith("Packing for Chengdu")

    for draft_id in (red["id"], drafts[1]["id"], ig[0]["id"]):
        code, rendered, err = run(capsys, *d, "drafts", "render", str(draft_id), "--json")
        assert code == 0, err
    code, check, _ = run(capsys, *d, "drafts", "check", str(red["id"]), "--json")
    assert check["ok"] is True
    code, shown, _ = run(capsys, *d, "drafts", "show", str(red["id"]), "--json")
    assert shown["status"] == "ready" and shown["media"][0].endswith("01.mp4")

    out = tmp / "bundles"
    code, result, _ = run(capsys, *d, "drafts", "export", str(red["id"]), str(ig[0]["id"]), "--to", str(out), "--json")
    assert code == 0 and len(result["bundles"]) == 2
    red_bundle, ig_bundle = (Path(b) for b in result["bundles"])
    assert red_bundle.name.startswith("2024-11-02 ")
    assert sorted(p.name for p in red_bundle.iterdir()) == ["01.mp4", "caption.txt", "cover.jpg", "draft.json"]
    caption = (red_bundle / "caption.txt").read_text(encoding="utf-8")
    title, blank, rest = caption.split("\n", 2)
    assert title == shown["title"] and blank == "" and len(title) > 0
    assert rest.rstrip("\n").endswith("#跑步 #fyp") and "—— 中文翻译 ——" in rest
    with Image.open(red_bundle / "cover.jpg") as cover:
        assert cover.size == (1080, 1440)
    assert json.loads((red_bundle / "draft.json").read_text())["platform"] == "rednote"
    ig_caption = (ig_bundle / "caption.txt").read_text(encoding="utf-8")
    assert ig_caption.startswith("Packing for Chengdu")  # Instagram: no title line
    with Image.open(ig_bundle / "01.jpg") as photo:
        assert photo.size == (1080, 1350)

    code, posted, _ = run(
        capsys, *d, "drafts", "mark-posted", str(red["id"]), "--url", "https://www.xiaohongshu.com/explore/1", "--json"
    )
    assert posted["status"] == "posted" and posted["posted_url"].endswith("/1")
    code, _, err = run(capsys, *d, "drafts", "mark-posted", str(red["id"]))
    assert code == 1 and "already marked posted" in err
    code, _, err = run(capsys, *d, "drafts", "export", str(red["id"]), "--to", str(out))
    assert code == 1 and "already posted" in err
    code, listed, _ = run(capsys, *d, "drafts", "list", "--status", "posted", "--json")
    assert [x["id"] for x in listed] == [red["id"]]


def test_create_again_updates_and_keeps_edits(world, capsys):
    d, _, _ = world
    code, first, _ = run(capsys, *d, "drafts", "create", "1", "--platform", "rednote", "--json")
    draft_id = str(first[0]["id"])
    code, edited, _ = run(
        capsys,
        *d,
        "drafts",
        "edit",
        draft_id,
        "--title",
        "晨跑日记",
        "--topics",
        "跑步,成都",
        "--planned",
        "2025-02-14 18:30",
        "--json",
    )
    assert (
        edited["title"] == "晨跑日记"
        and edited["topics"] == ["跑步", "成都"]
        and edited["planned_at"] == "2025-02-14T18:30"
    )
    code, again, _ = run(capsys, *d, "drafts", "create", "1", "--platform", "rednote", "--json")
    assert again[0]["id"] == first[0]["id"] and again[0]["title"] == "晨跑日记"
    code, hist, _ = run(capsys, *d, "drafts", "history", draft_id, "--json")
    assert [h["field"] for h in hist] == ["title", "topics", "planned_at"]
    code, undone, _ = run(capsys, *d, "drafts", "undo", draft_id, "--json")
    assert undone["planned_at"] is None
    run(capsys, *d, "drafts", "undo", draft_id)
    code, undone, _ = run(capsys, *d, "drafts", "undo", draft_id, "--json")
    assert undone["title"] == first[0]["title"]
    code, found, _ = run(capsys, *d, "drafts", "list", "--search", "中文翻译", "--json")
    assert [x["id"] for x in found] == [first[0]["id"]]


def test_long_title_is_cut_with_a_warning(world, capsys):
    d, _, _ = world
    import sqlite3

    conn = sqlite3.connect(Path(d[1]) / "crosspost.db")
    conn.execute(
        "UPDATE posts SET caption = 'Finally finished painting the big mural downtown 🎨 #art. More soon' WHERE id = 5"
    )
    conn.commit()
    conn.close()
    code, drafts, _ = run(
        capsys, *d, "drafts", "create", "5", "--platform", "rednote", "--layout", "original", "--json"
    )
    title = drafts[0]["title"]
    assert title == "Finally finished painting the big mural"  # cut at a word boundary
    from crosspost.platforms.textcount import count

    assert count(title, "rednote_units") <= 20
    assert any(p["field"] == "title" and "shortened" in p["message"] for p in drafts[0]["problems"])


@pytest.mark.parametrize(
    "args,expected",
    [
        (["drafts", "create", "1", "--platform", "myspace"], "Unknown platform"),
        (["drafts", "create", "99", "--platform", "rednote"], "no post 99"),
        (["drafts", "create", "2", "--platform", "rednote", "--layout", "bilingual"], "crosspost translate 2 --to zh"),
        (["drafts", "show", "42"], "no draft 42"),
        (["drafts", "edit", "1", "--planned", "someday"], None),
    ],
)
def test_bad_input(world, capsys, args, expected):
    d, _, _ = world
    import sqlite3

    db = Path(d[1]) / "crosspost.db"

    def snapshot():
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT * FROM drafts").fetchall() + conn.execute("SELECT * FROM draft_edits").fetchall()
        conn.close()
        return rows

    before = snapshot()
    code, _, err = run(capsys, *d, *args)
    assert code == 1 and "Traceback" not in err and err.startswith("crosspost: ")
    if expected:
        assert expected in err
    assert snapshot() == before


def test_export_folder_not_writable_and_errors_block(world, capsys, tmp_path):
    d, _, _ = world
    code, drafts, _ = run(capsys, *d, "drafts", "create", "1", "--platform", "rednote", "--json")
    draft_id = str(drafts[0]["id"])
    code, _, err = run(capsys, *d, "drafts", "export", draft_id, "--to", str(tmp_path / "x"))
    assert code == 1
    assert "drafts render" in err
    assert not (tmp_path / "x").exists() or list((tmp_path / "x").iterdir()) == []
    run(capsys, *d, "drafts", "render", draft_id)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, *d, "drafts", "export", draft_id, "--to", str(blocker / "sub"))
    assert code == 1 and "not writable" in err
    code, status, _ = run(capsys, *d, "drafts", "show", draft_id, "--json")
    assert status["status"] == "ready"


def test_platforms_list_json(capsys):
    code, platforms, _ = run(capsys, "platforms", "list", "--json")
    names = [p["name"] for p in platforms]
    assert names == ["rednote", "instagram", "youtube-shorts", "douyin", "bluesky", "threads", "x", "lemon8"]
    for p in platforms:
        assert set(p["display_name"]) == {"en", "zh"}
        for lim in p["limits"]:
            assert set(lim) >= {"field", "value", "unit", "source", "checked"}
    rednote = platforms[0]
    assert {(lim["field"], lim["value"]) for lim in rednote["limits"]} >= {
        ("title", 20),
        ("topics", 10),
        ("images", 18),
    }


def test_crop_position_from_the_cli(world, capsys):
    d, _, _ = world
    code, post, _ = run(capsys, *d, "posts", "show", "3", "--json")
    media_id = str(post["media"][0]["id"])
    code, result, _ = run(capsys, *d, "posts", "focus", media_id, "0.2", "0.8", "--json")
    assert code == 0 and (result["focus_x"], result["focus_y"]) == (0.2, 0.8)
    code, post, _ = run(capsys, *d, "posts", "show", "3", "--json")
    assert post["media"][0]["focus"] == [0.2, 0.8]
    code, _, err = run(capsys, *d, "posts", "focus", media_id, "1.5", "0")
    assert code == 1 and "from 0" in err
    code, result, _ = run(capsys, *d, "posts", "focus", media_id, "--auto", "--json")
    assert result["focus_x"] is None
    code, drafts, _ = run(
        capsys,
        *d,
        "drafts",
        "create",
        "3",
        "--platform",
        "instagram",
        "--layout",
        "original",
        "--fit",
        "crop",
        "--json",
    )
    code, shown, _ = run(capsys, *d, "drafts", "show", str(drafts[0]["id"]), "--json")
    assert shown["fit"] == "crop"
