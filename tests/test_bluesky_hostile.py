"""The Bluesky client against hostile servers on 127.0.0.1 (issue 22, items 3, 4, 10, 11, 12): a sign-in
redirected to another origin, plain http to a host that is not this computer, a server that drips a byte
at a time, answers of hundreds of megabytes, record look-ups answered with something that is not a
record. The real ``crosspost`` runs in a child process; each failure is one sentence, exit 1, nothing
stored, the draft unchanged, and the next publish against a good server works.

Publishing goes through a forwarding proxy in front of the real local PDS (``pds`` fixture): the proxy
passes every call through (dropping the session's DID document so the client keeps talking to it) except
the ones a test makes hostile.

``CROSSPOST_NET_DEADLINE`` (seconds for each network call, see ``crosspost.publishing.net``) is set to 2
so a dripping server ends the test in seconds."""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import procs
import pytest
from bluesky_world import World
from media_files import jpeg

DEADLINE = 2.0
PASSWORD = "abcd-efgh-ijkl-mnop"
DRIP_PAUSE = 0.25  # seconds between two bytes: each read is quick, the whole answer takes ~20 s
HARD_STOP = 128 * 1024**2  # what the "huge" answer sends at most (a client without a cap reads it all)


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setenv("CROSSPOST_NET_DEADLINE", str(DEADLINE))


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client hanging up on a hostile answer is the expected end


def _drip(handler: BaseHTTPRequestHandler, state: dict, raw: bytes) -> None:
    """The whole answer, status line included, one byte at a time; ``state["dripped"]`` gets how long
    the client kept listening (until a write fails because it hung up)."""
    started = time.monotonic()
    try:
        for i in range(len(raw)):
            handler.wfile.write(raw[i : i + 1])
            handler.wfile.flush()
            time.sleep(DRIP_PAUSE)
    except OSError:
        pass
    state["dripped"].append(time.monotonic() - started)
    handler.close_connection = True


