"""Building Crosspost data dirs with Bluesky drafts for the tests against the local PDS."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from exports import Post, build_export, write_zip

from crosspost.cli.main import main


def cli(capsys, *args, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        import io

        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    try:
        return code, json.loads(out.out), out.err
    except ValueError:
        return code, out.out, out.err


class World:
    """One data dir: posts imported from a TikTok export (captions chosen by the test), media attached,
    a Bluesky account added (app password kept in the opted-in file: these tests run with keyring's
    ``fail`` backend, so no keyring exists)."""

    def __init__(self, tmp: Path, capsys, monkeypatch, captions: list[str]):
        self.tmp, self.capsys, self.monkeypatch = tmp, capsys, monkeypatch
        self.data = tmp / "data"
        self.data.mkdir(exist_ok=True)
        self.d = ["--data-dir", str(self.data)]
        start = dt.datetime(2024, 11, 2, 9, 30, 0)
        posts = [Post(date=start + dt.timedelta(days=i), caption=c, likes=i) for i, c in enumerate(captions)]
        export = write_zip(tmp / "export.zip", build_export("json-2025", posts))
        code, out, err = self.run("import", export, "--json")
        assert code == 0, err

    def run(self, *args, stdin=None):
        return cli(self.capsys, *self.d, *args, stdin=stdin, monkeypatch=self.monkeypatch)

    def add_account(self, pds, account, *extra):
        code, out, err = self.run(
            "accounts",
            "add",
            "bluesky",
            "--handle",
            account["handle"],
            "--server",
            pds.url,
            "--password-stdin",
            "--store-secret-in-file",
            "--json",
            *extra,
            stdin=account["app_password"] + "\n",
        )
        assert code == 0, err
        return out

    def draft(
        self,
        post_id: int,
        files: list[Path],
        *,
        alts: list[str] | None = None,
        layout="original",
        lang: str | None = None,
    ) -> int:
        code, out, err = self.run("posts", "attach", post_id, *files, "--json")
        assert code == 0, err
        code, drafts, err = self.run(
            "drafts",
            "create",
            post_id,
            "--platform",
            "bluesky",
            "--layout",
            layout,
            *(["--lang", lang] if lang else []),
            "--json",
        )
        assert code == 0, err
        draft_id = drafts[0]["id"]
        code, out, err = self.run("drafts", "render", draft_id, "--json")
        assert code == 0, err
        for n, alt in enumerate(alts or [], 1):
            if alt:
                code, out, err = self.run("drafts", "alt", draft_id, n, alt)
                assert code == 0, err
        return draft_id
