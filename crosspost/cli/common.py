"""What every CLI command shares: the context (data dir, store, --json) and output on stdout/stderr."""

from __future__ import annotations

import argparse
import enum
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from crosspost.errors import NotFound
from crosspost.lazy_store import LazyStore
from crosspost.paths import DataLocation, resolve
from crosspost.progress import Progress

if TYPE_CHECKING:
    from crosspost.store import Store

_C = TypeVar("_C", bound=enum.StrEnum)
if TYPE_CHECKING:  # what ``add_subparsers`` returns: a command's verbs
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subcommands = argparse._SubParsersAction


@dataclass
class Context:
    """Built once per invocation from the global options."""

    data_dir: str | None = None
    json: bool = False
    _location: DataLocation | None = field(default=None, repr=False)
    _store: LazyStore = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._store = LazyStore(lambda: self.location, on_open=_say_notices)

    @property
    def location(self) -> DataLocation:
        if self._location is None:
            self._location = resolve(self.data_dir)
        return self._location

    @property
    def store(self) -> Store:
        """The store, opened (and migrated) on first use."""
        return self._store.get()

    def close(self) -> None:
        self._store.close()

    def emit(self, data: Any, human: str | None = None) -> None:
        """JSON on stdout with --json, otherwise the human text (also on stdout)."""
        if self.json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        elif human is not None:
            human = terminal_safe(human)
            sys.stdout.write(human if human.endswith("\n") or not human else human + "\n")
        sys.stdout.flush()


def _say_notices(store: Store) -> None:
    """What opening the store did that the person should know (a store set aside), on stderr."""
    for notice in store.notices:
        message(f"crosspost: {notice}")


def message(text: str) -> None:
    """A note for the person (stderr, so stdout stays clean for --json)."""
    print(terminal_safe(text), file=sys.stderr, flush=True)


# Control characters shown as \xNN: a caption holding ESC sequences (colours, cursor moves, a
# terminal title) or a carriage return must not act on the person's terminal. Tabs and line breaks
# stay; JSON output is escaped by json itself.
_CONTROLS = str.maketrans({c: f"\\x{c:02x}" for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if c not in (0x09, 0x0A)})


def terminal_safe(text: str) -> str:
    return text.translate(_CONTROLS)


# The largest ID SQLite can hold.
MAX_ID = 2**63 - 1


def _record_id(kind: str, text: str) -> int:
    """TEXT as the ID of a KIND: a whole number the store can hold. A number past that is a usage
    error; text that is no number at all is ``NotFound`` (exit 1, with where the IDs are listed)."""
    try:
        value = int(text)
    except ValueError:
        raise NotFound(kind, text, malformed=True) from None
    if not 0 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text[:30]} is not an ID: IDs are whole numbers from 1 to {MAX_ID}")
    return value


def post_id_arg(text: str) -> int:
    """The type of a post ID argument."""
    return _record_id("post", text)


def draft_id_arg(text: str) -> int:
    """The type of a draft ID argument."""
    return _record_id("draft", text)


def media_id_arg(text: str) -> int:
    """The type of a media ID argument."""
    return _record_id("media", text)


def choice_arg(choices: type[_C]) -> Callable[[str], _C]:
    """The type of an argument that is one of an enum's values: the member (``Layout.BILINGUAL``)."""

    def parse(text: str) -> _C:
        try:
            return choices(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"invalid choice: {text[:30]!r} (choose from {', '.join(m.value for m in choices)})"
            ) from None

    parse.__name__ = choices.__name__
    return parse


def command(
    verbs: Subcommands,
    name: str,
    handler: Callable[[Context, argparse.Namespace], int],
    help: str | None = None,
    *,
    description: str | None = None,
    json: bool = True,
    ids: Callable[[str], int] | None = None,
    nargs: str | None = None,
) -> argparse.ArgumentParser:
    """A command (or a command's verb) run by HANDLER: with --json unless JSON is False, and with an
    ID argument of type IDS (several with NARGS)."""
    p = verbs.add_parser(name, parents=[json_flag_parent()] if json else [], help=help, description=description)
    if ids is not None:
        if nargs is None:
            p.add_argument("id", type=ids, metavar="ID")
        else:
            p.add_argument("ids", nargs=nargs, type=ids, metavar="ID")
    p.set_defaults(handler=handler)
    return p


def json_flag_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON on stdout")
    return parent


class ProgressBar:
    """A progress bar on stderr when it is a terminal; silent otherwise (scripts, CI, pipes)."""

    def __init__(self, label: str, stream: TextIO | None = None, min_interval: float = 0.1) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.min_interval = min_interval
        self._last = 0.0
        self._drawn = False

    def __call__(self, progress: Progress) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        finished = progress.total is not None and progress.done >= progress.total
        if now - self._last < self.min_interval and not finished:
            return
        self._last = now
        fraction = progress.fraction
        width = 30
        if fraction is None:
            bar = f"{progress.done:,.0f}"
        else:
            filled = int(width * fraction)
            bar = "[" + "#" * filled + "-" * (width - filled) + f"] {fraction * 100:5.1f}%"
        text = f"\r{self.label} {bar} {progress.message}"[:200]
        self.stream.write(text.ljust(80))
        self.stream.flush()
        self._drawn = True

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
