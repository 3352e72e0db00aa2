"""导出当前视图 writes what the transactions view shows: its rows (filtered, in the order
shown) and its columns (the user's hidden ones left out, moved ones where the user put
them, titles in the window's language), amounts as numbers in XLSX and exact in CSV; the
columns are the ones copying the rows writes."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qiake_auditor import exports
from qiake_auditor.gui import lang
from qiake_auditor.gui.ledger_page import LedgerPage

from .test_column_layout_kept import drag_section
from .test_ledger_page import ROWS, filtered  # the same five rows
from .test_models import ledger_frame

pytestmark = pytest.mark.gui

CURRENCY, MERCHANT, COUNTERPARTY, SOURCE, TXN = 2, 5, 6, 9, 11


def arranged_page(qtbot, window) -> LedgerPage:
    """The window's ledger with 币种 and 交易对方 hidden from the header menu, 商户
    dragged to the front, 交易号 dragged beside it, sorted by amount (ascending, signed)."""
    window.resize(1400, 600)
    window.tabs.setCurrentWidget(window.ledger_page)
    page = window.ledger_page
    qtbot.waitExposed(page)
    frame = ledger_frame(ROWS)
    frame["txn_id"] = [f"42000{n}" for n in range(len(frame))]
    frame.loc[2, "description"] = "=HYPERLINK(1)"
    page.set_frame(frame)
    for title in ("币种", "交易对方"):
        action = next(a for a in page.columns.menu().actions() if a.text() == title)
        action.setChecked(False)  # unticked in the header's menu
    header = page.view.horizontalHeader()
    drag_section(header, MERCHANT, 0)
    drag_section(header, TXN, 1)
    assert header.logicalIndex(0) == MERCHANT and header.logicalIndex(1) == TXN
    page.model.sort(1, Qt.SortOrder.AscendingOrder)
    return page


def export(qtbot, page: LedgerPage, message_mock, path: Path) -> Path:
    """Export the view through the window's worker and wait for the end of it."""
    message_mock.file_answers.append(str(path))
    assert page.export_view()
    qtbot.waitUntil(lambda: not page.window().busy, timeout=30000)
    assert message_mock.shown[-1][0] == "info", message_mock.shown[-1]
    return path


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


ZH_HEADER = [
    "商户",
    "交易号",
    "时间",
    "金额",
    "收/支",
    "状态",
    "商品说明",
    "支付方式",
    "来源文件",
    "行号",
]


def test_the_csv_has_the_columns_shown_in_their_order_and_the_rows_in_view_order(
    qtbot, window, message_mock, tmp_path
):
    page = arranged_page(qtbot, window)
    rows = read_csv(export(qtbot, page, message_mock, tmp_path / "view.csv"))
    assert rows[0] == ZH_HEADER
    assert [",".join(r) for r in rows[1:]] == [
        "深圳洽客科技有限公司,420000,2025-03-15 03:12:00,-1980.00,支出,成功,,,a.csv,2",
        "爱奇艺,420001,2025-01-03 09:00:00,-25.00,支出,成功,,,a.csv,3",
        "爱奇艺,420004,2024-12-31 23:59:59,-25.00,支出,成功,,,a.csv,6",
        "便民微超,420003,2025-01-20 12:00:00,-9.90,支出,成功,,,a.csv,5",
        "上海云杉信息技术有限公司,420002,2025-02-10,12345.00,收入,成功,'=HYPERLINK(1),,a.csv,4",
    ]
    assert message_mock.shown[-1][2] == f"已导出 5 笔交易到 {tmp_path / 'view.csv'}"
    filtered(qtbot, page, lambda: page.search.setText("爱奇艺"))
    rows = read_csv(export(qtbot, page, message_mock, tmp_path / "filtered.csv"))
    assert [r[:4] for r in rows[1:]] == [
        ["爱奇艺", "420001", "2025-01-03 09:00:00", "-25.00"],
        ["爱奇艺", "420004", "2024-12-31 23:59:59", "-25.00"],
    ]


