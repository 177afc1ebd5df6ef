"""Issue 13, a window that feels native: fonts that never show boxes, layout at any size, the
keyboard, a complete 简体中文 UI, and the small things. The real window off-screen (pytest-qt)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from exports import Post, build_export, sample_posts, write_zip
from gui.conftest import screenshot
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QTableWidget,
    QTabWidget,
    QWidget,
)
from screens import offscreen_screen

ROOT = Path(__file__).resolve().parents[2]
DEJAVU = "/usr/share/fonts/truetype/dejavu"


@pytest.fixture
def posts_window(window, qtbot, tmp_path):
    """The window with 5 posts and one deleted on TikTok, the library showing."""
    import datetime as dt

    posts = sample_posts(5) + [
        Post(date=dt.datetime(2023, 5, 1, 8, 0), caption="An old one I deleted #gone", deleted=True)
    ]
    export = write_zip(tmp_path / "export.zip", build_export("json-2025", posts))
    with qtbot.waitSignal(window.importFinished, timeout=30000):
        window.import_paths([str(export)])
    qtbot.waitUntil(lambda: window.editor.post_id is not None)
    return window


def inside_window(window, widget) -> bool:
    """WIDGET is shown and wholly within the window's visible area."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return (
        window.rect().contains(top_left)
        and window.rect().contains(top_left + QPoint(widget.width() - 1, widget.height() - 1))
        and widget.visibleRegion().boundingRect().size() == widget.size()
    )  # not clipped by a scroll view


def settle(qtbot, window) -> None:
    """Background work done, then the layout at rest: wrapping layouts take several rounds of events
    to settle, so wait until no widget has moved or resized across two looks in a row."""
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30000)
    shots: list[list] = []

    def at_rest() -> bool:
        QApplication.sendPostedEvents()
        shots.append([(w, w.geometry().getRect(), w.isVisible()) for w in window.findChildren(QWidget)])
        return len(shots) >= 3 and shots[-1] == shots[-2] == shots[-3]

    qtbot.waitUntil(at_rest, timeout=10000)


# --- 1. fonts ---------------------------------------------------------------------------------------
FONT_PROBE = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    def draw(text, font):
        image = QImage(200, 60, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        p = QPainter(image)
        p.setFont(font)
        p.setPen(QColor("black"))
        p.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
        p.end()
        return image

    app = QApplication([])
    from crosspost.gui import fonts
    before = fonts.missing_scripts()
    if sys.argv[1] == "app":
        from crosspost.gui.app import make_app
        make_app()
    font = QFont(app.font())
    font.setPixelSize(32)
    families = fonts.load_bundled_fonts() if sys.argv[1] == "app" else []
    out = {"before": before, "after": fonts.missing_scripts(), "families": families}
    for text in ("小红书", "🎨"):
        tofu = "\\U0010FFFD" * len(text)
        out[text] = {"glyphs": fonts.has_glyphs(text, font), "differs_from_box": draw(text, font) != draw(tofu, font)}
    out["packages"] = fonts.font_packages(["cjk", "emoji"])
    print(json.dumps(out))
""")


def run_with_only_dejavu(tmp_path, mode: str) -> dict:
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{DEJAVU}</dir><cachedir>{tmp_path / "fc-cache"}</cachedir></fontconfig>
""")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", FONT_PROBE, mode], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not Path(DEJAVU).is_dir(), reason="needs Debian's fonts-dejavu-core")
def test_chinese_and_emoji_are_glyphs_with_a_fontconfig_that_knows_only_dejavu(tmp_path):
    plain = run_with_only_dejavu(tmp_path, "plain")
    # Without the app's fonts the system has neither: the check (and the hint) sees it ...
    assert plain["before"] == ["cjk", "emoji"] and plain["after"] == ["cjk", "emoji"]
    assert not plain["小红书"]["glyphs"] and not plain["🎨"]["glyphs"]
    assert "fonts-noto-cjk" in plain["packages"] or "Noto Sans CJK" in plain["packages"]
    # ... and with them both are drawn as real glyphs, not the missing-glyph box of U+10FFFD.
    app = run_with_only_dejavu(tmp_path, "app")
    assert app["families"] == ["Noto Sans CJK SC", "Noto Color Emoji"]  # Regular and Bold: one family
    assert app["after"] == []
    for text in ("小红书", "🎨"):
        assert app[text] == {"glyphs": True, "differs_from_box": True}, text


