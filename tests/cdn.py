"""A CDN on 127.0.0.1 for the tests that fetch media the way TikTok's links serve it: real bytes for
every link, and chosen links that answer an error (a dead link: 404, 410 …)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


@contextmanager
def serving(photo: bytes, clip: bytes | None = None, dead: dict[str, int] | None = None) -> Iterator[tuple[str, list]]:
    """(base URL, the paths asked for). A path ending in a key of DEAD answers its status; a ….mp4 link
    gets CLIP (when given); every other link gets PHOTO."""
    asked: list[str] = []
    dead = dead or {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            path = urlsplit(self.path).path
            asked.append(path)
            status = next((code for end, code in dead.items() if path.endswith(end)), None)
            if status is not None:
                self.send_error(status)
                return
            body, kind = (clip, "video/mp4") if clip is not None and path.endswith(".mp4") else (photo, "image/jpeg")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = _Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", asked
    finally:
        httpd.shutdown()
        httpd.server_close()
