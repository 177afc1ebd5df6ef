"""The whole journey in the window, driven only through widgets: mouse clicks, key presses and drop
events (no core call, no CLI). From an empty data dir: drop the export → the expiry banner → fetch
every file from a local HTTP server (or, with expired links, attach your own files) → drop a photo on
a post → install a language pack from its dialog → translate the selection → edit title, topics and
planned time → drafts for two posts → render → export → mark one posted with RedNote share text.
Then the bundles on disk and the store are checked. ``pytest -m journey`` runs exactly these."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cdn import serving
from exports import build_export, sample_posts, write_zip
from gui.conftest import screenshot
from media_files import jpeg, video
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QFileSystemModel, QLineEdit

from crosspost.posts import get_post

pytestmark = pytest.mark.journey

SHARE_TEXT = (
    "37 小明发布了一篇小红书笔记，快来看吧！ 😆 AbCdEf 😆 http://xhslink.com/a/AbCdEf，"
    "复制本条信息，打开【小红书】App查看精彩内容！"
)
WAIT = 60000


# --- a CDN on 127.0.0.1 -----------------------------------------------------------------------------
@pytest.fixture
def cdn(tmp_path):
    """Serves a real MP4 for every ``….mp4`` link and a real JPEG for every ``….jpeg`` link."""
    clip = video(tmp_path / "cdn-clip.mp4", 360, 640, seconds=1.0).read_bytes()
    photo = jpeg(tmp_path / "cdn-photo.jpg", 900, 1200).read_bytes()
    with serving(photo, clip) as served:
        yield served


# --- widget helpers ---------------------------------------------------------------------------------
def _event(cls, pos, mime):
    try:  # PySide6 >= 6.12 takes a QPointF
        return cls(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    except TypeError:
        return cls(
            pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )


def drop(widget, paths, pos: QPointF | None = None) -> None:
    """Drag local files over WIDGET and drop them at POS (its centre by default), as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = pos or QPointF(widget.width() / 2, widget.height() / 2)
    enter = _event(QDragEnterEvent, pos, mime)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    move = _event(QDragMoveEvent, pos, mime)
    QApplication.sendEvent(widget, move)
    assert move.isAccepted()
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    assert event.isAccepted()


def row_point(window, row: int) -> QPointF:
    rect = window.library.visualRect(window.posts_model.index(row))
    return QPointF(rect.center())


def click_row(qtbot, window, row: int, ctrl: bool = False) -> None:
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(window.library.viewport(), Qt.MouseButton.LeftButton, modifier, row_point(window, row).toPoint())


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_menu(qtbot, window, menu, action) -> None:
    """Open MENU from the menu bar and click ACTION in it."""
    bar = window.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    assert action.isEnabled(), action.text()
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def answer_file_dialog(qtbot, parent, path) -> None:
    """Type PATH into the open file chooser and press Enter."""
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QFileDialog)), timeout=10000)
    dialog = next(d for d in parent.findChildren(QFileDialog) if d.isVisible())
    paths = [str(p) for p in (path if isinstance(path, list) else [path])]
    folder = Path(paths[0]).parent
    dialog.setDirectory(str(folder))  # as if the person went to the folder
    # The chooser lists a folder in the background: wait until it shows what the person will pick.
    listing = dialog.findChild(QFileSystemModel)
    wanted = {Path(p).name for p in paths}

    def listed() -> bool:
        root = listing.index(str(folder))
        return wanted <= {listing.index(r, 0, root).data() for r in range(listing.rowCount(root))}

    qtbot.waitUntil(listed, timeout=10000)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.clear()
    qtbot.keyClicks(
        name,
        " ".join(f'"{Path(p).name}"' for p in paths)
        if len(paths) > 1
        else (Path(paths[0]).name if Path(paths[0]).is_file() else paths[0]),
    )
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    accept = next(b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
    popup = QApplication.activePopupWidget()
    if popup is not None:
        popup.hide()
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)


def paste(qtbot, widget, text: str) -> None:
    """TEXT arrives the way non-Latin text does in a test: copied elsewhere, then Ctrl+V."""
    QApplication.clipboard().setText(text)
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=WAIT)
    QApplication.processEvents()


# --- the journey ------------------------------------------------------------------------------------
def make_export(tmp_path, base: str | None, expires: int | None):
    posts = sample_posts(3)
    posts[1].images = 2  # a slideshow of two photos
    for p in posts:
        p.media_base = base
        if expires is not None:
            p.expires = expires
    return write_zip(tmp_path / "TikTok_Data.zip", build_export("json-2025", posts)), posts


