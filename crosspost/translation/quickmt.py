"""quickmt models: install one from its folder or a zip of it, or download one by name.

A quickmt model is a CTranslate2 model folder as ``quickmt-model-download`` (quickmt's ``hub.py``)
writes it from the Hugging Face hub: ``config.json``, ``model.bin``, ``source_vocabulary.json`` +
``target_vocabulary.json`` (or ``shared_vocabulary.json``), ``src.spm.model`` + ``tgt.spm.model`` (or
one ``joint.spm.model``), ``README.md`` (its licence in the front matter) and ``eole-config.yaml``.
Only those files are copied in (never the ``eole-model/`` training checkpoint). Its language pair is
in its name (``quickmt-en-zh``) or given by the user.

Installing is atomic: the files go to a staging folder inside ``languages/models``, the model must
load, then one rename puts it in place. A download by name lists the model's files on the hub
(``/api/models/quickmt/NAME/tree/main``: size and checksum of each), fetches each with
``downloads.download_to`` (resume, size caps, redirects to http(s) only) into the cache, checks its
size and checksum (SHA-256 for LFS files, the git blob SHA-1 for the small ones), then installs the
folder. The hub's address can be changed with ``CROSSPOST_MODEL_HUB`` (the tests use a local server).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from crosspost.errors import ModelFault, ModelPairUnknown, ModelUnusable, UserError
from crosspost.paths import DataLocation
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.translation.packs import (
    MAX_PACK_BYTES,
    QUICKMT,
    SIDECAR,
    PackInfo,
    _choose,
    inside,
    models_dir,
    now_stamp,
    packs_for_pair,
    plain_code,
    readme_licence,
    write_json_atomic,
)

HUB_ENV = "CROSSPOST_MODEL_HUB"
DEFAULT_HUB = "https://huggingface.co"
HUB_OWNER = "quickmt"
# What quickmt's own download takes from the hub (its ``allow_patterns``), and nothing else.
MODEL_FILES = (
    "README.md",
    "config.json",
    "model.bin",
    "source_vocabulary.json",
    "target_vocabulary.json",
    "shared_vocabulary.json",
    "src.spm.model",
    "tgt.spm.model",
    "joint.spm.model",
    "eole-config.yaml",
)
NAME = re.compile(r"quickmt-([a-z]{2,3})-([a-z]{2,3})", re.IGNORECASE)
MAX_MODEL_BYTES = MAX_PACK_BYTES


def pair_from_name(name: str) -> tuple[str, str] | None:
    match = NAME.search(name)
    return (match.group(1).lower(), match.group(2).lower()) if match else None


def _complete(names: set[str]) -> list[str]:
    """What a quickmt model folder with NAMES lacks (empty: nothing)."""
    missing = [n for n in ("model.bin",) if n not in names]
    if "joint.spm.model" not in names:
        missing += [n for n in ("src.spm.model", "tgt.spm.model") if n not in names]
    return missing


def _pair(label: str, name: str, from_code: str | None, to_code: str | None) -> tuple[str, str]:
    from crosspost.translation.pipeline import check_code

    named = pair_from_name(name)
    source = from_code or (named[0] if named else None)
    target = to_code or (named[1] if named else None)
    if not source or not target:
        raise ModelPairUnknown(label)
    return plain_code(check_code(source), label), plain_code(check_code(target), label)


def _check_tokenizers(folder: Path, label: str) -> None:
    import sentencepiece as spm

    for name in ("joint.spm.model",) if (folder / "joint.spm.model").exists() else ("src.spm.model", "tgt.spm.model"):
        try:
            spm.SentencePieceProcessor(model_file=str(folder / name))
        except (OSError, RuntimeError):
            raise ModelUnusable(
                ModelFault.DAMAGED, label, f"{label}: its {name} is not readable. Download the model again."
            ) from None


def _digest(path: Path, algorithm: str = "sha256") -> str:
    h = hashlib.new(algorithm)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1024 * 1024), b""):
            h.update(block)
    return h.hexdigest()


def install_quickmt(
    location: DataLocation,
    path: Path,
    from_code: str | None = None,
    to_code: str | None = None,
    *,
    source: str | None = None,
    move: bool = False,
) -> PackInfo:
    """Install the quickmt model at PATH (its folder, or a zip holding it at the top or in one folder).
    MOVE: the folder is Crosspost's own (a finished download): its files are moved, not copied."""
    root = models_dir(location)
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
    try:
        folder = staging / "model"
        folder.mkdir()
        if path.is_dir():
            name = path.name
            _copy_folder(path, folder, move)
        else:
            name = _extract_zip(path, folder)
        return _install_folder(location, folder, name, from_code, to_code, source or f"file {path.name}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _copy_folder(path: Path, folder: Path, move: bool = False) -> None:
    present = {n for n in MODEL_FILES if (path / n).is_file()}
    missing = _complete(present)
    if missing:
        raise ModelUnusable(
            ModelFault.INCOMPLETE,
            path,
            f"{path} is not a quickmt model folder (missing {', '.join(missing)}). "
            "Give the folder quickmt-model-download wrote, or an .argosmodel file.",
            missing=missing,
        )
    total = sum((path / n).stat().st_size for n in present)
    if total > MAX_MODEL_BYTES:
        raise ModelUnusable(
            ModelFault.TOO_LARGE,
            path.name,
            f"{path.name} is too large to be a translation model; nothing was installed.",
        )
    for name in sorted(present):
        if move:
            shutil.move(path / name, folder / name)
        else:
            shutil.copyfile(path / name, folder / name)


def _extract_zip(path: Path, folder: Path) -> str:
    """The model files of the zip at PATH into FOLDER; returns the name that says the pair."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = [i for i in z.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX")]
            if any(i.filename.startswith("/") or ".." in i.filename.replace("\\", "/").split("/") for i in infos):
                raise ModelUnusable(
                    ModelFault.UNSAFE_PATHS,
                    path.name,
                    f"{path.name} holds paths outside its own folder; nothing was installed.",
                )
            # The model sits at the top of the zip or in one folder: where its model.bin is.
            bins = [i.filename for i in infos if i.filename == "model.bin" or i.filename.endswith("/model.bin")]
            if len(bins) != 1:
                raise ModelUnusable(
                    ModelFault.NOT_A_PACK,
                    path.name,
                    f"{path.name} is not a quickmt model (a zip of its folder, with one model.bin) "
                    "nor an Argos .argosmodel pack.",
                )
            prefix = bins[0][: -len("model.bin")]
            if prefix.count("/") > 1:
                raise ModelUnusable(
                    ModelFault.NESTED,
                    path.name,
                    f"{path.name}: the model must be at the top of the zip or in one folder.",
                )
            wanted = {f"{prefix}{n}": n for n in MODEL_FILES}
            chosen = [i for i in infos if i.filename in wanted]
            missing = _complete({wanted[i.filename] for i in chosen})
            if missing:
                raise ModelUnusable(
                    ModelFault.INCOMPLETE,
                    path.name,
                    f"{path.name} is not a complete quickmt model (missing {', '.join(missing)}).",
                    missing=missing,
                )
            if sum(i.file_size for i in chosen) > MAX_MODEL_BYTES:
                raise ModelUnusable(
                    ModelFault.TOO_LARGE,
                    path.name,
                    f"{path.name} is too large to be a translation model; nothing was installed.",
                )
            for info in chosen:
                with z.open(info) as src, open(folder / wanted[info.filename], "wb") as dst:
                    copied = 0
                    for block in iter(lambda: src.read(1024 * 1024), b""):
                        copied += len(block)
                        if copied > info.file_size:  # a zip that lies about its sizes
                            raise ModelUnusable(
                                ModelFault.DAMAGED, path.name, f"{path.name} is damaged; nothing was installed."
                            )
                        dst.write(block)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
            from crosspost.faults import is_disk_full

            if is_disk_full(exc):
                raise
        raise ModelUnusable(
            ModelFault.NOT_A_PACK,
            path.name,
            f"{path.name} is not a readable zip of a quickmt model; nothing was installed.",
        ) from None
    return prefix.rstrip("/") or path.stem


def _install_folder(
    location: DataLocation,
    folder: Path,
    name: str,
    from_code: str | None,
    to_code: str | None,
    source: str,
) -> PackInfo:
    """FOLDER (model files only, inside the staging area) checked, described and renamed into place."""
    label = name
    source_code, target_code = _pair(label, name, from_code, to_code)
    _check_tokenizers(folder, label)
    licence = readme_licence(folder)
    write_json_atomic(
        folder / SIDECAR,
        {
            "kind": QUICKMT,
            "from_code": source_code,
            "to_code": target_code,
            "version": _digest(folder / "model.bin")[:12],
            "source": source,
            "licence": licence,
            "installed_at": now_stamp(),
        },
    )
    from crosspost.translation.engine import forget_models, load_model

    try:
        load_model(folder)  # raises UserError when the model does not load
    finally:
        forget_models()
    root = models_dir(location)
    final = inside(root, f"quickmt-{source_code}-{target_code}")
    old = None
    if final.exists():
        old = Path(tempfile.mkdtemp(prefix=".replaced-", dir=root))
        os.replace(final, old / "model")
    os.replace(folder, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    _choose(location, source_code, target_code, QUICKMT)
    installed = [p for p in packs_for_pair(location, source_code, target_code) if p.kind == QUICKMT]
    assert installed  # just put in place
    return installed[0]


# --- download by name ----------------------------------------------------------------------------


def hub_url() -> str:
    return (os.environ.get(HUB_ENV) or DEFAULT_HUB).rstrip("/")


def repo_for(name: str) -> str:
    """``quickmt-en-zh`` or ``quickmt/quickmt-en-zh`` → ``quickmt/quickmt-en-zh`` (checked)."""
    short = name.strip().split("/")[-1]
    if name.count("/") > 1 or (name.count("/") == 1 and name.split("/")[0] != HUB_OWNER):
        raise UserError(f"{name[:60]!r} is not a quickmt model name (such as quickmt-en-zh).")
    if not NAME.fullmatch(short):
        raise UserError(f"{name[:60]!r} is not a quickmt model name (such as quickmt-en-zh).")
    return f"{HUB_OWNER}/{short.lower()}"


def _hub_files(repo: str) -> list[dict[str, Any]]:
    """The model's files on the hub with their sizes and checksums (only the ones quickmt takes)."""
    import json

    from crosspost.downloads import DownloadError, fetch_bytes

    url = f"{hub_url()}/api/models/{repo}/tree/main"
    try:
        entries = json.loads(fetch_bytes(url, timeout=15))
    except DownloadError as exc:
        if "404" in str(exc):
            raise UserError(f"The model hub has no model called {repo}.") from None
        raise UserError(
            f"The model hub cannot be reached ({exc}); nothing was changed. Connect and try again, "
            "or install the model's folder or zip if you have it."
        ) from None
    except ValueError:
        raise UserError(f"The model hub's list of {repo}'s files is not readable; try again later.") from None
    files = []
    for e in entries if isinstance(entries, list) else []:
        if not isinstance(e, dict) or e.get("type") != "file" or e.get("path") not in MODEL_FILES:
            continue
        size = e.get("size")
        lfs = e.get("lfs") if isinstance(e.get("lfs"), dict) else None
        if lfs:
            size = lfs.get("size", size)
            check = ("sha256", str(lfs.get("oid", "")).lower())
        else:
            check = ("git-sha1", str(e.get("oid", "")).lower())
        if not isinstance(size, int) or size < 0 or not re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", check[1]):
            raise UserError(f"The model hub lists {repo}'s {e['path']} without its size or checksum.")
        files.append({"path": e["path"], "size": size, "check": check})
    missing = _complete({f["path"] for f in files})
    if missing:
        raise UserError(f"{repo} on the model hub is not a quickmt model (it has no {', '.join(missing)}).")
    if sum(f["size"] for f in files) > MAX_MODEL_BYTES:
        raise UserError(f"{repo} is larger than a translation model can be; it was not downloaded.")
    return files


def _checksum_ok(path: Path, check: tuple[str, str]) -> bool:
    kind, expected = check
    if kind == "sha256":
        return _digest(path) == expected
    h = hashlib.sha1(f"blob {path.stat().st_size}\0".encode())  # git's blob id  # noqa: S324
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1024 * 1024), b""):
            h.update(block)
    return h.hexdigest() == expected


