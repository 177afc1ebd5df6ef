"""Start-up (issue 25): the window's first frame on screen already has the library in it, not an
empty window that fills a second later."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from crosspost.cli.main import main


class FirstPaint(QObject):
    """What the window held when it was painted for the first time."""

    def __init__(self, window):
        super().__init__()
        self.window = window
        self.seen: dict | None = None

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint and watched is self.window and self.seen is None:
            model = getattr(self.window, "posts_model", None)
            library = getattr(self.window, "library", None)
            self.seen = {
                "rows": model.rowCount() if model is not None else 0,
                "library shown": library is not None and library.isVisibleTo(self.window),
                "menus": [a.text() for a in self.window.menuBar().actions()],
            }
        return False


def test_the_first_frame_shows_the_library(qtbot, tmp_path):
    from exports import build_export, sample_posts, write_zip

    from crosspost.gui.app import show_window
    from crosspost.gui.window import MainWindow
    from crosspost.paths import resolve

    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(12)))
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(export)]) == 0
    window = MainWindow(resolve(tmp_path / "data"))
    spy = FirstPaint(window)
    window.installEventFilter(spy)
    try:
        show_window(window)  # what `crosspost` with no command does
        qtbot.waitUntil(lambda: spy.seen is not None, timeout=10_000)
        menus = ["&File", "&Edit", "&View", "&Post", "D&raft", "&Tools", "&Help"]
        assert spy.seen == {"rows": 12, "library shown": True, "menus": menus}
        # Right after that frame, the rest: the editor with the first post, the queue, the actions.
        qtbot.waitUntil(lambda: window.is_ready, timeout=10_000)
        assert window.editor.post_id == window.library_pane.current_post_id() is not None
        assert window.splitter.widget(1) is window.editor_scroll and window.tabs.widget(1) is window.queue
        assert window.actions_["post.attach"] in window.menus["post"].actions()
    finally:
        window.removeEventFilter(spy)
        window.runner.shutdown()
        QApplication.processEvents()
        window.close()
        window.deleteLater()


def test_a_window_closed_before_its_first_frame_is_over_builds_nothing_more(qtbot, tmp_path):
    """Closed at once (the first frame painted, the rest not built yet): the rest is never built on a
    closed store, and nothing fails."""
    from exports import build_export, sample_posts, write_zip

    from crosspost.gui.app import show_window
    from crosspost.gui.window import MainWindow
    from crosspost.paths import resolve

    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(2)))
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(export)]) == 0
    window = MainWindow(resolve(tmp_path / "data"))
    show_window(window)
    assert not window.is_ready and window.posts_model.rowCount() == 2
    assert window.close()
    window.ensure_ready()  # what the first frame posted comes due after the close
    window.refresh()  # a change from outside after the close (the single-instance server)
    QApplication.processEvents()
    assert not window.is_ready and not window.ctx.store_open
    window.deleteLater()


# A fresh process: the test process has long loaded everything.
FIRST_FRAME_MODULES = """
import sys
from PySide6.QtCore import QEvent, QEventLoop, QObject
from crosspost.gui.app import make_app, show_window
from crosspost.gui.window import MainWindow
from crosspost.paths import resolve

class FirstPaint(QObject):
    seen = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is w and self.seen is None:
            self.seen = sorted(m for m in sys.modules if m.startswith(("crosspost", "sqlite_utils")))
        return False

app = make_app()
w = MainWindow(resolve(sys.argv[1]))
spy = FirstPaint()
w.installEventFilter(spy)
loop = QEventLoop()
w.readied.connect(loop.quit)
show_window(w)
if not w.is_ready:
    loop.exec()
print(" ".join(spy.seen))
w.runner.shutdown()
"""


def modules_of_a_fresh_start(tmp_path, code: str) -> set[str]:
    """What CODE prints (module names) when run in a fresh process on a data dir with 3 imported posts."""
    import os
    import subprocess
    import sys

    from exports import build_export, sample_posts, write_zip

    export = write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(3)))
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(export)]) == 0
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = {**os.environ, "PYTHONPATH": root, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return set(out.stdout.split())


def test_the_first_frame_is_built_from_the_library_alone(tmp_path):
    """The first frame needs the library, not the editor, the drafts queue, the operations or
    sqlite-utils (the store is read with sqlite3): they are built right after it (issue 25)."""
    loaded = modules_of_a_fresh_start(tmp_path, FIRST_FRAME_MODULES)
    assert {"crosspost.gui.window", "crosspost.gui.library_view", "crosspost.store"} <= loaded
    later = {"crosspost.gui.editor", "crosspost.gui.queue_view", "crosspost.gui.operations", "sqlite_utils"}
    assert not loaded & later, loaded & later


SHOWN_MODULES = """
import sys
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
from crosspost.gui.app import make_app, show_window
from crosspost.gui.window import MainWindow
from crosspost.paths import resolve
app = make_app()
w = MainWindow(resolve(sys.argv[1]))
loop = QEventLoop()
w.readied.connect(loop.quit)
show_window(w)
if not w.is_ready:
    loop.exec()  # the first frame, then the rest of the window built right after it
assert w.posts_model.rowCount() > 0
w.publisher.tick()  # the scheduler's first tick asks what is due next
print(" ".join(sorted(m for m in sys.modules if m.startswith(("httpx", "crosspost")))))
w.runner.shutdown()
"""


def test_start_up_loads_neither_the_network_stack_nor_the_importer(tmp_path):
    """The window's first frame and the scheduler's first tick need neither httpx (publishing) nor the
    importer (zip, JSON scanning, readers): each cost 0.05–0.17 s of every start before (issue 25)."""
    loaded = modules_of_a_fresh_start(tmp_path, SHOWN_MODULES)
    assert {"crosspost.gui.window", "crosspost.publishing.schedule", "crosspost.store"} <= loaded
    assert not {m for m in loaded if m.startswith("httpx")}
    assert "crosspost.publishing.publish" not in loaded
    assert "crosspost.importing.importer" not in loaded


def test_an_empty_store_file_kept_aside_is_said_in_the_window(qtbot, tmp_path):
    """A 0-byte store file is kept aside and a new store started (the CLI says so on stderr); the
    window says it too, in a dialog after the first frame: an empty library alone would say nothing."""
    from crosspost.gui.app import show_window
    from crosspost.gui.window import MainWindow
    from crosspost.paths import resolve

    data = tmp_path / "data"
    data.mkdir()
    (data / "crosspost.db").write_bytes(b"")
    window = MainWindow(resolve(data))
    try:
        show_window(window)
        qtbot.waitUntil(lambda: getattr(window, "store_notice_box", None) is not None, timeout=10_000)
        box = window.store_notice_box
        kept = [p for p in data.iterdir() if p.name.startswith("crosspost.db.empty-")]
        assert len(kept) == 1 and kept[0].stat().st_size == 0
        assert box.isVisible() and kept[0].name in box.text() and "0 bytes" in box.text()
        assert window.posts_model.rowCount() == 0 and window.store.notices == []
        box.accept()
    finally:
        window.runner.shutdown()
        QApplication.processEvents()
        window.close()
        window.deleteLater()
