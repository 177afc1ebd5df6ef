#!/usr/bin/env python3
"""Make crosspost/resources/fonts/NotoSansSC-Subset.otf: Noto Sans CJK SC (Regular) cut down to the
characters Crosspost's readers need, so the packaged apps never show boxes for Chinese text.

Kept: every character of GB 2312 (its 6,763 hanzi — the common core of GB 18030 — and its symbols,
kana, Greek, Cyrillic and box drawing), Basic Latin to Latin Extended-B, general and CJK punctuation,
full-width forms, and every character of the app's own translations (resources/i18n/*.ts).
Source: Debian's fonts-noto-cjk (SIL Open Font License 1.1), face "Noto Sans CJK SC" of the .ttc.
Needs fontTools (``pip install fonttools``).

    python packaging/make_cjk_font.py [--source NotoSansCJK-Regular.ttc] [--out PATH]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUT = ROOT / "crosspost" / "resources" / "fonts" / "NotoSansSC-Subset.otf"
RANGES = [(0x20, 0x24F), (0x2000, 0x206F), (0x20A0, 0x20BF), (0x2100, 0x214F), (0x2190, 0x21FF),
          (0x2460, 0x24FF), (0x3000, 0x303F), (0x3040, 0x30FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]


def gb2312_characters() -> set[int]:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def translation_characters() -> set[int]:
    chars = set()
    for ts in (ROOT / "resources" / "i18n").glob("*.ts"):
        for text in re.findall(r"<translation[^>]*>(.*?)</translation>", ts.read_text(encoding="utf-8"), re.S):
            chars.update(ord(c) for c in text)
    return chars


def wanted_codepoints() -> set[int]:
    chars = gb2312_characters() | translation_characters()
    for start, end in RANGES:
        chars.update(range(start, end + 1))
    return chars


def sc_index(source: Path) -> int:
    from fontTools.ttLib import TTCollection

    for i, font in enumerate(TTCollection(str(source)).fonts):
        if font["name"].getDebugName(1) == "Noto Sans CJK SC":
            return i
    raise SystemExit(f"{source}: no 'Noto Sans CJK SC' face in this collection")


def main() -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    font = TTFont(str(args.source), fontNumber=sc_index(args.source), lazy=False)
    options = subset.Options()
    options.layout_features = ["*"]     # vertical forms, locl for SC, proportional punctuation
    options.name_IDs = ["*"]            # keep the copyright and the licence in the font
    options.name_languages = ["*"]
    options.hinting = False             # CFF hints add size and do little at screen sizes
    options.desubroutinize = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted_codepoints()))
    subsetter.subset(font)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(args.out))
    print(f"{args.out}: {len(font.getGlyphOrder())} glyphs, {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
