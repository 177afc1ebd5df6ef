"""The action registry: every menu item, shortcut and banner button is one entry, and each one does
what it says (issue 23: Post → Attach files… and Ctrl+Shift+A did nothing)."""

from __future__ import annotations

from exports import build_export, sample_posts, write_zip
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog


def imported_window(window, qtbot, tmp_path, n: int = 3):
    export = write_zip(tmp_path / "export.zip", build_export("json-2025", sample_posts(n)))
    with qtbot.waitSignal(window.importFinished, timeout=30000):
        window.import_paths([str(export)])
    qtbot.waitUntil(lambda: window.editor.post_id is not None)
    return window


def open_file_dialogs(window) -> list[QFileDialog]:
    return [d for d in window.findChildren(QFileDialog) if d.isVisible()]


def test_post_menu_attach_files_opens_the_chooser(window, qtbot, tmp_path):
    imported_window(window, qtbot, tmp_path)
    menu_post = next(m.menu() for m in window.menuBar().actions() if m.menu() and m.text() == "&Post")
    attach = next(a for a in menu_post.actions() if a.text() == "&Attach files…")
    assert attach.isEnabled()
    attach.trigger()
    qtbot.waitUntil(lambda: bool(open_file_dialogs(window)), timeout=5000)
    dialog = open_file_dialogs(window)[0]
    assert dialog.windowTitle() == "Attach photos or videos"
    dialog.reject()


def test_ctrl_shift_a_attach_files_opens_the_chooser(window, qtbot, tmp_path):
    imported_window(window, qtbot, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.library.setFocus()
    from PySide6.QtCore import Qt

    QTest.keyClick(
        window.library, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: bool(open_file_dialogs(window)), timeout=5000)
    assert open_file_dialogs(window)[0].windowTitle() == "Attach photos or videos"
    open_file_dialogs(window)[0].reject()
