"""SheetWriter: an XLSX sheet made by Arrow kernels, read back by openpyxl and calamine."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from qiake_auditor.ooxml import column_letters
from qiake_auditor.xlsx_sheet import SheetWriter

TEXTS = [
    "a & b <c> \"d\" 'e'",  # XML's special characters
    '=HYPERLINK("http://x")',  # a formula's text: stays text
    "  two spaces around  ",
    "深圳洽客科技有限公司 ¥1,980",
    "tab\there, line\nbreak",
    "",  # no cell
    "控制\x0b字符\x00",  # XML cannot hold these: dropped
    "]]> &amp;",
]
AMOUNTS = ["-12.50", "1980.00", "0.125", "7", "", "abc", "1234567.8", "-0.0001"]


def _rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "description": pd.Series(TEXTS, dtype="str"),
            "amount": pd.Series(AMOUNTS, dtype="str"),
            "source_row": np.arange(1, len(TEXTS) + 1, dtype=np.int64),
        }
    )


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "s.xlsx"
    writer = SheetWriter(path, "ledger", ["说明 & <x>", "金额", "行"], amounts=["amount"])
    rows = _rows()
    writer.add(rows.iloc[:3])
    writer.add(rows.iloc[:0])  # an empty block adds nothing
    writer.add(rows.iloc[3:])
    writer.close()
    return path


WANT_TEXT = [
    "a & b <c> \"d\" 'e'",
    '=HYPERLINK("http://x")',
    "  two spaces around  ",
    "深圳洽客科技有限公司 ¥1,980",
    "tab\there, line\nbreak",
    None,
    "控制字符",
    "]]> &amp;",
]


def test_openpyxl_reads_back_every_cell(sheet) -> None:
    ws = load_workbook(sheet)["ledger"]
    table = [[(c.value, c.data_type, c.number_format) for c in row] for row in ws.iter_rows()]
    assert [v for v, _, _ in table[0]] == ["说明 & <x>", "金额", "行"]
    assert [row[0][0] for row in table[1:]] == WANT_TEXT
    assert all(row[0][1] in ("s", "n") and row[0][1] != "f" for row in table[1:])
    amounts = [(v, f) for v, _, f in (row[1] for row in table[1:])]
    assert amounts == [
        (-12.5, "0.00"),
        (1980, "0.00"),
        (0.125, "0.000"),
        (7, "0.00"),
        (None, "General"),
        ("abc", "General"),  # not a decimal: kept as text
        (1234567.8, "0.00"),
        (-0.0001, "0.0000"),
    ]
    assert [row[2][0] for row in table[1:]] == list(range(1, 9))


def test_calamine_reads_back_the_same(sheet) -> None:
    rows = CalamineWorkbook.from_path(str(sheet)).get_sheet_by_name("ledger").to_python()
    assert rows[0] == ["说明 & <x>", "金额", "行"]
    assert [r[0] for r in rows[1:]] == [t if t is not None else "" for t in WANT_TEXT]
    assert [r[1] for r in rows[1:]] == [-12.5, 1980.0, 0.125, 7.0, "", "abc", 1234567.8, -0.0001]


def test_every_part_is_well_formed_xml(sheet) -> None:
    with zipfile.ZipFile(sheet) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert "[Content_Types].xml" in names and "xl/worksheets/sheet1.xml" in names
        for name in names:
            ElementTree.fromstring(archive.read(name))  # raises on a malformed part


def test_column_names_go_past_z() -> None:
    letters = column_letters(60)
    assert letters[:3] == ["A", "B", "C"] and letters[25:28] == ["Z", "AA", "AB"]
    assert letters[51:53] == ["AZ", "BA"]
    assert column_letters(16384)[-1] == "XFD"  # Excel's last column


def test_many_rows_in_blocks(tmp_path) -> None:
    path = tmp_path / "many.xlsx"
    writer = SheetWriter(path, "ledger", ["n", "amount"], amounts=["amount"])
    n = 12_000
    for start in range(0, n, 5_000):
        stop = min(start + 5_000, n)
        writer.add(
            pd.DataFrame(
                {
                    "n": np.arange(start, stop, dtype=np.int64),
                    "amount": pd.Series([f"{i}.{i % 100:02d}" for i in range(start, stop)]),
                }
            )
        )
    writer.close()
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("ledger").to_python()
    assert len(rows) == n + 1
    assert rows[-1] == [float(n - 1), float(f"{n - 1}.{(n - 1) % 100:02d}")]
