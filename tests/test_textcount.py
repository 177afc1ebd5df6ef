"""Counting text the platforms' way, and cutting at sensible boundaries."""

from __future__ import annotations

import pytest

from crosspost.platforms.textcount import count, cut_to


@pytest.mark.parametrize(
    "text,units",
    [
        ("", 0),
        ("abcd", 2),
        ("中文标题", 4),
        ("Hi 你好", 3.5),
        ("🏃‍♀️", 1),
        ("👨‍👩‍👧‍👦 家", 2.5),
        ("🇨🇳", 1),
    ],
)
def test_rednote_units(text, units):
    assert count(text, "rednote_units") == units


@pytest.mark.parametrize(
    "text,weight",
    [
        ("hello", 5),
        ("你好", 4),
        ("hi 🙂", 5),
        ("see https://example.com/very/long/path?x=1 now", 4 + 23 + 4),
    ],
)
def test_x_weighted(text, weight):
    assert count(text, "x_weighted") == weight


def test_graphemes_and_chars():
    family = "👨‍👩‍👧‍👦"
    assert count(family, "graphemes") == 1 and count(family, "chars") == 7
    assert count("e\u0301", "graphemes") == 1


def test_cut_at_word_boundary_latin():
    text, cut = cut_to("Morning run by the river with friends", 10, "rednote_units")
    assert cut and text == "Morning run by the" and count(text, "rednote_units") <= 10


def test_cut_at_character_boundary_cjk_and_never_inside_an_emoji():
    text, cut = cut_to("我的酸面包终于成功了这是真的太好了朋友们大家好", 20, "rednote_units")
    assert cut and len(text) == 20
    text, cut = cut_to("abc 👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 3, "graphemes")
    assert text in ("abc", "abc 👨‍👩‍👧‍👦"[:5]) and "\u200d" not in text[-1:]


def test_no_cut_when_it_fits():
    assert cut_to("短标题", 20, "rednote_units") == ("短标题", False)
