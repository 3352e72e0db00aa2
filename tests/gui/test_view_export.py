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

from qiake_auditor.gui import lang
from qiake_auditor.gui.ledger_page import LedgerPage

from .test_column_layout_kept import drag_section
from .test_ledger_page import filtered
from .test_models import ledger_frame

pytestmark = pytest.mark.gui

ROWS = [
    ("2025-03-15 03:12:00", "1980.00", "expense", "深圳洽客科技有限公司"),
    ("2025-01-03 09:00:00", "25.00", "expense", "爱奇艺"),
    ("2025-02-10", "12345.00", "income", "上海云杉信息技术有限公司"),
    ("2025-01-20 12:00:00", "9.90", "expense", "便民微超"),
    ("2024-12-31 23:59:59", "25.00", "expense", "爱奇艺"),
]
CURRENCY, MERCHANT, COUNTERPARTY, SOURCE, TXN = 2, 5, 6, 9, 11


def arranged_page(qtbot) -> LedgerPage:
    """The ledger with 币种 and 交易对方 hidden from the header menu, 商户 dragged to the
    front, 交易号 dragged beside it, sorted by amount (ascending, signed)."""
    page = LedgerPage()
    qtbot.addWidget(page)
    page.resize(1400, 500)
    page.show()
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


def export(page: LedgerPage, message_mock, path: Path) -> Path:
    message_mock.file_answers.append(str(path))
    page.export_view()
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
    qtbot, message_mock, tmp_path
):
    page = arranged_page(qtbot)
    rows = read_csv(export(page, message_mock, tmp_path / "view.csv"))
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
    rows = read_csv(export(page, message_mock, tmp_path / "filtered.csv"))
    assert [r[:4] for r in rows[1:]] == [
        ["爱奇艺", "420001", "2025-01-03 09:00:00", "-25.00"],
        ["爱奇艺", "420004", "2024-12-31 23:59:59", "-25.00"],
    ]


def test_the_xlsx_has_the_columns_shown_and_amounts_as_numbers(qtbot, message_mock, tmp_path):
    from openpyxl import load_workbook

    page = arranged_page(qtbot)
    path = export(page, message_mock, tmp_path / "view.xlsx")
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


def test_the_export_and_a_copy_write_the_same_columns(qtbot, message_mock, tmp_path):
    page = arranged_page(qtbot)
    page.view.selectAll()
    copied = [line.split("\t") for line in page.copy_rows().splitlines()]
    exported = read_csv(export(page, message_mock, tmp_path / "view.csv"))
    assert copied[0] == exported[0] == ZH_HEADER
    assert [r[0] for r in copied[1:]] == [r[0] for r in exported[1:]]
    assert copied[1][3] == "-1,980.00" and exported[1][3] == "-1980.00"  # shown, exact


def test_titles_and_labels_are_in_the_window_language(qtbot, message_mock, tmp_path):
    lang.install(QApplication.instance(), "en")
    page = LedgerPage()
    qtbot.addWidget(page)
    page.set_frame(ledger_frame(ROWS[:3]))
    page.columns.set_visible(CURRENCY, False)
    page.columns.set_visible(SOURCE, False)
    rows = read_csv(export(page, message_mock, tmp_path / "en.csv"))
    assert rows[0][:5] == ["Time", "Amount", "In/out", "Status", "Merchant"]
    assert "Currency" not in rows[0] and "Source file" not in rows[0]
    assert rows[1][1:4] == ["-1980.00", "expense", "success"]
    assert rows[3][1:3] == ["12345.00", "income"]
