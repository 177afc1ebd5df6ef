"""The sentence view in the real window, off-screen, with tiny real packs both ways: pairs with
back-translations, amber doubtful sentences, editing one sentence, other wordings, glossary from a
selection, the draft made from it, and the language dialog offering the reverse pack."""

from __future__ import annotations

import pytest
from gui.conftest import screenshot
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from crosspost.translation import engine

CAPTION = "TikTok refugee 👋 #fyp\nMorning run by the river. Thanks for everything!\n#running #bestie"


@pytest.fixture
def checked_window(window, qtbot, argos_packs, monkeypatch):
    from crosspost.drafts.store import create_drafts  # noqa: F401  (imported before the window needs it)
    from crosspost.translation import glossary
    from crosspost.translation.packs import install_pack

    monkeypatch.setattr(engine, "MAX_DECODING_LENGTH", 24)
    install_pack(window.location, argos_packs[("en", "zh")])
    install_pack(window.location, argos_packs[("zh", "en")])
    store = window.store
    with store.transaction():
        store.db.execute("INSERT INTO accounts (username, usual_lang) VALUES ('alice', 'en')")
        store.db.execute(
            "INSERT INTO posts (account_id, created_at, caption, updated_at) VALUES (1, ?, ?, 'x')",
            ["2024-11-02T09:30:00Z", CAPTION],
        )
    glossary.add_entry(store, "TikTok refugee", "TikTok难民")
    window.refresh()
    with qtbot.waitSignal(window.runner.finished, timeout=30000):
        window.ops.translate_post(1)
    window.editor.load(1)
    with qtbot.waitSignal(window.runner.finished, timeout=30000):
        window.editor.sentences_button.click()
    view = window.editor.sentence_view
    qtbot.waitUntil(lambda: view.check is not None and len(view.rows) == len(view.check.sentences), timeout=10000)
    return window, view


def settle(window, qtbot) -> None:
    """Let the view's last look (started after a change) finish before the window closes."""
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30000)


def test_sentence_view_shows_pairs_back_translations_and_flags(checked_window, qtbot):
    window, view = checked_window
    assert not window.editor.texts.isVisible() and view.isVisible()
    check = view.check
    assert [r.source_label.text() for r in view.rows] == [
        "TikTok refugee 👋 #fyp",
        "Morning run by the river.",
        "Thanks for everything!",
        "#running #bestie",
    ]
    assert "".join(s.raw_text for s in check.sentences) == window.editor.translation.toPlainText()
    first = view.rows[0]
    assert first.text_label.text() == "TikTok难民 👋 #fyp" and first.back_label.text() == "TikTok refugee 👋 #fyp"
    assert first.flag.text() == "" and "#b26a00" not in first.styleSheet()
    assert "italic" in first.back_label.styleSheet()  # muted
    for row, pair in zip(view.rows, check.sentences):
        assert (row.flag.text() == "check this sentence") == pair.doubtful
        assert ("#b26a00" in row.styleSheet()) == pair.doubtful
    view.set_current(len(view.rows) - 1)  # the hashtags: nothing to edit or look up
    assert view.rows[-1].back_label.text() == "" and not view.edit_button.isEnabled()
    assert not view.wordings_button.isEnabled() and not view.glossary_button.isEnabled()
    view.set_current(1)
    assert view.edit_button.isEnabled() and view.wordings_button.isEnabled() and view.glossary_button.isEnabled()
    if check.doubtful_count:
        assert "may be mistranslated" in view.summary.text()
    screenshot(window, "sentence-view")


