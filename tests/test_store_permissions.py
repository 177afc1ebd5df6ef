"""A store of private drafts is this user's alone (issue 22): the store file and its WAL are 0600, a
data folder Crosspost makes is 0700, and the app's own default folder is made 0700 even when an older
version left it open. A folder the person chose that already existed keeps its mode."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from exports import build_export, sample_posts, write_zip

from crosspost.cli.main import main
from crosspost.paths import resolve
from crosspost.store import open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix permission bits")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def umask_022():
    """The common default: without care every new file is 0644 and every folder 0755."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _import(data_dir: Path, tmp_path: Path) -> None:
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(2)))
    assert main(["--data-dir", str(data_dir), "import", str(export), "--json"]) == 0


def test_a_new_data_folder_and_store_are_user_only(tmp_path, umask_022, capsys):
    data = tmp_path / "new" / "data"
    _import(data, tmp_path)
    assert mode(data) == 0o700 and mode(data / "cache") == 0o700
    assert mode(data / "crosspost.db") == 0o600
    store = open_store(resolve(data))  # open: its write-ahead log and shared memory exist
    try:
        with store.transaction():
            store.set_setting("probe", "1")
        for name in ("crosspost.db-wal", "crosspost.db-shm"):
            assert (data / name).exists() and mode(data / name) == 0o600, name
    finally:
        store.close()


def test_a_chosen_folder_keeps_its_mode_but_the_store_is_private(tmp_path, umask_022, capsys):
    chosen = tmp_path / "shared-folder"
    chosen.mkdir(mode=0o755)
    chosen.chmod(0o755)
    _import(chosen, tmp_path)
    assert mode(chosen) == 0o755  # the person's folder: not ours to change
    assert mode(chosen / "crosspost.db") == 0o600
    assert mode(chosen / "cache") == 0o700  # the app's own subfolder


def test_an_older_open_store_is_made_private_on_opening(tmp_path, umask_022, capsys):
    data = tmp_path / "data"
    _import(data, tmp_path)
    (data / "crosspost.db").chmod(0o644)
    (data / "cache").chmod(0o755)
    assert main(["--data-dir", str(data), "posts", "list", "--json"]) == 0
    assert mode(data / "crosspost.db") == 0o600
    assert mode(data / "cache") == 0o700


def test_the_default_data_folder_is_made_user_only(tmp_path, umask_022, monkeypatch, capsys):
    """The platform's own Crosspost folder (not one the person chose) is Crosspost's: made 0700 when
    it is created, and tightened when an older version left it 0755."""
    monkeypatch.delenv("CROSSPOST_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cachehome"))
    location = resolve(None)
    assert str(location.root).startswith(str(tmp_path))
    store = open_store(location)
    store.close()
    assert mode(location.root) == 0o700 and mode(location.cache) == 0o700
    assert mode(location.db_path) == 0o600
    location.root.chmod(0o755)
    location.cache.chmod(0o755)
    store = open_store(resolve(None))
    store.close()
    assert mode(location.root) == 0o700 and mode(location.cache) == 0o700
    assert mode(tmp_path / "share") == 0o755  # the folders above it are the system's
