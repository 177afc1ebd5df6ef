"""Issue 24's walk for its core items, through widgets only (drop, menus, buttons, file choosers):
from an empty data folder to exported RedNote bundles for a four-post export with an English recipe
among numbers and emoji, one dead link and one post in a language no pack translates. Asserts the
truthful states on the way: detection, the skipped post named with its fix, "gone" media dropped,
fetch counts that add up, and a bundle with nothing private in it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from cdn import serving
from exports import Post, build_export, write_zip
from gui.test_journey import (
    _pack_dialogs,
    answer_file_dialog,
    click,
    click_menu,
    click_row,
    drop,
    idle,
)
from media_files import jpeg, video
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from crosspost.posts import get_post

WAIT = 60000
START = dt.datetime(2024, 11, 2, 9, 30, 0)
FUTURE = int((dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=6, hours=1)).timestamp())
RECIPE = "Recipe: grandma's apple pie 🥧 — 3 apples, 200g flour, 1 cup sugar. Full steps in comments! #baking"
MARKET = "Saturday market haul: peaches, bread and flowers #market"
FRENCH = "Bonjour à tous, voici la recette de la tarte aux pommes de ma grand-mère, bon appétit #cuisine"
RUN = "Morning run by the river with my best friend #running"
NOTES = "PRIVATE: ask Mum first"


@pytest.fixture
def cdn(tmp_path):
    """A real MP4 for ….mp4, a real JPEG for ….jpeg, and 404 for the slideshow's second photo."""
    clip = video(tmp_path / "cdn-clip.mp4", 360, 640, seconds=1.0).read_bytes()
    photo = jpeg(tmp_path / "cdn-photo.jpg", 900, 1200).read_bytes()
    with serving(photo, clip, dead={"_1.jpeg": 404}) as (base, _asked):
        yield base


def _row(window, caption: str) -> int:
    post_id = window.store.db.execute("SELECT id FROM posts WHERE caption = ?", [caption]).fetchone()[0]
    return window.posts_model.row_of(post_id)


class Looker:
    """In the Chinese window, what every visible window, dialog and the status bar say at each step:
    no Latin-script sentence is allowed except names (TikTok, RedNote …), paths, URLs and what the
    person wrote (captions, their translations, titles, notes)."""

    def __init__(self, window, language: str) -> None:
        self.window, self.on = window, language == "zh_CN"
        self.found: dict[str, list] = {}
        self.looked = 0
        self.extra: list[str] = []  # names the person gave (the exported bundles' folders)

    def user_data(self) -> list[str]:
        store = self.window.store
        data = [NOTES, str(self.window.location.root)]
        for row in store.db.execute("SELECT caption FROM posts").fetchall():
            data += [row[0], *re.findall(r"#\w+", row[0] or "")]  # the caption, and its topics as chips show them
        for row in store.db.execute("SELECT text FROM translations").fetchall():
            data += [row[0], *row[0].split("\n")]
        for row in store.db.execute("SELECT title, body, topics FROM drafts").fetchall():
            data += [row[0], row[1], *row[1].split("\n"), *json.loads(row[2] or "[]")]
        return [d for d in data if d]

    def look(self, step: str) -> None:
        if not self.on:
            return
        from gui.test_polish import english_words, visible_texts
        from PySide6.QtWidgets import QApplication

        data = self.user_data() + self.extra
        for top in QApplication.topLevelWidgets():
            if not top.isVisible() or type(top).__name__ in ("QFileDialog", "QMenu", "QToolTip"):
                continue
            texts = visible_texts(top)
            if top is self.window:
                texts.append(("status", self.window.statusBar().currentMessage()))
            self.looked += len(texts)
            for kind, text in texts:
                text = re.sub(r"“[^”]*”", " ", text)  # a quoted caption is the person's own words
                words = english_words(text, data)
                if words:
                    self.found.setdefault(step, []).append((type(top).__name__, kind, text, words))


