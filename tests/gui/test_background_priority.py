"""Background threads let the window's thread go first for a core (Linux: per thread)."""

from __future__ import annotations

import os
import sys
import threading

from qiake_auditor.gui.workers import behind_the_window


def _nice() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_a_background_thread_and_the_threads_it_starts_yield_to_the_window() -> None:
    seen: dict[str, int] = {}
    window_before = _nice()

    def background() -> None:
        before = _nice()
        behind_the_window()
        behind_the_window()  # once per thread: the second call changes nothing
        seen["self"], seen["before"] = _nice(), before
        child = threading.Thread(target=lambda: seen.setdefault("child", _nice()))
        child.start()
        child.join()

    worker = threading.Thread(target=background)
    worker.start()
    worker.join()
    if sys.platform.startswith("linux"):
        assert seen["self"] == max(seen["before"], 5)
        assert seen["child"] == seen["self"]  # Arrow's pool, started by a worker, too
    else:  # a process-wide priority elsewhere: left alone
        assert seen["self"] == seen["before"]
    assert _nice() == window_before  # the window's thread keeps its priority
