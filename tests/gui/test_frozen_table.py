"""While the window works the transactions table shows a picture of itself, taken a
strip per turn of the event loop; a task starts once the picture is complete."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from qiake_auditor.gui import frozen_table
from qiake_auditor.gui.frozen_table import FrozenTable
from qiake_auditor.gui.ledger_page import LedgerPage

from .test_ledger_page import ROWS
from .test_models import ledger_frame

pytestmark = pytest.mark.gui


@pytest.fixture
def stack(qtbot, message_mock):
    page = LedgerPage()
    qtbot.addWidget(page)
    page.set_frame(ledger_frame(ROWS * 20))
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    return page.table_stack


def test_the_picture_is_taken_in_strips_and_equals_the_table_greyed(stack):
    expected = stack.view.grab()
    veil = QPainter(expected)
    veil.fillRect(expected.rect(), QColor(255, 255, 255, 110))
    veil.end()
    assert stack.view.height() > 3 * frozen_table.STRIP_PX
    called = []
    stack.freeze()
    stack.when_frozen(lambda: called.append(stack.frozen))
    assert not stack.frozen and called == []  # one strip taken: the rest on later turns
    turns = 0
    while not called:
        QApplication.processEvents()
        turns += 1
        assert turns < 100
    assert called == [True] and turns >= 3
    assert not stack.picture.pixmap().hasAlphaChannel()
    opaque = QImage.Format.Format_RGB32
    taken = stack.picture.pixmap().toImage().convertToFormat(opaque)
    assert taken.size() == stack.view.size()
    assert taken == expected.toImage().convertToFormat(opaque)


def test_thawed_while_the_picture_is_taken_the_table_stays_live(stack):
    called = []
    stack.freeze()
    stack.when_frozen(lambda: called.append("started"))
    stack.thaw()
    assert called == ["started"]
    for _ in range(20):
        QApplication.processEvents()
    assert stack.currentWidget() is stack.view and not stack.frozen


def test_with_no_picture_being_taken_the_call_is_at_once(qtbot):
    from PySide6.QtWidgets import QTableView

    stack = FrozenTable(QTableView())
    qtbot.addWidget(stack)
    called = []
    stack.when_frozen(lambda: called.append(1))
    assert called == [1]


def test_a_task_starts_only_once_the_table_is_pictured(qtbot, window, monkeypatch):
    from qiake_auditor.gui import workers

    window.ledger_page.set_frame(ledger_frame(ROWS * 20))
    window.resize(1400, 900)
    window.tabs.setCurrentWidget(window.ledger_page)
    window.show()
    qtbot.waitExposed(window)
    started = []
    real_start = workers.start
    monkeypatch.setattr(
        workers,
        "start",
        lambda task, pool=None: (
            started.append(window.ledger_page.frozen_picture) or real_start(task, pool)
        ),
    )
    window.reload()  # a scan of the workspace, on the worker
    assert window.busy and started == []
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    assert started == [True]
    qtbot.waitUntil(lambda: not window.busy, timeout=5000)


def test_a_window_closed_before_the_picture_is_taken_starts_no_task(qtbot, window, monkeypatch):
    from qiake_auditor.gui import workers

    window.ledger_page.set_frame(ledger_frame(ROWS * 20))
    window.resize(1400, 900)
    window.tabs.setCurrentWidget(window.ledger_page)
    qtbot.waitExposed(window)
    started = []
    monkeypatch.setattr(workers, "start", lambda task, pool=None: started.append(task))
    window.reload()
    assert window.busy
    window.close()
    qtbot.waitUntil(lambda: not window.busy, timeout=5000)
    assert started == []
