"""Bad input through the CLI: exit 2, a message naming the file (and line/row) and what was
expected, no traceback, and the workspace exactly as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qiake_auditor.cli import main
from qiake_auditor.workspace import Workspace
from tests.test_archive import aes_zip, seeded_workspace, snapshot

GOLDEN = Path(__file__).parent / "data" / "golden"


def refused(tmp_path: Path, capsys, path: Path, *extra: str) -> str:
    """Import ``path`` into a workspace that already holds a statement; return stderr."""
    workspace = seeded_workspace(tmp_path)
    before = snapshot(workspace)
    capsys.readouterr()
    code = main(["import", str(path), "--workspace", str(workspace), *extra])
    captured = capsys.readouterr()
    assert code == 2, captured.err
    assert captured.err.startswith(f"error: {path.name}")
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    assert snapshot(workspace) == before
    return captured.err


def test_empty_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert "the file is empty" in refused(tmp_path, capsys, path)


def test_binary_junk(tmp_path: Path, capsys) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 40)
    err = refused(tmp_path, capsys, path)
    assert "not a statement" in err and "not text, not a spreadsheet" in err


def _last_row_start(data: bytes) -> int:
    return data.rstrip(b"\r\n").rfind(b"\n") + 1


def test_truncated_alipay_cut_before_the_amount(tmp_path: Path, capsys) -> None:
    data = (GOLDEN / "alipay" / "alipay-2023.csv").read_bytes()
    start = _last_row_start(data)
    line = data[:start].count(b"\n") + 1
    third_comma = start
    for _ in range(3):
        third_comma = data.index(b",", third_comma) + 1
    path = tmp_path / "支付宝交易明细(20240101-20240331).csv"
    path.write_bytes(data[:third_comma])  # 交易时间,交易分类,交易对方, and then nothing
    err = refused(tmp_path, capsys, path)
    assert f"{path.name}, line {line}:" in err and "cut off" in err


def test_truncated_alipay_cut_inside_a_character(tmp_path: Path, capsys) -> None:
    data = (GOLDEN / "alipay" / "alipay-2023.csv").read_bytes()
    start = _last_row_start(data)
    line = data[:start].count(b"\n") + 1
    first_wide = next(i for i in range(start, len(data)) if data[i] >= 0x80)
    path = tmp_path / "cut.csv"
    path.write_bytes(data[: first_wide + 1])  # half of a GBK character
    err = refused(tmp_path, capsys, path)
    assert f"cut.csv, line {line}:" in err and "cut off" in err


def test_header_without_rows_imports_nothing(tmp_path: Path, capsys) -> None:
    # Decision: a statement for a period without transactions is a valid export (a quiet
    # month); the user expects "0 rows", not an error. Exit 0, no rows added.
    path = tmp_path / "quiet-month.csv"
    path.write_text("交易日期,金额,对方户名\n", encoding="utf-8")
    workspace = seeded_workspace(tmp_path)
    before = snapshot(workspace)
    capsys.readouterr()
    assert main(["import", str(path), "--workspace", str(workspace), "--json"]) == 0
    assert '"rows": 0' in capsys.readouterr().out
    after = snapshot(workspace)
    assert after[1:] == before[1:]  # the same rows; only the (empty) statement is recorded


def test_wrong_password(tmp_path: Path, capsys) -> None:
    archive = aes_zip(tmp_path / "alipay.zip", "123456")
    err = refused(tmp_path, capsys, archive, "--password", "654321")
    assert "wrong password" in err


def test_corrupt_xlsx(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bank.xlsx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(4096))
    err = refused(tmp_path, capsys, path)
    assert "damaged" in err and ".xlsx workbook" in err


def test_huge_random_garbage_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "garbage.csv"
    with open(path, "wb") as handle:
        for _ in range(200):
            handle.write(os.urandom(1 << 20))
    workspace = seeded_workspace(tmp_path)
    before = snapshot(workspace)
    capsys.readouterr()
    code = main(["import", str(path), "--workspace", str(workspace)])
    err = capsys.readouterr().err
    assert code == 2 and "garbage.csv" in err and "not a statement" in err
    assert snapshot(workspace) == before


def test_map_naming_a_missing_column(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("交易日期,交易金额,摘要\n2024-01-01,-5.00,x\n", encoding="utf-8")
    err = refused(tmp_path, capsys, path, "--map", "date=交易日期,amount=金额")
    assert "line 1" in err and "'金额'" in err and "交易日期, 交易金额, 摘要" in err


def test_unreadable_date_names_the_row(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bank.csv"
    path.write_text(
        "Preamble\nDate,Amount,Payee\n2024-01-01,-5.00,x\n31/31/2024,-6.00,y\n", encoding="utf-8"
    )
    err = refused(tmp_path, capsys, path)
    assert "bank.csv, line 4:" in err and "'31/31/2024'" in err and "expected e.g." in err


def test_unreadable_date_in_a_spreadsheet_names_the_sheet_row(tmp_path: Path, capsys) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Transaction Date", "Amount", "Payee"])
    sheet.append(["2024-01-01", -5, "x"])
    sheet.append(["soon", -6, "y"])
    sheet.append(["2024-13-01", -7, "z"])
    path = tmp_path / "bank.xlsx"
    book.save(path)
    err = refused(tmp_path, capsys, path)
    assert "bank.xlsx, row 4:" in err and "'2024-13-01'" in err


@pytest.mark.parametrize("text", ["just some words\nand more words\n", "a;b\n"])
def test_text_that_is_no_table(tmp_path: Path, capsys, text: str) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    err = refused(tmp_path, capsys, path)
    assert "not a statement layout" in err and "--map" in err


@pytest.mark.parametrize(
    "printed, fake",
    [
        (b"2024-03-28 21:32:14", b"2024-13-45 21:32:14"),
        (b"2024-03-28 21:32:14", b"2024-02-30 21:32:14"),
        (b"2024-03-28 21:32:14", b"2024-03-28 25:61:00"),
    ],
)
def test_impossible_calendar_date_is_refused_naming_the_line(
    tmp_path: Path, capsys, printed: bytes, fake: bytes
) -> None:
    data = (GOLDEN / "alipay/alipay-2023.csv").read_bytes()
    assert printed in data
    path = tmp_path / "alipay.csv"
    path.write_bytes(data.replace(printed, fake, 1))
    line = data[: data.index(printed)].count(b"\n") + 1
    err = refused(tmp_path, capsys, path)
    assert f"alipay.csv, line {line}: time" in err


def _xlsx(sheet_cells: str, shared: str = "") -> bytes:
    """A minimal workbook written by hand (the parts calamine needs)."""
    import io
    import zipfile

    main_ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.worksheet+xml"/></Types>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0"?><workbook {main_ns} {rel_ns}><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0"?><worksheet {main_ns}><sheetData>'
            f"{sheet_cells}</sheetData></worksheet>"
        ),
    }
    if shared:
        parts["xl/sharedStrings.xml"] = (
            f'<?xml version="1.0"?><sst {main_ns}><si><t>{shared}</t></si></sst>'
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


_READ_IN_CHILD = (
    "import resource, sys\n"
    "from qiake_auditor.errors import StatementError\n"
    "from qiake_auditor.ingest import read_statements\n"
    "try:\n"
    "    read_statements(sys.argv[1])\n"
    "except StatementError as exc:\n"
    "    print(exc)\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


@pytest.mark.parametrize(
    "cells, shared, expected",
    [
        ('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "", "1,048,576 rows x 16,384"),
        ('<row r="100000"><c r="GR100000"><v>1</v></c></row>', "", "100,000 rows x 200 columns"),
        (
            '<row r="1">'
            + "".join(f'<c r="A{i}" t="s"><v>0</v></c>' for i in range(1, 4001))
            + "</row>",
            "x" * 10_000_000,
            "shared text of 10,000,000 bytes",
        ),
    ],
)
def test_hostile_workbook_is_refused_before_it_is_read(
    tmp_path: Path, cells: str, shared: str, expected: str
) -> None:
    # Read in a child process: before the check, calamine aborted the whole process
    # (exit 134) or took gigabytes.
    import subprocess
    import sys

    path = tmp_path / "hostile.xlsx"
    path.write_bytes(_xlsx(cells, shared))
    done = subprocess.run(
        [sys.executable, "-c", _READ_IN_CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    message, peak_kib = done.stdout.strip().rsplit("\n", 1)
    assert message.startswith("hostile.xlsx: ") and expected in message
    # The child's own start (pandas, pyarrow, calamine) takes about half a GiB in a fresh
    # environment; before the check these files took gigabytes or killed the process.
    # The bound is the issue's: at most 1 GiB for any one input.
    assert int(peak_kib) < 1024 * 1024


def test_row_of_a_million_fields_is_refused_naming_its_line(tmp_path: Path, capsys) -> None:
    # Found by benchmarks/fuzz.py: one row with a million commas made a million-column
    # frame (minutes; benchmarks/fuzz.py reports such hangs). Now refused, naming the line.
    data = (GOLDEN / "cmb/cmb-gbk.csv").read_bytes()
    lines = data.split(b"\n")
    lines[9] = lines[9].rstrip(b"\r") + b"," * 1_000_000 + b"\r"
    path = tmp_path / "cmb.csv"
    path.write_bytes(b"\n".join(lines))
    err = refused(tmp_path, capsys, path)
    assert "cmb.csv, line 10: a row of 1,000,00" in err


def test_directory_given_as_a_statement_is_refused(tmp_path: Path) -> None:
    from qiake_auditor.errors import StatementError
    from qiake_auditor.ingest import read_statements

    folder = tmp_path / "bills.csv"
    folder.mkdir()
    with pytest.raises(StatementError) as caught:
        read_statements(folder)
    assert str(caught.value) == "bills.csv: is a folder, not a statement file"


def test_number_too_long_for_exact_arithmetic_is_refused_not_a_crash(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    # Found by benchmarks/fuzz.py (6 of 10,000 inputs): Decimal raised InvalidOperation while
    # comparing declared totals, exit 1 without naming the file.
    import decimal

    from qiake_auditor.importers import checks

    def overflow(*args, **kwargs):
        raise decimal.InvalidOperation([decimal.InvalidOperation])

    monkeypatch.setattr(checks, "compare_totals", overflow)
    path = tmp_path / "wechat.csv"
    path.write_bytes((GOLDEN / "wechat/wechat-bill.csv").read_bytes())
    assert "missing or damaged" in refused(tmp_path, capsys, path)


def test_unknown_layout_in_both_languages_with_a_cli_only_hint(tmp_path: Path, capsys) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some words\nand more words\n", encoding="utf-8")
    workspace = tmp_path / "w.sqlite"
    assert main(["import", str(path), "--workspace", str(workspace), "--lang", "zh"]) == 2
    zh = capsys.readouterr().err
    assert zh.startswith("错误：notes.txt：不是本软件认识的账单格式") and "--map" in zh
    assert "not a statement layout" not in zh
    assert main(["import", str(path), "--workspace", str(workspace), "--lang", "en"]) == 2
    en = capsys.readouterr().err
    assert en.startswith("error: notes.txt: not a statement layout") and "hint: " in en


def test_the_window_form_of_the_unknown_layout_names_no_command_line_option() -> None:
    from qiake_auditor.errors import UnknownFormatError
    from qiake_auditor.importers.base import Probe, identify

    with pytest.raises(UnknownFormatError) as caught:
        identify(Probe("notes.txt", b"just some words\nand more words\n"))
    for lang in ("zh", "en"):  # what lang.error_text shows in the window
        assert caught.value.text(lang).startswith("notes.txt")
        assert "--map" not in caught.value.text(lang)
    assert "--map" in caught.value.hint("en") and "--map" in caught.value.hint("zh")


def test_statement_errors_render_file_and_row_in_both_languages() -> None:
    import pickle

    from qiake_auditor.errors import StatementError

    error = StatementError.of(
        "statement.unknown_layout", source="b.xlsx", row=4, unit="row", hint="x.y"
    )
    assert error.text("zh").startswith("b.xlsx 第 4 行：不是本软件")
    assert error.text("en").startswith("b.xlsx, row 4: not a statement layout")
    assert str(error) == error.text("en")
    copy = pickle.loads(pickle.dumps(error))
    assert copy.text("zh") == error.text("zh") and copy.hint_id == "x.y" and copy.row == 4


def test_control_characters_are_removed_at_import_and_reported_once(tmp_path: Path, capsys) -> None:
    import openpyxl

    path = tmp_path / "bank.csv"
    # A NUL in the first 64 KB makes the file binary (refused); further down it is text.
    filler = "".join(f"2024-02-01,-1.00,row {i:05d} of a long statement\n" for i in range(2500))
    path.write_text(
        "Date,Amount,Description\n"
        "2024-01-02,-5.00,coffee\n"
        "2024-01-03,-6.00,tea time\x07\n"
        "2024-01-04,-7.00,\x1b[31mred\n" + filler + "2024-03-01,-8.00,nul\x00 here\n",
        encoding="utf-8",
    )
    out = tmp_path / "ledger.xlsx"
    workspace = tmp_path / "w.sqlite"
    options = ["--workspace", str(workspace), "--out", str(out), "--currency", "CNY"]
    code = main(["import", str(path), *options])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    warnings = [line for line in captured.out.splitlines() if "warning" in line]
    assert warnings == [
        "  warning: bank.csv: 3 control characters (NUL, BEL, ...) in the text were removed "
        "(the first on line 3)"
    ]
    sheet = openpyxl.load_workbook(out).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "tea time" in cells and "[31mred" in cells and "nul here" in cells
    assert not any(ch in c for c in cells for ch in "\x00\x07\x1b\x85")


def test_c0_and_c1_characters_go_tab_and_newline_stay() -> None:
    import pandas as pd

    from qiake_auditor.importers.control_chars import remove_control_characters

    rows = pd.DataFrame(
        {
            "source_row": [7, 8, 9],
            "description": ["a\x00b\x1f", "multi\tline\nmemo", "c1\x85\x9f end\x7f"],
            "counterparty": ["a\x00b\x1f", "", "bank\x01"],
        }
    )
    removed = remove_control_characters(rows)
    assert removed is not None and (removed.count, removed.first_row) == (5, 7)
    assert rows["description"].tolist() == ["ab", "multi\tline\nmemo", "c1 end\x7f"]
    assert rows["counterparty"].tolist() == ["ab", "", "bank"]
    assert remove_control_characters(rows) is None


def test_every_message_id_the_importers_raise_is_in_the_catalogue() -> None:
    import re

    from qiake_auditor.i18n.catalogue import CATALOGUE

    package = Path(__file__).parents[1] / "qiake_auditor"
    sources = [package / "ingest.py", *sorted((package / "importers").glob("*.py"))]
    used: set[str] = set()
    for path in sources:
        code = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'\.of\(\s*"([a-z0-9_.]+)"', code))
        used |= set(re.findall(r'hint="([a-z0-9_.]+)"', code))
        for prefix in re.findall(r'\.of\(\s*f"([a-z0-9_.]+)\{', code):  # one id per variant
            assert any(key.startswith(prefix) for key in CATALOGUE), prefix
    assert len(used) > 40
    assert sorted(used - set(CATALOGUE)) == []


def test_a_dedicated_importer_refuses_and_warns_in_both_languages(tmp_path: Path) -> None:
    from qiake_auditor.errors import StatementError
    from qiake_auditor.ingest import read_statements

    path = tmp_path / "bad.ofx"
    path.write_text(
        "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKTRANLIST>"
        "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20241399<TRNAMT>-1<FITID>1</STMTTRN>"
        "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>",
        encoding="utf-8",
    )
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    assert caught.value.text("en").startswith("bad.ofx, entry 1: ")
    assert caught.value.text("zh").startswith("bad.ofx 第 1 条：")
    statement = tmp_path / "odd.sta"
    statement.write_text(
        ":20:X\n:25:1\n:28C:1\n:60F:C240101EUR1,00\n"
        ":61:2401020102D0,50S   NONREF\n:86:x\n:62F:C240102EUR0,50\n-\n",
        encoding="utf-8",
    )
    (read,) = read_statements(statement)
    (warning,) = read.warnings
    assert warning.startswith("line 5: transaction type 'S   '")
    assert warning.text("zh").startswith("第 5 行：交易类型 'S   '")


def test_a_huge_field_in_an_icbc_totals_line_is_read_not_a_crash(tmp_path: Path) -> None:
    from qiake_auditor.ingest import read_statements

    data = (GOLDEN / "icbc" / "debit-v1.csv").read_bytes()
    at = data.rindex("合计".encode()) + len("合计".encode())
    path = tmp_path / "icbc.csv"
    path.write_bytes(data[:at] + b"9" * 200_000 + data[at:])  # past csv's field limit
    (statement,) = read_statements(path)
    assert len(statement.rows) > 0


def test_a_refused_first_import_leaves_no_workspace_behind(tmp_path: Path, capsys) -> None:
    picture = tmp_path / "pic.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    workspace = tmp_path / "fresh.sqlite"
    assert main(["import", str(picture), "--workspace", str(workspace)]) == 2
    assert "pic.csv" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pic.csv"]


def test_a_refused_import_keeps_an_existing_empty_workspace(tmp_path: Path) -> None:
    workspace = tmp_path / "mine.sqlite"
    Workspace(workspace).close()  # the user's own (still empty) workspace
    before = workspace.read_bytes()
    picture = tmp_path / "pic.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert main(["import", str(picture), "--workspace", str(workspace)]) == 2
    assert workspace.read_bytes() == before


def test_the_byte_check_finds_every_text_the_regex_would_clean() -> None:
    import pyarrow as pa
    import pyarrow.compute as pc

    from qiake_auditor.importers.control_chars import CONTROL, may_hold_control

    clean = ["¥12.00 会员", "©·× ok", "", "洽客科技", "end\x7f", "\u00a0nbsp"]
    dirty = ["bell\x07", "c1 \x85", "\x9f", "nul\x00", "multi\tline", "x\n"]
    for text in clean + dirty:
        values = pa.array(["plain", text, "tail"], type=pa.large_string())
        expected = pc.count_substring_regex(values, CONTROL).to_pylist()[1] > 0
        if text in ("multi\tline", "x\n"):
            expected = True  # kept characters, but the texts are looked at closely
        assert may_hold_control(values) is expected, repr(text)
    # Only the texts in view count: a slice, the chunks of a chunked array.
    values = pa.array(["bell\x07", "ok", "¥", "c1\x85"], type=pa.large_string())
    assert may_hold_control(values.slice(1, 2)) is False
    assert may_hold_control(values.slice(2, 2)) is True
    assert may_hold_control(pa.chunked_array([values.slice(1, 1), values.slice(2, 1)])) is False
    assert may_hold_control(pa.chunked_array([values.slice(1, 1), values.slice(0, 1)])) is True
    assert may_hold_control(pa.array(["", ""], type=pa.large_string())) is False
    assert may_hold_control(pa.chunked_array([], type=pa.large_string())) is False