def download_model(
    location: DataLocation,
    name: str,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> PackInfo:
    """Download the quickmt model NAME from the hub (resuming what an earlier try left), check every
    file's size and checksum, install it."""
    from crosspost.downloads import DownloadError, download_to

    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    repo = repo_for(name)
    short = repo.split("/")[1]
    pair = pair_from_name(short)
    assert pair is not None  # repo_for checked the name
    files = _hub_files(repo)
    total = sum(f["size"] for f in files)
    folder = inside(location.cache / "downloads", short)
    folder.mkdir(parents=True, exist_ok=True)
    received = 0

    def on_bytes(n: int) -> None:
        nonlocal received
        received += n
        progress(Progress(received, total, f"downloading {short}"))

    for f in files:
        cancel.check()
        final = inside(folder, f["path"])
        part = final.with_name(final.name + ".part")
        if final.exists() and final.stat().st_size == f["size"] and _checksum_ok(final, f["check"]):
            on_bytes(f["size"])  # already here from an earlier try
            continue
        final.unlink(missing_ok=True)
        if part.exists():
            on_bytes(min(part.stat().st_size, f["size"]))
        url = f"{hub_url()}/{repo}/resolve/main/{quote(f['path'])}"
        try:
            download_to(
                url,
                part,
                on_bytes=on_bytes,
                cancel=cancel,
                max_bytes=MAX_MODEL_BYTES,
                expected_size=f["size"] or None,
            )
        except DownloadError as exc:
            raise UserError(f"{short} could not be downloaded: {exc}. Try again to resume.") from None
        if part.stat().st_size != f["size"]:
            part.unlink()
            raise UserError(f"{short}'s {f['path']} arrived with the wrong size; it was deleted. Try again.")
        if not _checksum_ok(part, f["check"]):
            part.unlink()
            raise UserError(f"{short}'s {f['path']} failed its checksum; it was deleted. Try again.")
        os.replace(part, final)
    installed = install_quickmt(location, folder, *pair, source=f"{hub_url()}/{repo}", move=True)
    shutil.rmtree(folder, ignore_errors=True)
    return installed
