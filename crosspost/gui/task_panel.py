"""The task panel: every background job with what it is doing, a progress bar, and Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from crosspost.gui.tasks import TaskRunner
from crosspost.gui.words import Retranslating
from crosspost.progress import Progress


class TaskRow(Retranslating, QWidget):
    def __init__(self, title: str, on_cancel: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.title = QLabel(title)
        self.detail = QLabel("")
        self.detail.setStyleSheet("color: #666;")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(260)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.clicked.connect(on_cancel)
        layout.addWidget(self.title)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Cancel"))

    def update_progress(self, progress: Progress) -> None:
        if progress.total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * (progress.fraction or 0)))
        self.detail.setText(progress.message)


class TaskPanel(QWidget):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.rows: dict[int, TaskRow] = {}
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setAlignment(Qt.AlignmentFlag.AlignTop)
        runner.started.connect(self._started)
        runner.progress.connect(self._progress)
        for signal in (runner.finished, runner.failed, runner.cancelled):
            signal.connect(self._ended)
        self.setVisible(False)

    def _started(self, task_id: int, title: str) -> None:
        row = TaskRow(title, lambda: self.runner.cancel(task_id), self)
        self.rows[task_id] = row
        self.box.addWidget(row)
        self.setVisible(True)

    def _progress(self, task_id: int, progress: Progress) -> None:
        if task_id in self.rows:
            self.rows[task_id].update_progress(progress)

    def _ended(self, task_id: int, *_: object) -> None:
        row = self.rows.pop(task_id, None)
        if row:
            row.setParent(None)
            row.deleteLater()
        self.setVisible(bool(self.rows))
