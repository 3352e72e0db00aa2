"""Statements as a spreadsheet program or an editor leaves them, on hand-made values and on
the golden fixtures (whose ledgers are checked by hand in test_golden).

Each test names the mechanism it holds: times without seconds or slashed in every format
(printed_times), amounts in full-width digits (money_columns.normalize_amounts), a note
typed below the table (notes_below, for CSV and sheets), a CSV block cut inside its last record
(csv_text.parse_csv_block), an Alipay bill whose columns were moved, a CSV layout saved as
a workbook (sheet_text) and a workbook layout saved as CSV (text_sheet), OFX and camt.053
saved again as UTF-16, Excel's "Unicode Text" (tab_separated), a bill whose preamble was
deleted (csv_text.header_first), the 不计收支 of a wallet bill read by the generic reader.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from qiake_auditor.errors import StatementError
from qiake_auditor.importers import (
    csv_text,
    generic_values,
    notes_below,
    printed_times,
    tab_separated,
    text_encoding,
)
from qiake_auditor.importers.sheet_rows import sheet_frame
from qiake_auditor.ingest import read_statements
from qiake_auditor.money_columns import normalize_amounts
from tests.conftest import DATA

GOLDEN = DATA / "golden"
FACTS = ["source_row", "time", "amount", "direction", "state", "counterparty", "txn_id"]


def _rows(path: Path) -> pd.DataFrame:
    statements = read_statements(path)
    assert len(statements) == 1
    return statements[0].rows


def _same_rows(got: pd.DataFrame, want: pd.DataFrame, columns: list[str] = FACTS) -> None:
    assert got[columns].astype("str").to_dict("records") == (
        want[columns].astype("str").to_dict("records")
    )


# --- times ------------------------------------------------------------------------------


def test_every_format_takes_the_times_of_a_resaved_file() -> None:
    printed = pd.Series(
        ["2023-02-12 21:32", "2023/2/12 21:32:05", "2023/2/12 9:05", "2023/2/12", "2023-02-12"]
    )
    assert list(printed_times.iso_times(printed, ())) == [
        "2023-02-12 21:32:00",
        "2023-02-12 21:32:05",
        "2023-02-12 09:05:00",
        "2023-02-12",
        "2023-02-12",
    ]


def test_a_day_first_time_is_still_refused_naming_its_row() -> None:
    printed = pd.Series(["2023-02-12 21:32:05", "12/02/2023 21:32"])
    with pytest.raises(StatementError) as caught:
        printed_times.iso_times(printed, (), "bill.csv", pd.Series([5, 6]))
    assert caught.value.row == 6
    assert "12/02/2023 21:32" in caught.value.text("en")


def test_alipay_bill_without_seconds_reads_like_the_original(tmp_path: Path) -> None:
    fixture = GOLDEN / "alipay" / "alipay-2023.csv"
    data = fixture.read_bytes()
    # 2024-03-28 21:32:14 -> 2024-03-28 21:32 in every record (the preamble's [..] stay).
    lines = data.split(b"\n")
    header = next(i for i, line in enumerate(lines) if line.startswith("交易时间".encode("gbk")))
    for i in range(header + 1, len(lines)):
        if lines[i][:2] == b"20" and lines[i][19:20] == b" ":
            lines[i] = lines[i][:16] + b"   " + lines[i][19:]
    changed = tmp_path / "no-seconds.csv"
    changed.write_bytes(b"\n".join(lines))
    want, got = _rows(fixture), _rows(changed)
    assert list(got["time"]) == [t[:16] + ":00" for t in want["time"]]
    _same_rows(got, want, [c for c in FACTS if c != "time"])


# --- amounts ----------------------------------------------------------------------------


def test_full_width_amounts_are_read_and_other_text_still_refused() -> None:
    printed = pd.Series(["４９．７４", "－１，２３４．５", "12.00", "¥３", "１２", "x４", ""])
    amount, negative, valid = normalize_amounts(printed)
    assert list(valid) == [True, True, True, True, True, False, False]
    # full-width digits without a point were kept as they were ("１２.00"): now ASCII
    assert list(amount[valid]) == ["49.74", "1234.50", "12.00", "3.00", "12.00"]
    assert list(negative) == [False, True, False, False, False, False, False]


def test_full_width_amounts_in_a_bank_file(tmp_path: Path) -> None:
    fixture = GOLDEN / "icbc" / "credit.csv"
    lines = fixture.read_bytes().decode("utf-8").split("\n")  # CRLF: the \r stays
    want = _rows(fixture)
    wide = str.maketrans("0123456789.", "０１２３４５６７８９．")
    for number in want["source_row"]:
        fields = next(csv.reader([lines[number - 1]]))
        for i, field in enumerate(fields):
            core = field.strip(" \t")
            if re.fullmatch(r"-?[\d,]+\.\d\d", core):
                fields[i] = field.replace(core, core.translate(wide))
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(fields)
        lines[number - 1] = out.getvalue()
    changed = tmp_path / "wide.csv"
    changed.write_bytes("\n".join(lines).encode("utf-8"))
    assert "．" in "".join(lines)
    _same_rows(_rows(changed), want)


# --- a note below the table ---------------------------------------------------------------


def test_records_before_a_note() -> None:
    # lines 2-4 records, a blank line 5, then a note on line 6
    assert notes_below.records_before([3, 3, 3, 1], [2, 3, 4, 6], 3) == 3
    # no blank line above: a record to judge (a cut-off line, a missing amount)
    assert notes_below.records_before([3, 3, 3, 1], [2, 3, 4, 5], 3) == 4
    # a two-column table has records of one field
    assert notes_below.records_before([2, 1], [2, 4], 2) == 2
    # nothing but notes: they are what the table holds, to be judged
    assert notes_below.records_before([1, 1], [2, 4], 3) == 2
    # two fields filled: not a note
    assert notes_below.records_before([3, 2], [2, 4], 3) == 2


def test_a_note_below_a_csv_table_is_not_a_record() -> None:
    block = "时间,金额,对方\n2024-01-05,1.00,甲\n2024-01-06,2.00,乙\n\n核对过 2024-05-06\n"
    frame = csv_text.parse_csv_text(block, 3)
    assert list(frame["source_row"]) == [5, 6]
    next_to = csv_text.parse_csv_text(block.replace("\n\n", "\n"), 3)
    assert list(next_to["source_row"]) == [5, 6, 7]  # then judged by the importer


def test_a_note_below_a_sheet_is_not_a_record() -> None:
    rows: list[list[object]] = [
        ["时间", "金额", "对方"],
        [dt.datetime(2024, 1, 5), 1.0, "甲"],
        [None, None, None],
        ["核对过", None, None],
    ]
    assert list(sheet_frame(rows, 0, 1)["source_row"]) == [2]


# --- a cut-off CSV block ------------------------------------------------------------------


def test_a_block_to_the_end_cut_inside_its_last_record_is_refused() -> None:
    lines = ["日期,摘要,收入,支出", "2024-01-05,工资,100.00,", "2024-01-06,超"]
    with pytest.raises(StatementError) as caught:
        csv_text.parse_csv_block(lines, 0, None, "bank.csv")
    assert (caught.value.message_id, caught.value.row) == ("statement.cut_last_line", 3)
    # with its line end the last line is whole (a short record is the importer's to judge)
    assert len(csv_text.parse_csv_block([*lines, ""], 0, None, "bank.csv")) == 2
    # a block that ends before a footer is not the end of the file
    assert len(csv_text.parse_csv_block([*lines, "合计,1"], 0, 3, "bank.csv")) == 2


# --- Alipay columns moved --------------------------------------------------------------------


def _swapped(data: bytes, encoding: str, header_name: str) -> bytes:
    lines = data.decode(encoding).split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(header_name))
    for i in range(at, len(lines)):
        fields = lines[i].split(",")
        if len(fields) > 2 and not lines[i].startswith("-"):
            fields[0], fields[1] = fields[1], fields[0]
            lines[i] = ",".join(fields)
    return "\n".join(lines).encode(encoding)


def test_alipay_bill_with_its_first_columns_swapped(tmp_path: Path) -> None:
    fixture = GOLDEN / "alipay" / "alipay-2023.csv"
    changed = tmp_path / "moved.csv"
    changed.write_bytes(_swapped(fixture.read_bytes(), "gb18030", "交易时间"))
    statement = read_statements(changed)[0]
    assert statement.importer.id == "alipay-2023"
    _same_rows(statement.rows, _rows(fixture))


# --- a CSV layout saved as a workbook -------------------------------------------------------


def _typed(value: str) -> object:
    core = value.strip(" \t")
    try:
        return dt.datetime.strptime(core, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        pass
    try:
        return float(core) if "." in core and len(core) < 16 else value
    except ValueError:
        return value


def _as_workbook(text: str, records: set[int], break_in_row: int | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for number, fields in enumerate(csv.reader(io.StringIO(text)), start=1):
        for column, value in enumerate(fields, start=1):
            cell = value
            if number == break_in_row and column == 1:
                cell = value + "\n（第二行）"
            sheet.cell(number, column, _typed(cell) if number in records else cell)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_alipay_csv_saved_as_xlsx_reads_as_the_bill(tmp_path: Path) -> None:
    fixture = GOLDEN / "alipay" / "alipay-2023.csv"
    want = _rows(fixture)
    text = fixture.read_bytes().decode("gb18030")
    book = tmp_path / "alipay.xlsx"
    book.write_bytes(_as_workbook(text, set(want["source_row"]), break_in_row=2))
    statement = read_statements(book)[0]
    # before, the generic reader took it: every row income, the refund and closed ones too
    assert statement.importer.id == "alipay-2023"
    _same_rows(statement.rows, want)  # sheet rows: a line break inside a cell moves none


def test_an_error_in_a_csv_layout_saved_as_xlsx_names_the_sheet_row(tmp_path: Path) -> None:
    fixture = GOLDEN / "alipay" / "alipay-2023.csv"
    want = _rows(fixture)
    text = fixture.read_bytes().decode("gb18030")
    bad = int(want["source_row"].iloc[1])
    lines = text.split("\n")
    fields = lines[bad - 1].split(",")
    amount = next(i for i, f in enumerate(fields) if f.strip() == want["amount"].iloc[1])
    fields[amount] = "十二元"
    lines[bad - 1] = ",".join(fields)
    book = tmp_path / "alipay.xlsx"
    book.write_bytes(_as_workbook("\n".join(lines), set(want["source_row"]), break_in_row=2))
    with pytest.raises(StatementError) as caught:
        read_statements(book)
    assert (caught.value.row, caught.value.unit) == (bad, "row")
    assert f"alipay.xlsx, row {bad}" in caught.value.text("en")
    assert f"alipay.xlsx 第 {bad} 行" in caught.value.text("zh")
    assert "十二元" in caught.value.text("zh")


def test_a_warning_about_a_csv_layout_saved_as_xlsx_names_the_sheet_row(tmp_path: Path) -> None:
    # Excel turned one order number of a JD bill into a number (2.02401e+23); a line
    # break inside a cell above it makes the text written back one line longer.
    fixture = GOLDEN / "jd" / "jd-bill.csv"
    want = _rows(fixture)
    text, _ = _text_of(fixture)
    bad = int(want["source_row"].iloc[1])
    lines = text.split("\n")
    fields = lines[bad - 1].split(",")
    txn = next(i for i, f in enumerate(fields) if f.strip(" \t") == want["txn_id"].iloc[1])
    fields[txn] = "2.02401E+23"
    lines[bad - 1] = ",".join(fields)
    book = tmp_path / "jd.xlsx"  # row 3 of the preamble, 申请时间, holds the break
    book.write_bytes(_as_workbook("\n".join(lines), set(want["source_row"]), break_in_row=3))
    statement = read_statements(book)[0]
    assert statement.importer.id == "jd"
    found = [w for w in statement.warnings if "id_turned_into_number" in w.message_id]
    assert [w.message_id for w in found] == ["statement.id_turned_into_number.row.one"]
    assert found[0].fields["row"] == bad
    assert f"row {bad}" in found[0].text("en") and "line" not in found[0].text("en")


# --- UTF-16 copies of OFX and camt.053 --------------------------------------------------------


@pytest.mark.parametrize("relative", ["ofx/bank-sgml.ofx", "camt/v2-plain-status.xml"])
def test_utf16_copy_reads_like_the_original(relative: str, tmp_path: Path) -> None:
    fixture = GOLDEN / relative
    text = fixture.read_bytes().decode("utf-8-sig")
    changed = tmp_path / Path(relative).name
    changed.write_bytes(text.encode("utf-16"))
    want, got = read_statements(fixture)[0], read_statements(changed)[0]
    assert got.importer.id == want.importer.id
    _same_rows(got.rows, want.rows)


# --- the preamble deleted ---------------------------------------------------------------------


def _text_of(fixture: Path) -> tuple[str, str]:
    data = fixture.read_bytes()
    encoding = text_encoding.guess_encoding(data)
    assert encoding is not None
    return text_encoding.decode(data, fixture.name)[0], encoding


@pytest.mark.parametrize(
    ("relative", "format_id"),
    [
        ("alipay/alipay-2023.csv", "alipay-2023"),
        ("alipay/alipay-web.txt", "alipay-web"),
        ("wechat/wechat-bill.csv", "wechat-csv"),
        ("jd/jd-bill.csv", "jd"),
        ("icbc/credit.csv", "icbc-credit"),
    ],
)
def test_a_bill_whose_preamble_was_deleted_is_still_its_layout(
    relative: str, format_id: str, tmp_path: Path
) -> None:
    fixture = GOLDEN / relative
    text, encoding = _text_of(fixture)
    lines = text.split("\n")
    header = next(
        i
        for i, line in enumerate(lines)
        if line.lstrip().startswith(("交易时间", "交易日期", "交易号"))
    )
    changed = tmp_path / fixture.name
    changed.write_bytes("\n".join(lines[header:]).encode(encoding))
    statement = read_statements(changed)[0]
    assert statement.importer.id == format_id
    want = _rows(fixture).copy()
    want["source_row"] -= header
    _same_rows(statement.rows, want)


@pytest.mark.parametrize(
    ("relative", "format_id"),
    [
        ("alipay/alipay-2023.csv", "alipay-2023"),
        ("alipay/alipay-2021.csv", "alipay-2021"),
        ("alipay/alipay-web.txt", "alipay-web"),
        ("wechat/wechat-bill.csv", "wechat-csv"),
        ("jd/jd-bill.csv", "jd"),
        ("icbc/credit.csv", "icbc-credit"),
        ("icbc/debit-v1.csv", "icbc-debit"),
        ("icbc/debit-2024.csv", "icbc-debit-2024"),
    ],
)
def test_a_bill_with_a_title_typed_above_it_is_still_its_layout(
    relative: str, format_id: str, tmp_path: Path
) -> None:
    """A user's own heading (and a blank line) added on top in an editor, the way a
    bookkeeper labels a client's file: the layout's own title is then the third line."""
    fixture = GOLDEN / relative
    text, encoding = _text_of(fixture)
    changed = tmp_path / fixture.name
    changed.write_bytes(("张三 2024 年账单（客户 17）\n\n" + text).encode(encoding))
    statement = read_statements(changed)[0]
    assert statement.importer.id == format_id
    want = _rows(fixture).copy()
    want["source_row"] += 2
    _same_rows(statement.rows, want)


def test_generic_direction_words_of_wallet_bills() -> None:
    words, warnings = generic_values.directions(pd.Series(["支出", "收入", "不计收支", "/", "?"]))
    assert list(words) == ["expense", "income", "neutral", "neutral", ""]
    assert len(warnings) == 1 and "'?'" in warnings[0]


# --- Excel's "Unicode Text" --------------------------------------------------------------------


def test_tab_separated_utf16_is_read_as_csv() -> None:
    tsv = 'a\tb\tc\r\n1\t"x,y"\t3\r\n\r\n"多\n行"\t5\t6\r\n'
    assert tab_separated.as_csv(tsv.encode("utf-16")) == (
        'a,b,c\n1,"x,y",3\n\n"多\n行",5,6\n'.encode()
    )
    padded = "a\t,b\t,c\n1\t,2\t,3\n"  # commas between fields, tabs as padding
    assert tab_separated.as_csv(padded.encode("utf-16")) is None
    # Excel's 文本文件(制表符分隔): the system code page
    assert tab_separated.as_csv(tsv.encode("gb18030")) == tab_separated.as_csv(tsv.encode("utf-16"))
    indented = "<OFX>\n\t<BANKMSGSRSV1>\n\t\t<STMTTRNRS>\n\t\t\t<TRNUID>1\n"
    assert tab_separated.as_csv(indented.encode("utf-16")) is None
    assert tab_separated.as_csv(("x\n" + indented).encode()) is None


def test_wechat_bill_saved_as_unicode_text(tmp_path: Path) -> None:
    fixture = GOLDEN / "wechat" / "wechat-bill.csv"
    text, _ = _text_of(fixture)
    records = csv.reader(io.StringIO(text))
    tsv = "\r\n".join("\t".join(f.replace("\t", "") for f in r) for r in records)
    changed = tmp_path / "wechat.txt"
    changed.write_bytes(tsv.encode("utf-16"))
    statement = read_statements(changed)[0]
    assert statement.importer.id == "wechat-csv"
    assert statement.data == changed.read_bytes()  # the user's bytes are what is kept
    _same_rows(statement.rows, _rows(fixture))


# --- a workbook layout saved as CSV ------------------------------------------------------------


def _sheet_as_csv(fixture: Path) -> list[list[str]]:
    book = load_workbook(fixture)
    sheet = book.worksheets[0]
    out = []
    for row in sheet.iter_rows(values_only=True):
        cells = []
        for value in row:
            if isinstance(value, dt.datetime):
                value = f"{value.year}/{value.month}/{value.day} {value:%H:%M}"
            cells.append("" if value is None else str(value))
        out.append(cells)
    return out


def test_citic_workbook_saved_as_csv(tmp_path: Path) -> None:
    fixture = GOLDEN / "citic" / "citic-credit-layout.xlsx"
    rows = _sheet_as_csv(fixture)
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    changed = tmp_path / "citic.csv"
    changed.write_bytes(text.getvalue().encode("gb18030"))
    statement = read_statements(changed)[0]
    # before, generic-csv read it: each expense as income and the repayments as expenses
    assert statement.importer.id == "citic-credit"
    _same_rows(statement.rows, _rows(fixture), [c for c in FACTS if c != "time"])
    assert [t[:10] for t in statement.rows["time"]] == [t[:10] for t in _rows(fixture)["time"]]


def test_an_error_in_a_workbook_layout_saved_as_csv_names_the_line(tmp_path: Path) -> None:
    fixture = GOLDEN / "citic" / "citic-credit-layout.xlsx"
    want = _rows(fixture)
    rows = _sheet_as_csv(fixture)
    line = int(want["source_row"].iloc[0])
    amount = rows[next(i for i, r in enumerate(rows) if "结算金额" in r)].index("结算金额")
    rows[line - 1][amount] = "十二元"
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    changed = tmp_path / "citic.csv"
    changed.write_bytes(text.getvalue().encode("utf-8"))
    with pytest.raises(StatementError) as caught:
        read_statements(changed)
    assert (caught.value.row, caught.value.unit) == (line, "line")
    assert f"citic.csv, line {line}" in caught.value.text("en")
    assert f"citic.csv 第 {line} 行" in caught.value.text("zh")


def test_icbc_totals_line_found_when_the_columns_were_moved(tmp_path: Path) -> None:
    fixture = GOLDEN / "icbc" / "credit.csv"
    original = read_statements(fixture)[0]
    lines = fixture.read_bytes().decode("utf-8").split("\n")
    header = next(i for i, line in enumerate(lines) if line.lstrip().startswith("交易日期"))
    width = len(next(csv.reader([lines[header]])))
    for i in range(header, len(lines)):
        fields = next(csv.reader([lines[i]]), [])
        if len(fields) > 2:  # the header, the records and the 合计金额 line, as a sheet moves them
            fields += [""] * (width - len(fields))
            fields[0], fields[1] = fields[1], fields[0]
            out = io.StringIO()
            csv.writer(out, lineterminator="").writerow(fields)
            lines[i] = out.getvalue()
    assert "合计" in next(csv.reader([lines[-2] or lines[-3]]))[1]
    changed = tmp_path / "moved.csv"
    changed.write_bytes("\n".join(lines).encode("utf-8"))
    moved = read_statements(changed)[0]
    # before, the label in the second column was not seen: 'the file has no 合计 line'
    assert [str(w) for w in moved.warnings] == [str(w) for w in original.warnings]
    _same_rows(moved.rows, original.rows)


def test_a_zip_of_an_alipay_csv_saved_as_xlsx(tmp_path: Path) -> None:
    fixture = GOLDEN / "alipay" / "alipay-2023.csv"
    want = _rows(fixture)
    book = _as_workbook(fixture.read_bytes().decode("gb18030"), set(want["source_row"]))
    archive = tmp_path / "bills.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("支付宝.xlsx", book)
        out.writestr("支付宝.csv", fixture.read_bytes())
    statements = read_statements(archive)
    assert [s.importer.id for s in statements] == ["alipay-2023", "alipay-2023"]
    for statement in statements:
        _same_rows(statement.rows, want)