def shoot(window, step: str, name: str) -> None:
    screenshot(window, f"journey-{name}-{step}")


def import_and_banner(qtbot, window, export, name):
    assert window.pages.currentIndex() == 0
    shoot(window, "01-welcome", name)
    with qtbot.waitSignal(window.importFinished, timeout=WAIT):
        drop(window, [export])
    idle(qtbot, window)
    assert window.pages.currentIndex() == 1 and window.posts_model.rowCount() == 3
    panel = window.import_panel
    assert panel.isVisible() and "3 new posts" in panel.text.text()
    assert window.expiry_banner.isVisible()
    shoot(window, "02-imported", name)


def install_pack_and_translate(qtbot, window, argos_packs, name, rows=(0, 1)):
    click_menu(qtbot, window, window.actions_.menus["tools"], window.actions_["tools.languages"])
    qtbot.waitUntil(lambda: any(d.isVisible() for d in _pack_dialogs(window)), timeout=10000)
    dialog = next(d for d in _pack_dialogs(window) if d.isVisible())
    click(qtbot, dialog.install_button)
    answer_file_dialog(qtbot, dialog, argos_packs[("en", "zh")])
    idle(qtbot, window)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 1).text() == "Chinese (Simplified)"
    screenshot(dialog, f"journey-{name}-05-language-pack")
    click(qtbot, dialog.close_buttons.button(QDialogButtonBox.StandardButton.Close))
    # Translate the selection: two posts, picked with a click and a Ctrl+click.
    click_row(qtbot, window, rows[0])
    click_row(qtbot, window, rows[1], ctrl=True)
    assert len(window.selected_post_ids()) == 2
    click(qtbot, window.editor.translate_button)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.editor.translation.toPlainText()), timeout=WAIT)
    shoot(window, "06-translated", name)


def _pack_dialogs(window):
    from crosspost.gui.dialogs import LanguagePacksDialog

    return window.findChildren(LanguagePacksDialog)


def edit_title_topics_plan(qtbot, window, name) -> int:
    editor = window.editor
    post_id = editor.post_id
    qtbot.mouseClick(editor.title_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.title_edit, "River run at dawn")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    qtbot.mouseClick(editor.new_topic, Qt.MouseButton.LeftButton)
    paste(qtbot, editor.new_topic, "晨跑")  # typed with an input method: pasted here
    qtbot.keyClick(editor.new_topic, Qt.Key.Key_Return)
    assert "晨跑" in editor.topics
    qtbot.mouseClick(editor.planned_check, Qt.MouseButton.LeftButton, pos=editor.planned_check.rect().center())
    assert editor.planned.isEnabled()
    qtbot.mouseClick(editor.planned, Qt.MouseButton.LeftButton, pos=editor.planned.rect().topLeft() + QPoint(8, 8))
    before = editor.planned.dateTime()
    field = editor.planned.findChild(QLineEdit)
    qtbot.keyClick(field, Qt.Key.Key_Home)  # the first section: the year
    qtbot.keyClick(field, Qt.Key.Key_Up)  # planned one year later
    assert editor.planned.dateTime() == before.addYears(1)
    # The plan and the notes are saved a moment after the last change: wait until the store has them.
    planned = editor.planned.dateTime().toString("yyyy-MM-ddTHH:mm")
    qtbot.waitUntil(
        lambda: (get_post(window.store, post_id).planned_at or "").replace(" ", "T") == planned, timeout=WAIT
    )
    qtbot.mouseClick(editor.notes, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.notes, "Post after the morning run")
    qtbot.waitUntil(lambda: get_post(window.store, post_id).notes == "Post after the morning run", timeout=WAIT)
    shoot(window, "07-edited", name)
    return post_id, editor.planned.dateTime().toString("yyyy-MM-ddTHH:mm")


