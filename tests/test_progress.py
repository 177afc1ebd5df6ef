"""Progress on stderr: a bar on a terminal, silence in pipes; cancellation tokens."""

from __future__ import annotations

import io

import pytest
from exports import build_export, sample_posts, write_zip

from crosspost.cli.common import ProgressBar
from crosspost.errors import Cancelled
from crosspost.importing import import_paths
from crosspost.progress import CancelToken, Progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_draws_on_a_terminal():
    stream = FakeTerminal()
    bar = ProgressBar("Importing", stream=stream, min_interval=0)
    bar(Progress(5, 10, "reading export.zip"))
    bar(Progress(10, 10, "saving posts"))
    bar.close()
    text = stream.getvalue()
    assert "Importing [###############---------------]  50.0% reading export.zip" in text
    assert "100.0% saving posts" in text and text.endswith("\n")


def test_bar_is_silent_in_a_pipe():
    stream = io.StringIO()
    bar = ProgressBar("Importing", stream=stream, min_interval=0)
    bar(Progress(5, 10))
    bar.close()
    assert stream.getvalue() == ""


def test_cancel_during_import_leaves_store_unchanged(store, tmp_path):
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(300)))
    token = CancelToken()

    def cancel_while_saving(progress: Progress) -> None:
        if progress.message.startswith("saving") and progress.done > 100:
            token.cancel()

    with pytest.raises(Cancelled):
        import_paths(store, [export], progress=cancel_while_saving, cancel=token)
    assert store.db.execute("SELECT count(*) FROM posts").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM imports").fetchone()[0] == 0
    assert import_paths(store, [export]).added == 300
