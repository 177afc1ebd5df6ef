"""Post → Drop lost media: take the items of the open post that cannot be had any more (their link
answered that the file is gone, or expired, and no file is on this computer) out of the post, so it
and its drafts stop waiting for them. Asked first; a file on this computer is never dropped."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from crosspost.gui.context import AppContext, Changes
from crosspost.posts import lost_media


class LostMedia(QObject):
    """The translation context "LostMedia" (a QObject so that lupdate sees self.tr and its plurals)."""

    def lost(self, n: int) -> str:
        return self.tr(
            "%n photo(s) or video(s) of this post are lost: not on this computer, and their link no longer "
            "works. Take them out of the post and its drafts?",
            "",
            n,
        )

    def dropped(self, n: int) -> str:
        return self.tr("%n lost item(s) dropped from the post.", "", n)


_words = LostMedia()


def drop_lost_media_of(ctx: AppContext, parent: QWidget, post_id: int | None) -> QMessageBox | None:
    """Ask (over PARENT), then drop POST_ID's lost items: an operation on the task runner."""
    from crosspost.posts import get_post

    if post_id is None:
        return None
    lost = lost_media(get_post(ctx.store, post_id))
    if not lost:
        ctx.say(
            QCoreApplication.translate(
                "LostMedia", "Every photo and video of this post is on this computer or can still be fetched."
            ),
            8000,
        )
        return None
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("LostMedia", "Drop lost media"),
        _words.lost(len(lost)),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("dropLostMedia")
    drop = box.addButton(QCoreApplication.translate("LostMedia", "Drop them"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)

    def answered(_result: int) -> None:
        if box.clickedButton() is drop:
            _run(ctx, post_id)

    box.finished.connect(answered)
    box.open()
    return box


def _run(ctx: AppContext, post_id: int) -> int:
    from crosspost.posts import drop_lost_media

    def done(result: Any) -> None:
        _post, dropped = result
        ctx.say(_words.dropped(len(dropped)), 8000)

    return ctx.op(
        QCoreApplication.translate("LostMedia", "Dropping lost media"),
        lambda store, progress, cancel: drop_lost_media(store, post_id),
        Changes(media=frozenset([post_id]), drafts=True),
        on_success=done,
    )
