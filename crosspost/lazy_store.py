"""The store a face holds (the CLI's context, the window's): opened (and migrated) on first use, closed
when the face is done with it. The store package is imported only then: start-up stays fast."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crosspost.paths import DataLocation
    from crosspost.store import Store


class LazyStore:
    """The store of the data location LOCATION gives, opened when ``get`` is first called (then ON_OPEN
    is given it), or STORE when one is already open."""

    def __init__(
        self,
        location: Callable[[], DataLocation],
        *,
        store: Store | None = None,
        on_open: Callable[[Store], object] | None = None,
    ) -> None:
        self._location, self._store, self._on_open = location, store, on_open

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def get(self) -> Store:
        if self._store is None:
            from crosspost.store import open_store

            self._store = open_store(self._location())
            if self._on_open is not None:
                self._on_open(self._store)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
