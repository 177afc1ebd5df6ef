"""The editor's "Written in" box: the language the post's caption is in, by name (English, 法语 …),
or "Detect automatically". Choosing one is stored with the post at once (``posts.set_written_in``)
and used by every later translation of it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from crosspost.gui.language_names import NAMES, language_name
from crosspost.gui.words import Retranslating
from crosspost.store import Store


class WrittenInBox(Retranslating, QComboBox):
    chosen = Signal(int)  # the post whose language the user set

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("writtenIn")
        self.store = store
        self.post_id: int | None = None
        self._loading = False
        self.currentIndexChanged.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        """The items in the window's language, sorted by name; the choice stays."""
        code = self.code()
        self._loading = True
        self.clear()
        self.addItem(self.tr("Detect automatically"), None)
        for name, item_code in sorted((language_name(c), c) for c in NAMES):
            self.addItem(name, item_code)
        self.setToolTip(
            self.tr(
                "The language this post is written in. Crosspost detects it; choose it here when the "
                "detection is wrong."
            )
        )
        self._select(code)
        self._loading = False

    def code(self) -> str | None:
        """The chosen language code (None: detected)."""
        return self.currentData() if self.count() else None

    def _select(self, code: str | None) -> None:
        index = self.findData(code) if code is not None else 0
        self.setCurrentIndex(max(0, index))

    def show_post(self, post_id: int, written_in: str | None) -> None:
        self._loading = True
        self.post_id = post_id
        self._select(written_in)
        self._loading = False

    def _changed(self, _index: int) -> None:
        if self._loading or self.post_id is None:
            return
        from crosspost.posts import set_written_in

        set_written_in(self.store, self.post_id, self.code())
        self.chosen.emit(self.post_id)
