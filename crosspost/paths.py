"""Where Crosspost keeps its files (the contract's "Data location").

Default: platformdirs' user data dir for "Crosspost" (store, media, language packs, exports) and the
user cache dir for caches. ``--data-dir DIR`` or ``CROSSPOST_DATA_DIR`` put *everything* under DIR, so
nothing is written to the home directory.

Privacy (issue 22): the store holds private drafts, so what Crosspost makes is this user's alone. A
data folder Crosspost creates is made 0700; the platform's default "Crosspost" folders are Crosspost's
own and are made 0700 even when an older version left them 0755. A folder the person chose with
``--data-dir`` that already existed keeps its mode (it may be shared on purpose); inside it, the
app's own subfolders (``SUBFOLDERS``) are made 0700 when Crosspost opens it, and the store's files
0600 (``crosspost.store.db``). The folders above the data folder are never touched.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import overload

ENV_VAR = "CROSSPOST_DATA_DIR"
PRIVATE_FOLDER = 0o700
SUBFOLDERS = ("cache", "media", "renders", "exports", "languages")


def make_private(path: Path, mode: int) -> None:
    """Take group and other permissions off PATH (a file or folder of this user's that is not a
    link); anything else, or a system that cannot, is left as it is."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            return
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(path, stat.S_IMODE(info.st_mode) & mode)
    except OSError:
        pass


def _make_folder(folder: Path, own: bool) -> None:
    """FOLDER made (with its parents); a new one, or an existing one that is Crosspost's OWN, 0700."""
    existed = folder.is_dir()
    if not existed:
        folder.parent.mkdir(parents=True, exist_ok=True)
        try:
            folder.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            if not folder.is_dir():
                raise  # a file in the way: the caller says so
            existed = True  # another process made it this instant
    if own or not existed:
        make_private(folder, PRIVATE_FOLDER)


class _Under:
    """A file or folder at a fixed NAME in a data location's ``root`` or ``cache`` folder (FOLDER), read
    as an attribute: ``location.media_dir``."""

    def __init__(self, folder: str, name: str) -> None:
        self.folder, self.name = folder, name

    @overload
    def __get__(self, location: None, owner: type) -> _Under: ...
    @overload
    def __get__(self, location: DataLocation, owner: type) -> Path: ...
    def __get__(self, location: DataLocation | None, owner: type) -> Path | _Under:
        if location is None:
            return self
        base: Path = getattr(location, self.folder)
        return base / self.name


@dataclass(frozen=True)
class DataLocation:
    root: Path
    cache: Path
    own_root: bool = False  # the platform's default folder, Crosspost's own (not one the person chose)

    # What lives where (plain class attributes, not dataclass fields).
    db_path = _Under("root", "crosspost.db")
    media_dir = _Under("root", "media")
    languages_dir = _Under("root", "languages")
    renders_dir = _Under("root", "renders")
    log_path = _Under("root", "crosspost.log")
    thumbnails_dir = _Under("cache", "thumbnails")

    def ensure(self) -> "DataLocation":
        """The data and cache folders made if missing, and made user-only where they are Crosspost's
        (see the module's note)."""
        _make_folder(self.root, self.own_root)
        _make_folder(self.cache, True)
        for name in SUBFOLDERS:
            sub = self.root / name
            if sub.is_dir():
                make_private(sub, PRIVATE_FOLDER)
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
        own_root=True,
    )
