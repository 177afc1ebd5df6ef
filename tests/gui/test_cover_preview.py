"""The cover chooser's live preview off the GUI thread (issue 22, items 13 and 14): typing a huge
title never draws on the GUI thread, only the newest request's preview is shown, the text is capped
at what a cover holds, and text the cover font can't draw is said beside the preview."""

from __future__ import annotations

import threading

from gui.test_handoff import rednote_draft  # noqa: F401 - the fixture
from PIL import ImageChops

from crosspost.limits import MAX_COVER_TEXT_CHARS


def _settled(chooser, qtbot):
    qtbot.waitUntil(lambda: not chooser._debounce.isActive() and not chooser.preview_pending, timeout=30000)


def test_typing_a_huge_title_is_drawn_on_a_worker_and_only_the_newest_preview_shows(rednote_draft, qtbot):  # noqa: F811
    """Before: a 10,000-character CJK title was laid out on the GUI thread, 6.7 s per keystroke."""
    from crosspost.media.cover_text import draw_cover_text

    window, draft = rednote_draft
    chooser = window.queue.cover
    _settled(chooser, qtbot)
    shown: list[int] = []
    chooser.previewShown.connect(shown.append)

    huge = "清晨观鸟日记" * 1700
    chooser.text.setText(huge)
    assert len(chooser.text.text()) == MAX_COVER_TEXT_CHARS  # capped at what a cover holds, and said
    assert not chooser.text_note.isHidden() and f"at most {MAX_COVER_TEXT_CHARS}" in chooser.text_note.text()
    assert f"at most {MAX_COVER_TEXT_CHARS}" in chooser.text.toolTip()

    # Three requests from the GUI thread in a row, as fast typing makes them: each handler only
    # queues a request; nothing is drawn (or shown) until the worker has finished one.
    chooser._debounce.stop()
    before = chooser.shown_request
    first = chooser._worker.latest
    overtaken = chooser._worker.skipped + chooser._worker.dropped
    chooser.update_preview()
    chooser.style_box.setCurrentIndex(chooser.style_box.findData("banner"))  # requests one itself
    chooser.text.setText(huge[:150])
    chooser._debounce.stop()
    chooser.update_preview()
    assert chooser.shown_request == before and chooser.preview_pending
    latest = chooser._worker.latest
    assert latest == first + 3
    _settled(chooser, qtbot)
    assert shown == [latest]  # only the newest request's preview reached the window
    # the two older requests were skipped (overtaken before drawing) or their results dropped
    assert chooser._worker.skipped + chooser._worker.dropped - overtaken == 2
    assert chooser.render_thread is not None and chooser.render_thread != threading.get_ident()
    expected = draw_cover_text(chooser._base, "banner", huge[:150])
    assert ImageChops.difference(chooser.preview_image, expected).getbbox() is None
    assert "at most" not in chooser.text_note.text()  # under the cap again


def test_text_the_cover_font_cannot_draw_is_said_beside_the_preview(rednote_draft, qtbot):  # noqa: F811
    """Before: Arabic or emoji only gave a blank cover without a word."""
    window, _ = rednote_draft
    chooser = window.queue.cover
    _settled(chooser, qtbot)
    assert chooser.text_note.isHidden()
    chooser.text.setText("مرحبا بالعالم")
    _settled(chooser, qtbot)
    assert not chooser.text_note.isHidden()
    assert "can't be drawn with the cover font" in chooser.text_note.text()
    assert "no title" in chooser.text_note.text()
    chooser.text.setText("Morning مرحبا run")
    _settled(chooser, qtbot)
    assert "can't be drawn with the cover font: م ر ح ب ا will be left out" in chooser.text_note.text()
    window.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: "封面字体" in chooser.text_note.text())
    finally:
        window.set_language("en")
    chooser.text.setText("Morning run 🏃")  # emoji beside words: left out quietly, as before
    _settled(chooser, qtbot)
    assert chooser.text_note.isHidden()


def test_the_queues_cover_warning_is_worded_in_chinese(rednote_draft):  # noqa: F811
    """The preflight warning as the queue shows it, in the Chinese window."""
    from crosspost.drafts.store import edit_draft
    from crosspost.gui.messages import problem_text

    window, draft = rednote_draft
    problems = []
    for text in ("مرحبا", "Morning مرحبا"):
        checked = edit_draft(window.store, draft["id"], cover_text=text)
        problems += [p for p in checked.problems if p.code == "cover_text_undrawable"]
    assert len(problems) == 2
    window.set_language("zh_CN")
    try:
        worded = [problem_text(p) for p in problems]
    finally:
        window.set_language("en")
    assert worded == [
        "封面字体无法绘制这段封面文字；封面上将没有标题。",
        "封面字体无法绘制部分封面文字：م ر ح ب ا 将被略去。",
    ]