def test_edit_one_sentence_then_pick_another_wording(checked_window, qtbot):
    window, view = checked_window
    row = view.rows[1]
    row.start_edit()
    assert row.editor.isVisible() and row.editor.text() == row.pair.text
    row.editor.setText("早上在河边跑步。")
    with qtbot.waitSignal(view.translationChanged, timeout=30000):
        qtbot.keyClick(row.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.rows and view.rows[1].pair.edited, timeout=10000)
    assert view.rows[1].text_label.text() == "早上在河边跑步。" and view.rows[1].mine.text() == "your wording"
    stored = window.store.db.execute("SELECT text, edited FROM translations WHERE post_id = 1").fetchone()
    assert "早上在河边跑步。" in stored[0] and stored[1] == 0
    assert "早上在河边跑步。" in window.editor.translation.toPlainText()

    # Other wordings of sentence 3: a dialog with the engine's n-best, each with its back-translation.
    assert view.current is view.rows[1]  # the edited sentence stays the current one
    view.set_current(2)
    with qtbot.waitSignal(window.runner.finished, timeout=30000):
        view.wordings_button.click()
    qtbot.waitUntil(lambda: getattr(view, "wordings_dialog", None) is not None and view.wordings_dialog.isVisible())
    dialog = view.wordings_dialog
    assert dialog.list.count() >= 2 and all("←" in dialog.list.item(i).text() for i in range(dialog.list.count()))
    screenshot(dialog, "sentence-view-other-wordings")
    chosen = dialog.chosen()
    assert not chosen.current
    with qtbot.waitSignal(view.translationChanged, timeout=30000):
        dialog.use_button.click()
    qtbot.waitUntil(lambda: view.rows and view.rows[2].pair.edited, timeout=10000)
    assert view.rows[2].text_label.text() == chosen.text
    assert view.rows[1].text_label.text() == "早上在河边跑步。"  # the first edit is still there
    settle(window, qtbot)


def test_glossary_from_a_selection_and_translate_again(checked_window, qtbot, monkeypatch):
    window, view = checked_window
    source, target = view.rows[1].source_label, view.rows[1].text_label
    source.setSelection(source.text().index("river"), len("river"))
    qtbot.mouseRelease(source, Qt.MouseButton.LeftButton)
    target.setSelection(0, 1)
    picked = target.selectedText()
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton)
    view.set_current(1)
    view.glossary_button.click()
    dialog = view.glossary_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert (dialog.term.text(), dialog.translation.text()) == ("river", picked)  # both sides filled in
    with qtbot.waitSignal(dialog.entered):
        dialog.add_button.click()
    entries = window.store.db.execute(
        "SELECT term, translation, source_lang, target_lang FROM glossary WHERE term = 'river'"
    ).fetchall()
    assert entries == [("river", picked, "en", "zh")]
    box = view.retranslate_box
    assert box.isVisible() and "1 post" in box.text()
    with qtbot.waitSignal(view.translationChanged, timeout=30000):
        box.button(QMessageBox.StandardButton.Yes).click()
    text = window.store.db.execute("SELECT text FROM translations WHERE post_id = 1").fetchone()[0]
    assert picked in text
    settle(window, qtbot)


def test_sentence_check_is_a_real_view_at_1024x700(checked_window, qtbot):
    """The walk at 1024×700 found one row about 45 px high with its own scroll bars and the buttons
    reachable only by scrolling inside it."""
    window, view = checked_window
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 700)
    QApplication.processEvents()
    # Real height: several rows in view at once, and every row as tall as its wrapped text.
    assert view.scroll_area.viewport().height() >= 250, view.scroll_area.viewport().height()
    assert not view.scroll_area.horizontalScrollBar().isVisible()
    labels = [label for row in view.rows for label in (row.source_label, row.text_label)]
    for label in labels:
        assert label.height() >= label.heightForWidth(label.width()) > 0, label.text()
    whole = window.rect()
    # The current row's actions stay in view, outside the scrolling rows.
    for button in (view.edit_button, view.wordings_button, view.glossary_button):
        assert button.isVisible() and not view.scroll_area.isAncestorOf(button)
        assert button.width() >= button.sizeHint().width(), button.text()  # its words not cut
        corner = button.mapTo(window, button.rect().bottomRight())
        assert whole.contains(button.mapTo(window, button.rect().topLeft())) and whole.contains(corner)
    screenshot(window, "sentence-view-1024x700")

    # The keyboard: Up and Down move the current row, F2 edits it, Escape leaves the edit, Tab reaches the buttons.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first = view.rows[0]
    first.setFocus()
    qtbot.waitUntil(lambda: view.current is first)
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert view.current is view.rows[1] and view.rows[1].hasFocus() and view.current_label.text() == "Sentence 2:"
    qtbot.keyClick(view.rows[1], Qt.Key.Key_F2)
    assert view.rows[1].editor.isVisible() and view.rows[1].editor.hasFocus()
    qtbot.keyClick(view.rows[1].editor, Qt.Key.Key_Escape)
    assert not view.rows[1].editor.isVisible() and view.rows[1].hasFocus()
    qtbot.keyClick(view.rows[1], Qt.Key.Key_Tab)  # Tab stops once in the rows, then at the buttons
    assert QApplication.focusWidget() is view.edit_button and view.current is view.rows[1]
    qtbot.keyClick(view.edit_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.wordings_button
    qtbot.keyClick(view.wordings_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: getattr(view, "wordings_dialog", None) is not None and view.wordings_dialog.isVisible())
    assert view.wordings_dialog.windowTitle() == "Other wordings of sentence 2"
    view.wordings_dialog.reject()
    settle(window, qtbot)


# A popup menu off-screen: the platform plugin cannot raise it or grab the keyboard for it.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_add_to_glossary_from_a_rows_context_menu(checked_window, qtbot):
    window, view = checked_window
    row = view.rows[1]
    label = row.source_label
    QApplication.sendEvent(
        label,
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, label.rect().center(), label.mapToGlobal(label.rect().center())
        ),
    )
    menu = view.row_menu
    qtbot.waitUntil(menu.isVisible)
    assert view.current is row
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Edit", "Other wordings", "Add to glossary…"]
    menu.actions()[2].trigger()
    dialog = view.glossary_dialog
    qtbot.waitUntil(dialog.isVisible)
    # Nothing selected: the whole sentence on each side, for the user to cut down.
    assert dialog.term.text() == "Morning run by the river." and dialog.translation.text() == row.pair.text
    dialog.term.setText("")
    dialog.add_button.click()
    assert dialog.isVisible() and dialog.problem.text()  # both sides are needed; what was typed stays
    dialog.term.setText("Morning run")
    dialog.translation.setText("晨跑")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    entries = window.store.db.execute("SELECT term, translation FROM glossary WHERE translation = '晨跑'").fetchall()
    assert entries == [("Morning run", "晨跑")]
    assert "晨跑" in view.summary.text()
    box = getattr(view, "retranslate_box", None)
    if box is not None and box.isVisible():
        box.button(QMessageBox.StandardButton.No).click()
    settle(window, qtbot)


