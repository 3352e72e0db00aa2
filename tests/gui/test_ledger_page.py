"""The transactions view: filters computed off the GUI thread, selection totals, copy,
export of the current view, thousands separators."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QGuiApplication

from qiake_auditor.gui import ledger_page
from qiake_auditor.gui.ledger_page import LedgerPage

from .test_models import ledger_frame

pytestmark = pytest.mark.gui

ROWS = [
    ("2025-03-15 03:12:00", "1980.00", "expense", "深圳洽客科技有限公司"),
    ("2025-01-03 09:00:00", "25.00", "expense", "爱奇艺"),
    ("2025-02-10", "12345.00", "income", "上海云杉信息技术有限公司"),
    ("2025-01-20 12:00:00", "9.90", "expense", "便民微超"),
    ("2024-12-31 23:59:59", "25.00", "expense", "爱奇艺"),
]


@pytest.fixture
def page(qtbot, message_mock):
    widget = LedgerPage()
    qtbot.addWidget(widget)
    frame = ledger_frame(ROWS)
    frame.loc[1, "source"] = "b.csv"
    widget.set_frame(frame)
    return widget


def shown(page) -> list[str]:
    model = page.model
    return [model.frame.at[model.source_row(r), "merchant"] for r in range(model.rowCount())]


def filtered(qtbot, page, change) -> None:
    with qtbot.waitSignal(page.filtered, timeout=10000):
        change()
    qtbot.waitUntil(lambda: not page.filtering, timeout=10000)


def test_amounts_have_thousands_separators(page):
    amounts = [page.model.data(page.model.index(r, 1)) for r in range(5)]
    assert amounts[0] == "-1,980.00" and amounts[2] == "+12,345.00"


def test_text_search_runs_off_the_gui_thread(qtbot, page):
    filtered(qtbot, page, lambda: page.search.setText("爱奇艺"))
    assert shown(page) == ["爱奇艺", "爱奇艺"]
    assert page.matches.text() == "2 / 5 笔"


def test_each_filter_and_their_combination(qtbot, page):
    filtered(qtbot, page, lambda: page.direction.setCurrentIndex(page.direction.findData("income")))
    assert shown(page) == ["上海云杉信息技术有限公司"]
    page.clear_filters()
    assert page.model.rowCount() == 5
    filtered(qtbot, page, lambda: page.amount_min.setText("20"))
    filtered(qtbot, page, lambda: page.amount_max.setText("2000"))
    assert sorted(shown(page)) == sorted(["深圳洽客科技有限公司", "爱奇艺", "爱奇艺"])
    filtered(qtbot, page, lambda: page.set_dates("2025-01-01", "2025-01-31"))
    assert shown(page) == ["爱奇艺"]
    page.clear_filters()
    filtered(qtbot, page, lambda: page.source.setCurrentIndex(page.source.findData("b.csv")))
    assert shown(page) == ["爱奇艺"]
    page.clear_filters()
    filtered(qtbot, page, lambda: page.merchant.setText("洽客"))
    assert shown(page) == ["深圳洽客科技有限公司"]
    page.clear_filters()
    filtered(qtbot, page, lambda: page.state.setCurrentIndex(page.state.findData("refund")))
    assert shown(page) == []


def test_multi_row_selection_totals_copy_and_export(qtbot, page, window, tmp_path, message_mock):
    selection = page.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1, 2):
        selection.select(page.model.index(row, 0), flags)
    assert page.selected_rows() == [0, 1, 2]
    assert page.selection_label.text() == "已选 3 笔：支出 ¥2,005.00 · 收入 ¥12,345.00"
    text = page.copy_rows()
    lines = text.splitlines()
    assert lines[0].startswith("时间\t金额") and len(lines) == 4
    assert "深圳洽客科技有限公司" in lines[1]
    assert QGuiApplication.clipboard().text() == text
    page = window.ledger_page  # the export runs on the window's worker
    page.set_frame(ledger_frame(ROWS))
    filtered(qtbot, page, lambda: page.search.setText("爱奇艺"))
    message_mock.file_answers.append(str(tmp_path / "view.csv"))
    assert page.export_view()
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    exported = (tmp_path / "view.csv").read_text(encoding="utf-8-sig").strip().splitlines()
    assert len(exported) == 3 and all("爱奇艺" in line for line in exported[1:])


def test_a_large_ledger_is_prepared_on_a_worker_and_a_row_asked_for_meanwhile_is_shown(
    qtbot, message_mock, monkeypatch
):
    monkeypatch.setattr(ledger_page, "PREPARE_HERE", 2)
    widget = LedgerPage()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.set_frame(ledger_frame(ROWS))
        assert widget.loading and widget.model.rowCount() == 0
        assert not widget.export_button.isEnabled()
        assert widget.show_row("a.csv", 4)  # the third row: selected once it is shown
    assert not widget.loading and widget.model.rowCount() == 5
    assert widget.selected_rows() == [2]
    assert widget.export_button.isEnabled()
    assert widget.matches.text() == "共 5 笔"


def test_a_later_ledger_wins_over_one_still_being_prepared(qtbot, message_mock, monkeypatch):
    monkeypatch.setattr(ledger_page, "PREPARE_HERE", 2)
    widget = LedgerPage()
    qtbot.addWidget(widget)
    widget.set_frame(ledger_frame(ROWS))  # large: waits for a worker
    widget.set_frame(ledger_frame(ROWS[:1]))  # small: shown at once
    assert not widget.loading and widget.model.rowCount() == 1
    qtbot.wait(200)
    assert widget.model.rowCount() == 1 and widget.model.frame.at[0, "merchant"] == ROWS[0][3]


def test_a_search_is_applied_again_to_a_large_ledger_off_the_gui_thread(
    qtbot, message_mock, monkeypatch
):
    monkeypatch.setattr(ledger_page, "PREPARE_HERE", 2)
    widget = LedgerPage()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.set_frame(ledger_frame(ROWS))
    filtered(qtbot, widget, lambda: widget.search.setText("爱奇艺"))
    assert shown(widget) == ["爱奇艺", "爱奇艺"]
    with qtbot.waitSignal(widget.filtered, timeout=10000):
        widget.set_frame(ledger_frame(ROWS[:3]))  # a rescan: prepared, then filtered
    qtbot.waitUntil(lambda: not widget.filtering and not widget.loading, timeout=10000)
    assert shown(widget) == ["爱奇艺"] and widget.matches.text() == "1 / 3 笔"
    assert widget.date_from.date().toString("yyyy-MM-dd") == "2025-01-03"
    assert widget.date_to.date().toString("yyyy-MM-dd") == "2025-03-15"


def test_while_a_large_ledger_is_prepared_the_page_says_so_and_nothing_stale_can_be_used(
    qtbot, message_mock, monkeypatch, tmp_path
):
    monkeypatch.setattr(ledger_page, "PREPARE_HERE", 2)
    widget = LedgerPage()
    qtbot.addWidget(widget)
    widget.set_frame(ledger_frame(ROWS[:2]))  # small: shown at once
    assert widget.preparing.isHidden() and widget.view.isEnabled()
    widget.view.selectRow(0)
    assert widget.selected_rows() == [0]
    larger = ledger_frame(ROWS)
    larger.loc[1, "source"] = "b.csv"
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.set_frame(larger)
        assert widget.loading and widget.model.rowCount() == 2  # the previous ledger
        assert not widget.preparing.isHidden()
        assert widget.preparing.text() == "正在准备交易表…"
        assert not widget.view.isEnabled() and widget.selected_rows() == []
        assert widget.copy_rows() == "" and not widget.copy_button.isEnabled()
        assert not widget.search.isEnabled() and not widget.source.isEnabled()
        assert widget.matches.text() == "" and widget.selection_label.text() == ""
        message_mock.file_answers.append(str(tmp_path / "stale.csv"))
        widget.export_view()
        assert message_mock.shown[-1][2] == "交易表还在准备中，请稍后再导出。"
        widget.show_source("b.csv")  # a file double-clicked meanwhile: shown once ready
    assert not (tmp_path / "stale.csv").exists()
    assert widget.preparing.isHidden() and widget.view.isEnabled()
    assert widget.search.isEnabled() and widget.export_button.isEnabled()
    assert shown(widget) == ["爱奇艺"] and widget.matches.text() == "1 / 5 笔"


def test_the_totals_of_two_currencies_are_joined_in_the_window_language(qtbot, message_mock):
    from PySide6.QtWidgets import QApplication

    from qiake_auditor.gui import lang

    frame = ledger_frame(ROWS[:2])
    frame.loc[1, "currency"] = "USD"
    texts = {}
    for language in ("en", "zh"):
        lang.install(QApplication.instance(), language)
        widget = LedgerPage()
        qtbot.addWidget(widget)
        widget.set_frame(frame)
        widget.view.selectAll()
        texts[language] = widget.selection_label.text()
        if language == "en":  # the rows' words in English too
            assert widget.model.data(widget.model.index(0, 3)) == "expense"
    assert texts["en"] == "2 selected: out ¥1,980.00 · in ¥0.00; out $25.00 · in $0.00"
    assert widget.model.data(widget.model.index(0, 3)) == "支出"  # the zh page

    assert texts["zh"] == "已选 2 笔：支出 ¥1,980.00 · 收入 ¥0.00；支出 $25.00 · 收入 $0.00"
