"""Fixtures for the real window, off-screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture
def window(qtbot, tmp_path):
    from crosspost.gui.window import MainWindow
    from crosspost.paths import resolve

    win = MainWindow(resolve(tmp_path / "data"))
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.ensure_ready()
    yield win
    # Jobs end first (cancelled or finished), so closing never stops to ask about them.
    win.runner.shutdown()
    QApplication.processEvents()  # pending layout and language-change events, while every widget lives
    win.close()
    win.deleteLater()


def screenshot(widget, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


@pytest.fixture
def app_context(qtbot, location):
    """The application context alone (qutebrowser style): a real store in a real data dir, a real task
    runner, typed settings. Views and dialogs are built on it without the main window."""
    from crosspost.gui.context import AppContext

    ctx = AppContext(location)
    ctx.runner.default_failure = lambda message, details: None  # no window to show the error dialog
    yield ctx
    ctx.runner.shutdown()
    QApplication.processEvents()
    ctx.close()


@pytest.fixture
def library_store(app_context, tmp_path):
    """Three posts of a real export imported into the context's store (the core's importer)."""
    from exports import build_export, sample_posts, write_zip

    from crosspost.importing import import_paths

    export = write_zip(tmp_path / "export.zip", build_export("json-2025", sample_posts(3)))
    result = import_paths(app_context.store, [str(export)])
    assert result.added == 3
    return app_context.store
