"""Starting the window: the Qt application, the UI language, a clear message when the platform's
libraries are missing, logging of unexpected errors to the data dir."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from crosspost.paths import DataLocation, resolve

if TYPE_CHECKING:
    from types import TracebackType

    from PySide6.QtCore import QMessageLogContext, QtMsgType
    from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from crosspost.gui.window import MainWindow

# What Qt's xcb platform plugin needs on Linux (see shared/docs/linux-desktop.md).
XCB_LIBRARIES = [
    "xcb-cursor",
    "xkbcommon-x11",
    "xcb-icccm",
    "xcb-keysyms",
    "xcb-image",
    "xcb-render-util",
    "xcb-xinerama",
    "xcb-shape",
    "EGL",
    "GL",
]
DEBIAN_PACKAGES = (
    "libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 "
    "libxcb-render-util0 libxcb-xinerama0 libxcb-shape0 libegl1 libgl1"
)


def missing_linux_libraries() -> list[str]:
    import ctypes.util

    return [name for name in XCB_LIBRARIES if ctypes.util.find_library(name) is None]


def prepare_platform() -> str | None:
    """Choose the Qt platform before the QApplication exists; a message when the window cannot open."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            return "no-display"
        if os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            missing = missing_linux_libraries()
            if missing:
                return (
                    "Crosspost's window needs some system libraries that are missing: "
                    f"{', '.join(missing)}. On Debian or Ubuntu install them with:\n"
                    f"  sudo apt-get install {DEBIAN_PACKAGES}"
                )
    return None


# Qt messages that say nothing to a user (the off-screen platform logs this on every window).
QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def _qt_messages(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not any(quiet in message for quiet in QUIET_QT_MESSAGES):
        print(message, file=sys.stderr)


def make_app(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        qInstallMessageHandler(_qt_messages)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Crosspost")
    app.setOrganizationName("Crosspost")
    app.setApplicationDisplayName("Crosspost")
    from crosspost.gui.font_files import load_bundled_fonts

    load_bundled_fonts(app)  # Chinese and emoji never as boxes, whatever the system has
    return app


def setup_logging(location: DataLocation) -> None:
    import logging

    location.ensure()
    handler = logging.FileHandler(location.log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("crosspost")
    if not any(isinstance(h, logging.FileHandler) for h in logger.handlers):
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def run_app(data_dir: str | None = None, paths: list[str] | None = None) -> int:
    problem = prepare_platform()
    if problem == "no-display":
        print(
            "crosspost: there is no display to open the window on. Use the commands instead "
            "(`crosspost --help`), or run it inside a desktop session.",
            file=sys.stderr,
        )
        return 1
    if problem:
        print(f"crosspost: {problem}", file=sys.stderr)
        return 1
    location = resolve(data_dir)
    setup_logging(location)
    app = make_app()
    from crosspost.gui.single_instance import InstanceServer, hand_over, raise_window

    if hand_over(location, list(paths or [])):
        return 0  # the window already open on this data dir has the paths now, and is raised
    server = InstanceServer(location)
    server.listen()
    from crosspost.gui.window import MainWindow

    window = MainWindow(location)  # it applies the saved UI language first
    server.setParent(window)

    def received(paths: list[str]) -> None:
        raise_window(window)
        window.open_paths(paths)

    server.pathsReceived.connect(received)

    def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        import traceback

        from crosspost.gui.dialogs import show_error

        details = "".join(traceback.format_exception(kind, value, tb))
        show_error(window, f"{kind.__name__}: {value}", details)

    sys.excepthook = excepthook
    show_window(window)
    if paths:
        window.open_paths(list(paths))
    return app.exec()


def show_window(window: MainWindow) -> None:
    """Show WINDOW: its first frame on screen has the menu bar and the library with its posts (built
    in ``MainWindow()``); the editor, the drafts queue and the menus' actions are built right after
    that frame (``MainWindow.ensure_ready``)."""
    window.show()


def main_gui() -> int:
    """The ``crosspost-gui`` entry point (no console window on Windows)."""
    import multiprocessing

    multiprocessing.freeze_support()
    return run_app(os.environ.get("CROSSPOST_DATA_DIR"), sys.argv[1:])
