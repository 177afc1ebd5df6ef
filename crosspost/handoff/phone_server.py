"""Send to phone: a tiny web server on the computer's local network that serves one draft to the
phone's browser — its rendered photos, video and cover with save buttons, copy buttons for the title,
the body and the topics, and a button that opens the platform's app.

Safety, by construction:
- the address carries a random 128-bit token; any other path gets the same bare 404;
- only the draft's own files are served (a fixed name → file map made up front; no listing, no paths
  from the request reach the file system), read-only, GET only (anything else gets 405); each is
  opened without following links and must be a regular file inside the draft's render folder;
- it listens on the one address the user picked (tests use 127.0.0.1): a plain, canonical unicast
  address, never all interfaces (``0``, ``0x0``, ``::`` …) nor a multicast or broadcast one;
- it stops when asked (the dialog closes) or after ``LIFETIME`` seconds, whichever comes first, and
  stopping cuts every open connection (keep-alive or half-sent); a request has ``HEADER_TIMEOUT``
  seconds in all to send its headers;
- a phone that goes away mid-answer is normal: nothing is printed for it;
- every request is reported (``events``) with the device read from its User-Agent.
Nothing goes through the internet: the page has no external resources.
"""

from __future__ import annotations

import hmac
import html
import ipaddress
import json
import logging
import mimetypes
import os
import queue
import re
import secrets
import socket
import stat
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal
from urllib.parse import quote, unquote

from crosspost.errors import UserError

if TYPE_CHECKING:
    from crosspost.store import Store

LIFETIME = 15 * 60  # seconds
HEADER_TIMEOUT = 5.0  # seconds a request has, in all, for its request line and headers (also idle keep-alive)
SEND_TIMEOUT = 30.0  # seconds a phone may stop reading before it is let go
MAX_RANGE_DIGITS = 18  # a byte position longer than this is no file's: answered 416
CHUNK = 256 * 1024
NOT_ALL_INTERFACES = "Choose one network address to listen on, not all of them."

log = logging.getLogger("crosspost.handoff")


@dataclass(frozen=True)
class PhoneFile:
    name: str  # the name in the address and the saved file's name
    path: Path
    kind: str  # "image" or "video"
    role: str = "media"  # "media" or "cover"
    folder: Path | None = None  # the draft's render folder; None: the file's own folder

    @property
    def size(self) -> int:
        return self.path.lstat().st_size  # a link is never followed (and never served)

    def open(self) -> IO[bytes] | None:
        """The file for reading if it is a regular file inside its folder, reached without links."""
        return open_inside(self.folder or self.path.parent, self.path)


def open_inside(folder: Path, path: Path) -> IO[bytes] | None:
    """PATH opened read-only when it is a regular file inside FOLDER and no part of it below FOLDER
    is a link (FOLDER itself may be reached through links: it is the app's own render folder);
    otherwise None. Where the system has ``O_NOFOLLOW`` and ``dir_fd`` (Linux, macOS) each step is
    opened relative to the previous one without following links, so a file swapped for a link
    between a check and the open is refused too; elsewhere (Windows) the file is checked with
    ``lstat`` and the opened handle must be that same file."""
    try:
        parts = path.relative_to(folder).parts
    except ValueError:
        return None
    if not parts or any(p in ("", ".", "..") for p in parts):
        return None
    fd = -1
    try:
        if hasattr(os, "O_NOFOLLOW") and os.open in os.supports_dir_fd:
            nofollow = os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
            dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                for part in parts[:-1]:
                    inner = os.open(part, nofollow | getattr(os, "O_DIRECTORY", 0), dir_fd=dir_fd)
                    os.close(dir_fd)
                    dir_fd = inner
                # O_NONBLOCK: a FIFO put in the file's place must not hang the request in open()
                fd = os.open(parts[-1], nofollow | getattr(os, "O_NONBLOCK", 0), dir_fd=dir_fd)
            finally:
                os.close(dir_fd)
        else:
            real_folder = os.path.realpath(folder)
            if os.path.commonpath([real_folder, os.path.realpath(path)]) != real_folder:
                return None
            checked = os.lstat(path)
            if not stat.S_ISREG(checked.st_mode):
                return None
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
            opened = os.fstat(fd)
            if (opened.st_dev, opened.st_ino) != (checked.st_dev, checked.st_ino):
                os.close(fd)
                return None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except (OSError, ValueError):
        if fd >= 0:
            try:
                os.close(fd)
            except OSError:
                pass
        return None


