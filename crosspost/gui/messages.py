"""The window's words for a core error or preflight problem: what is wrong and the button or menu
that fixes it, translatable like every other string. Never a command or a ``--flag``: the person
using the window never opens a terminal (``tests/gui/test_messages.py`` walks every typed error)."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from crosspost import errors
from crosspost.gui.labels import layout_label, platform_label, unit_label
from crosspost.gui.language_names import language_name
from crosspost.records import Problem


def _fill(text: str, *values: object) -> str:
    for i, value in enumerate(values, 1):
        text = text.replace(f"%{i}", str(value))
    return text


def window_message(exc: errors.UserError) -> str:
    """EXC in the window's words."""
    match exc:
        case errors.NotFound(kind="post", ident=ident):
            return _fill(
                QCoreApplication.translate(
                    "Messages", "Post %1 is no longer in your library; it may have been removed."
                ),
                ident,
            )
        case errors.NotFound(kind="draft", ident=ident):
            return _fill(
                QCoreApplication.translate("Messages", "Draft %1 is no longer in the queue; it may have been deleted."),
                ident,
            )
        case errors.NotFound(kind=_, ident=ident):
            return _fill(
                QCoreApplication.translate("Messages", "Item %1 is no longer there; reopen the post and try again."),
                ident,
            )
        case errors.NothingGiven():
            return QCoreApplication.translate("Messages", "Select at least one item in the list first.")
        case errors.InvalidChoice(field=field, value=value, choices=choices):
            return _fill(
                QCoreApplication.translate("Messages", "“%1” is not a valid %2; choose one of: %3."),
                value,
                field,
                ", ".join(choices),
            )
        case errors.NoMediaOnDisk():
            return QCoreApplication.translate(
                "Messages",
                "This post has no photo or video on this computer yet. Use Post → Fetch media while "
                "the export's links work, or Post → Attach files… (or drop your files on the post).",
            )
        case errors.LinksExpired(expired_at=when):
            return _fill(
                QCoreApplication.translate(
                    "Messages",
                    "The export's media links expired%1. Attach your own files with Post → Attach "
                    "files… (or drop them on the post), or request a new export from TikTok.",
                ),
                _fill(QCoreApplication.translate("Messages", " on %1"), when[:10]) if when else "",
            )
        case errors.NoTranslation(lang=None, layout=layout):
            return _fill(
                QCoreApplication.translate(
                    "Messages", "The %1 layout needs a target language: choose one in Tools → Settings."
                ),
                layout,
            )
        case errors.NoTranslation(lang=lang, layout=layout):
            return _fill(
                QCoreApplication.translate(
                    "Messages",
                    "This post has no %1 translation yet, which the %2 layout needs. Press Translate "
                    "in the editor first, or choose “Original only” as the layout.",
                ),
                lang,
                layout,
            )
        case errors.NoLanguagePack(source=s, target=t):
            return _fill(
                QCoreApplication.translate(
                    "Messages", "No %1→%2 language pack is installed. Install it in Tools → Language packs."
                ),
                language_name(s),
                language_name(t),
            )
        case errors.LanguagePackBroken(source=s, target=t):
            return _fill(
                QCoreApplication.translate(
                    "Messages",
                    "The %1→%2 language pack is damaged. Remove it and install it again in Tools → Language packs.",
                ),
                s,
                t,
            )
        case errors.IndexUnreachable():
            return QCoreApplication.translate(
                "Messages",
                "The list of language packs cannot be downloaded (are you offline?). Connect and "
                "try again, or install a pack file you have with Tools → Language packs → Install from file….",
            )
        case errors.AlreadyPosted(draft_id=did, platform=platform, posted_at=when):
            return _fill(
                QCoreApplication.translate("Messages", "Draft %1 was already marked as posted on %2 (%3)."),
                did,
                platform,
                when or "",
            )
        case errors.NotRendered():
            return QCoreApplication.translate(
                "Messages", "The draft's media is not rendered yet: select it in the Drafts tab and press Render."
            )
        case errors.ExportBlocked(reasons=reasons):
            return _fill(
                QCoreApplication.translate(
                    "Messages", "Nothing was exported: %1. Fix the problems shown in the Drafts tab first."
                ),
                "; ".join(reasons),
            )
        case errors.FolderNotWritable(path=path, reason=reason):
            return _fill(
                QCoreApplication.translate("Messages", "Crosspost cannot write to %1 (%2). Choose another folder."),
                path,
                reason,
            )
        case errors.TrimNeeded(seconds=s, max_seconds=m, platform=platform):
            return _fill(
                QCoreApplication.translate(
                    "Messages", "The video is %1 s long; %2 takes at most %3 s. Trim it before rendering."
                ),
                f"{s:.0f}",
                platform,
                f"{m:.0f}",
            )
        case errors.MediaNotLost():
            return QCoreApplication.translate(
                "Messages", "This photo or video is on this computer, so it is not lost and stays with the post."
            )
        case errors.EditKept(what=what):
            return _fill(QCoreApplication.translate("Messages", "You edited this %1 by hand, so it was kept."), what)
        case errors.InsecureServer(url=url):
            return _fill(
                QCoreApplication.translate(
                    "Messages",
                    "%1 is a plain http address, and Crosspost sends app passwords and tokens only over https: "
                    "use %2 as the account's server (Tools → Settings… → Accounts…).",
                ),
                url,
                "https://" + url.split("://", 1)[-1],
            )
        case errors.ServerRedirected(host=host, target=target, action=action):
            return _fill(
                QCoreApplication.translate(
                    "Messages",
                    "%1 redirected %2 to %3. Crosspost never sends a password or token to another address, "
                    "so it stopped. %4",
                ),
                host,
                _server_action(action),
                target,
                _afterwards(action),
            )
        case errors.ServerTooSlow(host=host, seconds=seconds, action=action):
            return _fill(
                QCoreApplication.translate(
                    "Messages",
                    "%1 took the connection but did not answer %2 within %3 s: the server is too slow or stuck. %4",
                ),
                host,
                _server_action(action),
                f"{seconds:.0f}",
                _afterwards(action),
            )
        case errors.AnswerTooLarge(host=host, limit=limit, action=action):
            return _fill(
                QCoreApplication.translate(
                    "Messages", "%1 sent an answer to %2 larger than %3 MB, so Crosspost stopped reading it. %4"
                ),
                host,
                _server_action(action),
                f"{limit / 1024**2:.0f}",
                _afterwards(action),
            )
        case errors.BadAnswer(host=host, action=action):
            return _fill(
                QCoreApplication.translate(
                    "Messages",
                    "%1 answered %2 with something Crosspost cannot read (not a Bluesky server's answer). %3",
                ),
                host,
                _server_action(action),
                _afterwards(action),
            )
        case errors.ModelPairUnknown(name=name):
            return _fill(
                QCoreApplication.translate(
                    "Messages",
                    "The name of %1 does not say which languages it translates. Rename its folder after "
                    "them, like quickmt-en-zh, and install it again. Nothing was installed.",
                ),
                name,
            )
    return str(exc)


