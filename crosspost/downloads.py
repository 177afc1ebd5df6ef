"""One careful HTTP download: resume with Range, retries with back-off, size cap, content-type check.

Used for media behind an export's links and for language packs. Nothing is retried forever; a
partial file is kept (``*.part``) so the same command resumes it."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from crosspost import __version__
from crosspost.progress import NEVER_CANCELLED, CancelToken

USER_AGENT = f"Crosspost/{__version__}"


class DownloadError(Exception):
    """The download failed for good; the message says why."""


def download_to(url: str, part: Path, *, on_bytes: Callable[[int], None] = lambda n: None,
                cancel: CancelToken = NEVER_CANCELLED, max_bytes: int = 4 * 1024**3, retries: int = 3,
                backoff: float = 1.0, timeout: float = 30, accept: tuple[str, ...] = (),
                refused: Callable[[int], str] | None = None,
                on_length: Callable[[int, int], None] | None = None) -> None:
    """Download URL into PART (appending to what is there when the server honours Range)."""
    attempt = 0
    part.parent.mkdir(parents=True, exist_ok=True)
    while True:
        cancel.check()
        have = part.stat().st_size if part.exists() else 0
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        if have:
            request.add_header("Range", f"bytes={have}-")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                kind = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
                if accept and kind and not kind.startswith(accept):
                    raise DownloadError(f"the server sent {kind} instead of a photo or video (the link may "
                                        "have expired or been replaced by a web page)"
                                        if "video/" in accept else f"the server sent {kind}, not a file")
                if have and response.status != 206:
                    have = 0  # Range ignored: start over
                length = response.headers.get("Content-Length")
                if on_length is not None and length:
                    on_length(have, have + int(length))  # (already on disk, whole size)
                if length and have + int(length) > max_bytes:
                    raise DownloadError(f"the file is {(have + int(length)) / 1e9:.1f} GB, above the "
                                        f"{max_bytes / 1e9:.0f} GB cap")
                total = have
                with open(part, "ab" if have else "wb") as f:
                    while True:
                        cancel.check()
                        chunk = response.read(256 * 1024)
                        if not chunk:
                            break
                        total += len(chunk)
                        if total > max_bytes:
                            raise DownloadError(f"the download passed the {max_bytes / 1e9:.0f} GB cap")
                        f.write(chunk)
                        on_bytes(len(chunk))
                if length and total < have + int(length):
                    raise http.client.IncompleteRead(b"", have + int(length) - total)
                return
        except urllib.error.HTTPError as exc:
            exc.close()  # it holds the connection open
            if exc.code == 416 and have:
                return  # asked past the end: the file is complete
            if exc.code in (401, 403, 404, 410):
                raise DownloadError(refused(exc.code) if refused else f"the server refused it (HTTP {exc.code})") from None
            if exc.code < 500 or attempt >= retries:
                raise DownloadError(f"the server answered HTTP {exc.code}") from None
        except DownloadError:
            raise
        except (urllib.error.URLError, http.client.HTTPException, TimeoutError, ConnectionError, OSError) as exc:
            if attempt >= retries:
                reason = getattr(exc, "reason", None) or exc
                raise DownloadError(f"it failed after {retries + 1} tries ({reason}); run the same "
                                    "command again to resume") from None
        attempt += 1
        time.sleep(backoff * (2 ** (attempt - 1)))
