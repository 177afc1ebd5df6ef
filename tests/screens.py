"""Screens for Qt's off-screen platform: the tests that need a given screen size make one."""

from __future__ import annotations

import json
import os
import tempfile


def offscreen_screen(width: int, height: int, dpr: float = 1.0) -> str:
    """A QT_QPA_PLATFORM value for Qt's off-screen platform with one screen of WIDTH×HEIGHT device
    pixels (window frames of 2 px, as a window manager adds), for the tests that need a given screen."""
    folder = tempfile.mkdtemp(prefix="crosspost-screen-")
    path = os.path.join(folder, "screen.json")
    screen = {"name": f"test-{width}x{height}", "x": 0, "y": 0, "width": width, "height": height, "dpr": dpr}
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"windowFrameMargins": True, "screens": [screen]}, f)
    return f"offscreen:configfile={path}"
