"""The window's words for a core error or preflight problem: what is wrong and the button or menu
that fixes it, translatable like every other string. Never a command or a ``--flag``: the person
using the window never opens a terminal (``tests/gui/test_messages.py`` walks every typed error)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crosspost import errors
from crosspost.records import Problem


def _fill(text: str, *values: object) -> str:
    for i, value in enumerate(values, 1):
        text = text.replace(f"%{i}", str(value))
    return text


def window_message(exc: errors.UserError) -> str:
    """EXC in the window's words."""
    match exc:
        case errors.NotFound(kind="post", ident=ident):
            return _fill(QCoreApplication.translate("Messages", "Post %1 is no longer in your library; it may have been removed."), ident)
        case errors.NotFound(kind="draft", ident=ident):
            return _fill(QCoreApplication.translate("Messages", "Draft %1 is no longer in the queue; it may have been deleted."), ident)
        case errors.NotFound(kind=_, ident=ident):
            return _fill(QCoreApplication.translate("Messages", "Item %1 is no longer there; reopen the post and try again."), ident)
        case errors.NothingGiven():
            return QCoreApplication.translate("Messages", "Select at least one item in the list first.")
        case errors.InvalidChoice(field=field, value=value, choices=choices):
            return _fill(QCoreApplication.translate("Messages", "“%1” is not a valid %2; choose one of: %3."), value, field, ", ".join(choices))
        case errors.NoMediaOnDisk():
            return QCoreApplication.translate("Messages", "This post has no photo or video on this computer yet. Use Media → Fetch media while "
                       "the export's links work, or Media → Attach files… (or drop your files on the post).")
        case errors.LinksExpired(expired_at=when):
            return _fill(QCoreApplication.translate("Messages", "The export's media links expired%1. Attach your own files with Media → Attach "
                             "files… (or drop them on the post), or request a new export from TikTok."),
                         _fill(QCoreApplication.translate("Messages", " on %1"), when[:10]) if when else "")
        case errors.NoTranslation(lang=None, layout=layout):
            return _fill(QCoreApplication.translate("Messages", "The %1 layout needs a target language: choose one in Tools → Settings."), layout)
        case errors.NoTranslation(lang=lang, layout=layout):
            return _fill(QCoreApplication.translate("Messages", "This post has no %1 translation yet, which the %2 layout needs. Press Translate "
                             "in the editor first, or choose “Original only” as the layout."), lang, layout)
        case errors.NoLanguagePack(source=s, target=t):
            return _fill(QCoreApplication.translate("Messages", "No %1→%2 language pack is installed. Install it in Tools → Language packs."), s, t)
        case errors.LanguagePackBroken(source=s, target=t):
            return _fill(QCoreApplication.translate("Messages", "The %1→%2 language pack is damaged. Remove it and install it again in "
                             "Tools → Language packs."), s, t)
        case errors.AlreadyPosted(draft_id=did, platform=platform, posted_at=when):
            return _fill(QCoreApplication.translate("Messages", "Draft %1 was already marked as posted on %2 (%3)."), did, platform, when or "")
        case errors.NotRendered():
            return QCoreApplication.translate("Messages", "The draft's media is not rendered yet: select it in the Drafts tab and press Render.")
        case errors.ExportBlocked(reasons=reasons):
            return _fill(QCoreApplication.translate("Messages", "Nothing was exported: %1. Fix the problems shown in the Drafts tab first."),
                         "; ".join(reasons))
        case errors.FolderNotWritable(path=path, reason=reason):
            return _fill(QCoreApplication.translate("Messages", "Crosspost cannot write to %1 (%2). Choose another folder."), path, reason)
        case errors.TrimNeeded(seconds=s, max_seconds=m, platform=platform):
            return _fill(QCoreApplication.translate("Messages", "The video is %1 s long; %2 takes at most %3 s. Trim it before rendering."),
                         f"{s:.0f}", platform, f"{m:.0f}")
        case errors.EditKept(what=what):
            return _fill(QCoreApplication.translate("Messages", "You edited this %1 by hand, so it was kept."), what)
    return str(exc)


_PROBLEM_HINTS = {
    "no_media": QT_TRANSLATE_NOOP("Messages", "Use Media → Fetch media or Media → Attach files… in the library."),
    "no_translation": QT_TRANSLATE_NOOP("Messages", "Open the post in the library and press Translate."),
    "not_rendered": QT_TRANSLATE_NOOP("Messages", "Select the draft and press Render."),
    "video_too_long": QT_TRANSLATE_NOOP("Messages", "Trim the video before rendering."),
}


def problem_text(problem: Problem) -> str:
    """A preflight problem with the window action that fixes it."""
    hint = _PROBLEM_HINTS.get(problem.code)
    if hint is None:
        return problem.message
    return problem.message + " " + QCoreApplication.translate("Messages", hint)
