"""Chinese bank importers (ICBC, CCB, CMB, CITIC, SPDB) on real samples and hand-made files.

Numbers below were read off the files by hand: row counts, amounts at given
lines/rows, and per-direction sums added up on paper.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from qiake_auditor import ledger
from qiake_auditor.errors import StatementError
from qiake_auditor.importers import bankrows, base
from qiake_auditor.ingest import read_statements
from qiake_auditor.money_columns import sum_amounts
from tests.conftest import sample

GOLDEN = Path(__file__).parent / "data" / "golden"
BANK_IDS = (
    "icbc-credit",
    "icbc-debit",
    "icbc-debit-2024",
    "ccb-xls",
    "ccb-txt",
    "cmb-csv",
    "citic-credit",
    "spdb-debit",
)
FIXTURES = {
    "icbc/credit.csv": "icbc-credit",
    "icbc/debit-v1.csv": "icbc-debit",
    "icbc/debit-2024.csv": "icbc-debit-2024",
    "ccb/ccb-xls-layout.xlsx": "ccb-xls",
    "ccb/ccb.txt": "ccb-txt",
    "cmb/cmb-gbk.csv": "cmb-csv",
    "citic/citic-credit-layout.xlsx": "citic-credit",
    "spdb/spdb-debit-layout.xlsx": "spdb-debit",
}


def _read(path: Path):
    (statement,) = read_statements(path)
    return statement


def _row(rows: pd.DataFrame, source_row: int) -> pd.Series:
    hit = rows[rows["source_row"] == source_row]
    assert len(hit) == 1, f"no single row at {source_row}"
    return hit.iloc[0]


def _total(rows: pd.DataFrame, direction: str) -> Decimal:
    return sum_amounts(rows.loc[rows["direction"] == direction, "amount"])


# --- real samples ---------------------------------------------------------------------------


def test_icbc_credit_sample() -> None:
    statement = _read(sample("icbc/example-icbc-credit-records.csv"))
    rows = statement.rows
    assert statement.importer.id == "icbc-credit"
    assert len(rows) == 9
    assert rows["source_row"].tolist() == list(range(8, 17))  # header on line 7
    first = _row(rows, 8)
    assert (first["time"], first["amount"], first["direction"]) == (
        "2023-04-22",
        "0.01",
        ledger.EXPENSE,
    )
    assert first["category"] == "银联在线支付" and first["description"] == "XX旗舰店"
    repay = _row(rows, 13)
    assert (repay["amount"], repay["direction"], repay["category"]) == (
        "4621.01",
        ledger.INCOME,
        "人民币自动转帐还款",
    )
    assert _row(rows, 10)["description"] == "支付宝-金拱门(中国)有限公司"
    assert _row(rows, 16)["amount"] == "29.45"
    assert set(rows["method"]) == {"工商银行(5678)"}
    assert set(rows["currency"]) == {"CNY"} and set(rows["state"]) == {ledger.SUCCESS}
    # 0.01+18+26+12.35+17.32+238+22+29.45 = 363.13
    assert _total(rows, ledger.EXPENSE) == Decimal("363.13")
    assert _total(rows, ledger.INCOME) == Decimal("4621.01")
    # The sample's footer was anonymised (1234.56 / 6543.21): both totals are reported.
    assert len(statement.warnings) == 2
    assert "1234.56" in statement.warnings[0] and "4621.01" in statement.warnings[0]
    assert "6543.21" in statement.warnings[1] and "363.13" in statement.warnings[1]


def test_icbc_debit_2024_sample() -> None:
    statement = _read(sample("icbc/example-icbc-debit-v2-records.csv"))
    rows = statement.rows
    assert statement.importer.id == "icbc-debit-2024"
    assert len(rows) == 11
    assert rows["source_row"].tolist() == list(range(8, 19))
    macdonalds = _row(rows, 8)
    assert (macdonalds["amount"], macdonalds["direction"]) == ("13.40", ledger.EXPENSE)
    assert macdonalds["counterparty"] == "深圳市财付通支付科技有限公司"
    assert macdonalds["description"] == "广东三元麦当劳食品有"
    repay = _row(rows, 9)
    assert (repay["amount"], repay["direction"], repay["category"]) == (
        "1234.56",
        ledger.EXPENSE,
        "自动还款",
    )
    fund = _row(rows, 14)
    assert (fund["amount"], fund["direction"], fund["time"]) == (
        "341.58",
        ledger.INCOME,
        "2023-02-28",
    )
    red_packet = _row(rows, 18)
    assert (red_packet["amount"], red_packet["direction"]) == ("1.04", ledger.INCOME)
    assert red_packet["merchant"] == "微信红包"
    assert set(rows["method"]) == {"工商银行(9876)"}
    # expense 13.40+1234.56+1234.56+500+1234.56+24 ; income 1234.56+1234.56+341.58+30+1.04
    assert _total(rows, ledger.EXPENSE) == Decimal("4241.08")
    assert _total(rows, ledger.INCOME) == Decimal("2841.74")
    assert len(statement.warnings) == 2
    assert "人民币合计" in statement.warnings[0] and "1234.56" in statement.warnings[0]
    assert "9876.54" in statement.warnings[1] and "4241.08" in statement.warnings[1]


def test_ccb_sample() -> None:
    statement = _read(sample("ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls"))
    rows = statement.rows
    assert statement.importer.id == "ccb-xls"
    assert len(rows) == 6
    assert rows["source_row"].tolist() == list(range(7, 13))  # header on sheet row 6
    first = _row(rows, 7)
    assert (first["time"], first["amount"], first["direction"]) == (
        "2025-01-01 18:53:19",
        "67.00",
        ledger.EXPENSE,
    )
    assert first["description"] == "支付宝-支付宝外部商户-中移动金融科技有限公司"
    assert first["counterparty"] == "中***融科技有限公司"
    train = _row(rows, 10)
    assert (train["time"], train["amount"], train["category"]) == (
        "2025-01-05 17:12:28",
        "515.02",
        "无卡自助交易",
    )
    assert _row(rows, 12)["amount"] == "66.40"
    # 67+16.78+20+515.02+18.06+66.40
    assert _total(rows, ledger.EXPENSE) == Decimal("703.26")
    assert _total(rows, ledger.INCOME) == Decimal("0.00")
    assert statement.warnings == []


def test_citic_sample() -> None:
    statement = _read(sample("citic/example-citic-records.xls"))
    rows = statement.rows
    assert statement.importer.id == "citic-credit"
    assert len(rows) == 13
    assert rows["source_row"].tolist() == list(range(3, 16))
    didi = _row(rows, 3)
    assert (didi["time"], didi["amount"], didi["direction"]) == (
        "2024-11-09",
        "5.90",
        ledger.EXPENSE,
    )
    assert didi["description"] == "支付宝－北京嘀嘀无限科技发展有限公司"  # full-width hyphen kept
    assert didi["merchant"] == "北京嘀嘀无限科技发展有限公司"
    assert didi["method"] == "中信银行(6688)"
    cashback = _row(rows, 4)
    assert (cashback["amount"], cashback["direction"]) == ("0.20", ledger.INCOME)
    assert _row(rows, 5)["amount"] == "807.89"
    repayment = _row(rows, 12)
    assert (repayment["amount"], repayment["direction"], repayment["time"]) == (
        "1.21",
        ledger.INCOME,
        "2024-10-20",
    )
    assert _total(rows, ledger.EXPENSE) == Decimal("1098.80")
    assert _total(rows, ledger.INCOME) == Decimal("1.41")


# --- identification ----------------------------------------------------------------------------


def _probe(path: Path) -> base.Probe:
    return base.Probe(path.name, path.read_bytes())


@pytest.mark.parametrize("fixture", sorted(FIXTURES), ids=str)
def test_each_bank_importer_accepts_only_its_layout(fixture: str) -> None:
    probe = _probe(GOLDEN / fixture)
    accepted = [
        imp.id
        for imp in base.all_importers()
        if imp.id in BANK_IDS and probe.kind in imp.kinds and imp.identify(probe)
    ]
    assert accepted == [FIXTURES[fixture]]
    assert base.identify(probe).id == FIXTURES[fixture]


@pytest.mark.parametrize(
    ("relative", "want"),
    [
        ("icbc/example-icbc-credit-records.csv", ["icbc-credit"]),
        ("icbc/example-icbc-debit-v2-records.csv", ["icbc-debit-2024"]),
        ("ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls", ["ccb-xls"]),
        ("citic/example-citic-records.xls", ["citic-credit"]),
        ("alipay-app/example-alipay-records.csv", []),
        ("wechat-xlsx/example-wechat-records.xlsx", []),
        ("jd/example-jd-records.csv", []),
        ("generic-csv/statement.csv", []),
    ],
)
def test_bank_importers_on_real_samples(relative: str, want: list[str]) -> None:
    probe = _probe(sample(relative))
    accepted = [
        imp.id
        for imp in base.all_importers()
        if imp.id in BANK_IDS and probe.kind in imp.kinds and imp.identify(probe)
    ]
    assert accepted == want


# --- quirks and errors ---------------------------------------------------------------------


def _icbc_credit_text() -> str:
    return (GOLDEN / "icbc" / "credit.csv").read_bytes().decode("utf-8")  # keeps CRLF


def test_icbc_fixture_footer_matches(tmp_path: Path) -> None:
    statement = _read(GOLDEN / "icbc" / "credit.csv")
    assert statement.warnings == []
    # the foreign-currency purchase is booked at its 记账金额 (72.15 CNY), not 10.00 USD
    assert _row(statement.rows, 10)["amount"] == "72.15"
    assert _total(statement.rows, ledger.EXPENSE) == Decimal("131.95")


def test_icbc_per_currency_footers(tmp_path: Path) -> None:
    statement = _read(GOLDEN / "icbc" / "debit-v1.csv")
    assert statement.warnings == []  # 人民币合计 and 美元合计 both agree
    usd = _row(statement.rows, 11)
    assert (usd["currency"], usd["amount"], usd["direction"]) == ("USD", "0.35", ledger.INCOME)
    text = (GOLDEN / "icbc" / "debit-v1.csv").read_text(encoding="utf-8")
    path = tmp_path / "icbc.csv"
    head, sep, tail = text.rpartition('"0.35')  # the 美元合计 footer's income total
    assert sep and "美元合计" in head.rsplit("\n", 1)[-1]
    path.write_text(head + '"0.53' + tail, encoding="utf-8")
    warnings = _read(path).warnings
    assert len(warnings) == 1 and "美元合计" in warnings[0] and "0.53" in warnings[0]


def test_icbc_footer_mismatch_and_missing_footer(tmp_path: Path) -> None:
    text = _icbc_credit_text()
    changed = tmp_path / "changed.csv"
    changed.write_text(text.replace('"131.95', '"131.96'), encoding="utf-8")
    warnings = _read(changed).warnings
    assert len(warnings) == 1
    assert "131.96" in warnings[0] and "131.95" in warnings[0] and "expense" in warnings[0]
    cut = tmp_path / "cut.csv"
    cut.write_text(text.split("\r\n \r\n")[0] + "\r\n", encoding="utf-8")
    statement = _read(cut)
    assert len(statement.rows) == 5
    assert statement.warnings == [
        "the file has no 合计 (totals) line at the end; it may be incomplete"
    ]


def test_icbc_amount_that_is_not_a_number_names_the_line(tmp_path: Path) -> None:
    lines = _icbc_credit_text().split("\r\n")
    assert '"72.15' in lines[9]  # physical line 10
    lines[9] = lines[9].replace('"72.15', '"xx.yy')
    path = tmp_path / "anon.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    with pytest.raises(StatementError) as caught:
        _read(path)
    assert caught.value.row == 10
    assert "记账金额(支出)" in str(caught.value) and "xx.yy" in str(caught.value)


def test_icbc_gbk_file_reads_like_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes(_icbc_credit_text().encode("gbk"))
    gbk = _read(path).rows
    utf8 = _read(GOLDEN / "icbc" / "credit.csv").rows
    columns = ["source_row", "time", "amount", "direction", "counterparty", "description"]
    assert gbk[columns].equals(utf8[columns])


CMB_BOM = "\n".join(
    [
        '\ufeff"# 招商银行交易记录"',
        '"# 导出时间: [            2026-03-22 23:52:22]"',
        '"# 账    号: [一卡通:6214********5555   招商银行]"',
        '"# 币    种: [                         人民币]"',
        '"# 起始日期: [20260201]   终止日期: [20260331]"',
        '"# 过滤设置:  无"',
        "",
        '"交易日期","交易时间","收入","支出","余额","交易类型","交易备注"',
        '"\t20260301","\t08:00:00","","9.90","100.00","快捷支付","\t支付宝-深圳洽客科技有限公司"',
        "",
        '"# 收入合计: 0 笔，共 0.00 元"',
        '"# 支出合计: 1 笔，共 19.90 元"',
    ]
)


def test_cmb_quoted_utf8_variant_and_trailer_totals(tmp_path: Path) -> None:
    path = tmp_path / "CMB_x.csv"
    path.write_text(CMB_BOM, encoding="utf-8")
    statement = _read(path)
    assert statement.importer.id == "cmb-csv"
    row = _row(statement.rows, 9)
    assert (row["time"], row["amount"], row["direction"], row["method"]) == (
        "2026-03-01 08:00:00",
        "9.90",
        ledger.EXPENSE,
        "招商银行(5555)",
    )
    assert row["description"] == "支付宝-深圳洽客科技有限公司"
    assert statement.warnings == [
        "the file declares 1 expense row totalling 19.90; read 1 totalling 9.90"
    ]


def test_cmb_record_after_trailer_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "CMB_x.csv"
    path.write_text(
        CMB_BOM + '\n"\t20260302","\t08:00:00","","1.00","99.00","快捷支付","x"', encoding="utf-8"
    )
    with pytest.raises(StatementError) as caught:
        _read(path)
    assert caught.value.row == 10


def test_two_columns_rules() -> None:
    frame = pd.DataFrame(
        {
            "收入": ["", "-", "12.00", "0.0", "", "5"],
            "支出": ["1,234.56", "3.00", "", "0.0", "-7.50", "5"],
            "source_row": [1, 2, 3, 4, 5, 6],
        }
    )
    with pytest.raises(StatementError) as caught:
        bankrows.two_columns(frame, "收入", "支出", "f.csv", "line")
    assert caught.value.row == 6 and "both" in str(caught.value)
    amount, direction = bankrows.two_columns(frame.iloc[:5], "收入", "支出", "f.csv", "line")
    assert amount.tolist() == ["1234.56", "3.00", "12.00", "0.00", "7.50"]
    assert direction.tolist() == [
        ledger.EXPENSE,
        ledger.EXPENSE,
        ledger.INCOME,
        ledger.NEUTRAL,
        ledger.INCOME,
    ]


def test_citic_text_amount_that_is_not_a_number_names_the_row(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "本期账单明细(人民币)"
    sheet.append(["本期账单明细(人民币)"])
    sheet.append(
        [
            "交易日期",
            "入账日期",
            "交易描述",
            "卡末四位",
            "交易币种",
            "结算币种",
            "交易金额",
            "结算金额",
        ]
    )
    sheet.append(
        ["2026-02-05", "2026-02-06", "支付宝－某商户", 6688, "人民币", "人民币", "1.00", "1.00"]
    )
    sheet.append(
        ["2026-02-06", "2026-02-06", "支付宝－某商户", 6688, "人民币", "人民币", "x.xx", "x.xx"]
    )
    path = tmp_path / "citic.xlsx"
    book.save(path)
    with pytest.raises(StatementError) as caught:
        _read(path)
    assert caught.value.row == 4 and caught.value.unit == "row"
    assert "结算金额" in str(caught.value)


def test_currency_words() -> None:
    codes, warnings = bankrows.currency_codes(pd.Series(["人民币", "美元", "港币", "EUR", "金币"]))
    assert codes.tolist() == ["CNY", "USD", "HKD", "EUR", "金币"]
    assert warnings == ["unknown currency '金币' kept as printed"]
    assert bankrows.card_method("工商银行", "1234****5678") == "工商银行(5678)"
    assert bankrows.card_method("工商银行", "") == "工商银行"


def test_cli_reports_bad_bank_amount_with_file_and_line(tmp_path: Path, capsys) -> None:
    from qiake_auditor.cli import main

    lines = _icbc_credit_text().split("\r\n")
    lines[7] = lines[7].replace('"29.90', '"2x.90')  # physical line 8
    path = tmp_path / "icbc.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    code = main(["import", str(path), "--workspace", str(tmp_path / "ws.sqlite")])
    assert code == 2
    err = capsys.readouterr().err
    assert "icbc.csv, line 8" in err and "'2x.90'" in err
    assert "Traceback" not in err
