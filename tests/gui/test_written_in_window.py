"""Issue 24 in the window: translating goes past a post it cannot translate and lists it with its
fixes; the editor's "Written in" box (language names, in Chinese too); gone media shown as gone and
dropped with Post → Drop lost media; the fetch sentence adds up; undoing a typed translation leaves
the post untranslated; the plural of "posts without a translation"."""

from __future__ import annotations

import datetime as dt

import pytest
from cdn import serving
from exports import Post, build_export, write_zip
from media_files import jpeg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from crosspost.posts import get_post

RECIPE = "Recipe: grandma's apple pie 🥧 — 3 apples, 200g flour, 1 cup sugar. Full steps in comments! #baking"
FRENCH = "Bonjour à tous, voici la recette de la tarte aux pommes de ma grand-mère, bon appétit #cuisine"
START = dt.datetime(2024, 11, 2, 9, 30, 0)
WAIT = 60000
FUTURE = int((dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=6)).timestamp())


def idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=WAIT)
    QApplication.processEvents()


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def import_posts(qtbot, window, tmp_path, posts: list[Post]) -> None:
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    with qtbot.waitSignal(window.importFinished, timeout=WAIT):
        window.import_paths([str(export)])
    idle(qtbot, window)


def post_id_of(window, caption: str) -> int:
    return window.store.db.execute("SELECT id FROM posts WHERE caption = ?", [caption]).fetchone()[0]


def select_post(qtbot, window, post_id: int) -> None:
    row = window.posts_model.row_of(post_id)
    rect = window.library.visualRect(window.posts_model.index(row))
    qtbot.mouseClick(window.library.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.editor.post_id == post_id)


@pytest.fixture
def packs(window, argos_packs):
    from crosspost.translation.packs import install_pack

    install_pack(window.location, argos_packs[("en", "zh")])
    install_pack(window.location, argos_packs[("en", "fr")])  # French is a language the user has packs for


def test_translate_all_skips_the_post_it_cannot_translate_and_offers_fixes(window, qtbot, tmp_path, packs):
    posts = [Post(date=START, caption=RECIPE), Post(date=START + dt.timedelta(days=1), caption=FRENCH)]
    import_posts(qtbot, window, tmp_path, posts)
    recipe, french = post_id_of(window, RECIPE), post_id_of(window, FRENCH)
    window.actions_["post.translate_all"].trigger()
    idle(qtbot, window)
    qtbot.waitUntil(lambda: getattr(window, "skipped_dialog", None) is not None, timeout=WAIT)
    dialog = window.skipped_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert get_post(window.store, recipe).translation("zh").text.strip()  # the rest was translated
    assert get_post(window.store, french).translation("zh") is None
    [(post_id, label, fix, packs_button)] = dialog.rows
    assert post_id == french
    assert "French→Chinese (Simplified)" in label.text() and "fr→zh" not in label.text()
    summary = dialog.summary.text()
    assert "1 post could not be translated" in summary and "1 other post was translated" in summary

    click(qtbot, fix)  # opens the post with its "Written in" box focused
    qtbot.waitUntil(lambda: not dialog.isVisible())
    editor = window.editor
    assert editor.post_id == french
    qtbot.waitUntil(lambda: editor.written_in.hasFocus())
    assert editor.written_in.currentText() == "Detect automatically"
    editor.written_in.setCurrentIndex(editor.written_in.findText("English"))
    assert get_post(window.store, french).written_in == "en"
    click(qtbot, editor.translate_button)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(editor.translation.toPlainText()), timeout=WAIT)
    assert get_post(window.store, french).translation("zh").source_lang == "en"


def test_the_language_packs_button_opens_the_packs(window, qtbot, tmp_path, packs):
    from crosspost.gui.dialogs import LanguagePacksDialog

    import_posts(qtbot, window, tmp_path, [Post(date=START, caption=FRENCH)])
    select_post(qtbot, window, post_id_of(window, FRENCH))
    click(qtbot, window.editor.translate_button)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: getattr(window, "skipped_dialog", None) is not None, timeout=WAIT)
    click(qtbot, window.skipped_dialog.rows[0][3])
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(LanguagePacksDialog)))


