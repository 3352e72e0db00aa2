"""Run plain core functions off the GUI thread, with progress and cancel.

The core takes a :class:`~qiake_auditor.progress.Progress`; here a subclass
forwards ``report()`` through a Qt signal and answers ``cancelled()`` from a flag,
so the core never imports Qt. Results and errors come back as signals, queued
to the receiver's (GUI) thread.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from shiboken6 import isValid

from ..progress import Progress
from ..thread_priority import lower_this_thread


class WorkerSignals(QObject):
    """Signals of one task; lives in the GUI thread so slots run there."""

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)


class SignalProgress(Progress):
    """A Progress that emits ``signals.progress`` and reads a cancel flag."""

    def __init__(self, signals: WorkerSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self._done = 0.0

    def report(self, fraction: float, text: str = "") -> None:
        """Forward only: a report below what was already reported is not shown."""
        fraction = min(max(float(fraction), 0.0), 1.0)
        if fraction < self._done:
            return
        self._done = fraction
        self._signals.progress.emit(fraction, text)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


def freeze_survivors() -> None:
    """Leave every object alive now out of the cyclic collector's later walks.

    Called where what exists lives on (the loaded modules, a finished task's view): a
    full collection walking them held the GIL for 70-600 ms, the window stalled
    meanwhile. Frozen objects are still freed by reference counting."""
    gc.freeze()


_collector_lock = threading.Lock()
_tasks_running = 0


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while tasks run; what they built is frozen after.

    A worker building a million-row view makes millions of objects, and each full
    collection on the way holds the GIL for 0.1-0.6 s (the window stalls meanwhile,
    ten times per import; 2.8 s in all, measured with gc.callbacks). Frozen, the view
    is never traversed again; its memory is still freed by reference counting when
    the window drops it (tasks break the one cycle that held it: see tasks._view).
    Cyclic garbage made by a task is not collected.
    """
    global _tasks_running
    with _collector_lock:
        _tasks_running += 1
        if _tasks_running == 1:
            gc.disable()
    try:
        yield
    finally:
        with _collector_lock:
            _tasks_running -= 1
            if _tasks_running == 0:
                freeze_survivors()
                gc.enable()


class Task(QRunnable):
    """One call of ``function(*args, progress=..., **kwargs)`` on the thread pool."""

    def __init__(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps a reference until it is done
        self.signals = WorkerSignals()
        self.progress = SignalProgress(self.signals)
        self._function = function
        self._args = args
        self._kwargs = kwargs

    def run(self) -> None:
        lower_this_thread()
        try:
            with collector_paused():
                result = self._function(*self._args, progress=self.progress, **self._kwargs)
        except BaseException as exc:  # every failure goes back to the GUI thread
            self._emit(self.signals.failed, exc)
            return
        self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the application closed: nobody to tell
            signal.emit(value)

    def cancel(self) -> None:
        self.progress.cancel()


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    """Queue a task on the global (or given) pool and return it."""
    (pool or QThreadPool.globalInstance()).start(task)
    return task


_preparing: QThreadPool | None = None


def preparing_pool() -> QThreadPool:
    """The one thread that prepares what a finished task's view shows later (the
    transactions table, a large case's charges, the charts), one job after the other.

    Run side by side, three threads wanted the GIL at once and the window's turn came
    late (stalls of 50-100 ms after an import), for no gain: the work is Python's, and
    only one thread runs Python at a time. The thread is kept (never expires): it holds
    matplotlib's warm caches."""
    global _preparing
    if _preparing is None:
        _preparing = QThreadPool()
        _preparing.setMaxThreadCount(1)
        _preparing.setExpiryTimeout(-1)
    return _preparing


def start_preparing(task: Task) -> Task:
    """Queue ``task`` behind the other preparations (see :func:`preparing_pool`)."""
    return start(task, preparing_pool())


# What a new view shows later is prepared once the window has painted the view: a
# worker busy in Python makes every Python call of that painting (each cell of a
# table) wait for the GIL; painting beside a case's charges being made froze the
# window for 60-90 ms.
PREPARE_AFTER_MS = 150
_after_paint: list[tuple[bool, QObject, Callable[[], None]]] = []


def after_paint(owner: QObject, start_it: Callable[[], None], first: bool = False) -> None:
    """Call ``start_it`` (which starts a preparation, or decides it is no longer
    wanted) once the window has painted what it is showing now, unless ``owner`` (the
    widget that will show the result) is gone by then. Those asked for in the same
    moment are called together, the ``first`` ones first: the preparing thread runs
    them in that order (a case's charges, seen at once, before the transactions table,
    behind its tab)."""
    if not _after_paint:
        QTimer.singleShot(PREPARE_AFTER_MS, _start_painted)
    _after_paint.append((first, owner, start_it))


def _start_painted() -> None:
    waiting = sorted(_after_paint, key=lambda entry: not entry[0])  # stable: first ones first
    _after_paint.clear()
    for _first, owner, start_it in waiting:
        if isValid(owner):  # a window closed meanwhile (a language switch) wants nothing
            start_it()


def wait_for_all(milliseconds: int) -> None:
    """Wait (up to ``milliseconds`` each) for the tasks and the preparations to end."""
    QThreadPool.globalInstance().waitForDone(milliseconds)
    if _preparing is not None:
        _preparing.waitForDone(milliseconds)
