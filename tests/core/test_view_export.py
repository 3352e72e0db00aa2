"""exports.write_view: only the fields given, in their order, under the titles given; the
amount signed and exact (CSV text, XLSX number with all its decimals), labels in the
language asked, accounts masked, formula payloads neutralised as in the ledger export."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from qiake_auditor import exports
from qiake_auditor.errors import Cancelled, UserError
from qiake_auditor.exports import check_ledger_path, write_ledger, write_view
from qiake_auditor.ledger import LEDGER_COLUMNS
from qiake_auditor.progress import Progress


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


# -- written a slice at a time: progress, stop, the XLSX row limit ----------------------


class StopAfter(Progress):
    """Says Stop once ``reports`` reports came; keeps what was reported."""

    def __init__(self, reports: int) -> None:
        self.reports, self.said = reports, []

    def report(self, fraction: float, text: str = "") -> None:
        self.said.append(fraction)

    def cancelled(self) -> bool:
        return len(self.said) >= self.reports


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_slices_make_the_same_file_in_the_order_given(tmp_path, monkeypatch, suffix):
    from openpyxl import load_workbook

    monkeypatch.setattr(exports, "SLICE", 3)  # 4 rows: a slice of 3 and one of 1
    progress = StopAfter(99)
    out = write_view(
        rows(),
        tmp_path / f"o{suffix}",
        ["source_row", "amount"],
        ["row", "amount"],
        "en",
        order=np.array([3, 0, 2, 1]),
        progress=progress,
    )
    if suffix == ".csv":
        table = read_csv(out)
        assert read_csv(out)[1:] == [
            ["5", "1234567.50"],
            ["2", "-0.125"],
            ["4", "8.00"],
            ["3", "0.00"],
        ]
        assert out.read_bytes().count(b"\xef\xbb\xbf") == 1  # one BOM, one header
    else:
        table = [list(r) for r in load_workbook(out).active.iter_rows(values_only=True)]
        assert table[1:] == [[5, 1234567.5], [2, -0.125], [4, 8], [3, 0]]
    assert table[0] == ["row", "amount"] and len(table) == 5
    share = 1.0 if suffix == ".csv" else exports._XLSX_ROWS_SHARE
    assert progress.said == pytest.approx([share * 3 / 4, share, 1.0])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_stop_leaves_no_file_and_an_old_one_as_it_was(tmp_path, monkeypatch, suffix):
    monkeypatch.setattr(exports, "SLICE", 1)
    new, old = tmp_path / f"new{suffix}", tmp_path / f"old{suffix}"
    old.write_bytes(b"mine")
    for target in (new, old):
        progress = StopAfter(2)
        with pytest.raises(Cancelled):
            write_view(rows(), target, FIELDS, FIELDS, progress=progress)
        share = 1.0 if suffix == ".csv" else exports._XLSX_ROWS_SHARE
        assert progress.said == pytest.approx([share / 4, share / 2])
    with pytest.raises(Cancelled):  # stopped during the last slice: not renamed either
        write_ledger(rows(), new, progress=StopAfter(4))
    assert not new.exists() and old.read_bytes() == b"mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == [old.name]


def test_xlsx_holds_a_header_and_1048575_rows():
    assert check_ledger_path("v.xlsx", 1_048_575).name == "v.xlsx"
    assert check_ledger_path("v.csv", 5_000_000).name == "v.csv"
    with pytest.raises(UserError) as refused:
        check_ledger_path("v.xlsx", 1_048_576)
    assert refused.value.text("zh") == (
        "v.xlsx：XLSX 工作表最多容纳 1,048,575 行交易（另加一行标题），要导出的有 1,048,576 行；"
        "请改为导出 CSV（没有行数限制），或先用筛选缩小范围"
    )
    assert refused.value.text("en").startswith(
        "v.xlsx: an XLSX sheet holds at most 1,048,575 rows of transactions (and a header "
        "row), and 1,048,576 rows are to be exported; export them as CSV instead"
    )


def test_too_many_rows_for_xlsx_are_refused_before_any_work(tmp_path, monkeypatch):
    monkeypatch.setattr(exports, "XLSX_ROWS", 4)  # a header and three rows
    progress = StopAfter(99)
    for write in (
        lambda path: write_view(rows(), path, FIELDS, FIELDS, progress=progress),
        lambda path: write_ledger(rows(), path, progress=progress),
    ):
        with pytest.raises(UserError, match="at most 3 rows"):
            write(tmp_path / "v.xlsx")
        write(tmp_path / "v.csv")  # CSV has no limit
        assert len(read_csv(tmp_path / "v.csv")) == 5
    order = np.array([0, 1, 2])
    write_view(rows(), tmp_path / "v.xlsx", FIELDS, FIELDS, order=order)  # three fit
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.csv", "v.xlsx"]
