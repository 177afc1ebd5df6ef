"""The CLI face of the foundation: --version, --help, posts list/show/attach shapes and errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from exports import build_export, sample_posts, write_zip

from crosspost import __version__
from crosspost.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def imported(data_dir, tmp_path, capsys):
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(5)))
    assert main(["--data-dir", str(data_dir), "import", "--json", str(export)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"added", "updated", "unchanged", "posts", "warnings"}
    assert result["added"] == 5 and len(result["posts"]) == 5
    return data_dir


def run_json(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.strip() else None), out.err


def test_version_and_module_entry_point():
    done = subprocess.run([sys.executable, "-m", "crosspost", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.strip() == f"crosspost {__version__}"


def test_help_lists_commands(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    for word in ("import", "posts", "--data-dir", "RedNote"):
        assert word in text


def test_posts_list_json_newest_first(imported, capsys):
    code, posts, _ = run_json(capsys, "--data-dir", str(imported), "posts", "list", "--json")
    assert code == 0 and len(posts) == 5
    dates = [p["created_at"] for p in posts]
    assert dates == sorted(dates, reverse=True)
    for post in posts:
        assert post["source"] == "tiktok" and post["created_at"].endswith("Z")
        assert isinstance(post["deleted"], bool) and isinstance(post["media"], list)
        assert post["translations"] == []


def test_posts_list_search(imported, capsys):
    code, posts, _ = run_json(capsys, "--data-dir", str(imported), "posts", "list", "--search", "sourdo", "--json")
    assert code == 0 and [p["caption"].split("\n")[0] for p in posts] == ["My sourdough finally worked!!"]
    code, posts, _ = run_json(capsys, "--data-dir", str(imported), "posts", "list", "--search", "#travel", "--json")
    assert len(posts) == 1 and "#travel" in posts[0]["caption"]
    code, posts, _ = run_json(capsys, "--data-dir", str(imported), "posts", "list", "--search", 'quote" OR x', "--json")
    assert code == 0 and posts == []


def test_posts_show_json_and_human(imported, capsys):
    code, post, _ = run_json(capsys, "--data-dir", str(imported), "posts", "show", "4", "--json")
    assert code == 0 and post["id"] == 4 and len(post["media"]) == 3
    assert main(["--data-dir", str(imported), "posts", "show", "4"]) == 0
    assert "Quick 3-photo dump" in capsys.readouterr().out


@pytest.mark.parametrize("bad", ["999", "abc"])
def test_posts_show_unknown_id(imported, capsys, bad):
    assert main(["--data-dir", str(imported), "posts", "show", bad]) == 1
    err = capsys.readouterr().err
    assert err.startswith("crosspost: ") and "posts list" in err and "Traceback" not in err


def test_posts_list_empty_store_says_what_to_do(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "posts", "list"]) == 0
    assert "crosspost import" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (["drafts", "show", "abc"], 1, "`crosspost drafts list` shows the IDs"),
        (["posts", "focus", "abc", "0.5", "0.5"], 1, "lists a post's media IDs"),
        (["drafts", "create", "1", "--platform", "rednote", "--layout", "zoom"], 2, "choose from original"),
        (["drafts", "list", "--status", "sent"], 2, "choose from draft, ready, exported, posted"),
        (["render", "x.jpg", "--platform", "rednote", "--fit", "zoom", "-o", "y.jpg"], 2, "choose from crop"),
    ],
)
def test_ids_and_choices_are_typed_at_the_edge(data_dir, capsys, argv, code, says):
    """IDs become ints and choices enum members while the arguments are read: text that is no ID
    says where the IDs are listed (exit 1), a word outside a choice is a usage error (exit 2)."""
    if code == 2:
        with pytest.raises(SystemExit) as exc:
            main(["--data-dir", str(data_dir), *argv])
        assert exc.value.code == 2
    else:
        assert main(["--data-dir", str(data_dir), *argv]) == 1
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_parsed_arguments_hold_enum_members_and_ints():
    from crosspost.cli.main import build_parser
    from crosspost.values import DraftStatus, Fit, Layout

    args = build_parser().parse_args(["drafts", "create", "7", "8", "--platform", "x", "--layout", "bilingual"])
    assert args.ids == [7, 8] and args.layout is Layout.BILINGUAL
    args = build_parser().parse_args(["drafts", "list", "--status", "ready"])
    assert args.status is DraftStatus.READY
    args = build_parser().parse_args(["render", "a.jpg", "--platform", "x", "--fit", "pad", "-o", "b.jpg"])
    assert args.fit is Fit.PAD