def _huge(handler: BaseHTTPRequestHandler, state: dict, announce: bool) -> None:
    """A JSON answer that never ends (or announces 700 MB): zeros until the client stops reading."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    if announce:
        handler.send_header("Content-Length", str(700 * 1024**2))
    handler.send_header("Connection", "close")
    handler.end_headers()
    block = b"[" + b"0," * 32767 + b"0"
    try:
        while state["sent"] < HARD_STOP:
            handler.wfile.write(block)
            state["sent"] += len(block)
    except OSError:
        pass
    handler.close_connection = True


def _answer(handler: BaseHTTPRequestHandler, status: int, body: bytes, kind: str = "application/json", **headers):
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    for k, v in headers.items():
        handler.send_header(k.replace("_", "-"), v)
    handler.end_headers()
    handler.wfile.write(body)


def make_server(state: dict, upstream: str | None = None):
    """A server whose answer to each XRPC method is chosen by the test (``state["routes"][nsid]``):
    "redirect", "drip", "huge", "huge-announced", "html", "wrong-json", "not-a-dict"; anything else is
    forwarded to UPSTREAM (the real PDS) when there is one, else answered 501."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _handle(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            nsid = self.path.split("?")[0].rsplit("/", 1)[-1]
            state["seen"].append((nsid, body))
            route = state["routes"].get(nsid)
            if route == "redirect":
                _answer(self, 307, b"", Location=state["redirect_to"] + self.path)
            elif route == "drip":
                _drip(self, state, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
            elif route in ("huge", "huge-announced"):
                _huge(self, state, announce=route == "huge-announced")
            elif route == "html":
                _answer(self, 200, b"<html><body>Welcome to our new website!</body></html>", "text/html")
            elif route == "wrong-json":
                _answer(self, 200, json.dumps({"did": 5, "handle": None, "records": []}).encode())
            elif route == "not-a-dict":
                _answer(self, 200, b'["uri", "cid"]')
            elif upstream is None:
                _answer(self, 501, b'{"error": "MethodNotImplemented"}')
            else:
                self._forward(body, nsid)

        def _forward(self, body: bytes, nsid: str):
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
            r = httpx.request(self.command, upstream + self.path, headers=headers, content=body, timeout=60)
            data = r.content
            if nsid in ("com.atproto.server.createSession", "com.atproto.server.refreshSession") and r.is_success:
                answer = r.json()
                answer.pop("didDoc", None)  # keep the client talking to this proxy
                data = json.dumps(answer).encode()
            _answer(self, r.status_code, data, r.headers.get("content-type", "application/json"))

        do_GET = do_POST = _handle

    return Handler


@pytest.fixture
def servers():
    """Two hostile servers on 127.0.0.1 (two origins: another port is another origin)."""
    made = []

    def start(upstream: str | None = None) -> dict:
        state: dict = {"routes": {}, "seen": [], "sent": 0, "dripped": []}
        httpd = Server(("127.0.0.1", 0), make_server(state, upstream))
        threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        state["url"] = f"http://127.0.0.1:{httpd.server_address[1]}"
        made.append(httpd)
        return state

    yield start
    for httpd in made:
        httpd.shutdown()
        httpd.server_close()


def accounts_add(data: Path, server: str, timeout: float = 60) -> tuple[int, str, str, float]:
    started = time.monotonic()
    proc = procs.start(
        data,
        "accounts",
        "add",
        "bluesky",
        "--handle",
        "someone.example",
        "--server",
        server,
        "--password-stdin",
        "--store-secret-in-file",
        stdin=__import__("subprocess").PIPE,
    )
    out, err = proc.communicate(PASSWORD + "\n", timeout=timeout)
    return proc.returncode, out, err, time.monotonic() - started


def nothing_stored(data: Path) -> None:
    assert not (data / "secrets.json").exists()
    code, out, err = procs.run(data, "accounts", "list", "--json")
    assert code == 0 and json.loads(out) == [], err


def one_sentence(code: int, err: str) -> str:
    procs.assert_clean_failure(code, err)
    assert err.count("\n") == 1, err
    return err


# --- item 3: a redirect never takes the password to another origin -------------------------------------


def test_sign_in_redirected_to_another_origin_never_sends_the_password_there(servers, tmp_path):
    first, other = servers(), servers()
    first["routes"]["com.atproto.server.createSession"] = "redirect"
    first["redirect_to"] = other["url"]
    code, out, err, _ = accounts_add(tmp_path / "data", first["url"])
    one_sentence(code, err)
    assert [n for n, _ in first["seen"]] == ["com.atproto.server.createSession"]
    assert other["seen"] == [], "the password went to the other server"
    assert "redirect" in err and other["url"].removeprefix("http://") in err
    assert "refused the post" not in err and "draft" not in err
    nothing_stored(tmp_path / "data")


# --- item 4: plain http only to this computer ----------------------------------------------------------


def _own_address() -> str | None:
    """An address of this computer that is not loopback (its network card), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_plain_http_is_refused_unless_the_server_is_this_computer(tmp_path):
    address = _own_address()
    if address is None:
        pytest.skip("this computer has no network address besides loopback")
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            seen.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
            _answer(self, 500, b"{}")

    httpd = Server((address, 0), Handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        code, out, err, _ = accounts_add(tmp_path / "data", f"http://{address}:{httpd.server_address[1]}")
    finally:
        httpd.shutdown()
        httpd.server_close()
    one_sentence(code, err)
    assert seen == [], "the app password went out over plain http"
    assert "https://" in err and "plain http" in err
    nothing_stored(tmp_path / "data")


# --- item 10: an overall deadline on every call -------------------------------------------------------


def test_a_dripping_sign_in_ends_at_the_deadline_and_is_called_slow_not_offline(servers, tmp_path):
    server = servers()
    server["routes"]["com.atproto.server.createSession"] = "drip"
    code, out, err, took = accounts_add(tmp_path / "data", server["url"])
    one_sentence(code, err)
    assert took < 15, f"accounts add took {took:.1f} s against a dripping server"
    [listened] = server["dripped"]  # not tried again: a server too slow once is too slow again
    assert listened < DEADLINE + 1.5, f"the client listened {listened:.1f} s to the drip"
    assert "did not answer" in err and "sign-in" in err and f"{DEADLINE:.0f} s" in err
    assert "offline" not in err and "draft" not in err
    nothing_stored(tmp_path / "data")


# --- item 11: a cap on every answer -----------------------------------------------------------------


@pytest.mark.parametrize("route", ["huge", "huge-announced"])
def test_a_huge_sign_in_answer_is_cut_at_the_cap(servers, tmp_path, route):
    server = servers()
    server["routes"]["com.atproto.server.createSession"] = route
    code, out, err, took = accounts_add(tmp_path / "data", server["url"])
    one_sentence(code, err)
    assert "larger than" in err and "sign-in" in err
    assert server["sent"] < 32 * 1024**2, f"the client read {server['sent'] / 1e6:.0f} MB"
    nothing_stored(tmp_path / "data")


# --- a wrong-shape sign-in answer ------------------------------------------------------------------------


@pytest.mark.parametrize("route", ["html", "wrong-json", "not-a-dict"])
def test_a_wrong_shape_sign_in_answer_is_one_sentence(servers, tmp_path, route):
    server = servers()
    server["routes"]["com.atproto.server.createSession"] = route
    code, out, err, _ = accounts_add(tmp_path / "data", server["url"])
    one_sentence(code, err)
    assert "sign-in" in err and "validation error" not in err and "refused the post" not in err
    nothing_stored(tmp_path / "data")


# --- publishing through a proxy in front of the real PDS ---------------------------------------------


@pytest.fixture
def publishing(pds, servers, tmp_path, capsys, monkeypatch):
    """A data dir with one rendered photo draft and an account on the real PDS, signed in through the proxy."""
    proxy = servers(upstream=pds.url)
    me = pds.create_account("hostile")
    w = World(tmp_path, capsys, monkeypatch, ["A quiet morning by the lake"])
    me_via_proxy = dict(me)
    w.add_account(type("P", (), {"url": proxy["url"]}), me_via_proxy)
    draft = w.draft(1, [jpeg(tmp_path / "lake.jpg", 900, 900)], alts=["A lake at dawn"])
    return {"proxy": proxy, "me": me, "data": w.data, "draft": draft, "world": w}


def draft_row(data: Path, draft: int) -> tuple:
    with sqlite3.connect(data / "crosspost.db") as db:
        return db.execute("SELECT status, posted_uri, posted_url FROM drafts WHERE id = ?", [draft]).fetchone()


def publish(data: Path, draft: int) -> tuple[int, str, str, float]:
    started = time.monotonic()
    code, out, err = procs.run(data, "drafts", "publish", draft, "--json", timeout=90)
    return code, out, err, time.monotonic() - started


def test_a_dripping_record_look_up_ends_publishing_at_the_deadline(publishing, pds):
    proxy, data, draft = publishing["proxy"], publishing["data"], publishing["draft"]
    before = draft_row(data, draft)
    proxy["routes"]["com.atproto.repo.getRecord"] = "drip"
    code, out, err, took = publish(data, draft)
    assert code == 1 and "Traceback" not in err, err
    assert took < 15, f"drafts publish took {took:.1f} s against a dripping server"
    [listened] = proxy["dripped"]
    assert listened < DEADLINE + 1.5, f"the client listened {listened:.1f} s to the drip"
    assert "did not answer" in err and "offline" not in err
    assert draft_row(data, draft) == before
    assert pds.list_records(publishing["me"]["did"]) == []


@pytest.mark.parametrize("route", ["huge", "huge-announced"])
def test_a_huge_record_look_up_is_cut_at_the_cap(publishing, pds, route):
    proxy, data, draft = publishing["proxy"], publishing["data"], publishing["draft"]
    before = draft_row(data, draft)
    proxy["routes"]["com.atproto.repo.getRecord"] = route
    code, out, err, _ = publish(data, draft)
    assert code == 1 and "Traceback" not in err, err
    assert "larger than" in err and err.count("\n") == 1
    assert proxy["sent"] < 32 * 1024**2
    assert draft_row(data, draft) == before


@pytest.mark.parametrize("route", ["html", "wrong-json", "not-a-dict"])
def test_a_record_look_up_that_is_not_a_record_then_a_good_server(publishing, pds, route):
    proxy, data, draft = publishing["proxy"], publishing["data"], publishing["draft"]
    before = draft_row(data, draft)
    proxy["routes"]["com.atproto.repo.getRecord"] = route
    code, out, err, _ = publish(data, draft)
    assert code == 1 and "Traceback" not in err, err
    assert err.count("\n") == 1 and "TypeError" not in err and "KeyError" not in err
    assert "cannot read" in err and "unchanged" in err
    assert draft_row(data, draft) == before
    assert pds.list_records(publishing["me"]["did"]) == []

    del proxy["routes"]["com.atproto.repo.getRecord"]  # the server is good again
    code, out, err, _ = publish(data, draft)
    assert code == 0, err
    [result] = json.loads(out)
    [record] = pds.list_records(publishing["me"]["did"])
    assert record["uri"] == result["uri"] and record["value"]["text"].startswith("A quiet morning")
    assert draft_row(data, draft)[0] == "posted"


# --- sign-in failures are worded as sign-in failures -------------------------------------------------------


def test_sign_in_failures_never_speak_of_a_post_or_a_draft(servers, tmp_path):
    """``accounts add`` has no draft: a refusal, a server error and a closed port each say what happened
    to the sign-in and that nothing was stored."""
    server = servers()
    answers = {
        "refused": (400, {"error": "InvalidRequest", "message": "Input/identifier must be a string"}),
        "server": (500, {"error": "InternalServerError", "message": "Internal Server Error"}),
    }

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            status, body = answers[server["answer"]]
            _answer(self, status, json.dumps(body).encode())

    httpd = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    said = {}
    try:
        for answer in answers:
            server["answer"] = answer
            code, out, err, _ = accounts_add(tmp_path / "data", url)
            said[answer] = one_sentence(code, err)
    finally:
        httpd.shutdown()
        httpd.server_close()
    code, out, err, _ = accounts_add(tmp_path / "data", url)  # nothing listens there any more
    said["offline"] = one_sentence(code, err)
    assert "refused the sign-in (InvalidRequest: Input/identifier must be a string)" in said["refused"]
    assert "server error (500" in said["server"] and "Cannot reach" in said["offline"]
    for text in said.values():
        assert " post" not in text.removeprefix("crosspost:") and "draft" not in text, text
        assert "Nothing was stored" in text or "nothing was stored" in text, text
    nothing_stored(tmp_path / "data")