def test_written_in_box_shows_names_in_chinese(window, qtbot, tmp_path):
    import_posts(qtbot, window, tmp_path, [Post(date=START, caption=RECIPE)])
    post = post_id_of(window, RECIPE)
    select_post(qtbot, window, post)
    box = window.editor.written_in
    names = [box.itemText(i) for i in range(box.count())]
    assert "English" in names and "French" in names and "en" not in names and "fr" not in names
    box.setCurrentIndex(box.findText("French"))
    window.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: box.currentText() == "法语")
        names = [box.itemText(i) for i in range(box.count())]
        assert "英语" in names and "自动检测" in names
        assert window.editor.written_in_label.text() == "写作语言"
    finally:
        window.set_language("en")
    assert get_post(window.store, post).written_in == "fr"


@pytest.fixture
def cdn(tmp_path):
    """A real photo for every link but photo 1 of a slideshow and every video (404)."""
    photo = jpeg(tmp_path / "served.jpg", 600, 800).read_bytes()
    with serving(photo, dead={"_1.jpeg": 404, "/v.mp4": 404}) as (base, _asked):
        yield base


def test_gone_media_is_shown_gone_and_dropped(window, qtbot, tmp_path, cdn):
    posts = [
        Post(date=START, caption="Three photos from the market", images=3, media_base=cdn, expires=FUTURE),
        Post(date=START + dt.timedelta(days=1), caption="A video whose link is dead", media_base=cdn, expires=FUTURE),
    ]
    import_posts(qtbot, window, tmp_path, posts)
    post = post_id_of(window, "Three photos from the market")
    dead = post_id_of(window, "A video whose link is dead")
    select_post(qtbot, window, post)
    window.actions_["post.fetch_all"].trigger()
    idle(qtbot, window)
    message = window.statusBar().currentMessage()
    assert message.startswith("Of 4 files: 2 downloaded, 0 already on disk, 2 gone, 0 failed.")
    dead_row = window.posts_model.index(window.posts_model.row_of(dead)).data()
    assert "media gone" in dead_row and "valid until" not in dead_row
    assert "…." not in message and "Drop lost media" in message
    qtbot.waitUntil(lambda: "1 file is gone" in window.editor.media_state.text())
    assert "until" not in window.editor.media_state.text()
    row_text = window.posts_model.index(window.posts_model.row_of(post)).data()
    assert "2 of 3 on disk" in row_text and "valid until" not in row_text
    assert not window.expiry_banner.isVisible()  # no link left to fetch

    window.actions_["post.drop_lost"].trigger()
    box = window.ops.question
    assert box.objectName() == "dropLostMedia" and "1 photo or video of this post is lost" in box.text()
    drop = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    click(qtbot, drop)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: window.editor.media_state.text() == "Every file is on this computer (2).")
    assert len(get_post(window.store, post).media) == 2


def test_undoing_a_typed_translation_leaves_the_post_untranslated(window, qtbot, tmp_path):
    from crosspost.gui.labels import language_label

    import_posts(qtbot, window, tmp_path, [Post(date=START, caption=RECIPE)])
    post = post_id_of(window, RECIPE)
    select_post(qtbot, window, post)
    editor = window.editor
    qtbot.mouseClick(editor.translation.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.translation, "my words")
    qtbot.waitUntil(lambda: get_post(window.store, post).translation("zh") is not None)
    badge = "🌐 " + language_label("zh")  # the translated mark names the language
    assert badge in window.posts_model.index(window.posts_model.row_of(post)).data()
    qtbot.keyClick(editor.translation, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.translation.toPlainText() == "")
    assert get_post(window.store, post).translation("zh") is None
    qtbot.waitUntil(lambda: badge not in window.posts_model.index(window.posts_model.row_of(post)).data())
    # Create draft (bilingual) asks to translate first instead of making a draft without a translation.
    editor.layout_switch.setCurrentIndex(editor.layout_switch.findData("bilingual"))
    click(qtbot, editor.draft_button)
    qtbot.waitUntil(lambda: getattr(window.ops, "question", None) is not None and window.ops.question.isVisible())
    assert window.ops.question.objectName() == "offerTranslation"
    assert window.ops.question.text().startswith("This post has no translation yet")
    window.ops.question.button(QMessageBox.StandardButton.Cancel).click()


