"""Running a model: SentencePiece + CTranslate2, one batched call for all sentences.

Two kinds of model run here. An Argos pack: ``<pack>/model`` (CTranslate2) with one
``sentencepiece.model`` for both sides, codes in ``metadata.json``. A quickmt model: the folder is the
CTranslate2 model, with ``src.spm.model`` + ``tgt.spm.model`` (or one ``joint.spm.model``), the source
tokens ending in ``</s>`` as quickmt feeds them, codes in Crosspost's ``crosspost-model.json``.

Crosspost splits sentences itself (``sentences.py``) and runs the models directly, so a pack
without a MiniSBD model (many older ones ship ``stanza/``) never triggers a download, and all the
sentences of a caption set go through the engine together (one ``translate_batch`` call per
length group: a translation is bounded by its sentence's length, see ``decoding_limit``).
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosspost.errors import LanguagePackBroken, UserError

BEAM_SIZE = 2  # Argos uses 4; 2 keeps nearly all the quality at half the time on a laptop CPU
MAX_DECODING_LENGTH = 256
# A translation is at most LENGTH_RATIO × its sentence's tokens + LENGTH_SLACK tokens long. A real
# translation between these languages is rarely longer than its source (Chinese takes fewer tokens
# than English); a model that loops ("哈哈哈哈…") or babbles stops there instead of flooding a caption
# with 256 tokens of repetition. It also bounds what a test's tiny random pack can write.
LENGTH_RATIO = 3
LENGTH_SLACK = 10


def decoding_limit(source_tokens: int) -> int:
    """The most tokens a translation of a sentence of SOURCE_TOKENS tokens may have."""
    return min(MAX_DECODING_LENGTH, LENGTH_RATIO * source_tokens + LENGTH_SLACK)


def by_decoding_limit(tokens: list[list[str]]) -> dict[int, list[int]]:
    """The indexes of TOKENS grouped by their decoding limit (one engine call per group)."""
    groups: dict[int, list[int]] = {}
    for i, t in enumerate(tokens):
        groups.setdefault(decoding_limit(len(t)), []).append(i)
    return groups


_models: dict[Path, "Model"] = {}
_lock = threading.Lock()


ARGOS, QUICKMT = "argos", "quickmt"
SIDECAR = "crosspost-model.json"  # what Crosspost knows of an installed model (kind, codes, source)


@dataclass
class Model:
    path: Path
    from_code: str
    to_code: str
    version: str
    translator: Any  # ctranslate2.Translator
    tokenizer: Any  # sentencepiece.SentencePieceProcessor of the source side
    target_tokenizer: Any = None  # the target side's, when it has its own (quickmt)
    kind: str = ARGOS

    def encode_source(self, sentences: list[str]) -> list[list[str]]:
        tokens = [self.tokenizer.encode(s, out_type=str) for s in sentences]
        if self.kind == QUICKMT:
            tokens = [t + ["</s>"] for t in tokens]  # quickmt's models were trained with it
        return tokens

    def encode_target(self, texts: list[str]) -> list[list[str]]:
        return [(self.target_tokenizer or self.tokenizer).encode(t, out_type=str) for t in texts]

    def decode(self, tokens: list[str]) -> str:
        return str((self.target_tokenizer or self.tokenizer).decode(tokens))

    def decoding_options(self) -> dict[str, Any]:
        """The engine options of this kind: quickmt's own (no <unk> at all), Argos's (copy the source's)."""
        if self.kind == QUICKMT:
            return {"disable_unk": True}
        return {"replace_unknowns": True}

    def translate(
        self, sentences: list[str], max_decoding_length: int | None = None, beam_size: int | None = None
    ) -> list[str]:
        """SENTENCES translated, in order, with one batched engine call."""
        if not sentences:
            return []
        beam_size = beam_size or BEAM_SIZE
        tokens = self.encode_source(sentences)
        out = [""] * len(sentences)
        for limit, indexes in by_decoding_limit(tokens).items():
            results = self.translator.translate_batch(
                [tokens[i] for i in indexes],
                beam_size=beam_size,
                max_decoding_length=min(limit, max_decoding_length or MAX_DECODING_LENGTH),
                max_batch_size=32,
                batch_type="examples",
                **self.decoding_options(),
            )
            for i, r in zip(indexes, results, strict=True):
                out[i] = self.decode(r.hypotheses[0]).strip()
        return out


def _reinstall_hint(path: Path, what: str) -> UserError:
    meta = {}
    try:
        meta = json.loads((path / "metadata.json").read_text())
    except (OSError, ValueError):
        pass
    return LanguagePackBroken(
        str(meta.get("from_code", "?")), str(meta.get("to_code", "?")), f"{path.name} is damaged: {what}"
    )


def read_json_file(path: Path) -> dict[str, Any]:
    """A JSON object from a file; {} when the file is missing, unreadable, not JSON or not an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _translator(path: Path, on_error: Any) -> Any:
    import ctranslate2

    try:
        return ctranslate2.Translator(
            str(path), device="cpu", compute_type="auto", inter_threads=1, intra_threads=os.cpu_count() or 1
        )
    except (RuntimeError, ValueError, OSError) as exc:
        raise on_error(f"the model does not load: {str(exc)[:80]}") from None


def _load_quickmt(path: Path) -> Model:
    import sentencepiece as spm

    meta = read_json_file(path / SIDECAR)

    def broken(what: str) -> UserError:
        return LanguagePackBroken(
            str(meta.get("from_code", "?")), str(meta.get("to_code", "?")), f"{path.name}: {what}"
        )

    joint = path / "joint.spm.model"
    try:
        if joint.exists():
            source = target = spm.SentencePieceProcessor(model_file=str(joint))
        else:
            source = spm.SentencePieceProcessor(model_file=str(path / "src.spm.model"))
            target = spm.SentencePieceProcessor(model_file=str(path / "tgt.spm.model"))
    except (OSError, RuntimeError):
        raise broken("its SentencePiece model is unreadable") from None
    translator = _translator(path, broken)
    return Model(
        path,
        str(meta.get("from_code", "?")),
        str(meta.get("to_code", "?")),
        str(meta.get("version", "?")),
        translator,
        source,
        target,
        QUICKMT,
    )


def is_quickmt(path: Path) -> bool:
    return (path / "model.bin").is_file() and not (path / "metadata.json").exists()


def load_model(path: Path) -> Model:
    """The model at PATH (an Argos pack or a quickmt model), loaded once per process; a damaged one
    is a UserError saying what to do."""
    path = Path(path)
    with _lock:
        if path in _models:
            return _models[path]
        if is_quickmt(path):
            _models[path] = _load_quickmt(path)
            return _models[path]
        try:
            meta = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise _reinstall_hint(path, "metadata.json is unreadable") from None
        import ctranslate2
        import sentencepiece as spm

        try:
            tokenizer = spm.SentencePieceProcessor(model_file=str(path / "sentencepiece.model"))
        except (OSError, RuntimeError):
            raise _reinstall_hint(path, "sentencepiece.model is unreadable") from None
        try:
            translator = ctranslate2.Translator(
                str(path / "model"),
                device="cpu",
                compute_type="auto",
                inter_threads=1,
                intra_threads=os.cpu_count() or 1,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise _reinstall_hint(path, f"the model does not load: {str(exc)[:80]}") from None
        model = Model(
            path,
            meta.get("from_code", "?"),
            meta.get("to_code", "?"),
            str(meta.get("package_version", "?")),
            translator,
            tokenizer,
            kind=ARGOS,
        )
        _models[path] = model
        return model


def forget_models() -> None:
    """Drop loaded models (after an install or removal)."""
    with _lock:
        _models.clear()