def test_the_xlsx_has_the_columns_shown_and_amounts_as_numbers(
    qtbot, window, message_mock, tmp_path
):
    from openpyxl import load_workbook

    page = arranged_page(qtbot, window)
    path = export(qtbot, page, message_mock, tmp_path / "view.xlsx")
    sheet = load_workbook(path).active
    rows = [list(r) for r in sheet.iter_rows()]
    assert [c.value for c in rows[0]] == ZH_HEADER
    amounts = [r[3] for r in rows[1:]]
    assert all(c.data_type == "n" and c.number_format == "0.00" for c in amounts)
    assert [Decimal(str(c.value)) for c in amounts] == [
        Decimal(v) for v in ("-1980", "-25", "-25", "-9.9", "12345")
    ]
    assert [c.value for c in rows[1]] == [
        "深圳洽客科技有限公司",
        "420000",
        "2025-03-15 03:12:00",
        -1980,
        "支出",
        "成功",
        None,
        None,
        "a.csv",
        2,
    ]
    formula = rows[5][6]
    assert formula.value == "=HYPERLINK(1)" and formula.data_type == "s"  # text, not run
    assert all(c.data_type == "s" for c in (r[1] for r in rows[1:]))  # ids stay text


def test_the_export_and_a_copy_write_the_same_columns(qtbot, window, message_mock, tmp_path):
    page = arranged_page(qtbot, window)
    page.view.selectAll()
    copied = [line.split("\t") for line in page.copy_rows().splitlines()]
    exported = read_csv(export(qtbot, page, message_mock, tmp_path / "view.csv"))
    assert copied[0] == exported[0] == ZH_HEADER
    assert [r[0] for r in copied[1:]] == [r[0] for r in exported[1:]]
    assert copied[1][3] == "-1,980.00" and exported[1][3] == "-1980.00"  # shown, exact


def test_titles_and_labels_are_in_the_window_language(qtbot, message_mock, tmp_path):
    from qiake_auditor.gui.main_window import MainWindow

    lang.install(QApplication.instance(), "en")
    window = MainWindow(tmp_path / "workspace.sqlite")
    qtbot.addWidget(window)
    page = window.ledger_page
    page.set_frame(ledger_frame(ROWS[:3]))
    page.columns.set_visible(CURRENCY, False)
    page.columns.set_visible(SOURCE, False)
    rows = read_csv(export(qtbot, page, message_mock, tmp_path / "en.csv"))
    assert rows[0][:5] == ["Time", "Amount", "In/out", "Status", "Merchant"]
    assert "Currency" not in rows[0] and "Source file" not in rows[0]
    assert rows[1][1:4] == ["-1980.00", "expense", "success"]
    assert rows[3][1:3] == ["12345.00", "income"]


# -- a large view, written on the window's worker --------------------------------------

MANY = 3_000
SLICE = 500  # rows per slice in these tests: six slices, each reporting and hearing Stop


def many_rows() -> list[tuple[str, str, str, str]]:
    """Row n: 2024-01-01 plus n minutes, n.01 yuan, spent, merchant 商户{n % 7}."""
    return [
        (
            f"2024-01-{1 + n // 1440:02d} {n % 1440 // 60:02d}:{n % 60:02d}:00",
            f"{n}.01",
            "expense",
            f"商户{n % 7}",
        )
        for n in range(MANY)
    ]


@pytest.fixture
def large(qtbot, window, monkeypatch):
    """The window showing MANY rows, sorted by amount, largest first."""
    from qiake_auditor import exports

    monkeypatch.setattr(exports, "SLICE", SLICE)
    page = window.ledger_page
    page.set_frame(ledger_frame(many_rows()))
    page.model.sort(1, Qt.SortOrder.DescendingOrder)  # signed: -0.01 first, -2999.01 last
    return page


