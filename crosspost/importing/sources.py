"""One way in for every container: a ``.zip``, an unpacked folder, or a single ``.json``/``.txt``.

An ``ExportSource`` lists its entries (relative names) and opens them for streaming reads. Zip members
are read in place — nothing is ever extracted to disk — behind two guards: names that try to escape
(zip slip) are skipped, and members whose declared size or compression ratio is absurd (zip bombs) are
refused before a byte is inflated.
"""

from __future__ import annotations

import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO, BinaryIO, Protocol, Self

from crosspost.errors import ExportFault, ExportUnreadable, UserError
from crosspost.importing.notes import ImportNote, NoteCode

# A real export with years of watch history reaches a few hundred MB of JSON; TXT files are smaller.
MAX_MEMBER_BYTES = 4 * 1024**3
# JSON compresses 5-20x; runs of whitespace compress ~1000x. Only checked for members above the floor,
# so a tiny file that compresses well is never refused.
MAX_RATIO = 150
RATIO_FLOOR_BYTES = 16 * 1024**2
# Folders: how deep and how many files we look through before deciding it is not an export.
MAX_FOLDER_FILES = 20_000

RELEVANT_SUFFIXES = (".json", ".txt")


@dataclass(frozen=True)
class Entry:
    name: str  # relative, "/"-separated
    size: int

    @property
    def basename(self) -> str:
        return self.name.rsplit("/", 1)[-1]


class ReadStream(Protocol):
    """What ``ExportSource.open`` returns: a binary stream read from its start, closed by ``with``."""

    def read(self, n: int = -1, /) -> bytes: ...

    def close(self) -> None: ...

    def __enter__(self) -> ReadStream: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None, /
    ) -> object: ...


class _ClosedByWith:
    """``with x:`` gives x and calls ``x.close()`` at the end (the subclass says what closing does)."""

    def close(self) -> None:
        pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ExportSource(_ClosedByWith):
    """The entries of one export, whatever holds them."""

    def __init__(self, path: Path):
        self.path = path
        self.warnings: list[str] = []

    def entries(self) -> list[Entry]:
        raise NotImplementedError

    def open(self, entry: Entry) -> ReadStream:
        raise NotImplementedError


def not_readable(path: Path, exc: OSError) -> UserError:
    """One sentence for an export file or folder the system refuses to read (permissions, I/O)."""
    return ExportUnreadable(
        ExportFault.NOT_READABLE,
        path,
        f"{path} cannot be read: {exc.strerror or exc}.",
        detail=str(exc.strerror or exc),
    )