def check_host(host: str) -> str:
    """HOST when it is one plain, canonical unicast address to listen on; UserError otherwise.
    ``0``, ``0.0``, ``0x0``, ``000.000.000.000``, ``::`` and the like all mean "every interface" to
    the system's address parser, so only the canonical spelling ``ipaddress`` gives back is taken.
    Whether it is this computer's own address is for the system to say: binding any other fails."""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        raise UserError(
            f"{host!r} is not one network address of this computer; choose one network address to listen on."
        ) from None
    if (
        ip.is_unspecified
        or ip.is_multicast
        or ip == ipaddress.IPv4Address("255.255.255.255")
        or (isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None)
    ):
        raise UserError(NOT_ALL_INTERFACES)
    if str(ip) != host:
        raise UserError(f"Write the address as {ip}: choose one network address to listen on, in its plain form.")
    return host


Target = tuple[Literal["page", "file"], str, bool]


def parse_target(target: str, token: str) -> Target | None:
    """What a request line's target asks for: ``("page", "", False)`` for ``/TOKEN/``,
    ``("file", NAME, DOWNLOAD)`` for ``/TOKEN/f/NAME`` (``?download=1``: as an attachment), or None
    for any other address. Never raises, whatever the text."""
    path, _, query = target.partition("?")
    segments = path.split("/")
    if len(segments) < 3 or segments[0] != "":
        return None
    if not hmac.compare_digest(segments[1].encode("utf-8", "surrogatepass"), token.encode("utf-8", "surrogatepass")):
        return None
    rest = segments[2:]
    if rest == [""]:
        return ("page", "", False)
    if len(rest) == 2 and rest[0] == "f" and rest[1]:
        return ("file", unquote(rest[1]), query == "download=1")
    return None


UNSATISFIABLE: Literal["unsatisfiable"] = "unsatisfiable"


def parse_range(header: str | None, size: int) -> tuple[int, int] | Literal["unsatisfiable"] | None:
    """A ``Range: bytes=…`` header for a file of SIZE bytes: ``(start, end)`` inclusive for one
    satisfiable range, UNSATISFIABLE (answer 416) for a range past the end or a number no file
    reaches, or None to send the whole file (no header, another unit, several ranges). Never raises."""
    wanted = re.fullmatch(r"bytes=([0-9]*)-([0-9]*)", (header or "").strip(), flags=re.ASCII)
    if not wanted or not (wanted.group(1) or wanted.group(2)):
        return None
    first, last = wanted.group(1), wanted.group(2)
    if len(first) > MAX_RANGE_DIGITS or len(last) > MAX_RANGE_DIGITS:
        return UNSATISFIABLE
    if first:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
    else:  # the last N bytes
        if int(last) == 0:
            return UNSATISFIABLE
        start, end = max(0, size - int(last)), size - 1
    if start > end or start >= size:
        return UNSATISFIABLE
    return start, end


@dataclass(frozen=True)
class PhonePayload:
    title: str
    body: str
    topics: str  # as pasted on the platform, e.g. "#跑步 #成都"
    files: tuple[PhoneFile, ...]
    platform: str  # display name (English)
    app_url: str | None = None
    platform_zh: str | None = None  # display name in Chinese


def payload_for_draft(store: Store, draft_id: int | str) -> PhonePayload:
    """What the phone gets for a draft: its rendered media (and cover), title, body and topics."""
    from crosspost.drafts.store import get_draft
    from crosspost.errors import NotRendered
    from crosspost.platforms import get_profile

    d = get_draft(store, draft_id)
    profile = get_profile(d.platform)
    # Only files in the draft's own render folder are ever served (see ``open_inside``).
    folder = store.location.renders_dir / f"draft-{d.id}" if store.location else None

    def servable(path: str | None) -> Path | None:
        if not path:
            return None
        p = Path(path)
        if (folder is not None and p.parent != folder) or p.is_symlink() or not p.is_file():
            return None
        return p

    files: list[PhoneFile] = []
    missing = 0
    for m in d.media:
        if not m.source:
            continue
        rendered = servable(m.rendered)
        if rendered is None:
            missing += 1
            continue
        files.append(
            PhoneFile(rendered.name, rendered, "video" if m.kind == "video" else "image", folder=rendered.parent)
        )
    if missing or not files:
        raise NotRendered(d.id, profile.display_name["en"])
    cover = servable(d.cover)
    if cover is not None:
        files.append(PhoneFile("cover.jpg", cover, "image", "cover", folder=cover.parent))
    topics = " ".join(profile.topic_format.format(topic=t) for t in d.topics)
    return PhonePayload(
        d.title,
        d.body,
        topics,
        tuple(files),
        profile.display_name["en"],
        profile.handoff.get("app_url"),
        profile.display_name.get("zh"),
    )


