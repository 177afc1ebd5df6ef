"""The real window off-screen: drop → posts, cancel, editor undo/redo, counters, language switch,
the queue, a 10,000-post library, and screenshots of each view."""

from __future__ import annotations

import time

import pytest
from exports import build_export, sample_posts, write_zip
from gui.conftest import screenshot
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from crosspost.gui.editor import NEAR, OK, OVER


def drop_files(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    try:  # PySide6 >= 6.12 takes a QPointF (the QPoint form is deprecated there); older ones a QPoint
        enter = QDragEnterEvent(
            pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
    except TypeError:
        enter = QDragEnterEvent(
            pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def test_welcome_then_drop_imports(window, qtbot, tmp_path):
    assert window.pages.currentIndex() == 0  # the welcome page with the drop zone
    screenshot(window, "welcome")
    export = write_zip(tmp_path / "export.zip", build_export("json-2025", sample_posts(6)))
    with qtbot.waitSignal(window.importFinished, timeout=30000) as blocker:
        drop_files(window, [export])
    assert blocker.args[0].added == 6
    assert window.pages.currentIndex() == 1
    assert window.posts_model.rowCount() == 6
    assert "Morning run" in window.posts_model.data(window.posts_model.index(0))


def test_drop_of_something_else_is_explained(window, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "crosspost.gui.operations.show_error", lambda parent, message, details="": shown.append(message)
    )
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    drop_files(window, [photo])
    assert shown and "not a TikTok export" in shown[0]


def test_bad_export_shows_a_message_not_a_traceback(window, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "crosspost.gui.window.show_error", lambda parent, message, details="": shown.append((message, details))
    )
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"not a zip at all")
    with qtbot.waitSignal(window.taskFailed, timeout=10000):
        window.import_paths([str(bad)])
    qtbot.waitUntil(lambda: bool(shown))
    assert "not a zip file" in shown[0][0] and shown[0][1] == ""


def test_cancel_mid_import_leaves_store_unchanged(window, qtbot, tmp_path):
    export = write_zip(tmp_path / "big.zip", build_export("json-2025", sample_posts(20000)))
    task_id = window.import_paths([str(export)])
    with qtbot.waitSignal(window.runner.progress, timeout=30000):
        pass
    with qtbot.waitSignal(window.runner.cancelled, timeout=60000):
        window.runner.cancel(task_id)
    assert window.store.db.execute("SELECT count(*) FROM posts").fetchone()[0] == 0
    assert window.pages.currentIndex() == 0


@pytest.fixture
def with_posts(window, qtbot, tmp_path):
    export = write_zip(tmp_path / "export.zip", build_export("json-2025", sample_posts(5)))
    with qtbot.waitSignal(window.importFinished, timeout=30000):
        window.import_paths([str(export)])
    return window


def test_editor_undo_redo_is_stored(with_posts, qtbot):
    window = with_posts
    editor = window.editor
    post_id = editor.post_id
    assert post_id is not None
    editor.translation.setPlainText("早上在河边跑步 #running")
    stored = lambda: window.store.db.execute(  # noqa: E731
        "SELECT text, edited FROM translations WHERE post_id = ? AND lang = 'zh'", [post_id]
    ).fetchone()
    assert stored() == ("早上在河边跑步 #running", 1)
    editor.original.setPlainText("A new caption of mine #running")
    caption = lambda: window.store.db.execute("SELECT caption FROM posts WHERE id = ?", [post_id]).fetchone()[0]  # noqa: E731
    assert caption() == "A new caption of mine #running"
    window.actions_["edit.undo"].trigger()
    assert caption() != "A new caption of mine #running" and editor.original.toPlainText() == caption()
    window.actions_["edit.undo"].trigger()
    assert stored() is None  # the post had no translation before it was typed: it has none again
    window.actions_["edit.redo"].trigger()
    assert stored()[0] == "早上在河边跑步 #running" and editor.translation.toPlainText() == "早上在河边跑步 #running"
    window.actions_["edit.redo"].trigger()
    assert caption() == "A new caption of mine #running"


def test_counters_change_colour_at_the_limit(with_posts, qtbot):
    editor = with_posts.editor
    editor.layout_switch.setCurrentIndex(0)  # original
    editor.original.setPlainText("Short title")
    editor.refresh_preview()
    assert editor.title_counter.property("state") == "ok" and editor.title_counter.text() == "5.5 / 20 units"
    editor.original.setPlainText("Exactly thirty-six characters long!!")  # 18 units: within 10% of 20
    editor.refresh_preview()
    assert editor.title_counter.property("state") == "near" and NEAR in editor.title_counter.styleSheet()
    # Topics: RedNote takes 10; the 11th turns the counter red.
    editor.topics = [f"t{i}" for i in range(11)]
    editor.refresh_preview()
    assert editor.topics_counter.text() == "11 / 10 topics" and OVER in editor.topics_counter.styleSheet()
    # Bodies over 1,000 characters turn red, near it amber.
    editor.original.setPlainText("word " * 210)
    editor.refresh_preview()
    assert editor.body_counter.property("state") == "over" and OVER in editor.body_counter.styleSheet()
    editor.original.setPlainText("word " * 185)
    editor.refresh_preview()
    assert editor.body_counter.property("state") == "near" and NEAR in editor.body_counter.styleSheet()
    editor.original.setPlainText("word " * 10)
    editor.refresh_preview()
    assert editor.body_counter.property("state") == "ok" and OK in editor.body_counter.styleSheet()


def test_language_switch_retranslates_the_window(with_posts, qtbot):
    window = with_posts
    assert window.tabs.tabText(0) == "Library"
    window.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.tabs.tabText(0) == "作品库")
        assert window.actions_.menus["file"].title() == "文件(&F)"
        assert window.editor.translate_button.text() == "翻译"
        assert window.queue.buttons["render"].text() == "生成媒体"
        window.editor.translation.setPlainText("早上和最好的朋友在河边跑步！🏃‍♀️\n#跑步 #健身")
        screenshot(window, "editor-chinese")
    finally:
        window.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Library")


# Opening the exported folder in a file manager: the off-screen platform has none and says so.
@pytest.mark.qt_log_ignore("does not support QPlatformServices::openDocument")
def test_queue_render_and_copy(with_posts, qtbot, tmp_path):
    window = with_posts
    from media_files import jpeg

    from crosspost.posts import attach_files

    photo = jpeg(tmp_path / "p.jpg", 900, 1200)
    attach_files(window.store, 2, [photo])
    with qtbot.waitSignal(window.draftCreated, timeout=30000) as created:
        window.ops.create_draft(2, "instagram", "original")
    draft = created.args[0].draft
    assert window.tabs.currentIndex() == 1
    assert window.queue.model.rowCount() == 1
    with qtbot.waitSignal(window.runner.finished, timeout=60000):
        window.ops.render_draft(draft.id)
    qtbot.waitUntil(lambda: window.queue.model.drafts and window.queue.model.drafts[0].draft.status == "ready")
    window.queue.table.selectRow(0)
    window.queue.buttons["copy_title"].click()
    assert QApplication.clipboard().text() == window.queue.model.drafts[0].draft.title
    screenshot(window, "queue")
    out = tmp_path / "bundles"
    with qtbot.waitSignal(window.exportFinished, timeout=30000):
        window.queue.export_selected(str(out))  # the same path as the button, with the folder chosen
    bundles = [p for p in out.iterdir() if p.is_dir()]
    assert len(bundles) == 1
    assert (bundles[0] / "caption.txt").exists()
    assert window.queue.model.drafts[0].draft.status == "exported"


def test_language_dialog(window, qtbot, argos_packs):
    dialog = window.open_languages()
    with qtbot.waitSignal(window.runner.finished, timeout=30000):
        dialog.install_path(str(argos_packs[("en", "zh")]))
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "Chinese (Simplified)"
    screenshot(dialog, "language-packs")
    dialog.close()


def test_ten_thousand_posts_open_and_scroll(qtbot, tmp_path):
    from crosspost.gui.window import MainWindow
    from crosspost.paths import resolve
    from crosspost.store import open_store

    location = resolve(tmp_path / "big").ensure()
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
    start = time.perf_counter()
    window = MainWindow(location)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.ensure_ready()
    assert window.posts_model.rowCount() == 10000
    last = window.posts_model.index(9999)
    # The view lays out in batches; scrolling to the end reaches the last post.
    qtbot.waitUntil(
        lambda: (window.library.scrollTo(last), window.library.visualRect(last).isValid())[1], timeout=10000
    )
    assert window.library.viewport().rect().intersects(window.library.visualRect(last))
    assert time.perf_counter() - start < 30  # generous: speed is measured in benchmarks/startup_bench.py
    window.search.setText("number 4242")
    assert window.posts_model.rowCount() == 1
    screenshot(window, "library-10k")
    window.runner.shutdown()


def test_drag_the_crop_window_and_render_with_it(with_posts, qtbot, tmp_path):
    from media_files import scene
    from PIL import Image, ImageStat
    from PySide6.QtCore import QPoint

    from crosspost.gui.editor import CropPreview
    from crosspost.posts import attach_files

    window = with_posts
    wide = tmp_path / "wide.png"
    scene(1600, 600, subject_at=(0.1, 0.5)).save(wide)  # the subject at the far left
    attach_files(window.store, 4, [wide])
    window.library.setCurrentIndex(window.posts_model.index(window.posts_model.row_of(4)))
    window.editor.fit.setCurrentIndex(window.editor.fit.findData("crop"))
    qtbot.waitUntil(lambda: not window.editor.previews_pending, timeout=10000)  # decoded off the GUI thread
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the previous strip's widgets
    previews = window.editor.findChildren(CropPreview)
    assert len(previews) == 1
    preview = previews[0]
    with qtbot.waitSignal(preview.focusChanged):
        qtbot.mousePress(preview, Qt.MouseButton.LeftButton, pos=QPoint(85, 85))
        qtbot.mouseMove(preview, QPoint(5, 85))
        qtbot.mouseRelease(preview, Qt.MouseButton.LeftButton, pos=QPoint(5, 85))
    fx, fy = window.store.db.execute(
        "SELECT focus_x, focus_y FROM media WHERE post_id = 4 AND path IS NOT NULL"
    ).fetchone()
    assert fx == 0.0 and fy == 0.5
    with qtbot.waitSignal(window.draftCreated, timeout=30000) as created:
        window.ops.create_draft(4, "rednote", "original")
    draft = created.args[0].draft
    with qtbot.waitSignal(window.runner.finished, timeout=60000):
        window.ops.render_draft(draft.id)
    from crosspost.drafts.store import get_draft

    path = get_draft(window.store, draft.id).media[0].rendered
    from crosspost.media.images import render_image
    from crosspost.media.targets import Target

    other_side = render_image(wide, tmp_path / "right.jpg", Target(1080, 1440, "crop"), focus=(1.0, 0.5)).path

    def detail(p):
        with Image.open(p) as image:
            return ImageStat.Stat(image.convert("L")).stddev[0]

    # The left edge, where the subject is, made it into the crop; the right edge holds only sky.
    assert detail(path) > 2 * detail(other_side)
