"""The editor's small parts: counters that turn amber near and red over a platform's limit (counted
the platform's way), and the undo step for an edit of the caption or the translation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QLabel

from crosspost.gui.labels import unit_label
from crosspost.platforms.profiles_loader import PlatformProfile
from crosspost.platforms.textcount import count

if TYPE_CHECKING:
    from crosspost.records import Translation

OK, NEAR, OVER = "#2e7d32", "#b26a00", "#c62828"


def counter_colour(used: float, limit: float) -> str:
    if used > limit:
        return OVER
    if used >= 0.9 * limit:
        return NEAR
    return OK


def set_counter(label: QLabel, profile: PlatformProfile, field: str, text: str) -> None:
    """LABEL shows how much of FIELD's limit TEXT uses, in the limit's colour ("state" for tests)."""
    limit = profile.limit(field)
    if limit is None:
        label.setText("")
        label.setProperty("state", "none")
        return
    used = count(text, profile.text_counting.get(field, "chars"))
    colour = counter_colour(used, limit.value)
    label.setText(f"{used:g} / {unit_label(limit.unit, limit.value)}")
    label.setStyleSheet(f"color: {colour}; font-weight: 600;")
    label.setProperty("state", {OK: "ok", NEAR: "near", OVER: "over"}[colour])


class TextTarget(Protocol):
    def stored_translation(self) -> Translation | None: ...

    def apply_text(
        self, field: str, text: str, *, restore: bool = False, before: Translation | None = None
    ) -> None: ...


class SetTextCommand(QUndoCommand):
    """One edit of the caption or the translation; undo/redo also write the store."""

    def __init__(self, editor: TextTarget, field: str, old: str, new: str) -> None:
        super().__init__(f"edit {field}")
        self.editor, self.field, self.old, self.new = editor, field, old, new
        # The stored translation before this edit (None: there was none): undo puts it back exactly,
        # so undoing the typing of a first translation leaves the post untranslated again.
        self.before = editor.stored_translation() if field == "translation" else None

    def id(self) -> int:  # consecutive typing in one field merges into one step
        return 1 if self.field == "caption" else 2

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, SetTextCommand) or other.field != self.field or other.editor is not self.editor:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.editor.apply_text(self.field, self.new)

    def undo(self) -> None:
        if self.field == "translation":
            self.editor.apply_text(self.field, self.old, restore=True, before=self.before)
        else:
            self.editor.apply_text(self.field, self.old)
