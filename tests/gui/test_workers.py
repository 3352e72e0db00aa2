"""The worker runs plain core functions off the GUI thread and reports through signals."""

from __future__ import annotations

import threading

import pytest

from qiake_auditor.errors import Cancelled
from qiake_auditor.gui import workers

pytestmark = pytest.mark.gui


def count_up(limit: int, progress) -> tuple[int, str]:
    for step in range(limit):
        progress.check()
        progress.report(step / limit, f"step {step}")
    return limit, threading.current_thread().name


def test_task_result_and_progress_arrive_as_signals(qtbot):
    task = workers.Task(count_up, 4)
    seen: list[tuple[float, str]] = []
    task.signals.progress.connect(lambda f, t: seen.append((f, t)))
    with qtbot.waitSignal(task.signals.finished, timeout=10000) as blocker:
        workers.start(task)
    limit, thread = blocker.args[0]
    assert limit == 4 and thread != threading.current_thread().name
    qtbot.waitUntil(lambda: len(seen) == 4)
    assert seen[0] == (0.0, "step 0") and seen[-1] == (0.75, "step 3")


def test_a_cancelled_task_fails_with_cancelled(qtbot):
    task = workers.Task(count_up, 3)
    task.cancel()
    with qtbot.waitSignal(task.signals.failed, timeout=10000) as blocker:
        workers.start(task)
    assert isinstance(blocker.args[0], Cancelled)


def test_an_error_in_the_function_comes_back_as_failed(qtbot):
    def broken(progress):
        raise ValueError("bad row 7")

    task = workers.Task(broken)
    with qtbot.waitSignal(task.signals.failed, timeout=10000) as blocker:
        workers.start(task)
    assert str(blocker.args[0]) == "bad row 7"


def test_no_garbage_collection_while_tasks_run_and_after_the_last_one_again():
    import gc

    from qiake_auditor.gui.workers import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # a search while an import runs
            assert not gc.isenabled()
        assert not gc.isenabled()  # the import is still running
        built = [{"row": i} for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(built)  # what the tasks made is not traversed again


def test_preparations_run_one_after_the_other(qtbot):
    import itertools
    import threading
    import time

    from qiake_auditor.gui import workers

    spans: list[tuple[float, float]] = []
    lock = threading.Lock()

    def prepare(progress):
        start = time.perf_counter()
        time.sleep(0.05)
        with lock:
            spans.append((start, time.perf_counter()))

    tasks = [workers.start_preparing(workers.Task(prepare)) for _ in range(3)]
    qtbot.waitUntil(lambda: len(spans) == 3, timeout=5000)
    spans.sort()
    assert all(later[0] >= earlier[1] for earlier, later in itertools.pairwise(spans))
    assert len(tasks) == 3


def test_a_charts_data_is_made_between_preparations_not_beside_them(qtbot, monkeypatch):
    """Working out what a chart shows reads the case (Python, on the preparing thread):
    queued behind the table's preparation, never beside it."""
    import threading
    import time

    from qiake_auditor import chart_data
    from qiake_auditor.gui import workers
    from qiake_auditor.gui.chart_view import ChartView

    spans: dict[str, tuple[float, float]] = {}
    started = threading.Event()
    real = chart_data.monthly_layers

    def prepare(progress):
        start = time.perf_counter()
        started.set()
        time.sleep(0.3)
        spans["table"] = (start, time.perf_counter())

    def monthly(cases, lang):
        spans["chart"] = (time.perf_counter(), time.perf_counter())
        return real(cases, lang)

    monkeypatch.setattr(chart_data, "monthly_layers", monthly)
    view = ChartView()
    qtbot.addWidget(view)
    workers.start_preparing(workers.Task(prepare))
    assert started.wait(5)
    view.show_cases([])
    view.wait()
    assert not view.pending and view._image is not None
    assert spans["chart"][0] >= spans["table"][1]  # queued behind the table, not beside it


def test_after_paint_waits_then_starts_the_first_ones_first(qtbot):
    import time

    import shiboken6
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    owner, gone = QObject(), QObject()
    calls: list[tuple[str, float]] = []
    asked = time.monotonic()
    workers.after_paint(owner, lambda: calls.append(("table", time.monotonic())))
    workers.after_paint(owner, lambda: calls.append(("charges", time.monotonic())), first=True)
    workers.after_paint(gone, lambda: calls.append(("closed", time.monotonic())), first=True)
    workers.after_paint(owner, lambda: calls.append(("chart", time.monotonic())))
    shiboken6.delete(gone)  # its widget closed before the moment came: not called
    QApplication.processEvents()
    assert calls == []  # not in the turn that asked: the window paints first
    qtbot.waitUntil(lambda: len(calls) == 3, timeout=5000)
    assert [name for name, _ in calls] == ["charges", "table", "chart"]
    assert min(at for _, at in calls) - asked >= workers.PREPARE_AFTER_MS / 1000 - 0.01
    # asked again later: a new moment of its own
    workers.after_paint(owner, lambda: calls.append(("again", time.monotonic())))
    qtbot.waitUntil(lambda: len(calls) == 4, timeout=5000)
    qtbot.wait(workers.PREPARE_AFTER_MS + 50)
    assert [name for name, _ in calls] == ["charges", "table", "chart", "again"]