def test_the_font_hint_names_the_package_and_can_be_dismissed(window, qtbot):
    from crosspost.gui.fonts import FontHint, font_hint_for

    hint = FontHint(window.settings, ["cjk", "emoji"], window)
    qtbot.addWidget(hint)
    assert "fonts-noto-cjk" in hint.label.text() and "fonts-noto-color-emoji" in hint.label.text()
    hint.show()
    hint.close_button.click()
    assert not hint.isVisible()
    assert font_hint_for(window.settings) is None  # closed once: never again
    # On this machine (fonts bundled and installed) the window shows no hint at all.
    assert getattr(window, "font_hint", None) is None


def test_every_character_of_the_chinese_ui_is_in_the_bundled_font(qapp):
    from PySide6.QtGui import QRawFont

    font = QRawFont(str(ROOT / "crosspost" / "resources" / "fonts" / "NotoSansSC-Regular-subset.otf"), 16)
    assert font.isValid() and font.familyName() == "Noto Sans CJK SC"
    text = (ROOT / "resources" / "i18n" / "crosspost_zh_CN.ts").read_text(encoding="utf-8")
    chars = {c for t in re.findall(r"<(?:translation|numerusform)>(.*?)</", text, re.S) for c in t if ord(c) >= 0x2E80}
    missing = sorted(c for c in chars if not font.supportsCharacter(ord(c)))
    assert len(chars) > 250 and not missing
    for common in "小红书发布草稿翻译的一是不了人我在有他这中大来上个国":
        assert font.supportsCharacter(ord(common))


def test_packaging_ships_the_fonts_and_their_licence():
    spec = (ROOT / "packaging" / "crosspost.spec").read_text()
    assert 'collect_data_files("crosspost")' in spec  # resources/fonts and gui/i18n/*.qm ride along
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert '"resources/**/*"' in pyproject and '"gui/i18n/*.qm"' in pyproject
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import third_party_notices
    finally:
        sys.path.pop(0)
    notices = third_party_notices.render_with_licences()
    for needle in (
        "NotoSansSC-Regular-subset.otf",
        "NotoSansSC-Bold-subset.otf",
        "NotoColorEmoji.ttf",
        "SIL OPEN FONT LICENSE Version 1.1",
    ):
        assert needle in notices


