"""Registering the fonts shipped in the package, kept apart from the glyph check and its hint
(``fonts.py``) so that start-up loads only this."""

from __future__ import annotations

from typing import Any

# The fonts shipped in crosspost/resources/fonts (SIL OFL; see FONTS.txt there): Chinese (Regular and
# the Bold cover font) and colour emoji. crosspost/gui/fonts.py checks for glyphs and shows the hint.
FONT_FILES = ("NotoSansSC-Regular-subset.otf", "NotoSansSC-Bold-subset.otf", "NotoColorEmoji.ttf")
_fonts_loaded: list[str] | None = None


def load_bundled_fonts(app: Any = None) -> list[str]:
    """Register the packaged fonts (about a millisecond: Qt reads their tables, not every glyph) and
    put them behind the application font as fallbacks, so Chinese and emoji never show as boxes.
    Returns their families."""
    global _fonts_loaded
    if _fonts_loaded is not None:
        return _fonts_loaded
    from importlib import resources

    from PySide6.QtGui import QFont, QFontDatabase

    families: list[str] = []
    folder = resources.files("crosspost") / "resources" / "fonts"
    for name in FONT_FILES:
        entry = folder / name
        if not entry.is_file():
            continue
        with resources.as_file(entry) as path:
            font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    if app is not None and families:
        font = QFont(app.font())
        font.setFamilies([*font.families(), *[f for f in families if f not in font.families()]])
        app.setFont(font)
    _fonts_loaded = families
    return families
