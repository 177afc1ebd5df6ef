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