def cancel_after(monkeypatch, reports: int) -> list[float]:
    """The user presses Stop once the export has reported ``reports`` slices written;
    the fractions reported are returned (none may follow the stop)."""
    from qiake_auditor.gui.workers import SignalProgress

    said = SignalProgress.report
    fractions: list[float] = []

    def report(self, fraction: float, text: str = "") -> None:
        said(self, fraction, text)
        fractions.append(fraction)
        if len(fractions) == reports:
            self.cancel()

    monkeypatch.setattr(SignalProgress, "report", report)
    return fractions


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_large_view_is_written_on_the_worker_with_progress_and_stop(
    qtbot, window, large, message_mock, tmp_path
):
    from openpyxl import load_workbook

    bar: list[int] = []
    window.progress_bar.valueChanged.connect(bar.append)
    message_mock.file_answers.append(str(tmp_path / "large.xlsx"))
    assert large.export_view()
    assert window.busy and window.stop_button.isVisibleTo(window)  # started, not done here
    assert window.stop_button.toolTip() == "停止导出（不留下不完整的文件）"  # not the import's
    assert not large.export_button.isEnabled()
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    assert message_mock.shown[-1] == (
        "info",
        "导出当前视图",
        f"已导出 3,000 笔交易到 {tmp_path / 'large.xlsx'}",
    )
    moved = [v for v in bar if 0 < v < 100]
    assert len(moved) >= 4 and moved == sorted(moved)  # the bar went forward slice by slice
    sheet = load_workbook(tmp_path / "large.xlsx", read_only=True).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert len(rows) == MANY + 1 and rows[0][:2] == ["时间", "金额"]
    assert rows[1][:6] == ["2024-01-01 00:00:00", -0.01, "CNY", "支出", "成功", "商户0"]
    assert rows[-1][:6] == ["2024-01-03 01:59:00", -2999.01, "CNY", "支出", "成功", "商户3"]
    assert [r[1] for r in rows[1:]] == [-(n + 0.01) for n in range(MANY)]
    assert leftovers(tmp_path) == [] and large.export_button.isEnabled()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_stopped_export_leaves_no_file(
    qtbot, window, large, message_mock, tmp_path, monkeypatch, suffix
):
    reported = cancel_after(monkeypatch, 2)
    target = tmp_path / f"stopped{suffix}"
    message_mock.file_answers.append(str(target))
    assert large.export_view()
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    assert message_mock.shown[-1] == (
        "info",
        "导出当前视图",
        f"已停止导出。没有写入文件 {target}。",
    )
    assert not target.exists() and leftovers(tmp_path) == []
    share = 1.0 if suffix == ".csv" else exports._XLSX_ROWS_SHARE  # the rest: XLSX's parts
    assert reported == pytest.approx([share / 6, share * 2 / 6])  # stopped after two slices


def test_a_stopped_export_leaves_the_old_file_as_it_was(
    qtbot, window, large, message_mock, tmp_path, monkeypatch
):
    cancel_after(monkeypatch, 3)
    target = tmp_path / "kept.csv"
    target.write_bytes(b"the user's own file\r\n")
    message_mock.file_answers.append(str(target))
    assert large.export_view()
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    assert message_mock.shown[-1][2] == f"已停止导出。{target} 保持原样，没有改动。"
    assert target.read_bytes() == b"the user's own file\r\n" and leftovers(tmp_path) == []


def test_a_failed_export_says_so_and_leaves_the_old_file(
    qtbot, window, large, message_mock, tmp_path, monkeypatch
):
    from qiake_auditor.xlsx_sheet import SheetWriter

    appended = SheetWriter.add
    calls: list[int] = []

    def full_disk(sheet, rows):
        calls.append(len(rows))
        if len(calls) == 3:  # the header, then two slices
            raise OSError(28, "No space left on device")
        appended(sheet, rows)

    monkeypatch.setattr(SheetWriter, "add", full_disk)
    target = tmp_path / "old.xlsx"
    text = _failed_export_over(qtbot, window, large, message_mock, target)
    assert text.startswith("磁盘空间不足")  # the system's English worded in Chinese
    assert text.endswith(f"{target} 保持原样，没有改动。")
    assert target.read_bytes() == b"PK old" and leftovers(tmp_path) == []


def _failed_export_over(qtbot, window, page, message_mock, target: Path) -> str:
    """Export ``page`` over an old file at ``target``; the export fails: its message."""
    target.write_bytes(b"PK old")
    message_mock.file_answers.append(str(target))
    assert page.export_view()
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    kind, title, text = message_mock.shown[-1]
    assert (kind, title) == ("error", "导出失败")
    return text


