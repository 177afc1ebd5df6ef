"""Running a pack's model: SentencePiece + CTranslate2, one batched call for all sentences.

Crosspost splits sentences itself (``sentences.py``) and runs ``<pack>/model`` directly, so a pack
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


@dataclass
class Model:
    path: Path
    from_code: str
    to_code: str
    version: str
    translator: Any  # ctranslate2.Translator
    tokenizer: Any  # sentencepiece.SentencePieceProcessor

    def translate(
        self, sentences: list[str], max_decoding_length: int | None = None, beam_size: int | None = None
    ) -> list[str]:
        """SENTENCES translated, in order, with one batched engine call."""
        if not sentences:
            return []
        beam_size = beam_size or BEAM_SIZE
        tokens = [self.tokenizer.encode(s, out_type=str) for s in sentences]
        out = [""] * len(sentences)
        for limit, indexes in by_decoding_limit(tokens).items():
            results = self.translator.translate_batch(
                [tokens[i] for i in indexes],
                beam_size=beam_size,
                max_decoding_length=min(limit, max_decoding_length or MAX_DECODING_LENGTH),
                max_batch_size=32,
                batch_type="examples",
                replace_unknowns=True,
            )
            for i, r in zip(indexes, results, strict=True):
                out[i] = self.tokenizer.decode(r.hypotheses[0]).strip()
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


def load_model(path: Path) -> Model:
    """The pack at PATH, loaded once per process; a damaged pack is a UserError saying what to do."""
    path = Path(path)
    with _lock:
        if path in _models:
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
        )
        _models[path] = model
        return model


def forget_models() -> None:
    """Drop loaded models (after an install or removal)."""
    with _lock:
        _models.clear()
