"""Send to phone: the one-draft server on 127.0.0.1 and a real headless Chromium (Debian's chromium,
driven by Playwright, with an iPhone's viewport): the page shows the draft, copy buttons put the
exact text on the clipboard, downloads return the exact rendered bytes, wrong tokens and other
methods are refused without revealing anything, and a stopped server's port refuses connections."""

from __future__ import annotations

import json
import socket
import time
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


# --- issue 22: the second outside attack on Send to phone -------------------------------------------


def _request(path: str, host: str = "x") -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()


def _read_response(s: socket.socket) -> bytes:
    """One whole HTTP response (headers and a Content-Length body) from S, or b"" when S is closed."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")),
        0,
    )
    while len(body) < length:
        chunk = s.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def _closed_by_server(s: socket.socket, timeout: float = 10) -> bool:
    """Whether the server has closed S (EOF or reset) within TIMEOUT; False if S is still open."""
    s.settimeout(timeout)
    try:
        return s.recv(65536) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True
    except TimeoutError:
        return False


def test_the_end_of_the_lifetime_ends_keep_alive_and_half_sent_requests(rendered):
    """Issue 22 #6: a keep-alive connection got 200 OK long after the lifetime, and a half-sent
    request completed at +19 s. The end of the lifetime closes every connection."""
    server = PhoneServer(payload_for_draft(rendered, 2), "127.0.0.1", lifetime=1.0).start()
    path = f"/{server.token}/"
    with (
        socket.create_connection(("127.0.0.1", server.port), timeout=5) as alive,
        socket.create_connection(("127.0.0.1", server.port), timeout=5) as half,
    ):
        alive.sendall(_request(path))
        assert _read_response(alive).startswith(b"HTTP/1.1 200 ")  # kept alive: HTTP/1.1, no Connection: close
        half.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n".encode())  # the headers never end
        assert server.wait_closed(10)
        assert _closed_by_server(alive) and _closed_by_server(half)
    assert refused(server.port)


def test_close_ends_every_open_connection(rendered):
    server = PhoneServer(payload_for_draft(rendered, 2), "127.0.0.1").start()
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as alive:
        alive.sendall(_request(f"/{server.token}/"))
        assert _read_response(alive).startswith(b"HTTP/1.1 200 ")
        server.stop()
        assert _closed_by_server(alive)


def test_a_request_must_send_its_headers_within_a_few_seconds(rendered):
    """Issue 22 #6: a request that drips its headers is cut off after ``header_timeout`` seconds in
    all (not per byte), while the server itself keeps serving others."""
    with PhoneServer(payload_for_draft(rendered, 2), "127.0.0.1", header_timeout=1.0) as server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as slow:
            start = time.monotonic()
            slow.sendall(b"GET /")
            assert _closed_by_server(slow, timeout=10)
            assert 0.9 <= time.monotonic() - start < 5
        # an idle keep-alive connection gets the same limit for its next request's headers
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as idle:
            idle.sendall(_request(f"/{server.token}/"))
            assert _read_response(idle).startswith(b"HTTP/1.1 200 ")
            assert _closed_by_server(idle, timeout=10)
        status, _, _ = get(server.url)
        assert status == 200 and server.running


def test_a_rendered_file_replaced_by_a_link_is_not_served(rendered, tmp_path):
    """Issue 22 #7: a rendered file swapped for a symlink (to a secret outside the render folder, or
    to another file inside it) is refused with the bare 404; only regular files are served."""
    payload = payload_for_draft(rendered, 2)
    photo = next(f for f in payload.files if f.role == "media")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:secret\n")
    aside = photo.path.with_name(photo.path.name + ".aside")
    photo.path.rename(aside)
    try:
        with PhoneServer(payload, "127.0.0.1") as server:
            for target in (secret, Path("/etc/passwd"), aside):
                photo.path.unlink(missing_ok=True)
                photo.path.symlink_to(target)
                status, _, body = get(server.file_url(photo.name))
                assert status == 404 and body == b"Not found\n", target
            photo.path.unlink()
            photo.path.mkdir()  # a folder in its place
            status, _, _ = get(server.file_url(photo.name))
            assert status == 404
            photo.path.rmdir()
            aside.rename(photo.path)  # the real file back: served again
            status, _, body = get(server.file_url(photo.name))
            assert status == 200 and body == photo.path.read_bytes() and body[:3] == b"\xff\xd8\xff"
    finally:
        if photo.path.is_symlink():
            photo.path.unlink()
        if aside.exists():
            aside.rename(photo.path)


def test_a_file_outside_the_render_folder_is_never_served(rendered, tmp_path):
    """A payload naming a file outside its draft's render folder (a link in a parent folder, or a
    plain path elsewhere) serves nothing from it."""
    from crosspost.handoff.phone_server import PhoneFile, PhonePayload

    payload = payload_for_draft(rendered, 2)
    outside = tmp_path / "elsewhere.jpg"
    outside.write_bytes(b"\xff\xd8\xffsecret")
    folder = payload.files[0].folder
    assert folder is not None and payload.files[0].path.parent == folder
    stray = PhoneFile("elsewhere.jpg", outside, "image", folder=folder)
    with PhoneServer(PhonePayload("t", "b", "", (stray,), "RedNote"), "127.0.0.1") as server:
        status, _, body = get(server.file_url("elsewhere.jpg"))
        assert status == 404 and body == b"Not found\n"


@pytest.mark.parametrize(
    "host",
    [
        "0",
        "0.0",
        "0x0",
        "000.000.000.000",
        "0.0.0.0",
        "",
        "::",
        "0::0",
        "0:0:0:0:0:0:0:0",
        "::ffff:0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "127.000.000.001",
        "0177.0.0.1",
        "2130706433",
        "localhost",
        " 127.0.0.1",
    ],
)
def test_never_all_interfaces_nor_a_non_canonical_address(rendered, host):
    """Issue 22 #8: "0", "0.0", "0x0", "000.000.000.000" all bound 0.0.0.0. Only a plain, canonical
    unicast address is accepted."""
    with pytest.raises(UserError, match="one network address"):
        PhoneServer(payload_for_draft(rendered, 2), host)


def test_a_huge_range_header_gets_416(rendered, capfd):
    """Issue 22 #16: a Range with over 4,300 digits raised ValueError and got no answer."""
    payload = payload_for_draft(rendered, 2)
    size = payload.files[0].size
    with PhoneServer(payload, "127.0.0.1") as server:
        for header in ("bytes=" + "9" * 5000 + "-", "bytes=0-" + "9" * 5000, "bytes=-" + "9" * 5000, f"bytes={size}-"):
            status, headers, body = get(server.file_url(payload.files[0].name), headers={"Range": header})
            assert status == 416 and headers["Content-Range"] == f"bytes */{size}", header[:20]
        status, _, body = get(server.file_url(payload.files[0].name), headers={"Range": "bytes=-5"})
        assert status == 206 and body == payload.files[0].path.read_bytes()[-5:]
    out, err = capfd.readouterr()
    assert "Traceback" not in err and "Error" not in err, err


