"""The window on the core API: what the user typed survives every import, translation and
re-composition, and every typed error is worded with the window's own actions (never a command)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import pkgutil

import pytest
from exports import build_export, sample_posts, write_zip
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from crosspost import errors, examples
from crosspost.cli.remedies import cli_message, problem_hint, remedy
from crosspost.gui import messages
from crosspost.gui.messages import problem_text, window_message
from crosspost.records import Problem
from crosspost.values import ProblemCode


def _typed_errors() -> set[type]:
    return {
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.UserError) and cls is not errors.UserError
    }


def _core_modules() -> list[str]:
    import crosspost

    return [
        m.name
        for m in pkgutil.walk_packages(crosspost.__path__, "crosspost.")
        if not m.name.startswith(("crosspost.gui", "crosspost.__main__"))
    ]


def test_every_typed_error_has_an_example():
    assert len(_typed_errors()) >= 28
    assert _typed_errors() <= {type(e) for e in examples.errors()}


def test_every_user_error_class_lives_in_errors_py():
    """A UserError subclass defined anywhere else would escape the faces' tests (14 did)."""
    outside = set()
    for name in _core_modules():
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, errors.UserError) and cls.__module__ != "crosspost.errors":
                outside.add(f"{cls.__module__}.{cls.__name__}")
    assert len(_core_modules()) > 40
    assert not outside, sorted(outside)


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_gui_messages_hold_no_regex():
    source = inspect.getsource(messages)
    assert "def window_message" in source
    assert "import re" not in source and "regex" not in source and "compile(" not in source


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_words_every_typed_error_without_a_command(window, language):
    window.set_language(language)
    try:
        for exc in examples.errors():
            text = window_message(exc)
            assert text.strip(), exc
            assert "crosspost " not in text and " --" not in text, (type(exc).__name__, text)
            if type(exc) is not errors.UserError:
                assert text != str(exc), f"{type(exc).__name__} is shown as the core wrote it"
                assert _has_chinese(text) == (language == "zh_CN"), (type(exc).__name__, text)
    finally:
        window.set_language("en")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_words_every_problem_code_from_its_facts(window, language):
    problems = examples.problems()
    assert {p.code for p in problems} == set(ProblemCode)
    window.set_language(language)
    try:
        for problem in problems:
            text = problem_text(problem)
            assert text.strip(), problem.code
            if language == "zh_CN":
                assert text != problem.message, problem.code
            assert "crosspost " not in text and " --" not in text, (problem.code, text)
            assert _has_chinese(text) == (language == "zh_CN"), (problem.code, text)
            assert "%" not in text, (problem.code, text)  # every placeholder filled
    finally:
        window.set_language("en")


def test_the_four_sentences_the_chinese_window_showed_in_english(window):
    """The shortened title, the doubtful-sentence count, the thread note and the topics left out."""
    facts = {
        ProblemCode.TITLE_SHORTENED: {"limit": 20, "unit": "chars", "platform": "rednote"},
        ProblemCode.DOUBTFUL_SENTENCES: {"count": 3},
        ProblemCode.THREAD: {"parts": 4},
        ProblemCode.TOPICS_LEFT_OUT: {"limit": 10, "topics": ("fyp", "viral"), "platform": "rednote"},
    }
    window.set_language("zh_CN")
    try:
        worded = {code: problem_text(Problem(code, f)) for code, f in facts.items()}
    finally:
        window.set_language("en")
    assert all(_has_chinese(text) for text in worded.values()), worded
    assert "小红书" in worded[ProblemCode.TITLE_SHORTENED] and "20" in worded[ProblemCode.TITLE_SHORTENED]
    assert "3" in worded[ProblemCode.DOUBTFUL_SENTENCES] and "4" in worded[ProblemCode.THREAD]
    assert "#fyp, #viral" in worded[ProblemCode.TOPICS_LEFT_OUT]


def test_the_cli_words_every_typed_error_and_problem_code():
    for exc in examples.errors():
        text = cli_message(exc)
        assert text.startswith(str(exc)) and str(exc).strip(), type(exc).__name__
    # Every type has a command that fixes it (InvalidChoice's sentence already lists the choices).
    remedied = {type(exc) for exc in examples.errors() if remedy(exc)}
    assert _typed_errors() - remedied == {errors.InvalidChoice}
    for problem in examples.problems():
        assert problem.message.endswith("."), problem.code
        assert problem.to_json() == {
            "level": str(problem.code.level),
            "field": problem.code.field,
            "message": problem.message,
            "code": problem.code.value,
        }
        hint = problem_hint(problem, draft=4, post=1, lang="zh", platform="rednote")
        assert hint.startswith(problem.message)


