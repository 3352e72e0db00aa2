"""A tiny progress/cancel object for long work, so the core never needs Qt signals."""

from __future__ import annotations

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
