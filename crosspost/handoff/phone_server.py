"""Send to phone: a tiny web server on the computer's local network that serves one draft to the
phone's browser — its rendered photos, video and cover with save buttons, copy buttons for the title,
the body and the topics, and a button that opens the platform's app.

Safety, by construction:
- the address carries a random 128-bit token; any other path gets the same bare 404;
- only the draft's own files are served (a fixed name → file map made up front; no listing, no paths
  from the request reach the file system), read-only, GET only (anything else gets 405);
- it listens on the one address the user picked (tests use 127.0.0.1), never on all interfaces;
- it stops when asked (the dialog closes) or after ``LIFETIME`` seconds, whichever comes first;
- every request is reported (``events``) with the device read from its User-Agent.
Nothing goes through the internet: the page has no external resources.
"""

from __future__ import annotations

import hmac
import html
import json
import mimetypes
import queue
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit

from crosspost.errors import UserError

if TYPE_CHECKING:
    from crosspost.store import Store

LIFETIME = 15 * 60  # seconds
CHUNK = 256 * 1024


@dataclass(frozen=True)
class PhoneFile:
    name: str  # the name in the address and the saved file's name
    path: Path
    kind: str  # "image" or "video"
    role: str = "media"  # "media" or "cover"

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass(frozen=True)
class PhonePayload:
    title: str
    body: str
    topics: str  # as pasted on the platform, e.g. "#跑步 #成都"
    files: tuple[PhoneFile, ...]
    platform: str  # display name (English)
    app_url: str | None = None
    platform_zh: str | None = None  # display name in Chinese


def payload_for_draft(store: Store, draft_id: int) -> PhonePayload:
    """What the phone gets for a draft: its rendered media (and cover), title, body and topics."""
    from crosspost.drafts.store import get_draft
    from crosspost.errors import NotRendered
    from crosspost.platforms import get_profile

    d = get_draft(store, draft_id)
    profile = get_profile(d.platform)
    files: list[PhoneFile] = []
    missing = 0
    for m in d.media:
        if not m.source:
            continue
        rendered = m.rendered
        if not rendered or not Path(rendered).is_file():
            missing += 1
            continue
        files.append(PhoneFile(Path(rendered).name, Path(rendered), "video" if m.kind == "video" else "image"))
    if missing or not files:
        raise NotRendered(d.id, profile.display_name["en"])
    if d.cover and Path(d.cover).is_file():
        files.append(PhoneFile("cover.jpg", Path(d.cover), "image", "cover"))
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
        parts = urlsplit(self.path)
        segments = parts.path.split("/")
        # /TOKEN/  → the page;  /TOKEN/f/NAME  → a file (…?download=1: as an attachment)
        if len(segments) < 3 or not hmac.compare_digest(segments[1].encode(), self.state.token.encode()):
            return self._not_found()
        rest = segments[2:]
        if rest == [""]:
            self._event("page", 200)
            return self._send(
                200,
                render_page(self.state.payload, self.state.token, self.state.lang).encode("utf-8"),
                "text/html; charset=utf-8",
                {"Content-Security-Policy": CSP},
            )
        if len(rest) == 2 and rest[0] == "f":
            f = self.state.files.get(unquote(rest[1]))
            if f is not None:
                return self._send_file(f, download=parts.query == "download=1")
        return self._not_found()

    def _send_file(self, f: PhoneFile, download: bool) -> None:
        try:
            size = f.size
            handle = open(f.path, "rb")  # noqa: SIM115 - closed below
        except OSError:
            return self._not_found()
        with handle:
            start, end, status = 0, size - 1, 200
            wanted = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", "") or "")
            if wanted and (wanted.group(1) or wanted.group(2)):
                if wanted.group(1):
                    start = int(wanted.group(1))
                    end = min(int(wanted.group(2)), size - 1) if wanted.group(2) else size - 1
                else:  # the last N bytes
                    start = max(0, size - int(wanted.group(2)))
                if start > end or start >= size:
                    self._event("refused", 416)
                    return self._send(416, b"", extra={"Content-Range": f"bytes */{size}"})
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
                except (BrokenPipeError, ConnectionResetError):
                    return
                left -= len(chunk)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False


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
    ) -> None:
        if host in ("", "0.0.0.0", "::"):
            raise UserError("Choose one network address to listen on, not all of them.")
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
            self._server = _Server((host, port), _Handler, bind_and_activate=True)
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
