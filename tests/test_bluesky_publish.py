"""Publishing to Bluesky against a real local PDS (``@atproto/dev-env``): accounts, text with facets,
images with alt text and aspect ratio, langs, threads, a video through the PDS, repeat publishing, and
the failures a user meets. Every post is read back from the PDS with ``com.atproto.repo.getRecord``."""

from __future__ import annotations

import re

import pytest
from bluesky_world import World
from media_files import jpeg, video
from PIL import Image

from crosspost.platforms.textcount import count


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    """No keyring backend: the tests keep app passwords in the opted-in user-only file."""
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)


def byte_range(text: str, part: str, start_at: int = 0) -> dict:
    i = text.index(part, start_at)
    start = len(text[:i].encode("utf-8"))
    return {"byteStart": start, "byteEnd": start + len(part.encode("utf-8"))}


def facet(record, kind):
    return [f for f in record.get("facets", []) if f["features"][0]["$type"] == f"app.bsky.richtext.facet#{kind}"]


def test_text_facets_images_alt_and_aspect(pds, tmp_path, capsys, monkeypatch):
    me, friend = pds.create_account("alice"), pds.create_account("bob")
    caption = (
        f"Café run ☕️ with @{friend['handle']} — route: https://example.com/ruta?x=1 ✨ "
        f"thanks @nobody-here.invalid #running #fyp"
    )
    w = World(tmp_path, capsys, monkeypatch, [caption])
    w.add_account(pds, me)
    wide, tall = jpeg(tmp_path / "wide.jpg", 1600, 900), jpeg(tmp_path / "tall.jpg", 900, 1600)
    draft = w.draft(1, [wide, tall], alts=["A sunny river path", ""])

    code, check, _ = w.run("drafts", "check", draft, "--json")
    assert any(p["field"] == "alt_text" and p["level"] == "warning" and "2" in p["message"] for p in check["problems"])

    code, out, err = w.run("drafts", "publish", draft, "--json")
    assert code == 0, err
    assert "@nobody-here.invalid" in err  # unresolvable mention: a warning, kept as text
    [result] = out
    assert result["draft"] == draft and result["uri"].startswith(f"at://{me['did']}/app.bsky.feed.post/")
    rkey = result["uri"].rsplit("/", 1)[1]
    assert result["url"] == f"https://bsky.app/profile/{me['handle']}/post/{rkey}"

    got = pds.get_record(result["uri"])
    record = got["value"]
    text = record["text"]
    assert text.startswith("Café run ☕️ with @") and text.endswith("#running #fyp")
    assert record["langs"] == ["en"]
    [link] = facet(record, "link")
    assert link["index"] == byte_range(text, "https://example.com/ruta?x=1")
    assert link["features"][0]["uri"] == "https://example.com/ruta?x=1"
    [mention] = facet(record, "mention")
    assert mention["index"] == byte_range(text, "@" + friend["handle"])
    assert mention["features"][0]["did"] == friend["did"]
    tags = facet(record, "tag")
    assert [t["features"][0]["tag"] for t in tags] == ["running", "fyp"]
    assert [t["index"] for t in tags] == [byte_range(text, "#running"), byte_range(text, "#fyp")]
    # bytes, not characters: the multi-byte text before the link shifts it
    assert link["index"]["byteStart"] > text.index("https://")

    embed = record["embed"]
    assert embed["$type"] == "app.bsky.embed.images"
    assert [i["alt"] for i in embed["images"]] == ["A sunny river path", ""]
    for image, path in zip(embed["images"], (wide, tall)):
        assert image["image"]["mimeType"] == "image/jpeg"
        assert image["image"]["size"] <= 1_000_000
    ratios = [i["aspectRatio"] for i in embed["images"]]
    code, shown, _ = w.run("drafts", "show", draft, "--json")
    rendered = [m for m in shown["media_detail"] if m.get("rendered")]
    for ratio, m in zip(ratios, rendered):
        with Image.open(m["rendered"]) as im:
            assert (ratio["width"], ratio["height"]) == im.size
    assert shown["status"] == "posted" and shown["posted_url"] == result["url"]

    # publishing again is a no-op that says so
    code, again, err = w.run("drafts", "publish", draft, "--json")
    assert code == 0 and again[0]["uri"] == result["uri"] and again[0]["already_posted"] is True
    code, human, err = w.run("drafts", "publish", draft)
    assert "already posted" in human and "not posted again" in human
    assert len(pds.list_records(me["did"])) == 1


