"""Independent pieces of one long step, worked on by this thread and one more.

Most of a million-row import is Arrow kernels over whole columns, and Arrow lets go of
the GIL while it works: two columns' kernels on two threads use both cores, where one
thread left the second core idle for the whole read. Pieces in pure Python gain
nothing (they take turns with the GIL) and lose nothing.

The second thread is one for the whole process (created on first use), so a call
costs no thread start. It reports no progress and hears no Stop: only the calling
thread does, between its own pieces, so the bar still moves forward only. It works
behind the window once a thread behind the window has used it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from . import thread_priority

T = TypeVar("T")
R = TypeVar("R")


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_HELPER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="second core")
_TWO_CORES = _cores() > 1


def each(
    work: Callable[[T], R], items: Sequence[T], done: Callable[[int], None] | None = None
) -> list[R]:
    """``[work(item) for item in items]``, the items shared between this thread and the
    helper, the results in the items' order.

    ``done(n)`` is called on this thread for n = 1, 2, ... as the items finish (the
    helper's too), as the loop would call it; it may raise (a Stop), which ends the
    call once the helper's item in hand is finished. A piece that raises stops the
    others from starting, and the first failing item's exception is raised, as the
    loop would have raised it.
    """
    count = len(items)
    if count < 2 or not _TWO_CORES:
        results = []
        for index, item in enumerate(items):
            results.append(work(item))
            if done is not None:
                done(index + 1)
        return results
    shared = _Shared(count)
    out: list = [None] * count

    def run(index: int) -> None:
        try:
            out[index] = work(items[index])
        except BaseException as error:  # raised below, on the calling thread
            shared.failed(index, error)
        shared.finished()

    behind = thread_priority.lowered()

    def helper() -> None:
        if behind:  # the caller's work at the caller's priority (Windows: not inherited)
            thread_priority.lower_this_thread()
        while (taken := shared.take()) is not None:
            run(taken)

    reported = 0

    def report() -> None:  # every count, in order, as the loop would have said them
        nonlocal reported
        while reported < shared.done and not shared.errors:
            reported += 1
            if done is not None:
                done(reported)

    started = _HELPER.submit(helper)
    try:
        while (taken := shared.take()) is not None:
            run(taken)
            report()
        while shared.wait_beyond(reported):  # the helper's last pieces, as they finish
            report()
    except BaseException:
        shared.stop()
        raise
    finally:
        # The helper may be busy with another call's pieces: then this call did all of
        # its own and must not wait for that.
        if not started.cancel():
            started.result()
    if shared.errors:
        raise shared.errors[min(shared.errors)]
    return out


def calls(pieces: Sequence[Callable[[], R]], done: Callable[[int], None] | None = None) -> list[R]:
    """``[piece() for piece in pieces]``, as :func:`each` shares them."""
    return each(_called, pieces, done)


def _called(piece: Callable[[], R]) -> R:
    return piece()


class _Shared:
    """The next item to take and what has happened, for the two threads of one call."""

    def __init__(self, count: int) -> None:
        self._changed = threading.Condition()
        self._next = 0  # items taken so far
        self._count = count
        self._stopped = False
        self.done = 0
        self.errors: dict[int, BaseException] = {}

    def take(self) -> int | None:
        with self._changed:
            if self._next >= self._count or self.errors or self._stopped:
                return None
            self._next += 1
            return self._next - 1

    def finished(self) -> None:
        with self._changed:
            self.done += 1
            self._changed.notify_all()

    def failed(self, index: int, error: BaseException) -> None:
        with self._changed:
            self.errors[index] = error

    def stop(self) -> None:
        with self._changed:
            self._stopped = True

    def wait_beyond(self, seen: int) -> bool:
        """Wait until more than ``seen`` items are done; False once no item taken is
        still being worked on (or one failed)."""
        with self._changed:
            while self.done <= seen and self.done < self._next and not self.errors:
                self._changed.wait()
            return self.done > seen and not self.errors