_SERVER_ACTIONS = {
    "sign_in": QT_TRANSLATE_NOOP("Messages", "the sign-in"),
    "record": QT_TRANSLATE_NOOP("Messages", "the record look-up"),
    "post": QT_TRANSLATE_NOOP("Messages", "the new post"),
    "upload": QT_TRANSLATE_NOOP("Messages", "the upload"),
    "handle": QT_TRANSLATE_NOOP("Messages", "the handle look-up"),
    "video": QT_TRANSLATE_NOOP("Messages", "the video upload"),
    "other": QT_TRANSLATE_NOOP("Messages", "a request"),
}


def _server_action(action: str) -> str:
    """What a network call was doing (``crosspost.errors.SERVER_ACTIONS``), in the UI language."""
    return QCoreApplication.translate("Messages", str(_SERVER_ACTIONS.get(action, _SERVER_ACTIONS["other"])))


def _afterwards(action: str) -> str:
    """What stayed as it was after a failed network call, and what to do, in the window's words."""
    if action == "sign_in":
        return QCoreApplication.translate("Messages", "Nothing was stored; check the server and try Add again.")
    return QCoreApplication.translate("Messages", "The draft is unchanged; press Publish again later.")


_PROBLEM_HINTS = {
    "no_media": QT_TRANSLATE_NOOP("Messages", "Use Post → Fetch media or Post → Attach files… in the library."),
    "no_translation": QT_TRANSLATE_NOOP("Messages", "Open the post in the library and press Translate."),
    "not_rendered": QT_TRANSLATE_NOOP("Messages", "Select the draft and press Render."),
    "video_too_long": QT_TRANSLATE_NOOP("Messages", "Trim the video before rendering."),
}


def problem_text(problem: Problem) -> str:
    """A preflight problem in the UI language, with the window action that fixes it."""
    worded = translate_message(problem.message)
    if worded != problem.message:
        return worded  # a known sentence, reworded with its remedy
    hint = _PROBLEM_HINTS.get(problem.code)
    if hint is None:
        return problem.message
    return problem.message + " " + QCoreApplication.translate("Messages", str(hint))


def _platform(english_name: str) -> str:
    from crosspost.platforms import all_profiles

    for profile in all_profiles():
        if english_name in (profile.display_name["en"], profile.name):
            return platform_label(profile)
    return english_name


