"""Background work runs behind the window: each system's way of lowering a thread.

Linux is measured for real; Windows' and macOS' calls go to stand-ins that record
them (the constants checked by hand against winbase.h and sys/qos.h).
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from qiake_auditor import parallel, thread_priority
from qiake_auditor.thread_priority import lower_this_thread, lowered


def _nice() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def _on_a_thread(work: Callable[[], Any]) -> Any:
    """``work()`` on a new thread (lowering is once per thread, for good)."""
    out: list = []
    thread = threading.Thread(target=lambda: out.append(work()))
    thread.start()
    thread.join()
    return out[0]


class _Function:
    """A stand-in for one function of a C library: records its calls."""

    def __init__(self, name: str, calls: list, result: Any) -> None:
        self._name, self._calls, self._result = name, calls, result

    def __call__(self, *args: Any) -> Any:
        self._calls.append((self._name, args))
        return self._result


class _Library:
    def __init__(self, results: dict[str, Any]) -> None:
        self.calls: list = []
        for name, result in results.items():
            setattr(self, name, _Function(name, self.calls, result))


_PSEUDO_HANDLE = 0xFFFFFFFFFFFFFFFE  # what GetCurrentThread/-Process return: (HANDLE)-2 / -1


def test_a_background_thread_and_the_threads_it_starts_yield_to_the_window() -> None:
    seen: dict[str, Any] = {}
    window_before = _nice()

    def background() -> None:
        before = _nice()
        lower_this_thread()
        lower_this_thread()  # once per thread: the second call changes nothing
        seen["self"], seen["before"], seen["lowered"] = _nice(), before, lowered()
        child = threading.Thread(target=lambda: seen.setdefault("child", _nice()))
        child.start()
        child.join()

    worker = threading.Thread(target=background)
    worker.start()
    worker.join()
    assert seen["lowered"] is True
    if sys.platform.startswith("linux"):
        assert seen["self"] == max(seen["before"], 5)
        assert seen["child"] == seen["self"]  # Arrow's pool, started by a worker, too
    assert _nice() == window_before  # the window's thread keeps its priority
    assert lowered() is False


def test_windows_lowers_the_thread_below_normal(monkeypatch) -> None:
    kernel32 = _Library({"GetCurrentThread": _PSEUDO_HANDLE, "SetThreadPriority": 1})
    opened: list[str] = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(
        ctypes, "WinDLL", lambda name: opened.append(name) or kernel32, raising=False
    )
    before = _nice()
    _on_a_thread(lower_this_thread)
    assert opened == ["kernel32"]
    assert kernel32.calls == [
        ("GetCurrentThread", ()),
        ("SetThreadPriority", (_PSEUDO_HANDLE, -1)),  # THREAD_PRIORITY_BELOW_NORMAL
    ]
    assert kernel32.SetThreadPriority.argtypes == [ctypes.c_void_p, ctypes.c_int]
    assert kernel32.GetCurrentThread.restype is ctypes.c_void_p  # not a truncated int
    assert _nice() == before


def test_macos_gives_the_thread_the_utility_class(monkeypatch) -> None:
    system = _Library({"pthread_set_qos_class_self_np": 0})
    opened: list[str] = []
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(ctypes, "CDLL", lambda name: opened.append(name) or system)
    _on_a_thread(lower_this_thread)
    assert opened == ["/usr/lib/libSystem.dylib"]
    assert system.calls == [("pthread_set_qos_class_self_np", (0x11, 0))]  # QOS_CLASS_UTILITY


def test_a_system_that_refuses_leaves_the_work_running(monkeypatch) -> None:
    def missing(name: str) -> None:
        raise OSError(f"{name} not found")

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "WinDLL", missing, raising=False)
    assert _on_a_thread(lambda: (lower_this_thread(), lowered())[1]) is True
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(ctypes, "CDLL", missing)
    assert _on_a_thread(lambda: (lower_this_thread(), lowered())[1]) is True


def test_windows_lowers_the_chart_process_below_normal(monkeypatch) -> None:
    kernel32 = _Library({"GetCurrentProcess": _PSEUDO_HANDLE, "SetPriorityClass": 1})
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "WinDLL", lambda name: kernel32, raising=False)
    thread_priority.lower_this_process()
    assert kernel32.calls == [
        ("GetCurrentProcess", ()),
        ("SetPriorityClass", (_PSEUDO_HANDLE, 0x4000)),  # BELOW_NORMAL_PRIORITY_CLASS
    ]


def test_unix_lowers_the_chart_process_to_nice_5() -> None:
    code = (
        "import os; from qiake_auditor.thread_priority import lower_this_process; "
        "before = os.nice(0); lower_this_process(); lower_this_process(); "
        "print(before, os.nice(0))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = map(int, out.stdout.split())
    assert after == max(before, 5)


def test_the_second_core_works_at_its_callers_priority(monkeypatch) -> None:
    monkeypatch.setattr(parallel, "_TWO_CORES", True)
    caller = threading.get_ident

    def piece(_: int) -> tuple[int, bool, int]:
        time.sleep(0.005)  # long enough for the helper to take some
        return caller(), lowered(), _nice()

    def behind() -> tuple[int, list]:
        lower_this_thread()
        return threading.get_ident(), parallel.each(piece, range(20))

    own, seen = _on_a_thread(behind)
    helpers = {ident for ident, _, _ in seen} - {own}
    assert helpers, "the helper took none of the pieces"
    assert all(was_lowered for _, was_lowered, _ in seen)
    if sys.platform.startswith("linux"):
        assert min(nice for _, _, nice in seen) >= 5