@pytest.mark.qt_log_ignore(
    "does not support QPlatformServices::openDocument",
    "does not support grabbing the keyboard",
    r"does not support raise\(\)",
)
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_second_walk(window, qtbot, tmp_path, cdn, argos_packs, language):
    """The walk in English (its sentences checked word for word) and in 简体中文 (every visible label,
    button, message, dialog and the status bar checked for English at each step)."""
    from crosspost.gui.labels import language_label
    from crosspost.posts import post_media

    window.set_language(language)
    en = language == "en"
    looker = Looker(window, language)
    posts = [
        Post(date=START, caption=RECIPE, media_base=cdn, expires=FUTURE),
        Post(date=START + dt.timedelta(days=1), caption=MARKET, images=3, media_base=cdn, expires=FUTURE),
        Post(date=START + dt.timedelta(days=2), caption=FRENCH, media_base=cdn, expires=FUTURE),
        Post(date=START + dt.timedelta(days=3), caption=RUN, images=1, media_base=cdn, expires=FUTURE),
    ]
    export = write_zip(tmp_path / "TikTok_Data.zip", build_export("json-2025", posts))
    # 1. Drop the export; the banner offers to fetch before the links expire.
    with qtbot.waitSignal(window.importFinished, timeout=WAIT):
        drop(window, [export])
    idle(qtbot, window)
    assert window.posts_model.rowCount() == 4
    banner = window.expiry_banner
    assert banner.isVisible() and "6" in banner.text.text()
    assert not en or "expire in 6 days" in banner.text.text()
    looker.look("1. imported")
    # 2. Fetch every file: the sentence adds up, the dead link is "gone", never "valid until".
    click(qtbot, banner.fetch_button)
    idle(qtbot, window)
    message = window.statusBar().currentMessage()
    assert all(n in message for n in ("6", "5", "1", "0")), message  # the counts, in any language
    assert not en or message.startswith("Of 6 files: 5 downloaded, 0 already on disk, 1 gone, 0 failed."), message
    market = window.posts_model.index(_row(window, MARKET)).data()
    assert not en or ("2 of 3 on disk" in market and "valid until" not in market)
    assert not banner.isVisible()
    looker.look("2. fetched")
    # 3. Two packs from files: en→zh, and en→fr (French is one of the user's languages; fr→zh is not).
    click_menu(qtbot, window, window.actions_.menus["tools"], window.actions_["tools.languages"])
    qtbot.waitUntil(lambda: any(d.isVisible() for d in _pack_dialogs(window)), timeout=10000)
    dialog = next(d for d in _pack_dialogs(window) if d.isVisible())
    for n, pair in enumerate((("en", "zh"), ("en", "fr")), 1):
        click(qtbot, dialog.install_button)
        answer_file_dialog(qtbot, dialog, argos_packs[pair])
        idle(qtbot, window)
        qtbot.waitUntil(lambda n=n: dialog.table.rowCount() == n, timeout=WAIT)
    looker.look("3. language packs")
    click(qtbot, dialog.close_buttons.button(QDialogButtonBox.StandardButton.Close))
    # 4. Translate all: the recipe is English; the French post is skipped, named, with its fixes.
    click_menu(qtbot, window, window.actions_.menus["post"], window.actions_["post.translate_all"])
    idle(qtbot, window)
    qtbot.waitUntil(lambda: getattr(window, "skipped_dialog", None) is not None, timeout=WAIT)
    skipped = window.skipped_dialog
    qtbot.waitUntil(skipped.isVisible)
    assert [r[0] for r in skipped.rows] == [window.posts_model.post_id(_row(window, FRENCH))]
    named = skipped.rows[0][1].text()
    assert "Bonjour à tous" in named and language_label("fr") in named and language_label("zh") in named, named
    assert skipped.rows[0][2].isVisible() and skipped.rows[0][3].isVisible()
    looker.look("4. translated, one skipped")
    recipe_id = window.posts_model.post_id(_row(window, RECIPE))
    translation = get_post(window.store, recipe_id).translation("zh")
    assert translation.source_lang == "en" and "#baking" in translation.text and "🥧" in translation.text
    click(qtbot, skipped.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close))
    # 5. The market post: its lost photo is dropped.
    click_row(qtbot, window, _row(window, MARKET))
    editor = window.editor
    assert "1" in editor.media_state.text() and (not en or "1 file is gone" in editor.media_state.text())
    looker.look("5. a lost photo")
    click_menu(qtbot, window, window.actions_.menus["post"], window.actions_["post.drop_lost"])
    box = window.ops.question
    qtbot.waitUntil(box.isVisible)
    looker.look("5. drop lost media?")
    click(qtbot, next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole))
    idle(qtbot, window)
    qtbot.waitUntil(lambda: len(post_media(window.store, editor.post_id)) == 2, timeout=WAIT)
    if en:
        qtbot.waitUntil(lambda: editor.media_state.text() == "Every file is on this computer (2).", timeout=WAIT)
    # Private notes on it, never in the bundle.
    qtbot.mouseClick(editor.notes, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.notes, NOTES)
    market_id = editor.post_id
    qtbot.waitUntil(lambda: get_post(window.store, market_id).notes == NOTES, timeout=WAIT)
    # 6. Drafts for the market and the recipe ("Original only"), render, export.
    click_row(qtbot, window, _row(window, RECIPE), ctrl=True)
    assert len(window.selected_post_ids()) == 2
    editor.layout_switch.setFocus()
    qtbot.keyClick(editor.layout_switch, Qt.Key.Key_Home)
    assert editor.layout_switch.currentData() == "original"
    created = []
    window.draftCreated.connect(created.append)
    click(qtbot, editor.draft_button)
    qtbot.waitUntil(lambda: len(created) == 2, timeout=WAIT)
    queue = window.queue
    looker.look("6. drafts")
    click(qtbot, queue.buttons["render"])
    idle(qtbot, window)
    qtbot.waitUntil(
        lambda: len(queue.model.drafts) == 2 and all(c.draft.status == "ready" for c in queue.model.drafts),
        timeout=WAIT,
    )
    looker.look("6. rendered")
    out = tmp_path / "out"
    out.mkdir()
    click(qtbot, queue.buttons["export"])
    with qtbot.waitSignal(window.exportFinished, timeout=WAIT):
        answer_file_dialog(qtbot, queue, out)
    qtbot.waitUntil(lambda: window.ops.export_result is not None and window.ops.export_result.isVisible())
    looker.extra = [p.name for p in out.iterdir()]
    looker.look("7. exported")
    window.set_language("en")
    if not en:  # every step was looked at, and what it showed was Chinese
        assert looker.looked > 200
        assert looker.found == {}, json.dumps(looker.found, ensure_ascii=False, indent=1)
    bundles = sorted(p for p in out.iterdir() if p.is_dir())
    assert len(bundles) == 2
    for bundle in bundles:
        data = json.loads((bundle / "draft.json").read_text(encoding="utf-8"))
        media = sorted(p.name for p in bundle.iterdir() if p.name[:2].isdigit())
        assert data["media"] == media and media and data["cover"] == "cover.jpg"
        assert len(media) == (2 if data["post"] == market_id else 1)
        for name in ("draft.json", "caption.txt"):
            text = (bundle / name).read_text(encoding="utf-8")
            assert NOTES not in text and str(window.location.root) not in text and str(Path.home()) not in text
        assert not {"notes", "status", "exported_to"} & set(data)
