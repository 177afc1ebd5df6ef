"""Data location: --data-dir and CROSSPOST_DATA_DIR keep everything in one folder, nothing in home."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from exports import build_export, sample_posts, write_zip

from crosspost.cli.main import main
from crosspost.paths import resolve

ROOT = Path(__file__).resolve().parent.parent


def test_default_is_platformdirs_user_data_dir(isolated_home):
    location = resolve(None)
    assert location.root == isolated_home / ".local" / "share" / "Crosspost"
    assert location.cache == isolated_home / ".cache" / "Crosspost"
    assert location.db_path.name == "crosspost.db"


def test_env_var_and_option(monkeypatch, tmp_path):
    monkeypatch.setenv("CROSSPOST_DATA_DIR", str(tmp_path / "env"))
    assert resolve(None).root == tmp_path / "env"
    assert resolve(tmp_path / "opt").root == tmp_path / "opt"  # the option wins
    assert resolve(tmp_path / "opt").cache == tmp_path / "opt" / "cache"


def test_import_with_data_dir_writes_nothing_in_home(isolated_home, tmp_path, capsys):
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(2)))
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(export)]) == 0
    assert main(["--data-dir", str(tmp_path / "d"), "posts", "list", "--json"]) == 0
    assert (tmp_path / "d" / "crosspost.db").exists()
    assert list(isolated_home.rglob("*")) == []


def test_env_var_in_a_real_process_writes_nothing_in_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    export = write_zip(tmp_path / "e.zip", build_export("txt-posts", sample_posts(2)))
    env = {
        "HOME": str(home),
        "CROSSPOST_DATA_DIR": str(tmp_path / "d"),
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
    }
    for args in (["import", str(export)], ["posts", "list"], ["--version"]):
        done = subprocess.run(
            [sys.executable, "-m", "crosspost", *args], env=env, capture_output=True, text=True, cwd=ROOT
        )
        assert done.returncode == 0, done.stderr
    assert list(home.rglob("*")) == []
    assert (tmp_path / "d" / "crosspost.db").exists()
