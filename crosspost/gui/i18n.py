"""UI language: English (source) and Simplified Chinese via Qt Linguist (.ts in resources/i18n,
.qm shipped in crosspost/gui/i18n). Follows the system locale unless the user picks one."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

LANGUAGES = {"system": None, "en": "English", "zh_CN": "简体中文"}
_installed: QTranslator | None = None


def resolve_language(choice: str | None) -> str:
    if choice and choice != "system":
        return choice
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def apply_language(app: QApplication, choice: str | None) -> str:
    """Install the translator for CHOICE ("system", "en", "zh_CN"); returns the language used.
    Widgets retranslate themselves on the LanguageChange event that this triggers."""
    global _installed
    language = resolve_language(choice)
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if language != "en":
        translator = QTranslator(app)
        data = (resources.files("crosspost.gui") / "i18n" / f"crosspost_{language}.qm").read_bytes()
        if translator.load(data):
            app.installTranslator(translator)
            _installed = translator
            translator._data = data  # keep the buffer alive: QTranslator does not copy it
    return language