class Messages(QObject):
    """The translation context "Messages": one method per sentence of the core."""

    def field(self, field: str) -> str:
        return {"title": self.tr("title"), "body": self.tr("body")}.get(field, field)

    def too_long(self, m) -> str:
        return _fill(
            self.tr("The %1 is %2 long; %3 allows %4."),
            self.field(m[1]),
            unit_label(m[3], float(m[2])),
            _platform(m[4]),
            unit_label(m[3], float(m[5])),
        )

    def empty_title(self, m) -> str:
        return _fill(self.tr("The title is empty; %1 notes with a short, punchy title do better."), _platform(m[1]))

    def too_many_topics(self, m) -> str:
        n = int(m[1])
        return _fill(self.tr("%n topic(s); %1 allows %2.", "", n), _platform(m[2]), m[3])

    def layout_needs_translation(self, m) -> str:
        return _fill(
            self.tr("The “%1” layout needs a translation (%2): use Translate in the editor first."),
            layout_label(m[1]),
            m[2],
        )

    def post_has_no_translation(self, m) -> str:
        return _fill(
            self.tr(
                "Post %1 has no translation (%2) for the “%3” layout: use Translate first, or choose “Original only”."
            ),
            m[1],
            m[2],
            layout_label(m[3]),
        )

    def no_media(self, m) -> str:
        return self.tr("The post has no media on disk: use Post → Fetch media or Post → Attach files.")

    def too_many_photos(self, m) -> str:
        n = int(m[1])
        return _fill(
            self.tr("%n photo(s); %1 takes at most %2 per post.", "", n), _platform(m[2]), "0" if m[3] == "no" else m[3]
        )

    def no_videos(self, m) -> str:
        return _fill(self.tr("%1 takes no videos."), _platform(m[1]))

    def video_too_long(self, m) -> str:
        return _fill(self.tr("The video is %1 s long; %2 takes at most %3 s."), m[1], _platform(m[2]), m[3])

    def not_rendered(self, m) -> str:
        return _fill(self.tr("The media is not rendered for %1 yet: use Render in the drafts queue."), _platform(m[1]))

    def file_too_big(self, m) -> str:
        return _fill(self.tr("%1 is %2 MB; %3 takes at most %4 MB."), m[1], m[2], _platform(m[3]), m[4])

    def wrong_shape(self, m) -> str:
        return _fill(self.tr("%1 is %2×%3; %4 accepts %5."), m[1], m[2], m[3], _platform(m[4]), m[5])

    def external_link(self, m) -> str:
        return _fill(
            self.tr("The body has an external link; %1 limits the reach of notes with links. Consider removing it."),
            _platform(m[1]),
        )

    def tiktok_names(self, m) -> str:
        return _fill(
            self.tr("%1 are TikTok names; they mean nothing on %2. Remove them or mention the people there."),
            m[1],
            _platform(m[2]),
        )

    def not_exported(self, m) -> str:
        parts = []
        for part in m[1].split("; draft "):
            one = re.match(r"(?:draft )?(\d+): (.+)$", part)
            parts.append(_fill(self.tr("draft %1: %2"), one[1], translate_message(one[2])) if one else part)
        return _fill(
            self.tr("Not exported (nothing was written): %1. Fix the problems shown in the queue first."),
            "; ".join(parts),
        )

    def not_writable(self, m) -> str:
        return _fill(self.tr("The export folder %1 is not writable (%2); choose another one."), m[1], m[2])

    def cover_blank(self, m) -> str:
        return self.tr("The cover text can't be drawn with the cover font; the cover would carry no title.")

    def cover_left_out(self, m) -> str:
        return _fill(self.tr("The cover text can't be drawn with the cover font: %1 will be left out."), m[1])


# (the core's English sentence, the Messages method that words it in the UI language)
PATTERNS = [
    (re.compile(pattern), method)
    for pattern, method in (
        (r"The (title|body) is ([\d.]+) (\w+) long; (.+) allows ([\d.]+)\.$", "too_long"),
        (r"The title is empty; (.+) notes with a short, punchy title do better\.$", "empty_title"),
        (r"(\d+) topics; (.+) allows ([\d.]+)\.$", "too_many_topics"),
        (r"The (\w+) layout needs a (\w+) translation.*$", "layout_needs_translation"),
        (r"Post (\d+) has no (\w+) translation for the (\w+) layout; .*$", "post_has_no_translation"),
        (r"The post has no media on disk.*$", "no_media"),
        (r"(\d+) photos; (.+) takes (\d+|no) photos per post\.$", "too_many_photos"),
        (r"(.+) takes no videos\.$", "no_videos"),
        (r"The video is (\d+) s long; (.+) takes at most (\d+) s\..*$", "video_too_long"),
        (r"The media is not rendered for (.+) yet.*$", "not_rendered"),
        (r"(\S+) is ([\d.]+) MB; (.+) takes at most (\d+) MB\.$", "file_too_big"),
        (r"(\S+) is (\d+)×(\d+); (.+) accepts (.+)\.$", "wrong_shape"),
        (r"The body has an external link; (.+) limits the reach of notes with links\. .*$", "external_link"),
        (r"(.+) are TikTok names; they mean nothing on (.+?)\. .*$", "tiktok_names"),
        (r"Not exported \(nothing was written\): (.+)\.$", "not_exported"),
        (r"The export folder (.+) is not writable \((.+)\); .*$", "not_writable"),
        (r"The cover text can't be drawn with the cover font; the cover would carry no title\.$", "cover_blank"),
        (r"The cover text can't be drawn with the cover font: (.+) will be left out\.$", "cover_left_out"),
    )
]
_messages = Messages()


def translate_message(message: str) -> str:
    """MESSAGE from the core, in the UI language (as it is when no pattern knows it)."""
    for pattern, method in PATTERNS:
        m = pattern.match(message)
        if m:
            return getattr(_messages, method)(m)
    return message