# --- 2. layout --------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [(1440, 900), (1024, 700)])
def test_eleven_topic_chips_wrap_and_never_widen_the_window(posts_window, qtbot, size):
    window, editor = posts_window, posts_window.editor
    window.resize(*size)
    settle(qtbot, window)
    for i in range(11):
        editor.new_topic.setText(f"#averylongtopicname{i}")
        QTest.keyClick(editor.new_topic, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert len(editor.topics) >= 11
    assert (window.width(), window.height()) == size
    assert window.minimumSizeHint().width() <= 1024
    rows = {chip.y() for chip in editor.chips_box.findChildren(QAbstractButton) if chip.isVisible()}
    assert len(rows) >= 2  # wrapped onto new lines
    assert inside_window(window, editor.translate_button) and inside_window(window, editor.draft_button)
    assert inside_window(window, editor.chips_box)
    # removing them all lets it be as before
    editor.topics = []
    editor.refresh_preview()
    settle(qtbot, window)
    assert (window.width(), window.height()) == size


def test_every_view_fits_at_1024_by_700(posts_window, qtbot):
    window = posts_window
    window.resize(1024, 700)
    settle(qtbot, window)
    assert window.size().width() == 1024 and window.size().height() == 700
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 700
    assert window.search.width() >= 150  # "Search captions…" stays readable, not "S…"
    for widget in (
        window.search,
        window.library,
        window.editor.translate_button,
        window.editor.draft_button,
        window.editor.original,
        window.editor.translation,
    ):
        assert inside_window(window, widget), widget
    window.tabs.setCurrentIndex(1)
    settle(qtbot, window)
    for button in window.queue.buttons.values():
        assert inside_window(window, button), button.text()
    for dialog in (window.open_settings(), window.open_languages(), window.show_shortcuts()):
        qtbot.addWidget(dialog)
        size = dialog.sizeHint().expandedTo(dialog.size())
        assert size.width() <= 1024 and size.height() <= 700
        dialog.close()


def test_library_rows_fit_chinese_and_emoji_with_two_caption_lines_at_most(posts_window, qtbot):
    from crosspost.gui.library_delegate import CAPTION_LINES, line_height, wrapped_lines
    from crosspost.gui.models import ROLE_DELETED

    window = posts_window
    view = window.library
    font = view.font()
    row_height = view.sizeHintForRow(0)
    assert row_height >= 2 * line_height(font) + CAPTION_LINES * line_height(font) * 0.9
    assert line_height(font) >= view.fontMetrics().height()  # the CJK/emoji fallbacks are counted
    long = "早上在河边跑步，天气很好 🏃‍♀️ " * 20
    lines = wrapped_lines(long, font, 220, CAPTION_LINES)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert wrapped_lines("短", font, 220, CAPTION_LINES) == ["短"]
    # emoji count twice in Qt's positions: the lines still break between words
    emoji = "Hello RedNote! 👋 I moved here from TikTok 🏃‍♀️ and I'm learning Chinese every day"
    for width in (120, 160, 200, 260):
        lines = wrapped_lines(emoji, font, width, 20)
        assert len(lines) > 1 and " ".join(lines).split() == emoji.split(), lines
    deleted = [window.posts_model.index(r).data(ROLE_DELETED) for r in range(window.posts_model.rowCount())]
    assert deleted.count(None) == 5
    (row,) = [r for r, d in enumerate(deleted) if d]
    assert deleted[row] == "Deleted on TikTok"  # the export did not say when
    # with the date from the export (its "DateDeleted"), the row says when
    window.store.db.execute("UPDATE posts SET deleted_at = '2023-06-02T10:00:00Z' WHERE deleted = 1")
    window.posts_model.reload()
    assert window.posts_model.index(row).data(ROLE_DELETED) == "Deleted on TikTok on 2023-06-02"
    screenshot(window, "library-deleted-post")


def test_splitters_keep_their_place_between_posts(posts_window, qtbot):
    window = posts_window
    settle(qtbot, window)
    before = window.splitter.sizes()
    for row in range(window.posts_model.rowCount()):
        window.library.setCurrentIndex(window.posts_model.index(row))
        window.editor.topics = [f"topic{i}" for i in range(row * 3)]
        window.editor.refresh_preview()
        settle(qtbot, window)
        assert window.splitter.sizes() == before


def test_zero_is_a_real_crop_position_and_the_crop_window_shows_on_red(posts_window, qtbot, tmp_path):
    from PIL import Image
    from PySide6.QtGui import QColor

    from crosspost.gui.editor import CropPreview, crop_focus
    from crosspost.posts import attach_files, set_media_focus

    assert crop_focus(0.0, 0.0) == (0.0, 0.0) and crop_focus(None, None) is None and crop_focus(0.0, None) == (0.0, 0.5)
    window = posts_window
    red = tmp_path / "red.png"
    Image.new("RGB", (1600, 600), (255, 0, 0)).save(red)
    pid = window.editor.post_id
    media = attach_files(window.store, pid, [red])
    set_media_focus(window.store, media[-1]["media"], 0.0, 0.0)
    window.editor.fit.setCurrentIndex(window.editor.fit.findData("crop"))
    window.editor.load(pid)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the previous strip's widgets
    qtbot.waitUntil(lambda: not window.editor.previews_pending, timeout=10000)  # decoded off the GUI thread
    (preview,) = window.editor.findChildren(CropPreview)
    assert preview.focus == [0.0, 0.0]  # reopened at the edge, not centred
    image = preview.grab().toImage()
    rect, _ = preview._frame()
    ox = (preview.width() - preview.pixmap.width()) // 2
    oy = (preview.height() - preview.pixmap.height()) // 2
    inside = image.pixelColor(int(rect.center().x()), int(rect.center().y()))
    outside = image.pixelColor(int(rect.right()) + 20, oy + preview.pixmap.height() // 2)
    assert inside.red() > 240 and outside.red() < 150  # what the crop leaves out is dimmed
    border = {image.pixelColor(int(rect.left()) + dx, int(rect.center().y())).name() for dx in range(0, 4)}
    assert "#000000" in border and "#ffffff" in border  # a double border, one line contrasting with red
    assert image.pixelColor(int(rect.left()) + 3, int(rect.top()) + 3) == QColor("#ffffff")  # a corner handle
    assert ox >= 0


# --- 3. keyboard ------------------------------------------------------------------------------------
def test_tab_moves_between_fields_and_never_into_a_caption(posts_window, qtbot):
    window, editor = posts_window, posts_window.editor
    window.activateWindow()
    window.search.setFocus()
    caption = editor.original.toPlainText()
    visited = []
    for _ in range(30):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert editor.original.toPlainText() == caption and "\t" not in editor.translation.toPlainText()
    stored = window.store.db.execute("SELECT caption FROM posts WHERE id = ?", [editor.post_id]).fetchone()[0]
    assert "\t" not in stored
    # reading order: search, filter, list, the two text boxes, ..., Translate, Create draft
    order = [window.search, window.untranslated, window.library, editor.original, editor.translation]
    assert visited[:4] == order[1:]
    assert editor.translate_button in visited and editor.draft_button in visited
    assert visited.index(editor.translate_button) < visited.index(editor.draft_button)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is visited[-2]


def press(window, action) -> None:
    sequence = action.shortcut()
    combo = sequence[0]
    QTest.keyClick(window.focusWidget() or window, combo.key(), combo.keyboardModifiers())


def test_every_menu_shortcut_triggers_its_action(posts_window, qtbot, tmp_path):
    window = posts_window
    actions = window.actions_
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.library.setFocus()
    translated, drafts = [], []
    window.editor.translateRequested.disconnect()
    window.editor.translateRequested.connect(translated.append)
    window.editor.draftRequested.connect(lambda *a: drafts.append(a))

    # Library shortcuts act on the open post.
    window.editor.layout_switch.setCurrentIndex(window.editor.layout_switch.findData("original"))
    press(window, actions["post.translate"])
    assert translated == [window.editor.post_id]
    fired = []
    for name in ("post.fetch", "post.attach"):
        actions[name].triggered.connect(lambda *_, n=name: fired.append(n))
    press(window, actions["post.fetch"])
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30000)
    assert fired == ["post.fetch"]
    # Ctrl+E on the Library tab exports nothing: it belongs to the queue.
    assert not actions["file.export"].isEnabled() and not actions["draft.render"].isEnabled()
    with qtbot.waitSignal(window.draftCreated, timeout=30000):  # made in the background
        press(window, actions["post.create_drafts"])
    assert len(drafts) == 1 and window.tabs.currentIndex() == 1, drafts  # the draft made, the queue shown
    assert not actions["post.translate"].isEnabled()  # post shortcuts belong to the library
    # Queue shortcuts act on the selected draft.
    window.queue.table.setFocus()
    window.queue.table.clearSelection()  # the new draft comes selected; with none selected:
    assert not actions["draft.copy_title"].isEnabled()
    window.queue.table.selectRow(0)
    draft = window.queue.model.drafts[0].draft
    for action, field in ((actions["draft.copy_title"], "title"), (actions["draft.copy_body"], "body")):
        QApplication.clipboard().setText("")
        press(window, action)
        assert QApplication.clipboard().text() == getattr(draft, field)
    press(window, actions["draft.copy_topics"])
    assert QApplication.clipboard().text() == " ".join("#" + t for t in draft.topics)
    with qtbot.waitSignal(
        window.runner.started, timeout=5000, check_params_cb=lambda task_id, title: title.startswith("Rendering draft")
    ):
        press(window, actions["draft.render"])
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60000)
    for box in QApplication.topLevelWidgets():  # these posts have no media: rendering says so in a box
        if isinstance(box, QMessageBox) and box.isVisible():
            box.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.queue.selected_ids() == [draft.id]  # the queue kept its selection through the reload
    exported = []
    window.queue.exportRequested.disconnect()
    window.queue.exportRequested.connect(lambda ids, folder: exported.append(ids))
    window.queue.export_selected = lambda folder=None: exported.append(window.queue.selected_ids())
    press(window, actions["file.export"])
    assert exported == [[draft.id]]
    # Help → Keyboard shortcuts lists every shortcut of every menu.
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    listed = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    for menu_action in window.menuBar().actions():
        for a in menu_action.menu().actions():
            for key in a.shortcuts():
                assert any(key.toString(QKeySequence.SequenceFormat.NativeText) in keys for keys in listed), a.text()
    assert dialog.table.rowCount() >= 15
    screenshot(dialog, "keyboard-shortcuts")
    dialog.close()


