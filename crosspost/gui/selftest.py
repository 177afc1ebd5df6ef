"""``crosspost --self-test [--screenshot FILE.png]``: the real main window (off-screen when there is
no display), the built-in sample export imported through the window's own import path, a draft made
and rendered through the window's own task runner, a screenshot of the library, exit 0 or 1."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosspost.records import CheckedDraft, Draft

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication


def run_self_test(screenshot: str | None = None, keep: bool = False) -> int:
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="crosspost-selftest-"))
    try:
        return _run(work, screenshot)
    except Exception as exc:  # noqa: BLE001 - a self-test reports every failure as a failure
        import traceback

        traceback.print_exc()
        print(f"self-test: FAILED ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def _wait(app: QCoreApplication, predicate: Callable[[], object], seconds: float = 120) -> bool:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(int(seconds * 1000))
    while not predicate():
        if deadline.hasExpired():
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return True


def _run(work: Path, screenshot: str | None) -> int:
    from crosspost.gui.app import make_app
    from crosspost.gui.window import MainWindow
    from crosspost.paths import resolve
    from crosspost.samples import make_sample

    app = make_app()
    export, media = make_sample(work / "sample")
    window = MainWindow(resolve(work / "data"))
    window.resize(1280, 800)
    window.show()
    window.ensure_ready()
    failures: list[str] = []
    window.runner.failed.connect(lambda _id, message, _details: failures.append(message))

    results: list[Any] = []
    window.importFinished.connect(results.append)
    window.import_paths([str(export)], media_dir=str(media))
    if not _wait(app, lambda: results or failures):
        print("self-test: the import did not finish in time", file=sys.stderr)
        return 1
    if failures:
        print(f"self-test: import failed: {failures[0]}", file=sys.stderr)
        return 1
    result = results[0]
    posts = window.posts_model.rowCount()
    print(f"self-test: imported {result.added} posts, {result.matched_media} media file(s) matched", file=sys.stderr)

    created: list = []
    window.draftCreated.connect(created.append)
    window.ops.create_draft(window.posts_model.post_id(0), "rednote", "original")
    if not _wait(app, lambda: created or failures) or failures:
        print(f"self-test: the draft could not be made: {failures[:1]}", file=sys.stderr)
        return 1
    draft = created[0].draft
    rendered: list = []
    window.runner.finished.connect(lambda _id, value: rendered.append(value))
    window.ops.render_draft(draft.id)

    def render_of_draft() -> Draft | None:
        return next((v.draft for v in rendered if isinstance(v, CheckedDraft) and v.draft.id == draft.id), None)

    if not _wait(app, lambda: render_of_draft() is not None or failures):
        print("self-test: rendering did not finish in time", file=sys.stderr)
        return 1
    if failures:
        print(f"self-test: rendering failed: {failures[0]}", file=sys.stderr)
        return 1
    final = render_of_draft()
    assert final is not None  # waited for above
    rendered_ok = all(Path(p).exists() for p in final.media_paths) and final.cover and Path(final.cover).exists()
    print(
        f"self-test: draft {final.id} for RedNote: status {final.status}, {len(final.media_paths)} rendered file(s)",
        file=sys.stderr,
    )

    window.tabs.setCurrentIndex(0)
    _wait(app, lambda: not window.runner.busy, 30)  # thumbnails
    app.processEvents()
    if screenshot:
        Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(screenshot)):
            print(f"self-test: could not save the screenshot to {screenshot}", file=sys.stderr)
            return 1
        print(f"self-test: screenshot saved to {screenshot}", file=sys.stderr)
    ok = result.added == 3 and posts == 3 and result.matched_media == 3 and rendered_ok and final.status == "ready"
    window.runner.shutdown()  # finish or cancel the last thumbnails, so closing asks nothing
    window.close()
    print("self-test: OK" if ok else "self-test: FAILED", file=sys.stderr)
    return 0 if ok else 1
