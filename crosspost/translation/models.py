"""Installing a translation model of either kind from what the user has: an Argos ``.argosmodel``
file, or a quickmt model folder or a zip of it (told apart by what is inside)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from crosspost.paths import DataLocation
from crosspost.translation.packs import PackInfo, install_pack, is_argos_archive
from crosspost.translation.quickmt import install_quickmt


def install_model(
    location: DataLocation,
    path: str | Path,
    from_code: str | None = None,
    to_code: str | None = None,
    *,
    source: str | None = None,
) -> PackInfo:
    """Install an Argos pack or a quickmt model; the pair of a quickmt model comes from its name
    (``quickmt-en-zh``) or FROM_CODE/TO_CODE. The new model becomes the one that translates its pair."""
    path = Path(path).expanduser()
    if path.is_dir() or (path.is_file() and zipfile.is_zipfile(path) and not is_argos_archive(path)):
        return install_quickmt(location, path, from_code, to_code, source=source)
    return install_pack(location, path, from_code, to_code, source=source)
