"""The engine's own guarantees, which hold on every CPU: CTranslate2 picks its kernels by CPU, so the
words a model writes differ in their last details from machine to machine, but how long a translation
can be does not."""

from __future__ import annotations

import pytest

import crosspost.translation.engine as engine

SENTENCES = [
    "Morning run by the river",
    "My sourdough finally worked",
    "Recipe in comments",
    "Packing for Chengdu, who has tips for a first visit?",
    "Thank you all for following me here, it means a lot and I am learning Chinese every day.",
    "Hi",
]


@pytest.fixture
def model(en_zh):
    [pack] = [p for p in (en_zh.languages_dir / "packages").iterdir() if p.is_dir()]
    return engine.load_model(pack)


def test_a_translation_is_bounded_by_its_sentence(model):
    """A babbling model (the tiny random pack babbles) stops at LENGTH_RATIO × the sentence's tokens +
    LENGTH_SLACK: a caption's translation can't grow past a platform's limit by machine accident."""
    outputs = model.translate(SENTENCES)
    assert len(outputs) == len(SENTENCES) and all(outputs)
    for sentence, output in zip(SENTENCES, outputs, strict=True):
        source = len(model.tokenizer.encode(sentence, out_type=str))
        written = len(model.tokenizer.encode(output, out_type=str))
        # decoding and encoding again can merge or split a piece at the edges: allow two
        assert written <= engine.decoding_limit(source) + 2, (sentence, source, written)


def test_the_bound_grows_with_the_sentence_and_stops_at_the_cap():
    assert engine.decoding_limit(1) < engine.decoding_limit(10) < engine.decoding_limit(40)
    assert engine.decoding_limit(10_000) == engine.MAX_DECODING_LENGTH
    assert [len(ix) for ix in engine.by_decoding_limit([["a"], ["b"], ["c", "d"]]).values()] == [2, 1]
