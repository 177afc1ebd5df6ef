"""Fixtures for the real window, off-screen."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture
def window(qtbot, tmp_path):
    from crosspost.gui.window import MainWindow
    from crosspost.paths import resolve

    win = MainWindow(resolve(tmp_path / "data"))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.ensure_ready()
    yield win
    win.runner.shutdown()


def screenshot(widget, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path
