"""quickmt models beside Argos packs: install from a folder, a zip and the (local) model hub, the
same engine path (protected tokens, glossary, memory, other wordings, back-translation), both kinds
listed and one chosen per pair, blingfire sentences, and Simplified Chinese always."""

from __future__ import annotations

import json
import zipfile
from collections import Counter

import pytest
from quickmt_hub import Hub, serve
from quickmt_model import zip_model

from crosspost.cli.main import main
from crosspost.translation import engine, glossary
from crosspost.translation.checking import alternatives, check_post, save_sentence
from crosspost.translation.models import install_model as install_pack
from crosspost.translation.packs import find_pack, installed_packs, models_dir
from crosspost.translation.pipeline import find_route, translate_plain
from crosspost.translation.protect import protected_tokens
from crosspost.translation.sentences import split_sentences, split_sentences_blingfire
from crosspost.translation.service import translate_posts
from crosspost.translation.simplified import to_simplified

CAPTION = (
    "Morning run by the river with my best friend 🏃‍♀️ #running @amy\n"
    "Recipe in the comments: https://alice.example.com/bread. Who has tips? #sourdough"
)
CONTRACT_FIELDS = {"from", "to", "version", "installed"}


@pytest.fixture(autouse=True)
def short_decoding(monkeypatch):
    """The tiny models' random weights ramble to the length cap: keep it short so tests stay quick."""
    monkeypatch.setattr(engine, "MAX_DECODING_LENGTH", 24)


def add_post(store, caption: str) -> int:
    with store.transaction():
        if store.db.execute("SELECT 1 FROM accounts").fetchone() is None:
            store.db.execute("INSERT INTO accounts (username, usual_lang) VALUES ('alice', 'en')")
        n = store.db.execute("SELECT count(*) FROM posts").fetchone()[0]
        return store.db.execute(
            "INSERT INTO posts (account_id, created_at, caption, updated_at) VALUES (1, ?, ?, ?)",
            [f"2024-01-01T00:00:{n:02d}Z", caption, "x"],
        ).lastrowid


def traditional(text: str) -> set[str]:
    """The characters of TEXT that OpenCC's t2s turns into other ones (Traditional-only characters)."""
    return {c for c in text if to_simplified(c) != c}


def leftovers(location) -> list[str]:
    folder = models_dir(location)
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) if folder.exists() else []


def test_folder_install_translates_keeps_tokens_offers_wordings_and_back_translates(store, location, quickmt_models):
    pack = install_pack(location, quickmt_models[("en", "zh")])
    install_pack(location, quickmt_models[("zh", "en")])
    described = (pack.kind, pack.from_code, pack.to_code, pack.licence, pack.active)
    assert described == ("quickmt", "en", "zh", "cc-by-4.0", True)
    assert pack.path is not None and (pack.path / "model.bin").is_file()
    assert not (pack.path / "eole-model").exists()  # the training checkpoint is never copied in
    post = add_post(store, CAPTION)
    glossary.add_entry(store, "best friend", "好朋友")
    [result] = translate_posts(store, location, [post], "en", "zh")
    assert Counter(protected_tokens(result.text)) == Counter(protected_tokens(CAPTION))
    assert "好朋友" in result.text and "\n" in result.text and result.text != CAPTION
    row = store.db.execute("SELECT pack, pack_version FROM translations WHERE post_id = ?", [post]).fetchone()
    assert row[0] == "quickmt-en-zh" and row[1].startswith("quickmt:en-zh@")
    # Other wordings: distinct, each with its back-translation through the zh→en quickmt model.
    options = alternatives(store, location, post, "zh", 1, count=4)
    assert len(options) >= 2 and len({o.text for o in options}) == len(options)
    assert all(o.text.strip() and o.back.strip() for o in options)
    check = check_post(store, location, post, "zh")
    worded = [s for s in check.sentences if s.has_words]
    assert worded and all(s.back.strip() and s.chrf is not None for s in worded)
    assert check.pack == "quickmt-en-zh"
    assert leftovers(location) == []