LONG = " ".join(f"Sentence number {i} talks about the long bike ride along the coast today." for i in range(1, 13))


def test_long_caption_is_an_error_or_a_thread(pds, tmp_path, capsys, monkeypatch):
    me = pds.create_account("thread")
    w = World(tmp_path, capsys, monkeypatch, [LONG + " #cycling"])
    w.add_account(pds, me)
    draft = w.draft(1, [jpeg(tmp_path / "a.jpg", 1200, 1200)], alts=["Bikes by the sea"])
    code, out, err = w.run("drafts", "publish", draft)
    assert code == 1 and "300" in err and "thread" in err
    assert pds.list_records(me["did"]) == []

    code, out, err = w.run("drafts", "thread", draft, "on")
    assert code == 0, err
    code, out, err = w.run("drafts", "publish", draft, "--json")
    assert code == 0, err
    assert out[0]["parts"] >= 3
    records = pds.list_records(me["did"])
    assert len(records) == out[0]["parts"]
    by_uri = {r["uri"]: r for r in records}
    root = pds.get_record(out[0]["uri"])
    assert "reply" not in root["value"] and root["value"]["embed"]["$type"] == "app.bsky.embed.images"
    chain = [root]
    texts = [root["value"]["text"]]
    while len(chain) < len(records):
        child = next(r for r in records if r["value"].get("reply", {}).get("parent", {}).get("uri") == chain[-1]["uri"])
        reply = child["value"]["reply"]
        assert reply["root"] == {"uri": root["uri"], "cid": root["cid"]}
        assert reply["parent"] == {"uri": chain[-1]["uri"], "cid": chain[-1]["cid"]}
        assert "embed" not in child["value"]
        chain.append(pds.get_record(child["uri"]))
        texts.append(child["value"]["text"])
    assert set(by_uri) == {c["uri"] for c in chain}
    for t in texts:
        assert count(t, "graphemes") <= 300
        assert re.search(r"[.!?]$|#cycling$", t)  # split at sentence ends
    assert " ".join(texts) == LONG + "\n\n#cycling" or " ".join(texts).replace("\n\n", " ") == LONG + " #cycling"
    assert facet(chain[-1]["value"], "tag")[0]["features"][0]["tag"] == "cycling"


def test_video_straight_to_the_pds(pds, tmp_path, capsys, monkeypatch):
    me = pds.create_account("video")
    w = World(tmp_path, capsys, monkeypatch, ["Sunset timelapse from the hill"])
    w.add_account(pds, me)  # a self-hosted server: no video service, uploadBlob to the PDS
    draft = w.draft(1, [video(tmp_path / "clip.mp4", 360, 640, seconds=1)], alts=["Sun going down over the hill"])
    code, out, err = w.run("drafts", "publish", draft, "--json")
    assert code == 0, err
    record = pds.get_record(out[0]["uri"])["value"]
    embed = record["embed"]
    assert embed["$type"] == "app.bsky.embed.video"
    assert embed["alt"] == "Sun going down over the hill"
    assert embed["video"]["mimeType"] == "video/mp4"
    assert embed["aspectRatio"] == {"width": 1080, "height": 1920}
    assert record["text"] == "Sunset timelapse from the hill"


