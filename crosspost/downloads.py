"""One careful HTTP download over httpx: resume with Range, retries with back-off, size caps,
content-type check, and no way for a server to keep it busy or lead it astray.

- connect/read timeouts, and an overall deadline on each request's status line and headers (they must
  all arrive within the connect/read timeout, however the server drips them: ``deadline()`` below);
- a minimum-throughput rule for the body instead of a total deadline (a large file on a slow line
  legitimately takes long): less than ``MIN_RATE`` bytes a second over a ``stall`` window ends the
  attempt, so 1 byte a second never keeps it busy for minutes; an optional total deadline on top;
- a no-progress rule for retries: an attempt that stalls (or whose headers did not come in time) is
  tried again only when it had brought at least one stall window's worth of bytes (``MIN_RATE`` ×
  ``stall``) before: a connection that was working and dropped is resumed, a server that drips from
  the start is given up on at once instead of once per retry;
- redirects followed by hand, only to http:// and https:// (never ftp:// or file://), at most
  ``MAX_REDIRECTS``; a loop or a refused scheme is reported as such;
- a body longer than its Content-Length, than the size the caller expects, or than ``max_bytes`` is
  refused; a download that cannot fit on the disk is refused before it starts, and one that meets a
  full disk removes its partial file;
- a partial file is kept (``*.part``) between attempts and runs, so the same command resumes it.

Used for media behind an export's links and for language packs (and their index)."""

from __future__ import annotations

import contextlib
import contextvars
import shutil
import time
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from crosspost import __version__
from crosspost.progress import NEVER_CANCELLED, CancelToken

USER_AGENT = f"Crosspost/{__version__}"
MAX_REDIRECTS = 5
MIN_RATE = 512  # bytes a second, averaged over the stall window
CHUNK = 256 * 1024
DISK_MARGIN = 50 * 1024**2  # what a download leaves free on the disk for everything else


class DownloadError(Exception):
    """The download failed for good; the message says why."""


class _Retry(Exception):
    """This attempt failed in a way another attempt may not."""


class _Stalled(_Retry):
    """This attempt was too slow (headers not in time, or under the minimum rate): retried only when
    it had made progress before (the no-progress rule)."""


# --- an overall deadline, enforced at each socket operation --------------------------------------------
#
# httpx's timeouts hold for each read; a server that sends a byte just before each read times out keeps a
# request alive for as long as it likes. Inside ``with deadline(seconds):`` every connect, read and write
# of this thread's httpx calls (through ``deadline_transport()``) waits at most the time left, and fails
# with httpx's own timeout once it is gone: the status line, the headers and the body included.

