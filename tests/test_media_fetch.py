"""``media fetch`` against a real HTTP server on 127.0.0.1: Range resume, 403, cuts, wrong types."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
from pathlib import Path

import pytest
from media_files import jpeg, video

from crosspost.cli.main import main
from crosspost.media.fetch import fetch_media


class MediaServer(http.server.ThreadingHTTPServer):
    daemon_threads = True


def make_handler(files: dict[str, bytes], log: list):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output clean
            pass

        def do_GET(self):
            path = self.path.split("?")[0]
            log.append((path, self.headers.get("Range")))
            if path.startswith("/expired"):
                self.send_error(403, "Forbidden")
                return
            if path == "/page.mp4":
                body = b"<html>Please log in</html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            if path == "/disguised.mp4":  # says video, is not
                body = b"\x00" * 2000
                self.send_response(200)
                self.send_header("Content-Type", "video/mp4")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            name = path.lstrip("/")
            cut = name.startswith("cut-")
            data = files.get(name.removeprefix("cut-"))
            if data is None:
                self.send_error(404)
                return
            start = 0
            if self.headers.get("Range"):
                start = int(self.headers["Range"].split("=")[1].split("-")[0])
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            else:
                self.send_response(200)
            self.send_header("Content-Type", "video/mp4" if name.endswith(".mp4") else "image/jpeg")
            self.send_header("Content-Length", str(len(data) - start))
            self.end_headers()
            if cut and start == 0:  # the connection drops half-way through the first attempt
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.connection.close()
                return
            self.wfile.write(data[start:])

    return Handler


@pytest.fixture
def server(tmp_path):
    files = {
        "clip.mp4": video(tmp_path / "clip.mp4", seconds=1).read_bytes(),
        "photo.jpg": jpeg(tmp_path / "photo.jpg", 600, 800).read_bytes(),
    }
    log: list = []
    httpd = MediaServer(("127.0.0.1", 0), make_handler(files, log))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", files, log
    httpd.shutdown()
    httpd.server_close()


def _post_with(store, urls, expires_at=None, created="2024-05-01T10:00:00Z"):
    with store.transaction():
        db = store.db
        if not db.execute("SELECT 1 FROM accounts").fetchone():
            db.execute("INSERT INTO accounts (username) VALUES ('alice')")
        pid = db.execute(
            "INSERT INTO posts (account_id, created_at, caption, updated_at) VALUES (1, ?, 'x', ?)", [created, created]
        ).lastrowid
        for i, (kind, url) in enumerate(urls):
            db.execute(
                "INSERT INTO media (post_id, position, kind, url, expires_at) VALUES (?, ?, ?, ?, ?)",
                [pid, i, kind, url, expires_at],
            )
    return pid


FUTURE = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=5)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_fetch_stores_content_addressed_and_once(store, location, server):
    base, files, _ = server
    a = _post_with(store, [("video", f"{base}/clip.mp4?sig=1")], FUTURE)
    b = _post_with(
        store,
        [("video", f"{base}/clip.mp4?sig=2"), ("image", f"{base}/photo.jpg")],
        FUTURE,
        created="2024-05-02T10:00:00Z",
    )
    report = fetch_media(store, location, None, backoff=0.01)
    assert len(report.fetched) == 3 and not report.failed
    rows = store.db.execute(
        "SELECT post_id, path, sha256, size, width, height, duration FROM media ORDER BY id"
    ).fetchall()
    assert rows[0][1] == rows[1][1]  # the same file stored once
    assert {Path(r[1]).parent.parent for r in rows} == {location.media_dir}
    assert rows[0][3] == len(files["clip.mp4"]) and rows[0][6] and rows[2][4] == 600
    assert Path(rows[0][1]).name.startswith(rows[0][2])
    again = fetch_media(store, location, [a, b])
    assert again.already == 3 and not again.fetched


def test_resume_after_a_cut_connection(store, location, server):
    base, files, log = server
    _post_with(store, [("video", f"{base}/cut-clip.mp4")], FUTURE)
    report = fetch_media(store, location, None, backoff=0.01)
    assert len(report.fetched) == 1
    ranges = [r for p, r in log if p == "/cut-clip.mp4"]
    assert ranges[0] is None and ranges[-1] == f"bytes={len(files['clip.mp4']) // 2}-"
    path = Path(store.db.execute("SELECT path FROM media").fetchone()[0])
    assert path.read_bytes() == files["clip.mp4"]
    assert list((location.media_dir / "partial").iterdir()) == []


def test_expired_and_refused_links_explain_what_to_do(store, location, server):
    base, _, log = server
    past = "2025-01-04T14:13:20Z"
    _post_with(store, [("video", f"{base}/clip.mp4")], past)
    _post_with(store, [("video", f"{base}/expired/v.mp4")], FUTURE, created="2024-05-03T10:00:00Z")
    report = fetch_media(store, location, None, backoff=0.01)
    # the expired link failed; the refused one (403) is gone: the file is not there for that link
    assert not report.fetched and len(report.failed) == 1 and [g["status"] for g in report.gone] == [403]
    text = "\n".join(report.problems)
    assert "expired on 2025-01-04 14:13 UTC" in text and "HTTP 403" in text
    assert "attach the files you have" in text and "new export" in text
    assert "crosspost" not in text  # the core names no command; the CLI adds its own
    assert [p for p, _ in log] == ["/expired/v.mp4"]  # the known-expired link was not even tried
    assert store.db.execute("SELECT count(*) FROM media WHERE path IS NOT NULL").fetchone()[0] == 0


@pytest.mark.parametrize(
    "name,reason", [("page.mp4", "instead of a photo or video"), ("disguised.mp4", "not a readable photo or video")]
)
def test_wrong_content_is_not_attached(store, location, server, name, reason):
    base, _, _ = server
    _post_with(store, [("video", f"{base}/{name}")], FUTURE)
    report = fetch_media(store, location, None, backoff=0.01)
    assert not report.fetched and reason in report.problems[0]
    assert store.db.execute("SELECT path FROM media").fetchone()[0] is None
    assert [p for p in location.media_dir.rglob("*") if p.is_file()] == []


def test_size_cap(store, location, server):
    base, _, _ = server
    _post_with(store, [("video", f"{base}/clip.mp4")], FUTURE)
    report = fetch_media(store, location, None, max_bytes=1000, backoff=0.01)
    assert "cap" in report.problems[0] and not report.fetched


def test_cli_fetch(data_dir, server, capsys):
    base, _, _ = server
    from crosspost.paths import resolve
    from crosspost.store import open_store

    store = open_store(resolve(data_dir).ensure())
    pid = _post_with(store, [("video", f"{base}/clip.mp4")], FUTURE)
    store.close()
    assert main(["--data-dir", str(data_dir), "media", "fetch", str(pid), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["fetched"]) == 1
    assert main(["--data-dir", str(data_dir), "media", "fetch"]) == 1
    assert "--all" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "media", "fetch", "999"]) == 1
    assert "no post 999" in capsys.readouterr().err


def test_progress_per_file_and_overall(store, location, server):
    base, files, _ = server
    _post_with(store, [("video", f"{base}/clip.mp4"), ("image", f"{base}/photo.jpg")], FUTURE)
    seen = []
    fetch_media(store, location, None, backoff=0.01, concurrency=1, progress=seen.append)
    assert seen[-1].total == 2 and seen[-1].done == 2
    per_file = [p.message for p in seen if "%" in p.message]
    assert any("100%" in m for m in per_file)
    fractions = [p.fraction for p in seen if p.fraction is not None]
    assert fractions == sorted(fractions)  # overall progress never goes backwards