def open_regular(path: Path) -> BinaryIO:
    """PATH opened for reading, refused unless it is a regular file: a FIFO or a device named like an
    export file would block the import forever (or never end). Opened without blocking, so even a
    FIFO swapped in after the folder was listed cannot hang the open itself."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise not_readable(path, exc) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ExportUnreadable(
                ExportFault.NOT_A_REGULAR_FILE,
                path,
                f"{path} is not a regular file (a pipe, a device or a socket); it is not a TikTok export.",
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


class FileSource(ExportSource):
    def entries(self) -> list[Entry]:
        return [Entry(self.path.name, self.path.stat().st_size)]

    def open(self, entry: Entry) -> ReadStream:
        return open_regular(self.path)


class FolderSource(ExportSource):
    def entries(self) -> list[Entry]:
        found = []
        for index, (root, dirs, files) in enumerate(os.walk(self.path)):
            dirs.sort()
            for name in sorted(files):
                if not name.lower().endswith(RELEVANT_SUFFIXES):
                    continue
                full = Path(root) / name
                rel = full.relative_to(self.path).as_posix()
                try:
                    info = full.stat()
                except OSError:
                    continue
                if not stat.S_ISREG(info.st_mode):
                    self.warnings.append(
                        ImportNote(
                            NoteCode.NOT_A_REGULAR_FILE,
                            f"Skipped {rel}: it is not a regular file (a pipe, a device or a socket).",
                            name=str(rel),
                        )
                    )
                    continue
                found.append(Entry(rel, info.st_size))
                if len(found) > MAX_FOLDER_FILES:
                    raise ExportUnreadable(
                        ExportFault.TOO_MANY_FILES,
                        self.path,
                        f"{self.path} holds more than {MAX_FOLDER_FILES:,} text files; it does not "
                        "look like a TikTok export. Choose the export's own folder or its zip.",
                        limit=f"{MAX_FOLDER_FILES:,}",
                    )
        return found

    def open(self, entry: Entry) -> ReadStream:
        return open_regular(self.path / entry.name)


class ZipSource(ExportSource):
    def __init__(self, path: Path):
        super().__init__(path)
        try:
            self._zip = zipfile.ZipFile(path)
        except (
            zipfile.BadZipFile,
            EOFError,
            ValueError,
            OverflowError,
            NotImplementedError,
            struct.error,
            UnicodeDecodeError,
        ):  # what a damaged central directory raises
            raise ExportUnreadable(
                ExportFault.BAD_ZIP,
                path,
                f"{path} is not a readable zip file (it may be incomplete or damaged). "
                "Download the export from TikTok again.",
            ) from None
        except OSError as exc:
            raise not_readable(path, exc) from None
        self._infos: dict[str, zipfile.ZipInfo] = {}

    def entries(self) -> list[Entry]:
        found = []
        for info in self._zip.infolist():
            if info.is_dir():
                continue
            name = info.filename.replace("\\", "/")
            pure = PurePosixPath(name)
            if name.startswith("/") or ".." in pure.parts or (len(name) > 1 and name[1] == ":"):
                self.warnings.append(
                    ImportNote(
                        NoteCode.OUTSIDE_ARCHIVE,
                        f"Skipped the archive entry {info.filename!r}: its name points outside the archive.",
                        name=info.filename,
                    )
                )
                continue
            if not name.lower().endswith(RELEVANT_SUFFIXES):
                continue
            self._infos[name] = info
            found.append(Entry(name, info.file_size))
        return found

    def open(self, entry: Entry) -> ReadStream:
        info = self._infos[entry.name]
        if info.file_size > MAX_MEMBER_BYTES or (
            info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise ExportUnreadable(
                ExportFault.ZIP_BOMB,
                self.path.name,
                f"{self.path.name} looks like a zip bomb: {entry.name!r} claims "
                f"{info.file_size / 1024**3:.1f} GiB from {info.compress_size / 1024**2:.1f} MiB. "
                "It was not imported; use the zip TikTok sent you.",
                member=entry.name,
                limit=f"{info.file_size / 1024**3:.1f} GiB",
            )
        try:
            return _CheckedMember(self._zip.open(info), self.path.name, entry.name)
        except (NotImplementedError, RuntimeError) as exc:  # encrypted or unknown compression
            raise ExportUnreadable(
                ExportFault.DAMAGED_MEMBER,
                self.path.name,
                f"{self.path.name}: {entry.name!r} cannot be read ({exc}).",
                member=entry.name,
                detail=str(exc),
            ) from None
        except DAMAGED_MEMBER_ERRORS as exc:  # a local header that contradicts the directory
            raise damaged_member(self.path.name, entry.name, exc) from None

    def close(self) -> None:
        self._zip.close()


# What reading a damaged member raises: a bad CRC, a local header that contradicts the central
# directory, corrupt deflate data, data that ends early, sizes that lie.
DAMAGED_MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError)


def damaged_member(archive: str, member: str, exc: BaseException) -> UserError:
    """One sentence for a member that cannot be read back whole. The import stops (exit 1): the
    member holding the posts is the one that matters, and half of it would be a wrong post list."""
    detail = " ".join(str(exc).split())[:80] or type(exc).__name__
    return ExportUnreadable(
        ExportFault.DAMAGED_MEMBER,
        archive,
        f"{archive} is damaged: {member!r} inside it cannot be read back ({detail}). "
        "Download the export from TikTok again.",
        member=member,
        detail=detail,
    )


class _CheckedMember(_ClosedByWith):
    """A zip member's stream whose read errors become a ``UserError`` naming the member."""

    def __init__(self, stream: IO[bytes], archive: str, member: str):
        self.stream, self.archive, self.member = stream, archive, member

    def read(self, n: int = -1) -> bytes:
        try:
            return self.stream.read(n)
        except DAMAGED_MEMBER_ERRORS as exc:
            raise damaged_member(self.archive, self.member, exc) from None

    def close(self) -> None:
        try:
            self.stream.close()
        except DAMAGED_MEMBER_ERRORS:
            pass


def open_source(path: Path) -> ExportSource:
    """The right ``ExportSource`` for PATH, or a ``UserError`` saying why it cannot be one."""
    if not path.exists():
        raise ExportUnreadable(
            ExportFault.MISSING, path, f"{path} does not exist. Check the path of your TikTok export."
        )
    if path.is_dir():
        return FolderSource(path)
    if not os.access(path, os.R_OK):
        raise ExportUnreadable(
            ExportFault.NOT_READABLE, path, f"{path} cannot be read (permission denied).", detail="permission denied"
        )
    with open_regular(path) as f:
        head = f.read(4)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return ZipSource(path)
    if path.suffix.lower() == ".zip":
        raise ExportUnreadable(
            ExportFault.NAMED_ZIP,
            path,
            f"{path} is named .zip but is not a zip file. Download the export from TikTok again.",
        )
    if path.suffix.lower() in RELEVANT_SUFFIXES:
        return FileSource(path)
    raise ExportUnreadable(
        ExportFault.WRONG_KIND,
        path,
        f"{path} is not a TikTok export: expected a .zip, a folder, or the export's .json or .txt file.",
    )


def iter_chunks(stream: BinaryIO, size: int = 1 << 20) -> Iterator[bytes]:
    while True:
        chunk = stream.read(size)
        if not chunk:
            return
        yield chunk
