"""Issue 24's smaller window items, each driven through the real widgets off-screen: Mark as posted
on the first click, the posted link shown in the queue, hand-offs offered only where the platform has
them, "Use this cover" saying what it did, the library keeping its width, and the media state said
once."""

from __future__ import annotations

import pytest
from exports import build_export, sample_posts, write_zip
from media_files import jpeg
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel


def import_sample(window, qtbot, tmp_path, n: int = 3) -> None:
    export = write_zip(tmp_path / "export.zip", build_export("json-2025", sample_posts(n)))
    with qtbot.waitSignal(window.importFinished, timeout=30000):
        window.import_paths([str(export)])


@pytest.fixture
def two_drafts(window, qtbot, tmp_path):
    """The window with a RedNote and a Bluesky draft of post 2 (a photo on disk), in the queue."""
    from crosspost.posts import attach_files

    import_sample(window, qtbot, tmp_path)
    attach_files(window.store, 2, [jpeg(tmp_path / "p.jpg", 900, 1200)])
    drafts = {}
    for platform in ("rednote", "bluesky"):
        with qtbot.waitSignal(window.draftCreated, timeout=30000) as created:
            window.ops.create_draft(2, platform, "original")
        drafts[platform] = created.args[0].draft.id
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 2)
    return window, drafts


def row_of(queue, draft_id: int) -> int:
    return next(i for i, c in enumerate(queue.model.drafts) if c.draft.id == draft_id)


def visible_texts(widget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisible() and w.text().strip()]


def test_the_media_box_says_the_media_state_once(window, qtbot, tmp_path):
    """The media box said "Not on this computer yet; the export's link works until …" above the strip
    and "No media on disk yet: fetch it or attach your own files." in it: one state, two sentences."""
    import_sample(window, qtbot, tmp_path)
    window.editor.load(1)
    box = window.editor.media_box
    qtbot.waitUntil(lambda: bool(window.editor.media_state.text()))
    QApplication.processEvents()  # widgets added to the strip are shown by a queued call
    texts = visible_texts(box)
    assert texts == [window.editor.media_state.text()], texts


def test_hand_offs_are_offered_only_where_the_platform_has_them(two_drafts, qtbot):
    window, drafts = two_drafts
    queue = window.queue
    creator, publish = queue.buttons["creator"], queue.buttons["publish"]
    steady = [b for k, b in queue.buttons.items() if k not in ("creator", "publish")]
    queue.select_draft(drafts["bluesky"])
    QApplication.processEvents()
    places = [b.mapTo(window, QPoint(0, 0)) for b in steady]
    assert queue.selected_ids() == [drafts["bluesky"]]
    assert not creator.isVisible()  # Bluesky has no creator upload page in its profile
    assert publish.isVisible() and publish.isEnabled()  # it has a publishing API
    queue.select_draft(drafts["rednote"])
    assert creator.isVisible() and creator.isEnabled() and creator.text() == "Open RedNote creator page"
    assert not publish.isVisible()  # RedNote is uploaded by hand
    QApplication.processEvents()
    assert [b.mapTo(window, QPoint(0, 0)) for b in steady] == places  # the others stay where they were
    queue.select_draft(drafts["bluesky"], add=True)  # both: only what both platforms have
    assert not creator.isVisible() and not publish.isVisible()
    # The buttons still shown keep their places on the lines (nothing overlaps a hidden one).
    shown = [b for b in queue.buttons.values() if b.isVisible()]
    assert len(shown) >= 6
    for a in shown:
        for b in shown:
            assert a is b or not a.geometry().intersects(b.geometry()), (a.text(), b.text())


SHARE_TEXT = "Alice 发布了一篇小红书笔记，快来看吧！ 😆 abc http://xhslink.com/a/AbCdEf，复制本条信息，打开【小红书】App查看精彩内容！"


def test_the_posted_link_is_shown_in_the_queue(two_drafts, qtbot):
    window, drafts = two_drafts
    queue = window.queue
    queue.select_draft(drafts["rednote"])
    assert not queue.details.isVisible()  # not posted yet: nothing to show
    dialog = queue.mark_posted()
    qtbot.waitUntil(dialog.isVisible)
    dialog.text.setPlainText(SHARE_TEXT)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(
        lambda: queue.model.drafts[row_of(queue, drafts["rednote"])].draft.status == "posted", timeout=30000
    )
    link = "http://xhslink.com/a/AbCdEf"
    # The status column's tooltip names the link …
    index = queue.model.index(row_of(queue, drafts["rednote"]), queue.model.COLUMNS.index("status"))
    assert link in index.data(Qt.ItemDataRole.ToolTipRole)
    # … and the selected draft's details carry it as a link to click.
    qtbot.waitUntil(lambda: queue.selected_ids() == [drafts["rednote"]] and queue.details.isVisible())
    assert f'href="{link}"' in queue.details.text() and queue.details.openExternalLinks()
    queue.select_draft(drafts["bluesky"])
    assert not queue.details.isVisible()


