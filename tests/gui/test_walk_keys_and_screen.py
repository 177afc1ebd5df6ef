"""What the creators' second walk of the window found (issue 24), each driven as a person would:
keys and clicks on the real widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from exports import Post, build_export, sample_posts, write_zip
from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton, QWidget


@pytest.fixture
def posts_window(window, qtbot, tmp_path):
    posts = sample_posts(5) + [Post(date=dt.datetime(2023, 5, 1, 8, 0), caption="An old one #gone", deleted=True)]
    export = write_zip(tmp_path / "export.zip", build_export("json-2025", posts))
    with qtbot.waitSignal(window.importFinished, timeout=30000):
        window.import_paths([str(export)])
    qtbot.waitUntil(lambda: window.editor.post_id is not None)
    return window


# --- 4. the window fits its screen, frame included --------------------------------------------------
def test_a_window_bigger_than_the_free_screen_is_fitted_into_it(qtbot):
    from crosspost.gui.screen_fit import fit_into_screen, free_area

    widget = QWidget()
    qtbot.addWidget(widget)
    free = free_area(widget)
    widget.resize(free.width() + 300, free.height() + 200)
    widget.move(free.left() + 50, free.top() + 40)
    widget.show()
    qtbot.waitExposed(widget)
    assert not free.contains(widget.frameGeometry())
    assert fit_into_screen(widget)
    assert free.contains(widget.frameGeometry()), (free, widget.frameGeometry())
    assert not fit_into_screen(widget)  # once inside, it stays as it is


FIRST_START = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
from crosspost.gui.app import make_app
from crosspost.gui.window import MainWindow
from crosspost.paths import resolve

app = make_app()
w = MainWindow(resolve(Path(tempfile.mkdtemp()) / "data"))
w.show()
w.ensure_ready()
for _ in range(50):
    app.processEvents()
free = w.screen().availableGeometry()
frame = w.frameGeometry()
bar = w.statusBar()
bottom = bar.mapToGlobal(bar.rect().bottomLeft()).y()
print(json.dumps({"free": free.getRect(), "frame": frame.getRect(), "inner": w.geometry().getRect(),
                  "fits": free.contains(frame), "bar_bottom": bottom}))
w.runner.shutdown()
"""


