"""A local stand-in for the Hugging Face hub on 127.0.0.1, serving quickmt models as the hub does:
``/api/models/quickmt/NAME/tree/main`` lists the files (size; ``lfs.oid`` = SHA-256 for the large
ones, ``oid`` = the git blob SHA-1 for the others), ``/quickmt/NAME/resolve/main/FILE`` serves them
with Range support, LFS files through a redirect (as the hub sends them to its CDN)."""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import json
import threading
from pathlib import Path

from crosspost.translation.quickmt import MODEL_FILES

LFS = {"model.bin", "src.spm.model", "tgt.spm.model", "joint.spm.model"}


def tree_entry(name: str, data: bytes) -> dict:
    entry: dict = {"type": "file", "path": name, "size": len(data)}
    if name in LFS:
        entry["oid"] = hashlib.sha1(b"pointer " + name.encode()).hexdigest()  # the pointer's id, not the file's
        entry["lfs"] = {"oid": hashlib.sha256(data).hexdigest(), "size": len(data), "pointerSize": 134}
    else:
        entry["oid"] = hashlib.sha1(f"blob {len(data)}\0".encode() + data).hexdigest()
    return entry


class Hub:
    def __init__(self) -> None:
        self.models: dict[str, dict[str, bytes]] = {}
        self.requests: list[tuple[str, str | None]] = []
        self.cut_once: set[str] = set()  # files whose first full response stops half-way
        self.lie: dict[tuple[str, str], bytes] = {}  # served instead of the listed bytes (bad checksum)
        self.url = ""

    def add(self, folder: Path, name: str | None = None) -> None:
        """Serve the model FOLDER as quickmt/NAME (with an extra file quickmt's download skips)."""
        files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        files["eole-model/model.00.safetensors"] = b"\0" * 16
        self.models[name or folder.name] = files


@contextlib.contextmanager
def serve(hub: Hub):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def _send(self, status: int, body: bytes, kind: str, extra: dict | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            hub.requests.append((self.path, self.headers.get("Range")))
            parts = self.path.strip("/").split("/")
            if parts[:3] == ["api", "models", "quickmt"] and parts[4:] == ["tree", "main"]:
                files = hub.models.get(parts[3])
                if files is None:
                    self._send(404, b'{"error":"Repository not found"}', "application/json")
                    return
                listing = [tree_entry(n, d) for n, d in files.items() if "/" not in n]
                listing.append({"type": "directory", "path": "eole-model", "oid": "0" * 40, "size": 0})
                self._send(200, json.dumps(listing).encode(), "application/json")
                return
            if parts[0] == "cdn" and len(parts) == 3:
                self._file(parts[1], parts[2])
                return
            if len(parts) == 5 and parts[0] == "quickmt" and parts[2:4] == ["resolve", "main"]:
                if parts[4] in LFS:  # the hub redirects LFS files to its CDN
                    self.send_response(302)
                    self.send_header("Location", f"/cdn/{parts[1]}/{parts[4]}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self._file(parts[1], parts[4])
                return
            self._send(404, b"not found", "text/plain")

        def _file(self, model: str, name: str) -> None:
            files = hub.models.get(model, {})
            if name not in files or name not in MODEL_FILES:
                self._send(404, b"not found", "text/plain")
                return
            data = hub.lie.get((model, name), files[name])
            start = int(self.headers["Range"].split("=")[1].split("-")[0]) if self.headers.get("Range") else 0
            if start >= len(data) and start:
                self._send(416, b"", "text/plain")
                return
            body = data[start:]
            self.send_response(206 if start else 200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            if start:
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            self.end_headers()
            if name in hub.cut_once and not start:
                hub.cut_once.discard(name)
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.connection.close()
                return
            self.wfile.write(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    hub.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield hub
    finally:
        httpd.shutdown()
        httpd.server_close()
