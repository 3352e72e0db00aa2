"""The Qt binding itself: calls into Qt must not corrupt the interpreter.

PySide6 6.12.0 lowered None's reference count at every call of a method that returns
nothing; on Python 3.11 the window then aborted ("none_dealloc") after some hundred
thousand calls of setText, update, processEvents... (pyproject keeps 6.12 out).
"""

from __future__ import annotations

import os
import subprocess
import sys

# In a fresh process: in the test session, threads of earlier tests still take and drop
# references to None meanwhile.
CALLS = """
import sys
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(250):
    label.setText("洽客")
    label.update()
    QThread.msleep(0)
    QApplication.processEvents()
print(sys.getrefcount(None) - before)
"""


def test_calls_that_return_nothing_leave_nones_reference_count_alone() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", CALLS], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert abs(int(done.stdout.strip().splitlines()[-1])) < 20  # the bug: -1,000