def test_plural_of_posts_without_a_translation(window, qtbot, tmp_path, argos_packs):
    posts = [Post(date=START + dt.timedelta(days=i), caption=f"Morning run number {i} by the river") for i in range(3)]
    import_posts(qtbot, window, tmp_path, posts)
    ids = sorted(r[0] for r in window.store.db.execute("SELECT id FROM posts"))
    from crosspost.translation.service import save_edit

    for pid in ids[:2]:
        save_edit(window.store, pid, "zh", "译文")
    box = window.ops._offer_translation(ids, [ids[2]], "rednote", "bilingual")
    assert box.text().startswith("1 of the selected posts has no translation yet")
    box.button(QMessageBox.StandardButton.Cancel).click()
    box = window.ops._offer_translation(ids, ids[1:], "rednote", "bilingual")
    assert box.text().startswith("2 of the selected posts have no translation yet")
    box.button(QMessageBox.StandardButton.Cancel).click()


def test_edit_undo_puts_the_machine_translation_back_unedited(window, qtbot, tmp_path, argos_packs):
    from crosspost.translation.packs import install_pack
    from crosspost.translation.service import translate_posts

    install_pack(window.location, argos_packs[("en", "zh")])
    import_posts(qtbot, window, tmp_path, [Post(date=START, caption=RECIPE)])
    post = post_id_of(window, RECIPE)
    [machine] = translate_posts(window.store, window.location, [post], "auto", "zh")
    select_post(qtbot, window, post)
    editor = window.editor
    editor.load(post)  # as the window does after a translation
    assert editor.translation.toPlainText() == machine.text
    qtbot.mouseClick(editor.translation.viewport(), Qt.MouseButton.LeftButton)
    editor.translation.moveCursor(editor.translation.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.translation, " mine")
    qtbot.waitUntil(lambda: get_post(window.store, post).translation("zh").edited)
    window.actions_["edit.undo"].trigger()  # Edit → Undo
    qtbot.waitUntil(lambda: editor.translation.toPlainText() == machine.text)
    restored = get_post(window.store, post).translation("zh")
    assert restored.text == machine.text and not restored.edited and restored.source_lang == "en"


def test_a_long_skip_list_shows_the_first_fifty_and_a_count(qtbot):
    from crosspost.gui.skipped_posts import MAX_ROWS, SkippedPostsDialog
    from crosspost.translation.service import PostTranslation, SkipReason
    from crosspost.translation.written_in import LanguageSource

    skipped = [
        PostTranslation(i, "de", "zh", "", skipped=SkipReason.NO_PACK, source_from=LanguageSource.USUAL)
        for i in range(1, 61)
    ]
    dialog = SkippedPostsDialog(skipped, 0, {i: f"Guten Morgen {i}" for i in range(1, 61)})
    qtbot.addWidget(dialog)
    assert len(dialog.rows) == MAX_ROWS == 50
    assert "German→Chinese (Simplified)" in dialog.rows[0][1].text() and "usual language" in dialog.rows[0][1].text()
    texts = [label.text() for label in dialog.findChildren(type(dialog.summary))]
    assert "… and 10 more posts, skipped for the same reasons." in texts


def test_the_banner_follows_the_newest_export(window, qtbot, tmp_path):
    old = [Post(date=START + dt.timedelta(days=i), caption=f"post number {i}") for i in range(3)]  # expired
    import_posts(qtbot, window, tmp_path, old)
    banner = window.expiry_banner
    assert banner.isVisible() and "expired on 4 Jan 2025" in banner.text.text()
    newer = [Post(date=p.date, caption=p.caption, expires=FUTURE + 3600) for p in old[1:]]  # a newer export
    export = write_zip(tmp_path / "newer.zip", build_export("json-2025", newer))
    with qtbot.waitSignal(window.importFinished, timeout=WAIT):
        window.import_paths([str(export)])
    idle(qtbot, window)
    assert banner.isVisible() and "expire in 6 days" in banner.text.text()
    assert "expired" not in banner.text.text() and banner.fetch_button.isVisible()


def test_no_pack_message_names_languages(window, qtbot):
    from crosspost.errors import NoLanguagePack
    from crosspost.gui.messages import window_message

    assert window_message(NoLanguagePack("fr", "zh")).startswith("No French→Chinese (Simplified) language pack")
    window.set_language("zh_CN")
    try:
        text = window_message(NoLanguagePack("fr", "zh"))
        assert "法语" in text and "简体中文" in text and "fr" not in text and "zh" not in text
    finally:
        window.set_language("en")
