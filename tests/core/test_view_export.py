"""exports.write_view: only the fields given, in their order, under the titles given; the
amount signed and exact (CSV text, XLSX number with all its decimals), labels in the
language asked, accounts masked, formula payloads neutralised as in the ledger export."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from qiake_auditor.errors import UserError
from qiake_auditor.exports import write_view
from qiake_auditor.ledger import LEDGER_COLUMNS


def rows() -> pd.DataFrame:
    records = [
        ("2025-01-02", "0.125", "expense", "refund", "+1 trick", "DE89370400440532013000"),
        ("2025-01-03", "0.00", "expense", "success", "free trial", "零钱"),
        ("2025-01-04", "8.00", "neutral", "closed", "=1+1", "零钱"),
        ("2025-01-05", "1234567.50", "income", "success", "salary", "招商银行(1111)"),
    ]
    frame = pd.DataFrame(
        [
            dict(
                dict.fromkeys(LEDGER_COLUMNS, ""),
                time=t,
                amount=a,
                direction=d,
                state=s,
                description=text,
                method=m,
                source="a.csv",
                source_row=n,
            )
            for n, (t, a, d, s, text, m) in enumerate(records, start=2)
        ],
        columns=list(LEDGER_COLUMNS),
    )
    frame["source_row"] = frame["source_row"].astype("int64")
    return frame


FIELDS = ["amount", "state", "description", "method", "source_row"]


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_has_the_fields_given_under_their_titles_exactly(tmp_path):
    titles = ["Amount", "Status", "Description", "Payment method", "Row"]
    out = write_view(rows(), tmp_path / "v.csv", FIELDS, titles, "en")
    assert read_csv(out) == [
        titles,
        ["-0.125", "refund", "'+1 trick", "****3000", "2"],
        ["0.00", "success", "free trial", "零钱", "3"],  # no minus on nothing
        ["8.00", "closed", "'=1+1", "零钱", "4"],  # neutral: no sign
        ["1234567.50", "success", "salary", "招商银行(1111)", "5"],
    ]
    chinese = write_view(rows(), tmp_path / "zh.csv", ["direction", "state"], ["收/支", "状态"])
    assert read_csv(chinese) == [
        ["收/支", "状态"],
        ["支出", "退款"],
        ["支出", "成功"],
        ["不计收支", "已关闭"],
        ["收入", "成功"],
    ]


def test_xlsx_amounts_are_numbers_with_all_their_decimals(tmp_path):
    from openpyxl import load_workbook

    out = write_view(rows(), tmp_path / "v.xlsx", FIELDS, ["a", "b", "c", "d", "e"], "en")
    sheet = load_workbook(out).active
    table = [list(r) for r in sheet.iter_rows()]
    assert [c.value for c in table[0]] == ["a", "b", "c", "d", "e"]
    amounts = [r[0] for r in table[1:]]
    assert [c.data_type for c in amounts] == ["n"] * 4
    assert [c.number_format for c in amounts] == ["0.000", "0.00", "0.00", "0.00"]
    assert [Decimal(str(c.value)) for c in amounts] == [
        Decimal("-0.125"),
        Decimal("0"),
        Decimal("8"),
        Decimal("1234567.5"),
    ]
    assert table[3][2].value == "=1+1" and table[3][2].data_type == "s"
    assert table[1][3].value == "****3000" and table[1][4].value == 2


def test_full_accounts_and_bad_requests(tmp_path):
    out = write_view(rows(), tmp_path / "v.csv", ["method"], ["m"], full_accounts=True)
    assert read_csv(out)[1] == ["DE89370400440532013000"]
    with pytest.raises(ValueError):
        write_view(rows(), tmp_path / "w.csv", ["amount", "state"], ["only one"])
    with pytest.raises(UserError):
        write_view(rows(), tmp_path / "v.txt", ["amount"], ["a"])
    assert not (tmp_path / "w.csv").exists() and not (tmp_path / "v.txt").exists()
