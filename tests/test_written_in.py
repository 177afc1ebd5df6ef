"""Which language a caption is in (issue 24, item 1): detection restricted to the languages the user
has packs for plus the account's usual language, the post's own "written in" choice, and batches
that go past a post they cannot translate and say which and why."""

from __future__ import annotations

import datetime as dt
import json

import procs
import pytest
from exports import Post, build_export, write_zip

from crosspost.importing.importer import import_paths
from crosspost.posts import get_post, set_written_in
from crosspost.translation.detect import detect_language, usual_language
from crosspost.translation.service import SkipReason, translate_posts
from crosspost.translation.written_in import LanguageSource, post_languages

RECIPE = "Recipe: grandma's apple pie 🥧 — 3 apples, 200g flour, 1 cup sugar. Full steps in comments! #baking"
FRENCH = "Bonjour à tous, voici la recette de la tarte aux pommes de ma grand-mère, bon appétit #cuisine"
START = dt.datetime(2024, 11, 2, 9, 30, 0)


def _export(tmp_path, captions: list[str], name: str = "e.zip"):
    posts = [Post(date=START + dt.timedelta(days=i), caption=c) for i, c in enumerate(captions)]
    return write_zip(tmp_path / name, build_export("json-2025", posts))


def _ids_by_caption(store) -> dict[str, int]:
    return {caption: pid for pid, caption in store.db.execute("SELECT id, caption FROM posts")}


@pytest.fixture
def en_zh_fr(en_zh, argos_packs):
    """en→zh and en→fr installed: French is a language the user has packs for, fr→zh is not."""
    from crosspost.translation.packs import install_pack

    install_pack(en_zh, argos_packs[("en", "fr")])
    return en_zh


def test_the_recipe_is_english_among_the_users_languages():
    code, detected = detect_language(RECIPE, "en", {"en", "zh", "fr"})
    assert (code, detected) == ("en", True)
    assert detect_language(FRENCH, "en", {"en", "zh", "fr"}) == ("fr", True)
    # too few letters to tell, or a language outside the candidates: the usual language
    assert detect_language("Merci!! 🥧 3 #fyp", "de", {"en", "fr"}) == ("de", False)
    assert detect_language("今天去公园跑步了，天气很好，心情也很好", "en", {"en", "zh"}) == ("zh", True)
    assert detect_language("周末在海边的照片", "en", {"en", "zh", "fr"}) == ("zh", True)  # short, but Chinese
    # short English that leans French: leaving the usual language takes strong evidence
    assert detect_language("Croissant taste test: 5 bakeries", "en", {"en", "zh", "fr"})[0] == "en"
    assert detect_language("Croissant taste test: 5 bakeries", "fr", {"en", "zh", "fr"})[0] == "fr"


def test_usual_language_is_the_most_common_detected_one():
    captions = [FRENCH, "Une belle journée au marché avec mes enfants ce matin", "ok 👍", RECIPE]
    assert usual_language(captions) == "fr"
    assert usual_language(["🥧", "#fyp"]) == "en"  # nothing to tell: English


def test_a_batch_goes_past_the_post_it_cannot_translate(store, en_zh_fr, tmp_path):
    import_paths(store, [_export(tmp_path, [RECIPE, FRENCH, "Morning run by the river with my best friend"])])
    ids = _ids_by_caption(store)
    results = translate_posts(store, en_zh_fr, None, "auto", "zh")
    by_post = {r.post: r for r in results}
    assert set(by_post) == set(ids.values())
    recipe = by_post[ids[RECIPE]]
    assert not recipe.skipped and recipe.source == "en" and recipe.text.strip()
    assert "#baking" in recipe.text and "🥧" in recipe.text  # protected tokens kept
    french = by_post[ids[FRENCH]]
    assert french.skipped is SkipReason.NO_PACK and french.source == "fr" and french.text == ""
    assert "fr→zh" in french.skip_message and "detected" in french.skip_message
    stored = dict(store.db.execute("SELECT post_id, source_lang FROM translations WHERE lang = 'zh'").fetchall())
    assert set(stored) == {ids[RECIPE], ids["Morning run by the river with my best friend"]}
    assert stored[ids[RECIPE]] == "en"


def test_written_in_overrides_detection_and_survives_reimport(store, en_zh_fr, tmp_path):
    export = _export(tmp_path, [RECIPE, FRENCH])
    import_paths(store, [export])
    french = _ids_by_caption(store)[FRENCH]
    assert post_languages(store, en_zh_fr, [french])[french].source is LanguageSource.DETECTED
    assert set_written_in(store, french, "en").written_in == "en"
    import_paths(store, [export])  # the same export again changes nothing the user chose
    assert get_post(store, french).written_in == "en"
    chosen = post_languages(store, en_zh_fr, [french])[french]
    assert (chosen.code, chosen.source) == ("en", LanguageSource.CHOSEN)
    [result] = translate_posts(store, en_zh_fr, [french], "auto", "zh")
    assert not result.skipped and result.source == "en" and result.text.strip()
    assert set_written_in(store, french, "auto").written_in is None
    [again] = translate_posts(store, en_zh_fr, [french], "auto", "zh", force=True)
    assert again.skipped is SkipReason.NO_PACK


def test_cli_lang_and_skipped_posts(data_dir, argos_packs, tmp_path):
    export = _export(tmp_path, [RECIPE, FRENCH])
    for args in (["import", export], ["languages", "install", argos_packs[("en", "zh")]]):
        code, _, err = procs.run(data_dir, *args)
        assert code == 0, err
    code, _, err = procs.run(data_dir, "languages", "install", argos_packs[("en", "fr")])
    assert code == 0, err
    code, out, _ = procs.run(data_dir, "posts", "list", "--json")
    ids = {p["caption"]: p["id"] for p in json.loads(out)}

    code, out, err = procs.run(data_dir, "translate", "--all", "--to", "zh", "--json")
    assert code == 1, err  # the CONTRACT: a batch that skipped a post exits 1 ...
    translated = json.loads(out)  # ... after translating the rest
    assert [t["post"] for t in translated] == [ids[RECIPE]] and translated[0]["from"] == "en"
    assert translated[0]["text"].strip()
    skipped_lines = [line for line in err.splitlines() if line.startswith("skipped post")]
    assert skipped_lines == [skipped_lines[0]] and f"skipped post {ids[FRENCH]}:" in skipped_lines[0]
    assert "fr→zh" in skipped_lines[0] and f"posts edit {ids[FRENCH]} --lang" in skipped_lines[0]
    assert "Traceback" not in err

    code, out, err = procs.run(data_dir, "posts", "edit", ids[FRENCH], "--lang", "en", "--json")
    assert code == 0 and json.loads(out)["written_in"] == "en", err
    code, out, err = procs.run(data_dir, "translate", ids[FRENCH], "--to", "zh", "--json")
    assert code == 0, err
    assert json.loads(out)[0]["from"] == "en"

    code, _, err = procs.run(data_dir, "posts", "edit", ids[FRENCH], "--lang", "klingon")
    procs.assert_clean_failure(code, err)
    assert "language code" in err
    assert get_written_in(data_dir, ids[FRENCH]) == "en"  # the failed edit changed nothing


def get_written_in(data_dir, post_id: int) -> str | None:
    code, out, _ = procs.run(data_dir, "posts", "show", post_id, "--json")
    assert code == 0
    return json.loads(out)["written_in"]
