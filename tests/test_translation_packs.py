"""Language packs: install (validated first), list, remove, the index from a local HTTP server,
download with resume, offline honesty — and argostranslate never writing to the home directory."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
import zipfile

import pytest

from crosspost.cli.main import main


@pytest.fixture
def index_server(argos_packs, monkeypatch):
    pack = argos_packs[("en", "fr")].read_bytes()
    state = {"cut_first": True, "requests": []}

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            state["requests"].append((self.path, self.headers.get("Range")))
            if self.path == "/index.json":
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                body = json.dumps(
                    [
                        {
                            "type": "translate",
                            "from_code": "en",
                            "to_code": "fr",
                            "from_name": "English",
                            "to_name": "French",
                            "package_version": "1.0",
                            "links": [f"{base}/en_fr.argosmodel"],
                            "size": len(pack),
                            "sha256": hashlib.sha256(pack).hexdigest(),
                        },
                        {
                            "type": "translate",
                            "from_code": "en",
                            "to_code": "de",
                            "package_version": "1.2",
                            "links": [f"{base}/missing.argosmodel"],
                        },
                    ]
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            if self.path != "/en_fr.argosmodel":
                self.send_error(404)
                return
            start = int(self.headers["Range"].split("=")[1].split("-")[0]) if self.headers.get("Range") else 0
            self.send_response(206 if start else 200)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(len(pack) - start))
            self.end_headers()
            if state["cut_first"] and not start:
                state["cut_first"] = False
                self.wfile.write(pack[: len(pack) // 2])
                self.wfile.flush()
                self.connection.close()
                return
            self.wfile.write(pack[start:])

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    monkeypatch.setenv("CROSSPOST_ARGOS_INDEX", f"http://127.0.0.1:{httpd.server_address[1]}/")
    yield state
    httpd.shutdown()
    httpd.server_close()


def cli(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_install_list_remove(data_dir, argos_packs, capsys, isolated_home):
    d = ["--data-dir", str(data_dir)]
    code, out, _ = cli(capsys, *d, "languages", "install", str(argos_packs[("en", "zh")]), "--json")
    assert code == 0 and json.loads(out)["from"] == "en"
    code, out, _ = cli(capsys, *d, "languages", "list", "--json")
    pairs = json.loads(out)
    assert [(p["from"], p["to"], p["version"], p["installed"]) for p in pairs] == [("en", "zh", "1.0", True)]
    code, out, _ = cli(capsys, *d, "languages", "remove", "en", "zh")
    assert code == 0
    code, out, _ = cli(capsys, *d, "languages", "list", "--json")
    assert json.loads(out) == []
    assert list(isolated_home.rglob("*")) == []  # argostranslate wrote nothing to the home


def _junk(tmp_path, kind, argos_packs):
    path = tmp_path / f"{kind}.argosmodel"
    if kind == "not-zip":
        path.write_bytes(b"this is not a pack")
    elif kind == "two-folders":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("a/metadata.json", "{}")
            z.writestr("b/model/model.bin", "x")
    elif kind == "no-model":
        with zipfile.ZipFile(argos_packs[("en", "zh")]) as src, zipfile.ZipFile(path, "w") as z:
            for item in src.infolist():
                if "model.bin" not in item.filename:
                    z.writestr(item, src.read(item))
    elif kind == "corrupt-model":
        with zipfile.ZipFile(argos_packs[("en", "zh")]) as src, zipfile.ZipFile(path, "w") as z:
            for item in src.infolist():
                data = src.read(item)
                z.writestr(item, b"garbage" * 10 if item.filename.endswith("model.bin") else data)
    elif kind == "missing":
        path = tmp_path / "nope.argosmodel"
    return path


@pytest.mark.parametrize("kind", ["not-zip", "two-folders", "no-model", "corrupt-model", "missing"])
def test_junk_is_refused_and_nothing_half_installed(data_dir, argos_packs, tmp_path, capsys, kind):
    code, _, err = cli(
        capsys, "--data-dir", str(data_dir), "languages", "install", str(_junk(tmp_path, kind, argos_packs))
    )
    assert code == 1 and err.startswith("crosspost: ") and "Traceback" not in err
    packages = data_dir / "languages" / "packages"
    assert not packages.exists() or list(packages.iterdir()) == []


def test_available_and_download_with_resume(data_dir, index_server, capsys):
    d = ["--data-dir", str(data_dir)]
    code, out, _ = cli(capsys, *d, "languages", "available", "--json")
    assert code == 0
    listed = {(p["from"], p["to"]): p for p in json.loads(out)}
    assert listed[("en", "fr")]["installed"] is False and ("en", "de") in listed
    # The first attempt is cut half-way; the retry resumes with a Range request.
    code, out, err = cli(capsys, *d, "languages", "download", "en", "fr", "--json")
    assert code == 0, err
    assert json.loads(out)["to"] == "fr"
    ranges = [r for p, r in index_server["requests"] if p == "/en_fr.argosmodel"]
    assert ranges[0] is None and ranges[-1] is not None and ranges[-1].startswith("bytes=")
    code, out, _ = cli(capsys, *d, "languages", "list", "--json")
    assert [(p["from"], p["to"]) for p in json.loads(out)] == [("en", "fr")]
    code, _, err = cli(capsys, *d, "languages", "download", "en", "de")
    assert code == 1 and "could not be downloaded" in err


def test_offline_index_says_so(data_dir, index_server, monkeypatch, capsys):
    d = ["--data-dir", str(data_dir)]
    monkeypatch.setenv("CROSSPOST_ARGOS_INDEX", "http://127.0.0.1:9/")  # nothing listens there
    code, _, err = cli(capsys, *d, "languages", "available")
    assert code == 1 and "cannot be reached" in err and "languages install" in err
    assert not (data_dir / "cache" / "argos-index.json").exists()


def test_offline_index_falls_back_to_the_saved_copy(data_dir, index_server, monkeypatch, capsys):
    d = ["--data-dir", str(data_dir)]
    assert cli(capsys, *d, "languages", "available")[0] == 0
    monkeypatch.setenv("CROSSPOST_ARGOS_INDEX", "http://127.0.0.1:9/")
    code, out, err = cli(capsys, *d, "languages", "available", "--json")
    assert code == 0 and "cannot be reached right now" in err
    assert {(p["from"], p["to"]) for p in json.loads(out)} == {("en", "fr"), ("en", "de")}
