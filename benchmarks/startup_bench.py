"""Window start-up benchmark (issue: desktop app).

Side by side, in fresh processes with the same interpreter set-up (offscreen Qt unless a display
is there): the time from starting the process until Crosspost's main window has had its first paint
through the event loop with its library (30 posts) in it, against the same for an empty QMainWindow,
rounds alternating. Goal: <= 1.5x
(issue 13: with the bundled fonts and the translations loaded). Also, for a 10,000-post library: the
time to the first paint of the window and the time a search takes. Goals: < 0.3 s and < 50 ms.

    python benchmarks/startup_bench.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each child reports when its first paint pass through the event loop is over: at the pass's first
# paint event (an event filter sees it before the widget does) it posts a call, which runs once the
# whole pass (the top-level window and its children, and the flush to the screen) is done. Both sides
# post it the same way, at the same moment, so what an app posts for after its first frame (Crosspost
# builds its editor then) comes after the mark, and what it does before that frame is counted. The
# parent times from just before it starts the process: both sides pay for the interpreter, the
# imports and Qt's start-up, as a person launching the app does.
FIRST_PAINT = """
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstPaint(QObject):
    def __init__(self, window, app):
        super().__init__()
        self.window, self.app, self.done = window, app, False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is self.window and not self.done:
            self.done = True
            # after this paint and the children's in the same pass
            QTimer.singleShot(0, lambda: (print("shown", flush=True), self.app.quit()))
        return False
"""

EMPTY = (
    FIRST_PAINT
    + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800)
spy = FirstPaint(w, app); w.installEventFilter(spy)
w.show()
app.exec()
"""
)

# Crosspost as `crosspost` with no command starts it (``show_window``), timed until the end of the
# first paint pass that painted the library's list with its posts (not just the window's frame): the
# mark is posted at each pass's first paint event and says "shown" only once a pass has painted the
# list with rows.
CROSSPOST = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from crosspost.gui.app import make_app, show_window
from crosspost.gui.window import MainWindow
from crosspost.paths import resolve

class LibraryPainted(QObject):
    def __init__(self, window, app):
        super().__init__()
        self.window, self.app, self.list = window, app, window.library.viewport()
        self.armed = self.library_painted = self.done = False
        window.installEventFilter(self)
        self.list.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            if not self.armed:  # the first paint event of a pass (the window's)
                self.armed = True
                QTimer.singleShot(0, self.pass_over)
            if watched is self.list and self.window.posts_model.rowCount() > 0:
                self.library_painted = True
        return False

    def pass_over(self):
        self.armed = False
        if self.library_painted and not self.done:
            self.done = True
            print("shown", flush=True)
            self.app.quit()

app = make_app()
w = MainWindow(resolve(sys.argv[1])); w.resize(1280, 800)
show_window(w)
# Watching the window (a pass's first paint is the top-level window's) and the list's viewport only,
# as the empty window's filter watches its window only (an application-wide filter would make every
# event of Crosspost's pay a Python call). The first paint comes in app.exec(), after this.
spy = LibraryPainted(w, app)
app.exec()
"""

LIBRARY = """
import sys, time
from crosspost.gui.app import make_app
from crosspost.gui.window import MainWindow
from crosspost.paths import resolve
app = make_app()
start = time.perf_counter()
w = MainWindow(resolve(sys.argv[1])); w.resize(1280, 800); w.show()
w.ensure_ready()  # the library filled, not just the window
app.processEvents()
w.grab()
paint = time.perf_counter() - start
times = []
for text in ("sourdough", "number 4242", "bread7", "nothing matches this", ""):
    t = time.perf_counter(); w.search.setText(text); app.processEvents(); times.append(time.perf_counter() - t)
w.library.scrollToBottom(); app.processEvents()
print(f"{paint} {max(times)} {w.posts_model.rowCount()}", flush=True)
"""


def launch(code: str, *args: str, env: dict[str, str] | None = None) -> float:
    if env is None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    line = proc.stdout.readline()  # printed right after the first paint
    elapsed = time.perf_counter() - start
    proc.stdout.close()
    proc.wait()
    assert line.strip() == "shown" and proc.returncode == 0
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sys.path.insert(0, str(ROOT / "tests"))
        from exports import build_export, sample_posts, write_zip

        small = Path(tmp) / "small"
        export = write_zip(Path(tmp) / "small.zip", build_export("json-2025", sample_posts(30)))
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        subprocess.run(
            [sys.executable, "-m", "crosspost", "--data-dir", str(small), "import", str(export)],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        empty, ours = [], []
        for _ in range(args.rounds):
            empty.append(launch(EMPTY))
            ours.append(launch(CROSSPOST, str(small)))
        a, b = statistics.median(ours), statistics.median(empty)
        print(
            f"process start to the first paint of the library (30 posts; the empty window: its first "
            f"paint), {args.rounds} rounds alternating (median / fastest)"
        )
        print(f"crosspost main window: {a:.3f} s / {min(ours):.3f} s")
        print(f"empty QMainWindow:     {b:.3f} s / {min(empty):.3f} s")
        print(f"ratio {a / b:.2f}x median, {min(ours) / min(empty):.2f}x fastest (goal <= 1.5x)")

        sys.path.insert(0, str(ROOT))
        from crosspost.paths import resolve
        from crosspost.store import open_store

        location = resolve(Path(tmp) / "big").ensure()
        store = open_store(location)
        with store.transaction():
            store.db.execute("INSERT INTO accounts (username) VALUES ('many')")
            store.db.conn.executemany(
                "INSERT INTO posts (account_id, created_at, caption, likes, updated_at) VALUES (1, ?, ?, ?, 'x')",
                [
                    (f"2020-01-01T00:00:00Z{i:06d}", f"Post number {i} about sourdough #bread{i % 50}", i)
                    for i in range(10000)
                ],
            )
        store.close()
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        out = subprocess.run(
            [sys.executable, "-c", LIBRARY, str(location.root)], env=env, capture_output=True, text=True, check=True
        )
        paint, search, rows = out.stdout.split()
        print(
            f"10,000-post library: window shown and painted in {float(paint):.3f} s (goal < 0.3 s), "
            f"slowest search {float(search) * 1000:.1f} ms (goal < 50 ms), {rows} rows"
        )


if __name__ == "__main__":
    main()
