"""Exactly once: a publishing process killed with SIGKILL at each dangerous point (after the blob
upload, after createRecord, before the store update) and run again leaves exactly one post per part
in the real PDS's repo (``listRecords``), and the draft is recorded as posted."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys

import pytest
from bluesky_world import World
from media_files import jpeg

from crosspost.drafts.richtext import split_thread, with_topics

CAPTION = " ".join(f"Part {i} of the story is about the old harbour and its boats." for i in range(1, 9))


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)


def publish_process(w: World, *args, kill_at: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("CROSSPOST_TEST_KILL_AT", None)
    if kill_at:
        env["CROSSPOST_TEST_KILL_AT"] = kill_at
    return subprocess.run(
        [sys.executable, "-m", "crosspost", *w.d, "drafts", "publish", *map(str, args), "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("kill_at", ["after_plan", "after_blob_upload", "after_create_record", "before_store_update"])
def test_killed_publish_then_rerun_posts_once(pds, tmp_path, capsys, monkeypatch, kill_at):
    me = pds.create_account("once")
    w = World(tmp_path, capsys, monkeypatch, [CAPTION + " #harbour"])
    w.add_account(pds, me)
    draft = w.draft(1, [jpeg(tmp_path / "boat.jpg", 1200, 900)], alts=["Boats in the harbour"])
    code, out, err = w.run("drafts", "thread", draft, "on")
    assert code == 0, err
    code, shown, _ = w.run("drafts", "show", draft, "--json")
    parts = len(split_thread(with_topics(shown["body"], shown["topics"])))
    assert parts >= 2

    killed = publish_process(w, draft, kill_at=kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    records = pds.list_records(me["did"])
    expected_before = {"after_plan": 0, "after_blob_upload": 0, "after_create_record": 1, "before_store_update": parts}[
        kill_at
    ]
    assert len(records) == expected_before
    code, shown, _ = w.run("drafts", "show", draft, "--json")
    assert shown["status"] != "posted"  # the store never claims more than happened

    again = publish_process(w, draft)
    assert again.returncode == 0, again.stderr
    [result] = json.loads(again.stdout)
    records = pds.list_records(me["did"])
    assert len(records) == parts
    assert len({r["value"]["text"] for r in records}) == parts
    assert result["uri"] in {r["uri"] for r in records}
    roots = [r for r in records if "reply" not in r["value"]]
    assert [r["uri"] for r in roots] == [result["uri"]]
    assert roots[0]["value"]["embed"]["images"][0]["alt"] == "Boats in the harbour"
    code, shown, _ = w.run("drafts", "show", draft, "--json")
    assert shown["status"] == "posted" and shown["posted_url"] == result["url"]

    # a third run is a no-op that says so
    third = publish_process(w, draft)
    assert third.returncode == 0 and json.loads(third.stdout)[0]["already_posted"] is True
    assert len(pds.list_records(me["did"])) == parts


def test_due_publishes_exactly_the_due_drafts(pds, tmp_path, capsys, monkeypatch):
    me = pds.create_account("due")
    w = World(tmp_path, capsys, monkeypatch, ["First due post", "Second due post", "A post for next year"])
    w.add_account(pds, me)
    drafts = [w.draft(i, [jpeg(tmp_path / f"{i}.jpg", 800, 800)], alts=[f"photo {i}"]) for i in (1, 2, 3)]
    now = dt.datetime.now()
    planned = [
        (now - dt.timedelta(days=3)).strftime("%Y-%m-%d %H:%M"),  # missed while the computer slept
        (now - dt.timedelta(minutes=2)).strftime("%Y-%m-%d %H:%M"),
        (now + dt.timedelta(days=365)).strftime("%Y-%m-%d %H:%M"),
    ]
    for draft, when in zip(drafts, planned):
        code, out, err = w.run("drafts", "edit", draft, "--planned", when)
        assert code == 0, err

    result = publish_process(w, "--due")
    assert result.returncode == 0, result.stderr
    published = json.loads(result.stdout)
    assert sorted(r["draft"] for r in published) == drafts[:2]
    records = pds.list_records(me["did"])
    assert sorted(r["value"]["text"] for r in records) == ["First due post", "Second due post"]
    code, listed, _ = w.run("drafts", "list", "--json")
    status = {d["id"]: d["status"] for d in listed}
    assert status[drafts[0]] == status[drafts[1]] == "posted" and status[drafts[2]] != "posted"

    # the next run (the timer fires again) posts nothing twice
    second = publish_process(w, "--due")
    assert second.returncode == 0 and json.loads(second.stdout) == []
    assert "No drafts are due" in second.stderr
    assert len(pds.list_records(me["did"])) == 2
