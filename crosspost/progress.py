"""How core functions report progress and notice cancellation, with no Qt in sight.

A long core function takes ``progress`` (a callable receiving ``Progress``) and ``cancel`` (a
``CancelToken``). The CLI draws a bar on stderr from the callbacks; the window forwards them through
a Qt signal from its task runner. ``cancel.check()`` raises ``Cancelled`` at a safe point.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from crosspost.errors import Cancelled


@dataclass(frozen=True)
class Progress:
    done: float
    total: float | None = None  # None: unknown
    message: str = ""

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return max(0.0, min(1.0, self.done / self.total))


ProgressCallback = Callable[[Progress], None]


def no_progress(_: Progress) -> None:
    """The callback used when the caller wants none."""


class CancelToken:
    """Set from any thread (the window's Cancel button, Ctrl-C); checked by the worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


NEVER_CANCELLED = CancelToken()


# Who hears "waiting for another command" when the store is busy (the CLI prints it on stderr; None:
# nobody). Kept here, not with the store, so setting it costs a command no store import.
_wait_notice: Callable[[str], None] | None = None


def set_wait_notice(notice: Callable[[str], None] | None) -> None:
    """Who hears "waiting for another command" (the CLI prints it on stderr; None: nobody)."""
    global _wait_notice
    _wait_notice = notice


def wait_notice() -> Callable[[str], None] | None:
    return _wait_notice
