"""Build a tiny but real Argos Translate package (``.argosmodel``) offline, with no torch.

- SentencePiece trained on a few sentences (shared by source and target);
- a CTranslate2 Transformer spec filled with small random numpy weights, saved with the spec API;
- a minimal ONNX sentence-boundary model in ``minisbd/`` (the inputs/outputs/metadata MiniSBD reads);
- ``metadata.json``; all zipped under one top folder, as Argos ships packs.

Its translations are gibberish, which is the point: tests check what Crosspost guarantees around the
engine. ``build_pack(..., layers=6, d_model=512, heads=8, ffn=2048, vocab=32000)`` gives a model with
the cost of a real Argos en→zh pack for the benchmark.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import numpy as np

TRAINING_TEXT = """Morning run by the river with my best friend.
My sourdough finally worked after three weeks of trying.
Packing for Chengdu, who has tips for a first visit?
Quick photo dump from the weekend at the beach.
Studio tour: this is where I paint every day.
Thank you all for following me here, it means a lot.
I moved here from TikTok and I am learning Chinese.
The recipe is in the comments, let me know if you try it.
Today I tried the spiciest hotpot of my life.
New video every Monday, see you next week!
早上和最好的朋友在河边跑步。
我的酸面包终于成功了。
谁有成都旅行的建议？
周末在海边的照片。
欢迎来到我的工作室。
谢谢大家的关注。
我从抖音来到这里，正在学习中文。
食谱在评论里。
今天吃了最辣的火锅。
每周一更新视频，下周见！
"""


def _train_sentencepiece(vocab_size: int) -> bytes:
    import sentencepiece as spm

    lines = [line for line in TRAINING_TEXT.splitlines() if line.strip()]
    if vocab_size > 400:  # a big vocabulary needs more text: repeat with variations
        words = " ".join(lines).replace("。", " ").split()
        rng = np.random.default_rng(3)
        lines = lines + [" ".join(rng.choice(words, size=12)) + f" w{i}" for i in range(vocab_size // 2)]
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram" if vocab_size <= 400 else "bpe",
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


def _fill_transformer(spec, vocab: int, d: int, ffn: int, rng) -> None:
    from ctranslate2.specs.model_spec import visit_spec

    def shape(name: str) -> tuple[int, ...]:
        if (
            name.endswith("embeddings_0/weight")
            or name.endswith("embeddings/weight")
            or name.endswith("projection/weight")
        ):
            return (vocab, d)
        if name.endswith(("gamma", "beta")):
            return (d,)
        if "self_attention/linear_0" in name:
            return (3 * d, d)
        if "/attention/linear_1" in name:
            return (2 * d, d)
        if "/ffn/linear_0" in name:
            return (ffn, d)
        if "/ffn/linear_1" in name:
            return (d, ffn)
        return (d, d)

    def fill(owner, name, value):
        if value is None:
            attr = name.rsplit("/", 1)[-1]
            size = shape(name)
            if attr == "gamma":
                array = np.ones(size, dtype=np.float32)
            elif attr == "beta":
                array = np.zeros(size, dtype=np.float32)
            else:
                array = (rng.standard_normal(size) * (1.0 / np.sqrt(size[-1]))).astype(np.float32)
            setattr(owner, attr, array)

    visit_spec(spec, fill)


def _minisbd_onnx(lang: str, features: int = 3) -> bytes:
    import onnx
    from onnx import TensorProto, helper

    weights = np.zeros((features, 5), dtype=np.float32)
    weights[0, 0] = 1.0
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["features", "W"], ["logits"])],
        "minisbd-tiny",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["B", "N"]),
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["B", "N", features]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["B", "N", 5])],
        [helper.make_tensor("W", TensorProto.FLOAT, weights.shape, weights.flatten().tolist())],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    vocab = {
        "_unit2id": {"<PAD>": 0, "<UNK>": 1},
        "_id2unit": ["<PAD>", "<UNK>"],
        "lang": lang,
        "idx": 0,
        "cutoff": 0,
        "lower": True,
    }
    config = {"feat_funcs": ["space_before", "capitalized", "numeric"], "max_seqlen": 300}
    for key, value in (
        ("lang_code", lang),
        ("config", json.dumps(config)),
        ("vocab", json.dumps(vocab)),
        ("lexicon", "null"),
    ):
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    return model.SerializeToString()


def build_pack_dir(
    folder: Path,
    from_code: str = "en",
    to_code: str = "zh",
    version: str = "1.0",
    *,
    layers: int = 1,
    d_model: int = 16,
    heads: int = 2,
    ffn: int = 32,
    vocab: int = 160,
    quantization: str | None = None,
    seed: int = 0,
) -> Path:
    """The package folder (as it sits inside the zip) at FOLDER/translate-FROM_TO-VERSION."""
    import ctranslate2
    import sentencepiece as spm

    top = folder / f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    if top.exists():
        shutil.rmtree(top)
    (top / "minisbd").mkdir(parents=True)
    sp_bytes = _train_sentencepiece(vocab)
    (top / "sentencepiece.model").write_bytes(sp_bytes)
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    tokens = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]

    spec = ctranslate2.specs.TransformerSpec.from_config((layers, layers), heads)
    _fill_transformer(spec, len(tokens), d_model, ffn, np.random.default_rng(seed))
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    spec.validate()
    if quantization:
        spec.optimize(quantization=quantization)
    (top / "model").mkdir()
    spec.save(str(top / "model"))
    (top / "minisbd" / f"{from_code}.onnx").write_bytes(_minisbd_onnx(from_code))
    (top / "metadata.json").write_text(
        json.dumps(
            {
                "package_version": version,
                "argos_version": "1.9.0",
                "from_code": from_code,
                "from_name": {"en": "English", "zh": "Chinese", "fr": "French", "ja": "Japanese"}.get(
                    from_code, from_code
                ),
                "to_code": to_code,
                "to_name": {"en": "English", "zh": "Chinese", "fr": "French", "ja": "Japanese"}.get(to_code, to_code),
                "type": "translate",
                "languages": [from_code, to_code],
            },
            indent=2,
        )
    )
    (top / "README.md").write_text(f"Tiny test pack {from_code}→{to_code}: random weights.\n")
    return top


def zip_pack(pack_dir: Path, out: Path) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(pack_dir.rglob("*")):
            z.write(path, path.relative_to(pack_dir.parent).as_posix())
    return out


def build_pack(out: Path, from_code: str = "en", to_code: str = "zh", version: str = "1.0", **kwargs) -> Path:
    """A ``.argosmodel`` file at OUT."""
    staging = out.parent / f".staging-{out.stem}"
    staging.mkdir(parents=True, exist_ok=True)
    try:
        return zip_pack(build_pack_dir(staging, from_code, to_code, version, **kwargs), out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
