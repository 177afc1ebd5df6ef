"""Hostile exports and input found by attacking the app (issue 14, import side): each ends in a clear
sentence and exit 1, or simply works; nothing hangs, nothing blanks what the store knew."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from exports import Post, build_export, json_export_dict, sample_posts, write_folder, write_zip

from crosspost.cli.main import main

ROOT = Path(__file__).resolve().parents[1]


def run(data_dir, *argv, capsys=None):
    """The CLI in-process: (exit status, stdout, stderr)."""
    code = main(["--data-dir", str(data_dir), *map(str, argv)])
    out, err = capsys.readouterr() if capsys else ("", "")
    return code, out, err


def run_process(data_dir, *argv, timeout: float):
    """The CLI as a separate process, killed after TIMEOUT seconds (a hang fails the test)."""
    return subprocess.run(
        [sys.executable, "-m", "crosspost", "--data-dir", str(data_dir), *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _json_file(tmp_path, data: dict | bytes, name="user_data_tiktok.json") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode())
    return path


# --- 5. a second or nested "Profile" object ------------------------------------------------------


@pytest.mark.parametrize("where", ["nested", "second", "both"])
def test_second_or_nested_profile_does_not_loop_forever(tmp_path, data_dir, where):
    data = json_export_dict("json-2025", sample_posts(3))
    if where in ("nested", "both"):
        data["Profile"]["Profile Info"]["Profile"] = {"userName": "someone_else"}
    if where in ("second", "both"):
        data["Zz Settings"] = {"Profile": {"userName": "another", "bio": "x"}}
    path = _json_file(tmp_path, data)
    done = run_process(data_dir, "import", path, "--json", timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["added"] == 3
    listed = run_process(data_dir, "posts", "list", "--json", timeout=60)
    assert {p["account"] for p in json.loads(listed.stdout)} == {"alice_bakes"}


# --- 6. deep nesting -----------------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["arrays in the posts", "objects in the profile"])
def test_deeply_nested_json_is_refused_without_eating_memory(tmp_path, data_dir, shape):
    n = 100_000
    if shape == "arrays in the posts":
        data = b'{"Post": {"Posts": ' + b"[" * n + b"]" * n + b"}}"
    else:
        data = b'{"Profile": {"a": ' + b'{"x":' * n + b"1" + b"}" * n + b"}}"
    path = _json_file(tmp_path, data)
    # 1 GB of address space: the unguarded parser needs tens of GB for this file.
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            limit + "import sys; from crosspost.cli.main import main; sys.exit(main(sys.argv[1:]))",
            "--data-dir",
            str(data_dir),
            "import",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 1, done.stderr
    assert "levels deep" in one_sentence(done.stderr)


def test_depth_guard_follows_strings_escapes_and_block_edges():
    """Brackets inside strings (with escaped quotes and backslashes) never count, wherever the
    blocks are cut; real nesting just past the limit is caught, just under it is not."""
    from crosspost.errors import UserError
    from crosspost.importing.json_depth import DepthGuard

    rng = random.Random(14)
    tricky = 'a[[{{ " ]]} \\" x\\'  # brackets, a quote, an escaped backslash, a trailing backslash

    def nested(depth):
        value = json.dumps([tricky, "\\", "{[" * 50])
        for _ in range(depth - 1):
            if rng.random() < 0.5:
                value = '{"k": %s, "v": %s}' % (json.dumps(tricky), value)
            else:
                value = '[%s, "]]]"]' % value
        json.loads(value)  # the document is valid JSON
        return value.encode()

    for depth, allowed in ((20, True), (256, True), (257, False)):
        document = nested(depth)
        for _ in range(10):
            guard = DepthGuard("x.json")
            cuts = sorted(rng.sample(range(1, len(document)), 30))
            blocks = [document[a:b] for a, b in zip([0, *cuts], [*cuts, len(document)])]
            try:
                for block in blocks:
                    guard.check(block)
                refused = False
            except UserError:
                refused = True
            assert refused is not allowed, (depth, cuts)


# --- 16. one huge token in a caption -------------------------------------------------------------


def test_caption_text_handling_is_linear_on_one_huge_token():
    """A 2,000,000-character token: minutes to hours with the old patterns (quadratic and worse),
    well under a second each now; the time-out only stops a regression from hanging the suite."""
    code = (
        "from crosspost.drafts.compose import title_from, body_without_trailing_tags, compose\n"
        "from crosspost.translation.protect import segment, protected_tokens, scrub\n"
        "from crosspost.platforms import get_profile\n"
        "for token in ('a' * 2_000_000, 'x.y+' * 500_000, 'a@' * 1_000_000):\n"
        "    title_from(token); segment(token); protected_tokens(token); scrub(token)\n"
        "tags = 'x ' + '#a' * 1_000_000\n"
        "assert body_without_trailing_tags(tags) == 'x'\n"
        "assert body_without_trailing_tags('x ' + '#a ' * 500_000 + 'end') .endswith('end')\n"
        "compose(get_profile('rednote'), 'b' * 2_000_000 + ' #tag', None, 'original', ['tag'], None)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_trailing_tags_are_still_moved_to_topics():
    from crosspost.drafts.compose import body_without_trailing_tags

    assert body_without_trailing_tags("Sourdough day\n#baking #bread ") == "Sourdough day"
    assert body_without_trailing_tags("#a #b") == ""
    assert body_without_trailing_tags("mid #tag text") == "mid #tag text"
    assert body_without_trailing_tags("glued#a#b") == "glued"


# --- 17. JSON errors in one sentence -------------------------------------------------------------


def test_json_syntax_error_is_one_sentence(tmp_path, data_dir, capsys):
    path = _json_file(tmp_path, b'{"Post": {"Posts": {"VideoList": [{"Date": "2024-01-01 00:00:00", Title: 1}]}}}')
    code, _, err = run(data_dir, "import", path, capsys=capsys)
    assert code == 1
    assert "not valid JSON" in one_sentence(err)


# --- 12. damaged zip members ---------------------------------------------------------------------


def _member_offsets(data: bytes, name: str) -> tuple[int, int]:
    """Where NAME's local header and central directory header start in the zip bytes DATA."""
    encoded = name.encode()
    local = data.index(b"PK\x03\x04")
    while data[local + 30 : local + 30 + len(encoded)] != encoded:
        local = data.index(b"PK\x03\x04", local + 4)
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(encoded)] != encoded:
        central = data.index(b"PK\x01\x02", central + 4)
    return local, central


