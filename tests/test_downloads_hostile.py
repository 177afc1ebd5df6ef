"""The downloader against servers on 127.0.0.1 that misbehave: trickle, lie about sizes, redirect to
ftp:// or file:// or in a loop (issue 14, item 17); `posts attach` against files that vanish or are
cut short."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
import time
from pathlib import Path

import procs
import pytest
from media_files import jpeg

from crosspost.cli.main import main
from crosspost.downloads import DownloadError, download_to


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that hangs up on a hostile body is the expected end, not news


class QuietFiles(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def make_handler(state: dict):
    """A handler whose misbehaviour is set by STATE. ``state["stop"]`` (a threading.Event, made here when
    missing) ends every dripping answer at once when the test is over; ``state["release"]`` (an Event)
    holds /slow-photo between its two halves until the test has done what it needed meanwhile."""
    state.setdefault("stop", threading.Event())
    state.setdefault("release", threading.Event())
    body = state["body"]

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _redirect(self, to: str):
            self.send_response(302)
            self.send_header("Location", to)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _headers(self, length: int | None, kind: str = "image/jpeg", status: int = 200):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            if length is not None:
                self.send_header("Content-Length", str(length))
            else:
                self.send_header("Connection", "close")
            self.end_headers()

        def do_GET(self):
            path = self.path.split("?")[0]
            state["log"].append((path, self.headers.get("Range"), time.monotonic()))
            if path == "/trickle":  # announces the whole photo, then sends a byte a second
                self._headers(len(body))
                try:
                    for i in range(len(body)):
                        self.wfile.write(body[i : i + 1])
                        self.wfile.flush()
                        if state["stop"].wait(1):  # the drip's own pace; ends with the test
                            break
                except OSError:
                    pass
                return
            if path == "/drip-headers":  # the status line and headers a byte at a time, then the photo
                raw = b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n"
                raw += b"".join(b"X-Padding-%d: %s\r\n" % (i, b"x" * 30) for i in range(12))
                raw += b"Content-Length: %d\r\n\r\n" % len(body)
                started = time.monotonic()
                try:
                    for i in range(len(raw)):
                        self.wfile.write(raw[i : i + 1])
                        self.wfile.flush()
                        time.sleep(0.1)
                    self.wfile.write(body)
                except OSError:
                    pass
                state["dripped"].append(time.monotonic() - started)
                self.close_connection = True
                return
            if path == "/endless":  # no Content-Length, bytes forever (close-delimited)
                self._headers(None, "application/octet-stream")
                try:
                    while not state["stop"].is_set():
                        self.wfile.write(b"\0" * 65536)
                except OSError:
                    pass
                self.close_connection = True
                return
            if path == "/big-pack":  # announces (and sends) far more than the index said
                self._headers(len(body) * 20, "application/zip")
                try:
                    for _ in range(20):
                        self.wfile.write(body)
                except OSError:
                    pass
                return
            if path == "/to-ftp":
                return self._redirect("ftp://127.0.0.1:9/photo.jpg")
            if path == "/to-file":
                return self._redirect("file:///etc/passwd")
            if path == "/loop-a":
                return self._redirect("/loop-b")
            if path == "/loop-b":
                return self._redirect("/loop-a?again")
            if path == "/loop-a" or path.startswith("/loop-a"):
                return self._redirect("/loop-b")
            if path == "/to-photo":
                return self._redirect("/photo.jpg")
            if path == "/slow-photo":  # half, a pause, the rest: slow enough for a second process
                start = int(self.headers["Range"].split("=")[1].split("-")[0]) if self.headers.get("Range") else 0
                self._headers(len(body) - start, status=206 if start else 200)
                try:
                    self.wfile.write(body[start : start + (len(body) - start) // 2])
                    self.wfile.flush()
                    # holds the rest until the test says so (bounded: a stuck test can't hang the server)
                    state["release"].wait(60)
                    self.wfile.write(body[start + (len(body) - start) // 2 :])
                except OSError:
                    pass
                return
            if path == "/stall-once":  # the first time: half the photo, then silence; then whatever is asked
                start = int(self.headers["Range"].split("=")[1].split("-")[0]) if self.headers.get("Range") else 0
                self._headers(len(body) - start, status=206 if start else 200)
                try:
                    if start == 0:
                        self.wfile.write(body[: len(body) // 2])
                        self.wfile.flush()
                        time.sleep(2.5)
                    self.wfile.write(body[start:] if start else body[len(body) // 2 :])
                except OSError:
                    pass
                return
            if path == "/photo.jpg":
                start = int(self.headers["Range"].split("=")[1].split("-")[0]) if self.headers.get("Range") else 0
                self._headers(len(body) - start, status=206 if start else 200)
                self.wfile.write(body[start:])
                return
            self.send_error(404)

    return Handler


@pytest.fixture
def hostile(tmp_path):
    body = jpeg(tmp_path / "served.jpg", 1600, 1200, quality=95).read_bytes()
    state = {"body": body, "log": [], "dripped": []}
    httpd = Server(("127.0.0.1", 0), make_handler(state))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    state["base"] = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield state
    state["stop"].set()
    state["release"].set()
    httpd.shutdown()
    httpd.server_close()


def test_a_trickle_ends_in_seconds_not_minutes(hostile, tmp_path):
    started = time.monotonic()
    with pytest.raises(DownloadError, match="stalled"):
        download_to(f"{hostile['base']}/trickle", tmp_path / "t.part", timeout=1, retries=1, backoff=0.01)
    assert time.monotonic() - started < 8


def test_headers_dripped_a_byte_at_a_time_end_at_the_timeout(hostile, tmp_path):
    """Issue 22, item 10: each read gets a byte in time, so only an overall deadline on the status line
    and headers ends it; no progress, so it is not tried again."""
    started = time.monotonic()
    with pytest.raises(DownloadError, match="did not send its answer within 1 s"):
        download_to(f"{hostile['base']}/drip-headers", tmp_path / "h.part", timeout=1, retries=3, backoff=0.01)
    assert time.monotonic() - started < 5
    assert [p for p, _, _ in hostile["log"]] == ["/drip-headers"]  # the no-progress rule: not retried
    procs.wait_for(lambda: hostile["dripped"], timeout=10, what="the server to notice the hang-up")
    assert hostile["dripped"][0] < 2.5, f"the client listened {hostile['dripped'][0]:.1f} s to the drip"


def test_the_index_download_has_an_overall_deadline_too(hostile):
    from crosspost.downloads import fetch_bytes

    started = time.monotonic()
    with pytest.raises(DownloadError, match="within 1 s"):
        fetch_bytes(f"{hostile['base']}/drip-headers", timeout=1)
    assert time.monotonic() - started < 5


def test_a_trickle_from_the_start_is_not_tried_again(hostile, tmp_path):
    """The no-progress rule: a server that never reaches the minimum rate gets one attempt, not four."""
    started = time.monotonic()
    with pytest.raises(DownloadError, match="stalled"):
        download_to(f"{hostile['base']}/trickle", tmp_path / "t.part", timeout=1, retries=3, backoff=0.01)
    assert time.monotonic() - started < 4
    assert [p for p, _, _ in hostile["log"]] == ["/trickle"]


def test_a_download_that_stalls_after_real_progress_is_resumed(hostile, tmp_path):
    """The other side of the rule: half the photo, then silence longer than the stall window; the next
    attempt asks for the rest with Range and the file is whole."""
    part = tmp_path / "s.part"
    download_to(f"{hostile['base']}/stall-once", part, timeout=1, retries=2, backoff=0.01)
    assert part.read_bytes() == hostile["body"]
    ranges = [r for p, r, _ in hostile["log"] if p == "/stall-once"]
    assert len(ranges) == 2 and ranges[0] is None and ranges[1].startswith("bytes=")


def test_a_total_deadline_holds_even_when_bytes_keep_coming(hostile, tmp_path):
    started = time.monotonic()
    with pytest.raises(DownloadError, match="took too long|did not finish"):
        download_to(f"{hostile['base']}/endless", tmp_path / "e.part", timeout=5, retries=0, deadline=1.5)
    assert time.monotonic() - started < 6


def test_media_fetch_gives_up_on_a_trickle(store, location, hostile):
    from test_media_fetch import FUTURE, _post_with

    from crosspost.media.fetch import fetch_media

    _post_with(store, [("image", f"{hostile['base']}/trickle")], FUTURE)
    started = time.monotonic()
    report = fetch_media(store, location, None, timeout=1, retries=0, backoff=0.01)
    assert time.monotonic() - started < 8
    assert not report.fetched and "stalled" in report.failed[0]["reason"]


def test_a_body_over_the_expected_size_is_refused(hostile, tmp_path):
    part = tmp_path / "p.part"
    size = len(hostile["body"])
    with pytest.raises(DownloadError, match="expected"):
        download_to(f"{hostile['base']}/big-pack", part, expected_size=size, retries=0)
    with pytest.raises(DownloadError, match="expected"):  # no Content-Length: counted as it comes
        download_to(f"{hostile['base']}/endless", tmp_path / "q.part", expected_size=size, retries=0)
    assert not part.exists() or part.stat().st_size <= size


def test_an_endless_body_stops_at_the_cap(hostile, tmp_path):
    part = tmp_path / "e.part"
    with pytest.raises(DownloadError, match="cap"):
        download_to(f"{hostile['base']}/endless", part, max_bytes=2 * 1024**2, retries=0)
    assert part.stat().st_size <= 2 * 1024**2


@pytest.mark.parametrize(
    "path, said",
    [
        ("/to-ftp", "ftp:// address, which Crosspost does not follow"),
        ("/to-file", "file:// address, which Crosspost does not follow"),
        ("/loop-a", "redirects in a loop"),
    ],
)
def test_redirects_only_to_http_and_never_in_circles(hostile, tmp_path, path, said):
    started = time.monotonic()
    with pytest.raises(DownloadError) as caught:
        download_to(hostile["base"] + path, tmp_path / "r.part", retries=3, backoff=0.5)
    assert said in str(caught.value) and "302" not in str(caught.value)
    assert time.monotonic() - started < 2  # refused at once, never retried
    assert not (tmp_path / "r.part").exists() or (tmp_path / "r.part").stat().st_size == 0


def test_a_redirect_to_http_is_followed_and_resume_still_works(hostile, tmp_path):
    part = tmp_path / "ok.part"
    body = hostile["body"]
    part.write_bytes(body[:1000])
    download_to(f"{hostile['base']}/to-photo", part, retries=0)
    assert part.read_bytes() == body
    assert [r for p, r, _ in hostile["log"] if p == "/photo.jpg"] == ["bytes=1000-"]


def test_cli_fetch_says_what_a_bad_redirect_is(data_dir, store, hostile, capsys):
    from test_media_fetch import FUTURE, _post_with

    _post_with(store, [("image", f"{hostile['base']}/to-file")], FUTURE)
    store.close()
    code = main(["--data-dir", str(data_dir), "media", "fetch", "1"])
    err = capsys.readouterr().err
    assert code == 1 and "file:// address" in err and "HTTP 302" not in err and "Traceback" not in err


def test_pack_download_refuses_more_than_the_index_says(data_dir, hostile, monkeypatch, capsys, tmp_path):
    index = tmp_path / "index.json"
    size = len(hostile["body"])
    index.write_text(
        json.dumps(
            [
                {
                    "type": "translate",
                    "from_code": "en",
                    "to_code": "fr",
                    "package_version": "1.0",
                    "links": [f"{hostile['base']}/big-pack"],
                    "size": size,
                    "sha256": hashlib.sha256(hostile["body"]).hexdigest(),
                }
            ]
        )
    )
    # the index itself comes from the same hostile server's neighbour: a plain file server is enough
    httpd = Server(("127.0.0.1", 0), lambda *a: QuietFiles(*a, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        monkeypatch.setenv("CROSSPOST_ARGOS_INDEX", f"http://127.0.0.1:{httpd.server_address[1]}/index.json")
        code = main(["--data-dir", str(data_dir), "languages", "download", "en", "fr"])
    finally:
        httpd.shutdown()
        httpd.server_close()
    err = capsys.readouterr().err
    assert code == 1 and "expected" in err and "Traceback" not in err
    parts = list((data_dir / "cache" / "downloads").glob("*"))
    assert all(p.stat().st_size <= size for p in parts)


# -- posts attach: a file that vanishes, a file cut short ----------------------------------------------


@pytest.fixture
def one_post(data_dir, tmp_path):
    from exports import build_export, sample_posts, write_zip

    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(1)))
    assert main(["--data-dir", str(data_dir), "import", str(export)]) == 0
    return data_dir


def test_attach_refuses_a_truncated_jpeg(one_post, tmp_path, capsys):
    whole = jpeg(tmp_path / "whole.jpg", 1600, 1200).read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    capsys.readouterr()
    code = main(["--data-dir", str(one_post), "posts", "attach", "1", str(cut)])
    err = capsys.readouterr().err
    assert code == 1 and "cut.jpg" in err and "Traceback" not in err
    assert "damaged or incomplete" in err
    code = main(["--data-dir", str(one_post), "--json", "posts", "show", "1"])
    shown = json.loads(capsys.readouterr().out)
    assert shown["media"] and all(m["path"] is None for m in shown["media"])


def test_attach_of_a_file_deleted_mid_way_is_a_clear_message(one_post, tmp_path, capsys, monkeypatch):
    """The file disappears between the probe and the hash (another program moved it): the real
    probe runs, then the file is deleted by the probe's caller-visible hook below."""
    import crosspost.media.probe as probe

    photo = jpeg(tmp_path / "gone.jpg", 800, 600)
    real_probe = probe.probe_file

    def probe_then_lose(path, *args, **kwargs):
        info = real_probe(path, *args, **kwargs)
        Path(path).unlink()  # what another program does at that moment
        return info

    monkeypatch.setattr(probe, "probe_file", probe_then_lose)
    capsys.readouterr()
    code = main(["--data-dir", str(one_post), "posts", "attach", "1", str(photo)])
    err = capsys.readouterr().err
    assert code == 1 and "gone.jpg" in err and "Traceback" not in err and "no longer there" in err
