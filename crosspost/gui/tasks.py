"""One task runner for every long job (import, download, translate, render).

A job is a plain function ``fn(store, progress, cancel)`` from the core. It runs on a worker thread
with its own store connection (SQLite connections stay on their thread), can be cancelled with a
``CancelToken``, and its progress, result or error are delivered on the GUI thread as Qt signals.

Workers never touch Qt: they put events on a queue that the GUI thread drains on a short timer.
(Emitting Qt signals from Python worker threads corrupts reference counts in PySide6 6.12 and
crashes the interpreter; this design also keeps progress updates coalesced, one per tick.)
"""

from __future__ import annotations

import itertools
import queue
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from crosspost.errors import Cancelled, UserError
from crosspost.paths import DataLocation
from crosspost.progress import CancelToken, Progress

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

POLL_MS = 30

# A job: fn(store, progress, cancel) -> result, run on a worker thread with its own store connection.
ProgressFn = Callable[[Progress], None]
Job = Callable[[Any, ProgressFn, CancelToken], Any]


class TaskRunner(QObject):
    """Starts jobs and tracks the running ones (for the task panel and for closing the window)."""

    started = Signal(int, str)
    progress = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, str, str)  # task id, message for the person, details ("" for UserError)
    cancelled = Signal(int)

    def __init__(self, location: DataLocation, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.location = location
        # What a failure does when the job's starter gave no ``on_failure`` (the window shows it).
        self.default_failure: Callable[[str, str], None] | None = None
        self.max_threads = max_threads
        self._pool: ThreadPoolExecutor | None = None
        self._ids = itertools.count(1)
        self._events: queue.SimpleQueue[tuple[str, int, Any]] = queue.SimpleQueue()
        self._running: dict[int, CancelToken] = {}
        self._background: set[int] = set()
        self._futures: dict[int, Future[None]] = {}
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None, Callable[[str, str], None] | None]] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._drain)

    @property
    def pool(self) -> ThreadPoolExecutor:
        """The worker threads, started with the first job (nothing to pay for at start-up)."""
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=self.max_threads, thread_name_prefix="crosspost-task")
        return self._pool

    def run(
        self,
        title: str,
        fn: Job,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str, str], None] | None = None,
        background: bool = False,
    ) -> int:
        """Run FN(store, progress, cancel) on a worker thread. BACKGROUND: housekeeping the person did
        not ask for (thumbnails): closing the window cancels it without asking."""
        task_id = next(self._ids)
        token = CancelToken()
        self._running[task_id] = token
        if background:
            self._background.add(task_id)
        self._callbacks[task_id] = (on_success, on_failure)
        self.started.emit(task_id, title)
        self._futures[task_id] = self.pool.submit(self._work, task_id, fn, token)
        if not self._timer.isActive():
            self._timer.start()
        return task_id

    def _work(self, task_id: int, fn: Job, token: CancelToken) -> None:
        """On the worker thread: no Qt here, only the event queue."""
        from crosspost.store import open_store

        store = None
        try:
            store = open_store(self.location)
            result = fn(store, lambda p: self._events.put(("progress", task_id, p)), token)
        except Cancelled:
            self._events.put(("cancelled", task_id, None))
        except UserError as exc:  # worded for the window on the GUI thread (translators live there)
            self._events.put(("failed", task_id, (exc, "")))
        except Exception as exc:  # noqa: BLE001 - shown to the person with details, and logged
            self._events.put(("failed", task_id, (f"{type(exc).__name__}: {exc}", traceback.format_exc())))
        else:
            self._events.put(("finished", task_id, result))
        finally:
            if store is not None:
                store.close()

    def _drain(self) -> None:
        """On the GUI thread: deliver what the workers reported (the latest progress per task)."""
        latest: dict[int, Progress] = {}
        ends = []
        while True:
            try:
                kind, task_id, payload = self._events.get_nowait()
            except queue.Empty:
                break
            if kind == "progress":
                latest[task_id] = payload
            else:
                ends.append((kind, task_id, payload))
        for task_id, p in latest.items():
            if task_id in self._running:
                self.progress.emit(task_id, p)
        for kind, task_id, payload in ends:
            self._running.pop(task_id, None)
            self._background.discard(task_id)
            self._futures.pop(task_id, None)
            success, failure = self._callbacks.pop(task_id, (None, None))
            if kind == "finished":
                self.finished.emit(task_id, payload)
                if success:
                    success(payload)
            elif kind == "failed":
                if isinstance(payload[0], UserError):
                    from crosspost.gui.messages import window_message  # the words, when a job fails

                    payload = (window_message(payload[0]), payload[1])
                self.failed.emit(task_id, *payload)
                handler = failure or self.default_failure
                if handler:
                    handler(*payload)
            else:
                self.cancelled.emit(task_id)
        if not self._running and self._events.empty():
            self._timer.stop()

    def cancel(self, task_id: int) -> None:
        token = self._running.get(task_id)
        if token:
            token.cancel()

    def cancel_all(self) -> None:
        for token in list(self._running.values()):
            token.cancel()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    @property
    def user_jobs_running(self) -> bool:
        """Jobs the person started (an import, a render…), not housekeeping such as thumbnails."""
        return any(task_id not in self._background for task_id in self._running)

    def wait(self, seconds: float = 30) -> bool:
        """Block until running jobs end (used when closing), then deliver their events."""
        from concurrent.futures import wait

        done, pending = wait(list(self._futures.values()), timeout=seconds)
        self._drain()
        return not pending

    def shutdown(self) -> None:
        self.cancel_all()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._drain()