def test_escape_clears_the_search_and_an_empty_result_says_so(posts_window, qtbot):
    window = posts_window
    window.search.setFocus()
    QTest.keyClicks(window.search, "qwertyzzz")
    assert window.posts_model.rowCount() == 0
    assert window.no_match.isVisible() and "qwertyzzz" in window.no_match.text()
    assert window.no_match.text() == "No posts match “qwertyzzz”."
    assert not window.library.isVisible()
    QTest.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == "" and window.posts_model.rowCount() == 6
    assert window.library.isVisible() and not window.no_match.isVisible()
    assert window.count_label.text() == "6 posts"


# --- 4. 简体中文 ------------------------------------------------------------------------------------
# Names and tokens that stay as they are in a Chinese UI.
ALLOWED = {
    "YouTube",
    "Shorts",
    "Lemon8",
    "TikTok",
    "RedNote",
    "Instagram",
    "Threads",
    "Bluesky",
    "Lemon8",
    "Douyin",
    "Xiaohongshu",
    "Crosspost",
    "Argos",
    "Translate",
    "JSON",
    "TXT",
    "zip",
    "json",
    "txt",
    "argosmodel",
    "quickmt",  # the model family's own name (issue 26)
    "Ctrl",
    "Shift",
    "Tab",
    "Esc",
    "Del",
    "Delete",
    "Backspace",
    "F1",
    "MB",
    "URL",
    "Noto",
    "English",
    "zh",
    "en",
    "ja",
    "ko",
    "user_data_tiktok",
    "Alt",
    "Enter",
    "Return",
    "Ins",
    "PgUp",
    "PgDown",
    "Home",
    "End",
    "jpg",
    "jpeg",
    "png",
    "heic",
    "webp",
    "mp4",
    "mov",
    "m4v",
    "fonts",
    "noto",
    "cjk",
    "color",
    "emoji",
    "Sans",
    "CJK",
    "SC",
}


