"""Language packs: Argos Translate packages and quickmt models, kept in the data dir's ``languages/``
(``packages/`` for Argos, ``models/`` for quickmt, ``choices.json`` for which one translates a pair
when both kinds are installed; each installed folder has a ``crosspost-model.json`` saying its kind,
codes, where it came from and when it was installed).

argostranslate decides its folders from environment variables when it is first imported, creates
them at once (under the home directory by default) and reads settings once. So it is imported
lazily, with its variables pointed into Crosspost's data dir only around that import (the same XDG
variables steer Qt's own paths in this process), and its module-level settings are re-pointed at the
current data dir before every call. It never reaches the network unless ``available``/``download``
is asked for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosspost.errors import IndexUnreachable, ModelFault, ModelUnusable, NoLanguagePack, UserError
from crosspost.paths import DataLocation
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.translation.engine import read_json_file

if TYPE_CHECKING:
    from crosspost.store import Store

INDEX_ENV = "CROSSPOST_ARGOS_INDEX"
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
INDEX_SETTING = "argos_index_url"
MAX_PACK_BYTES = 2 * 1024**3
_import_lock = threading.Lock()
# A language code as Argos packs name them ("en", "zh", "zt", "pt_BR", "sr-Latn"): nothing that can
# carry a path part, since codes and versions become folder and file names.
LANG_CODE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,4})?")
VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+_-]{0,31}")


def plain_code(code: object, where: str) -> str:
    if not isinstance(code, str) or not LANG_CODE.fullmatch(code):
        raise UserError(
            f"{where}: {str(code)[:40]!r} is not a language code (such as en, zh or pt_BR); nothing was installed."
        )
    return code


def plain_version(version: object, where: str) -> str:
    version = str(version)
    if not VERSION.fullmatch(version) or ".." in version:
        raise UserError(f"{where}: {version[:40]!r} is not a pack version; nothing was installed.")
    return version


def inside(folder: Path, name: str) -> Path:
    """FOLDER/NAME, checked to be a direct child of FOLDER (no separators, no "..")."""
    path = folder / name
    if name in ("", ".", "..") or "/" in name or "\\" in name or path.resolve().parent != folder.resolve():
        raise UserError(f"{name[:60]!r} is not a plain file name; nothing was installed.")
    return path


ARGOS, QUICKMT = "argos", "quickmt"
KINDS = (ARGOS, QUICKMT)
SIDECAR = "crosspost-model.json"
CHOICES = "choices.json"


@dataclass(frozen=True)
class PackInfo:
    from_code: str
    to_code: str
    version: str
    path: Path | None = None
    from_name: str | None = None
    to_name: str | None = None
    installed: bool = True
    links: tuple[str, ...] = ()
    size: int | None = None
    sha256: str | None = None
    kind: str = ARGOS
    source: str | None = None  # where it was installed from (a file, the index, the model hub)
    licence: str | None = None
    active: bool = False  # the one that translates its pair
    installed_at: str | None = None

    @property
    def name(self) -> str:
        return self.path.name if self.path else f"{self.kind}-{self.from_code}-{self.to_code}"

    @property
    def pair(self) -> str:
        return f"{self.from_code}-{self.to_code}"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "from": self.from_code,
            "to": self.to_code,
            "version": self.version,
            "installed": self.installed,
        }
        if self.from_name:
            data["from_name"], data["to_name"] = self.from_name, self.to_name
        if self.path:
            data["path"] = str(self.path)
        data.update(kind=self.kind, source=self.source, licence=self.licence, active=self.active)
        if self.installed:
            data["name"] = self.name
        return data


def packages_dir(location: DataLocation) -> Path:
    return location.languages_dir / "packages"


def models_dir(location: DataLocation) -> Path:
    """Where models of other kinds than Argos live (argostranslate never looks in here)."""
    return location.languages_dir / "models"


def _argos_home(location: DataLocation) -> Path:
    return location.languages_dir / "argos"


def index_url(store: Store | None = None) -> str:
    url = os.environ.get(INDEX_ENV) or (store.setting(INDEX_SETTING) if store is not None else None) or DEFAULT_INDEX
    return url if url.endswith("/") or url.endswith(".json") else url + "/"


def argos(location: DataLocation, index: str | None = None) -> Any:
    """The ``argostranslate.package`` module, steered into LOCATION (imported on first use)."""
    home = _argos_home(location)
    with _import_lock:
        if "argostranslate.settings" not in __import__("sys").modules:
            steer = {
                "XDG_DATA_HOME": str(home / "data"),
                "XDG_CONFIG_HOME": str(home / "config"),
                "XDG_CACHE_HOME": str(home / "cache"),
                "ARGOS_PACKAGES_DIR": str(packages_dir(location)),
                "ARGOS_PACKAGE_INDEX": index or DEFAULT_INDEX,
                "ARGOS_DEVICE_TYPE": "cpu",
            }
            saved = {k: os.environ.get(k) for k in steer}
            os.environ.update(steer)
            # onnxruntime (pulled in by argostranslate's sentence splitters) would otherwise send
            # usage telemetry and keep a device ID under ~/.cache: never, in an offline tool.
            os.environ["ORT_DISABLE_TELEMETRY"] = "1"
            try:
                import argostranslate.package  # noqa: F401
                import argostranslate.settings  # noqa: F401
                import argostranslate.translate  # noqa: F401  (imports onnxruntime while steered)
            finally:
                for key, value in saved.items():
                    if value is None:
                        os.environ.pop(key, None)
                    else:
                        os.environ[key] = value
        import argostranslate.package as package
        import argostranslate.settings as settings

        settings.data_dir = home / "data" / "argos-translate"
        settings.cache_dir = home / "cache" / "argos-translate"
        settings.downloads_dir = settings.cache_dir / "downloads"
        settings.package_data_dir = packages_dir(location)
        settings.package_dirs = [packages_dir(location)]
        settings.local_package_index = location.cache / "argos-index.json"
        if index:
            settings.package_index = index
            settings.remote_package_index = index if index.endswith(".json") else index + "index.json"
        packages_dir(location).mkdir(parents=True, exist_ok=True)
        return package


def _read_metadata(folder: Path) -> dict[str, Any]:
    try:
        metadata: dict[str, Any] = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        return metadata
    except (OSError, ValueError):
        return {}


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """DATA as PATH, all or nothing: a temporary file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


