"""The Bluesky (AT Protocol) side of publishing, over the ``atproto`` client: log in, resolve
handles, upload blobs, create and read records, and the video service. Every failure comes out as a
``PublishError`` with one sentence a person can act on (no command names: the faces add remedies).

Session tokens stay in memory: the client refreshes them itself and nothing here logs or stores them.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from crosspost.errors import PublishError

POST_COLLECTION = "app.bsky.feed.post"


class RecordMissing(Exception):
    """getRecord: no such record (yet)."""


class BlobMissing(Exception):
    """createRecord refused a blob the server no longer has (a stored blob ref went stale)."""


def _error_name(exc: BaseException) -> tuple[str, str]:
    response = getattr(exc, "response", None)
    content = getattr(response, "content", None)
    if content is None:
        return "", ""
    if isinstance(content, (bytes, bytearray)):
        try:
            content = json.loads(content)
        except ValueError:
            return "", content.decode("utf-8", "replace")[:200]
    if isinstance(content, dict):
        return str(content.get("error") or ""), str(content.get("message") or "")
    return str(getattr(content, "error", "") or ""), str(getattr(content, "message", "") or "")


def _local_time(when: dt.datetime) -> str:
    return when.astimezone().strftime("%H:%M on %Y-%m-%d")


def explain(exc: Exception, server: str, *, during: str = "") -> PublishError:
    """One clear sentence for a failed request."""
    from atproto_client import exceptions as ex

    if isinstance(exc, PublishError):
        return exc
    host = urlparse(server).netloc or server
    name, msg = _error_name(exc)
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if isinstance(exc, ex.RateLimitExceededError):
        reset = exc.reset_at
        if reset is None and exc.retry_after is not None:
            reset = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=exc.retry_after)
        when = f" until {_local_time(reset)}" if reset else " for a while"
        return PublishError(
            f"{host} is limiting how fast this account can post; wait{when} and publish again.",
            kind="rate_limited",
            retry_after=reset,
        )
    if isinstance(exc, ex.NetworkError) and getattr(exc, "response", None) is None:
        return PublishError(
            f"Cannot reach {host}: the computer seems to be offline or the server is down. "
            "The draft is unchanged; publish it again when the connection is back.",
            kind="offline",
        )
    if name == "AuthFactorTokenRequired":
        return PublishError(
            "This account asks for a sign-in code sent by email (two-factor sign-in). Use an app "
            "password instead: app passwords skip the code.",
            kind="2fa",
        )
    if name in ("AccountTakedown",):
        return PublishError(f"The account was taken down by {host}; it cannot post.", kind="account")
    if name in ("AccountNotConfirmed", "EmailNotConfirmed") or "confirm" in msg.lower() and "email" in msg.lower():
        return PublishError(
            f"{host} wants the account's email address confirmed before it can post; confirm it "
            "from the message the server sent, then publish again.",
            kind="email",
        )
    if isinstance(exc, ex.UnauthorizedError) or name in ("AuthenticationRequired", "InvalidToken", "ExpiredToken"):
        if during == "login":
            return PublishError(
                f"{host} did not accept the handle and app password; check them (an app password "
                "looks like xxxx-xxxx-xxxx-xxxx) or make a new app password.",
                kind="auth",
            )
        return PublishError(
            f"{host} refused the request ({msg or name or status}); sign in again with a new app password.", kind="auth"
        )
    if name == "BlobTooLarge" or status == 413 or "too large" in msg.lower():
        return PublishError(
            f"{host} refused a file as too large ({msg or 'blob too large'}); make it smaller and publish again.",
            kind="too_large",
        )
    if status is not None and status >= 500:
        return PublishError(
            f"{host} had a server error ({status}{': ' + msg if msg else ''}); the draft is "
            "unchanged, try again later.",
            kind="server",
        )
    detail = f"{name}: {msg}" if name and msg else (name or msg or str(exc) or type(exc).__name__)
    return PublishError(f"{host} refused the post ({detail}).", kind="refused")


def retryable(exc: Exception) -> bool:
    """Server errors and dropped connections that are safe to try again (every call here is
    idempotent or guarded by a fixed record key)."""
    from atproto_client import exceptions as ex

    if isinstance(exc, ex.RateLimitExceededError):
        return False
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if status is not None:
        return status >= 500
    return isinstance(exc, ex.InvokeTimeoutError)


def with_retries(fn: Callable[[], Any], *, attempts: int = 3, delay: float = 0.5) -> Any:
    for attempt in range(attempts):
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - filtered by retryable
            if attempt == attempts - 1 or not retryable(exc):
                raise
            time.sleep(delay * (2**attempt))


def _jwt_claims(token: str) -> dict[str, Any]:
    try:
        payload = token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return {}


_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
_last_tid = 0


def new_tid(clock_id: int | None = None) -> str:
    """A record key in the TID format: 53 bits of microseconds since 1970 and 10 bits of clock id,
    in sortable base32, 13 characters. Strictly increasing within the process."""
    import random

    global _last_tid
    micros = max(time.time_ns() // 1000, _last_tid + 1)
    _last_tid = micros
    clock = random.randrange(1024) if clock_id is None else clock_id & 1023
    value = (micros << 10) | clock
    out = ""
    for _ in range(13):
        out = _TID_ALPHABET[value & 31] + out
        value >>= 5
    return out


@dataclass
class BlueskySession:
    """A logged-in client for one account."""

    client: Any  # atproto's Client: its XRPC calls are untyped
    did: str
    handle: str
    server: str

    def close(self) -> None:
        self.client.request.close()

    def __enter__(self) -> "BlueskySession":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reads -----------------------------------------------------------------------------------
    def _query(self, nsid: str, **params: Any) -> Any:
        from atproto_client.models.dot_dict import DotDict

        return with_retries(lambda: self.client.invoke_query(nsid, params=DotDict(params))).content

    def _procedure(self, nsid: str, body: dict[str, Any]) -> Any:
        from atproto_client.models.dot_dict import DotDict

        return self.client.invoke_procedure(nsid, data=DotDict(body), input_encoding="application/json").content

    def resolve_handle(self, handle: str) -> str | None:
        try:
            return self._query("com.atproto.identity.resolveHandle", handle=handle)["did"]
        except Exception as exc:  # noqa: BLE001 - any failure: the mention stays text
            from atproto_client import exceptions as ex

            if isinstance(exc, ex.NetworkError) and getattr(exc, "response", None) is None:
                raise explain(exc, self.server) from None
            return None

    def get_record(self, rkey: str, collection: str = POST_COLLECTION) -> dict[str, Any]:
        from atproto_client import exceptions as ex

        try:
            return self._query("com.atproto.repo.getRecord", repo=self.did, collection=collection, rkey=rkey)
        except ex.BadRequestError as exc:
            name, _ = _error_name(exc)
            if name in ("RecordNotFound", "InvalidRequest", ""):
                raise RecordMissing(rkey) from None
            raise explain(exc, self.server) from None
        except RecordMissing:
            raise
        except Exception as exc:  # noqa: BLE001
            raise explain(exc, self.server) from None

    def service_did(self) -> str:
        try:
            return self._query("com.atproto.server.describeServer")["did"]
        except Exception as exc:  # noqa: BLE001
            raise explain(exc, self.server) from None

    # --- writes ----------------------------------------------------------------------------------
    def upload_blob(self, data: bytes, mime: str) -> dict[str, Any]:
        try:
            response = with_retries(
                lambda: self.client.invoke_procedure(
                    "com.atproto.repo.uploadBlob", content=data, input_encoding=mime, output_encoding="application/json"
                )
            )
        except Exception as exc:  # noqa: BLE001
            raise explain(exc, self.server) from None
        return _plain(response.content)["blob"]

    def create_record(self, rkey: str, record: dict, collection: str = POST_COLLECTION) -> dict[str, Any]:
        """Create the record under RKEY; when it already exists (a retry), return the existing one."""
        from atproto_client import exceptions as ex

        try:
            out = with_retries(
                lambda: self._procedure(
                    "com.atproto.repo.createRecord",
                    {"repo": self.did, "collection": collection, "rkey": rkey, "record": record, "validate": True},
                )
            )
            return {"uri": out["uri"], "cid": out["cid"]}
        except ex.BadRequestError as exc:
            name, msg = _error_name(exc)
            try:  # a conflict on the record key means an earlier try got through
                existing = self.get_record(rkey, collection)
                return {"uri": existing["uri"], "cid": existing["cid"]}
            except RecordMissing:
                pass
            if "blob" in msg.lower() and ("not found" in msg.lower() or "could not find" in msg.lower()):
                raise BlobMissing(msg) from None
            raise explain(exc, self.server) from None
        except Exception as exc:  # noqa: BLE001
            raise explain(exc, self.server) from None

    def service_auth(self, aud: str, lxm: str, seconds: int = 1800) -> str:
        from atproto_client.models.dot_dict import DotDict

        exp = int(time.time()) + seconds
        try:
            return self.client.invoke_query(
                "com.atproto.server.getServiceAuth", params=DotDict({"aud": aud, "lxm": lxm, "exp": exp})
            ).content["token"]
        except Exception as exc:  # noqa: BLE001
            raise explain(exc, self.server) from None


def _plain(content: Any) -> Any:
    if isinstance(content, dict):
        return content
    if hasattr(content, "to_dict"):
        return content.to_dict()
    return json.loads(content)


def login(server: str, handle: str, password: str, *, allow_main_password: bool = False) -> BlueskySession:
    """Log in with an app password. The main password is refused when the server's token says it
    is one (full access scope): app passwords can be revoked one by one and cannot change the account."""
    from atproto import Client

    client = Client(base_url=server)
    try:
        client.login(handle, password, fetch_bsky_profile=False)
    except Exception as exc:  # noqa: BLE001
        client.request.close()
        raise explain(exc, server, during="login") from None
    session = client._session  # the SDK's own session object; tokens stay in memory
    scope = _jwt_claims(session.access_jwt).get("scope", "")
    if scope == "com.atproto.access" and not allow_main_password:
        client.request.close()
        raise PublishError(
            "That is the account's main password. Crosspost only keeps app passwords: make one in "
            "Bluesky's Settings → Privacy and security → App passwords and use it here.",
            kind="main_password",
        )
    return BlueskySession(client, session.did, session.handle, server)


# --- the video service ----------------------------------------------------------------------------


def upload_video(
    session: BlueskySession,
    service: str,
    data: bytes,
    name: str,
    *,
    poll: float = 1.0,
    timeout: float = 900.0,
    progress: Callable[[str, float | None], None] | None = None,
) -> dict[str, Any]:
    """Upload a video through the video service: upload limits, uploadVideo with a service token for
    the user's PDS, then poll getJobStatus until the blob is ready. Returns the blob ref."""
    import httpx

    service = service.rstrip("/")
    host = urlparse(service).netloc or service
    service_did = "did:web:" + host.split(":")[0]

    def fail(message: str, kind: str = "video") -> PublishError:
        return PublishError(message, kind=kind)

    def get(nsid: str, token: str | None = None, **params: Any) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return with_retries(
            lambda: _checked(httpx.get(f"{service}/xrpc/{nsid}", params=params, headers=headers, timeout=60))
        )

    def _checked(response: Any) -> Any:
        if response.status_code >= 500:
            raise _HttpFailure(response)
        return response

    try:
        token = session.service_auth(service_did, "app.bsky.video.getUploadLimits")
        limits = get("app.bsky.video.getUploadLimits", token)
        if limits.status_code == 200:
            body = limits.json()
            if not body.get("canUpload", True):
                raise fail(
                    f"Bluesky's video service will not take more videos from this account now: "
                    f"{body.get('message') or body.get('error') or 'daily limit reached'}.",
                    "video_limit",
                )
            if body.get("remainingDailyBytes") is not None and body["remainingDailyBytes"] < len(data):
                raise fail(
                    f"The video is {len(data) / 1e6:.1f} MB, more than the "
                    f"{body['remainingDailyBytes'] / 1e6:.1f} MB this account may still upload today.",
                    "video_limit",
                )
        pds_did = session.service_did()
        token = session.service_auth(pds_did, "com.atproto.repo.uploadBlob")
        response = httpx.post(
            f"{service}/xrpc/app.bsky.video.uploadVideo",
            params={"did": session.did, "name": name},
            content=data,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "video/mp4"},
            timeout=600,
        )
        body = _json(response)
        status = body.get("jobStatus", body)
        if response.status_code == 429:
            reset = response.headers.get("ratelimit-reset")
            when = dt.datetime.fromtimestamp(int(reset), dt.timezone.utc) if reset and reset.isdigit() else None
            raise PublishError(
                f"Bluesky's video service is limiting uploads from this account; wait"
                f"{' until ' + _local_time(when) if when else ' a while'} and publish again.",
                kind="rate_limited",
                retry_after=when,
            )
        if response.status_code == 409 and status.get("jobId"):
            pass  # the service already has this video: follow its job
        elif response.status_code == 413:
            raise fail(f"{host} refused the video as too large.", "too_large")
        elif response.status_code >= 400:
            raise fail(
                f"The video service refused the upload ({body.get('error') or response.status_code}: "
                f"{body.get('message') or response.reason_phrase})."
            )
        job = status.get("jobId")
        deadline = time.monotonic() + timeout
        while True:
            if status.get("blob"):
                return status["blob"]
            state = status.get("state")
            if state == "JOB_STATE_FAILED":
                raise fail(
                    f"Bluesky could not process the video: {status.get('message') or status.get('error') or 'no reason given'}.",  # noqa: E501
                    "video_failed",
                )
            if not job or time.monotonic() > deadline:
                raise fail(
                    "The video service did not finish processing the video in time; try again later.", "video_failed"
                )
            if progress:
                progress(state or "", (status.get("progress") or 0) / 100)
            time.sleep(poll)
            polled = get("app.bsky.video.getJobStatus", jobId=job)
            status = _json(polled).get("jobStatus", {})
    except PublishError:
        raise
    except _HttpFailure as exc:
        raise fail(
            f"The video service had a server error ({exc.response.status_code}); try again later.", "server"
        ) from None
    except httpx.HTTPError:
        raise fail(f"Cannot reach the video service {host}: the computer seems to be offline.", "offline") from None


class _HttpFailure(Exception):
    def __init__(self, response: Any) -> None:
        super().__init__(response.status_code)
        self.response = response


def _json(response: Any) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
