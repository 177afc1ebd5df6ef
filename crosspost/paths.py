"""Where Crosspost keeps its files (the contract's "Data location").

Default: platformdirs' user data dir for "Crosspost" (store, media, language packs, exports) and the
user cache dir for caches. ``--data-dir DIR`` or ``CROSSPOST_DATA_DIR`` put *everything* under DIR, so
nothing is written to the home directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "CROSSPOST_DATA_DIR"


@dataclass(frozen=True)
class DataLocation:
    root: Path
    cache: Path

    @property
    def db_path(self) -> Path:
        return self.root / "crosspost.db"

    @property
    def media_dir(self) -> Path:
        return self.root / "media"

    @property
    def languages_dir(self) -> Path:
        return self.root / "languages"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def renders_dir(self) -> Path:
        return self.root / "renders"

    @property
    def thumbnails_dir(self) -> Path:
        return self.cache / "thumbnails"

    @property
    def log_path(self) -> Path:
        return self.root / "crosspost.log"

    def ensure(self) -> "DataLocation":
        for folder in (self.root, self.cache):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve(data_dir: str | os.PathLike[str] | None = None) -> DataLocation:
    """The data location for an explicit folder, the environment variable, or the platform default."""
    chosen = data_dir or os.environ.get(ENV_VAR) or None
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return DataLocation(root=root, cache=root / "cache")
    import platformdirs

    return DataLocation(
        root=Path(platformdirs.user_data_dir("Crosspost", appauthor=False)),
        cache=Path(platformdirs.user_cache_dir("Crosspost", appauthor=False)),
    )
