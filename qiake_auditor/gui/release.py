"""Letting go of a replaced view without freezing the window.

A million-row view holds ~100,000 charges (and as many detection records): when the
last reference to it goes, CPython frees them all in one C call that holds the GIL
for 80-250 ms, on whichever thread dropped it. Here the big lists are emptied a slice
at a time on a thread of their own, after the preparing thread has finished with them;
between two slices the GUI thread runs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

from ..app.lazy_list import LazyList
from ..thread_priority import lower_this_thread
from . import tasks
from .workers import preparing_pool

SLICE = 2_000  # items freed at a time (a few milliseconds)
PAUSE = 0.002  # seconds between two slices


def release(view: tasks.View | None) -> None:
    """Free ``view`` in the background (nothing else may use its cases any more)."""
    if view is None:
        return
    threading.Thread(target=_drain, args=(view,), name="release view", daemon=True).start()


def _drain(view: tasks.View) -> None:
    lower_this_thread()
    preparing_pool().waitForDone()  # a chart's data may still be read from the old view
    snapshot = view.snapshot
    lists: list[list] = []
    for case in snapshot.built_cases or []:
        lists += [_handed_over(case.charges), case.refunds, _handed_over(case.after)]
    if snapshot.result is not None:
        lists += [s.get("charges") or [] for s in snapshot.result.stream_dicts]
        lists.append(snapshot.result.stream_dicts)
    for items in lists:
        while items:
            del items[-SLICE:]
            time.sleep(PAUSE)  # the GIL to the window, which paints meanwhile


def _handed_over(charges: Sequence) -> list:
    """The charges made so far of a case's lazy list (the builder's), else the list."""
    if isinstance(charges, LazyList):
        return charges.hand_over()
    return charges if isinstance(charges, list) else []
