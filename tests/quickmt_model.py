"""Build a tiny but real quickmt model offline (no torch), in the layout ``quickmt-model-download``
writes from the Hugging Face hub: ``config.json``, ``model.bin``, ``source_vocabulary.json``,
``target_vocabulary.json`` (CTranslate2's spec API writes them), ``src.spm.model`` + ``tgt.spm.model``
(or one ``joint.spm.model``), ``README.md`` with its licence in the front matter, ``eole-config.yaml``,
and the ``eole-model/`` training checkpoint quickmt's hub folders also hold (never installed).

Its translations are gibberish, as with ``argos_pack.py``; ``target_text=TRADITIONAL`` trains the
target side on Traditional Chinese only, so whatever it writes is in Traditional characters.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import numpy as np
from argos_pack import TRAINING_TEXT, _fill_transformer

ENGLISH = "\n".join(line for line in TRAINING_TEXT.splitlines() if line.isascii())
SIMPLIFIED = "\n".join(line for line in TRAINING_TEXT.splitlines() if line.strip() and not line.isascii())
# Characters that differ between the two scripts (這/这, 們/们, 學/学 …), so the model's output shows it.
TRADITIONAL = """這個週末我們學習說國語。
謝謝大家關注我的頻道。
開車過來時遇見長長的隊伍。
麵包終於烤好了，請問題目在哪裡？
歡迎來到這間寫字樓，電腦與書籍都在樓上。
廣東話與國語聽起來很難區別。
購買車票時記得帶錢包與證件。
從東門進來，經過圖書館後轉彎。
"""


def _spm(text: str, vocab_size: int) -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([line for line in text.splitlines() if line.strip()]),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        bos_id=1,
        eos_id=2,
        unk_id=0,
        pad_id=-1,
        minloglevel=2,
        num_threads=1,
    )
    return model.getvalue()


def build_quickmt_dir(
    folder: Path,
    from_code: str = "en",
    to_code: str = "zh",
    *,
    name: str | None = None,
    source_text: str = ENGLISH,
    target_text: str = SIMPLIFIED,
    joint: bool = False,
    layers: int = 1,
    d_model: int = 16,
    heads: int = 2,
    ffn: int = 32,
    vocab: int = 120,
    seed: int = 0,
) -> Path:
    """The model folder FOLDER/NAME (default ``quickmt-FROM-TO``), as quickmt's download leaves it."""
    import ctranslate2
    import sentencepiece as spm

    top = folder / (name or f"quickmt-{from_code}-{to_code}")
    if top.exists():
        shutil.rmtree(top)
    top.mkdir(parents=True)
    if joint:
        joint_bytes = _spm(source_text + "\n" + target_text, vocab)
        (top / "joint.spm.model").write_bytes(joint_bytes)
        src_bytes = tgt_bytes = joint_bytes
    else:
        src_bytes, tgt_bytes = _spm(source_text, vocab), _spm(target_text, vocab)
        (top / "src.spm.model").write_bytes(src_bytes)
        (top / "tgt.spm.model").write_bytes(tgt_bytes)
    pieces = [
        [p.id_to_piece(i) for i in range(p.get_piece_size())]
        for p in (spm.SentencePieceProcessor(model_proto=b) for b in (src_bytes, tgt_bytes))
    ]
    spec = ctranslate2.specs.TransformerSpec.from_config((layers, layers), heads)
    rng = np.random.default_rng(seed)
    _fill_transformer(spec, max(len(pieces[0]), len(pieces[1])), d_model, ffn, rng)
    # Source and target vocabularies differ in size: the embeddings and the projection follow each.
    from ctranslate2.specs.model_spec import visit_spec

    def fit(owner, name, value):
        attr = name.rsplit("/", 1)[-1]
        if name.startswith("encoder/embeddings") and attr == "weight":
            setattr(owner, attr, value[: len(pieces[0])])
        elif (name.startswith("decoder/embeddings") or name.startswith("decoder/projection")) and attr == "weight":
            setattr(owner, attr, value[: len(pieces[1])])
        elif name.startswith("decoder/projection") and attr == "bias":
            setattr(owner, attr, value[: len(pieces[1])])

    visit_spec(spec, fit)
    spec.register_source_vocabulary(pieces[0])
    spec.register_target_vocabulary(pieces[1])
    spec.validate()
    spec.save(str(top))
    (top / "README.md").write_text(
        f"---\nlanguage:\n- {from_code}\n- {to_code}\nlicense: cc-by-4.0\ntags:\n- translation\n---\n\n"
        f"# Tiny test model {from_code}→{to_code}: random weights\n",
        encoding="utf-8",
    )
    (top / "eole-config.yaml").write_text("# training configuration (not used for inference)\n")
    (top / "eole-model").mkdir()
    (top / "eole-model" / "model.00.safetensors").write_bytes(b"\0" * 64)
    return top


def zip_model(model_dir: Path, out: Path, *, top_folder: bool = True) -> Path:
    """A zip of the model folder: in its own folder (as a person zips it) or at the zip's top."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(model_dir.rglob("*")):
            base = model_dir.parent if top_folder else model_dir
            z.write(path, path.relative_to(base).as_posix())
    return out
