"""The words the window shows for the core's values (platform, status, fit, layout, units), in the
UI language. The core keeps its plain codes ("rednote", "ready", "blur"); only the window words them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crosspost.gui.i18n import current_language


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Labels", text, None, n)


def platform_label(profile) -> str:
    """The platform's own name in the UI language, once ("小红书" in Chinese, "RedNote (Xiaohongshu)")."""
    names = profile.display_name
    return names.get("zh" if current_language().startswith("zh") else "en") or names["en"]


def fit_label(fit: str) -> str:
    return {"crop": _tr("Crop to fill"), "pad": _tr("Fit with bars"), "blur": _tr("Fit on blurred background")}.get(
        fit, fit)


def layout_label(layout: str) -> str:
    return {"original": _tr("Original only"), "translated": _tr("Translation only"),
            "bilingual": _tr("Bilingual")}.get(layout, layout)


def status_label(status: str) -> str:
    return {"draft": _tr("Draft"), "ready": _tr("Ready"), "exported": _tr("Exported"), "posted": _tr("Posted"),
            "deleted": _tr("Deleted")}.get(status, status)


def level_label(level: str) -> str:
    return {"error": _tr("Problem"), "warning": _tr("Note")}.get(level, level)


def unit_label(unit: str, value: float) -> str:
    """The unit of a limit, with the plural form that goes with VALUE."""
    n = int(value)
    words = {
        "chars": _tr("characters", n), "units": _tr("units", n), "graphemes": _tr("characters", n),
        "hashtags": _tr("hashtags", n), "topics": _tr("topics", n), "images": _tr("photos", n),
        "seconds": _tr("seconds", n), "bytes": _tr("bytes", n),
    }
    return words.get(unit, unit)