def english_words(text: str, user_data: list[str]) -> list[str]:
    if not text or any(text.strip() in d for d in user_data if d):
        return []
    for d in sorted(user_data, key=len, reverse=True):
        if d:
            text = text.replace(d, " ")
    text = re.sub(r"(/[\w.\-]+)+/?", " ", text)  # paths
    # file names the user gave (export.zip) and web addresses (creator.rednote.com) are names, not English
    text = re.sub(r"\b[\w\-]+(\.[\w\-]+)*\.(zip|json|txt|argosmodel|com|cn)\b", " ", text)
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9']{2,}", text) if w not in ALLOWED]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    out = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = type(w).__name__
        if w.isWindow() and w.windowTitle():
            out.append((name + ".title", w.windowTitle()))
        if isinstance(w, QLabel):
            out.append((name, re.sub(r"<[^>]+>", " ", w.text())))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((name + ".placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            out += [(name, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            out += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QMenu):
            out += [(name, a.text()) for a in w.actions()]
        if isinstance(w, (QTableView, QTableWidget)):
            model = w.model()
            out += [
                (name + ".header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for c in range(model.columnCount())
            ]
            out += [
                (name + ".cell", str(model.index(r, c).data() or ""))
                for r in range(min(model.rowCount(), 20))
                for c in range(model.columnCount())
            ]
    return out


def test_chinese_ui_walk_finds_no_english(posts_window, qtbot, tmp_path):
    from crosspost.gui.dialogs import show_error

    window = posts_window
    window.ops.create_draft(window.editor.post_id, "rednote", "original")
    # The draft is made on the task runner: wait until the queue holds it, so the walk below reads it.
    qtbot.waitUntil(lambda: not window.runner.busy and len(window.queue.model.drafts) == 1, timeout=30000)
    window.tabs.setCurrentIndex(0)
    window.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.tabs.tabText(0) == "作品库")
        drafts = [checked.draft for checked in window.queue.model.drafts]
        assert len(drafts) == 1 and drafts[0].body, "the walk needs the draft it made"
        user_data = [
            d
            for pid in range(1, 7)
            for d in (window.store.db.execute("SELECT caption FROM posts WHERE id = ?", [pid]).fetchone() or [""])
        ]
        user_data += [w for d in drafts for w in (d.title, d.body, *d.topics)]
        user_data += [f"#{t}" for t in window.editor.topics] + [
            window.editor.preview_title.text(),
            str(window.location.root),
        ]
        user_data += [window.editor.preview_body.toPlainText()]
        found: dict[str, list] = {}

        def walk(widget, view: str):
            for kind, text in visible_texts(widget):
                words = english_words(text, user_data)
                if words:
                    found.setdefault(view, []).append((kind, text, words))

        settle(qtbot, window)
        walk(window, "library")
        for menu_action in window.menuBar().actions():
            menu_action.menu().aboutToShow.emit()
            walk(menu_action.menu(), "menus")
        window.tabs.setCurrentIndex(1)
        window.queue.table.selectRow(0)
        settle(qtbot, window)
        walk(window, "queue")
        screenshot(window, "queue-zh_CN")
        dialogs = {
            "settings": window.open_settings(),
            "language packs": window.open_languages(),
            "shortcuts": window.show_shortcuts(),
            "error": show_error(window, "The post has no media on disk. Fetch it with `crosspost media fetch 1`."),
            "question": QMessageBox(
                QMessageBox.Icon.Question,
                "Crosspost",
                window.tr("A job is still running. Cancel it and quit?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                window,
            ),
        }
        file_dialog = QFileDialog(window, window.ops.tr("Import your TikTok export"), str(tmp_path))
        file_dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialogs["file dialog"] = file_dialog
        for name, dialog in dialogs.items():
            if not dialog.isVisible():
                dialog.show()
            settle(qtbot, window)
            walk(dialog, name)
            screenshot(dialog, f"dialog-{name.replace(' ', '-')}-zh_CN")
            dialog.close()
        assert not found, json.dumps(found, ensure_ascii=False, indent=1)
        # and Qt's own words come from qtbase_zh_CN
        box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Cancel, window)
        assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
        assert window.actions_["edit.undo"].text().startswith("撤销")
    finally:
        window.set_language("en")


def test_lupdate_leaves_no_unfinished_entries(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not next to this Python")
    sources = sorted(str(p) for p in (ROOT / "crosspost" / "gui").glob("*.py"))
    for ts in (ROOT / "resources" / "i18n").glob("*.ts"):
        copy = tmp_path / ts.name
        copy.write_bytes(ts.read_bytes())
        extra = ["-pluralonly"] if ts.name.endswith("_en.ts") else []
        subprocess.run(
            [str(lupdate), *extra, *sources, "-ts", str(copy), "-no-obsolete"], check=True, capture_output=True
        )
        text = copy.read_text(encoding="utf-8")
        unfinished = re.findall(
            r"<source>(.*?)</source>\s*(?:<comment>.*?</comment>\s*)?<translation type=\"unfinished\"", text, re.S
        )
        assert not unfinished, f"{ts.name}: {unfinished}"
        assert "<message" in text


def test_plural_forms_in_english_and_chinese(posts_window, qtbot):
    window = posts_window
    assert window.count_label.text() == "6 posts"
    window.search.setText("sourdough")
    assert window.count_label.text() == "1 post"
    window.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.count_label.text() == "1 条作品")
    finally:
        window.set_language("en")


# --- 5. small things --------------------------------------------------------------------------------
def test_platform_names_once_and_values_in_the_ui_language(posts_window, qtbot):
    window = posts_window
    texts = [window.editor.platform.itemText(i) for i in range(window.editor.platform.count())]
    assert "Instagram" in texts and not any("·" in t or "/" in t for t in texts)
    assert [window.editor.fit.itemText(i) for i in range(3)] == [
        "Crop to fill",
        "Fit with bars",
        "Fit on blurred background",
    ]
    window.set_language("zh_CN")
    try:
        qtbot.waitUntil(
            lambda: "小红书" in [window.editor.platform.itemText(i) for i in range(window.editor.platform.count())]
        )
        assert "Instagram" in [window.editor.platform.itemText(i) for i in range(window.editor.platform.count())]
        assert window.editor.fit.itemText(2) == "完整显示（模糊背景）"
        with qtbot.waitSignal(window.draftCreated, timeout=30000) as created:
            window.ops.create_draft(window.editor.post_id, "rednote", "original")
        assert created.args[0] is not None
        model = window.queue.model
        row = {model.COLUMNS[c]: model.index(0, c).data() for c in range(model.columnCount())}
        assert row["platform"] == "小红书" and row["status"] == "草稿"
        assert re.search(r"[\u4e00-\u9fff]", row["problems"])  # the preflight message in Chinese
    finally:
        window.set_language("en")


def test_buttons_that_need_a_selection_are_disabled_without_one(posts_window, qtbot, argos_packs):
    window = posts_window
    with qtbot.waitSignal(window.draftCreated, timeout=30000):
        window.ops.create_draft(window.editor.post_id, "instagram", "original")
    queue = window.queue
    queue.table.clearSelection()
    assert not any(b.isEnabled() for b in queue.buttons.values())
    queue.table.selectRow(0)
    assert all(b.isEnabled() for b in queue.buttons.values())
    dialog = window.open_languages()
    qtbot.addWidget(dialog)
    assert not dialog.download_button.isEnabled() and not dialog.remove_button.isEnabled()
    with qtbot.waitSignal(window.runner.finished, timeout=30000):
        dialog.install_path(str(argos_packs[("en", "zh")]))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    dialog.table.selectRow(0)
    assert dialog.remove_button.isEnabled() and not dialog.download_button.isEnabled()
    dialog.close()


# --- screenshots ------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("size", [(1440, 900), (1024, 700)])
def test_screenshots(posts_window, qtbot, language, size):
    window = posts_window
    for topic in ("running", "river", "morning", "chengdu", "travel", "friends", "weekend"):
        window.editor.topics.append(topic)
    window.editor.refresh_preview()
    window.set_language(language)
    try:
        window.resize(*size)
        settle(qtbot, window)
        assert (window.width(), window.height()) == size
        name = f"{language}-{size[0]}x{size[1]}"
        screenshot(window, f"library-{name}")
        window.ops.create_draft(window.editor.post_id, "rednote", "bilingual" if False else "original")
        settle(qtbot, window)
        screenshot(window, f"queue-{name}")
    finally:
        window.set_language("en")


SCALED = textwrap.dedent("""
    import json, sys, tempfile
    from pathlib import Path
    from PySide6.QtCore import QPoint
    from crosspost.gui.app import make_app
    from crosspost.gui.window import MainWindow
    from crosspost.paths import resolve
    from crosspost.samples import make_sample

    app = make_app()
    work = Path(tempfile.mkdtemp())
    export, media = make_sample(work / "sample")
    w = MainWindow(resolve(work / "data")); w.resize(1024, 700); w.show(); w.ensure_ready()
    done = []
    w.importFinished.connect(done.append)
    w.import_paths([str(export)], media_dir=str(media))
    while not done:
        app.processEvents()
    w.editor.topics += [f"topic{i}" for i in range(11)]
    w.editor.refresh_preview()
    for _ in range(20):
        app.processEvents()

    def inside(widget):
        top_left = widget.mapTo(w, QPoint(0, 0))
        return (widget.isVisible() and w.rect().contains(top_left)
                and w.rect().contains(top_left + QPoint(widget.width() - 1, widget.height() - 1))
                and widget.visibleRegion().boundingRect().size() == widget.size())

    library = [inside(x) for x in (w.search, w.library, w.editor.translate_button, w.editor.draft_button)]
    w.tabs.setCurrentIndex(1)
    for _ in range(5):
        app.processEvents()
    queue = [inside(b) for b in w.queue.buttons.values()]
    hint = w.minimumSizeHint()
    print(json.dumps({"ratio": w.devicePixelRatio(), "size": [w.width(), w.height()],
                      "hint": [hint.width(), hint.height()], "library": library, "queue": queue}))
    w.runner.shutdown()
""")


def test_the_window_fits_1024_by_700_at_200_percent(tmp_path):
    # a 2560×1600 screen at 200%: 1280×800 logical pixels, room for a 1024×700 window and its frame
    env = dict(os.environ, QT_QPA_PLATFORM=offscreen_screen(2560, 1600), QT_SCALE_FACTOR="2", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", SCALED], env=env, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["ratio"] == 2.0 and result["size"] == [1024, 700]
    assert result["hint"][0] <= 1024 and result["hint"][1] <= 700
    assert result["library"] and result["queue"] and all(result["library"]) and all(result["queue"]), result
