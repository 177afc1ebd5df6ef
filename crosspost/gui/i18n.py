"""UI language: English (source) and Simplified Chinese via Qt Linguist (.ts in resources/i18n,
.qm shipped in crosspost/gui/i18n). Follows the system locale unless the user picks one.

Qt's own strings (standard buttons, file dialogs, the context menu of text boxes) come from Qt's
``qtbase_<lang>.qm``: packaging/build-translations copies it into crosspost/gui/i18n, so a wheel and
a frozen app carry it; PySide6's translations folder is the fallback."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

LANGUAGES = {"system": None, "en": "English", "zh_CN": "简体中文"}
_installed: list[QTranslator] = []


def _catalogue(name: str) -> bytes | None:
    """The bytes of NAME.qm from the package, or (Qt's own) from PySide6's translations folder."""
    from pathlib import Path

    packaged = resources.files("crosspost.gui") / "i18n" / f"{name}.qm"
    if packaged.is_file():
        return packaged.read_bytes()
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"{name}.qm"
    return qt_folder.read_bytes() if qt_folder.is_file() else None


_current = "en"


def current_language() -> str:
    """The language the window is shown in ("en", "zh_CN")."""
    return _current


def resolve_language(choice: str | None) -> str:
    if choice and choice != "system":
        return choice
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def apply_language(app: QApplication, choice: str | None) -> str:
    """Install the translator for CHOICE ("system", "en", "zh_CN"); returns the language used.
    Widgets retranslate themselves on the LanguageChange event that this triggers."""
    global _current
    language = resolve_language(choice)
    if language == _current and _installed:
        return language  # already in place: no LanguageChange for every widget
    _current = language
    # Dates and numbers the window formats follow the UI language, not only its words.
    locale = (
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if language == "zh_CN"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    QLocale.setDefault(locale)
    # Widgets made before the switch keep the locale they were made with (the calendar of the planned
    # date said "December" in the Chinese window): give every window the new one; children follow.
    for widget in app.topLevelWidgets():
        widget.setLocale(locale)
    while _installed:
        app.removeTranslator(_installed.pop())
    # English needs its catalogue too: it holds the plural forms ("1 post", "2 posts").
    # qtgaps: the few words of Qt's own dialogs that qtbase leaves in English (resources/i18n/qt).
    names = (
        [f"crosspost_{language}"]
        if language == "en"
        else [f"qtbase_{language}", f"qtgaps_{language}", f"crosspost_{language}"]
    )
    for name in names:
        data = _catalogue(name)
        translator = QTranslator(app)
        if data is not None and translator.load(data):
            translator._data = data  # type: ignore[attr-defined]  # keep the buffer alive: QTranslator does not copy it
            app.installTranslator(translator)
            _installed.append(translator)
    return language
