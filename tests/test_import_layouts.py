"""Every documented export layout, in every container, gives the same posts."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from exports import EXPIRES, LAYOUTS, Post, build_export, sample_posts, write_folder, write_zip

from crosspost.importing import import_paths
from crosspost.posts import get_post, list_posts


def posts_json(store, **kwargs):
    return [p.to_json() for p in list_posts(store, **kwargs)]


EXPIRES_ISO = dt.datetime.fromtimestamp(EXPIRES, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _posts_with_deleted():
    posts = sample_posts(6)
    posts[5].deleted = True
    return posts


def _container(kind, tmp_path, files):
    if kind == "zip":
        return write_zip(tmp_path / "TikTok_Data_1735689600.zip", files)
    if kind == "folder":
        return write_folder(tmp_path / "TikTok_Data", files)
    # the single file inside: the JSON, or the post list for TXT
    name = next(n for n in files if n.endswith((".json", "Posts.txt", "Videos.txt")))
    target = tmp_path / name.rsplit("/", 1)[-1]
    target.write_bytes(files[name])
    return target


@pytest.mark.parametrize("container", ["zip", "folder", "file"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_and_container(store, tmp_path, layout, container):
    posts = _posts_with_deleted()
    path = _container(container, tmp_path, build_export(layout, posts))
    result = import_paths(store, [path])
    has_deleted = layout not in ("json-2019", "txt-videos") and not (container == "file" and layout.startswith("txt"))
    expected = posts if has_deleted else [p for p in posts if not p.deleted]
    assert result.layouts == [layout]
    assert result.added == len(expected) and result.updated == 0 and result.unchanged == 0
    stored = {p["created_at"]: p for p in posts_json(store)}
    assert sorted(stored) == sorted(p.iso for p in expected)
    for post in expected:
        got = stored[post.iso]
        assert got["likes"] == post.likes
        assert got["deleted"] is post.deleted
        assert [m["kind"] for m in got["media"]] == (["image"] * post.images or ["video"])
        assert all(m["expires_at"] == EXPIRES_ISO for m in got["media"])
        assert all("login" not in m["url"] and m["url"].startswith("https://") for m in got["media"])
        assert [m["url"] for m in got["media"]] == post.media_urls()
        if layout not in ("json-2019", "txt-videos"):
            assert got["caption"] == post.caption
            assert got["privacy"]["who_can_view"] == "Everyone"
    if container != "file" or layout.startswith("json"):
        assert store.db.execute("SELECT username FROM accounts").fetchall() == [("alice_bakes",)]


def test_caption_with_newlines_emoji_and_mentions_survives(store, tmp_path):
    caption = "Line one 👩🏽‍🎨\n\nLine three #art @friend https://x.example/a?b=1"
    post = Post(dt.datetime(2025, 1, 14, 3, 12, 45), caption=caption, likes=3)
    for layout in ("json-2025", "txt-posts"):
        folder = write_folder(tmp_path / layout, build_export(layout, [post]))
        import_paths(store, [folder])
    assert [p["caption"] for p in posts_json(store)] == [caption]  # one post: same identity


def test_reimport_is_a_no_op_and_newer_export_updates(store, tmp_path):
    posts = sample_posts(4)
    first = write_zip(tmp_path / "a.zip", build_export("json-2023", posts))
    import_paths(store, [first])
    again = import_paths(store, [first])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert store.db.execute("SELECT count(*) FROM imports").fetchone()[0] == 1

    posts[0].likes += 50
    posts[1].caption = "Edited caption #newtag"
    newer_files = build_export("json-2025", posts)
    newer_files["user_data_tiktok.json"] = newer_files["user_data_tiktok.json"].replace(
        b"x-signature=", b"x-signature=NEW"
    )
    newer = write_zip(tmp_path / "b.zip", newer_files)
    result = import_paths(store, [newer])
    assert result.added == 0 and result.updated == 4
    assert store.db.execute("SELECT count(*) FROM posts").fetchone()[0] == 4
    by_date = {p["created_at"]: p for p in posts_json(store)}
    assert by_date[posts[0].iso]["likes"] == posts[0].likes
    assert by_date[posts[1].iso]["caption"] == "Edited caption #newtag"
    urls = [m["url"] for p in by_date.values() for m in p["media"]]
    assert urls and all("x-signature=NEW" in url for url in urls)
    assert [p["id"] for p in posts_json(store, search="newtag")] == [by_date[posts[1].iso]["id"]]


def test_downloaded_file_is_kept_when_links_are_refreshed(store, tmp_path):
    posts = sample_posts(1)
    import_paths(store, [write_zip(tmp_path / "a.zip", build_export("json-2023", posts))])
    store.db.execute("UPDATE media SET path = '/media/x.mp4'")
    files = build_export("json-2023", posts)
    files["user_data_tiktok.json"] = files["user_data_tiktok.json"].replace(b"a=1233", b"a=9999")
    import_paths(store, [write_zip(tmp_path / "b.zip", files)])
    row = store.db.execute("SELECT path, url FROM media").fetchone()
    assert row[0] == "/media/x.mp4" and "a=9999" in row[1]


def _json_file(tmp_path, data, name="user_data_tiktok.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_odd_json_cases(store, tmp_path):
    """Lower-case keys, null lists, "N/A"/"None"/"" values, numbers as strings, a key order that
    puts the posts first, and a section that is null."""
    data = {
        "post": {
            "posts": {
                "videolist": [
                    {
                        "date": "2025-02-01 10:00:00",
                        "link": "https://v16.tiktokv.com/v.mp4?x-tos-expires=1738900000",
                        "likes": "1,234",
                        "title": "N/A",
                        "sound": "None",
                        "location": "",
                        "whocanview": None,
                    },
                    {"DATE": "2025-02-02 10:00:00", "LINK": "N/A", "LIKES": None, "TITLE": "No media here"},
                    {"Date": "not a date", "Link": "https://v16.tiktokv.com/skip.mp4"},
                ]
            },
            "recently deleted posts": {"postlist": None},
        },
        "Profile": None,
        "Your Activity": {"Watch History": {"VideoList": None}},
    }
    result = import_paths(store, [_json_file(tmp_path, data)])
    assert result.added == 2
    first, second = sorted(posts_json(store), key=lambda p: p["created_at"])
    assert first["likes"] == 1234 and first["caption"] == "" and first["sound"] is None
    assert first["location"] is None and first["privacy"] == {}
    assert first["media"][0]["expires_at"] == "2025-02-07T03:46:40Z"
    assert second["media"] == [] and second["likes"] is None


def test_posts_section_absent_or_empty(store, tmp_path):
    data = {
        "Profile": {"Profile Info": {"ProfileMap": {"userName": "newbie"}}},
        "Post": {"Posts": {}, "Recently Deleted Posts": {}},
    }
    result = import_paths(store, [_json_file(tmp_path, data)])
    assert result.added == 0
    assert any("no posts" in w for w in result.warnings)


def test_txt_section_with_no_data(store, tmp_path):
    folder = write_folder(
        tmp_path / "exp",
        {
            "Post/Posts.txt": b"You have no data in this section",
            "Profile/Profile Info.txt": b"Username: quiet_one\n",
        },
    )
    result = import_paths(store, [folder])
    assert result.added == 0 and result.layouts == ["txt-posts"]


def test_zip_is_read_in_place(store, tmp_path):
    path = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(3)))
    before = sorted(p.name for p in tmp_path.rglob("*"))
    import_paths(store, [path])
    after = sorted(p.name for p in tmp_path.rglob("*") if "data" not in p.parts)
    assert [n for n in after if n not in before] == []


def test_progress_is_reported(store, tmp_path):
    seen = []
    path = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(5)))
    import_paths(store, [path], progress=seen.append)
    assert seen and any(p.message.startswith("reading") for p in seen)
    assert seen[-1].done == seen[-1].total == 5


def test_large_json_with_section_after_history(store, tmp_path):
    """Sections more than a read chunk apart and a post section after megabytes of history."""
    posts = sample_posts(30)
    files = build_export("json-2025", posts, watch_rows=40_000)
    path = tmp_path / "user_data_tiktok.json"
    path.write_bytes(files["user_data_tiktok.json"])
    assert path.stat().st_size > 4 * 1024 * 1024
    result = import_paths(store, [path])
    assert result.added == 30
    assert store.db.execute("SELECT username FROM accounts").fetchone()[0] == "alice_bakes"


def test_get_post_shape(store, tmp_path):
    import_paths(store, [write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(2)))])
    post = get_post(store, 1).to_json()
    for key in ("id", "source", "created_at", "caption", "likes", "deleted", "media", "translations"):
        assert key in post
    assert post["source"] == "tiktok"
    assert set(post["media"][0]) >= {"kind", "url", "path", "expires_at"}
    assert post["media"][0]["path"] is None


def test_zip_with_export_in_subfolder_and_other_files(store, tmp_path):
    files = build_export("txt-posts", sample_posts(2))
    path = tmp_path / "nested.zip"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(f"deep/TikTok/{name}", data)
        z.writestr("deep/readme.pdf", b"%PDF-1.4")
    assert import_paths(store, [path]).added == 2


@pytest.mark.parametrize("container", ["file", "folder", "zip"])
def test_an_imports_fingerprint_is_the_sha256_of_what_it_read(store, tmp_path, container, monkeypatch):
    """The fingerprint in ``imports`` is the SHA-256 of the export's JSON as read: the file itself (a
    plain file or in a folder: hashed from its own descriptor, beside the scan) or the zip's member.
    Long enough for the scan to take several chunks, so carried-over bytes are in it too."""
    import hashlib

    from crosspost.importing import json_scan

    files = build_export("json-2025", sample_posts(4))
    name = next(n for n in files if n.endswith(".json"))
    padded = json.loads(files[name])
    padded["Activity"] = {"Watch History": {"VideoList": [{"Date": str(i), "Link": "x" * 40} for i in range(9000)]}}
    body = json.dumps(padded, indent=2).encode()
    assert len(body) > 2 * 65536
    files = {**files, name: body}
    path = _container(container, tmp_path, files)
    monkeypatch.setattr(json_scan, "CHUNK", 65536)  # several chunks for a small file
    result = import_paths(store, [path])
    assert result.added == 4
    assert store.value("SELECT sha256 FROM imports") == hashlib.sha256(body).hexdigest()
    # the same export again is recognised by that fingerprint: nothing more is recorded
    import_paths(store, [path])
    assert store.value("SELECT count(*) FROM imports") == 1