@pytest.mark.parametrize("screen", [(1024, 700, 1.0), (1366, 768, 1.0), (2048, 1400, 2.0)])
def test_a_first_start_fits_the_screen_with_its_frame(screen, tmp_path):
    """A new window on a small screen: the frame, the status bar and the bottom of the window are on
    the screen (at 1024×700, 1366×768 and a 1024×700 screen at 200%)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from screens import offscreen_screen

    width, height, scale = screen
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=offscreen_screen(width, height),
        QT_SCALE_FACTOR=str(scale),
        HOME=str(tmp_path),
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    out = subprocess.run([sys.executable, "-c", FIRST_START], env=env, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["free"][2:] == [int(width / scale), int(height / scale)]
    assert seen["frame"][2] > seen["inner"][2]  # the frame is there, and counted
    assert seen["fits"], seen
    assert seen["bar_bottom"] < seen["free"][1] + seen["free"][3], seen


def test_the_first_size_leaves_room_for_the_frame(qtbot):
    from PySide6.QtCore import QSize

    from crosspost.gui.screen_fit import first_size, free_area

    widget = QWidget()
    qtbot.addWidget(widget)
    free = free_area(widget)
    size = first_size(widget, QSize(2, 30))
    assert size.height() <= free.height() - 30 and size.width() <= free.width() - 2
    assert size.height() <= 800 and size.width() <= 1280


def test_the_window_title_names_the_app_once(window):
    assert window.windowTitle().count("Crosspost") == 0  # the desktop adds " — Crosspost" itself
    assert isinstance(window.keep_on_screen.widget.geometry(), QRect)


# --- 5. live counters ---------------------------------------------------------------------------------
def test_the_title_counter_follows_every_keystroke(posts_window, qtbot):
    editor = posts_window.editor
    editor.platform.setCurrentIndex(editor.platform.findData("rednote"))
    qtbot.mouseClick(editor.title_edit, Qt.MouseButton.LeftButton)
    editor.title_edit.selectAll()
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor.title_edit, "A title that is clearly longer than twenty units")
    assert editor.title_edit.hasFocus()  # still typing: no focus change has happened
    assert editor.title_counter.text().startswith("24 / ") or float(editor.title_counter.text().split(" /")[0]) > 20
    assert editor.title_counter.property("state") == "over"
    assert editor.preview_title.text() == "A title that is clearly longer than twenty units"
    for _ in range(len("clearly longer than twenty units")):
        qtbot.keyClick(editor.title_edit, Qt.Key.Key_Backspace)
    used = float(editor.title_counter.text().split(" /")[0])
    assert used <= 20 and editor.title_counter.property("state") in ("ok", "near")


# --- 7. keyboard ------------------------------------------------------------------------------------
def _chips(editor):
    chips = [c for c in editor.chips_box.findChildren(QToolButton) if c.isVisible() and c.property("topic")]
    order = {topic: i for i, topic in enumerate(editor.topics)}
    return sorted(chips, key=lambda c: order.get(str(c.property("topic")), len(order)))


def test_topic_chips_are_removed_from_the_keyboard(posts_window, qtbot):
    editor = posts_window.editor
    for topic in ("one", "two", "three"):
        editor.new_topic.setText(topic)
        qtbot.keyClick(editor.new_topic, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: {"one", "two", "three"} <= {str(c.property("topic")) for c in _chips(editor)})
    first = next(c for c in _chips(editor) if c.property("topic") == "one")
    assert first.focusPolicy() & Qt.FocusPolicy.TabFocus
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "one" not in editor.topics and "one" not in [c.property("topic") for c in _chips(editor)])
    # the keyboard stays among the chips: the next one has the focus, and Backspace removes it too
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QToolButton))
    focused = QApplication.focusWidget()
    assert focused.property("topic") == "two"
    qtbot.keyClick(focused, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: "two" not in editor.topics)
    from crosspost.posts import get_post

    assert "two" not in get_post(posts_window.store, editor.post_id).topics


# --- 6. Chinese: language names, Qt's calendar --------------------------------------------------------
def test_languages_are_named_not_coded(posts_window, qtbot):
    from crosspost.gui.labels import language_label, pair_label

    assert pair_label("en", "zh") == "English → Chinese (Simplified)"
    posts_window.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: language_label("en") == "英语")
        assert pair_label("fr", "zh") == "法语 → 简体中文"
    finally:
        posts_window.set_language("en")


def test_the_calendar_follows_the_window_language(posts_window, qtbot):
    planned = posts_window.editor.planned
    posts_window.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: planned.locale().language() == QLocale.Language.Chinese)
        calendar = planned.calendarWidget()
        assert calendar.locale().language() == QLocale.Language.Chinese
        assert calendar.locale().monthName(12) == "十二月"
    finally:
        posts_window.set_language("en")
    qtbot.waitUntil(lambda: planned.locale().language() == QLocale.Language.English)


# --- 9. About ---------------------------------------------------------------------------------------
def test_about_says_version_licences_and_data_folder(qtbot, tmp_path):
    import crosspost
    from crosspost.gui.about import AboutDialog

    dialog = AboutDialog(tmp_path / "data")
    qtbot.addWidget(dialog)
    dialog.show()
    assert crosspost.__version__ in dialog.heading.text()
    assert "GNU General Public License" in dialog.licence.text()
    listed = dialog.third_party.toPlainText()
    assert "PySide6-Essentials" in listed and "LGPL" in listed and "Open Font License" in listed
    assert "opencc" in listed and "lingua-language-detector" in listed  # what this round added
    assert dialog.folder.text() == str(tmp_path / "data")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == str(tmp_path / "data")
    assert dialog.notice.text() == "Path copied."


def test_after_an_import_the_keyboard_is_in_the_post_list(window, qtbot, tmp_path):
    """Down moves to the next post straight after the import (before: focus was nowhere)."""
    export = write_zip(tmp_path / "export.zip", build_export("json-2025", sample_posts(3)))
    with qtbot.waitSignal(window.importFinished, timeout=30000):
        window.import_paths([str(export)])
    qtbot.waitUntil(lambda: window.library.hasFocus() and window.library.currentIndex().isValid())
    first = window.library.currentIndex().row()
    qtbot.keyClick(window.library, Qt.Key.Key_Down)
    assert window.library.currentIndex().row() == first + 1
    qtbot.waitUntil(lambda: window.editor.post_id == window.posts_model.post_id(first + 1))


def test_tab_reads_the_editor_in_order_chips_included(posts_window, qtbot):
    """Tab goes through the editor as it reads: texts, title, body, each topic chip, the new-topic
    field, then the column beside it top to bottom (its buttons, its settings, the glossary)."""
    editor = posts_window.editor
    for topic in ("one", "two"):
        editor.new_topic.setText(topic)
        qtbot.keyClick(editor.new_topic, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: {"one", "two"} <= {str(c.property("topic")) for c in _chips(editor)})
    chips = _chips(editor)
    expected = [
        editor.original,
        editor.translation,
        editor.title_edit,
        editor.preview_body,
        *chips,
        editor.new_topic,
        editor.translate_button,
        editor.sentences_button,
        editor.draft_button,
        editor.written_in,
        editor.platform,
        editor.layout_switch,
        editor.fit,
        editor.planned_check,
    ]
    editor.original.setFocus()
    qtbot.waitUntil(editor.original.hasFocus)
    seen = [QApplication.focusWidget()]
    for _ in range(len(expected) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected, [type(w).__name__ + ":" + (w.objectName() or "") for w in seen]


def test_ctrl_page_keys_switch_between_library_and_queue(posts_window, qtbot):
    window = posts_window
    window.tabs.setCurrentIndex(0)
    window.library.setFocus()
    qtbot.keyClick(window.library, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    # The tab switch moved the focus between Ctrl's press and its release: let go of it where the
    # focus is now, or Qt keeps it held for whatever is clicked next.
    QTest.keyRelease(QApplication.focusWidget() or window, Qt.Key.Key_Control)
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


def test_help_about_opens_from_the_menu(posts_window, qtbot):
    from crosspost.gui.about import AboutDialog

    posts_window.actions_["help.about"].trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in posts_window.findChildren(AboutDialog)))
    dialog = next(d for d in posts_window.findChildren(AboutDialog) if d.isVisible())
    assert dialog.folder.text() == str(posts_window.location.root)
    dialog.close()