def test_draft_from_the_window_carries_no_back_translation(checked_window, qtbot):
    window, view = checked_window
    check = view.check
    backs = [s.back.strip() for s in check.sentences if s.has_words]
    telling = [b for b in backs if len(b) >= 6 and b not in check.translation and b not in CAPTION]
    assert telling
    window.editor.layout_switch.setCurrentIndex(1)  # translation only
    with qtbot.waitSignal(window.draftCreated, timeout=30000) as created:
        window.ops.create_draft(1, "rednote", "translated")
    draft = created.args[0].to_json()
    assert draft and not any(b in draft["body"] or b in draft["title"] for b in telling)
    warned = [p for p in draft["problems"] if "mistranslated" in p["message"]]
    assert len(warned) == (1 if check.doubtful_count else 0)


def test_language_dialog_offers_the_reverse_pack(window, qtbot, argos_packs):
    dialog = window.open_languages()
    assert not dialog.reverse_button.isVisibleTo(dialog)
    with qtbot.waitSignal(window.runner.finished, timeout=30000):
        dialog.install_path(str(argos_packs[("en", "zh")]))
    assert dialog.missing_reverse == ("zh", "en") and dialog.reverse_button.isVisibleTo(dialog)
    pair = "Chinese (Simplified) → English"  # languages by name, not code
    assert dialog.reverse_button.text() == f"Download {pair}" and pair in dialog.reverse_note.text()
    screenshot(dialog, "language-packs-reverse")
    with qtbot.waitSignal(window.runner.finished, timeout=30000):
        dialog.install_path(str(argos_packs[("zh", "en")]))
    assert dialog.missing_reverse is None and not dialog.reverse_button.isVisibleTo(dialog)
    dialog.close()


def test_sentence_view_in_chinese_at_1024x700(checked_window, qtbot):
    window, view = checked_window
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 700)
    window.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: view.edit_button.text() == "编辑")
        QApplication.processEvents()
        assert view.glossary_button.text() == "加入术语表…"
        assert view.current_label.text() == f"第 {view.current.pair.n} 句："
        assert view.scroll_area.viewport().height() >= 250
        for button in (view.edit_button, view.wordings_button, view.glossary_button):
            assert button.isVisible() and button.width() >= button.sizeHint().width(), button.text()
            top_left, bottom_right = button.rect().topLeft(), button.rect().bottomRight()
            assert window.rect().contains(button.mapTo(window, top_left))
            assert window.rect().contains(button.mapTo(window, bottom_right))
        screenshot(window, "sentence-view-1024x700-zh")
    finally:
        window.set_language("en")