def test_accounts_without_keyring_wrong_password_main_password_offline(pds, tmp_path, capsys, monkeypatch):
    me = pds.create_account("acct")
    w = World(tmp_path, capsys, monkeypatch, ["hello"])
    # no keyring and no opt-in: refused, nothing stored
    code, out, err = w.run(
        "accounts",
        "add",
        "bluesky",
        "--handle",
        me["handle"],
        "--server",
        pds.url,
        "--password-stdin",
        stdin=me["app_password"] + "\n",
    )
    assert code == 1 and "keyring" in err and "--store-secret-in-file" in err
    assert not (w.data / "secrets.json").exists()
    code, listed, _ = w.run("accounts", "list", "--json")
    assert listed == []
    # wrong password
    code, out, err = w.run(
        "accounts",
        "add",
        "bluesky",
        "--handle",
        me["handle"],
        "--server",
        pds.url,
        "--password-stdin",
        "--store-secret-in-file",
        stdin="wrong-wrong-wrong\n",
    )
    assert code == 1 and "did not accept the handle and app password" in err and "Traceback" not in err
    # the main password is refused: the server's token says it is one
    code, out, err = w.run(
        "accounts",
        "add",
        "bluesky",
        "--handle",
        me["handle"],
        "--server",
        pds.url,
        "--password-stdin",
        "--store-secret-in-file",
        stdin=me["password"] + "\n",
    )
    assert code == 1 and "main password" in err and "App passwords" in err
    assert not (w.data / "secrets.json").exists()
    # offline: a server nobody listens on
    code, out, err = w.run(
        "accounts",
        "add",
        "bluesky",
        "--handle",
        me["handle"],
        "--server",
        "http://127.0.0.1:9",
        "--password-stdin",
        "--store-secret-in-file",
        stdin=me["app_password"] + "\n",
    )
    assert code == 1 and "Cannot reach 127.0.0.1:9" in err
    # the app password works; the secret file is the user's only; list and remove
    out = w.add_account(pds, me)
    assert out == {"platform": "bluesky", "handle": me["handle"], "server": pds.url}
    secrets = w.data / "secrets.json"
    assert secrets.stat().st_mode & 0o777 == 0o600
    assert me["app_password"] in secrets.read_text()
    code, listed, _ = w.run("accounts", "list", "--json")
    assert listed == [{"platform": "bluesky", "handle": me["handle"], "server": pds.url}]
    assert me["app_password"] not in (w.data / "crosspost.db").read_bytes().decode("latin-1")
    code, out, err = w.run("accounts", "remove", "bluesky", "--handle", me["handle"])
    assert code == 0
    assert me["app_password"] not in secrets.read_text()
    code, listed, _ = w.run("accounts", "list", "--json")
    assert listed == []


def test_bilingual_langs_and_translated_alt_text(pds, tmp_path, capsys, monkeypatch, argos_packs):
    me = pds.create_account("bilingual")
    w = World(tmp_path, capsys, monkeypatch, ["Morning run by the river with friends."])
    w.add_account(pds, me)
    assert w.run("languages", "install", argos_packs[("en", "zh")])[0] == 0
    assert w.run("translate", "1", "--from", "en", "--to", "zh")[0] == 0
    draft = w.draft(
        1, [jpeg(tmp_path / "run.jpg", 1000, 1000)], alts=["Runners by the river"], layout="bilingual", lang="zh"
    )
    code, out, err = w.run("drafts", "alt", draft, "--translate")
    assert code == 0, err
    from crosspost.drafts.store import get_draft
    from crosspost.paths import resolve
    from crosspost.store import open_store

    store = open_store(resolve(w.data))
    [alt] = get_draft(store, draft).alt_texts.values()
    store.close()
    assert alt.startswith("Runners by the river\n\n") and len(alt) > len("Runners by the river\n\n")

    assert w.run("drafts", "thread", draft, "on")[0] == 0  # the test pack's "Chinese" is long
    code, out, err = w.run("drafts", "publish", draft, "--json")
    assert code == 0, err
    record = pds.get_record(out[0]["uri"])["value"]
    assert record["embed"]["images"][0]["alt"] == alt
    records = pds.list_records(me["did"])
    assert records and all(r["value"]["langs"] == ["en", "zh"] for r in records)
    assert any("—— 中文翻译 ——" in r["value"]["text"] for r in records)


def test_blob_over_the_servers_limit_is_one_clear_message(tmp_path, capsys, monkeypatch):
    """A server whose blob limit is lower than the video (PDS_BLOB_UPLOAD_LIMIT=20 kB)."""
    from bluesky_support import running_pds

    server_dir = tmp_path / "small-pds"
    server_dir.mkdir()
    with running_pds(server_dir, blob_limit=20_000) as small:
        me = small.create_account("big")
        w = World(tmp_path, capsys, monkeypatch, ["A long clip"])
        w.add_account(small, me)
        draft = w.draft(1, [video(tmp_path / "clip.mp4", 360, 640, seconds=2)], alts=["Clip"])
        code, out, err = w.run("drafts", "publish", draft)
        assert code == 1 and "refused a file as too large" in err and "Traceback" not in err
        assert err.count("\n") == 1
        assert small.list_records(me["did"]) == []
        code, shown, _ = w.run("drafts", "show", draft, "--json")
        assert shown["status"] != "posted"