_FRONT_LICENCE = re.compile(r"^licen[cs]e\s*:\s*[\"']?([^\s\"'#]+)", re.IGNORECASE | re.MULTILINE)


def readme_licence(folder: Path) -> str | None:
    """The licence a model's README.md states (Hugging Face front matter ``license: cc-by-4.0``)."""
    try:
        with open(folder / "README.md", encoding="utf-8", errors="replace") as f:
            head = f.read(8192)
    except OSError:
        return None
    if head.startswith("---"):
        end = head.find("\n---", 3)
        match = _FRONT_LICENCE.search(head[: end if end > 0 else len(head)])
        if match:
            return match.group(1)
    return None


def _installed_at(folder: Path, side: dict[str, Any]) -> str:
    when = side.get("installed_at")
    if isinstance(when, str) and when:
        return when
    stamp = folder.stat().st_mtime
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _argos_packs(location: DataLocation) -> list[PackInfo]:
    folder = packages_dir(location)
    packs = []
    if folder.is_dir():
        for child in sorted(folder.iterdir()):
            meta = _read_metadata(child)
            if meta.get("from_code") and meta.get("to_code") and meta.get("type", "translate") == "translate":
                side = read_json_file(child / SIDECAR)
                packs.append(
                    PackInfo(
                        meta["from_code"],
                        meta["to_code"],
                        str(meta.get("package_version", "?")),
                        child,
                        meta.get("from_name"),
                        meta.get("to_name"),
                        kind=ARGOS,
                        source=side.get("source") or "Argos Translate pack",
                        licence=side["licence"] if "licence" in side else meta.get("license") or readme_licence(child),
                        installed_at=_installed_at(child, side),
                    )
                )
    return packs


def _other_models(location: DataLocation) -> list[PackInfo]:
    folder = models_dir(location)
    models = []
    if folder.is_dir():
        for child in sorted(folder.iterdir()):
            side = read_json_file(child / SIDECAR)
            if child.name.startswith(".") or side.get("kind") not in KINDS or not child.is_dir():
                continue
            if not (side.get("from_code") and side.get("to_code")):
                continue
            models.append(
                PackInfo(
                    str(side["from_code"]),
                    str(side["to_code"]),
                    str(side.get("version", "?")),
                    child,
                    kind=str(side["kind"]),
                    source=side.get("source"),
                    licence=side["licence"] if "licence" in side else readme_licence(child),
                    installed_at=_installed_at(child, side),
                )
            )
    return models


