"""Fonts that never show boxes: the CJK and colour emoji fonts shipped in the package
(crosspost/resources/fonts, SIL OFL) are registered at start-up and put behind the system's UI font
as fallbacks; a one-line, dismissible hint names the distribution's font package when Chinese or
emoji still have no glyph (a trimmed install without the bundled files)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

# Registering the fonts happens in app.make_app, before the first paint, without importing this module.
from crosspost.gui.font_files import FONT_FILES, load_bundled_fonts  # noqa: F401 - part of this module's API
from crosspost.gui.words import Retranslating, fill

if TYPE_CHECKING:
    from crosspost.gui.context import Settings

# What must show as a glyph: a common hanzi (the 小红书 label) and an emoji (the media badges).
PROBES = {"cjk": "小", "emoji": "🎨"}
# Where each distribution packages the fonts (ID or ID_LIKE of /etc/os-release).
FONT_PACKAGES = {
    "debian": {"cjk": "fonts-noto-cjk", "emoji": "fonts-noto-color-emoji"},
    "ubuntu": {"cjk": "fonts-noto-cjk", "emoji": "fonts-noto-color-emoji"},
    "fedora": {"cjk": "google-noto-sans-cjk-fonts", "emoji": "google-noto-color-emoji-fonts"},
    "arch": {"cjk": "noto-fonts-cjk", "emoji": "noto-fonts-emoji"},
    "suse": {"cjk": "noto-sans-sc-fonts", "emoji": "noto-coloremoji-fonts"},
}


def has_glyphs(text: str, font: QFont | None = None) -> bool:
    """True when every character of TEXT is drawn with a real glyph by FONT or Qt's fallbacks
    (glyph 0 is the font's "missing" box)."""
    layout = QTextLayout(text, font or QFont())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    return bool(runs) and all(index != 0 for run in runs for index in run.glyphIndexes())


def missing_scripts(font: QFont | None = None) -> list[str]:
    """Which of "cjk" and "emoji" have no glyph here."""
    return [kind for kind, probe in PROBES.items() if not has_glyphs(probe, font)]


def distribution_ids() -> list[str]:
    try:
        with open("/etc/os-release", encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return []
    ids: list[str] = []
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key in ("ID", "ID_LIKE"):
            ids += value.strip().strip('"').split()
    return ids


def font_packages(kinds: list[str]) -> list[str]:
    for dist in distribution_ids():
        for known, packages in FONT_PACKAGES.items():
            if known in dist:
                return [packages[k] for k in kinds]
    return [{"cjk": "Noto Sans CJK", "emoji": "Noto Color Emoji"}[k] for k in kinds]


class FontHint(Retranslating, QFrame):
    """ "Chinese text or emoji show as boxes: install …" with a close button; closing it is remembered."""

    dismissed = Signal()

    def __init__(self, settings: Settings, kinds: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.kinds = settings, kinds
        self.setObjectName("fontHint")
        self.setStyleSheet("#fontHint { background: #fff4d6; border-bottom: 1px solid #e6c65c; }")
        self.label = QLabel()
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 3, 4, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.retranslate()

    def retranslate(self) -> None:
        packages = " ".join(font_packages(self.kinds))
        self.label.setText(
            fill(
                self.tr(
                    "Chinese text or emoji may show as empty boxes: install the fonts with your package manager (%1)."
                ),
                packages,
            )
        )
        self.close_button.setToolTip(self.tr("Hide this hint"))

    def dismiss(self) -> None:
        self.settings.fonts_hint_dismissed = True
        self.hide()
        self.dismissed.emit()


def font_hint_for(settings: Settings, parent: QWidget | None = None) -> FontHint | None:
    """The hint when glyphs are missing and the person has not closed it before; else None."""
    if settings.fonts_hint_dismissed:
        return None
    kinds = missing_scripts()
    return FontHint(settings, kinds, parent) if kinds else None
