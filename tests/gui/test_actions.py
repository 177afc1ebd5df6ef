"""The action registry: every menu item, shortcut and banner button is one entry, and each one does
what it says (issue 23: Post → Attach files… and Ctrl+Shift+A did nothing)."""

from __future__ import annotations

from pathlib import Path

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
    # The keys' release reached the chooser, not the app: let go of them, or Ctrl and Shift stay held
    # for the next test (a selectRow with Ctrl held toggles the row off).
    for key in (Qt.Key.Key_Shift, Qt.Key.Key_Control):
        QTest.keyRelease(window.library, key)
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


# --- every action in the registry, triggered like a person would from its menu ----------------------


def visible(window, kind, name: str | None = None):
    """The visible top-level or child widget of KIND (with object name NAME), or None."""
    from PySide6.QtWidgets import QApplication

    found = [w for w in QApplication.topLevelWidgets() + window.findChildren(kind) if isinstance(w, kind)]
    return next((w for w in found if w.isVisible() and (name is None or w.objectName() == name)), None)


def close_popups(window) -> None:
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    for w in QApplication.topLevelWidgets() + window.findChildren(QDialog):
        if isinstance(w, (QDialog, QMessageBox)) and w.isVisible():
            w.close()


def test_every_action_in_the_registry_does_what_it_says(en_zh, window, qtbot, tmp_path):
    """A dead action can't land again: each entry is triggered through its QAction (the menu's path)
    on a prepared library and its effect checked; an entry without a check here fails the test."""
    from media_files import jpeg
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    from crosspost.drafts.store import get_draft, has_translation, list_drafts
    from crosspost.gui.about import AboutDialog
    from crosspost.gui.dialogs import LanguagePacksDialog, SettingsDialog
    from crosspost.gui.post_dialogs import MarkPostedDialog
    from crosspost.gui.shortcuts import ShortcutsDialog
    from crosspost.posts import attach_files, get_post

    imported_window(window, qtbot, tmp_path, n=3)
    store, actions = window.store, window.actions_
    attach_files(store, 1, [jpeg(tmp_path / "one.jpg", 900, 1200)])
    window.refresh()
    window.library.setCurrentIndex(window.posts_model.index(window.posts_model.row_of(1)))
    qtbot.waitUntil(lambda: window.editor.post_id == 1)
    window.editor.layout_switch.setCurrentIndex(window.editor.layout_switch.findData("original"))
    done: list[str] = []

    def trigger(action_id: str) -> None:
        action = actions[action_id]
        assert action.isEnabled(), action_id
        action.trigger()
        done.append(action_id)

    def chooser(title: str) -> None:
        qtbot.waitUntil(lambda: any(d.windowTitle() == title for d in open_file_dialogs(window)), timeout=5000)
        close_popups(window)
        qtbot.waitUntil(lambda: not open_file_dialogs(window), timeout=5000)

    def finished(title_start: str, action_id: str) -> None:
        with qtbot.waitSignal(
            window.runner.started, timeout=10000, check_params_cb=lambda _id, title: title.startswith(title_start)
        ):
            trigger(action_id)
        qtbot.waitUntil(lambda: not window.runner.user_jobs_running, timeout=60000)

    # File
    trigger("file.import")
    chooser("Import your TikTok export")
    trigger("file.import_folder")
    chooser("Import an unpacked export")
    # Edit: undo and redo an edit of the caption (the store follows)
    window.editor.original.setPlainText("A caption typed here")
    assert get_post(store, 1).caption == "A caption typed here"
    trigger("edit.undo")
    assert get_post(store, 1).caption != "A caption typed here"
    trigger("edit.redo")
    assert get_post(store, 1).caption == "A caption typed here"
    window.search.clearFocus()
    trigger("edit.find")
    assert window.tabs.currentIndex() == 0 and window.search.hasFocus() or QApplication.focusWidget() is window.search
    # Post
    finished("Translating", "post.translate")
    assert has_translation(store, 1, "zh")
    finished("Translating", "post.translate_all")
    assert all(has_translation(store, pid, "zh") for pid in (1, 2, 3))
    window.tabs.setCurrentIndex(0)
    window.library.setCurrentIndex(window.posts_model.index(window.posts_model.row_of(1)))
    with qtbot.waitSignal(window.mediaFetched, timeout=60000):
        trigger("post.fetch")
    with qtbot.waitSignal(window.mediaFetched, timeout=60000):
        trigger("post.fetch_all")
    qtbot.waitUntil(lambda: not window.runner.user_jobs_running, timeout=60000)
    trigger("post.attach")
    chooser("Attach photos or videos")
    window.statusBar().clearMessage()
    trigger("post.drop_lost")  # asked first when something is lost, else the status bar says nothing is
    box = visible(window, QMessageBox, "dropLostMedia")
    if box is not None:
        assert "lost" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()
    else:
        assert "Every photo and video of this post" in window.statusBar().currentMessage()
    window.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(window.draftCreated, timeout=30000) as created:
        trigger("post.create_drafts")
    draft = created.args[0].draft
    assert window.tabs.currentIndex() == 1 and window.queue.selected_ids() == [draft.id]
    # View: the tabs in turn (Ctrl+PgUp / Ctrl+PgDown), and back to the queue
    trigger("view.previous_tab")
    assert window.tabs.currentIndex() == 0
    trigger("view.next_tab")
    assert window.tabs.currentIndex() == 1 and window.queue.selected_ids() == [draft.id]
    # Draft (and File → Export drafts…, Edit → Delete draft: they act on the queue's selection)
    for action_id, field in (("draft.copy_title", "title"), ("draft.copy_body", "body")):
        QApplication.clipboard().setText("")
        trigger(action_id)
        assert QApplication.clipboard().text() == getattr(draft, field) != ""
    trigger("draft.copy_topics")
    assert QApplication.clipboard().text() == " ".join("#" + t for t in draft.topics)
    finished("Rendering draft", "draft.render")
    rendered = get_draft(store, draft.id).media
    assert any(m.rendered and Path(m.rendered).is_file() for m in rendered)  # the photo; the video has no file
    trigger("file.export")
    chooser("Export drafts to")
    trigger("draft.mark_posted")
    qtbot.waitUntil(lambda: visible(window, MarkPostedDialog) is not None, timeout=5000)
    close_popups(window)
    trigger("edit.delete")
    qtbot.waitUntil(lambda: visible(window, QMessageBox, "deleteDrafts") is not None, timeout=5000)
    box = visible(window, QMessageBox, "deleteDrafts")
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not list_drafts(store), timeout=30000)
    # Tools, Help
    for action_id, kind in (
        ("tools.languages", LanguagePacksDialog),
        ("tools.settings", SettingsDialog),
        ("help.shortcuts", ShortcutsDialog),
        ("help.about", AboutDialog),
    ):
        trigger(action_id)
        qtbot.waitUntil(lambda k=kind: visible(window, k) is not None, timeout=5000)
        if kind is ShortcutsDialog:
            assert visible(window, kind).table.rowCount() >= 15
        if kind is AboutDialog:
            assert visible(window, kind).folder.text() == str(window.location.root)
        close_popups(window)
    assert not any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    # Quit, last: the window closes (no job is running, so it does not ask).
    qtbot.waitUntil(lambda: not window.runner.user_jobs_running, timeout=30000)
    trigger("file.quit")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert sorted(done) == sorted(e.id for e in actions), "an action of the registry has no check here"


def test_the_banner_buttons_are_the_registry_actions(window, qtbot, tmp_path):
    """The expiry banner's Fetch all now and Attach files… run the Post menu's entries (what each
    does is the entry's operation: the same chooser, the same fetch)."""
    imported_window(window, qtbot, tmp_path)
    ran = []
    registry = window.actions_
    real_run = registry.run
    registry.run = lambda action_id: ran.append(action_id) or real_run(action_id)
    banner = window.expiry_banner
    banner.attach_button.click()
    qtbot.waitUntil(lambda: bool(open_file_dialogs(window)), timeout=5000)
    assert open_file_dialogs(window)[0].windowTitle() == "Attach photos or videos"
    close_popups(window)
    with qtbot.waitSignal(window.mediaFetched, timeout=60000):
        banner.fetch_button.click()
    assert ran == ["post.attach", "post.fetch_all"]
