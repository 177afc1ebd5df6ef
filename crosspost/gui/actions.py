"""One action registry for the window: every menu item, its shortcuts and the banner's buttons are
entries (id, label, shortcuts, scope, operation). The menus and Help → Keyboard shortcuts are built
from it, and each action is enabled only in the view it belongs to (post actions in the Library with a
post open, draft actions in the Drafts queue with a selection). ``tests/gui/test_actions.py``
triggers every entry and checks what it did."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...  # noqa: N802 - marks TEXT for lupdate

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

Keys = str | QKeySequence.StandardKey


class Scope(enum.Enum):
    """Where an action applies (what must be true for it to be enabled)."""

    APP = "app"  # always
    LIBRARY = "library"  # the library is shown (there are posts)
    POST = "post"  # the Library tab with a post open
    DRAFTS = "drafts"  # the Drafts queue tab with drafts selected


@dataclass(frozen=True)
class Entry:
    """One action: where it shows, what it is called, its keys, when it applies and what it does."""

    id: str
    label: str  # the English source, translated in the "Actions" context
    run: Callable[[], object]
    scope: Scope = Scope.APP
    shortcuts: tuple[Keys, ...] = ()
    menus: tuple[str, ...] = ()  # menu ids, the first is its home (an action in two menus is listed once)
    separator_before: bool = False
    make: Callable[[QObject], QAction] | None = None  # an action made elsewhere (the undo stack's)


# The menus, in menu-bar order: (id, title).
MENUS = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    ("edit", QT_TRANSLATE_NOOP("Actions", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View")),
    ("post", QT_TRANSLATE_NOOP("Actions", "&Post")),
    ("draft", QT_TRANSLATE_NOOP("Actions", "D&raft")),
    ("tools", QT_TRANSLATE_NOOP("Actions", "&Tools")),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def make_menus(menubar: QMenuBar) -> dict[str, QMenu]:
    """The menu bar's menus, titled, still empty: the window's first frame shows the whole menu bar,
    and the registry fills the menus right after (``ActionRegistry(menus=…)``)."""
    menus = {menu_id: menubar.addMenu("") for menu_id, _title in MENUS}
    title_menus(menus)
    return menus


def title_menus(menus: dict[str, QMenu]) -> None:
    """Each menu's title in the UI language (again after a language change)."""
    for menu_id, title in MENUS:
        menus[menu_id].setTitle(tr(title))


@dataclass
class ActionRegistry:
    """The QActions for ENTRIES on WINDOW's menu bar; ``scopes()`` says which scopes apply now."""

    host: QWidget
    menubar: QMenuBar
    entries: list[Entry]
    scopes: Callable[[], set[Scope]]
    actions: dict[str, QAction] = field(default_factory=dict)
    menus: dict[str, QMenu] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.menus:
            self.menus.update(make_menus(self.menubar))
        for entry in self.entries:
            self.actions[entry.id] = self._make(entry)
            for menu_id in entry.menus:
                if entry.separator_before:
                    self.menus[menu_id].addSeparator()
                self.menus[menu_id].addAction(self.actions[entry.id])
        self.retranslate()
        self.update()

    def _make(self, entry: Entry) -> QAction:
        if entry.make is not None:
            action = entry.make(self.host)
        else:
            action = QAction(self.host)
            action.triggered.connect(lambda _checked=False, e=entry: e.run())
        if entry.shortcuts:
            action.setShortcuts([QKeySequence(k) for k in entry.shortcuts])
        return action

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def entry(self, action_id: str) -> Entry:
        return next(e for e in self.entries if e.id == action_id)

    def run(self, action_id: str) -> object:
        """What the action does, whatever its state (a banner button that names it)."""
        return self.entry(action_id).run()

    def update(self, *_: object) -> None:
        """Enable each action only where it applies."""
        now = self.scopes() | {Scope.APP}
        for entry in self.entries:
            if entry.make is None:
                self.actions[entry.id].setEnabled(entry.scope in now)

    def remake(self) -> None:
        """Actions made elsewhere word themselves when made (QUndoStack's "Undo %1"): make them again
        after a language change, in the same place and with the same keys."""
        for entry in self.entries:
            if entry.make is None:
                continue
            old = self.actions[entry.id]
            new = self._make(entry)
            for menu_id in entry.menus:
                self.menus[menu_id].insertAction(old, new)
                self.menus[menu_id].removeAction(old)
            old.deleteLater()
            self.actions[entry.id] = new

    def retranslate(self) -> None:
        title_menus(self.menus)
        for entry in self.entries:
            if entry.make is None:
                self.actions[entry.id].setText(tr(entry.label))

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what, keys) for every action with a shortcut, in menu order, plus Esc in the search."""
        rows = []
        for entry in self.entries:
            action = self.actions[entry.id]
            names = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            keys = ", ".join(dict.fromkeys(n for n in names if n))
            if keys and entry.menus:
                menu = self.menus[entry.menus[0]].title().replace("&", "")
                rows.append((f"{menu} → {action.text().replace('&', '')}", keys))
        rows.append(
            (
                QCoreApplication.translate("Actions", "Search → Clear the search"),
                QKeySequence(Qt.Key.Key_Escape).toString(QKeySequence.SequenceFormat.NativeText),
            )
        )
        rows.append(
            (
                QCoreApplication.translate("Actions", "Next / previous field"),
                QCoreApplication.translate("Actions", "Tab / Shift+Tab"),
            )
        )
        return rows
