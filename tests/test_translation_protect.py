"""The token protector: protected tokens survive verbatim, in place, exactly as often."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from crosspost.translation.protect import protected_tokens, segment
from crosspost.translation.sentences import split_sentences
from crosspost.translation.service import CaptionPlan, _assemble, _plan

TOKENS = [
    "#fyp",
    "#跑步",
    "@bestie_01",
    "https://example.com/a?b=1&c=2",
    "www.shop.example/x",
    "me@example.com",
    "🏃‍♀️",
    "👍🏽",
    "🇨🇳",
    "1️⃣",
    "👨‍👩‍👧‍👦",
    "\n",
    "\n\n",
    "❤️",
]
WORDS = ["Morning", "run", "with", "friends.", "Is", "it", "good?", "Yes!", "我的", "酸面包", "hello", "—", ",", "3.5"]


def fake_engine(sentences):
    """A stand-in with the worst habits: changes everything, adds hashtags, links and emoji."""
    return [f"译{len(s)} #invented @someone http://spam.example 😀" for s in sentences]


def translate_with(caption, glossary=None):
    sentences: list[str] = []
    plan = _plan(caption, glossary or {}, sentences, "zh")
    from crosspost.translation.protect import scrub

    return _assemble(plan, [scrub(t) for t in fake_engine(sentences)]), sentences


caption_parts = st.lists(st.one_of(st.sampled_from(TOKENS), st.sampled_from(WORDS), st.just(" ")), max_size=40)


@given(caption_parts)
@settings(max_examples=300, deadline=None)
def test_every_protected_token_survives_exactly(parts):
    caption = " ".join(parts)
    out, sentences = translate_with(caption)
    assert Counter(protected_tokens(out)) == Counter(protected_tokens(caption))
    assert [t for t in protected_tokens(out)] == [t for t in protected_tokens(caption)]  # in order
    for sentence in sentences:  # the engine never sees a protected token
        assert protected_tokens(sentence) == []


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_any_text_round_trips_through_segments(text):
    assert "".join(s.text for s in segment(text)) == text
    out, _ = translate_with(text)
    assert Counter(protected_tokens(out)) == Counter(protected_tokens(text))


def test_line_breaks_and_order_are_kept():
    caption = "First line here.\nSecond line 🍞\n\n#baking #sourdough"
    out, sentences = translate_with(caption)
    assert sentences == ["First line here.", "Second line"]
    assert out.split("\n")[1:] == [out.split("\n")[1], "", "#baking #sourdough"]
    assert out.endswith("🍞\n\n#baking #sourdough")


def test_only_hashtags_and_emoji_is_returned_as_is():
    caption = "#fyp #foryou 🔥🔥 @me"
    out, sentences = translate_with(caption)
    assert out == caption and sentences == []


def test_glossary_terms_are_never_sent_and_are_substituted():
    out, sentences = translate_with(
        "I am a TikTok refugee, hi! Visit Alice's Bakery",
        {"TikTok refugee": "TikTok难民", "Alice's Bakery": "爱丽丝面包店"},
    )
    assert "TikTok难民" in out and "爱丽丝面包店" in out
    assert all("TikTok" not in s and "Bakery" not in s for s in sentences)


def test_sentence_splitter():
    assert split_sentences("Hi there. Mr. Smith paid 3.5 dollars! Ok") == [
        ("Hi there.", " "),
        ("Mr. Smith paid 3.5 dollars!", " "),
        ("Ok", ""),
    ]
    assert [s for s, _ in split_sentences("你好。再见！好")] == ["你好。", "再见！", "好"]
    assert CaptionPlan().pieces == []
