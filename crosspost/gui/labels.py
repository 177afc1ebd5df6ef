"""The words the window shows for the core's values (platform, status, fit, layout, units), in the
UI language. The core keeps its plain codes ("rednote", "ready", "blur"); only the window words them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from crosspost.gui.i18n import current_language
from crosspost.gui.language_names import language_name

if TYPE_CHECKING:
    from crosspost.platforms.profiles_loader import PlatformProfile


class Labels(QObject):
    """The translation context "Labels" (a QObject so that lupdate sees self.tr and its plurals)."""

    def fit(self, fit: str) -> str:
        return {
            "crop": self.tr("Crop to fill"),
            "pad": self.tr("Fit with bars"),
            "blur": self.tr("Fit on blurred background"),
        }.get(fit, fit)

    def layout(self, layout: str) -> str:
        return {
            "original": self.tr("Original only"),
            "translated": self.tr("Translation only"),
            "bilingual": self.tr("Bilingual"),
        }.get(layout, layout)

    def status(self, status: str) -> str:
        return {
            "draft": self.tr("Draft"),
            "ready": self.tr("Ready"),
            "exported": self.tr("Exported"),
            "posted": self.tr("Posted"),
        }.get(status, status)

    def level(self, level: str) -> str:
        return {"error": self.tr("Problem"), "warning": self.tr("Note")}.get(level, level)

    def unit(self, unit: str, n: int) -> str | None:
        if unit in ("chars", "graphemes"):
            return self.tr("%n character(s)", "", n)
        if unit == "units":
            return self.tr("%n unit(s)", "", n)
        if unit == "hashtags":
            return self.tr("%n hashtag(s)", "", n)
        if unit == "topics":
            return self.tr("%n topic(s)", "", n)
        if unit == "images":
            return self.tr("%n photo(s)", "", n)
        if unit == "seconds":
            return self.tr("%n second(s)", "", n)
        if unit == "bytes":
            return self.tr("%n byte(s)", "", n)
        return None


_labels = Labels()


def platform_label(profile: PlatformProfile) -> str:
    """The platform's own name in the UI language, once ("小红书" in Chinese, "RedNote (Xiaohongshu)")."""
    names: dict[str, str] = profile.display_name
    return names.get("zh" if current_language().startswith("zh") else "en") or names["en"]


# A fit mode, layout, draft status or problem level in the UI language (an unknown one as is).
fit_label = _labels.fit
layout_label = _labels.layout
status_label = _labels.status
level_label = _labels.level


def language_label(code: str) -> str:
    """A language code as its name in the UI language ("zh" → "Chinese" / "中文"); an unknown code as is."""
    return language_name(code)


MODEL_KINDS = {"argos": "Argos Translate", "quickmt": "quickmt"}


def model_kind_label(kind: str) -> str:
    """A kind of translation model by its own name ("Argos Translate", "quickmt"), never the code."""
    return MODEL_KINDS.get(kind, kind)


def pair_label(source: str, target: str) -> str:
    """A language pair as the window names it: "English → Chinese" / "英语 → 中文"."""
    return f"{language_label(source)} → {language_label(target)}"


def unit_label(unit: str, value: float) -> str:
    """VALUE with its unit, in the plural form that goes with it ("1 character", "20 characters", "10.5 units")."""
    n = int(value)
    phrase = _labels.unit(unit, n)
    if phrase is None:
        return f"{value:g} {unit}"
    return phrase if value == n else phrase.replace(str(n), f"{value:g}", 1)
