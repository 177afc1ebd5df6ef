"""The core under the window's journey: share-text links, drafts that go out of date and refresh
keeping hand edits, the post's plan and notes, media state, and caption-less exports joining the
account whose posts have the same times."""

from __future__ import annotations

import json

import pytest
from exports import build_export, json_export_dict, sample_posts, write_zip
from media_files import jpeg

from crosspost.cli.main import main
from crosspost.drafts.freshness import MEDIA, POST, out_of_date, refresh_draft
from crosspost.drafts.sharelink import post_link
from crosspost.drafts.store import create_drafts, edit_draft, get_draft, mark_posted
from crosspost.errors import UserError
from crosspost.importing import import_paths
from crosspost.media.state import MediaState, post_media_state, state_of
from crosspost.posts import attach_files, edit_caption, get_post, list_posts, set_post_plan

SHARE = (
    "37 小明发布了一篇小红书笔记，快来看吧！ 😆 AbCdEf 😆 http://xhslink.com/a/AbCdEf，复制本条信息，"
    "打开【小红书】App查看精彩内容！"
)


@pytest.mark.parametrize(
    "text, link",
    [
        (SHARE, "http://xhslink.com/a/AbCdEf"),
        (
            "https://www.xiaohongshu.com/explore/65a1b2c3?xsec_token=AB1 看看",
            "https://www.xiaohongshu.com/explore/65a1b2c3?xsec_token=AB1",
        ),
        ("see https://example.com/a. and http://xhslink.com/o/9Zz!", "http://xhslink.com/o/9Zz"),
        ("https://example.com/only", "https://example.com/only"),
        ("no link at all", None),
        ("", None),
    ],
)
def test_post_link_from_share_text(text, link):
    assert post_link(text) == link


def _posts(store, tmp_path, n=2):
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(n)))
    import_paths(store, [str(export)])
    return [p.id for p in sorted(list_posts(store), key=lambda p: p.created_at)]


def test_mark_posted_takes_share_text_and_refuses_text_without_a_link(store, tmp_path):
    pid = _posts(store, tmp_path)[0]
    draft = create_drafts(store, [pid], "rednote", "original")[0].draft
    with pytest.raises(UserError, match="holds none"):
        mark_posted(store, draft.id, "just words")
    assert get_draft(store, draft.id).status == "draft"
    done = mark_posted(store, draft.id, SHARE).draft
    assert done.status == "posted" and done.posted_url == "http://xhslink.com/a/AbCdEf"


def test_cli_mark_posted_with_share_text(data_dir, tmp_path, capsys):
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(1)))
    assert main(["--data-dir", str(data_dir), "import", str(export)]) == 0
    assert (
        main(["--data-dir", str(data_dir), "drafts", "create", "1", "--platform", "rednote", "--layout", "original"])
        == 0
    )
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "drafts", "mark-posted", "1", "--url", SHARE, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["posted_url"] == "http://xhslink.com/a/AbCdEf"


def test_a_draft_goes_out_of_date_and_refreshes_keeping_hand_edits(store, tmp_path):
    pid = _posts(store, tmp_path)[0]
    draft = create_drafts(store, [pid], "rednote", "original")[0].draft
    assert out_of_date(store, draft) == ()
    edit_draft(store, draft.id, title="My own title")
    assert out_of_date(store, get_draft(store, draft.id)) == ()  # a hand edit is not staleness
    edit_caption(store, pid, "A new caption about the river #running")
    assert out_of_date(store, get_draft(store, draft.id)) == (POST,)
    attach_files(store, pid, [jpeg(tmp_path / "p.jpg", 900, 1200)])
    assert set(out_of_date(store, get_draft(store, draft.id))) == {POST, MEDIA}
    fresh = refresh_draft(store, draft.id).draft
    assert fresh.title == "My own title" and "A new caption about the river" in fresh.body
    assert out_of_date(store, fresh) == ()
    assert any(m.source for m in fresh.media)


def test_plan_and_notes_reach_new_and_existing_drafts(store, tmp_path):
    first, second = _posts(store, tmp_path)
    existing = create_drafts(store, [first], "rednote", "original")[0].draft
    set_post_plan(store, first, "2030-02-14 18:30", "after the run")
    assert get_draft(store, existing.id).planned_at == "2030-02-14T18:30"
    assert get_draft(store, existing.id).notes == "after the run"
    set_post_plan(store, second, "2030-03-01", None)
    new = create_drafts(store, [second], "instagram", "original")[0].draft
    assert new.planned_at == "2030-03-01T00:00" and get_post(store, second).planned_at == "2030-03-01T00:00"
    set_post_plan(store, first, "", None)
    assert get_post(store, first).planned_at is None
    with pytest.raises(UserError, match="not a date"):
        set_post_plan(store, first, "soon", None)


def test_media_state():
    assert state_of(0, 0, None).state is MediaState.NONE
    assert state_of(3, 3, None).state is MediaState.ON_DISK
    partly = state_of(3, 2, "2999-01-01T00:00:00Z")
    assert partly.state is MediaState.PARTLY and partly.expires == "2999-01-01T00:00:00Z"
    assert state_of(1, 0, "2999-01-01T00:00:00Z").state is MediaState.LINK_VALID
    expired = state_of(1, 0, "2020-01-01T00:00:00Z")
    assert expired.state is MediaState.LINK_EXPIRED and expired.expired
    assert state_of(1, 0, None).state is MediaState.NO_LINK


def test_media_state_of_a_post(store, tmp_path):
    pid = _posts(store, tmp_path, 1)[0]
    assert post_media_state(get_post(store, pid)).state is MediaState.LINK_EXPIRED  # the builder's links: 2025-01-04


def _nameless(layout, posts, tmp_path, name):
    data = json_export_dict(layout, posts)
    data.pop("Profile", None)
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("older_first", [False, True])
def test_a_captionless_export_joins_the_account_with_the_same_times(store, tmp_path, older_first):
    posts = sample_posts(4)
    newer = write_zip(tmp_path / "new.zip", build_export("json-2025", posts))
    older = _nameless("json-2019", posts[:3], tmp_path, "user_data.json")
    order = [older, newer] if older_first else [newer, older]
    results = [import_paths(store, [str(p)]) for p in order]
    accounts = store.db.execute("SELECT username FROM accounts").fetchall()
    assert accounts == [("alice_bakes",)]
    assert store.db.execute("SELECT count(*) FROM posts").fetchone()[0] == 4
    assert all(p.caption for p in list_posts(store))  # captions from the newer export, none lost
    caption_less = results[0] if older_first else results[1]
    assert caption_less.captionless == ["json-2019"]
    if not older_first:
        assert caption_less.merged_into == "alice_bakes" and caption_less.added == 0


def test_two_nameless_accounts_stay_apart_by_their_times(store, tmp_path):
    import datetime as dt

    a = sample_posts(2)
    b = sample_posts(2, start=dt.datetime(2021, 5, 1, 8, 0, 0))
    import_paths(store, [str(write_zip(tmp_path / "a.zip", build_export("json-2025", a, username="ann")))])
    import_paths(store, [str(write_zip(tmp_path / "b.zip", build_export("json-2025", b, username="bob")))])
    import_paths(store, [str(_nameless("json-2019", b, tmp_path, "user_data.json"))])
    by_account = dict(
        store.db.execute(
            "SELECT a.username, count(*) FROM posts p JOIN accounts a ON a.id = p.account_id GROUP BY a.username"
        )
    )
    assert by_account == {"ann": 2, "bob": 2}
