"""File and folder choosers that never block: a QFileDialog opened with ``open()`` calls back with
what was chosen. The window stays responsive (jobs keep reporting progress) and a test drives the
dialog like a person: it finds the dialog, types the path and presses Enter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

FILES, FILE, FOLDER = "files", "file", "folder"


def choose(
    parent: QWidget,
    title: str,
    mode: str,
    on_chosen: Callable[[list[str]], object],
    directory: str | Path | None = None,
    name_filter: str = "",
) -> QFileDialog:
    """Open a chooser for MODE (``FILES``, ``FILE`` or ``FOLDER``) starting in DIRECTORY; ON_CHOSEN gets
    the chosen paths (never called when the person cancels)."""
    dialog = QFileDialog(parent, title, str(directory or Path.home()), name_filter)
    dialog.setObjectName("crosspostFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    if mode == FOLDER:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    elif mode == FILE:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)

    def chosen(paths: list[str]) -> None:
        paths = [p for p in paths if p]
        if paths:
            on_chosen(paths)

    dialog.filesSelected.connect(chosen)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