def device_name(user_agent: str | None) -> str:
    """A person's name for the device a request came from ("iPhone", "Android phone", …)."""
    ua = user_agent or ""
    for pattern, name in (
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        (r"Android.*Mobile", "Android phone"),
        ("Android", "Android tablet"),
        ("Macintosh", "Mac"),
        ("Windows", "Windows PC"),
        ("CrOS", "Chromebook"),
        ("Linux", "Linux computer"),
    ):
        if re.search(pattern, ua):
            return name
    return "A browser"


@dataclass(frozen=True)
class RequestEvent:
    at: float
    client: str
    device: str
    method: str
    path_kind: str  # "page", "file", "download", "refused"
    status: int
    file: str | None
    message: str


@dataclass
class _State:
    token: str
    payload: PhonePayload
    lang: str
    files: dict[str, PhoneFile] = field(default_factory=dict)
    events: queue.SimpleQueue = field(default_factory=queue.SimpleQueue)
    on_event: object = None


class _Handler(BaseHTTPRequestHandler):
    server_version = "crosspost"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    @property
    def state(self) -> _State:
        return self.server.state  # type: ignore[attr-defined]

    def version_string(self) -> str:  # the Server header says nothing about the app
        return "http"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the events replace the stderr log
        pass

    timeout = SEND_TIMEOUT  # per read or write on the connection; the headers' overall limit is the server's
    # A request line without a version ("GET /x", "G") is answered with a status line and headers
    # too, never as HTTP/0.9 (a bare body the phone cannot tell from a page).
    default_request_version = "HTTP/1.1"

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Malformed requests get a bare one-line answer (no default HTML page naming the server)
        and the connection is closed."""
        self.close_connection = True
        reason = self.responses.get(code, ("Error",))[0]
        try:
            self._send(code, f"{reason}\n".encode(), extra={"Connection": "close"})
        except OSError:
            pass

    def handle_one_request(self) -> None:
        self.server.expect_headers(self.connection)  # type: ignore[attr-defined]
        super().handle_one_request()

    def parse_request(self) -> bool:
        parsed = super().parse_request()  # reads the headers: still under the deadline
        self.server.answering(self.connection)  # type: ignore[attr-defined]
        return parsed

    def _event(self, kind: str, status: int, file: str | None = None) -> None:
        device = device_name(self.headers.get("User-Agent"))
        if kind == "page":
            message = f"{device} opened the page"
        elif kind == "download":
            message = f"{device} downloaded {file}"
        elif kind == "file":
            message = f"{device} loaded {file}"
        elif status == 405:
            message = f"{device} sent a {self.command} request (refused)"
        else:
            message = f"{device} asked for a wrong address (refused)"
        event = RequestEvent(time.time(), self.client_address[0], device, self.command, kind, status, file, message)
        self.state.events.put(event)
        if callable(self.state.on_event):
            self.state.on_event(event)

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/plain; charset=utf-8",
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found(self) -> None:
        self._event("refused", 404)
        self._send(404, b"Not found\n")

    def _refuse_method(self) -> None:
        self._event("refused", 405)
        self._send(405, b"Method not allowed\n", extra={"Allow": "GET", "Connection": "close"})
        self.close_connection = True

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = do_TRACE = do_CONNECT = _refuse_method

    def do_GET(self) -> None:  # noqa: N802
        target = parse_target(self.path, self.state.token)
        if target is None:
            return self._not_found()
        kind, name, download = target
        if kind == "page":
            self._event("page", 200)
            return self._send(
                200,
                render_page(self.state.payload, self.state.token, self.state.lang).encode("utf-8"),
                "text/html; charset=utf-8",
                {"Content-Security-Policy": CSP},
            )
        f = self.state.files.get(name)
        if f is None:
            return self._not_found()
        return self._send_file(f, download=download)

    def _send_file(self, f: PhoneFile, download: bool) -> None:
        handle = f.open()
        if handle is None:
            return self._not_found()
        with handle:
            size = os.fstat(handle.fileno()).st_size
            start, end, status = 0, size - 1, 200
            wanted = parse_range(self.headers.get("Range"), size)
            if wanted == UNSATISFIABLE:
                self._event("refused", 416)
                return self._send(416, b"", extra={"Content-Range": f"bytes */{size}"})
            if isinstance(wanted, tuple):
                start, end = wanted
                status = 206
            length = end - start + 1
            kind = "download" if download else "file"
            if status == 200 or start == 0:
                self._event(kind, status, f.name)
            self.send_response(status)
            self.send_header("Content-Type", mimetypes.guess_type(f.name)[0] or "application/octet-stream")
            self.send_header("Content-Length", str(length))
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            if status == 206:
                self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
            disposition = "attachment" if download else "inline"
            self.send_header("Content-Disposition", f'{disposition}; filename="{f.name}"')
            self.end_headers()
            handle.seek(start)
            left = length
            while left > 0:
                chunk = handle.read(min(CHUNK, left))
                if not chunk:
                    break
                try:
                    self.wfile.write(chunk)
                except OSError:  # the phone went away, or the server is closing
                    self.close_connection = True
                    return
                left -= len(chunk)


class _Server(ThreadingHTTPServer):
    """Knows its open connections: each has a deadline for its request's headers (None while it is
    being answered); ``service_actions`` (run by ``serve_forever`` between polls) cuts the late
    ones, and ``close_all`` cuts them all when the server stops."""

    daemon_threads = True
    block_on_close = False
    allow_reuse_address = False

    def __init__(self, address: tuple[str, int], family: socket.AddressFamily, header_timeout: float) -> None:
        self.address_family = family
        self.header_timeout = header_timeout
        self._connections: dict[socket.socket, float | None] = {}
        self._connections_lock = threading.Lock()
        self._closing = False
        super().__init__(address, _Handler, bind_and_activate=True)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            if self._closing:
                self.shutdown_request(request)
                return
            self._connections[request] = time.monotonic() + self.header_timeout
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.pop(request, None)
        super().shutdown_request(request)

    def expect_headers(self, connection: socket.socket) -> None:
        with self._connections_lock:
            if connection in self._connections:
                self._connections[connection] = time.monotonic() + self.header_timeout
        if self._closing:
            _cut(connection)

    def answering(self, connection: socket.socket) -> None:
        with self._connections_lock:
            if connection in self._connections:
                self._connections[connection] = None

    def service_actions(self) -> None:
        now = time.monotonic()
        with self._connections_lock:
            late = [c for c, deadline in self._connections.items() if deadline is not None and deadline <= now]
        for connection in late:
            _cut(connection)

    def close_all(self) -> None:
        with self._connections_lock:
            self._closing = True
            connections = list(self._connections)
        for connection in connections:
            _cut(connection)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A phone that disconnects, or a connection cut at the end, is normal: nothing is said. Any
        other error goes to the log (never to the terminal)."""
        error = sys.exc_info()[1]
        if isinstance(error, OSError):
            return
        log.error("Send to phone: a request from %s failed", client_address[0], exc_info=True)


def _cut(connection: socket.socket) -> None:
    """End CONNECTION now in both directions: its handler's blocked read sees the end and its
    write fails, so the handler finishes and closes it (the descriptor is closed by its own thread)."""
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class PhoneServer:
    """Serves one draft at ``url`` until ``stop()`` or ``lifetime`` seconds, on HOST only."""

    def __init__(
        self,
        payload: PhonePayload,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        lang: str = "en",
        lifetime: float = LIFETIME,
        on_event: Callable[[RequestEvent], None] | None = None,
        header_timeout: float = HEADER_TIMEOUT,
    ) -> None:
        check_host(host)
        self.payload = payload
        self.host = host
        self.lifetime = lifetime
        self.state = _State(
            secrets.token_urlsafe(16), payload, "zh" if lang.startswith("zh") else "en", on_event=on_event
        )
        names: dict[str, PhoneFile] = {}
        for f in payload.files:
            names[f.name] = f
        self.state.files = names
        try:
            family = socket.AF_INET6 if ":" in host else socket.AF_INET
            self._server = _Server((host, port), family, header_timeout)
        except OSError as exc:
            raise UserError(f"Cannot listen on {host} ({exc.strerror or exc}); choose another network.") from None
        self._server.state = self.state  # type: ignore[attr-defined]
        self.port = self._server.server_address[1]
        self.started_at: float | None = None
        self._thread: threading.Thread | None = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._stopped = False
        self._closed = threading.Event()  # set once the port is closed

    @property
    def token(self) -> str:
        return self.state.token

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/{self.token}/"

    def file_url(self, name: str, download: bool = False) -> str:
        return self.url + "f/" + quote(name) + ("?download=1" if download else "")

    @property
    def events(self) -> queue.SimpleQueue:
        return self.state.events

    @property
    def running(self) -> bool:
        return self._thread is not None and not self._closed.is_set()

    def seconds_left(self) -> float:
        if self.started_at is None or self._stopped:
            return 0.0
        return max(0.0, self.lifetime - (time.monotonic() - self.started_at))

    def start(self) -> "PhoneServer":
        self.started_at = time.monotonic()
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.2}, name="crosspost-phone", daemon=True
        )
        self._thread.start()
        self._timer = threading.Timer(self.lifetime, self.stop)
        self._timer.daemon = True
        self._timer.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the port (idempotent; safe from any thread)."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        if self._timer is not None and threading.current_thread() is not self._timer:
            self._timer.cancel()
        self._server.close_all()  # keep-alive and half-sent requests end with the server
        if self._thread is not None:
            self._server.shutdown()
        self._server.server_close()
        self._closed.set()

    def wait_closed(self, timeout: float | None = None) -> bool:
        return self._closed.wait(timeout)

    def __enter__(self) -> "PhoneServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# --- the page ----------------------------------------------------------------------------------

