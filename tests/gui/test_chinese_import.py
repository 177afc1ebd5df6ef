"""The import's problems in the Chinese window: the error box for an export that can't be read, and
the import panel's list of what was skipped, in Chinese (issue 24 item 6), while the CLI keeps its
English sentences."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from exports import Post, build_export, write_zip
from gui.test_journey import drop, idle

LATIN_WORD = __import__("re").compile(r"[A-Za-z]{4,}")
NAMES = {"TikTok", "json", "user_data_tiktok", "zip", "UTF", "JSON", "Posts", "Videos", "txt", "Download"}


def _latin_words(text: str, *names: str) -> list[str]:
    for name in names:
        text = text.replace(name, "")
    return [w for w in LATIN_WORD.findall(text) if w not in NAMES]


def _bad_exports(tmp_path):
    not_zip = tmp_path / "TikTok_Data.zip"
    not_zip.write_bytes(b"this is not a zip file at all")
    empty_zip = tmp_path / "empty_export.zip"
    with zipfile.ZipFile(empty_zip, "w") as z:
        z.writestr("readme.md", "nothing here")
    cut = tmp_path / "user_data_tiktok.json"
    cut.write_text('{"Profile": {"Profile Info": {"ProfileMap": {"userName": "alice"', encoding="utf-8")
    latin1 = tmp_path / "Posts.txt"
    latin1.write_bytes("Date: 2024-11-02 09:30:00\nCaption: caf\xe9 au lait".encode("latin-1"))
    return [not_zip, empty_zip, cut, latin1]


@pytest.mark.parametrize("index", range(4))
def test_an_export_that_cannot_be_read_is_said_in_chinese(window, qtbot, tmp_path, index):
    bad = _bad_exports(tmp_path)[index]
    said: list[str] = []
    window.ctx.failed.connect(said.append)
    window.set_language("zh_CN")
    try:
        drop(window, [bad])
        qtbot.waitUntil(lambda: bool(said), timeout=30000)
        idle(qtbot, window)
        [message] = said
        assert bad.name in message
        assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message
        assert not _latin_words(message, str(bad), bad.name), message  # no English sentence around the name
    finally:
        window.set_language("en")


def test_what_an_import_skipped_is_listed_in_chinese(window, qtbot, tmp_path):
    """An archive entry whose name points outside the archive is skipped, and the panel says so in
    Chinese (the CLI's --json keeps the English sentence)."""
    posts = [Post(date=dt.datetime(2024, 11, 2, 9, 30), caption="Morning run #running")]
    export = write_zip(tmp_path / "TikTok_Data.zip", build_export("json-2025", posts))
    with zipfile.ZipFile(export, "a") as z:
        z.writestr("../outside.json", "{}")
    window.set_language("zh_CN")
    try:
        with qtbot.waitSignal(window.importFinished, timeout=30000) as done:
            drop(window, [export])
        idle(qtbot, window)
        result = done.args[0]
        assert any("points outside the archive" in w for w in result.warnings)  # the English sentence kept
        text = window.import_panel.text.text()
        assert "已跳过压缩包中的条目" in text and "../outside.json" in text, text
        assert "Skipped" not in text and "outside the archive" not in text, text
    finally:
        window.set_language("en")


@pytest.mark.parametrize("kind", ["not-a-zip", "incomplete"])
def test_a_pack_that_cannot_be_installed_is_said_in_chinese(window, qtbot, tmp_path, kind):
    """Tools → Language packs… → Install from file… with a file that is no pack: the dialog says why in
    Chinese (before: "… is not an Argos language pack" in English)."""
    bad = tmp_path / "translate-en_zh.argosmodel"
    if kind == "not-a-zip":
        bad.write_bytes(b"not a zip")
    else:
        with zipfile.ZipFile(bad, "w") as z:
            z.writestr("translate-en_zh/metadata.json", '{"from_code": "en", "to_code": "zh"}')
    window.set_language("zh_CN")
    try:
        dialog = window.open_languages()
        dialog.install_path(str(bad))
        qtbot.waitUntil(lambda: bad.name in dialog.status.text(), timeout=30000)
        text = dialog.status.text()
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text
        assert not _latin_words(text, bad.name, "Argos", "argosmodel", "quickmt", "model.bin"), text
        assert not (window.location.languages_dir / "packages" / "translate-en_zh").exists()
        dialog.close()
    finally:
        window.set_language("en")
