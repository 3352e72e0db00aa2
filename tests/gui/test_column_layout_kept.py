"""The columns the user arranged are kept with the window layout: a column hidden from a
header's context menu, a width set, the cases list's sections dragged into another
order, on every table of the window, are there again when the window is started again
on the same workspace and settings; what the window and Qt size themselves is not kept."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHeaderView, QMenu

from qiake_auditor.gui.case_history_view import AttemptsTable
from qiake_auditor.gui.cases_view import NAME, PAID, POS, CasesView
from qiake_auditor.gui.header_columns import HeaderColumns, columns_of
from qiake_auditor.gui.main_window import MainWindow

from .test_cases_view import snapshot
from .test_main_window import wait_loaded

pytestmark = pytest.mark.gui

MERCHANT = 5  # the ledger's 商户 column
# The offscreen platform cannot raise the popup or give it the keyboard; harmless here.
POPUP = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def from_context_menu(qtbot, header: QHeaderView, text: str) -> None:
    """Right-click the header and choose ``text`` in the menu that opens."""
    chosen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text() == text)
        chosen.append(action.text())
        menu.close()
        action.trigger()

    QTimer.singleShot(50, choose)
    header.customContextMenuRequested.emit(QPoint(header.sectionViewportPosition(0) + 5, 5))
    qtbot.waitUntil(lambda: bool(chosen))


def drag_section(header: QHeaderView, column: int, to_visual: int) -> None:
    """Drag ``column``'s section by its middle onto the one shown at ``to_visual``."""
    viewport, y = header.viewport(), header.height() // 2
    start = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, y)
    end = QPoint(header.sectionViewportPosition(header.logicalIndex(to_visual)) + 5, y)
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(viewport, left, none, start)
    for step in range(1, 5):
        QTest.mouseMove(viewport, start + (end - start) * step / 4)
    QTest.mouseRelease(viewport, left, none, end)


def order(header: QHeaderView) -> list[int]:
    return [header.logicalIndex(visual) for visual in range(header.count())]


def restart(qtbot, window: MainWindow) -> MainWindow:
    """Close the window and start another on the same workspace (and settings)."""
    path = window.workspace_path
    window.close()
    again = MainWindow(path)
    qtbot.addWidget(again)
    again.resize(1360, 860)
    again.show()
    wait_loaded(qtbot, again, again.reload)
    return again


@POPUP
def test_a_column_hidden_from_the_menu_is_hidden_after_a_restart_and_can_be_shown(
    qtbot, window, message_mock
):
    wait_loaded(qtbot, window, window.open_demo)
    header = window.ledger_view.horizontalHeader()
    from_context_menu(qtbot, header, "商户")
    assert header.isSectionHidden(MERCHANT)
    charges = window.charges.horizontalHeader()
    from_context_menu(qtbot, charges, "原因")
    assert charges.isSectionHidden(4)
    again = restart(qtbot, window)
    header = again.ledger_view.horizontalHeader()
    assert header.isSectionHidden(MERCHANT)
    assert again.charges.horizontalHeader().isSectionHidden(4)
    shown = [a for a in again.ledger_page.columns.menu().actions() if a.text() == "商户"]
    assert len(shown) == 1 and shown[0].isCheckable() and not shown[0].isChecked()
    from_context_menu(qtbot, header, "商户")  # ticked again
    assert not header.isSectionHidden(MERCHANT) and header.sectionSize(MERCHANT) > 40
    third = restart(qtbot, again)
    assert not third.ledger_view.horizontalHeader().isSectionHidden(MERCHANT)
    assert third.charges.horizontalHeader().isSectionHidden(4)