def test_problem_codes_serialize_to_the_strings_of_before():
    before = {
        "title_too_long", "body_too_long", "title_empty", "too_many_topics", "no_translation",
        "doubtful_sentences", "tags_too_long", "thread", "no_alt_text", "no_media", "too_many_photos",
        "no_videos", "video_too_long", "not_rendered", "file_too_large", "wrong_aspect",
    }  # fmt: skip
    assert before <= {code.value for code in ProblemCode}
    assert ProblemCode("not_rendered") is ProblemCode.NOT_RENDERED and ProblemCode.NOT_RENDERED == "not_rendered"


def test_the_cli_names_the_command_that_fixes_it():
    assert "`crosspost posts list`" in cli_message(errors.NotFound("post", 7))
    assert "crosspost media fetch 7" in cli_message(errors.NoMediaOnDisk(7))
    assert "crosspost translate 7 --to zh" in cli_message(errors.NoTranslation(7, "zh", "bilingual"))
    assert "crosspost languages download en zh" in cli_message(errors.NoLanguagePack("en", "zh"))
    not_rendered = Problem(ProblemCode.NOT_RENDERED, {"platform": "rednote"})
    assert "crosspost drafts render 2" in cli_message(errors.ExportBlocked({2: not_rendered}))
    assert "crosspost drafts render 4" in problem_hint(not_rendered, draft=4, post=1, lang="zh", platform="rednote")
    assert "crosspost languages download zh en" in cli_message(errors.ReversePackMissing("zh", "en"))
    assert "--replace" in cli_message(errors.WholeEditExists(7, "zh"))


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


def test_publishing_failures_are_worded_by_kind_not_by_the_servers_english(window):
    """What the window can say without the server's text (offline, rate limit, sign-in…) it says in
    the UI language; only the other kinds quote the server."""
    own = [k for k in errors.PublishFailure if k not in {"error", "too_large", "server", "refused", "media", "video"}]
    assert len(own) == 7
    window.set_language("zh_CN")
    try:
        for kind in own:
            text = window_message(errors.PublishError("SERVER TEXT", kind=kind))
            assert _has_chinese(text) and "SERVER TEXT" not in text, (kind, text)
        quoted = window_message(errors.PublishError("SERVER TEXT", kind=errors.PublishFailure.REFUSED))
        assert _has_chinese(quoted) and "SERVER TEXT" in quoted
        late = errors.PublishError("x", kind="rate_limited", retry_after=dt.datetime(2025, 1, 2, 3, 4, tzinfo=dt.UTC))
        assert dt.datetime(2025, 1, 2, 3, 4, tzinfo=dt.UTC).astimezone().strftime("%H:%M") in window_message(late)
    finally:
        window.set_language("en")


def _import_notes() -> list:
    from crosspost.importing.notes import ImportNote, NoteCode

    facts = {
        NoteCode.BAD_DATES: {"count": 2, "name": "Posts.txt", "shown": "'2024-13-45'"},
        NoteCode.NO_OWN_POSTS: {"name": "user_data_tiktok.json"},
        NoteCode.NOT_A_REGULAR_FILE: {"name": "Activity/fifo.txt"},
        NoteCode.OUTSIDE_ARCHIVE: {"name": "../evil.json"},
        NoteCode.CAPTION_CUT: {"date": "2024-11-02T09:30:00Z", "length": 40_000, "kept": 10_000},
        NoteCode.MEDIA_UNMATCHED: {"count": 3, "name": "/home/me/videos", "shown": "a.mp4, b.mp4, c.jpg"},
    }
    assert set(facts) == set(NoteCode)
    return [ImportNote(code, f"English for {code.value}", **f) for code, f in facts.items()]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_words_every_import_note(window, language):
    """What an import skipped or changed: in the window's language, from the note's code and facts."""
    from crosspost.gui.import_words import import_note_text

    window.set_language(language)
    try:
        notes = _import_notes()
        for note in notes:
            text = import_note_text(note)
            assert text.strip() and text != str(note), note.code
            assert _has_chinese(text) == (language == "zh_CN"), (note.code, text)
            assert "%" not in text and "crosspost " not in text, (note.code, text)
        assert import_note_text("a plain sentence") == "a plain sentence"
    finally:
        window.set_language("en")
