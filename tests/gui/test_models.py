"""The numpy-sorted table models: Qt's model contract, numeric and date sorting, highlights."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from qiake_auditor.gui.ledger_model import LedgerModel
from qiake_auditor.gui.overview_page import upcoming_charges
from qiake_auditor.ledger import LEDGER_COLUMNS

pytestmark = pytest.mark.gui

DISPLAY = Qt.ItemDataRole.DisplayRole


def ledger_frame(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """Ledger rows from (time, amount, direction, merchant); other columns filled plainly."""
    records = []
    for number, (time, amount, direction, merchant) in enumerate(rows, start=2):
        record = dict.fromkeys(LEDGER_COLUMNS, "")
        record.update(
            source="a.csv",
            source_row=number,
            time=time,
            amount=amount,
            currency="CNY",
            direction=direction,
            state="success",
            merchant=merchant,
            counterparty=merchant,
        )
        records.append(record)
    frame = pd.DataFrame(records, columns=list(LEDGER_COLUMNS))
    frame["source_row"] = frame["source_row"].astype("int64")
    return frame


ROWS = [
    ("2025-03-15 03:12:00", "199.00", "expense", "深圳洽客科技有限公司"),
    ("2025-01-03 09:00:00", "25.00", "expense", "爱奇艺"),
    ("2025-02-10", "1000.00", "income", "上海云杉信息技术有限公司"),
    ("2025-01-20 12:00:00", "9.90", "expense", "便民微超"),
    ("2024-12-31 23:59:59", "25.00", "expense", "爱奇艺"),
]


def column(model, name: str) -> list[str]:
    at = model.COLUMNS.index(name)
    return [model.data(model.index(r, at), DISPLAY) for r in range(model.rowCount())]


def test_ledger_model_passes_the_model_tester(qtmodeltester):
    model = LedgerModel(ledger_frame(ROWS))
    qtmodeltester.check(model)
    model.sort(LedgerModel.COLUMNS.index("amount"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    assert model.rowCount() == 5 and model.columnCount() == len(LedgerModel.HEADERS)


def test_a_painted_cell_gets_from_multidata_what_data_answers_for_each_role():
    from PySide6.QtCore import QModelRoleData

    model = LedgerModel(ledger_frame(ROWS))
    model.sort(model.AMOUNT, Qt.SortOrder.DescendingOrder)  # view rows != data rows
    roles = [
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
    ]
    span = [QModelRoleData(int(role)) for role in roles]
    answered = 0
    for row in range(model.rowCount()):
        for at in range(model.columnCount()):
            index = model.index(row, at)
            for role_data in span:
                role_data.setData("left from the cell before")
            model.multiData(index, span)
            for role, role_data in zip(roles, span, strict=True):
                expected = model.data(index, role)
                assert role_data.data() == expected, (row, at, role)
                answered += expected is not None
    # every cell's text, the amounts' alignment, the one income's green
    assert answered == model.rowCount() * model.columnCount() + model.rowCount() + 1


def test_empty_ledger_model_is_valid(qtmodeltester):
    model = LedgerModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_amount_sorts_as_signed_numbers_not_text():
    model = LedgerModel(ledger_frame(ROWS))
    # Import order first, with the sign that says which way the money went.
    assert column(model, "amount") == ["-199.00", "-25.00", "+1,000.00", "-9.90", "-25.00"]
    model.sort(LedgerModel.COLUMNS.index("amount"), Qt.SortOrder.AscendingOrder)
    # As text "-9.90" would sort after "-25.00" and "+1000.00" first; numerically it is:
    assert column(model, "amount") == ["-199.00", "-25.00", "-25.00", "-9.90", "+1,000.00"]
    model.sort(LedgerModel.COLUMNS.index("amount"), Qt.SortOrder.DescendingOrder)
    assert column(model, "amount")[0] == "+1,000.00"
    assert column(model, "amount")[-1] == "-199.00"


def test_time_sorts_chronologically_with_and_without_clock_time():
    model = LedgerModel(ledger_frame(ROWS))
    model.sort(LedgerModel.COLUMNS.index("time"), Qt.SortOrder.AscendingOrder)
    assert column(model, "time") == [
        "2024-12-31 23:59:59",
        "2025-01-03 09:00:00",
        "2025-01-20 12:00:00",
        "2025-02-10",
        "2025-03-15 03:12:00",
    ]
    assert column(model, "merchant")[0] == "爱奇艺"


def test_source_row_sorts_numerically_and_rows_map_back():
    frame = ledger_frame(ROWS)
    frame.loc[0, "source_row"] = 100  # "100" < "3" as text
    model = LedgerModel(frame)
    model.sort(LedgerModel.COLUMNS.index("source_row"), Qt.SortOrder.AscendingOrder)
    assert column(model, "source_row") == ["3", "4", "5", "6", "100"]
    assert model.source_row(4) == 0  # the 洽客 row, first in the frame
    assert model.view_row(0) == 4


def test_persistent_indexes_follow_their_row_through_a_sort():
    model = LedgerModel(ledger_frame(ROWS))
    kept = QPersistentModelIndex(model.index(0, LedgerModel.COLUMNS.index("merchant")))
    model.sort(LedgerModel.COLUMNS.index("amount"), Qt.SortOrder.DescendingOrder)
    assert kept.row() == 4
    assert model.data(model.index(kept.row(), kept.column()), DISPLAY) == "深圳洽客科技有限公司"


def test_direction_and_state_are_shown_in_chinese():
    model = LedgerModel(ledger_frame(ROWS))
    assert column(model, "direction")[:3] == ["支出", "支出", "收入"]
    assert set(column(model, "state")) == {"成功"}


STREAMS = [
    {
        "id": "s1",
        "merchant": "爱奇艺",
        "type": "subscription",
        "cadence": "monthly",
        "currency": "CNY",
        "amount": "25.00",
        "count": 8,
        "net_total": "200.00",
        "next_expected": "2025-09-03",
        "status": "active",
        "flags": [],
        "charges": [],
    },
    {
        "id": "s2",
        "merchant": "深圳洽客科技有限公司",
        "type": "subscription",
        "cadence": "monthly",
        "currency": "CNY",
        "amount": "299.00",
        "count": 8,
        "net_total": "2092.00",
        "next_expected": "2025-09-15",
        "status": "active",
        "flags": ["after_cancellation", "price_increase"],
        "charges": [],
    },
    {
        "id": "s3",
        "merchant": "便民微超",
        "type": "subscription",
        "cadence": "monthly",
        "currency": "CNY",
        "amount": "9.90",
        "count": 3,
        "net_total": "29.70",
        "next_expected": None,
        "status": "inactive",
        "flags": [],
        "charges": [],
    },
]


def test_filter_keeps_the_sort_and_the_model_contract(qtmodeltester):
    model = LedgerModel(ledger_frame(ROWS))
    model.sort(LedgerModel.COLUMNS.index("amount"), Qt.SortOrder.AscendingOrder)
    model.set_filter(np.array([True, True, False, True, True]))
    qtmodeltester.check(model)
    assert column(model, "amount") == ["-199.00", "-25.00", "-25.00", "-9.90"]
    assert model.data_rows() == 5 and model.rowCount() == 4
    model.sort(LedgerModel.COLUMNS.index("amount"), Qt.SortOrder.DescendingOrder)
    assert column(model, "amount") == ["-9.90", "-25.00", "-25.00", "-199.00"]
    assert model.view_row(2) == -1  # the filtered-out income row
    model.set_filter(None)
    assert model.rowCount() == 5 and column(model, "amount")[0] == "+1,000.00"


def test_an_order_made_on_a_worker_is_used_only_for_the_sort_it_was_made_for():
    model = LedgerModel(ledger_frame(ROWS))
    amount = LedgerModel.COLUMNS.index("amount")
    model.sort(amount, Qt.SortOrder.AscendingOrder)
    keep = np.array([True, True, False, True, True])
    shown = model.filtered_order(keep)
    assert shown is not None
    model.set_filter(keep, shown)
    assert column(model, "amount") == ["-199.00", "-25.00", "-25.00", "-9.90"]
    stale = model.filtered_order(keep)
    model.sort(amount, Qt.SortOrder.DescendingOrder)  # the user sorted meanwhile
    model.set_filter(keep, stale)
    assert column(model, "amount") == ["-9.90", "-25.00", "-25.00", "-199.00"]
    made_before = model.filtered_order(keep)
    model.set_frame(ledger_frame(ROWS))  # new data, the same sort
    model.set_filter(None, made_before)
    assert model.rowCount() == 5


def test_upcoming_charges_within_the_window_sorted_by_date():
    scan = {
        "as_of": "2025-11-30",
        "streams": [
            dict(STREAMS[0], next_expected="2025-12-03"),
            dict(STREAMS[1], next_expected="2025-12-01", cancel_by="2025-11-24"),
            dict(STREAMS[2], next_expected="2026-01-15"),  # one day past 45 days
            dict(STREAMS[0], merchant="工资", type="income", next_expected="2025-12-10"),
            dict(STREAMS[0], merchant="停了", next_expected=None),
        ],
    }
    rows = upcoming_charges(scan, 45)
    assert [(r["date"], r["merchant"], r["cancel_by"], r["alert"]) for r in rows] == [
        ("2025-12-01", "深圳洽客科技有限公司", "2025-11-24", True),
        ("2025-12-03", "爱奇艺", "", False),
    ]
    assert [r["date"] for r in upcoming_charges(scan, 46)][-1] == "2026-01-15"
    assert upcoming_charges(None) == [] and upcoming_charges({"streams": []}) == []
