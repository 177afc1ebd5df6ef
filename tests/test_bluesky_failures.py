"""Failures the local PDS cannot produce (it runs without rate limits or email sign-in codes), from a
real HTTP server on 127.0.0.1 answering ``com.atproto.server.createSession`` the way bsky.social does:
each is one clear sentence, exit 1, no traceback, nothing stored. Also: the record key format."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from bluesky_world import World

from crosspost.publishing.bluesky import new_tid


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)


@pytest.fixture
def answering():
    """A server whose createSession answers with (status, body, headers) set by the test."""
    state = {"answer": (500, {}, {}), "calls": 0}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state["calls"] += 1
            status, body, headers = state["answer"]
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state["url"] = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


def add(w, url):
    return w.run(
        "accounts",
        "add",
        "bluesky",
        "--handle",
        "someone.example",
        "--server",
        url,
        "--password-stdin",
        "--store-secret-in-file",
        stdin="abcd-efgh-ijkl-mnop\n",
    )


def test_login_failures_are_one_sentence_each(answering, tmp_path, capsys, monkeypatch):
    w = World(tmp_path, capsys, monkeypatch, ["hello"])
    reset = int(time.time()) + 3600
    answering["answer"] = (
        429,
        {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"},
        {"ratelimit-limit": "30", "ratelimit-remaining": "0", "ratelimit-reset": str(reset)},
    )
    code, out, err = add(w, answering["url"])
    local = dt.datetime.fromtimestamp(reset).strftime("%H:%M on %Y-%m-%d")
    assert code == 1 and f"wait until {local}" in err and "Traceback" not in err

    answering["answer"] = (401, {"error": "AuthFactorTokenRequired", "message": "A sign in code has been sent"}, {})
    code, out, err = add(w, answering["url"])
    assert code == 1 and "sign-in code" in err and "app password" in err

    answering["answer"] = (401, {"error": "AuthenticationRequired", "message": "Invalid identifier or password"}, {})
    code, out, err = add(w, answering["url"])
    assert code == 1 and "did not accept the handle and app password" in err

    answering["answer"] = (500, {"error": "InternalServerError", "message": "Internal Server Error"}, {})
    code, out, err = add(w, answering["url"])
    assert code == 1 and "server error (500" in err
    assert err.count("\n") == 1  # one sentence, one line

    assert not (w.data / "secrets.json").exists()
    code, listed, _ = w.run("accounts", "list", "--json")
    assert listed == []


def test_record_keys_are_tids():
    keys = [new_tid() for _ in range(50)]
    assert all(re.fullmatch(r"[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}", k) for k in keys)
    assert keys == sorted(keys) and len(set(keys)) == 50


def test_the_cli_names_the_command_that_fixes_a_publishing_failure(tmp_path, capsys, monkeypatch):
    """No account, a caption over the limit, an account that is not there: the core says what is wrong,
    the CLI adds the command that fixes it; nothing is posted or stored."""
    from media_files import jpeg

    long = " ".join(f"Sentence {i} is about the long walk along the cliffs this morning." for i in range(12))
    w = World(tmp_path, capsys, monkeypatch, ["Short and sweet", long])
    short, too_long = (w.draft(i, [jpeg(tmp_path / f"{i}.jpg", 900, 900)], alts=[f"photo {i}"]) for i in (1, 2))

    code, out, err = w.run("drafts", "publish", short, too_long, "--json")
    assert code == 1 and out == []
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in err
    assert lines[0] == (
        f"crosspost: draft {short}: There is no bluesky account in Crosspost. "
        "Add one with `crosspost accounts add bluesky --handle H`."
    )
    assert lines[1].startswith(f"crosspost: draft {too_long}: Draft {too_long} is not ready to publish: The body is ")
    assert lines[1].endswith(
        f"Shorten it, or publish it as a thread. To publish it as a thread: `crosspost drafts thread {too_long} on`."
    )

    code, out, err = w.run("accounts", "remove", "bluesky", "--handle", "nobody.example")
    assert code == 1 and err == (
        "crosspost: There is no bluesky account nobody.example in Crosspost. "
        "Add one with `crosspost accounts add bluesky --handle H`.\n"
    )
    code, listed, _ = w.run("drafts", "list", "--json")
    assert {d["id"]: d["status"] for d in listed}[short] != "posted"