_ends_at: contextvars.ContextVar[float | None] = contextvars.ContextVar("crosspost_net_ends_at", default=None)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Every socket operation of this thread inside the block ends by SECONDS from now (or by the
    end of an enclosing block, when that comes first)."""
    ends = time.monotonic() + seconds
    outer = _ends_at.get()
    token = _ends_at.set(ends if outer is None else min(ends, outer))
    try:
        yield
    finally:
        _ends_at.reset(token)


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    ends = _ends_at.get()
    if ends is None:
        return timeout
    left = ends - time.monotonic()
    if left <= 0:
        raise error("the deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        # one sendall for the whole buffer: keep pieces small enough that the deadline is looked at often
        for start in range(0, len(buffer), 64 * 1024):
            self._stream.write(buffer[start : start + 64 * 1024], _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> Any:
        tls = self._stream.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(
            host, port, _left(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: typing.Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_unix_socket(path, _left(timeout, httpcore.ConnectTimeout), socket_options)
        return _DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def deadline_transport() -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(retries=0)
    # httpx builds its connection pool without a way to pass httpcore's network backend: the same pool,
    # made again with the backend that holds the deadline (the hostile tests drip on it).
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(), network_backend=_DeadlineBackend()
    )
    return transport


def _check_scheme(url: str, redirected: bool) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}://" if scheme else url[:60]
        raise DownloadError(
            f"the server redirected to a {shown} address, which Crosspost does not follow"
            if redirected
            else f"{url[:80]} is not an http:// or https:// address"
        )


def _open(client: httpx.Client, url: str, headers: dict, header_seconds: float) -> httpx.Response:
    """GET URL, following at most MAX_REDIRECTS redirects to http(s) only; each answer's status line and
    headers must arrive within HEADER_SECONDS in all. The caller closes it."""
    seen = [url]
    _check_scheme(url, False)
    while True:
        try:
            with deadline(header_seconds):
                response = client.send(client.build_request("GET", url, headers=headers), stream=True)
        except httpx.TimeoutException as exc:
            if isinstance(exc, httpx.ConnectTimeout):
                raise
            raise _Stalled(f"the server did not send its answer within {header_seconds:.0f} s") from None
        if response.status_code not in (301, 302, 303, 307, 308) or "location" not in response.headers:
            return response
        response.close()
        url = urljoin(url, response.headers["location"])
        _check_scheme(url, True)
        if url in seen:
            raise DownloadError("the server redirects in a loop (the link points back to itself)")
        seen.append(url)
        if len(seen) > MAX_REDIRECTS + 1:
            raise DownloadError(f"the server redirected more than {MAX_REDIRECTS} times")


def _client(timeout: float, stall: float) -> httpx.Client:
    return httpx.Client(
        transport=deadline_transport(),
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        timeout=httpx.Timeout(timeout, read=stall),
    )


def _disk_full(part: Path, need: int | None) -> Exception:
    from crosspost.faults import DiskFull, disk_full_message

    return DiskFull(disk_full_message(part.parent, need))


def download_to(
    url: str,
    part: Path,
    *,
    on_bytes: Callable[[int], None] = lambda n: None,
    cancel: CancelToken = NEVER_CANCELLED,
    max_bytes: int = 4 * 1024**3,
    retries: int = 3,
    backoff: float = 1.0,
    timeout: float = 30,
    accept: tuple[str, ...] = (),
    refused: Callable[[int], str] | None = None,
    on_length: Callable[[int, int], None] | None = None,
    expected_size: int | None = None,
    stall: float | None = None,
    deadline: float | None = None,
) -> None:
    """Download URL into PART (appending to what is there when the server honours Range).

    TIMEOUT: connecting and each read; STALL (default TIMEOUT): the window over which at least
    MIN_RATE bytes a second must arrive; DEADLINE: seconds for the whole download (None: no limit);
    EXPECTED_SIZE: the size the caller knows the file has (more is refused)."""
    from crosspost.faults import is_disk_full

    stall = stall or timeout
    cap = min(max_bytes, expected_size) if expected_size else max_bytes
    ends_at = time.monotonic() + deadline if deadline else None
    attempt = 0
    part.parent.mkdir(parents=True, exist_ok=True)
    received = 0  # bytes of the current attempt

    def counted(n: int) -> None:
        nonlocal received
        received += n
        on_bytes(n)

    with _client(timeout, stall) as client:
        while True:
            cancel.check()
            have = part.stat().st_size if part.exists() else 0
            if have > cap:
                part.unlink()
                have = 0
            received = 0
            try:
                _attempt(
                    client,
                    url,
                    part,
                    have,
                    timeout=timeout,
                    on_bytes=counted,
                    cancel=cancel,
                    cap=cap,
                    max_bytes=max_bytes,
                    expected_size=expected_size,
                    accept=accept,
                    refused=refused,
                    on_length=on_length,
                    stall=stall,
                    ends_at=ends_at,
                )
                return
            except OSError as exc:
                if is_disk_full(exc):
                    part.unlink(missing_ok=True)  # a partial file must not keep the disk full
                    raise _disk_full(part, None) from None
                if isinstance(exc, (TimeoutError, ConnectionError)) and attempt < retries:
                    pass
                else:
                    raise
            except _Stalled as exc:
                if attempt >= retries or received < MIN_RATE * stall:  # the no-progress rule
                    raise DownloadError(f"{exc}; run the same command again to resume") from None
            except _Retry as exc:
                if attempt >= retries:
                    raise DownloadError(
                        f"it failed after {retries + 1} tries ({exc}); run the same command again to resume"
                    ) from None
            except httpx.HTTPError as exc:
                stalled = isinstance(exc, httpx.TimeoutException) and not isinstance(exc, httpx.ConnectTimeout)
                if stalled and (attempt >= retries or received < MIN_RATE * stall):  # the no-progress rule
                    raise DownloadError(
                        f"the server stalled: nothing arrived for {stall:.0f} s; run the same command again to resume"
                    ) from None
                if attempt >= retries:
                    reason = str(exc) or type(exc).__name__
                    if isinstance(exc, httpx.ConnectTimeout):
                        reason = f"the server did not answer within {timeout:.0f} s"
                    elif isinstance(exc, httpx.TimeoutException):
                        reason = f"the server stalled: nothing arrived for {stall:.0f} s"
                    raise DownloadError(
                        f"it failed after {retries + 1} tries ({reason}); run the same command again to resume"
                    ) from None
            if ends_at is not None and time.monotonic() >= ends_at:
                raise DownloadError(f"it did not finish within {deadline:.0f} s; run the same command again to resume")
            attempt += 1
            time.sleep(backoff * (2 ** (attempt - 1)))


def _attempt(
    client: httpx.Client,
    url: str,
    part: Path,
    have: int,
    *,
    timeout: float,
    on_bytes: Callable[[int], None],
    cancel: CancelToken,
    cap: int,
    max_bytes: int,
    expected_size: int | None,
    accept: tuple[str, ...],
    refused: Callable[[int], str] | None,
    on_length: Callable[[int, int], None] | None,
    stall: float,
    ends_at: float | None,
) -> None:
    headers = {"Range": f"bytes={have}-"} if have else {}
    response = _open(client, url, headers, timeout)
    with contextlib.closing(response):
        status = response.status_code
        if status == 416 and have:
            return  # asked past the end: the file is complete
        if status in (401, 403, 404, 410):
            raise DownloadError(refused(status) if refused else f"the server refused it (HTTP {status})")
        if status >= 500:
            raise _Retry(f"the server answered HTTP {status}")
        if status >= 400 or status not in (200, 206):
            raise DownloadError(f"the server answered HTTP {status}")
        kind = (response.headers.get("content-type") or "").split(";")[0].strip().lower()
        if accept and kind and not kind.startswith(accept):
            raise DownloadError(
                f"the server sent {kind} instead of a photo or video (the link may "
                "have expired or been replaced by a web page)"
                if "video/" in accept
                else f"the server sent {kind}, not a file"
            )
        if have and status != 206:
            have = 0  # Range ignored: the whole file comes, start over
        content_range = response.headers.get("content-range")
        if have and content_range and not content_range.startswith(f"bytes {have}-"):
            part.unlink(missing_ok=True)  # another range than asked: start over next time
            raise _Retry(f"the server answered {content_range} for bytes {have}-")
        length = response.headers.get("content-length")
        length = int(length) if length and length.isdigit() else None
        if length is not None:
            whole = have + length
            if on_length is not None:
                on_length(have, whole)  # (already on disk, whole size)
            if whole > max_bytes:
                raise DownloadError(f"the file is {whole / 1e9:.1f} GB, above the {max_bytes / 1e9:.0f} GB cap")
            if expected_size and whole > expected_size:
                raise DownloadError(
                    f"the server announced {whole:,} bytes where {expected_size:,} were expected; it was not downloaded"
                )
            free = shutil.disk_usage(part.parent).free
            if length > free - DISK_MARGIN:
                raise _disk_full(part, length + DISK_MARGIN - free)
        total = have
        window_start, window_bytes = time.monotonic(), 0
        with open(part, "ab" if have else "wb") as f:
            for chunk in response.iter_raw():  # as they arrive (identity encoding asked: bytes as stored)
                cancel.check()
                total += len(chunk)
                if length is not None and total > have + length:
                    raise DownloadError(f"the server sent more than the {have + length:,} bytes it announced")
                if total > cap:
                    raise DownloadError(
                        f"the server sent more than the {expected_size:,} bytes expected"
                        if expected_size and cap == expected_size
                        else f"the download passed the {max_bytes / 1e9:.0f} GB cap"
                    )
                f.write(chunk)
                on_bytes(len(chunk))
                now = time.monotonic()
                window_bytes += len(chunk)
                if now - window_start >= stall:
                    if window_bytes < MIN_RATE * stall:
                        raise _Stalled(f"the server stalled: {window_bytes} bytes in {now - window_start:.0f} s")
                    window_start, window_bytes = now, 0
                if ends_at is not None and now >= ends_at:
                    raise _Retry("it took too long")
        if length is not None and total < have + length:
            raise _Retry(f"the connection ended {have + length - total:,} bytes early")


def fetch_bytes(url: str, *, max_bytes: int = 16 * 1024**2, timeout: float = 15) -> bytes:
    """A small document (an index) in memory, with the same redirect policy and limits."""
    with _client(timeout, timeout) as client, deadline(4 * timeout):
        try:
            response = _open(client, url, {}, timeout)
            with contextlib.closing(response):
                if response.status_code != 200:
                    raise DownloadError(f"the server answered HTTP {response.status_code}")
                data = bytearray()
                started = time.monotonic()
                for chunk in response.iter_bytes(64 * 1024):
                    data += chunk
                    if len(data) > max_bytes:
                        raise DownloadError(f"it is larger than {max_bytes // 1024**2} MB")
                    if time.monotonic() - started > 4 * timeout:
                        raise DownloadError("it took too long")
                return bytes(data)
        except _Retry as exc:
            raise DownloadError(str(exc)) from None
        except httpx.TimeoutException:
            raise DownloadError(f"the server did not send it within {4 * timeout:.0f} s") from None
        except httpx.HTTPError as exc:
            raise DownloadError(str(exc) or type(exc).__name__) from None
