"""After a translation batch that went past posts it could not translate: one dialog listing each
skipped post and why, each with its fixes — set the language the post is written in (opens the post
in the editor with the "Written in" box focused), or install a language pack."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crosspost.gui.dialog_buttons import close_row
from crosspost.gui.language_names import language_name
from crosspost.gui.words import fill
from crosspost.translation.written_in import LanguageSource

if TYPE_CHECKING:
    from crosspost.gui.context import AppContext


def skip_reason(result: Any) -> str:
    """Why RESULT (a skipped ``PostTranslation``) was not translated, in the window's words."""
    source, target = language_name(result.source), language_name(result.target)
    if result.source_from is LanguageSource.DETECTED:
        text = QCoreApplication.translate(
            "SkippedPosts", "No %1→%2 language pack is installed (the caption was detected as %1)."
        )
    elif result.source_from is LanguageSource.USUAL:
        text = QCoreApplication.translate(
            "SkippedPosts",
            "No %1→%2 language pack is installed (the caption is too short to tell, so it was taken to be in "
            "%1, the account's usual language).",
        )
    else:
        text = QCoreApplication.translate(
            "SkippedPosts", "No %1→%2 language pack is installed (you said the post is written in %1)."
        )
    return fill(text, source, target)


MAX_ROWS = 50  # a whole archive without a pack: the first fifty, then how many more


class SkippedPostsDialog(QDialog):
    fixLanguage = Signal(int)  # post id: open it with "Written in" focused
    openPacks = Signal()

    def __init__(
        self, skipped: Sequence[Any], translated: int, captions: dict[int, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("skippedPosts")
        self.setWindowTitle(self.tr("Some posts were not translated"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            self.tr("%n post(s) could not be translated.", "", len(skipped))
            + " "
            + self.tr("%n other post(s) were translated.", "", translated)
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        body = QWidget()
        rows = QVBoxLayout(body)
        self.rows: list[tuple[int, QLabel, QPushButton, QPushButton]] = []
        for result in skipped[:MAX_ROWS]:
            caption = " ".join((captions.get(result.post) or "").split())
            excerpt = caption[:60] + ("…" if len(caption) > 60 else "")
            label = QLabel(
                fill(self.tr("Post %1 “%2”: %3"), str(result.post), excerpt, skip_reason(result))
                if excerpt
                else fill(self.tr("Post %1: %2"), str(result.post), skip_reason(result))
            )
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            fix = QPushButton(self.tr("Set its language…"))
            fix.setToolTip(self.tr("Open the post and choose the language it is written in"))
            packs = QPushButton(self.tr("Language packs…"))
            fix.clicked.connect(lambda _=False, pid=result.post: self._fix(pid))
            packs.clicked.connect(self._packs)
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(fix)
            row.addWidget(packs)
            rows.addLayout(row)
            self.rows.append((result.post, label, fix, packs))
        if len(skipped) > MAX_ROWS:
            more = QLabel(self.tr("… and %n more post(s), skipped for the same reasons.", "", len(skipped) - MAX_ROWS))
            rows.addWidget(more)
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = close_row(self)
        layout.addWidget(buttons)
        self.resize(640, min(480, 160 + 70 * min(len(skipped), MAX_ROWS)))

    def _fix(self, post_id: int) -> None:
        self.accept()
        self.fixLanguage.emit(post_id)

    def _packs(self) -> None:
        self.accept()
        self.openPacks.emit()


def show_skipped(ctx: AppContext, parent: QWidget, skipped: Sequence[Any], translated: int) -> SkippedPostsDialog:
    """Open the dialog over PARENT; its fixes are signals (``fixLanguage``, ``openPacks``) the window wires."""
    from crosspost.posts import get_post

    captions = {r.post: get_post(ctx.store, r.post).caption for r in skipped[:MAX_ROWS]}
    dialog = SkippedPostsDialog(skipped, translated, captions, parent)
    dialog.open()
    return dialog