def test_mark_as_posted_opens_on_the_first_click(two_drafts, qtbot):
    """The walk's first click on Mark as posted… did nothing; clicks go through the window, as a
    mouse's would (press and release where the button is)."""
    window, drafts = two_drafts
    queue = window.queue
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    handle = window.windowHandle()

    def click_at(widget, pos: QPoint | None = None) -> None:
        where = widget.mapTo(window, pos if pos is not None else widget.rect().center())
        QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
        QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)

    rect = queue.table.visualRect(queue.model.index(row_of(queue, drafts["rednote"]), 4))
    click_at(queue.table.viewport(), rect.center())
    qtbot.waitUntil(lambda: queue.selected_ids() == [drafts["rednote"]])
    click_at(queue.buttons["copy_title"])
    qtbot.waitUntil(lambda: queue.toast.text() == "Title copied")
    click_at(queue.buttons["posted"])
    qtbot.waitUntil(lambda: getattr(queue, "mark_dialog", None) is not None and queue.mark_dialog.isVisible())


def test_use_this_cover_says_what_it_did(two_drafts, qtbot):
    window, drafts = two_drafts
    queue = window.queue
    cover = queue.cover
    queue.select_draft(drafts["rednote"])
    qtbot.waitUntil(lambda: cover.draft_id == drafts["rednote"] and cover.apply_button.isEnabled())
    assert not cover.done.isVisible()
    cover.style_box.setCurrentIndex(cover.style_box.findData("banner"))
    cover.text.setText("Sourdough day")
    cover.apply_button.click()
    # The line under the button says what happened, and the queue shows the saved cover again.
    qtbot.waitUntil(cover.done.isVisible)
    assert cover.done.text() == "Cover saved: Banner, “Sourdough day”. It is drawn when you render the draft."
    assert cover.draft_id == drafts["rednote"] and cover.style_box.currentData() == "banner"
    assert cover.text.text() == "Sourdough day"
    qtbot.waitUntil(lambda: not cover.preview_pending and not cover.preview.pixmap().isNull())  # drawn again
    cover.apply_button.click()  # nothing changed: it says so rather than nothing
    assert cover.done.text() == "The cover already looks like this."
    queue.select_draft(drafts["bluesky"])
    assert not cover.done.isVisible()  # about the other draft: gone with it


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_library_keeps_its_width_on_translate_and_platform_switch(window, qtbot, tmp_path, language):
    import_sample(window, qtbot, tmp_path, 5)
    window.set_language(language)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    editor = window.editor
    window.library.setCurrentIndex(window.posts_model.index(0))
    qtbot.waitUntil(lambda: editor.post_id is not None)
    QApplication.processEvents()
    width = window.splitter.widget(0).width()
    seen = {}
    for i in range(editor.platform.count()):
        editor.platform.setCurrentIndex(i)
        QApplication.processEvents()
        seen[editor.platform.currentData()] = window.splitter.widget(0).width()
    # A long translation typed in (as a translation would bring): the library stays as wide.
    editor.translation.setFocus()
    editor.translation.insertPlainText("清晨沿着河边跑步" * 12 + " #跑步 #最好的朋友 #周末")  # as pasted
    qtbot.waitUntil(lambda: editor.preview_title.text() != "")
    for i in range(editor.layout_switch.count()):
        editor.layout_switch.setCurrentIndex(i)
        QApplication.processEvents()
        seen[f"layout {i}"] = window.splitter.widget(0).width()
    for post in range(window.posts_model.rowCount()):
        window.library.setCurrentIndex(window.posts_model.index(post))
        QApplication.processEvents()
        seen[f"post {post}"] = window.splitter.widget(0).width()
    window.set_language("en")
    assert len(seen) > 5 and set(seen.values()) == {width}, (width, seen)


def test_ctrl_z_then_ctrl_d_offers_to_translate_first(window, qtbot, tmp_path):
    """The walk typed a translation, undid it with Ctrl+Z, and Ctrl+D made a bilingual draft at once
    (the post still marked "zh"). Keys only, through the window's own shortcuts."""
    from PySide6.QtWidgets import QMessageBox

    from crosspost.posts import get_post

    import_sample(window, qtbot, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.library.setCurrentIndex(window.posts_model.index(0))
    editor = window.editor
    qtbot.waitUntil(lambda: editor.post_id is not None)
    post = editor.post_id
    editor.layout_switch.setCurrentIndex(editor.layout_switch.findData("bilingual"))
    editor.translation.setFocus()
    qtbot.keyClicks(editor.translation, "my words")
    qtbot.waitUntil(lambda: get_post(window.store, post).translation("zh") is not None)
    qtbot.keyClick(editor.translation, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.translation.toPlainText() == "")
    assert get_post(window.store, post).translation("zh") is None  # no translation: not marked zh
    drafts_before = window.store.db.execute("SELECT count(*) FROM drafts").fetchone()[0]
    qtbot.keyClick(editor.translation, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window.ops, "question", None) is not None and window.ops.question.isVisible())
    assert window.ops.question.text().startswith("This post has no translation yet")
    window.ops.question.button(QMessageBox.StandardButton.Cancel).click()
    assert window.store.db.execute("SELECT count(*) FROM drafts").fetchone()[0] == drafts_before
    # Ctrl's release went to the question: let go of it, or it stays held for the next test.
    QTest.keyRelease(window.library, Qt.Key.Key_Control)
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
