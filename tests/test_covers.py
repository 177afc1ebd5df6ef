"""Covers with the title on them: size, glyphs really drawn in the shipped font, margins, Chinese
line breaking, and the CLI (drafts edit --cover-style/--cover-text → render → export)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from media_files import jpeg, scene
from PIL import Image, ImageChops, ImageDraw

from crosspost.cli.main import main
from crosspost.media.cover_text import (
    CLOSING,
    OPENING,
    STYLES,
    draw_cover_text,
    font_path,
    layout_cover,
    load_font,
    wrap,
)

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
LONG = "成都三天两夜，吃遍宽窄巷子和锦里！火锅、串串、甜水面，每一家都排队（附详细攻略），最后一天还去看了大熊猫。"


def font_cmap() -> dict:
    with TTFont(str(font_path()), lazy=True) as font:
        return dict(font.getBestCmap())


def diff_box(a: Image.Image, b: Image.Image):
    return ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox()


def test_the_font_is_shipped_and_covers_common_hanzi():
    path = font_path()
    assert path.is_file() and path.stat().st_size > 1_000_000
    assert "crosspost/resources/fonts" in path.as_posix()
    cmap = font_cmap()
    hanzi = [
        line.strip()
        for line in (Path(__file__).resolve().parent.parent / "packaging" / "fonts" / "tongyong-guifan-hanzi.txt")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(hanzi) == 8105
    missing = [c for c in hanzi[:6500] if ord(c) not in cmap]  # levels 1 and 2
    assert missing == []
    for c in "，。！？（）「」【】、；：“”…—ABCxyz0123éü":
        assert ord(c) in cmap, c
    assert (path.parent / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") == 1


@pytest.mark.parametrize("style", [s for s in STYLES if s != "none"])
def test_cover_size_and_glyphs_drawn(style):
    base = scene(1080, 1440)
    out = draw_cover_text(base, style, "小红书封面", "RedNote cover")
    assert out.size == (1080, 1440)
    layout = layout_cover(style, "小红书封面", "RedNote cover")
    box = layout.title.bbox
    region = diff_box(base.crop(box), out.crop(box))
    assert region is not None  # the text region changed
    # … and only the text (and the band) changed: nothing outside the title, subtitle and band.
    boxes = [box] + ([layout.subtitle.bbox] if layout.subtitle else []) + ([layout.band] if layout.band else [])
    masked = out.copy()
    original = base.copy()
    for b in boxes:
        grown = (b[0] - 30, b[1] - 30, b[2] + 30, b[3] + 30)
        ImageDraw.Draw(masked).rectangle(grown, fill=0)
        ImageDraw.Draw(original).rectangle(grown, fill=0)
    assert diff_box(masked, original) is None


def test_none_draws_nothing():
    base = scene(1080, 1440)
    assert diff_box(base, draw_cover_text(base, "none", "小红书封面")) is None


def _glyph(ch: str, size: int = 200) -> Image.Image:
    image = Image.new("L", (size * 2, size * 2), 0)
    ImageDraw.Draw(image).text((size // 2, size // 4), ch, font=load_font(size), fill=255)
    return image


def test_xiao_is_a_real_glyph_not_the_missing_box():
    cmap = font_cmap()
    lacking = next(chr(cp) for cp in range(0x4E00, 0x9FFF) if cp not in cmap)  # a hanzi left out of the subset
    tofu = _glyph(lacking)
    assert tofu.getbbox() is not None  # the missing-glyph box is drawn (an outline, not nothing)
    xiao = _glyph("小")
    assert xiao.getbbox() is not None
    assert diff_box(xiao, tofu) is not None
    # 小 has a vertical stroke through the middle and open space at the top corners; the box has neither.
    w, h = xiao.size
    ink = xiao.point(lambda v: 255 if v > 128 else 0)
    x0, y0, x1, y1 = ink.getbbox()
    assert ink.getpixel(((x0 + x1) // 2, (y0 + y1) // 2)) == 255
    assert ink.getpixel((x0 + 2, y0 + 2)) == 0
    # Another hanzi the font has differs from 小 (glyphs are not all one shape).
    assert diff_box(_glyph("红"), xiao) is not None


@pytest.mark.parametrize("style", [s for s in STYLES if s != "none"])
@pytest.mark.parametrize(
    "title",
    [
        LONG,
        "A very long English title about a morning run by the river with friends and "
        "coffee afterwards at the little place on the corner",
        "超长" * 80,
        "Supercalifragilisticexpialidocious" * 4,
    ],
)
def test_long_titles_stay_within_the_margins(style, title):
    layout = layout_cover(style, title, "An English subtitle that is also rather long for a cover" * 2)
    left, top, right, bottom = layout.safe
    for block in (layout.title, layout.subtitle):
        if block is None:
            continue
        x0, y0, x1, y1 = block.bbox
        assert left <= x0 and x1 <= right and top <= y0 and y1 <= bottom, (block.bbox, layout.safe)
        assert block.font_size >= 28
    if layout.band:
        assert top <= layout.band[1] and layout.band[3] <= bottom
    # and the pixels agree: on a flat picture, nothing is drawn outside the safe area (except the band)
    base = Image.new("RGB", (1080, 1440), (40, 90, 160))
    out = draw_cover_text(base, style, title, "An English subtitle that is also rather long for a cover" * 2)
    if layout.band:  # the band spans the width; above and below it nothing changes
        strips = [(0, 0, 1080, layout.band[1]), (0, layout.band[3], 1080, 1440)]
    else:
        strips = [(0, 0, left, 1440), (right, 0, 1080, 1440), (0, 0, 1080, top), (0, bottom, 1080, 1440)]
    for strip in strips:
        assert diff_box(base.crop(strip), out.crop(strip)) is None, strip


@pytest.mark.parametrize("width", [300, 420, 560, 700, 880])
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(width):
    font = load_font(90)
    text = "你好，世界！这是（一个）测试。「引号」里面、还有；冒号：《书名》【标题】结束？真的！" * 2
    lines = wrap(text, font, width)
    assert "".join(lines) == text  # nothing lost
    assert len(lines) > 1
    for line in lines:
        assert line[0] not in CLOSING, lines
        assert line[-1] not in OPENING, lines
        assert font.getlength(line) <= width  # the rules only ever break earlier


def test_wrap_keeps_english_words_whole():
    lines = wrap("Morning run by the river, then coffee.", load_font(100), 600)
    assert " ".join(lines) == "Morning run by the river, then coffee."
    assert all(not line.startswith((",", ".")) for line in lines)


def test_readable_on_bright_and_dark_backgrounds():
    for colour in ((250, 250, 250), (10, 10, 10)):
        base = Image.new("RGB", (1080, 1440), colour)
        for style in ("bold", "banner"):
            layout = layout_cover(style, "早起跑步")
            out = draw_cover_text(base, style, "早起跑步")
            lo, hi = out.crop(layout.title.bbox).convert("L").getextrema()
            assert hi - lo > 180, (colour, style, lo, hi)  # strong contrast inside the text region


def test_cover_screenshots_in_each_style():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = scene(1080, 1440)
    tiles = []
    for style in STYLES:
        out = draw_cover_text(base, style, "成都三天两夜，吃遍宽窄巷子！（附攻略）", "Three days in Chengdu")
        out.save(ARTIFACTS / f"cover-{style}.png")
        tiles.append(out.resize((360, 480)))
        with Image.open(ARTIFACTS / f"cover-{style}.png") as saved:
            assert saved.size == (1080, 1440)
    sheet = Image.new("RGB", (360 * len(tiles), 480))
    for i, tile in enumerate(tiles):
        sheet.paste(tile, (360 * i, 0))
    sheet.save(ARTIFACTS / "cover-styles.png")


# --- the CLI: stored on the draft, used by render and export -------------------------------------


@pytest.fixture
def drafted(data_dir, tmp_path, capsys):
    from exports import build_export, sample_posts, write_zip

    posts = sample_posts(3)
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    media = tmp_path / "media"
    media.mkdir()
    jpeg(media / f"{posts[0].video_id}.jpg", 900, 1200)
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "import", str(export), "--media", str(media)]) == 0
    capsys.readouterr()
    assert main([*d, "drafts", "create", "1", "--platform", "rednote", "--layout", "original", "--json"]) == 0
    draft = json.loads(capsys.readouterr().out)[0]
    return d, draft, tmp_path


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.strip().startswith(("{", "[")) else out.out), out.err


def test_cli_cover_style_render_and_export(drafted, capsys):
    d, draft, tmp = drafted
    assert draft["cover_style"] == "bold"  # RedNote's default, from its profile
    assert draft["cover_text"] == draft["title"]
    code, rendered, err = run(capsys, *d, "drafts", "render", str(draft["id"]), "--json")
    assert code == 0, err
    cover = Path(rendered["cover"])
    plain = cover.with_name("cover-plain.jpg")
    with Image.open(cover) as c, Image.open(plain) as p:
        assert c.size == p.size == (1080, 1440)
        assert diff_box(c, p) is not None  # the title is on the cover
    code, edited, err = run(
        capsys,
        *d,
        "drafts",
        "edit",
        str(draft["id"]),
        "--cover-style",
        "banner",
        "--cover-text",
        "跑步打卡第一天",
        "--json",
    )
    assert code == 0, err
    assert edited["cover_style"] == "banner" and edited["cover_text"] == "跑步打卡第一天"
    layout = layout_cover("banner", "跑步打卡第一天")
    with Image.open(cover) as c, Image.open(plain) as p:  # redrawn in place, no new render needed
        band = layout.band
        assert diff_box(c.crop(band), p.crop(band)) is not None
        above = (0, 0, 1080, band[1] - 40)
        assert ImageChops.difference(c.convert("L").crop(above), p.convert("L").crop(above)).getextrema()[1] < 40
    code, _, err = run(capsys, *d, "drafts", "edit", str(draft["id"]), "--cover-style", "none", "--json")
    assert code == 0, err
    code, _, err = run(capsys, *d, "drafts", "render", str(draft["id"]), "--json")
    assert code == 0, err
    code, result, err = run(capsys, *d, "drafts", "export", str(draft["id"]), "--to", str(tmp / "out"), "--json")
    assert code == 0, err
    bundle = Path(result["bundles"][0])
    with Image.open(bundle / "cover.jpg") as c, Image.open(plain) as p:
        assert c.size == (1080, 1440)
        assert ImageChops.difference(c.convert("L"), p.convert("L")).getextrema()[1] < 24  # no text
    # undo brings the banner back, and the export draws it
    code, _, err = run(capsys, *d, "drafts", "undo", str(draft["id"]), "--json")
    assert code == 0, err
    code, result, err = run(
        capsys, *d, "drafts", "export", str(draft["id"]), "--to", str(tmp / "out2"), "--json", "--force"
    )
    assert code == 0, err
    with Image.open(Path(result["bundles"][0]) / "cover.jpg") as c, Image.open(plain) as p:
        assert diff_box(c.crop(layout.band), p.crop(layout.band)) is not None


def test_cli_rejects_unknown_style_and_platforms_without_cover_text(drafted, capsys):
    d, draft, _ = drafted
    before = run(capsys, *d, "drafts", "show", str(draft["id"]), "--json")[1]
    with pytest.raises(SystemExit) as exc:
        main([*d, "drafts", "edit", str(draft["id"]), "--cover-style", "fancy"])
    assert exc.value.code == 2
    assert "bold" in capsys.readouterr().err
    code, out, err = run(
        capsys, *d, "drafts", "create", "1", "--platform", "instagram", "--layout", "original", "--json"
    )
    assert code == 0
    ig = out[0]
    assert ig["cover_style"] == "none"
    code, _, err = run(capsys, *d, "drafts", "edit", str(ig["id"]), "--cover-style", "bold")
    assert code == 1 and "Traceback" not in err and err.strip().count("\n") == 0
    assert "Instagram" in err
    after = run(capsys, *d, "drafts", "show", str(draft["id"]), "--json")[1]
    assert after["cover_style"] == before["cover_style"]


def test_edit_help_lists_the_styles(capsys):
    with pytest.raises(SystemExit):
        main(["drafts", "edit", "--help"])
    out = capsys.readouterr().out
    for style in STYLES:
        assert style in out
    assert "--cover-text" in out


def test_bilingual_subtitle_defaults_to_the_original_title(drafted):
    from dataclasses import replace

    from crosspost.drafts.cover import texts_of
    from crosspost.drafts.store import get_draft
    from crosspost.paths import resolve
    from crosspost.store import open_store
    from crosspost.values import Layout

    d, draft, _ = drafted
    store = open_store(resolve(Path(d[1])))
    try:
        row = get_draft(store, draft["id"])
        original = row.title
        assert texts_of(store, row) == (original, "")  # the original layout: no subtitle
        bilingual = replace(row, layout=Layout.BILINGUAL, title="河边晨跑")
        assert texts_of(store, bilingual) == ("河边晨跑", original)
        assert texts_of(store, replace(bilingual, cover_text="晨跑 | Morning run")) == ("晨跑", "Morning run")
        assert texts_of(store, replace(bilingual, cover_text="晨跑\nMorning run")) == ("晨跑", "Morning run")
    finally:
        store.close()


def test_font_build_script_and_notices(tmp_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    script = root / "packaging" / "build-cjk-font"
    assert script.stat().st_mode & 0o111 and script.read_text().startswith("#!/usr/bin/env python3")
    out = tmp_path / "NOTICES.txt"
    done = subprocess.run(
        [sys.executable, str(root / "packaging" / "third_party_notices.py"), str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "Noto Sans CJK SC" in text and "OFL-1.1" in text and "NotoSansSC-Bold-subset.otf" in text
    assert "segno" in text.lower()


def test_characters_the_font_lacks_are_left_out_not_drawn_as_boxes():
    from crosspost.media.cover_text import drawable, has_glyph

    assert has_glyph("小") and has_glyph("A") and has_glyph("，")
    assert not has_glyph("🏃") and not has_glyph("\U0010fffd")
    assert drawable("早起跑步🏃 go!🎉") == "早起跑步 go!"
    assert drawable("跑\u200d步\ufe0f") == "跑步"  # joiners and variation selectors are invisible anyway
    base = scene(1080, 1440)
    with_emoji = draw_cover_text(base, "bold", "早起跑步🏃")
    assert diff_box(with_emoji, draw_cover_text(base, "bold", "早起跑步")) is None


# -- issue 22, items 13 and 14; issue 24, item 9 --------------------------------------------------------


def test_cover_text_is_capped_and_a_huge_title_lays_out_at_the_cap(drafted, capsys):
    """A 10,000-character title took 15-20 s per render (and 6.7 s per preview): the cover now lays
    out at most MAX_COVER_TEXT_CHARS of it, and a cover text longer than that is refused in one
    sentence that names the limit."""
    from crosspost.limits import MAX_COVER_TEXT_CHARS

    huge = "清晨观鸟日记" * 1700  # 10,200 characters
    assert layout_cover("bold", huge).lines == layout_cover("bold", huge[:MAX_COVER_TEXT_CHARS]).lines
    assert layout_cover("bold", huge).lines[-1].endswith("…")
    d, draft, _ = drafted
    before = run(capsys, *d, "drafts", "show", str(draft["id"]), "--json")[1]
    code, _, err = run(capsys, *d, "drafts", "edit", str(draft["id"]), "--cover-text", huge)
    assert code == 1 and "Traceback" not in err and err.strip().count("\n") == 0
    assert f"at most {MAX_COVER_TEXT_CHARS}" in err and "10,200" in err
    assert run(capsys, *d, "drafts", "show", str(draft["id"]), "--json")[1]["cover_text"] == before["cover_text"]
    code, _, err = run(capsys, *d, "drafts", "edit", str(draft["id"]), "--cover-text", huge[:MAX_COVER_TEXT_CHARS])
    assert code == 0, err
    with pytest.raises(SystemExit):
        main(["drafts", "edit", "--help"])
    assert f"at most {MAX_COVER_TEXT_CHARS} characters" in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize(
    "text, blank",
    [("مرحبا بالعالم", True), ("🎉🎉🎉", True), ("Morning مرحبا run", False), ("Zalgo z\u0336\u0337a\u0338", False)],
)
def test_cover_text_the_font_cannot_draw_is_a_preflight_warning(drafted, capsys, text, blank):
    """Arabic only or emoji only gave a silently blank cover; stray combining marks came out as boxes
    or dotted circles. Preflight now warns, and nothing undrawable reaches the cover."""
    import unicodedata

    from crosspost.media.cover_text import cover_text_problem, drawable

    d, draft, _ = drafted
    code, edited, err = run(capsys, *d, "drafts", "edit", str(draft["id"]), "--cover-text", text, "--json")
    assert code == 0, err
    warnings = [p for p in edited["problems"] if "can't be drawn with the cover font" in p["message"]]
    assert len(warnings) == 1 and warnings[0]["level"] == "warning" and warnings[0]["field"] == "cover"
    assert ("no title" in warnings[0]["message"]) is blank
    kept = drawable(text)
    assert not any(unicodedata.category(ch).startswith("M") for ch in kept) and "\u25cc" not in kept
    assert bool(kept.strip()) is not blank
    # what the font draws raises no warning: accents compose (e + U+0301 is é), emoji beside words
    # are left out quietly as before
    assert cover_text_problem("Cafe\u0301 au lait 早起跑步🏃") is None
    assert drawable("Cafe\u0301") == "Café"
    code, edited, err = run(capsys, *d, "drafts", "edit", str(draft["id"]), "--cover-text", "早起跑步🏃", "--json")
    assert not [p for p in edited["problems"] if p.get("field") == "cover"]


def test_cover_lines_break_between_words_and_prefer_the_script_boundary():
    """清晨观鸟日 / 记 and 奇怪鸟 / 类 were split inside words where a break between words fits."""
    font = load_font(100)
    for text, word in (("清晨观鸟日记", "日记"), ("奇怪鸟类", "鸟类")):
        # wide enough for all but the last character: the old breaker filled the line up to it
        width = font.getlength(text[:-1]) + 1
        lines = wrap(text, font, width)
        assert "".join(lines) == text and len(lines) == 2
        assert lines[-1] == word, lines
    # Latin then Chinese: the break goes where the script changes, not after 清晨
    text = "Birdwatching清晨观鸟"
    width = font.getlength("Birdwatching清晨") + 1
    assert wrap(text, font, width) == ["Birdwatching", "清晨观鸟"]
    # and at a space between Chinese phrases rather than inside the second one
    assert wrap("清晨观鸟日记 奇怪鸟类", font, font.getlength("清晨观鸟日记 奇怪") + 1) == ["清晨观鸟日记", "奇怪鸟类"]
    # a word wider than the line is still cut by characters, under the punctuation rules
    narrow = wrap("（一个）测试", load_font(90), 300)
    assert "".join(narrow) == "（一个）测试" and all(line[0] not in CLOSING for line in narrow)
    # on a real cover: the titles keep their words whole
    for title in ("清晨观鸟日记", "奇怪鸟类 Birdwatching 清晨观鸟日记"):
        lines = layout_cover("bilingual", title).lines
        assert "".join(lines).replace(" ", "") == title.replace(" ", "")
        joined = "|".join(lines)
        assert "日|记" not in joined and "鸟|类" not in joined and "观|鸟" not in joined
