"""The button rows the window's dialogs share: OK / Cancel (or other standard buttons), and Close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox


def button_row(
    dialog: QDialog, standard: QDialogButtonBox.StandardButton, on_ok: Callable[[], object] | None = None
) -> QDialogButtonBox:
    """The STANDARD buttons for DIALOG: an accepting one (OK, Save, or one added later with the
    accept role) runs ON_OK (by default the dialog's accept); a rejecting one rejects the dialog."""
    buttons = QDialogButtonBox(standard)
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ok_cancel(
    dialog: QDialog, ok_text: str | None = None, on_ok: Callable[[], object] | None = None
) -> QDialogButtonBox:
    """OK and Cancel for DIALOG: OK (worded OK_TEXT, already translated by the dialog) runs ON_OK
    (by default the dialog's accept), Cancel rejects the dialog."""
    buttons = button_row(dialog, QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, on_ok)
    if ok_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    return buttons


def close_row(dialog: QDialog) -> QDialogButtonBox:
    """A Close button for DIALOG: it rejects the dialog (as Escape does)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons
