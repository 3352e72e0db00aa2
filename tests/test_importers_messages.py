"""Importer refusals and warnings in both languages: a Chinese run reads no English sentence,
an English one reads no Chinese, and the file and line stay named (issue 7 §4)."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from qiake_auditor.errors import StatementError, StatementWarning
from qiake_auditor.i18n import label_in
from qiake_auditor.importers import checks, csv_text, printed_times, text_encoding
from qiake_auditor.importers.base import all_importers
from qiake_auditor.ingest import read_statements

SOURCE = "账单.csv"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def english_words(text: str) -> list[str]:
    """Runs of four or more Latin letters: English words, not codes such as UTF-8 or CSV."""
    return [w for w in re.findall(r"[A-Za-z]{4,}", text) if w not in {"xlsx", "camt"}]


def assert_bilingual(problem: StatementError | StatementWarning, *in_english: str) -> str:
    """The zh text has no English words (and some Chinese), the en text no Chinese;
    returns the zh text for checks of its own."""
    assert problem.message_id is not None, "an English-only message without an id"
    zh, en = problem.text("zh"), problem.text("en")
    assert CHINESE.search(zh) and english_words(zh) == [], zh
    assert not CHINESE.search(re.sub(r"账单\.\w+", "", en)), en
    for words in in_english:
        assert words in en, en
    return zh


def refusal(call) -> StatementError:
    with pytest.raises(StatementError) as caught:
        call()
    return caught.value


def test_not_text_file() -> None:
    error = refusal(lambda: text_encoding.decode(bytes(range(256)) * 4, SOURCE))
    assert_bilingual(error, "not a text file")
    assert error.source == SOURCE


def test_file_cut_in_the_middle_of_a_character_names_the_line() -> None:
    data = "a,b\n1,2\n支付宝".encode()[:-1]
    error = refusal(lambda: text_encoding.decode_region(data, "utf-8", SOURCE))
    zh = assert_bilingual(error, "cut off")
    assert error.row == 3 and "第 3 行" in zh


def test_bytes_not_of_the_encoding_name_the_line_and_encoding() -> None:
    error = refusal(lambda: text_encoding.decode_region(b"a,b\n\xff\xfe,1\nok\n", "utf-8", SOURCE))
    assert_bilingual(error, "not valid utf-8")
    assert error.row == 2 and "utf-8" in error.text("zh")


def test_cut_last_line_names_its_line_and_field_counts() -> None:
    block = "a,b,c,d\n1,2,3,4\n5"
    error = refusal(lambda: csv_text._refuse_cut_last_line(block, 4, SOURCE))
    zh = assert_bilingual(error, "1 of 4 fields")
    assert error.row == 7 and "第 7 行" in zh and "1" in zh and "4" in zh


def test_overlong_csv_field_said_in_words() -> None:
    block = 'a,b\n1,2\n"' + "x" * 200_000 + "\n"
    error = refusal(lambda: csv_text._parse_tolerant(block, 0, SOURCE))
    zh = assert_bilingual(error, "longer than")
    assert "field larger" not in zh and error.row == 3


def test_unreadable_printed_time_names_value_and_row() -> None:
    raw = pd.Series(["2024/01/02", "yesterday"])
    error = refusal(
        lambda: printed_times.iso_times(
            raw, ["%Y/%m/%d"], SOURCE, rows=pd.Series([5, 6]), unit="row"
        )
    )
    assert error.row == 6 and error.unit == "row"
    assert "'yesterday'" in error.text("zh") and "is not a date" in error.text("en")
    assert CHINESE.search(error.text("zh"))


CAMT_HEAD = (
    '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:'
    'camt.053.001.04"><BkToCstmrStmt><Stmt><Id>7</Id>'
)


def test_camt_balance_warning_in_both_languages(tmp_path: Path) -> None:
    balance = (
        '<Bal><Tp><CdOrPrtry><Cd>{}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{}</Amt>'
        "<CdtDbtInd>CRDT</CdtDbtInd></Bal>"
    )
    entry = (
        '<Ntry><Amt Ccy="EUR">4.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>'
        "<BookgDt><Dt>2024-01-02</Dt></BookgDt></Ntry>"
    )
    body = balance.format("OPBD", "10.00") + balance.format("CLBD", "9.00") + entry
    path = tmp_path / "camt.xml"
    path.write_text(CAMT_HEAD + body + "</Stmt></BkToCstmrStmt></Document>", encoding="utf-8")
    ((statement),) = read_statements(path)
    (warning,) = statement.warnings
    assert isinstance(warning, StatementWarning)
    zh = assert_bilingual(warning, "closing balance 9.00 EUR")
    assert "10.00 EUR" in zh and "9.00 EUR" in zh and "-4.50" in zh


def test_damaged_xlsx_is_said_in_words(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>" * 500)
        archive.writestr("[Content_Types].xml", "<Types/>")
    path = tmp_path / "账单.xlsx"
    path.write_bytes(buffer.getvalue()[:300])  # cut before the ZIP's directory
    error = refusal(lambda: read_statements(path))
    zh = assert_bilingual(error, "cut off")
    assert error.source == "账单.xlsx"
    assert "zip file" not in zh and "File is not" not in error.text("en")


def test_no_format_label_shows_english_words_in_chinese() -> None:
    """Format names (OFX 1.x / QFX (SGML)) may stay as they are; "bank statement" may not."""
    for importer in all_importers():
        zh, en = label_in(importer.label, "zh"), label_in(importer.label, "en")
        words = re.findall(r"(?<![\w.-])[a-z]{3,}(?![\w.-])", zh)  # not camt.053, qiake-auditor
        assert words == [], importer.id
        assert not CHINESE.search(en), importer.id


@pytest.mark.parametrize("direction", ["expense", "income", "neutral"])
def test_declared_totals_of_one_row_are_singular_in_english(direction: str) -> None:
    one = checks.totals_differ(direction, 1, Decimal("28.50"), 2, Decimal("30.00"))
    assert f"declares 1 {direction} row totalling" in one
    assert isinstance(one, StatementWarning)
    assert_bilingual(one)
    two = checks.totals_differ(direction, 2, Decimal("28.50"), 1, Decimal("30.00"))
    assert f"declares 2 {direction} rows totalling" in two


def test_declared_record_count_of_one_is_singular_in_english() -> None:
    rows = pd.DataFrame({"direction": ["expense", "expense"], "amount": ["1.00", "2.00"]})
    (warning,) = checks.compare_totals(rows, 1, {})
    assert "it has 1 record;" in warning
    (one_read,) = checks.compare_totals(rows.iloc[:1], 3, {})
    assert one_read.text("en") == "the file says it has 3 records; 1 read"  # not "1 were read"
    assert one_read.text("zh") == "文件写明有 3 条记录；实际读到 1 条"


def test_one_control_character_is_said_in_the_singular(tmp_path) -> None:
    bank = tmp_path / "bank.csv"
    bank.write_text(
        "Date,Amount,Description\n2024-01-02,-5.00,coffee\n2024-01-03,-6.00,tea\x07\n",
        encoding="utf-8",
    )
    (statement,) = read_statements(bank)
    (one,) = [w for w in statement.warnings if "control_characters" in w.message_id]
    assert one.text("en") == (
        "bank.csv: 1 control character (NUL, BEL, ...) in the text was removed (on line 3)"
    )
    assert one.text("zh") == "bank.csv：文字中有 1 个控制字符（NUL、BEL 等，在第 3 行），已删除"
    bank.write_text(
        "Date,Amount,Description\n2024-01-02,-5.00,cof\x1bfee\n2024-01-03,-6.00,tea\x07\n",
        encoding="utf-8",
    )
    (statement,) = read_statements(bank)
    (two,) = [w for w in statement.warnings if "control_characters" in w.message_id]
    assert two.text("en") == (
        "bank.csv: 2 control characters (NUL, BEL, ...) in the text were removed "
        "(the first on line 2)"
    )


def workbook_bytes() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "2024"  # a sheet name is the file's own text, shown as it is
    sheet.append(["交易时间", "金额"])
    sheet.append(["2024-01-02 10:00:00", "29.00"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewritten(data: bytes, change) -> bytes:
    """The workbook with each member passed through ``change(name, bytes)`` (None drops it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = change(name, source.read(name))
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("change", "in_english"),
    [
        (lambda n, d: None if n.startswith("xl/worksheets/") else d, "lacks its worksheet"),
        (lambda n, d: d[: len(d) // 2] if n.startswith("xl/worksheets/") else d, "XML inside"),
    ],
    ids=["sheet missing", "sheet XML cut"],
)
def test_damaged_workbook_parts_said_in_words(tmp_path: Path, change, in_english: str) -> None:
    path = tmp_path / "账单.xlsx"
    path.write_bytes(rewritten(workbook_bytes(), change))
    error = refusal(lambda: read_statements(path))
    assert error.source == "账单.xlsx"
    assert_bilingual(error, in_english)
    assert "syntax error" not in error.text("zh")


def test_damaged_layout_names_the_missing_part_and_the_format_in_one_language(
    tmp_path: Path, monkeypatch
) -> None:
    from qiake_auditor.importers import wechat

    def missing(*args, **kwargs):
        raise KeyError("交易单号")

    monkeypatch.setattr(wechat.WeChatCsv, "read", missing)
    path = tmp_path / SOURCE
    path.write_bytes((Path(__file__).parent / "data/golden/wechat/wechat-bill.csv").read_bytes())
    error = refusal(lambda: read_statements(path))
    zh, en = error.text("zh"), error.text("en")  # the column is named as the file prints it
    assert (
        zh == "账单.csv：看起来是微信支付账单明细的格式，但其中一部分缺失或损坏（缺少 '交易单号'）"
    )
    assert en == (
        "账单.csv: the layout looks like WeChat Pay CSV but a part of it is missing or "
        "damaged ('交易单号' is missing)"
    )


@pytest.mark.parametrize(
    ("tail", "line", "in_english"),
    [
        ("\n<Ntry><Amt>1.00</Amt>\n<Cdt", 4, "ends before the document does"),
        ("\n<Ntry><Amt>1.00</Ntry>", 3, "a closing tag at column 18 does not match"),
        ("\n<Ntry>\x01</Ntry>", 3, "not allow, at column 7"),
    ],
    ids=["cut off", "mismatched tag", "bad character"],
)
def test_broken_camt_xml_said_in_words_naming_line(
    tmp_path: Path, tail: str, line: int, in_english: str
) -> None:
    path = tmp_path / "账单.xml"
    path.write_text(CAMT_HEAD + tail, encoding="utf-8")
    error = refusal(lambda: read_statements(path))
    zh = assert_bilingual(error, in_english, "broken XML (")
    assert error.row == line and f"第 {line} 行" in zh


def test_unusable_xml_encoding_said_in_words(tmp_path: Path) -> None:
    path = tmp_path / "账单.xml"
    path.write_text(CAMT_HEAD.replace('version="1.0"', 'version="1.0" encoding="QTF-8"'))
    error = refusal(lambda: read_statements(path))
    assert error.row == 1
    assert_bilingual(error, "names an encoding that cannot be used")


def test_unknown_status_names_the_state_it_was_read_as_in_the_users_language() -> None:
    _, (warning,) = checks.states(pd.Series(["待核实", "成功"]))
    assert warning.text("zh") == "未知的交易状态 '待核实'，按“成功”读取"
    assert warning.text("en") == "unknown status '待核实' read as success"


def test_wechat_workbook_without_its_header_is_refused_in_words() -> None:
    from openpyxl import Workbook

    from qiake_auditor.importers.base import Probe, ReadOptions
    from qiake_auditor.importers.wechat import WeChatXlsx2025

    book = Workbook()
    book.active.append(["微信支付账单明细"])
    buffer = io.BytesIO()
    book.save(buffer)
    probe = Probe("账单.xlsx", buffer.getvalue())
    error = refusal(lambda: WeChatXlsx2025().read(probe, ReadOptions()))
    assert error.source == "账单.xlsx"
    assert error.text("zh") == "账单.xlsx：没有一个工作表有 交易时间、交易类型、交易对方 表头"
    assert error.text("en") == "账单.xlsx: no sheet with the 交易时间, 交易类型, 交易对方 header"


def test_a_wallet_bill_whose_header_is_gone_is_refused_by_message_id() -> None:
    from qiake_auditor.importers import walletrows
    from qiake_auditor.importers.base import Probe

    data = "微信支付账单明细\n微信昵称：[某人]\n----\n2024-01-02,商户消费,某商户\n".encode()
    probe = Probe("微信支付账单.csv", data)
    error = refusal(lambda: walletrows.table(probe, ["交易时间", "交易类型", "交易对方"]))
    assert error.message_id == "statement.no_header_in_lines" and error.source == probe.name
    assert error.text("zh") == (
        "微信支付账单.csv：前 4 行中找不到含 交易时间、交易类型、交易对方 的表头行"
    )
    assert error.text("en") == (
        "微信支付账单.csv: no header line with 交易时间, 交易类型, 交易对方 in the first 4 lines"
    )
    one = refusal(
        lambda: walletrows.table(Probe("微信.csv", "微信支付账单明细\n".encode()), ["交易时间"])
    )
    assert one.text("en") == "微信.csv: no header line with 交易时间 in the first line"
    assert one.text("zh") == "微信.csv：第一行不是含 交易时间 的表头行"


def test_a_generic_table_lists_its_columns_and_rows_as_each_language_lists(tmp_path) -> None:
    from qiake_auditor.importers.base import ReadOptions

    bank = tmp_path / "bank.csv"
    bank.write_text("日期,金额,摘要\n2024-01-05,-15.49,网费\n", encoding="utf-8")
    options = ReadOptions(mapping={"date": "日期", "amount": "金额x"})
    error = refusal(lambda: read_statements(bank, options=options))
    assert error.text("zh").endswith("文件的列是：日期、金额、摘要")
    assert error.text("en").endswith("its columns are: 日期, 金额, 摘要")
    bank.write_text(
        "日期,金额,摘要\n2024-01-05,-15.49,网费\n,-1.00,a\n,-2.00,b\n", encoding="utf-8"
    )
    (statement,) = read_statements(bank)
    (warning,) = [w for w in statement.warnings if "rows_without_date" in w.message_id]
    assert "（第 3、4 行）" in warning.text("zh") and "(lines 3, 4)" in warning.text("en")


def test_one_row_without_a_date_is_said_in_the_singular(tmp_path) -> None:
    bank = tmp_path / "bank.csv"
    bank.write_text("日期,金额,摘要\n2024-01-05,-15.49,网费\n,-1.00,a\n", encoding="utf-8")
    (statement,) = read_statements(bank)
    (warning,) = [w for w in statement.warnings if "rows_without_date" in w.message_id]
    assert warning.text("en") == "1 row without a date was skipped (line 3)"
    assert warning.text("zh") == "1 行没有日期，已跳过（第 3 行）"
