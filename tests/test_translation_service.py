"""Translating captions with a real (tiny) pack: storage, memory, glossary, edits, pivot, auto, errors."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from exports import build_export, sample_posts, write_zip

from crosspost.cli.main import main
from crosspost.errors import UserError
from crosspost.translation import glossary
from crosspost.translation.layouts import compose_caption
from crosspost.translation.packs import install_pack
from crosspost.translation.protect import protected_tokens
from crosspost.translation.service import BatchStats, translate_posts


@pytest.fixture
def posts(store, tmp_path):
    from crosspost.importing import import_paths

    import_paths(store, [write_zip(tmp_path / "e.zip", build_export("json-2025", sample_posts(5)))])
    return store


def test_translate_stores_with_pack_and_keeps_tokens(posts, en_zh):
    results = translate_posts(posts, en_zh, [1, 2], "en", "zh")
    assert [r.post for r in results] == [1, 2]
    for r in results:
        caption = posts.db.execute("SELECT caption FROM posts WHERE id = ?", [r.post]).fetchone()[0]
        assert Counter(protected_tokens(r.text)) == Counter(protected_tokens(caption))
        assert r.text != caption
    row = posts.db.execute(
        "SELECT lang, source_lang, pack, pack_version, edited, created_at FROM translations WHERE post_id = 2"
    ).fetchone()
    assert row[:5] == ("zh", "en", "translate-en_zh", "en-zh@1.0", 0) and row[5].endswith("Z")
    assert "\n" in results[1].text  # the caption's line break survives


def test_memory_serves_repeats_without_the_engine(posts, en_zh):
    first, second = BatchStats(), BatchStats()
    translate_posts(posts, en_zh, [1, 2, 3], "en", "zh", stats=first)
    assert first.sentences > 0 and first.from_memory < first.sentences
    # Retranslating: every caption straight from memory, no sentence reaches the engine.
    translate_posts(posts, en_zh, [1, 2, 3], "en", "zh", force=True, stats=second)
    assert second.captions_from_memory == 3 and second.sentences == 0
    # A new caption made of known sentences: sentences from memory, nothing translated.
    with posts.transaction():
        posts.db.execute("UPDATE posts SET caption = caption || ' ' WHERE id = 2")
    fourth = BatchStats()
    translate_posts(posts, en_zh, [2], "en", "zh", force=True, stats=fourth)
    assert fourth.captions_from_memory == 0 and fourth.sentences > 0 and fourth.from_memory == fourth.sentences
    # A glossary change bumps its version: the memory no longer applies.
    glossary.add_entry(posts, "sourdough", "酸面包")
    third = BatchStats()
    results = translate_posts(posts, en_zh, [2], "en", "zh", stats=third)
    assert third.from_memory == 0 and "酸面包" in results[0].text


def test_identical_sentences_are_translated_once(posts, en_zh):
    with posts.transaction():
        posts.db.execute("UPDATE posts SET caption = 'Same words here. Same words here.' WHERE id IN (1, 2)")
    stats = BatchStats()
    results = translate_posts(posts, en_zh, [1, 2], "en", "zh", stats=stats)
    assert results[0].text == results[1].text
    assert (
        posts.db.execute("SELECT count(*) FROM translation_memory WHERE source_text = 'Same words here.'").fetchone()[0]
        == 1
    )


def test_edit_is_kept_unless_forced(posts, en_zh, capsys, data_dir):
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "translate", "1", "--to", "zh", "--from", "en"]) == 0
    assert main([*d, "translations", "edit", "1", "--lang", "zh", "--text", "我自己的翻译 #running"]) == 0
    capsys.readouterr()
    assert main([*d, "translate", "1", "--to", "zh", "--json"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)[0]["text"] == "我自己的翻译 #running" and "kept your edited" in out.err
    assert main([*d, "posts", "show", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["translations"][0]["edited"] is True
    assert main([*d, "translate", "1", "--to", "zh", "--force", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["text"] != "我自己的翻译 #running"


def test_pivot_through_english(posts, location, argos_packs):
    install_pack(location, argos_packs[("fr", "en")])
    install_pack(location, argos_packs[("en", "zh")])
    with posts.transaction():
        posts.db.execute("UPDATE posts SET caption = 'Bonjour à tous, merci beaucoup ! #paris' WHERE id = 1")
    (result,) = translate_posts(posts, location, [1], "fr", "zh")
    assert result.pivot == "en" and "English" in result.note and result.text.endswith("#paris")
    row = posts.db.execute("SELECT pivot, pack_version FROM translations WHERE post_id = 1").fetchone()
    assert row == ("en", "fr-en@1.0+en-zh@1.0")


def test_auto_detects_and_falls_back(posts, en_zh):
    results = translate_posts(posts, en_zh, [2], "auto", "zh")
    assert results[0].source == "en"
    with posts.transaction():
        posts.db.execute("UPDATE posts SET caption = '#fyp 🔥 @me' WHERE id = 1")
        posts.db.execute("UPDATE accounts SET usual_lang = 'en'")
    (short,) = translate_posts(posts, en_zh, [1], "auto", "zh")
    assert short.source == "en" and short.text == "#fyp 🔥 @me"  # nothing to translate: returned as is


def test_long_caption_and_all(posts, en_zh):
    long = ("This is a long caption sentence number one. " * 50)[:2200]
    with posts.transaction():
        posts.db.execute("UPDATE posts SET caption = ? WHERE id = 3", [long])
    results = translate_posts(posts, en_zh, None, "en", "zh")
    assert sorted(r.post for r in results) == [1, 2, 3, 4, 5]
    assert translate_posts(posts, en_zh, None, "en", "zh") == []  # --all: only posts without one


@pytest.mark.parametrize(
    "args,expected",
    [
        (["translate", "1", "--to", "xx"], "not a language code"),
        (["translate", "1", "--from", "en", "--to", "ja"], "crosspost languages download en ja"),
        (["translate", "99", "--to", "zh"], "no post 99"),
        (["translate", "--to", "zh"], "--all"),
    ],
)
def test_bad_input(posts, en_zh, data_dir, capsys, args, expected):
    before = posts.db.execute("SELECT count(*) FROM translations").fetchone()[0]
    assert main(["--data-dir", str(data_dir), *args]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert posts.db.execute("SELECT count(*) FROM translations").fetchone()[0] == before


def test_empty_caption_is_an_error_when_asked_for(posts, en_zh, data_dir, capsys):
    with posts.transaction():
        posts.db.execute("UPDATE posts SET caption = '' WHERE id = 1")
    assert main(["--data-dir", str(data_dir), "translate", "1", "--from", "en", "--to", "zh"]) == 1
    assert "no caption" in capsys.readouterr().err


def test_corrupt_installed_pack(posts, en_zh, data_dir, capsys):
    (en_zh.languages_dir / "packages" / "translate-en_zh" / "model" / "model.bin").write_bytes(b"broken")
    from crosspost.translation.engine import forget_models

    forget_models()
    assert main(["--data-dir", str(data_dir), "translate", "1", "--from", "en", "--to", "zh"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "languages remove en zh" in err and "Traceback" not in err


def test_cli_json_shape(posts, en_zh, data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "translate", "1", "2", "--from", "en", "--to", "zh", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [set(r) >= {"post", "from", "to", "text"} for r in out] == [True, True]


def test_glossary_cli_and_topics(posts, data_dir, capsys):
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "glossary", "add", "TikTok refugee", "TikTok难民"]) == 0
    assert main([*d, "glossary", "add", "#travel", "旅行", "--topic"]) == 0
    capsys.readouterr()
    assert main([*d, "glossary", "list", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert {(e["term"], e["translation"], e["kind"]) for e in entries} == {
        ("TikTok refugee", "TikTok难民", "term"),
        ("travel", "旅行", "topic"),
    }
    assert glossary.map_topics(posts, ["#travel", "#fyp"], "en", "zh") == ["旅行", "fyp"]
    assert main([*d, "glossary", "remove", "nothing-here"]) == 1
    assert "not in the en→zh glossary" in capsys.readouterr().err


def test_layouts():
    assert compose_caption("Hi #a", "你好 #a", "original") == "Hi #a"
    assert compose_caption("Hi #a", "你好 #a", "translated") == "你好 #a"
    assert compose_caption("Hi", "你好", "bilingual") == "Hi\n\n—— 中文翻译 ——\n\n你好"
    assert compose_caption("Hi", "你好", "bilingual", translation_first=True) == "你好\n\n—— 原文 ——\n\nHi"
    with pytest.raises(UserError, match="needs a zh translation"):
        compose_caption("Hi", None, "bilingual")
