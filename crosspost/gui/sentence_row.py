"""One row of the sentence view: a caption sentence beside its translation, what the translation
says translated back (muted, never exported) and the "check this sentence" flag. A row takes the
height its wrapped text needs; it can be the view's current row (click it, Up and Down), which the
view's buttons and the row's context menu act on. Double-click, Enter or F2 edit it in place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from crosspost.translation.checking import SentencePair

AMBER, AMBER_BG, MUTED, CURRENT = "#b26a00", "#fff6e5", "#7a7a7a", "#1565c0"


class SentenceRow(QFrame):
    """One pair: the source sentence | its translation, the back-translation and the flag. A row
    takes the height its wrapped text needs (the view scrolls as a whole, never a row); it can be
    the view's current row (click it, or move with Up and Down), which the view's buttons act on."""

    editRequested = Signal(int, str)  # sentence number, new wording
    activated = Signal(object)  # this row became the current one
    menuRequested = Signal(object, QPoint)  # this row, where (global) its context menu opens
    stepRequested = Signal(int)  # Up (-1) or Down (+1): the current row moves

    def __init__(self, pair: SentencePair, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair = pair
        self.current = False
        self.picked = {"source": "", "target": ""}  # words selected with the mouse on each side
        self.setObjectName("sentenceRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        self.number = QLabel(f"{pair.n}.")
        self.source_label = QLabel(pair.source)
        self.text_label = QLabel(pair.text)
        self.back_label = QLabel(pair.back.strip() if pair.has_words else "")
        self.flag = QLabel()
        self.mine = QLabel()
        for label in (self.source_label, self.text_label, self.back_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
            label.installEventFilter(self)
        self.back_label.setStyleSheet(f"color: {MUTED}; font-style: italic;")
        self.back_label.setVisible(bool(self.back_label.text()))
        self.flag.setStyleSheet(f"color: {AMBER}; font-weight: 600;")
        self.mine.setStyleSheet(f"color: {MUTED};")
        self.editor = QLineEdit()
        self.editor.hide()
        self.editor.returnPressed.connect(self._save)
        self.editor.installEventFilter(self)
        right = QVBoxLayout()
        right.addWidget(self.text_label)
        right.addWidget(self.editor)
        right.addWidget(self.back_label)
        flags = QHBoxLayout()
        flags.addWidget(self.flag)
        flags.addWidget(self.mine)
        flags.addStretch(1)
        right.addLayout(flags)
        grid.addWidget(self.number, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.source_label, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(right, 0, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self._style()
        self.retranslate()

    def _style(self) -> None:
        rules = []
        if self.pair.doubtful:
            rules.append(f"background: {AMBER_BG}; border: 2px solid {AMBER};")
        if self.current:
            rules.append(
                f"border: 2px solid {CURRENT};" + (f" border-left: 6px solid {AMBER};" if self.pair.doubtful else "")
            )
        style = " ".join(rules)
        self.setStyleSheet(f"QFrame#sentenceRow {{ {style} border-radius: 6px; }}" if style else "")

    def set_current(self, current: bool) -> None:
        if current != self.current:
            self.current = current
            self._style()

    def retranslate(self) -> None:
        self.flag.setText(self.tr("check this sentence") if self.pair.doubtful else "")
        self.mine.setText(self.tr("your wording") if self.pair.edited else "")
        for label in (self.flag, self.mine):  # an empty line of flags would add height to every row
            label.setVisible(bool(label.text()))
        tips = {
            "back-translation far from the source": self.tr("What it says back is far from your sentence."),
            "low engine confidence": self.tr("The translator was unsure of this wording."),
        }
        self.flag.setToolTip("\n".join(tips.get(r, r) for r in self.pair.reasons))
        self.back_label.setToolTip(
            self.tr("What the translation says, translated back. Only shown here: it is never exported.")
        )
        self.setToolTip(self.tr("Right-click, or press the Menu key, for Edit, Other wordings and Add to glossary"))

    # --- the glossary's two sides -------------------------------------------------------------------
    def glossary_sides(self) -> tuple[str, str]:
        """What "Add to glossary" starts with: the words selected on each side, else the whole sentence."""
        source = self.source_label.selectedText().strip() or self.picked["source"] or self.pair.source
        target = self.text_label.selectedText().strip() or self.picked["target"] or self.pair.text
        return source, target

    def remember_selection(self, label: QLabel) -> None:
        text = label.selectedText().strip()
        if text and label is self.source_label:
            self.picked["source"] = text
        elif text and label is self.text_label:
            self.picked["target"] = text

    # --- editing one sentence ---------------------------------------------------------------------
    def start_edit(self) -> None:
        if not self.pair.has_words:
            return
        self.editor.setText(self.pair.text)
        self.text_label.hide()
        self.editor.show()
        self.editor.setFocus()

    def cancel_edit(self) -> None:
        self.editor.hide()
        self.text_label.show()
        self.setFocus()

    def _save(self) -> None:
        text = self.editor.text().strip()
        self.cancel_edit()
        if text and text != self.pair.text:
            self.editRequested.emit(self.pair.n, text)

    # --- events -------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self.activated.emit(self)
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(watched, QLabel):
            self.remember_selection(watched)
        elif kind == QEvent.Type.ContextMenu and isinstance(watched, QLabel):
            assert isinstance(event, QContextMenuEvent)
            self.remember_selection(watched)
            self.activated.emit(self)
            self.menuRequested.emit(self, event.globalPos())
            return True
        elif kind == QEvent.Type.KeyPress and watched is self.editor:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.cancel_edit()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.stepRequested.emit(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.start_edit()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.activated.emit(self)
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus()
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - double-click a pair to edit it
        self.start_edit()
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - also the Menu key
        self.activated.emit(self)
        self.menuRequested.emit(self, event.globalPos())
