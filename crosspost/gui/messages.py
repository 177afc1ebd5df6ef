"""The core's messages (preflight problems, the errors a window user meets) in the UI language, with
the window's own remedies (buttons and menus, never a command line). The core words them in English
for the CLI; each pattern here matches one of its sentences and says it again through Qt Linguist.
A message that no pattern knows is shown as the core wrote it."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from crosspost.gui.labels import layout_label, platform_label, unit_label


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Messages", text, None, n)


def _fill(template: str, *values) -> str:
    for i, value in enumerate(values, 1):
        template = template.replace(f"%{i}", str(value))
    return template


def _platform(english_name: str) -> str:
    from crosspost.platforms import all_profiles

    for profile in all_profiles():
        if english_name in (profile.display_name["en"], profile.name):
            return platform_label(profile)
    return english_name


def _field(field: str) -> str:
    return {"title": _tr("title"), "body": _tr("body")}.get(field, field)


def _n(text: str) -> int:
    try:
        return int(float(text))
    except ValueError:
        return 0


# (pattern over the core's English sentence, its words in the UI language)
PATTERNS: list[tuple[re.Pattern, Callable[[re.Match], str]]] = [
    (re.compile(r"The (title|body) is ([\d.]+) (\w+) long; (.+) allows ([\d.]+)\.$"),
     lambda m: _fill(_tr("The %1 is %2 %3 long; %4 allows %5."), _field(m[1]), m[2],
                     unit_label(m[3], _n(m[2])), _platform(m[4]), m[5])),
    (re.compile(r"The title is empty; (.+) notes with a short, punchy title do better\.$"),
     lambda m: _fill(_tr("The title is empty; %1 notes with a short, punchy title do better."), _platform(m[1]))),
    (re.compile(r"(\d+) topics; (.+) allows ([\d.]+)\.$"),
     lambda m: _fill(_tr("%n topic(s); %1 allows %2.", _n(m[1])), _platform(m[2]), m[3])),
    (re.compile(r"The (\w+) layout needs a (\w+) translation; .*$"),
     lambda m: _fill(_tr("The “%1” layout needs a translation (%2): use Translate in the editor first."),
                     layout_label(m[1]), m[2])),
    (re.compile(r"Post (\d+) has no (\w+) translation for the (\w+) layout; .*$"),
     lambda m: _fill(_tr("Post %1 has no translation (%2) for the “%3” layout: use Translate first, "
                         "or choose “Original only”."), m[1], m[2], layout_label(m[3]))),
    (re.compile(r"The post has no media on disk\. .*$"),
     lambda m: _tr("The post has no media on disk: use Post → Fetch media or Post → Attach files.")),
    (re.compile(r"(\d+) photos; (.+) takes (\d+|no) photos per post\.$"),
     lambda m: _fill(_tr("%n photo(s); %1 takes at most %2 per post.", _n(m[1])), _platform(m[2]),
                     m[3] if m[3] != "no" else "0")),
    (re.compile(r"(.+) takes no videos\.$"), lambda m: _fill(_tr("%1 takes no videos."), _platform(m[1]))),
    (re.compile(r"The video is (\d+) s long; (.+) takes at most (\d+) s\..*$"),
     lambda m: _fill(_tr("The video is %1 s long; %2 takes at most %3 s."), m[1], _platform(m[2]), m[3])),
    (re.compile(r"The media is not rendered for (.+) yet; .*$"),
     lambda m: _fill(_tr("The media is not rendered for %1 yet: use Render in the drafts queue."), _platform(m[1]))),
    (re.compile(r"(\S+) is ([\d.]+) MB; (.+) takes at most (\d+) MB\.$"),
     lambda m: _fill(_tr("%1 is %2 MB; %3 takes at most %4 MB."), m[1], m[2], _platform(m[3]), m[4])),
    (re.compile(r"(\S+) is (\d+)×(\d+); (.+) accepts (.+)\.$"),
     lambda m: _fill(_tr("%1 is %2×%3; %4 accepts %5."), m[1], m[2], m[3], _platform(m[4]), m[5])),
    (re.compile(r"The body has an external link; (.+) limits the reach of notes with links\. .*$"),
     lambda m: _fill(_tr("The body has an external link; %1 limits the reach of notes with links. "
                         "Consider removing it."), _platform(m[1]))),
    (re.compile(r"(.+) are TikTok names; they mean nothing on (.+)\. .*$"),
     lambda m: _fill(_tr("%1 are TikTok names; they mean nothing on %2. Remove them or mention the people there."),
                     m[1], _platform(m[2]))),
    (re.compile(r"Not exported \(nothing was written\): (.+)\. Fix them, or use --force\.$"),
     lambda m: _fill(_tr("Not exported (nothing was written): %1. Fix the problems shown in the queue first."),
                     _blocked(m[1]))),
    (re.compile(r"The export folder (.+) is not writable \((.+)\); .*$"),
     lambda m: _fill(_tr("The export folder %1 is not writable (%2); choose another one."), m[1], m[2])),
]


def _blocked(text: str) -> str:
    parts = []
    for part in text.split("; draft "):
        m = re.match(r"(?:draft )?(\d+): (.+)$", part)
        if m:
            parts.append(_fill(_tr("draft %1: %2"), m[1], translate_message(m[2])))
        else:
            parts.append(part)
    return "; ".join(parts)


def translate_message(message: str) -> str:
    """MESSAGE from the core, in the UI language (as it is when no pattern knows it)."""
    for pattern, words in PATTERNS:
        m = pattern.match(message)
        if m:
            return words(m)
    return message
