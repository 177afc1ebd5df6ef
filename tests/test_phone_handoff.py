"""Send to phone: the one-draft server on 127.0.0.1 and a real headless Chromium (Debian's chromium,
driven by Playwright, with an iPhone's viewport): the page shows the draft, copy buttons put the
exact text on the clipboard, downloads return the exact rendered bytes, wrong tokens and other
methods are refused without revealing anything, and a stopped server's port refuses connections."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from pathlib import Path

import procs
import pytest
from exports import build_export, sample_posts, write_zip
from media_files import jpeg, video

from crosspost.cli.main import main
from crosspost.errors import UserError
from crosspost.handoff.phone_server import PhoneServer, device_name, payload_for_draft

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (scripts/system-deps.sh test)"
)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """A data dir with two rendered RedNote drafts: a video post (01.mp4 + cover.jpg) and a photo post."""
    from crosspost.paths import resolve
    from crosspost.store import open_store

    tmp = tmp_path_factory.mktemp("phone")
    posts = sample_posts(3)
    export = write_zip(tmp / "e.zip", build_export("json-2025", posts))
    media = tmp / "media"
    media.mkdir()
    video(media / f"{posts[0].video_id}.mp4", 320, 568, seconds=1)
    jpeg(media / f"{posts[1].video_id}.jpg", 900, 1200)
    d = ["--data-dir", str(tmp / "data")]
    assert main([*d, "import", str(export), "--media", str(media), "--json"]) == 0
    assert main([*d, "drafts", "create", "1", "2", "--platform", "rednote", "--layout", "original", "--json"]) == 0
    assert main([*d, "drafts", "edit", "1", "--topics", "跑步,成都,fyp", "--json"]) == 0
    assert main([*d, "drafts", "render", "1", "--json"]) == 0
    assert main([*d, "drafts", "render", "2", "--json"]) == 0
    assert main([*d, "drafts", "create", "3", "--platform", "rednote", "--layout", "original", "--json"]) == 0
    store = open_store(resolve(tmp / "data"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (scripts/system-deps.sh test)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        phone = {k: v for k, v in p.devices["iPhone 13"].items() if k != "default_browser_type"}
        yield b, phone
        b.close()


def get(url: str, method: str = "GET", headers: dict | None = None):
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        body = exc.read()
        status, hdrs = exc.code, dict(exc.headers)
        exc.close()
        return status, hdrs, body


def refused(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(2)
        try:
            s.connect(("127.0.0.1", port))
        except ConnectionRefusedError:
            return True
    return False


@needs_chromium
def test_phone_page_in_chromium(rendered, browser):
    b, phone = browser
    payload = payload_for_draft(rendered, 1)
    assert [f.name for f in payload.files] == ["01.mp4", "cover.jpg"]
    assert payload.topics == "#跑步 #成都 #fyp" and payload.app_url.startswith("xhsdiscover://")
    events = []
    server = PhoneServer(payload, "127.0.0.1", lang="en", on_event=events.append).start()
    try:
        assert server.url.startswith(f"http://127.0.0.1:{server.port}/") and len(server.token) >= 22
        context = b.new_context(**phone, permissions=["clipboard-read", "clipboard-write"], accept_downloads=True)
        page = context.new_page()
        response = page.goto(server.url)
        assert response.status == 200
        assert page.evaluate("window.innerWidth") == 390  # the phone's viewport
        assert page.locator("h1").inner_text() == "Your RedNote (Xiaohongshu) post"
        assert page.locator("#text-title").inner_text() == payload.title
        assert page.locator("#text-topics").inner_text() == "#跑步 #成都 #fyp"
        assert page.locator("video").count() == 1 and page.locator("figure img").count() == 1
        assert page.locator("#open-app").get_attribute("href") == payload.app_url
        assert page.locator("#hint-iphone").is_visible() and not page.locator("#hint-android").is_visible()
        page.wait_for_function("() => document.querySelector('figure img').naturalWidth > 0")
        assert page.evaluate("document.querySelector('figure img').naturalWidth") == 1080

        for key, expected in (("title", payload.title), ("body", payload.body), ("topics", payload.topics)):
            page.evaluate("navigator.clipboard.writeText('-')")
            page.click(f"#copy-{key}")
            page.wait_for_function(f"() => document.querySelector('#copy-{key}').dataset.state === 'copied'")
            assert page.evaluate("navigator.clipboard.readText()") == expected, key
        assert "\n" in payload.body or len(payload.body) > 20  # a real body went through, not a stub

        for f in payload.files:
            with page.expect_download() as info:
                page.click(f"figure[data-name='{f.name}'] a.save")
            download = info.value
            assert download.suggested_filename == f.name
            assert Path(download.path()).read_bytes() == f.path.read_bytes(), f.name

        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "phone-page-iphone.png"), full_page=True)
        context.close()
    finally:
        server.stop()
    assert refused(server.port)
    messages = [e.message for e in events]
    assert "iPhone opened the page" in messages
    assert "iPhone downloaded 01.mp4" in messages and "iPhone downloaded cover.jpg" in messages
    assert all(e.client == "127.0.0.1" for e in events)


@needs_chromium
def test_copy_falls_back_when_the_clipboard_api_is_missing(rendered, browser):
    """On a phone the LAN address is not a secure context, so navigator.clipboard is missing: the
    page copies with a selected textarea instead. Hide the API and check the text still arrives."""
    b, phone = browser
    payload = payload_for_draft(rendered, 2)
    with PhoneServer(payload, "127.0.0.1", lang="zh") as server:
        context = b.new_context(**phone, permissions=["clipboard-read", "clipboard-write"])
        context.add_init_script(
            "window.__clip = navigator.clipboard;"
            "Object.defineProperty(Navigator.prototype, 'clipboard', {get() { return undefined; }});"
        )
        page = context.new_page()
        page.goto(server.url)
        assert page.locator("h1").inner_text() == "你的小红书笔记"
        assert page.locator("#copy-title").inner_text() == "复制"
        assert page.evaluate("navigator.clipboard === undefined")
        page.click("#copy-body")
        page.wait_for_function("() => document.querySelector('#copy-body').dataset.state === 'copied'")
        assert page.evaluate("window.__clip.readText()") == payload.body
        assert [f.name for f in payload.files] == ["01.jpg", "cover.jpg"]
        page.screenshot(path=str(ARTIFACTS / "phone-page-zh.png"), full_page=True)
        context.close()


def test_wrong_token_other_methods_and_paths_reveal_nothing(rendered):
    payload = payload_for_draft(rendered, 1)
    events = []
    with PhoneServer(payload, "127.0.0.1", on_event=events.append) as server:
        base = f"http://127.0.0.1:{server.port}"
        wrong = server.token[:-2] + ("AA" if not server.token.endswith("AA") else "BB")
        secrets_ = [payload.title, "01.mp4", "cover.jpg", server.token, "crosspost", "RedNote"]
        bodies = set()
        for path in (
            f"/{wrong}/",
            f"/{wrong}/f/01.mp4",
            "/",
            "/f/01.mp4",
            f"/{server.token}",
            f"/{server.token}/f/",
            f"/{server.token}/f/../../etc/passwd",
            f"/{server.token}/f/draft.json",
            f"/{server.token}/f/%2e%2e%2fcover-plain.jpg",
            f"/{server.token}/x/01.mp4",
            f"/{server.token}/f/01.mp4/",
        ):
            status, headers, body = get(base + path)
            assert status == 404, path
            bodies.add(body)
            text = body.decode() + json.dumps(headers)
            for s in secrets_:
                assert s not in text, (path, s)
        assert bodies == {b"Not found\n"}  # the same bare answer for every wrong address
        for method in ("POST", "PUT", "DELETE", "HEAD", "OPTIONS"):
            status, headers, _ = get(server.url, method=method)
            assert status == 405 and headers["Allow"] == "GET", method
        # the right address still works, with ranges for the phone's video player
        status, _, body = get(server.file_url("01.mp4"), headers={"Range": "bytes=10-19"})
        assert status == 206 and body == payload.files[0].path.read_bytes()[10:20]
        status, headers, body = get(
            server.file_url("cover.jpg", download=True),
            headers={"User-Agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile"},
        )
        assert status == 200 and body == payload.files[1].path.read_bytes()
        assert headers["Content-Disposition"] == 'attachment; filename="cover.jpg"'
    assert refused(server.port)
    assert "Android phone downloaded cover.jpg" in [e.message for e in events]
    assert sum(e.status == 404 for e in events) == 11 and sum(e.status == 405 for e in events) == 5


def test_server_stops_by_itself_after_its_lifetime(rendered):
    server = PhoneServer(payload_for_draft(rendered, 2), "127.0.0.1", lifetime=0.5).start()
    status, _, _ = get(server.url)
    assert status == 200
    procs.wait_for(lambda: not server.running, 10, "the server to stop at the end of its lifetime")
    assert not server.running and server.seconds_left() == 0
    assert refused(server.port)


def test_listens_only_where_told_and_needs_rendered_media(rendered):
    payload = payload_for_draft(rendered, 2)
    with pytest.raises(UserError, match="one network address"):
        PhoneServer(payload, "0.0.0.0")
    with PhoneServer(payload, "127.0.0.1") as server:
        assert server._server.server_address[0] == "127.0.0.1"
    with pytest.raises(UserError, match="not rendered"):
        payload_for_draft(rendered, 3)  # created, never rendered


def test_device_names():
    assert device_name("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)") == "iPhone"
    assert device_name("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit Mobile Safari") == "Android phone"
    assert device_name("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)") == "iPad"
    assert device_name(None) == "A browser"


def test_lan_addresses_end_with_loopback_and_can_be_listened_on():
    from crosspost.handoff.network import lan_addresses

    addresses = lan_addresses()
    assert addresses[-1] == "127.0.0.1" and addresses.count("127.0.0.1") == 1
    for address in addresses:  # each one is this computer's: a server can bind it
        with socket.socket() as s:
            s.bind((address, 0))
