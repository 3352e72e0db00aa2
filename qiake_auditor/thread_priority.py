"""Background work runs behind the window: a lower priority for this thread or process.

On a machine with few cores, an import's threads (a worker, the second core's helper,
Arrow's pool) filled every core and the window's thread waited 60-80 ms for one with
nothing holding the GIL. Lowered, they still get every core the window leaves idle.

Each system says it its own way, and only for the calling thread:

- Linux: a nice value per thread (5: weighted a third of a nice-0 thread); threads
  started later inherit it, Arrow's pool among them.
- Windows: ``THREAD_PRIORITY_BELOW_NORMAL``; threads started later do not inherit it,
  so :func:`qiake_auditor.parallel.each` lowers its helper when a lowered thread uses it.
- macOS: the utility quality-of-service class, the one Apple names for long work with a
  progress bar, such as importing data (still on the performance cores when they are
  free; only the background class is kept to the efficiency cores).

Lowering is best effort: where the system refuses (a returned failure is not checked),
the work runs as before.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import threading
from typing import Any

NICE = 5
"""Linux and other Unix: the nice value of background work (a process's, or a thread's)."""
THREAD_PRIORITY_BELOW_NORMAL = -1  # winbase.h
BELOW_NORMAL_PRIORITY_CLASS = 0x4000  # winbase.h, a process's class
QOS_CLASS_UTILITY = 0x11  # sys/qos.h

_this_thread = threading.local()


def lowered() -> bool:
    """This thread was lowered by :func:`lower_this_thread`."""
    return bool(getattr(_this_thread, "lowered", False))


def lower_this_thread() -> None:
    """Put the calling thread behind the window; once per thread, never raised again."""
    if lowered():
        return
    _this_thread.lowered = True
    with contextlib.suppress(OSError, AttributeError):
        if sys.platform.startswith("linux"):
            _lower_linux_thread()
        elif sys.platform == "win32":
            _lower_windows_thread(ctypes.WinDLL("kernel32"))  # type: ignore[attr-defined]
        elif sys.platform == "darwin":
            _lower_macos_thread(ctypes.CDLL("/usr/lib/libSystem.dylib"))


def lower_this_process() -> None:
    """Put the whole process behind the window (the chart server: one job, all of it
    background)."""
    with contextlib.suppress(OSError, AttributeError):
        if sys.platform == "win32":
            _lower_windows_process(ctypes.WinDLL("kernel32"))  # type: ignore[attr-defined]
        elif hasattr(os, "nice"):
            os.nice(max(0, NICE - os.nice(0)))


def _lower_linux_thread() -> None:
    tid = threading.get_native_id()
    os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), NICE))


def _lower_windows_thread(kernel32: Any) -> None:
    kernel32.GetCurrentThread.restype = ctypes.c_void_p  # a HANDLE: pointer-wide
    kernel32.SetThreadPriority.argtypes = [ctypes.c_void_p, ctypes.c_int]
    kernel32.SetThreadPriority(kernel32.GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL)


def _lower_windows_process(kernel32: Any) -> None:
    kernel32.GetCurrentProcess.restype = ctypes.c_void_p
    kernel32.SetPriorityClass.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
    kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)


def _lower_macos_thread(system: Any) -> None:
    system.pthread_set_qos_class_self_np.argtypes = [ctypes.c_uint, ctypes.c_int]
    system.pthread_set_qos_class_self_np(QOS_CLASS_UTILITY, 0)
