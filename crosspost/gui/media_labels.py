"""The window's words for where a post's media is (``crosspost.media.state``) and when the export's
links expire."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject

from crosspost.gui.words import fill
from crosspost.media.state import MediaState, PostMediaState

if TYPE_CHECKING:
    from crosspost.media.fetch import FetchReport


def parse_utc(text: str) -> dt.datetime:
    return dt.datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.timezone.utc)


def human_date(iso: str) -> str:
    """ "23 Dec 2024" in English, "2024年12月23日" in Chinese (the UI language's own order)."""
    moment = parse_utc(iso)
    locale = QLocale()
    pattern = "yyyy年M月d日" if locale.language() == QLocale.Language.Chinese else "d MMM yyyy"
    return locale.toString(QDate(moment.year, moment.month, moment.day), pattern)


def days_left(iso: str, now: dt.datetime | None = None) -> int:
    """Whole days until ISO (0: today; negative: passed)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    seconds = (parse_utc(iso) - now).total_seconds()
    return int(seconds // 86400)


def media_badge(state: PostMediaState) -> str:
    """A short badge for the library row."""
    s = state.state
    if s is MediaState.ON_DISK:
        return QCoreApplication.translate("MediaLabels", "on disk")
    if s is MediaState.PARTLY:
        return fill(QCoreApplication.translate("MediaLabels", "%1 of %2 on disk"), str(state.on_disk), str(state.total))
    if s is MediaState.LINK_VALID and state.expires:
        return fill(QCoreApplication.translate("MediaLabels", "link valid until %1"), human_date(state.expires))
    if s is MediaState.LINK_EXPIRED:
        return QCoreApplication.translate("MediaLabels", "⛔ link expired")
    if s is MediaState.NO_LINK:
        return QCoreApplication.translate("MediaLabels", "no media on disk")
    if s is MediaState.GONE:
        return QCoreApplication.translate("MediaLabels", "⛔ media gone")
    return ""


def media_sentence(state: PostMediaState) -> str:
    """One sentence for the editor's media box."""
    s = state.state
    if s is MediaState.ON_DISK:
        return fill(QCoreApplication.translate("MediaLabels", "Every file is on this computer (%1)."), str(state.total))
    if s is MediaState.PARTLY:
        text = fill(
            QCoreApplication.translate("MediaLabels", "%1 of %2 files are on this computer."),
            str(state.on_disk),
            str(state.total),
        )
        if state.expires and not state.expired:
            text += " " + fill(
                QCoreApplication.translate("MediaLabels", "Fetch the rest before %1 (Post → Fetch media)."),
                human_date(state.expires),
            )
        elif state.expired:
            text += " " + QCoreApplication.translate(
                "MediaLabels", "The links of the rest expired: attach your own files (drop them on the post)."
            )
        if state.gone:
            text += " " + gone_sentence(state.gone)
        return text
    if s is MediaState.GONE:
        return gone_sentence(state.gone)
    if s is MediaState.LINK_VALID and state.expires:
        return fill(
            QCoreApplication.translate(
                "MediaLabels", "Not on this computer yet; the export's link works until %1 (Post → Fetch media)."
            ),
            human_date(state.expires),
        )
    if s is MediaState.LINK_EXPIRED:
        return fill(
            QCoreApplication.translate(
                "MediaLabels",
                "The export's link expired on %1: attach your own files (Post → Attach files…, or drop them on the post).",  # noqa: E501
            ),
            human_date(state.expires or ""),
        )
    if s is MediaState.NO_LINK:
        return QCoreApplication.translate("MediaLabels", "No media on disk yet: fetch it or attach your own files.")
    return QCoreApplication.translate("MediaLabels", "This post has no photo or video.")


class MediaCounts(QObject):
    """The translation context "MediaCounts" (a QObject so that lupdate sees self.tr and its plurals)."""

    def gone(self, count: int) -> str:
        return self.tr(
            "%n file(s) are gone: TikTok answered that the link no longer has it. Drop the lost items "
            "(Post → Drop lost media) or attach your own files.",
            "",
            count,
        )

    def fetched(self, total: int) -> str:
        return self.tr("Of %n file(s): %1 downloaded, %2 already on disk, %3 gone, %4 failed.", "", total)


_counts = MediaCounts()


def gone_sentence(count: int) -> str:
    """What to do about COUNT files whose links answered that they are gone."""
    return _counts.gone(count)


def fetch_result_sentence(report: FetchReport) -> str:
    """What a fetch did (``crosspost.media.fetch.FetchReport``), every file counted once: the four
    numbers add up to the total."""
    text = fill(
        _counts.fetched(report.total), len(report.fetched), report.already, len(report.gone), len(report.failed)
    )
    if report.gone:
        text += " " + QCoreApplication.translate(
            "MediaLabels", "Gone files are lost: drop them from their posts with Post → Drop lost media."
        )
    if report.failed:
        text += " " + QCoreApplication.translate(
            "MediaLabels", "For the failed ones, attach your own files with Post → Attach files…"
        )
    return text