def _damaged_zip(tmp_path, how: str) -> Path:
    posts = sample_posts(4)
    files = build_export("json-2025", posts)
    name = "user_data_tiktok.json"
    path = tmp_path / f"{how.replace(' ', '_')}.zip"
    method = zipfile.ZIP_STORED if how in ("bad crc", "understated size") else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", method) as z:
        z.writestr(name, files[name])
    data = bytearray(path.read_bytes())
    local, central = _member_offsets(bytes(data), name)
    start = local + 30 + len(name) + int.from_bytes(data[local + 28 : local + 30], "little")
    size = int.from_bytes(data[central + 20 : central + 24], "little")
    if how == "bad crc":  # one letter of a caption changed: still valid JSON, wrong checksum
        at = data.index(b"sourdough", start)
        data[at] = ord("S")
    elif how == "corrupt deflate data":
        for i in range(start + size // 3, start + size // 3 + 64):
            data[i] ^= 0x5A
    elif how == "local header name differs":
        data[local + 30] = ord("X")
    elif how == "understated size":
        data[central + 24 : central + 28] = (len(files[name]) // 2).to_bytes(4, "little")
        data[central + 20 : central + 24] = (len(files[name]) // 2).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("how", ["bad crc", "corrupt deflate data", "local header name differs", "understated size"])
def test_damaged_zip_member_is_one_sentence_and_exit_1(tmp_path, data_dir, capsys, how):
    good = write_zip(tmp_path / "good.zip", build_export("json-2025", sample_posts(2, dt.datetime(2023, 1, 1))))
    assert run(data_dir, "import", good)[0] == 0
    capsys.readouterr()
    code, _, err = run(data_dir, "import", _damaged_zip(tmp_path, how), capsys=capsys)
    assert code == 1
    sentence = one_sentence(err)
    assert "damaged" in sentence or "not a readable zip" in sentence or "cut off" in sentence, sentence
    code, out, _ = run(data_dir, "posts", "list", "--json", capsys=capsys)
    assert len(json.loads(out)) == 2  # the store as it was


# --- 17. FIFOs named like export files -----------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_fifo_named_json_is_refused_not_waited_on(tmp_path, data_dir):
    fifo = tmp_path / "user_data_tiktok.json"
    os.mkfifo(fifo)
    done = run_process(data_dir, "import", fifo, timeout=60)
    assert done.returncode == 1
    assert "not a regular file" in one_sentence(done.stderr)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_fifo_in_a_folder_export_is_skipped_with_a_warning(tmp_path, data_dir):
    folder = write_folder(tmp_path / "export", build_export("json-2025", sample_posts(2)))
    (folder / "Post").mkdir()
    os.mkfifo(folder / "Post" / "Posts.txt")
    done = run_process(data_dir, "import", folder, "--json", timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["added"] == 2
    assert any("Posts.txt" in w and "not a regular file" in w for w in json.loads(done.stdout)["warnings"])

    only_fifo = tmp_path / "txt-export"
    (only_fifo / "Post").mkdir(parents=True)
    os.mkfifo(only_fifo / "Post" / "Posts.txt")
    done = run_process(data_dir, "import", only_fifo, timeout=60)
    assert done.returncode == 1
    one_sentence(done.stderr)


# --- 3. an older export never blanks what a newer one gave --------------------------------------


def test_older_export_without_fields_keeps_what_the_store_knows(tmp_path, data_dir, capsys):
    posts = sample_posts(5)
    for post in posts:
        post.location = "Chengdu"
    newer = write_zip(tmp_path / "2024.zip", build_export("json-2025", posts))
    assert run(data_dir, "import", newer)[0] == 0
    capsys.readouterr()
    before = {p["created_at"]: p for p in json.loads(run(data_dir, "posts", "list", "--json", capsys=capsys)[1])}

    for post in posts:
        post.likes += 1  # the older export's count differs: it is the export's word on likes
    older = write_zip(tmp_path / "txt2020.zip", build_export("txt-videos", posts))  # no Title, Sound, …
    code, out, err = run(data_dir, "import", older, "--json", capsys=capsys)
    assert code == 0, err
    after = {p["created_at"]: p for p in json.loads(run(data_dir, "posts", "list", "--json", capsys=capsys)[1])}
    assert after.keys() == before.keys()
    for key, post in after.items():
        for field in ("caption", "sound", "location", "privacy"):
            assert post[field] == before[key][field] and before[key][field], (field, post)
        assert post["likes"] == before[key]["likes"] + 1


def test_a_field_the_export_gives_empty_is_still_its_word(tmp_path, data_dir, capsys):
    post = Post(dt.datetime(2025, 3, 1, 12, 0, 0), caption="Old caption", location="Paris")
    assert run(data_dir, "import", write_folder(tmp_path / "a", build_export("json-2025", [post])))[0] == 0
    post.caption, post.location = "", None  # the newer export says: no caption, no location ("N/A")
    assert run(data_dir, "import", write_folder(tmp_path / "b", build_export("json-2025", [post])))[0] == 0
    capsys.readouterr()
    (got,) = json.loads(run(data_dir, "posts", "list", "--json", capsys=capsys)[1])
    assert got["caption"] == "" and got["location"] is None


# --- 15. impossible dates and posts of the same second -------------------------------------------


def test_posts_with_impossible_dates_are_named_in_the_warnings(tmp_path, data_dir, capsys):
    entries = [
        {"Date": "2024-13-45 10:00:00", "Link": "https://v16.tiktokv.com/a.mp4", "Title": "bad month"},
        {"Date": "2024-06-01 23:59:60", "Link": "https://v16.tiktokv.com/b.mp4", "Title": "leap second"},
        {"Date": 1e20, "Title": "far future"},
        {"Date": -99999999999999, "Title": "far past"},
        {"Date": "2024-06-01 10:00:00", "Link": "https://v16.tiktokv.com/c.mp4", "Title": "fine"},
    ]
    path = _json_file(tmp_path, {"Post": {"Posts": {"VideoList": entries}}})
    code, out, err = run(data_dir, "import", path, "--json", capsys=capsys)
    assert code == 0, err
    result = json.loads(out)
    assert result["added"] == 1
    (warning,) = [w for w in result["warnings"] if "Skipped" in w]
    assert "4 post(s)" in warning and "2024-13-45" in warning and "23:59:60" in warning
    assert "warning:" in err and "2024-13-45" in err


def test_three_posts_in_the_same_second_stay_apart_and_reimport_is_idempotent(tmp_path, data_dir, capsys):
    second = dt.datetime(2024, 8, 8, 8, 8, 8)
    posts = [Post(second, caption=f"Part {i} of my trip #travel", likes=i) for i in range(3)]
    for i, post in enumerate(posts):  # each post its own video link
        post.images = 0
    files = build_export("json-2025", posts)
    text = files["user_data_tiktok.json"].decode()
    for i in range(3):  # the three links of one second differ only by their file
        text = text.replace("/v.mp4?", f"/v{i}.mp4?", 1)
    files["user_data_tiktok.json"] = text.encode()
    export = write_zip(tmp_path / "same.zip", files)
    code, out, err = run(data_dir, "import", export, "--json", capsys=capsys)
    assert code == 0, err
    assert json.loads(out)["added"] == 3
    code, out, _ = run(data_dir, "import", export, "--json", capsys=capsys)
    assert (json.loads(out)["added"], json.loads(out)["updated"], json.loads(out)["unchanged"]) == (0, 0, 3)
    listed = json.loads(run(data_dir, "posts", "list", "--json", capsys=capsys)[1])
    assert sorted(p["caption"] for p in listed) == [p.caption for p in posts]
    assert {p["created_at"] for p in listed} == {posts[0].iso}

    # A newer export lists them in another order, with new likes: the same three posts are updated.
    for post in posts:
        post.likes += 10
    newer = build_export("json-2025", list(reversed(posts)))
    text = newer["user_data_tiktok.json"].decode()
    for i in (2, 1, 0):
        text = text.replace("/v.mp4?", f"/v{i}.mp4?", 1)
    newer["user_data_tiktok.json"] = text.encode()
    code, out, err = run(data_dir, "import", write_zip(tmp_path / "newer.zip", newer), "--json", capsys=capsys)
    assert (json.loads(out)["added"], json.loads(out)["updated"]) == (0, 3), err
    listed = json.loads(run(data_dir, "posts", "list", "--json", capsys=capsys)[1])
    assert sorted((p["caption"], p["likes"]) for p in listed) == [(p.caption, p.likes) for p in posts]


def test_store_with_posts_media_and_drafts_survives_the_identity_migration(tmp_path):
    from crosspost.store.db import connect
    from crosspost.store.versions import MIGRATION_NAMES

    path = tmp_path / "crosspost.db"
    old = connect(path, stop_before="0005_posts_same_second")
    old.execute("INSERT INTO accounts (username) VALUES ('alice')")
    old.execute(
        "INSERT INTO posts (account_id, created_at, caption, updated_at) VALUES "
        "(1, '2024-01-01T00:00:00Z', 'sourdough day', 'x')"
    )
    old.execute("INSERT INTO media (post_id, position, kind, url) VALUES (1, 0, 'video', 'https://a/v.mp4')")
    old.execute("INSERT INTO drafts (post_id, platform, created_at, updated_at) VALUES (1, 'rednote', 'x', 'x')")
    old.conn.commit()
    old.close()
    db = connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATION_NAMES)
    assert db.execute("SELECT id, seq, caption FROM posts").fetchall() == [(1, 0, "sourdough day")]
    assert db.execute("SELECT count(*) FROM media").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 1
    assert db.execute("SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'sourdough'").fetchall() == [(1,)]
    db.execute(
        "INSERT INTO posts (account_id, created_at, seq, caption, updated_at) VALUES "
        "(1, '2024-01-01T00:00:00Z', 1, 'second one', 'x')"
    )  # same second, another post
    assert db.execute("SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'second'").fetchall() == [(2,)]
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


# --- 13. numbers out of range in the export ------------------------------------------------------


def test_out_of_range_numbers_in_the_export(tmp_path, data_dir, capsys):
    likes = ["99999999999999999999999999", 1e30, "999999999K", "999999999999999999999M", -5, 12]
    entries = [
        {"Date": f"2024-06-0{i + 1} 10:00:00", "Likes": value, "Title": f"post {i}", "NumberOfCollections": value}
        for i, value in enumerate(likes)
    ]
    data = json.dumps({"Post": {"Posts": {"VideoList": entries}}})
    code, out, err = run(data_dir, "import", _json_file(tmp_path, data.encode()), "--json", capsys=capsys)
    assert code == 0, err
    assert json.loads(out)["added"] == len(likes)
    listed = {p["caption"]: p for p in json.loads(run(data_dir, "posts", "list", "--json", capsys=capsys)[1])}
    assert [listed[f"post {i}"]["likes"] for i in range(len(likes))] == [None, None, 999999999000, None, None, 12]


@pytest.fixture
def imported(tmp_path, data_dir):
    posts = sample_posts(3)
    posts[0].caption = "Colour \x1b[31mRED\x1b[0m and a title \x1b]0;pwned\x07 and \r overwrite"
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "import",
                str(write_zip(tmp_path / "e.zip", build_export("json-2025", posts))),
            ]
        )
        == 0
    )
    return data_dir


