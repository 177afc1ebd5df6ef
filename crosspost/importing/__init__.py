"""Reading TikTok "Download your data" exports into the store.

``import_paths`` and ``ImportResult`` load the importer (zip, JSON scanning, the readers) on first
use: the window imports ``crosspost.importing.notes`` for its wording at start-up and should not pay
for the importer before the first import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crosspost.importing.importer import ImportResult, import_paths

__all__ = ["ImportResult", "import_paths"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from crosspost.importing import importer

        return getattr(importer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