def drafts_render_export_post(qtbot, window, tmp_path, name):
    editor, queue = window.editor, window.queue
    assert editor.platform.currentData() == "rednote" and editor.layout_switch.currentData() == "bilingual"
    # The tiny test language pack writes long translations: "Translation only" keeps bodies in RedNote's limit.
    qtbot.keyClick(editor.layout_switch, Qt.Key.Key_Up)
    assert editor.layout_switch.currentData() == "translated"
    created = []
    window.draftCreated.connect(created.append)
    click(qtbot, editor.draft_button)
    qtbot.waitUntil(lambda: len(created) == 2, timeout=WAIT)
    assert window.tabs.currentIndex() == 1 and len(queue.selected_ids()) == 2
    # made, not rendered yet: the status bar doesn't call them ready
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "2 drafts created in the Drafts queue.")
    shoot(window, "08-drafts", name)
    click(qtbot, queue.buttons["render"])
    idle(qtbot, window)
    qtbot.waitUntil(
        lambda: len(queue.model.drafts) == 2 and all(c.draft.status == "ready" for c in queue.model.drafts),
        timeout=WAIT,
    ) if all(c.ok for c in queue.model.drafts) else pytest.fail(
        str([(c.draft.status, c.problems) for c in queue.model.drafts])
    )
    assert len(queue.selected_ids()) == 2
    shoot(window, "09-rendered", name)
    out = tmp_path / "out"
    out.mkdir()
    click(qtbot, queue.buttons["export"])
    with qtbot.waitSignal(window.exportFinished, timeout=WAIT):
        answer_file_dialog(qtbot, queue, out)
    result = window.ops.export_result
    qtbot.waitUntil(result.isVisible)
    click(qtbot, result.copy_button)
    assert QApplication.clipboard().text() == str(out)
    assert result.notice.text() == "Path copied."
    click(qtbot, result.show_button)  # no file manager off-screen: the path is shown instead
    assert str(out) in result.notice.text() or result.notice.text() == "Opened in your file manager."
    screenshot(result, f"journey-{name}-10-exported")
    click(qtbot, result.close_button)
    # Mark the first draft posted with what RedNote's share button copies.
    queue.table.clearSelection()
    first = queue.model.drafts[0].draft.id
    rect = queue.table.visualRect(queue.model.index(0, 1))
    qtbot.mouseClick(queue.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert queue.selected_ids() == [first]
    click(qtbot, queue.buttons["copy_title"])
    assert queue.toast.text() == "Title copied"
    click(qtbot, queue.buttons["posted"])
    dialog = queue.mark_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.text, "no link in this")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert dialog.isVisible() and dialog.text.toPlainText() == "no link in this" and dialog.problem.text()
    dialog.text.selectAll()
    qtbot.keyClick(dialog.text, Qt.Key.Key_Delete)
    paste(qtbot, dialog.text, SHARE_TEXT)  # what RedNote's Share → Copy link put on the clipboard
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    idle(qtbot, window)
    qtbot.waitUntil(lambda: any(c.draft.status == "posted" for c in queue.model.drafts), timeout=WAIT)
    shoot(window, "11-posted", name)
    return out, first


def check_results(window, out: Path, posted: int, edited: tuple[int, str], media_counts: dict[int, int]):
    """The bundles on disk and the store."""
    from crosspost.drafts.store import get_draft, list_drafts
    from crosspost.posts import get_post

    store = window.store
    edited_post, planned = edited
    drafts = {c.draft.post_id: c.draft for c in list_drafts(store)}
    assert len(drafts) == 2 and edited_post in drafts
    bundles = sorted(p for p in out.iterdir() if p.is_dir())
    assert len(bundles) == 2
    by_draft = {}
    for b in bundles:
        import json

        data = json.loads((b / "draft.json").read_text(encoding="utf-8"))
        by_draft[data["post"]] = (b, data)
    for post_id, d in drafts.items():
        bundle, data = by_draft[post_id]
        files = sorted(p.name for p in bundle.iterdir())
        media = [f for f in files if f[:2].isdigit()]
        assert len(media) == media_counts[post_id], files
        assert "cover.jpg" in files and "caption.txt" in files
        caption = (bundle / "caption.txt").read_text(encoding="utf-8")
        if post_id == edited_post:
            assert caption.splitlines()[0] == "River run at dawn"
            assert "#晨跑" in caption
            assert data["title"] == "River run at dawn" and "晨跑" in data["topics"]
            assert d.planned_at is not None and d.notes == "Post after the morning run"
            post = get_post(store, post_id)
            assert post.title == "River run at dawn" and post.planned_at == d.planned_at
            assert d.planned_at == planned and planned.endswith("T18:00")
        assert data["lang"] == "zh" and data["layout"] == "translated"
    done = get_draft(store, posted)
    assert done.status == "posted" and done.posted_url == "http://xhslink.com/a/AbCdEf"
    others = [d for d in drafts.values() if d.id != posted]
    assert [d.status for d in others] == ["exported"]