def read_choices(location: DataLocation) -> dict[str, str]:
    """{"en-zh": "quickmt", …}: the kind the user chose for a pair (installing one chooses it too)."""
    data = read_json_file(location.languages_dir / CHOICES)
    return {k: v for k, v in data.items() if isinstance(k, str) and v in KINDS}


def _choose(location: DataLocation, from_code: str, to_code: str, kind: str) -> None:
    choices = read_choices(location)
    choices[f"{from_code}-{to_code}"] = kind
    write_json_atomic(location.languages_dir / CHOICES, choices)


def installed_packs(location: DataLocation) -> list[PackInfo]:
    """Installed models of every kind, each saying whether it is the one that translates its pair
    (the kind chosen for the pair; else the one installed last). Reads the folders directly:
    listing needs no engine."""
    everything = _argos_packs(location) + _other_models(location)
    choices = read_choices(location)
    active: dict[str, PackInfo] = {}
    for pack in everything:
        current = active.get(pack.pair)
        chosen = choices.get(pack.pair)
        if current is None:
            active[pack.pair] = pack
        elif current.kind != chosen and (
            pack.kind == chosen or (pack.installed_at or "") > (current.installed_at or "")
        ):
            active[pack.pair] = pack
    return [replace(p, active=active[p.pair] is p) for p in everything]


def packs_for_pair(location: DataLocation, from_code: str, to_code: str) -> list[PackInfo]:
    return [p for p in installed_packs(location) if p.from_code == from_code and p.to_code == to_code]


def find_pack(location: DataLocation, from_code: str, to_code: str) -> PackInfo | None:
    """The installed model that translates FROM→TO (see ``installed_packs``), or None."""
    for pack in packs_for_pair(location, from_code, to_code):
        if pack.active:
            return pack
    return None


def use_pack(location: DataLocation, from_code: str, to_code: str, model: str) -> PackInfo:
    """Make MODEL (a kind, ``argos`` or ``quickmt``, or an installed folder's name) the one that
    translates FROM→TO; remembered for the pair."""
    candidates = packs_for_pair(location, from_code, to_code)
    if not candidates:
        raise NoLanguagePack(from_code, to_code)
    wanted = model.strip().lower()
    match = [p for p in candidates if wanted in (p.kind, p.name.lower())]
    if not match:
        have = ", ".join(f"{p.kind} ({p.name})" for p in candidates)
        raise UserError(f"No {model[:40]!r} model translates {from_code}→{to_code}; installed: {have}.")
    _choose(location, from_code, to_code, match[0].kind)
    chosen = find_pack(location, from_code, to_code)
    assert chosen is not None and chosen.kind == match[0].kind  # just chosen
    return chosen


def validate_archive(path: Path) -> dict[str, Any]:
    """Check an .argosmodel before anything is installed; returns its metadata."""
    if not path.is_file():
        raise ModelUnusable(
            ModelFault.NOT_A_FILE, path, f"{path} is not a file. Give the path of a .argosmodel language pack."
        )
    if not zipfile.is_zipfile(path):
        raise ModelUnusable(
            ModelFault.NOT_A_PACK,
            path.name,
            f"{path.name} is not an Argos language pack (.argosmodel files are zip archives).",
        )
    try:
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if n and not n.startswith("__MACOSX")]
            tops = {n.split("/", 1)[0] for n in names}
            if len(tops) != 1 or any(n.startswith("/") or ".." in n.split("/") for n in names):
                raise ModelUnusable(
                    ModelFault.NOT_A_PACK,
                    path.name,
                    f"{path.name} is not an Argos language pack (it must hold exactly one folder).",
                )
            top = tops.pop()
            needed = {f"{top}/metadata.json", f"{top}/model/model.bin", f"{top}/sentencepiece.model"}
            missing = sorted(n.split("/", 1)[1] for n in needed - set(names))
            if missing:
                raise ModelUnusable(
                    ModelFault.INCOMPLETE,
                    path.name,
                    f"{path.name} is not a complete Argos language pack (missing {', '.join(missing)}).",
                    missing=missing,
                )
            if sum(i.file_size for i in z.infolist()) > 4 * MAX_PACK_BYTES:
                raise ModelUnusable(ModelFault.TOO_LARGE, path.name, f"{path.name} is too large to be a language pack.")
            meta = json.loads(z.read(f"{top}/metadata.json"))
            if not isinstance(meta, dict) or not meta.get("from_code") or not meta.get("to_code"):
                raise ModelUnusable(
                    ModelFault.NO_PAIR, path.name, f"{path.name}: its metadata.json names no language pair."
                )
            plain_code(meta["from_code"], path.name)
            plain_code(meta["to_code"], path.name)
            if z.testzip() is not None:
                raise ModelUnusable(
                    ModelFault.DAMAGED,
                    path.name,
                    f"{path.name} is damaged (a file inside fails its checksum). Download it again.",
                )
            import sentencepiece as spm

            try:
                spm.SentencePieceProcessor(model_proto=z.read(f"{top}/sentencepiece.model"))
            except (RuntimeError, OSError):
                raise ModelUnusable(
                    ModelFault.DAMAGED,
                    path.name,
                    f"{path.name}: its sentencepiece.model is not readable. Download it again.",
                ) from None
    except (zipfile.BadZipFile, ValueError, KeyError):
        raise ModelUnusable(
            ModelFault.NOT_A_PACK, path.name, f"{path.name} is not a readable Argos language pack."
        ) from None
    return meta