def _handler_threads() -> list:
    import threading

    return [t for t in threading.enumerate() if "process_request_thread" in t.name]


def test_client_disconnects_are_quiet(rendered, capfd):
    """Issue 22 #16: every client that went away mid-answer printed a BrokenPipeError traceback."""
    import struct

    payload = payload_for_draft(rendered, 1)  # a video and a cover
    with PhoneServer(payload, "127.0.0.1") as server:
        paths = [f"/{server.token}/"] + [f"/{server.token}/f/{f.name}" for f in payload.files]
        for i in range(30):
            s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with a reset
            s.sendall(_request(paths[i % len(paths)]) * 3)
            if i % 2:
                s.recv(10)  # the answer has begun
            s.close()
        procs.wait_for(lambda: not _handler_threads(), 20, "the server to finish the cut-off requests")
        status, _, _ = get(server.url)
        assert status == 200
    out, err = capfd.readouterr()
    assert "Traceback" not in err and "Error" not in err, err


def test_an_address_of_another_computer_cannot_be_listened_on(rendered):
    """Canonical but not this computer's (TEST-NET-1): the system refuses the bind, in one sentence."""
    with pytest.raises(UserError, match="Cannot listen on 192.0.2.1"):
        PhoneServer(payload_for_draft(rendered, 2), "192.0.2.1")
    with PhoneServer(payload_for_draft(rendered, 2), "127.0.0.1") as server:  # the canonical form works
        assert get(server.url)[0] == 200
