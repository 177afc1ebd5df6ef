"""The window on the core API: what the user typed survives every import, translation and
re-composition, and every typed error is worded with the window's own actions (never a command)."""

from __future__ import annotations

import dataclasses
import inspect

import pytest
from exports import build_export, sample_posts, write_zip
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from crosspost import errors
from crosspost.cli.remedies import cli_message, problem_hint
from crosspost.gui.messages import _PROBLEM_HINTS, problem_text, window_message
from crosspost.records import Problem
from crosspost.values import ProblemLevel


def _typed_errors() -> set[type]:
    return {
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.UserError) and cls is not errors.UserError
    }


def test_every_typed_error_has_an_example():
    assert _typed_errors() <= {type(e) for e in errors.examples()}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_words_every_typed_error_without_a_command(window, language):
    window.set_language(language)
    try:
        for exc in errors.examples():
            text = window_message(exc)
            assert text.strip(), exc
            assert "crosspost " not in text and " --" not in text, (type(exc).__name__, text)
            if type(exc) is not errors.UserError:
                assert text != str(exc), f"{type(exc).__name__} is shown as the core wrote it"
        for code in _PROBLEM_HINTS:
            text = problem_text(Problem(ProblemLevel.ERROR, "media", "Something is missing.", code))
            assert "crosspost " not in text and " --" not in text and len(text) > len("Something is missing.")
    finally:
        window.set_language("en")


def test_the_cli_names_the_command_that_fixes_it():
    assert "`crosspost posts list`" in cli_message(errors.NotFound("post", 7))
    assert "crosspost media fetch 7" in cli_message(errors.NoMediaOnDisk(7))
    assert "crosspost translate 7 --to zh" in cli_message(errors.NoTranslation(7, "zh", "bilingual"))
    assert "crosspost languages download en zh" in cli_message(errors.NoLanguagePack("en", "zh"))
    assert "crosspost drafts render 2" in cli_message(errors.ExportBlocked(["draft 2: x"], {2: "not_rendered"}))
    problem = Problem(ProblemLevel.ERROR, "media", "The media is not rendered for RedNote yet.", "not_rendered")
    assert "crosspost drafts render 4" in problem_hint(problem, draft=4, post=1, lang="zh", platform="rednote")


def _chip(editor, topic):
    chips = [b for b in editor.findChildren(QToolButton) if b.text().startswith(f"#{topic} ")]
    assert chips, [b.text() for b in editor.findChildren(QToolButton)]
    return chips[-1]


def test_hand_edits_survive_reimport_retranslate_and_recompose(window, qtbot, tmp_path, argos_packs):
    from crosspost.posts import get_post
    from crosspost.translation.packs import install_pack

    install_pack(window.location, argos_packs[("en", "zh")])
    posts = sample_posts(3)
    first = write_zip(tmp_path / "first.zip", build_export("json-2025", posts))
    with qtbot.waitSignal(window.importFinished, timeout=30000):
        window.import_paths([str(first)])
    # The oldest post: "Morning run by the river 🏃‍♀️ #running #fyp @bestie"
    row = window.posts_model.rowCount() - 1
    post_id = window.posts_model.post_id(row)
    window.library.setCurrentIndex(window.posts_model.index(row))
    editor = window.editor
    assert editor.post_id == post_id and editor.topics == ["running", "fyp"]

    # In the window: a caption of their own, #fyp removed, #portland added, a title of their own.
    editor.original.setPlainText("Sunrise run along the Willamette, my favourite loop #running #fyp")
    qtbot.mouseClick(_chip(editor, "fyp"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.topics == ["running"])
    editor.new_topic.setFocus()
    qtbot.keyClicks(editor.new_topic, "portland")
    qtbot.keyClick(editor.new_topic, Qt.Key.Key_Return)
    assert editor.topics == ["running", "portland"]
    editor.title_edit.setFocus()
    qtbot.keyClicks(editor.title_edit, "Willamette sunrise loop")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)

    # The same export again changes nothing; a newer one brings new likes and a new TikTok caption.
    with qtbot.waitSignal(window.importFinished, timeout=30000) as again:
        window.import_paths([str(first)])
    assert (again.args[0].added, again.args[0].updated) == (0, 0)
    newer_posts = [dataclasses.replace(p, likes=p.likes + 1000) for p in posts]
    newer_posts[0] = dataclasses.replace(newer_posts[0], caption="Morning run by the river, edited on TikTok #running")
    newer = write_zip(tmp_path / "newer.zip", build_export("json-2025", newer_posts))
    with qtbot.waitSignal(window.importFinished, timeout=30000) as update:
        window.import_paths([str(newer)])
    assert update.args[0].updated == 3

    # Translate (twice: a re-translation) and make the draft (twice: a re-composition).
    for _ in range(2):
        with qtbot.waitSignal(window.runner.finished, timeout=60000):
            window.ops.translate_post(post_id)
    from crosspost.drafts.store import get_draft

    with qtbot.waitSignal(window.draftCreated, timeout=30000) as created:
        window.ops.create_draft(post_id, "rednote", "bilingual")
    draft = created.args[0].draft
    # Re-composing it (the queue's refresh of a draft whose post changed) keeps the same hand edits.
    with qtbot.waitSignal(window.runner.finished, timeout=30000):
        window.ops.refresh_drafts([draft.id])
    for d in (draft, get_draft(window.store, draft.id)):
        assert d.title == "Willamette sunrise loop"
        assert d.topics == ("running", "portland")
        assert "Sunrise run along the Willamette" in d.body

    post = get_post(window.store, post_id)
    assert post.caption.startswith("Sunrise run along the Willamette") and post.caption_edited
    assert post.tiktok_caption == "Morning run by the river, edited on TikTok #running"
    assert post.caption_changed_on_tiktok
    assert post.topics == ("running", "portland") and post.title == "Willamette sunrise loop"
    assert post.likes == posts[0].likes + 1000  # the newer export's other changes are in
    zh = post.translation("zh")
    assert zh is not None and zh.text.strip()
    # Copy topics in the queue gives the chips as the user left them.
    window.queue.select_draft(draft.id)
    window.queue.buttons["copy_topics"].click()
    assert QApplication.clipboard().text() == "#running #portland"
