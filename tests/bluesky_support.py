"""A real local AT Protocol network for the Bluesky tests: PLC + PDS from ``@atproto/dev-env``
(``tests/pds``), started once per test session on this machine, plus helpers to make accounts and
read records back.

The fixture skips only when Node is missing; when ``tests/pds/node_modules`` is missing it runs
``npm ci`` itself (``scripts/run-tests.sh`` normally did that already).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

PDS_DIR = Path(__file__).parent / "pds"
BLOB_LIMIT = 100 * 1024 * 1024
_counter = itertools.count(1)


@dataclass
class Pds:
    url: str
    plc: str
    did: str
    process: subprocess.Popen

    def xrpc(self, nsid: str, token: str | None = None, **params):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        r = httpx.get(f"{self.url}/xrpc/{nsid}", params=params, headers=headers, timeout=30)
        assert r.status_code == 200, (nsid, r.status_code, r.text)
        return r.json()

    def procedure(self, nsid: str, body: dict, token: str | None = None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        r = httpx.post(f"{self.url}/xrpc/{nsid}", json=body, headers=headers, timeout=30)
        assert r.status_code == 200, (nsid, r.status_code, r.text)
        return r.json()

    def create_account(self, name: str | None = None) -> dict:
        """A fresh account with an app password: {handle, did, password, app_password, jwt}."""
        handle = f"{name or 'user'}{next(_counter)}-{os.getpid()}.test"
        password = "main-password-123"
        out = self.procedure(
            "com.atproto.server.createAccount",
            {"handle": handle, "email": f"{handle}@example.com", "password": password},
        )
        app = self.procedure("com.atproto.server.createAppPassword", {"name": "crosspost"}, out["accessJwt"])
        return {
            "handle": handle,
            "did": out["did"],
            "password": password,
            "app_password": app["password"],
            "jwt": out["accessJwt"],
        }

    def get_record(self, uri: str) -> dict:
        repo, collection, rkey = uri.removeprefix("at://").split("/")
        return self.xrpc("com.atproto.repo.getRecord", repo=repo, collection=collection, rkey=rkey)

    def list_records(self, did: str, collection: str = "app.bsky.feed.post") -> list[dict]:
        return self.xrpc("com.atproto.repo.listRecords", repo=did, collection=collection, limit=100)["records"]


def _npm_ci() -> None:
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: the Bluesky tests need Node 20 and npm to run a local PDS")
    env = dict(os.environ)
    if not env.get("npm_config_nodedir") and Path("/usr/include/node").is_dir():
        env["npm_config_nodedir"] = "/usr"
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"], cwd=PDS_DIR, env=env, check=True, stdout=sys.stderr, stderr=sys.stderr
    )


@contextlib.contextmanager
def running_pds(tmp: Path, blob_limit: int = BLOB_LIMIT):
    """Start PLC + PDS (data under TMP) and stop them on exit."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node is not installed: the Bluesky tests need Node 20 to run a local PDS (@atproto/dev-env)")
    if not (PDS_DIR / "node_modules" / "@atproto" / "dev-env").is_dir():
        _npm_ci()
    env = {
        **os.environ,
        "TMPDIR": str(tmp),
        "PDS_BLOB_UPLOAD_LIMIT": str(blob_limit),
        "LOG_ENABLED": "false",
        "NODE_ENV": "test",
    }
    log = open(tmp / "pds.log", "wb")
    process = subprocess.Popen(
        [node, "launch.js"], cwd=PDS_DIR, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log
    )
    line: list[bytes] = []
    reader = threading.Thread(target=lambda: line.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(180)
    if not line or not line[0].strip():
        process.kill()
        process.wait()
        process.stdout.close()
        process.stdin.close()
        log.close()
        raise RuntimeError("the local PDS did not start:\n" + (tmp / "pds.log").read_text(errors="replace")[-3000:])
    info = json.loads(line[0])
    try:
        yield Pds(info["pds"], info["plc"], info["did"], process)
    finally:
        try:
            process.stdin.close()
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        process.stdout.close()
        log.close()


@pytest.fixture(scope="session")
def pds(tmp_path_factory):
    """The local PDS shared by the session's Bluesky tests (100 MB blob limit, for videos)."""
    with running_pds(tmp_path_factory.mktemp("pds")) as server:
        yield server