@pytest.mark.qt_log_ignore(
    "does not support QPlatformServices::openDocument",
    "does not support grabbing the keyboard",
    r"does not support raise\(\)",
)
def test_journey_with_working_links(window, qtbot, tmp_path, cdn, argos_packs):
    base, served = cdn
    expires = int((dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=6, hours=1)).timestamp())
    export, posts = make_export(tmp_path, base, expires)
    name = "links"
    import_and_banner(qtbot, window, export, name)
    banner = window.expiry_banner
    assert "expire in 6 days" in banner.text.text() and banner.fetch_button.isVisible()
    assert not banner.attach_button.isVisible()
    assert "link valid until" in window.posts_model.index(0).data()
    shoot(window, "03-banner", name)

    click(qtbot, banner.fetch_button)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT)
    assert len(served) == 4  # two videos and the slideshow's two photos
    assert all("on disk" in window.posts_model.index(r).data() for r in range(3))

    # A photo dropped onto the slideshow post attaches to it and shows in the strip at once.
    slideshow = next(r for r in range(3) if "🖼" in window.posts_model.index(r).data())
    click_row(qtbot, window, slideshow)
    slideshow_post = window.editor.post_id
    qtbot.waitUntil(lambda: not window.editor.previews_pending, timeout=WAIT)  # previews decode off the GUI thread
    strip_before = _strip_count(window)
    photo = jpeg(tmp_path / "my-photo.jpg", 1080, 1440)
    drop(window.library.viewport(), [photo], row_point(window, slideshow))
    idle(qtbot, window)
    qtbot.waitUntil(lambda: _strip_count(window) == strip_before + 1, timeout=WAIT)
    assert window.editor.media_state.text() == "Every file is on this computer (3)."
    shoot(window, "04-photo-attached", name)

    others = [r for r in range(3) if r != slideshow]
    install_pack_and_translate(qtbot, window, argos_packs, name, rows=(others[0], slideshow))
    edited = edit_title_topics_plan(qtbot, window, name)
    assert edited[0] == slideshow_post
    out, posted = drafts_render_export_post(qtbot, window, tmp_path, name)
    first_other = window.posts_model.post_id(others[0])
    check_results(window, out, posted, edited, {slideshow_post: 3, first_other: 1})


@pytest.mark.qt_log_ignore(
    "does not support QPlatformServices::openDocument",
    "does not support grabbing the keyboard",
    r"does not support raise\(\)",
)
def test_journey_with_expired_links(window, qtbot, tmp_path, argos_packs):
    export, posts = make_export(tmp_path, "https://v16-webapp-prime.tiktokv.com", None)  # expired 2025-01-04
    name = "expired"
    import_and_banner(qtbot, window, export, name)
    banner = window.expiry_banner
    assert "expired on 4 Jan 2025" in banner.text.text()
    assert banner.attach_button.isVisible() and not banner.fetch_button.isVisible()
    assert "link expired" in window.posts_model.index(0).data()
    shoot(window, "03-banner", name)

    # The slideshow: its two photos through the banner's "Attach files…" and the file chooser.
    slideshow = next(r for r in range(3) if "🖼" in window.posts_model.index(r).data())
    click_row(qtbot, window, slideshow)
    slideshow_post = window.editor.post_id
    first = jpeg(tmp_path / "slide-1.jpg", 1080, 1440)
    second = jpeg(tmp_path / "slide-2.jpg", 1080, 1440, subject_at=(0.3, 0.6))
    click(qtbot, banner.attach_button)
    answer_file_dialog(qtbot, window, [first, second])
    idle(qtbot, window)
    qtbot.waitUntil(lambda: _strip_count(window) == 2, timeout=WAIT)
    # A video: its own file dropped onto its row.
    clip_row = next(r for r in range(3) if r != slideshow)
    clip = video(tmp_path / "my-clip.mp4", 360, 640, seconds=1.0)
    drop(window.library.viewport(), [clip], row_point(window, clip_row))
    idle(qtbot, window)
    clip_post = window.posts_model.post_id(clip_row)
    qtbot.waitUntil(lambda: "on disk" in window.posts_model.index(clip_row).data(), timeout=WAIT)
    shoot(window, "04-files-attached", name)

    install_pack_and_translate(qtbot, window, argos_packs, name, rows=(clip_row, slideshow))
    edited = edit_title_topics_plan(qtbot, window, name)
    assert edited[0] == slideshow_post
    out, posted = drafts_render_export_post(qtbot, window, tmp_path, name)
    check_results(window, out, posted, edited, {slideshow_post: 2, clip_post: 1})


def _strip_count(window) -> int:
    from PySide6.QtWidgets import QLabel

    strip = window.editor.media_strip
    widgets = [strip.itemAt(i).widget() for i in range(strip.count())]
    return sum(
        1
        for w in widgets
        if w is not None
        and w is not window.editor.no_media_label
        and not (isinstance(w, QLabel) and w.pixmap().isNull())
    )
