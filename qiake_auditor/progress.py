"""A tiny progress/cancel object for long work, so the core never needs Qt signals.

Long calls deep inside one stage (parsing a million-line bill, detection, building
the cases) say how far they are with :func:`step`, without every function between
taking a progress argument: the caller opens the stage with :func:`stage`, which
maps the steps onto its own share of the bar. A step also answers the user's Stop
(raises :class:`Cancelled`), so a stop is heard within a fraction of a second rather
than when the stage ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from .errors import Cancelled


class Progress:
    """Receives progress reports from long core functions.

    The GUI subclasses it to forward reports to a worker signal; the CLI and the
    tests use it as it is (it ignores reports and is never cancelled).
    """

    def report(self, fraction: float, text: str = "") -> None:
        """Progress in [0, 1] with an optional short status text."""

    def cancelled(self) -> bool:
        return False

    def check(self) -> None:
        """Raise :class:`Cancelled` when the user asked to stop."""
        if self.cancelled():
            raise Cancelled()


NO_PROGRESS = Progress()


class Share(Progress):
    """One part of a long job (a file of several, the scan after the import): its 0..1
    is reported as ``low``..``high`` of the whole."""

    def __init__(self, whole: Progress, low: float, high: float) -> None:
        self._whole, self._low, self._high = whole, low, high

    def report(self, fraction: float, text: str = "") -> None:
        fraction = min(max(float(fraction), 0.0), 1.0)
        self._whole.report(self._low + (self._high - self._low) * fraction, text)

    def cancelled(self) -> bool:
        return self._whole.cancelled()


class Uncancellable(Progress):
    """Reports of work past the point of no return (the import is committed): passed
    on, and a stop asked meanwhile is not heard, so nothing claims to have stopped."""

    def __init__(self, whole: Progress) -> None:
        self._whole = whole

    def report(self, fraction: float, text: str = "") -> None:
        self._whole.report(fraction, text)


@dataclass
class _Stage:
    progress: Progress
    low: float
    high: float
    text: str
    said: float = -1.0  # the last value reported: a step that moves less is not sent

    def at(self, fraction: float) -> float:
        return self.low + (self.high - self.low) * min(max(fraction, 0.0), 1.0)


# The stage this thread is in (a context variable: threads and tasks each have their own).
_current: ContextVar[_Stage | None] = ContextVar("progress stage", default=None)


@contextmanager
def stage(progress: Progress, low: float, high: float, text: str = "") -> Iterator[None]:
    """Steps taken inside run from ``low`` to ``high`` of ``progress``, saying ``text``."""
    token = _current.set(_Stage(progress, low, high, text))
    try:
        yield
    finally:
        _current.reset(token)


@contextmanager
def part(low: float, high: float) -> Iterator[None]:
    """A share (``low``..``high``) of the current stage: steps inside are fractions of
    it. Outside any stage, nothing."""
    outer = _current.get()
    if outer is None:
        yield
        return
    with stage(outer.progress, outer.at(low), outer.at(high), outer.text):
        yield


def step(fraction: float) -> None:
    """``fraction`` of the current stage is done; raises :class:`Cancelled` when the user
    asked to stop. Outside any stage, nothing."""
    now = _current.get()
    if now is None:
        return
    now.progress.check()
    value = now.at(fraction)
    if value - now.said >= _LEAST_MOVE:
        now.said = value
        now.progress.report(value, now.text)


_LEAST_MOVE = 0.002  # of the whole bar: thousands of small cases make one report per step
