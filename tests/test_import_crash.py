"""``kill -9`` in the middle of an import, then a re-run: the same store as one clean run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import procs
from exports import build_export, sample_posts, write_zip


def _rows(db_path):
    conn = sqlite3.connect(db_path)
    rows = {
        "posts": conn.execute(
            "SELECT account_id, created_at, caption, likes, deleted, privacy FROM posts ORDER BY created_at"
        ).fetchall(),
        "media": conn.execute(
            "SELECT p.created_at, m.position, m.kind, m.url, m.expires_at FROM media m "
            "JOIN posts p ON p.id = m.post_id ORDER BY 1, 2"
        ).fetchall(),
        "accounts": conn.execute("SELECT username FROM accounts").fetchall(),
        "imports": conn.execute("SELECT layout, posts_seen, added FROM imports").fetchall(),
    }
    conn.close()
    return rows


def _import(data_dir, export):
    return subprocess.Popen(
        [sys.executable, "-m", "crosspost", "--data-dir", str(data_dir), "import", str(export)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )


def test_kill_during_import_then_rerun_equals_clean_run(tmp_path):
    export = write_zip(tmp_path / "big.zip", build_export("json-2025", sample_posts(20_000)))
    killed_dir, clean_dir = tmp_path / "killed", tmp_path / "clean"

    proc = _import(killed_dir, export)
    wal = killed_dir / "crosspost.db-wal"
    # Wait until the import is writing (the WAL grows past the schema), then kill it hard.
    procs.wait_for(
        lambda: proc.poll() is not None or (wal.exists() and wal.stat().st_size > 256 * 1024),
        60,
        "the import to start writing",
    )
    assert proc.poll() is None, "the import finished before it could be killed; make the export bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(killed_dir / "crosspost.db")  # the half-written transaction is gone
    assert conn.execute("SELECT count(*) FROM posts").fetchone()[0] == 0
    conn.close()

    rerun = _import(killed_dir, export)
    assert rerun.wait(timeout=300) == 0
    clean = _import(clean_dir, export)
    assert clean.wait(timeout=300) == 0
    killed_rows, clean_rows = _rows(killed_dir / "crosspost.db"), _rows(clean_dir / "crosspost.db")
    assert len(clean_rows["posts"]) == 20_000
    assert killed_rows == clean_rows