def test_the_cases_list_order_and_widths_are_kept_and_the_defaults_restored(
    qtbot, window, message_mock
):
    wait_loaded(qtbot, window, window.open_demo)
    header = window.cases_view.tree.header()
    assert header.sectionsMovable()
    drag_section(header, POS[PAID], 1)  # 已付合计 dragged beside the name
    moved = order(header)
    assert moved[:2] == [POS[NAME], POS[PAID]] and sorted(moved) == list(range(header.count()))
    header.resizeSection(POS[NAME], 230)
    charges = window.charges.horizontalHeader()
    charges.resizeSection(0, 140)
    again = restart(qtbot, window)
    header = again.cases_view.tree.header()
    assert order(header) == moved
    assert header.sectionSize(POS[NAME]) == 230
    assert again.charges.horizontalHeader().sectionSize(0) == 140
    tree = again.cases_view.tree
    assert tree.headerItem().text(header.logicalIndex(1)) == "已付合计"
    assert tree.topLevelItem(0).text(header.logicalIndex(1)).startswith("¥")
    again.cases_view.columns.restore_defaults()
    assert order(header) == list(range(header.count()))
    assert header.sectionSize(POS[NAME]) != 230
    third = restart(qtbot, again)
    assert order(third.cases_view.tree.header()) == list(range(header.count()))
    assert third.cases_view.columns.widths == {}


def test_what_the_window_and_qt_size_themselves_is_not_kept(qtbot, window, message_mock):
    """Loading, rescans, a case's tables, resizes, the tabs, a style: no user's width."""
    window.resize(1280, 720)
    wait_loaded(qtbot, window, window.open_demo)
    for case in window.view.snapshot.cases[:6]:
        window.cases_view.select_case(case.id)
    window.cases_view.tree.expandAll()
    window.case_detail.side.setCurrentIndex(3)  # the price, retry and refund tables
    for tab in (1, 2, 0):
        window.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
    for size in ((900, 600), (1700, 1000), (1100, 700)):
        window.resize(*size)
        QApplication.processEvents()
    app = QApplication.instance()
    style = app.style().name()
    app.setStyle("Windows")
    QApplication.processEvents()
    app.setStyle(style)
    wait_loaded(qtbot, window, window.reload)
    chosen = {c.name: c for c in window.findChildren(HeaderColumns)}
    assert set(chosen) == {
        "cases",
        "charges",
        "prices",
        "attempts",
        "refunds",
        "ledger",
        "upcoming",
    }
    assert {
        n: (c.widths, c.visible, c.order) for n, c in chosen.items() if c.widths or c.order
    } == {}


def test_a_layout_kept_for_other_columns_or_unreadable_is_not_used(qtbot):
    settings = QSettings()
    cases = {"version": 1, "columns": 11, "widths": {"0": 300}, "order": list(range(11))}
    settings.setValue("window/columns/cases", json.dumps(cases))  # another version's list
    view = CasesView()
    qtbot.addWidget(view)
    assert (view.columns.widths, view.columns.order) == ({}, [])
    count = view.tree.columnCount()
    every_hidden = {"columns": count, "visible": {str(c): False for c in range(count)}}
    settings.setValue("window/columns/cases", json.dumps(every_hidden))
    view = CasesView()
    qtbot.addWidget(view)
    assert view.columns.visible == {}  # never every column hidden
    for kept in ("not json", json.dumps({"widths": {"x": 1}}), json.dumps({"order": [0, 0]})):
        settings.setValue("window/columns/cases", kept)
        view = CasesView()
        qtbot.addWidget(view)
        assert (view.columns.widths, view.columns.order) == ({}, [])
        view.set_snapshot(snapshot())  # fits itself


def test_the_case_history_tables_have_the_menu_and_keep_a_width(qtbot):
    table = AttemptsTable()
    qtbot.addWidget(table)
    table.show_case(None)
    header = table.horizontalHeader()
    columns = columns_of(header)
    assert columns is not None and columns.name == "attempts"
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    assert len([a for a in columns.menu().actions() if a.isCheckable()]) == 6
    header.resizeSection(1, 190)
    table.show_case(None)  # filled again: fitted, but the user's width
    assert header.sectionSize(1) == 190
    assert header.sectionSize(0) >= header.sectionSizeHint(0)
    again = AttemptsTable()
    qtbot.addWidget(again)
    assert again.horizontalHeader().sectionSize(1) == 190