def test_zip_installs_with_or_without_its_folder_and_a_joint_vocabulary(location, quickmt_models, tmp_path, capsys):
    d = ["--data-dir", str(location.root)]
    zipped = zip_model(quickmt_models[("en", "zh")], tmp_path / "download.zip")  # the pair is in its folder's name
    assert main([*d, "languages", "install", str(zipped), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["kind"], shown["from"], shown["to"], shown["source"]) == ("quickmt", "en", "zh", "file download.zip")
    flat = zip_model(quickmt_models[("zh", "en")], tmp_path / "quickmt-zh-en.zip", top_folder=False)
    assert main([*d, "languages", "install", str(flat)]) == 0
    assert "zh → en (quickmt" in capsys.readouterr().out
    # A joint vocabulary in a folder whose name says no pair: the pair from --from/--to.
    assert main([*d, "languages", "install", str(quickmt_models["joint"])]) == 1
    assert "does not say its language pair" in (err := capsys.readouterr().err) and "--from and --to" in err
    assert main([*d, "languages", "install", str(quickmt_models["joint"]), "--from", "en", "--to", "zh"]) == 0
    capsys.readouterr()
    model = engine.load_model(find_pack(location, "en", "zh").path)
    assert model.tokenizer is model.target_tokenizer  # one joint.spm.model for both sides
    route = find_route(location, "en", "zh")
    [text] = translate_plain(route, [CAPTION])
    assert text.strip() and Counter(protected_tokens(text)) == Counter(protected_tokens(CAPTION))
    assert {(p.from_code, p.to_code, p.kind) for p in installed_packs(location)} == {
        ("en", "zh", "quickmt"),
        ("zh", "en", "quickmt"),
    }
    assert leftovers(location) == []


@pytest.mark.parametrize(
    "damage, expected",
    [
        ("no-target-tokenizer", "missing tgt.spm.model"),
        ("unreadable-tokenizer", "src.spm.model is not readable"),
        ("broken-model", "cannot be loaded"),
        ("escaping-zip", "outside its own folder"),
        ("two-models", "one model.bin"),
    ],
)
def test_bad_models_install_nothing(location, quickmt_models, tmp_path, capsys, damage, expected):
    import shutil

    folder = tmp_path / "quickmt-en-zh"
    shutil.copytree(quickmt_models[("en", "zh")], folder)
    target = folder
    if damage == "no-target-tokenizer":
        (folder / "tgt.spm.model").unlink()
    elif damage == "unreadable-tokenizer":
        (folder / "src.spm.model").write_bytes(b"not a sentencepiece model")
    elif damage == "broken-model":
        (folder / "model.bin").write_bytes((folder / "model.bin").read_bytes()[:200])
    elif damage == "escaping-zip":
        target = zip_model(folder, tmp_path / "quickmt-en-zh.zip")
        with zipfile.ZipFile(target, "a") as z:
            z.writestr("../evil.txt", "x")
    else:
        target = zip_model(folder, tmp_path / "quickmt-en-zh.zip")
        with zipfile.ZipFile(target, "a") as z:
            z.writestr("other/model.bin", "x")
    assert main(["--data-dir", str(location.root), "languages", "install", str(target)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert installed_packs(location) == [] and leftovers(location) == []
    assert not (tmp_path / "evil.txt").exists() and not (location.root / "evil.txt").exists()


def test_both_kinds_listed_and_the_chosen_one_translates(store, location, quickmt_models, argos_packs, capsys):
    d = ["--data-dir", str(location.root)]
    post = add_post(store, "Packing for Chengdu, who has tips for a first visit? #travel")
    assert main([*d, "languages", "install", str(argos_packs[("en", "zh")])]) == 0
    assert main([*d, "languages", "install", str(quickmt_models[("en", "zh")])]) == 0
    capsys.readouterr()
    assert main([*d, "languages", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {x["kind"] for x in listed} == {"argos", "quickmt"}
    for x in listed:
        assert CONTRACT_FIELDS | {"kind", "source", "licence", "active"} <= set(x)
        assert (x["from"], x["to"], x["installed"]) == ("en", "zh", True)
    active = [x["kind"] for x in listed if x["active"]]
    assert active == ["quickmt"]  # the one installed last
    assert next(x for x in listed if x["kind"] == "quickmt")["licence"] == "cc-by-4.0"

    def pack_used() -> str:
        assert main([*d, "translate", str(post), "--to", "zh", "--force"]) == 0
        capsys.readouterr()
        return store.db.execute("SELECT pack FROM translations WHERE post_id = ?", [post]).fetchone()[0]

    assert pack_used() == "quickmt-en-zh"
    assert main([*d, "languages", "use", "en", "zh", "argos"]) == 0
    assert "translated by argos" in capsys.readouterr().out
    assert pack_used() == "translate-en_zh"
    assert json.loads((location.languages_dir / "choices.json").read_text()) == {"en-zh": "argos"}
    assert main([*d, "languages", "list", "--json"]) == 0
    assert [x["kind"] for x in json.loads(capsys.readouterr().out) if x["active"]] == ["argos"]
    assert main([*d, "languages", "use", "en", "zh", "quickmt-en-zh"]) == 0  # by its name too
    capsys.readouterr()
    assert pack_used() == "quickmt-en-zh"
    assert main([*d, "languages", "use", "en", "zh", "opus"]) == 1
    assert "installed: argos (translate-en_zh), quickmt (quickmt-en-zh)" in capsys.readouterr().err
    assert main([*d, "languages", "remove", "en", "zh"]) == 1
    assert "say which kind" in capsys.readouterr().err
    assert main([*d, "languages", "remove", "en", "zh", "--kind", "quickmt"]) == 0
    capsys.readouterr()
    assert pack_used() == "translate-en_zh"  # the chosen one gone: the other one translates


def test_download_by_name_from_the_hub_resumes_and_checks(location, quickmt_models, monkeypatch, capsys):
    d = ["--data-dir", str(location.root)]
    hub = Hub()
    hub.add(quickmt_models[("en", "zh")])
    hub.add(quickmt_models[("zh", "en")])
    hub.cut_once.add("model.bin")
    with serve(hub):
        monkeypatch.setenv("CROSSPOST_MODEL_HUB", hub.url)
        assert main([*d, "languages", "download", "quickmt-en-zh", "--json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert (shown["kind"], shown["from"], shown["to"], shown["active"]) == ("quickmt", "en", "zh", True)
        assert shown["source"] == f"{hub.url}/quickmt/quickmt-en-zh" and shown["licence"] == "cc-by-4.0"
        # The cut model.bin was resumed with a Range request, through the hub's redirect.
        assert any(path == "/cdn/quickmt-en-zh/model.bin" and rng for path, rng in hub.requests)
        assert not any("eole-model" in path for path, _ in hub.requests)
        assert not (location.cache / "downloads" / "quickmt-en-zh").exists()
        route = find_route(location, "en", "zh")
        assert translate_plain(route, ["Thank you all for following me here."])[0].strip()
        # A file whose bytes are not the listed ones: refused, nothing installed, told plainly.
        hub.lie[("quickmt-zh-en", "tgt.spm.model")] = b"x" * len(hub.models["quickmt-zh-en"]["tgt.spm.model"])
        assert main([*d, "languages", "download", "quickmt/quickmt-zh-en"]) == 1
        err = capsys.readouterr().err
        assert "tgt.spm.model failed its checksum" in err and "Traceback" not in err
        assert find_pack(location, "zh", "en") is None
        del hub.lie[("quickmt-zh-en", "tgt.spm.model")]
        assert main([*d, "languages", "download", "quickmt-zh-en"]) == 0  # the good files kept, the rest fetched
        capsys.readouterr()
        assert find_pack(location, "zh", "en").kind == "quickmt"
        assert main([*d, "languages", "download", "quickmt-en-xx"]) == 1
        assert "has no model called quickmt/quickmt-en-xx" in capsys.readouterr().err
        assert main([*d, "languages", "download", "../quickmt-en-zh"]) == 1
        assert "is not a quickmt model name" in capsys.readouterr().err
    monkeypatch.setenv("CROSSPOST_MODEL_HUB", hub.url)  # the server is gone: offline
    assert main([*d, "languages", "download", "quickmt-en-zh"]) == 1
    err = capsys.readouterr().err
    assert "The model hub cannot be reached" in err and "Traceback" not in err
    assert [p.kind for p in installed_packs(location)] == ["quickmt", "quickmt"]  # nothing changed
    assert leftovers(location) == []


def test_traditional_characters_never_reach_a_zh_draft(store, location, quickmt_models, capsys, isolated_home):
    pack = install_pack(location, quickmt_models["traditional"])
    install_pack(location, quickmt_models[("zh", "en")])  # other wordings come with their back-translation
    model = engine.load_model(pack.path)
    raw = model.translate(["Morning run by the river with my best friend.", "Thank you all for following me."])
    assert traditional("".join(raw))  # the model itself writes Traditional characters
    glossary.add_entry(store, "TikTok refugee", "TikTok難民")  # the user's own term, typed in Traditional
    post = add_post(store, "I am a TikTok refugee. Morning run by the river! Thank you all. #running")
    [result] = translate_posts(store, location, [post], "en", "zh")
    assert "TikTok難民" in result.text
    assert traditional(result.text.replace("TikTok難民", "")) == set()
    for option in alternatives(store, location, post, "zh", 2, count=3):
        assert option.text.strip() and traditional(option.text) == set()
    # The user's own sentence, typed in Traditional, stays as typed; the rest stays Simplified.
    save_sentence(store, location, post, "zh", 3, "謝謝大家。")
    [again] = translate_posts(store, location, [post], "en", "zh", force=True)
    assert "謝謝大家。" in again.text
    assert traditional(again.text.replace("TikTok難民", "").replace("謝謝大家。", "")) == set()
    d = ["--data-dir", str(location.root)]
    assert main([*d, "drafts", "create", str(post), "--platform", "rednote", "--json"]) == 0
    [draft] = json.loads(capsys.readouterr().out)
    body = draft["body"] + draft["title"]
    assert body.strip() and traditional(body.replace("TikTok難民", "").replace("謝謝大家", "")) == set()
    assert list(isolated_home.iterdir()) == []  # OpenCC, blingfire and the engine wrote nothing to the home


def test_quickmt_models_cut_sentences_with_blingfire(location, quickmt_models):
    import blingfire  # noqa: F401  (installed from PyPI: the splitter quickmt uses, no model download)

    install_pack(location, quickmt_models[("en", "zh")])
    route = find_route(location, "en", "zh")
    assert route.split is split_sentences_blingfire
    text = "Morning run.  Dr. Smith said hi!\nWho has tips?? 今天很好。明天见！ ok 🏃‍♀️"
    pieces = split_sentences_blingfire(text)
    assert "".join(s + ws for s, ws in pieces) == text
    assert any(s.startswith("Morning run.") and "Dr. Smith" in s for s, _ in pieces)  # "Dr." does not end one
    assert len(pieces) >= 3
    assert split_sentences_blingfire("") == split_sentences("")


def test_quality_benchmark_prints_chrf_for_every_model(location, quickmt_models, argos_packs):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    install_pack(location, argos_packs[("en", "zh")])
    install_pack(location, quickmt_models[("en", "zh")])
    data = root / "benchmarks" / "data" / "captions-en-zh.tsv"
    lines = [x for x in data.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    assert len(lines) >= 30 and all(len(x.split("\t")) == 2 for x in lines)
    assert all(traditional(x.split("\t")[1]) == set() for x in lines)  # the references are Simplified
    run = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "translation_quality.py"), "en-zh", str(data)]
        + ["--data-dir", str(location.root)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(location.root)},
    )
    assert run.returncode == 0, run.stderr
    rows = [x.split() for x in run.stdout.splitlines() if x.startswith(("translate-en_zh", "quickmt-en-zh"))]
    assert sorted(r[1] for r in rows) == ["argos", "quickmt"]
    assert all(0.0 <= float(r[4]) <= 100.0 for r in rows)
    assert f"{len(lines)} captions" in run.stdout


@pytest.mark.translation
def test_an_argos_pack_writing_traditional_is_simplified_too(store, location, tmp_path, monkeypatch):
    import argos_pack
    from quickmt_model import TRADITIONAL

    # The pack's one SentencePiece model learns Traditional Chinese only: whatever it writes is in it.
    monkeypatch.setattr(argos_pack, "TRAINING_TEXT", TRADITIONAL)
    pack = install_pack(location, argos_pack.build_pack(tmp_path / "trad.argosmodel", "en", "zh", seed=21))
    assert pack.kind == "argos"
    raw = engine.load_model(pack.path).translate(["Morning run by the river.", "Thank you all for following me."])
    assert traditional("".join(raw))
    post = add_post(store, "Morning run by the river. Thank you all for following me. #running")
    [result] = translate_posts(store, location, [post], "en", "zh")
    assert result.text.strip() and "#running" in result.text and traditional(result.text) == set()