def is_argos_archive(path: Path) -> bool:
    """PATH is a zip with ``metadata.json`` and ``sentencepiece.model`` in its one top folder."""
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
    except (OSError, zipfile.BadZipFile):
        return False
    return any(n.endswith("/metadata.json") for n in names) and any(n.endswith("/sentencepiece.model") for n in names)


def install_pack(
    location: DataLocation,
    path: str | Path,
    from_code: str | None = None,
    to_code: str | None = None,
    *,
    source: str | None = None,
) -> PackInfo:
    """Install the Argos pack (``.argosmodel``) at PATH; it becomes the one that translates its pair.
    Validate, then install atomically: a staging folder, a check that the model loads, a rename.
    (``models.install_model`` takes a quickmt model as well.)"""
    path = Path(path).expanduser()
    meta = validate_archive(path)
    for given, key in ((from_code, "from_code"), (to_code, "to_code")):
        if given and given != meta[key]:
            raise ModelUnusable(
                ModelFault.WRONG_PAIR,
                path.name,
                f"{path.name} is a {meta['from_code']}→{meta['to_code']} pack, not the pair you gave; "
                "nothing was installed.",
                pair=f"{meta['from_code']}→{meta['to_code']}",
            )
    package = argos(location)
    from argostranslate import settings

    target_root = packages_dir(location)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=target_root))
    try:
        settings.package_data_dir = staging
        try:
            package.install_from_path(path)
        finally:
            settings.package_data_dir = target_root
        (folder,) = [p for p in staging.iterdir() if p.is_dir()]
        from crosspost.translation.engine import load_model

        load_model(folder)  # raises UserError when the model does not load
        write_json_atomic(
            folder / SIDECAR,
            {
                "kind": ARGOS,
                "from_code": meta["from_code"],
                "to_code": meta["to_code"],
                "source": source or f"file {path.name}",
                "licence": meta.get("license") or readme_licence(folder),
                "installed_at": now_stamp(),
            },
        )
        final = inside(target_root, f"translate-{meta['from_code']}_{meta['to_code']}")
        old = next(
            (p for p in _argos_packs(location) if (p.from_code, p.to_code) == (meta["from_code"], meta["to_code"])),
            None,
        )
        if old is not None:
            assert old.path is not None  # an installed pack has its folder
            inside(target_root, old.path.name)
            shutil.rmtree(old.path)
        elif final.exists():
            shutil.rmtree(final)
        os.replace(folder, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    from crosspost.translation.engine import forget_models

    forget_models()
    _choose(location, meta["from_code"], meta["to_code"], ARGOS)
    installed = find_pack(location, meta["from_code"], meta["to_code"])
    assert installed is not None  # just installed under its metadata's codes
    return installed


def now_stamp() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def remove_pack(location: DataLocation, from_code: str, to_code: str, kind: str | None = None) -> PackInfo:
    """Remove the FROM→TO model (of KIND, needed when both kinds are installed)."""
    candidates = [p for p in packs_for_pair(location, from_code, to_code) if kind in (None, p.kind)]
    if not candidates:
        if kind:
            raise UserError(f"No {kind} model for {from_code}→{to_code} is installed.")
        raise NoLanguagePack(from_code, to_code)
    if len(candidates) > 1:
        kinds = " or ".join(p.kind for p in candidates)
        raise UserError(f"Both kinds of model translate {from_code}→{to_code}; say which kind to remove ({kinds}).")
    pack = candidates[0]
    assert pack.path is not None  # an installed pack has its folder
    shutil.rmtree(pack.path)
    from crosspost.translation.engine import forget_models

    forget_models()
    return pack


def available_packs(location: DataLocation, store: Store | None = None) -> tuple[list[PackInfo], str | None]:
    """The package index (fetched now, cached); with a note when only the cached copy could be used."""
    url = index_url(store)
    index_file = url if url.endswith(".json") else url + "index.json"
    cache = location.cache / "argos-index.json"
    note = None
    from crosspost.downloads import DownloadError, fetch_bytes

    try:
        data = fetch_bytes(index_file, timeout=15)
        json.loads(data)
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, cache)
    except (DownloadError, OSError, ValueError):
        if not cache.exists():
            raise IndexUnreachable() from None
        when = dt.datetime.fromtimestamp(cache.stat().st_mtime, dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        note = f"The index cannot be reached right now; showing the copy saved on {when}."
    try:
        entries = json.loads(cache.read_text(encoding="utf-8"))
    except ValueError:
        raise UserError("The saved language pack index is damaged; connect and run this again.") from None
    installed = {(p.from_code, p.to_code): p for p in installed_packs(location) if p.kind == ARGOS}
    packs = []
    for e in entries if isinstance(entries, list) else []:
        if e.get("type", "translate") != "translate" or not e.get("from_code"):
            continue
        have = installed.get((e["from_code"], e["to_code"]))
        packs.append(
            PackInfo(
                e["from_code"],
                e["to_code"],
                str(e.get("package_version", "?")),
                have.path if have else None,
                e.get("from_name"),
                e.get("to_name"),
                installed=have is not None,
                links=tuple(e.get("links") or ()),
                size=e.get("size"),
                sha256=e.get("sha256") or e.get("checksum"),
                source=have.source if have else url,
                licence=have.licence if have else None,
                active=have.active if have else False,
            )
        )
    return packs, note


def download_pack(
    location: DataLocation,
    from_code: str,
    to_code: str,
    store: Store | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> PackInfo:
    """Download FROM→TO from the index (resuming a partial download), check it, install it."""
    from crosspost.downloads import DownloadError, download_to

    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    packs, _ = available_packs(location, store)
    match = [p for p in packs if p.from_code == from_code and p.to_code == to_code]
    if not match:
        pairs = ", ".join(sorted({f"{p.from_code}→{p.to_code}" for p in packs})[:12])
        raise UserError(f"The index has no {from_code}→{to_code} pack. Available: {pairs}…")
    pack = match[0]
    plain_code(from_code, "the index")
    plain_code(to_code, "the index")
    plain_version(pack.version, f"the index's {from_code}→{to_code} pack")
    if not pack.links:
        raise UserError(f"The index lists {from_code}→{to_code} without a download link.")
    downloads = location.cache / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    part = inside(downloads, f"translate-{from_code}_{to_code}-{pack.version}.argosmodel.part")
    received = part.stat().st_size if part.exists() else 0

    def on_bytes(n: int) -> None:
        nonlocal received
        received += n
        progress(Progress(received, pack.size, f"downloading {from_code}→{to_code}"))

    try:
        download_to(
            pack.links[0],
            part,
            on_bytes=on_bytes,
            cancel=cancel,
            max_bytes=MAX_PACK_BYTES,
            accept=("application/", "binary/"),
            expected_size=pack.size if isinstance(pack.size, int) and pack.size > 0 else None,
        )
    except DownloadError as exc:
        raise UserError(
            f"The {from_code}→{to_code} pack could not be downloaded: {exc}. Run the same command again to resume."
        ) from None
    if pack.size and part.stat().st_size != pack.size:
        part.unlink()
        raise UserError(f"The {from_code}→{to_code} download has the wrong size; it was deleted. Try again.")
    if pack.sha256:
        digest = hashlib.sha256(part.read_bytes()).hexdigest()
        if digest != pack.sha256.lower():
            part.unlink()
            raise UserError(f"The {from_code}→{to_code} download failed its checksum; it was deleted. Try again.")
    final = part.with_suffix("")
    os.replace(part, final)
    try:
        return install_pack(location, final, source=pack.links[0])
    finally:
        with contextlib.suppress(OSError):
            final.unlink()