CSP = (
    "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)

STRINGS = {
    "en": {
        "heading": "Your {platform} post",
        "title": "Title",
        "body": "Text",
        "topics": "Topics",
        "copy": "Copy",
        "copied": "Copied",
        "copy_failed": "Select the text and copy it",
        "media": "Photos and video",
        "cover": "Cover",
        "save": "Save",
        "photo": "Photo {n}",
        "video": "Video",
        "open_app": "Open {platform}",
        "open_app_hint": "If nothing happens, open the app yourself. Then start a new note, pick the saved "
        "photos or video from your gallery and paste the title, text and topics.",
        "iphone": "iPhone: tap Save, then Download; the file goes to the Files app (Downloads). Open it, tap the "
        "share button and choose “Save Image” or “Save Video” to put it in Photos. For a photo you can "
        "also touch and hold it and choose “Save to Photos”.",
        "android": "Android: tap Save; the file goes to Downloads and appears in Gallery or Google Photos "
        "(under Downloads). You can also touch and hold a photo and choose “Download image”.",
        "expires": "This page works on your local network only and stops when you close the window on your "
        "computer (at the latest after 15 minutes).",
    },
    "zh": {
        "heading": "你的{platform}笔记",
        "title": "标题",
        "body": "正文",
        "topics": "话题",
        "copy": "复制",
        "copied": "已复制",
        "copy_failed": "请长按文字手动复制",
        "media": "图片和视频",
        "cover": "封面",
        "save": "保存",
        "photo": "图片 {n}",
        "video": "视频",
        "open_app": "打开{platform}",
        "open_app_hint": "如果没有反应，请自己打开 App，新建笔记，从相册选择保存好的图片或视频，再粘贴标题、正文和话题。",  # noqa: E501
        "iphone": "iPhone：点“保存”，再点“下载”，文件会存到“文件”App 的“下载”里。打开文件，点分享按钮，选“存储图像”或"
        "“保存视频”即可存入“照片”。图片也可以长按后选“存储到照片”。",
        "android": "安卓：点“保存”，文件会存到“下载”（Download）文件夹，并出现在相册或 Google 相册的“下载”里。"
        "图片也可以长按后选“下载图片”。",
        "expires": "此页面只在你的局域网内有效，关闭电脑上的窗口后即停止（最长 15 分钟）。",
    },
}


def render_page(payload: PhonePayload, token: str, lang: str = "en") -> str:
    s = STRINGS["zh" if lang.startswith("zh") else "en"]
    platform = (payload.platform_zh or payload.platform) if lang.startswith("zh") else payload.platform
    e = html.escape
    data = json.dumps(
        {
            "title": payload.title,
            "body": payload.body,
            "topics": payload.topics,
            "copied": s["copied"],
            "failed": s["copy_failed"],
        },
        ensure_ascii=False,
    )
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    base = f"/{token}/f/"
    items = []
    photo_n = 0
    for f in payload.files:
        src = base + quote(f.name)
        if f.role == "cover":
            label = s["cover"]
        elif f.kind == "video":
            label = s["video"]
        else:
            photo_n += 1
            label = s["photo"].format(n=photo_n)
        preview = (
            f'<video src="{e(src)}" controls playsinline preload="metadata"></video>'
            if f.kind == "video"
            else f'<img src="{e(src)}" alt="{e(label)}">'
        )
        items.append(
            f'<figure class="media" data-name="{e(f.name)}">{preview}<figcaption><span>{e(label)} · '
            f'{e(f.name)} · {f.size / 1e6:.1f} MB</span><a class="button save" href="{e(src)}?download=1" '
            f'download="{e(f.name)}">{e(s["save"])}</a></figcaption></figure>'
        )

    def text_block(key: str, value: str) -> str:
        return (
            f'<section class="text"><div class="row"><h2>{e(s[key])}</h2>'
            f'<button type="button" class="button copy" data-copy="{key}" id="copy-{key}">{e(s["copy"])}</button>'
            f'</div><pre id="text-{key}">{e(value)}</pre></section>'
        )

    app = ""
    if payload.app_url:
        app = (
            f'<section><a class="button app" id="open-app" href="{e(payload.app_url)}">'
            f'{e(s["open_app"].format(platform=platform))}</a><p class="hint">{e(s["open_app_hint"])}</p></section>'
        )
    return f"""<!doctype html>
<html lang="{"zh-CN" if lang.startswith("zh") else "en"}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
<title>{e(s["heading"].format(platform=platform))}</title>
<style>
:root {{ color-scheme: light dark; --accent: #ff2442; }}
body {{ font: 16px/1.45 -apple-system, system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 0;
  padding: 16px 16px calc(24px + env(safe-area-inset-bottom)); max-width: 640px; margin-inline: auto; }}
h1 {{ font-size: 22px; margin: 4px 0 12px; }} h2 {{ font-size: 15px; margin: 0; opacity: .75; }}
.row {{ display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 6px; }}
pre {{ white-space: pre-wrap; word-break: break-word; font: inherit; margin: 0; padding: 10px 12px;
  border-radius: 10px; background: rgba(127,127,127,.12); }}
section {{ margin: 0 0 18px; }}
.button {{ display: inline-block; border: 0; border-radius: 999px; padding: 10px 18px; font: 600 15px/1 inherit;
  font-family: inherit; background: var(--accent); color: #fff; text-decoration: none; min-height: 20px; }}
.button.copied {{ background: #2e7d32; }}
.app {{ display: block; text-align: center; padding: 14px; font-size: 17px; }}
.media {{ margin: 0 0 14px; }} .media img, .media video {{ width: 100%; max-height: 70vh; object-fit: contain;
  border-radius: 12px; display: block; background: #000; }}
figcaption {{ display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 8px 2px;
  font-size: 13px; }}
.hint {{ font-size: 13px; opacity: .8; margin: 8px 2px; }}
</style></head><body>
<h1>{e(s["heading"].format(platform=platform))}</h1>
{app}
{text_block("title", payload.title)}
{text_block("body", payload.body)}
{text_block("topics", payload.topics)}
<section><h2>{e(s["media"])}</h2>
<p class="hint" id="hint-iphone">{e(s["iphone"])}</p><p class="hint" id="hint-android">{e(s["android"])}</p>
{"".join(items)}</section>
<p class="hint">{e(s["expires"])}</p>
<script id="draft" type="application/json">{data}</script>
<script>
const DATA = JSON.parse(document.getElementById("draft").textContent);
function fallbackCopy(text) {{
  const area = document.createElement("textarea");
  area.value = text; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
  document.body.appendChild(area); area.focus(); area.select(); area.setSelectionRange(0, text.length);
  let ok = false; try {{ ok = document.execCommand("copy"); }} catch (e) {{ ok = false; }}
  document.body.removeChild(area); return ok;
}}
async function copyText(text) {{
  if (navigator.clipboard && window.isSecureContext) {{
    try {{ await navigator.clipboard.writeText(text); return true; }} catch (e) {{ /* fall back */ }}
  }}
  return fallbackCopy(text);
}}
for (const button of document.querySelectorAll("[data-copy]")) {{
  const label = button.textContent;
  button.addEventListener("click", async () => {{
    const ok = await copyText(DATA[button.dataset.copy]);
    button.textContent = ok ? DATA.copied : DATA.failed; button.classList.toggle("copied", ok);
    button.dataset.state = ok ? "copied" : "failed";
    setTimeout(() => {{ button.textContent = label; button.classList.remove("copied"); }}, 2000);
  }});
}}
const ua = navigator.userAgent;
if (/iPhone|iPad/.test(ua)) document.getElementById("hint-android").hidden = true;
else if (/Android/.test(ua)) document.getElementById("hint-iphone").hidden = true;
</script></body></html>
"""
