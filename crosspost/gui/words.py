"""Two small things every view needs for its words: ``fill`` puts values into a translated
string's %1, %2… (Qt's own placeholders, so translators move them freely), and ``Retranslating``
words a widget again when the UI language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent


def fill(text: str, *values: object) -> str:
    """TEXT with %1, %2… replaced by VALUES (from the highest number down, so %1 never eats %10)."""
    for i in range(len(values), 0, -1):
        text = text.replace(f"%{i}", str(values[i - 1]))
    return text


class Retranslating:
    """Mix into a QWidget (before it: ``class Panel(Retranslating, QFrame)``) that has ``retranslate``:
    it is called again on every LanguageChange."""

    def retranslate(self) -> None:  # pragma: no cover - every user defines its own
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