HUGE_ID = str(2**63)


@pytest.mark.parametrize(
    "argv",
    [
        ["posts", "show", HUGE_ID],
        ["posts", "attach", HUGE_ID, "x.jpg"],
        ["posts", "focus", HUGE_ID, "--auto"],
        ["translate", HUGE_ID, "--to", "zh"],
        ["translations", "edit", HUGE_ID, "--lang", "zh", "--text", "x"],
        ["drafts", "create", "1", HUGE_ID, "--platform", "rednote"],
        ["drafts", "show", HUGE_ID],
        ["drafts", "check", HUGE_ID],
        ["drafts", "render", HUGE_ID],
        ["drafts", "export", HUGE_ID, "--to", "out"],
        ["drafts", "edit", HUGE_ID, "--title", "t"],
        ["drafts", "mark-posted", HUGE_ID],
        ["drafts", "undo", HUGE_ID],
        ["drafts", "history", HUGE_ID],
        ["media", "fetch", HUGE_ID],
        ["posts", "show", "-" + HUGE_ID],
        ["posts", "show", "99999999999999999999999999999"],
    ],
)
def test_ids_past_what_the_store_holds_are_a_usage_error(imported, capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir", str(imported), *argv])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "is not an ID" in err and "Traceback" not in err


def test_core_lookups_with_an_id_past_the_store_are_not_found(imported):
    from crosspost.drafts.store import get_draft as require_draft
    from crosspost.errors import UserError
    from crosspost.paths import resolve
    from crosspost.posts import get_post, set_media_focus
    from crosspost.store import open_store

    store = open_store(resolve(imported))
    try:
        for call in (
            lambda: get_post(store, 2**63),
            lambda: require_draft(store, 2**64),
            lambda: set_media_focus(store, -(2**70), None, None),
        ):
            with pytest.raises(UserError):
                call()
    finally:
        store.close()


def test_a_60000_character_search_is_refused_with_a_sentence(imported, capsys):
    for command in ("posts", "drafts"):
        code, _, err = run(imported, command, "list", "--search", "a" * 60_000, capsys=capsys)
        assert code == 1
        assert "at most 1,000" in one_sentence(err)
    from crosspost.paths import resolve
    from crosspost.posts import list_posts
    from crosspost.store import open_store

    store = open_store(resolve(imported))  # the window's search box: cut, never an error
    try:
        assert list_posts(store, search="x" * 60_000) == []
    finally:
        store.close()


# --- 17. control characters in captions never reach the terminal raw -----------------------------


def test_escape_sequences_in_captions_are_shown_escaped(imported, capsys):
    for argv in (["posts", "list"], ["posts", "show", "1"], ["posts", "show", "2"], ["posts", "show", "3"]):
        code, out, _ = run(imported, *argv, capsys=capsys)
        assert code == 0
        assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    code, out, _ = run(imported, "posts", "list", capsys=capsys)
    assert "\\x1b[31mRED" in out
    code, out, _ = run(imported, "posts", "list", "--json", capsys=capsys)  # JSON keeps the text exact
    assert any(p["caption"].startswith("Colour \x1b[31mRED") for p in json.loads(out))


# --- 16. caption length cap at import, and drafts from the longest caption kept -------------------


def test_huge_caption_is_capped_at_import_and_drafts_stay_fast(tmp_path, data_dir):
    post = Post(dt.datetime(2024, 5, 5, 5, 5, 5), caption="a" * 10_000_000)  # one 10 MB token
    export = write_folder(tmp_path / "e", build_export("txt-posts", [post]))
    done = run_process(data_dir, "import", export, "--json", timeout=120)
    assert done.returncode == 0, done.stderr
    assert any("20,000" in w for w in json.loads(done.stdout)["warnings"])
    shown = json.loads(run_process(data_dir, "posts", "show", "1", "--json", timeout=60).stdout)
    assert shown["caption"] == "a" * 20_000
    done = run_process(
        data_dir, "drafts", "create", "1", "--platform", "rednote", "--layout", "original", "--json", timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_typed_text_past_the_caption_cap_is_refused(imported, capsys):
    long_text = "b" * 20_001
    code, _, err = run(imported, "translations", "edit", "1", "--lang", "zh", "--text", long_text, capsys=capsys)
    assert code == 1 and "20,000" in one_sentence(err)
    assert (
        run(imported, "drafts", "create", "1", "--platform", "rednote", "--layout", "original", capsys=capsys)[0] == 0
    )
    code, _, err = run(imported, "drafts", "edit", "1", "--body", long_text, capsys=capsys)
    assert code == 1 and "20,000" in one_sentence(err)
    code, out, _ = run(imported, "posts", "show", "1", "--json", capsys=capsys)
    assert json.loads(out)["translations"] == []
