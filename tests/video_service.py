"""A small local stand-in for Bluesky's video service (video.bsky.app), which is remote: the three
``app.bsky.video.*`` endpoints with their documented shapes, on 127.0.0.1.

- ``getUploadLimits`` (GET, service auth for the video service): ``{canUpload, remainingDailyVideos,
  remainingDailyBytes, message?, error?}``;
- ``uploadVideo`` (POST ``?did=&name=``, body the MP4, service auth for the user's PDS with
  ``lxm=com.atproto.repo.uploadBlob``): ``{jobStatus}``;
- ``getJobStatus`` (GET ``?jobId=``): ``{jobStatus: {jobId, did, state, progress?, blob?, error?, message?}}``.

Like the real service, a finished job has uploaded the (here: unchanged) video to the user's PDS with
the service token it was given, so the blob really exists there. ``mode`` makes jobs fail
("fail") or uploads rate limited ("limited").
"""

from __future__ import annotations

import base64
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import httpx


def claims(auth_header: str | None) -> dict:
    token = (auth_header or "").removeprefix("Bearer ")
    try:
        payload = token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return {}


class VideoService:
    def __init__(self, pds_url: str, pds_did: str):
        self.pds_url, self.pds_did = pds_url, pds_did
        self.mode = "ok"
        self.calls: list[tuple[str, dict]] = []
        self.jobs: dict[str, dict] = {}
        service = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, status, body, headers=None):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/xrpc/app.bsky.video.getUploadLimits":
                    c = claims(self.headers.get("Authorization"))
                    service.calls.append(("getUploadLimits", c))
                    if c.get("aud") != service.did or c.get("lxm") != "app.bsky.video.getUploadLimits":
                        return self.reply(401, {"error": "AuthRequired", "message": "bad service token"})
                    return self.reply(
                        200, {"canUpload": True, "remainingDailyVideos": 25, "remainingDailyBytes": 10 * 1024**3}
                    )
                if url.path == "/xrpc/app.bsky.video.getJobStatus":
                    service.calls.append(("getJobStatus", query))
                    job = service.jobs.get(query.get("jobId", ""))
                    if job is None:
                        return self.reply(400, {"error": "InvalidRequest", "message": "no such job"})
                    return self.reply(200, {"jobStatus": service.advance(job)})
                self.reply(404, {"error": "MethodNotImplemented"})

            def do_POST(self):
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path != "/xrpc/app.bsky.video.uploadVideo":
                    return self.reply(404, {"error": "MethodNotImplemented"})
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                c = claims(self.headers.get("Authorization"))
                service.calls.append(
                    ("uploadVideo", {**query, "claims": c, "type": self.headers.get("Content-Type"), "size": len(body)})
                )
                if service.mode == "limited":
                    return self.reply(
                        429,
                        {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"},
                        {"ratelimit-reset": str(int(time.time()) + 3600)},
                    )
                if (
                    c.get("aud") != service.pds_did
                    or c.get("lxm") != "com.atproto.repo.uploadBlob"
                    or c.get("iss") != query.get("did")
                ):
                    return self.reply(401, {"error": "AuthRequired", "message": "bad service token"})
                job = {
                    "jobId": uuid.uuid4().hex,
                    "did": query["did"],
                    "state": "JOB_STATE_CREATED",
                    "polls": 0,
                    "data": body,
                    "token": self.headers["Authorization"],
                    "fail": service.mode == "fail",
                }
                service.jobs[job["jobId"]] = job
                self.reply(200, {"jobStatus": service.public(job)})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.did = "did:web:127.0.0.1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @staticmethod
    def public(job: dict) -> dict:
        return {k: v for k, v in job.items() if k in ("jobId", "did", "state", "progress", "blob", "error", "message")}

    def advance(self, job: dict) -> dict:
        job["polls"] += 1
        if job["state"] in ("JOB_STATE_COMPLETED", "JOB_STATE_FAILED"):
            return self.public(job)
        if job["polls"] == 1:
            job.update(state="JOB_STATE_ENCODING", progress=50)
        elif job["fail"]:
            job.update(state="JOB_STATE_FAILED", error="video_too_long", message="Video is too long")
        else:  # upload the processed video to the user's PDS with the service token, as the real service does
            r = httpx.post(
                f"{self.pds_url}/xrpc/com.atproto.repo.uploadBlob",
                content=job["data"],
                headers={"Authorization": job["token"], "Content-Type": "video/mp4"},
                timeout=60,
            )
            r.raise_for_status()
            job.update(state="JOB_STATE_COMPLETED", progress=100, blob=r.json()["blob"])
        return self.public(job)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
