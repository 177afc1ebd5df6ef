"""The one HTTP client every Bluesky call goes through (sign-in, XRPC, the video service), with the
rules a hostile or broken server cannot get around:

- **https only**, except plain http to this computer (``localhost``, ``127.0.0.0/8``, ``::1``: a local
  PDS): passwords and tokens never travel in clear over a network (``InsecureServer``);
- **no redirects**: an XRPC server has no reason to send one, and following it would re-send the app
  password or the session token to whatever address it names (``ServerRedirected``);
- **an overall deadline on every call**, not only a read timeout: connecting, sending, the status line,
  the headers and the whole body must be done within ``call_deadline()`` seconds (60, or
  ``CROSSPOST_NET_DEADLINE``), so a server that drips a byte every few seconds ends the call at the
  deadline (``ServerTooSlow``). Uploads get ``MIN_UPLOAD_RATE`` on top: the deadline grows with the
  bytes sent, so a large video on a slow line still goes out. The deadline is enforced under httpx, at
  each socket read and write (``crosspost.downloads.deadline``): every read waits at most the time left;
- **a cap on every answer** (``MAX_ANSWER_BYTES``): an announced length over it is refused before
  reading, and a body is read in chunks and dropped as soon as it passes the cap (``AnswerTooLarge``);
- an answer that is not HTTP is ``BadAnswer``; a refused or failed connection is left to the caller
  as "cannot reach" (offline), never confused with a slow server.
"""

from __future__ import annotations

import ipaddress
import os
from typing import Any
from urllib.parse import urlsplit

import httpx

from crosspost.downloads import deadline, deadline_transport
from crosspost.errors import AnswerTooLarge, BadAnswer, InsecureServer, ServerRedirected, ServerTooSlow

DEADLINE_ENV = "CROSSPOST_NET_DEADLINE"  # seconds for each network call (tests set a few)
DEFAULT_DEADLINE = 60.0
MAX_ANSWER_BYTES = 4 * 1024**2  # an XRPC answer (a session, a record, a blob ref) is a few kB
MIN_UPLOAD_RATE = 32 * 1024  # bytes a second an upload may not go below (on top of the deadline)
_CONNECT_TIMEOUT = 15.0

#: Which call does what, for the sentences (``crosspost.errors.SERVER_ACTIONS``).
_ACTIONS = {
    "com.atproto.server.createSession": "sign_in",
    "com.atproto.server.refreshSession": "sign_in",
    "com.atproto.repo.getRecord": "record",
    "com.atproto.repo.createRecord": "post",
    "com.atproto.repo.uploadBlob": "upload",
    "com.atproto.identity.resolveHandle": "handle",
    "app.bsky.video.uploadVideo": "video",
    "app.bsky.video.getJobStatus": "video",
    "app.bsky.video.getUploadLimits": "video",
}


def call_deadline() -> float:
    """Seconds one network call may take in all: ``CROSSPOST_NET_DEADLINE`` when it is a positive
    number, else 60."""
    try:
        value = float(os.environ.get(DEADLINE_ENV, ""))
    except ValueError:
        return DEFAULT_DEADLINE
    return value if value > 0 else DEFAULT_DEADLINE


def action_of(url: str) -> str:
    """The kind of call an XRPC URL makes ("sign_in", "record", …; "other")."""
    return _ACTIONS.get(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1], "other")


def host_of(url: str) -> str:
    return urlsplit(url).netloc or url


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else url[:80]


def is_loopback(host: str) -> bool:
    """Whether HOST names this computer (``localhost``, 127.0.0.0/8, ::1)."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> None:
    """Refuse anything but https, and plain http to anywhere but this computer."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "https":
        return
    if scheme == "http" and is_loopback(parts.hostname or ""):
        return
    raise InsecureServer(origin_of(url))


class Http:
    """An httpx client under the rules above. ``send`` returns a fully read ``httpx.Response``."""

    def __init__(self) -> None:
        self.client = httpx.Client(
            transport=deadline_transport(),
            follow_redirects=False,
            trust_env=False,  # proxies from the environment would bypass the deadline's transport
            headers={"Accept-Encoding": "identity"},
        )
        #: Set while signing in: every failure is then worded as a failed sign-in.
        self.signing_in = False

    def close(self) -> None:
        self.client.close()

    def _action(self, url: str) -> str:
        return "sign_in" if self.signing_in else action_of(url)

    def send(
        self,
        method: str,
        url: str,
        *,
        headers: dict[str, str] | None = None,
        params: Any = None,
        content: bytes | str | None = None,
        max_bytes: int = MAX_ANSWER_BYTES,
        seconds: float | None = None,
    ) -> httpx.Response:
        """METHOD URL within the deadline (SECONDS, else ``call_deadline()`` plus the upload allowance),
        the answer read up to MAX_BYTES. Refusals are the typed errors of ``crosspost.errors``; a
        connection that cannot be made or breaks is ``httpx.TransportError`` (the caller says offline)."""
        check_url(url)
        size = len(content) if content is not None else 0
        seconds = seconds if seconds is not None else call_deadline() + size / MIN_UPLOAD_RATE
        timeout = httpx.Timeout(seconds, connect=min(_CONNECT_TIMEOUT, seconds))
        request = self.client.build_request(
            method, url, headers=headers, params=params, content=content, timeout=timeout
        )
        host, action = host_of(url), self._action(url)
        try:
            with deadline(seconds):
                response = self.client.send(request, stream=True)
                try:
                    if response.is_redirect or 300 <= response.status_code < 400:
                        target = response.headers.get("location") or "another address"
                        raise ServerRedirected(host, origin_of(str(response.url.join(target))), action)
                    body = _read_capped(response, max_bytes, host, action)
                finally:
                    response.close()
        except httpx.ConnectTimeout:
            raise  # no connection at all: the caller says the server cannot be reached
        except httpx.TimeoutException:
            raise ServerTooSlow(host, seconds, action) from None
        except (httpx.RemoteProtocolError, httpx.LocalProtocolError, httpx.DecodingError):
            raise BadAnswer(host, action) from None
        headers_out = [
            (k, v)
            for k, v in response.headers.multi_items()
            if k.lower() not in ("content-length", "content-encoding", "transfer-encoding")
        ]
        return httpx.Response(response.status_code, headers=headers_out, content=body, request=request)


def _read_capped(response: httpx.Response, max_bytes: int, host: str, action: str) -> bytes:
    announced = response.headers.get("content-length", "")
    if announced.isdigit() and int(announced) > max_bytes:
        raise AnswerTooLarge(host, max_bytes, action)
    body = bytearray()
    for chunk in response.iter_bytes(64 * 1024):
        body += chunk
        if len(body) > max_bytes:
            raise AnswerTooLarge(host, max_bytes, action)
    return bytes(body)
