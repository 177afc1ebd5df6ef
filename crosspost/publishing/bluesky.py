"""The Bluesky (AT Protocol) side of publishing, over the ``atproto`` client: log in, resolve
handles, upload blobs, create and read records, and the video service. Every failure comes out as a
``PublishError`` or one of the typed server errors of ``crosspost.errors`` (``ServerTooSlow``,
``AnswerTooLarge``, ``BadAnswer``, ``ServerRedirected``, ``InsecureServer``), one sentence a person can
act on (no command names: the faces add remedies).

Every request goes through ``crosspost.publishing.net`` (https only, no redirects, an overall deadline
on each call, a cap on each answer); every answer is checked for the shape it must have before it is
used. Session tokens stay in memory: the client refreshes them itself and nothing here logs or stores them.
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

from crosspost.errors import AnswerTooLarge, BadAnswer, InsecureServer, ServerRedirected, ServerTooSlow, UserError
from crosspost.publishing.net import Http, check_url, host_of

POST_COLLECTION = "app.bsky.feed.post"
DEFAULT_VIDEO_SERVICE = "https://video.bsky.app"


class PublishError(UserError):
    """Publishing failed; the draft stays publishable. ``retry_after`` (UTC) when rate limited."""

    def __init__(self, message: str, *, kind: str = "error", retry_after: dt.datetime | None = None):
        super().__init__(message)
        self.kind = kind
        self.retry_after = retry_after


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


def explain(exc: Exception, server: str, *, during: str = "") -> UserError:
    """One clear sentence for a failed request (DURING "login": worded as a failed sign-in)."""
    from atproto_client import exceptions as ex

    if isinstance(exc, UserError):
        return exc
    host = urlparse(server).netloc or server
    signing_in = during == "login"
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
            f"Cannot reach {host} to sign in: the computer seems to be offline or the server is down. "
            "Nothing was stored; try again when the connection is back."
            if signing_in
            else f"Cannot reach {host}: the computer seems to be offline or the server is down. "
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
            f"{host} had a server error ({status}{': ' + msg if msg else ''}); "
            + ("nothing was stored, try again later." if signing_in else "the draft is unchanged, try again later."),
            kind="server",
        )
    detail = f"{name}: {msg}" if name and msg else (name or msg or str(exc) or type(exc).__name__)
    detail = " ".join(detail.split())[:200]  # one line, whatever the server sent
    if signing_in:
        return PublishError(f"{host} refused the sign-in ({detail}); nothing was stored.", kind="refused")
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


def _jwt_claims(token: str) -> dict:
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


# --- the atproto client over crosspost.publishing.net -------------------------------------------------

_SERVER_ERRORS = (ServerTooSlow, AnswerTooLarge, ServerRedirected, InsecureServer)


def _request(http: Http) -> Any:
    """An ``atproto_client.request.Request`` whose every call goes through HTTP (``net.Http``): https
    only, no redirects, the deadline, the answer cap; an answer that is not JSON where JSON is said is
    ``BadAnswer``."""
    import httpx
    from atproto_client import exceptions as ex
    from atproto_client.request import Request, RequestBase, _handle_response, _parse_response

    class XrpcRequest(Request):
        def __init__(self, net: Http) -> None:
            RequestBase.__init__(self)  # not Request's: it makes an httpx client that follows redirects
            self.http = net

        def _new_instance(self) -> Any:
            return type(self)(Http())

        def _send_request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
            headers = self.get_headers(kwargs.pop("headers", None))
            content = kwargs.get("content", kwargs.get("data"))
            try:
                response = self.http.send(method, url, headers=headers, params=kwargs.get("params"), content=content)
            except httpx.TransportError as exc:  # no connection, or it broke: offline or down
                raise ex.NetworkError() from exc
            return _handle_response(response)

        def _parsed(self, method: str, url: str, **kwargs: Any) -> Any:
            response = self._send_request(method, url, **kwargs)
            try:
                return _parse_response(response)
            except ValueError:  # said JSON, is not
                raise BadAnswer(host_of(url), "sign_in" if self.http.signing_in else _action(url)) from None

        def get(self, *args: Any, **kwargs: Any) -> Any:
            return self._parsed("GET", *args, **kwargs)

        def post(self, *args: Any, **kwargs: Any) -> Any:
            return self._parsed("POST", *args, **kwargs)

        def close(self) -> None:
            self.http.close()

    return XrpcRequest(http)


def _action(url: str) -> str:
    from crosspost.publishing.net import action_of

    return action_of(url)


def _text_field(answer: Any, key: str) -> str | None:
    """ANSWER[KEY] when ANSWER is a JSON object and that is a non-empty string, else None."""
    if not isinstance(answer, dict):
        return None
    value = answer.get(key)
    return value if isinstance(value, str) and value else None


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

    @property
    def host(self) -> str:
        return host_of(self.server)

    def resolve_handle(self, handle: str) -> str | None:
        try:
            return _text_field(self._query("com.atproto.identity.resolveHandle", handle=handle), "did")
        except _SERVER_ERRORS:  # a server too slow or hostile here is so for the post too
            raise
        except Exception as exc:  # noqa: BLE001 - any other failure: the mention stays text
            from atproto_client import exceptions as ex

            if isinstance(exc, ex.NetworkError) and getattr(exc, "response", None) is None:
                raise explain(exc, self.server) from None
            return None

    def get_record(self, rkey: str, collection: str = POST_COLLECTION) -> dict:
        """The record under RKEY ({"uri", "cid", "value"}); ``RecordMissing`` when there is none."""
        from atproto_client import exceptions as ex

        try:
            answer = self._query("com.atproto.repo.getRecord", repo=self.did, collection=collection, rkey=rkey)
        except ex.BadRequestError as exc:
            name, _ = _error_name(exc)
            if name in ("RecordNotFound", "InvalidRequest", ""):
                raise RecordMissing(rkey) from None
            raise explain(exc, self.server) from None
        except RecordMissing:
            raise
        except Exception as exc:  # noqa: BLE001
            raise explain(exc, self.server) from None
        uri, cid = _text_field(answer, "uri"), _text_field(answer, "cid")
        if uri is None or cid is None or not uri.startswith("at://"):
            raise BadAnswer(self.host, "record")
        return {"uri": uri, "cid": cid, "value": answer.get("value") if isinstance(answer, dict) else None}

    def service_did(self) -> str:
        try:
            did = _text_field(self._query("com.atproto.server.describeServer"), "did")
        except Exception as exc:  # noqa: BLE001
            raise explain(exc, self.server) from None
        if did is None:
            raise BadAnswer(self.host, "video")
        return did

    # --- writes ----------------------------------------------------------------------------------
    def upload_blob(self, data: bytes, mime: str) -> dict:
        try:
            response = with_retries(
                lambda: self.client.invoke_procedure(
                    "com.atproto.repo.uploadBlob", content=data, input_encoding=mime, output_encoding="application/json"
                )
            )
        except Exception as exc:  # noqa: BLE001
            raise explain(exc, self.server) from None
        try:
            blob = _plain(response.content).get("blob")
        except (ValueError, TypeError, AttributeError):
            blob = None
        if not isinstance(blob, dict) or not blob.get("ref"):
            raise BadAnswer(self.host, "upload")
        return blob

    def create_record(self, rkey: str, record: dict, collection: str = POST_COLLECTION) -> dict:
        """Create the record under RKEY; when it already exists (a retry), return the existing one."""
        from atproto_client import exceptions as ex

        try:
            out = with_retries(
                lambda: self._procedure(
                    "com.atproto.repo.createRecord",
                    {"repo": self.did, "collection": collection, "rkey": rkey, "record": record, "validate": True},
                )
            )
            uri, cid = _text_field(out, "uri"), _text_field(out, "cid")
            if uri is None or cid is None:
                raise BadAnswer(self.host, "post")
            return {"uri": uri, "cid": cid}
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
            answer = self.client.invoke_query(
                "com.atproto.server.getServiceAuth", params=DotDict({"aud": aud, "lxm": lxm, "exp": exp})
            ).content
        except Exception as exc:  # noqa: BLE001
            raise explain(exc, self.server) from None
        token = _text_field(answer, "token")
        if token is None:
            raise BadAnswer(self.host, "video")
        return token


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
    from atproto_client import exceptions as ex

    check_url(server)  # the password never goes out over plain http to another computer
    http = Http()
    client = Client(base_url=server, request=_request(http))
    http.signing_in = True
    try:
        client.login(handle, password, fetch_bsky_profile=False)
        session = client._session  # the SDK's own session object; tokens stay in memory
        if session is None or not all(
            isinstance(v, str) and v for v in (session.access_jwt, session.did, session.handle)
        ):
            raise BadAnswer(host_of(server), "sign_in")
        check_url(client._base_url)  # where the session says the account lives: https as well
    except ex.ModelError:  # the answer is JSON, but not a session
        client.request.close()
        raise BadAnswer(host_of(server), "sign_in") from None
    except Exception as exc:  # noqa: BLE001
        client.request.close()
        raise explain(exc, server, during="login") from None
    finally:
        http.signing_in = False
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
) -> dict:
    """Upload a video through the video service: upload limits, uploadVideo with a service token for
    the user's PDS, then poll getJobStatus until the blob is ready. Returns the blob ref."""
    import httpx

    service = service.rstrip("/")
    host = urlparse(service).netloc or service
    service_did = "did:web:" + host.split(":")[0]
    check_url(service)  # a service token goes there: https only
    http = Http()

    def fail(message: str, kind: str = "video") -> PublishError:
        return PublishError(message, kind=kind)

    def get(nsid: str, token: str | None = None, **params: Any) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return with_retries(
            lambda: _checked(http.send("GET", f"{service}/xrpc/{nsid}", params=params, headers=headers))
        )

    def _checked(response: Any) -> Any:
        if response.status_code >= 500:
            raise _HttpFailure(response)
        return response

    try:
        token = session.service_auth(service_did, "app.bsky.video.getUploadLimits")
        limits = get("app.bsky.video.getUploadLimits", token)
        if limits.status_code == 200:
            body = _json(limits)
            if not body.get("canUpload", True):
                raise fail(
                    f"Bluesky's video service will not take more videos from this account now: "
                    f"{body.get('message') or body.get('error') or 'daily limit reached'}.",
                    "video_limit",
                )
            remaining = body.get("remainingDailyBytes")
            if isinstance(remaining, (int, float)) and remaining < len(data):
                raise fail(
                    f"The video is {len(data) / 1e6:.1f} MB, more than the "
                    f"{body['remainingDailyBytes'] / 1e6:.1f} MB this account may still upload today.",
                    "video_limit",
                )
        pds_did = session.service_did()
        token = session.service_auth(pds_did, "com.atproto.repo.uploadBlob")
        response = http.send(
            "POST",
            f"{service}/xrpc/app.bsky.video.uploadVideo",
            params={"did": session.did, "name": name},
            content=data,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "video/mp4"},
        )
        body = _json(response)
        status = _dict(body.get("jobStatus", body))
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
            if isinstance(status.get("blob"), dict):
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
            status = _dict(_json(polled).get("jobStatus"))
    except UserError:
        raise
    except _HttpFailure as exc:
        raise fail(
            f"The video service had a server error ({exc.response.status_code}); try again later.", "server"
        ) from None
    except httpx.HTTPError:
        raise fail(f"Cannot reach the video service {host}: the computer seems to be offline.", "offline") from None
    finally:
        http.close()


class _HttpFailure(Exception):
    def __init__(self, response: Any) -> None:
        super().__init__(response.status_code)
        self.response = response


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _json(response: Any) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
