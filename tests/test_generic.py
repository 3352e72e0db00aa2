"""The generic CSV/XLSX importer: guessing, --map, remembered maps, dates and amounts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from qiake_auditor import ledger
from qiake_auditor.cli import main
from qiake_auditor.errors import StatementError
from qiake_auditor.importers.generic_columns import guess, signature
from qiake_auditor.importers.generic_values import amounts, dates
from qiake_auditor.ingest import read_statements
from qiake_auditor.money_columns import sum_amounts
from qiake_auditor.workspace import Workspace
from tests.conftest import sample


def total(rows: pd.DataFrame, mask: pd.Series) -> str:
    return str(sum_amounts(rows.loc[mask, "amount"]))


def test_chase_style_sample() -> None:
    (statement,) = read_statements(sample("generic-csv/statement.csv"))
    rows = statement.rows
    assert statement.importer.id == "generic-csv"
    assert rows["source_row"].tolist() == [2, 3, 4, 5, 6, 7]
    assert rows["time"].tolist() == [
        "2016-03-18",
        "2016-03-15",
        "2016-03-14",
        "2016-03-06",
        "2016-03-05",
        "2016-03-04",
    ]
    assert rows["amount"].tolist() == ["2680.89", "2590.73", "150.00", "60.00", "110.00", "1300.00"]
    assert rows["direction"].tolist() == [
        "expense",
        "income",
        "expense",
        "expense",
        "income",
        "expense",
    ]
    assert total(rows, ledger.counts_as_spending(rows)) == "4190.89"  # 2680.89+150+60+1300
    assert total(rows, ledger.counts_as_income(rows)) == "2700.73"  # 2590.73+110
    assert rows.loc[0, "counterparty"] == "Payment to Chafe card ending in 1234 03/18"
    assert set(rows["currency"]) == {"CNY"}  # the file names none; the ledger default


def test_guess_chinese_and_english_headers() -> None:
    assert guess(
        [
            "交易日期",
            "交易时间",
            "摘要",
            "借方金额",
            "贷方金额",
            "余额",
            "对方户名",
            "币种",
            "流水号",
        ]
    ) == {
        "date": "交易日期",
        "time": "交易时间",
        "debit": "借方金额",
        "credit": "贷方金额",
        "counterparty": "对方户名",
        "description": "摘要",
        "currency": "币种",
        "id": "流水号",
    }
    assert guess(
        [
            "Details",
            "Posting Date",
            "Description",
            "Amount",
            "Type",
            "Balance",
            "Check or Slip #",
            "",
        ]
    ) == {"date": "Posting Date", "amount": "Amount", "description": "Description"}
    assert guess([" Transaction Date", "金额（元）", "Payee"]) == {
        "date": " Transaction Date",
        "amount": "金额（元）",
        "counterparty": "Payee",
    }
    assert guess(["名称", "数量"]) == {}


def test_signature_ignores_padding_and_empty_columns() -> None:
    assert signature(["日期 ", "\ufeff金额", ""]) == signature(["日期", "金额"])
    assert signature(["日期", "金额"]) != signature(["金额", "日期"])


def test_dates_decide_day_month_order_from_the_data() -> None:
    rows = pd.Series([2, 3, 4])
    us = pd.Series(["3/4/2024", "12/31/2024", "1/2/2024 10:11"])
    assert dates(us, rows, "x.csv", "line").tolist() == [
        "2024-03-04",
        "2024-12-31",
        "2024-01-02 10:11:00",
    ]
    european = pd.Series(["3/4/2024", "31/12/2024", "1/2/2024"])
    assert dates(european, rows, "x.csv", "line").tolist() == [
        "2024-04-03",
        "2024-12-31",
        "2024-02-01",
    ]
    mixed = pd.Series(["20240131", "2024年2月1日", "2024.02.03 23:59:59"])
    assert dates(mixed, rows, "x.csv", "line").tolist() == [
        "2024-01-31",
        "2024-02-01",
        "2024-02-03 23:59:59",
    ]


def test_unreadable_date_names_the_row() -> None:
    with pytest.raises(StatementError) as caught:
        dates(pd.Series(["2024-01-31", "2024-02-30"]), pd.Series([5, 6]), "x.csv", "line")
    assert caught.value.row == 6 and "'2024-02-30'" in str(caught.value)


def test_amount_forms() -> None:
    amount, negative, valid = amounts(pd.Series(["(1,234.50)", "$12.00", "7.5-", "¥0.10"]))
    assert amount.tolist() == ["1234.50", "12.00", "7.50", "0.10"]
    assert negative.tolist() == [True, False, True, False]
    assert valid.all()
    amount, negative, _ = amounts(pd.Series(["-12,5", "1.234,56"]))
    assert amount.tolist() == ["12.50", "1234.56"] and negative.tolist() == [True, False]


def test_unknown_table_is_refused_with_a_map_hint(tmp_path: Path, capsys) -> None:
    path = tmp_path / "inventory.csv"
    path.write_text("名称,数量\n苹果,3\n", encoding="utf-8")
    code = main(["import", str(path), "--workspace", str(tmp_path / "ws.sqlite")])
    err = capsys.readouterr().err
    assert code == 2 and "inventory.csv" in err and "--map date=" in err


def test_explicit_map_is_remembered_for_the_next_file(tmp_path: Path, capsys) -> None:
    header = "记账时刻,发生金额,收付标志,户名\n"
    first = tmp_path / "jan.csv"
    first.write_text(
        header + "2024-01-05 10:00:00,30.00,借,深圳洽客科技有限公司\n", encoding="utf-8"
    )
    second = tmp_path / "feb.csv"
    second.write_text(
        header + "2024-02-05 10:00:00,30.00,借,深圳洽客科技有限公司\n"
        "2024-02-06 11:00:00,8.00,贷,退款\n",
        encoding="utf-8",
    )
    workspace = tmp_path / "ws.sqlite"
    assert main(["import", str(second), "--workspace", str(workspace)]) == 2  # not guessable
    capsys.readouterr()
    assert (
        main(
            [
                "import",
                str(first),
                "--workspace",
                str(workspace),
                "--map",
                "date=记账时刻,amount=发生金额,direction=收付标志,counterparty=户名",
            ]
        )
        == 0
    )
    assert main(["import", str(second), "--workspace", str(workspace)]) == 0
    with Workspace(workspace) as ws:
        maps = ws.column_maps()
        rows = ws.ledger().sort_values("time")
    assert maps == {
        signature(["记账时刻", "发生金额", "收付标志", "户名"]): {
            "date": "记账时刻",
            "amount": "发生金额",
            "direction": "收付标志",
            "counterparty": "户名",
        }
    }
    assert rows["direction"].tolist() == ["expense", "expense", "income"]
    assert rows["amount"].tolist() == ["30.00", "30.00", "8.00"]


def test_map_naming_a_missing_column_lists_the_columns(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("Account 1234\nBooked,Value,Text\n2024-01-01,1.00,x\n", encoding="utf-8")
    code = main(
        [
            "import",
            str(path),
            "--workspace",
            str(tmp_path / "ws.sqlite"),
            "--map",
            "date=Booked,amount=Betrag",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "bank.csv, line 2" in err and "'Betrag'" in err and "Booked, Value, Text" in err


def test_map_with_an_unknown_field_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("Booked,Value\n2024-01-01,1.00\n", encoding="utf-8")
    code = main(
        [
            "import",
            str(path),
            "--workspace",
            str(tmp_path / "ws.sqlite"),
            "--map",
            "day=Booked,amount=Value",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "unknown field 'day'" in err and "date, time, amount" in err


def test_files_of_known_platforms_are_not_guessed(tmp_path: Path, capsys) -> None:
    # An Alipay-like file its own importer rejects must not be read as a generic table.
    path = tmp_path / "alipay-variant.csv"
    path.write_text(
        "支付宝（中国）网络技术有限公司  电子客户回单\n交易日期,金额,对方\n2024-01-01,1.00,x\n",
        encoding="utf-8",
    )
    code = main(["import", str(path), "--workspace", str(tmp_path / "ws.sqlite")])
    assert code == 2 and "not a statement layout" in capsys.readouterr().err


def test_debit_and_credit_in_one_row_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "both.csv"
    path.write_text("日期,支出,收入\n2024-01-01,1.00,\n2024-01-02,2.00,3.00\n", encoding="utf-8")
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    assert caught.value.row == 3 and "one of them" in str(caught.value)


def test_tab_separated_with_preamble(tmp_path: Path) -> None:
    path = tmp_path / "tabs.txt"
    path.write_text("Export 2024\n\nDate\tAmount\tMemo\n2024-01-02\t-5.00\tTea\n", encoding="utf-8")
    (statement,) = read_statements(path)
    row = statement.rows.iloc[0]
    assert (row.source_row, row.amount, row.direction, row.description) == (
        4,
        "5.00",
        "expense",
        "Tea",
    )


def test_separate_time_column_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "times.csv"
    path.write_text(
        "交易日期,交易时间,金额\n20240105,101112,-1.00\n20240106,9:05,-2.00\n20240107,2561,-3.00\n",
        encoding="utf-8",
    )
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    assert caught.value.row == 4 and "'2561'" in str(caught.value)
    path.write_text(
        "交易日期,交易时间,金额\n20240105,101112,-1.00\n20240106,9:05,-2.00\n", encoding="utf-8"
    )
    (statement,) = read_statements(path)
    assert statement.rows["time"].tolist() == ["2024-01-05 10:11:12", "2024-01-06 09:05:00"]


def test_map_without_an_amount_column_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("Booked,Value,Text\n2024-01-01,1.00,x\n", encoding="utf-8")
    code = main(
        [
            "import",
            str(path),
            "--workspace",
            str(tmp_path / "ws.sqlite"),
            "--map",
            "date=Booked,description=Text",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "bank.csv, line 1" in err and "amount column" in err
    assert "Booked, Value, Text" in err


def test_hsbc_style_day_first_and_tabs_after_quotes(tmp_path: Path) -> None:
    path = tmp_path / "hsbc.csv"
    path.write_text(
        "Date,Description,Amount,Transaction status,Credit / Debit\n"
        '03/02/2024,SPOTIFY HK,"-18.00"\t\t,POSTED,DEBIT \n'
        '25/02/2024,REFUND,"1,018.00"\t,POSTED,CREDIT \n',
        encoding="utf-8",
    )
    (statement,) = read_statements(path)
    rows = statement.rows
    assert rows["time"].tolist() == ["2024-02-03", "2024-02-25"]  # 25 > 12: day first
    assert rows["amount"].tolist() == ["18.00", "1018.00"]
    assert rows["direction"].tolist() == ["expense", "income"]


def test_bmo_style_preamble_and_padded_names(tmp_path: Path) -> None:
    path = tmp_path / "bmo.csv"
    path.write_text(
        "Following data is valid as of 20240301 (Year/Month/Day)\n\n"
        "Item #, Card #, Transaction Date, Posting Date, Transaction Amount,"
        " Description\n"
        "1,'5191230192011111',20240201,20240202,-12.99,[CW] NETFLIX\n",
        encoding="utf-8",
    )
    (statement,) = read_statements(path)
    row = statement.rows.iloc[0]
    assert (row.source_row, row.time, row.amount, row.direction, row.description) == (
        4,
        "2024-02-01",
        "12.99",
        "expense",
        "[CW] NETFLIX",
    )


@pytest.mark.parametrize("blank", ["\n", ",,\n", "\r\n"])
def test_a_header_over_only_empty_rows_is_warned_about(tmp_path: Path, capsys, blank) -> None:
    path = tmp_path / "empty-rows.csv"
    path.write_text("Date,Amount,Description\n" + blank * 20000, encoding="utf-8")
    (statement,) = read_statements(path)
    assert statement.rows.empty
    assert [w.message_id for w in statement.warnings] == ["statement.no_rows"]
    assert statement.warnings[0].startswith("empty-rows.csv: no transaction rows")
    assert main(["import", str(path), "--workspace", str(tmp_path / "w"), "--lang", "zh"]) == 0
    assert "注意：empty-rows.csv：没有找到任何交易行" in capsys.readouterr().out


def _one(tmp_path: Path, text: str, *options: str) -> tuple[pd.DataFrame, list[str]]:
    path = tmp_path / "bank.csv"
    path.write_text(text, encoding="utf-8")
    spec = dict(o.split("=", 1) for o in options)
    from qiake_auditor.importers.base import ReadOptions

    (statement,) = read_statements(path, options=ReadOptions(mapping=spec or None))
    return statement.rows, statement.warnings


def test_currency_from_a_column_a_sign_a_header_or_the_user(tmp_path: Path) -> None:
    rows, warnings = _one(tmp_path, "Date,Amount,Currency\n2024-01-05,-9.99,美元\n")
    assert rows["currency"].tolist() == ["USD"] and warnings == []
    rows, warnings = _one(tmp_path, "Date,Amount (EUR),Memo\n2024-01-05,-9.99,x\n")
    assert rows["currency"].tolist() == ["EUR"] and warnings == []
    rows, warnings = _one(tmp_path, "Date,Memo,Amount\n2024-01-05,x,-€9.99\n2024-01-06,y,£2\n")
    assert rows["currency"].tolist() == ["EUR", "GBP"] and warnings == []
    assert rows["amount"].tolist() == ["9.99", "2.00"]
    rows, warnings = _one(tmp_path, "Date,Memo,Amount\n2024-01-05,x,HK$-30.00\n")
    assert rows["currency"].tolist() == ["HKD"] and rows["amount"].tolist() == ["30.00"]
    rows, warnings = _one(tmp_path, 'Date,Memo,Amount\n2024-01-05,x,"-$1,015.49"\n')
    assert rows["currency"].tolist() == ["USD"] and rows["amount"].tolist() == ["1015.49"]
    assert [w.message_id for w in warnings] == ["statement.currency_from_sign"]
    assert warnings[0].startswith("bank.csv: the currency was read as USD from the $ sign")
    rows, warnings = _one(tmp_path, "Date,Memo,Amount\n2024-01-05,x,-$1.00\n", "currency=CAD")
    assert rows["currency"].tolist() == ["CAD"] and warnings == []


def test_a_file_that_does_not_say_its_currency_is_cny_with_a_warning(
    tmp_path: Path, capsys
) -> None:
    rows, warnings = _one(tmp_path, "Date,Memo,Amount\n2024-01-05,x,-9.99\n")
    assert rows["currency"].tolist() == ["CNY"]
    assert [w.message_id for w in warnings] == ["statement.currency_assumed"]
    assert warnings[0].text("zh").startswith("bank.csv：文件没有写明币种")
    workspace = str(tmp_path / "w.sqlite")
    path = str(tmp_path / "bank.csv")
    assert main(["import", path, "--workspace", workspace, "--currency", "usd", "--json"]) == 0
    import json

    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["expense"] == {"USD": "9.99"} and report["warnings"] == []
    assert main(["import", path, "--workspace", workspace, "--currency", "US"]) == 2
    assert "--currency: 'US' is not a three-letter" in capsys.readouterr().err


def test_a_currency_given_with_map_is_remembered_with_the_columns(tmp_path: Path) -> None:
    workspace = tmp_path / "w.sqlite"
    first = tmp_path / "a.csv"
    first.write_text("Day,Memo,Sum\n2024-01-05,x,-9.99\n", encoding="utf-8")
    assert main(["import", str(first), "--workspace", str(workspace),
                 "--map", "date=Day,amount=Sum,currency=SEK"]) == 0  # fmt: skip
    second = tmp_path / "b.csv"
    second.write_text("Day,Memo,Sum\n2024-02-05,y,-19.99\n", encoding="utf-8")
    assert main(["import", str(second), "--workspace", str(workspace)]) == 0
    ledger_rows = Workspace(workspace).ledger()
    assert sorted(ledger_rows["currency"]) == ["SEK", "SEK"]


def test_numeric_money_cells_are_read_exactly_without_a_per_cell_conversion(
    tmp_path: Path, monkeypatch
) -> None:
    import openpyxl

    from qiake_auditor import money

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Description", "Amount (USD)"])
    printed = [-28.16, 1020.5, -3, 0.1 + 0.2, -199.0, 12345678.9]
    for i, value in enumerate(printed):
        sheet.append([f"2024-01-{i + 1:02d}", f"shop {i}", value])
    path = tmp_path / "bank.xlsx"
    book.save(path)

    def one_by_one(value: object) -> None:
        raise AssertionError(f"money.canonical called for one cell ({value!r})")

    monkeypatch.setattr(money, "canonical", one_by_one)
    (statement,) = read_statements(path)
    rows = statement.rows
    assert statement.importer.id == "generic-xlsx" and statement.warnings == []
    assert rows["amount"].tolist() == [
        "28.16",
        "1020.50",
        "3.00",
        "0.30",  # 0.1 + 0.2 is stored in the file as 0.3; no binary noise comes back
        "199.00",
        "12345678.90",
    ]
    assert rows["direction"].tolist() == [
        "expense", "income", "expense", "income", "expense", "income"
    ]  # fmt: skip
    assert rows["currency"].unique().tolist() == ["USD"]


def test_currency_alone_still_finds_the_header_below_a_preamble(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("Account,12345678\nDate,Memo,Amount\n2024-01-05,x,-9.99\n", encoding="utf-8")
    rows, warnings = _one(tmp_path, path.read_text(encoding="utf-8"), "currency=EUR")
    assert rows["currency"].tolist() == ["EUR"] and rows["source_row"].tolist() == [3]
    assert warnings == []  # the user said which currency
    notes = tmp_path / "notes.txt"
    notes.write_text("just some words\nand more words\n", encoding="utf-8")
    workspace = str(tmp_path / "w.sqlite")
    assert main(["import", str(notes), "--workspace", workspace, "--currency", "EUR"]) == 2
    assert "not a statement layout" in capsys.readouterr().err