def test_the_rows_written_are_those_of_the_moment_asked(
    qtbot, window, large, message_mock, tmp_path
):
    message_mock.file_answers.append(str(tmp_path / "asked.csv"))
    assert large.export_view()
    large.model.sort(1, Qt.SortOrder.AscendingOrder)  # changed while the worker writes
    large.columns.set_visible(CURRENCY, False)
    large.search.setText("商户3")
    large.apply_search(wait=True)
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    rows = read_csv(tmp_path / "asked.csv")
    assert rows[0][:3] == ["时间", "金额", "币种"]
    assert [r[1] for r in rows[1:]] == [f"-{n}.01" for n in range(MANY)]


def test_a_view_too_large_for_xlsx_is_offered_as_csv_before_any_work(
    qtbot, window, large, message_mock, tmp_path, monkeypatch
):
    from qiake_auditor import exports

    monkeypatch.setattr(exports, "XLSX_ROWS", MANY)  # the header and MANY - 1 rows fit
    target = tmp_path / "big.xlsx"
    message_mock.file_answers.append(str(target))
    message_mock.ask_answers.append(False)
    assert not large.export_view()
    kind, _title, text = message_mock.shown[-1]
    assert kind == "ask" and not window.busy
    assert text == (
        "big.xlsx：XLSX 工作表最多容纳 2,999 行交易（另加一行标题），要导出的有 3,000 行；"
        "请改为导出 CSV（没有行数限制），或先用筛选缩小范围\n\n改为导出 CSV 吗？"
    )
    assert list(tmp_path.iterdir()) == []
    message_mock.file_answers += [str(target), str(tmp_path / "big.csv")]
    message_mock.ask_answers.append(True)
    assert large.export_view()
    assert message_mock.shown[-1] == ("save_file", "导出当前视图", "CSV (*.csv)")
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    assert len(read_csv(tmp_path / "big.csv")) == MANY + 1
    assert not target.exists()
    filtered(qtbot, large, lambda: large.search.setText("商户3"))  # 429 rows fit in a sheet
    message_mock.file_answers.append(str(target))
    assert large.export_view()
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    assert message_mock.shown[-1][2] == f"已导出 429 笔交易到 {target}"


def test_in_english_the_window_says_so_in_english(qtbot, message_mock, tmp_path, monkeypatch):
    from qiake_auditor import exports
    from qiake_auditor.gui.main_window import MainWindow

    lang.install(QApplication.instance(), "en")
    monkeypatch.setattr(exports, "SLICE", SLICE)
    monkeypatch.setattr(exports, "XLSX_ROWS", MANY)
    window = MainWindow(tmp_path / "workspace.sqlite")
    qtbot.addWidget(window)
    page = window.ledger_page
    page.set_frame(ledger_frame(many_rows()))
    message_mock.file_answers.append(str(tmp_path / "big.xlsx"))
    message_mock.ask_answers.append(False)
    assert not page.export_view()
    assert message_mock.shown[-1][2].endswith(
        "narrow the view with the filters first\n\nExport as CSV instead?"
    )
    reported = cancel_after(monkeypatch, 1)
    message_mock.file_answers.append(str(tmp_path / "stopped.csv"))
    assert page.export_view()
    assert window.progress_bar.format() == "Exporting %p%"
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    assert len(reported) == 1
    assert message_mock.shown[-1] == (
        "info",
        "Export current view",
        f"Export stopped. Nothing was written to {tmp_path / 'stopped.csv'}.",
    )


def test_an_old_file_open_in_another_program_is_said_so(
    qtbot, window, large, message_mock, tmp_path, monkeypatch
):
    """On Windows the old export, open in Excel, cannot be replaced (staged here: Linux
    replaces open files)."""
    import os

    def refused(source, destination):
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(os, "replace", refused)
    target = tmp_path / "open in excel.xlsx"
    assert _failed_export_over(qtbot, window, large, message_mock, target) == (
        f"{target}：原来的文件不能被替换（它正被其他程序使用，例如在 Excel 或 WPS 中打开，"
        f"或是只读的）；请关闭那个程序，或换一个文件名再试\n\n{target} 保持原样，没有改动。"
    )
    assert target.read_bytes() == b"PK old" and leftovers(tmp_path) == []
