"""The application context every view and dialog is given: the data location, the store, the task
runner, the typed settings, and the change bus. No view reaches into the main window for these.

Operations (``AppContext.op``) are the window's one way of changing the library: a core function run
on the task runner, whose success publishes a typed ``Changes``; views subscribe to ``changed`` and
refresh what concerns them (as Anki's ``CollectionOp`` returns ``OpChanges``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, overload

from PySide6.QtCore import QObject, QSettings, Signal

from crosspost.lazy_store import LazyStore
from crosspost.paths import DataLocation

if TYPE_CHECKING:
    from crosspost.gui.tasks import Job, TaskRunner
    from crosspost.store import Store

T = TypeVar("T")


class _Key(Generic[T]):
    """One setting: its key and its one default, read and written typed."""

    def __init__(self, key: str, default: T) -> None:
        self.key, self.default = key, default

    @overload
    def __get__(self, obj: None, owner: type) -> _Key[T]: ...
    @overload
    def __get__(self, obj: Settings, owner: type) -> T: ...
    def __get__(self, obj: Settings | None, owner: type) -> T | _Key[T]:
        if obj is None:
            return self
        value: Any = obj.q.value(self.key, self.default)
        if isinstance(self.default, bool):
            return cast(T, value if isinstance(value, bool) else str(value).lower() == "true")
        if isinstance(self.default, int):
            try:
                return cast(T, int(value))
            except (TypeError, ValueError):
                return self.default
        if isinstance(self.default, str):
            return cast(T, str(value) if value is not None else self.default)
        return cast(T, value)

    def __set__(self, obj: Settings, value: T) -> None:
        obj.q.setValue(self.key, value)


class Settings:
    """The window's settings (settings.ini in the data dir), each key with its one default."""

    ui_language = _Key("ui/language", "system")
    platform = _Key("defaults/platform", "rednote")
    target_lang = _Key("defaults/target_lang", "zh")
    fit = _Key("defaults/fit", "blur")
    rednote_region = _Key("handoff/rednote_region", "overseas")  # or "mainland"
    phone_address = _Key("handoff/phone_address", "")  # the address "Send to phone" listened on last
    export_folder = _Key("export/last_folder", "")
    fonts_hint_dismissed = _Key("hints/fonts_dismissed", False)
    tab = _Key("window/tab", 0)
    geometry: _Key[object] = _Key("window/geometry", None)
    splitter: _Key[object] = _Key("window/splitter", None)

    def __init__(self, location: DataLocation) -> None:
        self.q = QSettings(str(location.root / "settings.ini"), QSettings.Format.IniFormat)

    def value(self, key: str, default: object = None) -> object:
        """A key by name (tests and one-off readers; the typed attributes are the way in)."""
        return self.q.value(key, default)

    def setValue(self, key: str, value: object) -> None:  # noqa: N802 - QSettings' name
        self.q.setValue(key, value)

    def sync(self) -> None:
        self.q.sync()


@dataclass(frozen=True)
class Changes:
    """What an operation changed. Views refresh what concerns them; nothing keeps a list of views."""

    library: bool = False  # posts added, removed or re-read wholesale (import, translate all)
    posts: frozenset[int] = frozenset()  # these posts' rows, texts or plans changed
    media: frozenset[int] = frozenset()  # these posts' media changed (files fetched or attached)
    drafts: bool = False  # drafts made, changed, rendered, exported, posted or deleted
    glossary: bool = False
    packs: bool = False  # language packs installed or removed
    accounts: bool = False
    origin: object = field(default=None, compare=False)  # the view that made the change (it need not reload)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            library=self.library or other.library,
            posts=self.posts | other.posts,
            media=self.media | other.media,
            drafts=self.drafts or other.drafts,
            glossary=self.glossary or other.glossary,
            packs=self.packs or other.packs,
            accounts=self.accounts or other.accounts,
        )

    def touches_post(self, post_id: int | None) -> bool:
        return post_id is not None and (self.library or post_id in self.posts or post_id in self.media)


class AppContext(QObject):
    """Store, task runner, data location and settings, given to every view and dialog explicitly."""

    changed = Signal(object)  # Changes
    status = Signal(str, int)  # a short message for the status bar, and for how many ms
    failed = Signal(str)  # a job without its own failure handling failed (the window shows it)

    def __init__(self, location: DataLocation, parent: QObject | None = None, store: Store | None = None) -> None:
        super().__init__(parent)
        from crosspost.gui.tasks import TaskRunner

        self.location = location.ensure()
        self.settings = Settings(self.location)
        self.runner: TaskRunner = TaskRunner(self.location, self)
        self._store = LazyStore(lambda: self.location, store=store)

    @property
    def store(self) -> Store:
        """The GUI thread's store connection (opened when first needed: start-up stays fast)."""
        return self._store.get()

    @property
    def store_open(self) -> bool:
        return self._store.is_open

    def close(self) -> None:
        self._store.close()

    def publish(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def say(self, message: str, ms: int = 5000) -> None:
        self.status.emit(message, ms)

    def fail(self, message: str, details: str) -> None:
        """The error dialog for a failure no view handles itself (the runner's default)."""
        if self.runner.default_failure is not None:
            self.runner.default_failure(message, details)

    def op(
        self,
        title: str,
        job: Job,
        changes: Changes | Callable[[Any], Changes],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str, str], None] | None = None,
    ) -> int:
        """Run JOB(store, progress, cancel) on the task runner; on success publish what it changed
        (CHANGES, or CHANGES(result)), then call ON_SUCCESS(result) for what only the caller shows."""

        def done(result: Any) -> None:
            self.publish(changes(result) if callable(changes) else changes)
            if on_success is not None:
                on_success(result)

        return self.runner.run(title, job, on_success=done, on_failure=on_failure)
