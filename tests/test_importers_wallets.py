"""Wallet importers (Alipay, WeChat Pay, JD, Meituan) on real samples and hand-made fixtures.

Expected numbers were computed by hand from the files: row counts, line/row numbers
(opened in a text editor / spreadsheet), per-direction totals. The golden ledgers of
the fixtures are checked in test_golden; this file checks identification, the
samples, warnings about declared totals and the error messages.
"""

from __future__ import annotations

import importlib.util
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from qiake_auditor import ledger
from qiake_auditor.errors import StatementError
from qiake_auditor.importers import base
from qiake_auditor.ingest import Statement, read_statements
from qiake_auditor.money_columns import sum_amounts
from tests.conftest import DATA, sample
from tests.xlsx_content import xlsx_content

GOLDEN = DATA / "golden"
WALLET_IDS = (
    "alipay-2023",
    "alipay-2021",
    "alipay-web",
    "wechat-csv",
    "wechat-xlsx-2025",
    "wechat-xlsx-2026",
    "jd",
    "meituan",
)

FIXTURES = {
    "alipay/alipay-2023.csv": "alipay-2023",
    "alipay/alipay-2025-title.csv": "alipay-2023",
    "alipay/alipay-2021.csv": "alipay-2021",
    "alipay/alipay-web.txt": "alipay-web",
    "wechat/wechat-bill.csv": "wechat-csv",
    "wechat/wechat-2025.xlsx": "wechat-xlsx-2025",
    "wechat/wechat-2026.xlsx": "wechat-xlsx-2026",
    "jd/jd-bill.csv": "jd",
    "meituan/meituan-bill.csv": "meituan",
}


def read_one(path: Path) -> Statement:
    statements = read_statements(path)
    assert len(statements) == 1
    return statements[0]


def totals(rows) -> dict[str, tuple[int, Decimal]]:
    """Per direction: (row count, exact sum)."""
    out = {}
    for direction in (ledger.EXPENSE, ledger.INCOME, ledger.NEUTRAL):
        part = rows.loc[rows["direction"] == direction, "amount"]
        out[direction] = (len(part), sum_amounts(part))
    return out


def row(rows, source_row: int):
    found = rows[rows["source_row"] == source_row]
    assert len(found) == 1, f"no single row at {source_row}"
    return found.iloc[0]


# --- identification ---------------------------------------------------------------------


@pytest.mark.parametrize("relative", sorted(FIXTURES))
def test_fixture_identified_by_its_own_importer_only(relative: str) -> None:
    probe = base.Probe(Path(relative).name, (GOLDEN / relative).read_bytes())
    assert base.identify(probe).id == FIXTURES[relative]
    claimed = [
        imp.id
        for imp in base.all_importers()
        if imp.id in WALLET_IDS and probe.kind in imp.kinds and imp.identify(probe)
    ]
    assert claimed == [FIXTURES[relative]]


@pytest.mark.parametrize(
    ("relative", "new_name"),
    [
        ("wechat/wechat-bill.csv", "statement.txt"),
        ("jd/jd-bill.csv", "京东账单.xlsx"),
        ("meituan/meituan-bill.csv", "export"),
        ("wechat/wechat-2026.xlsx", "bill.csv"),
        ("alipay/alipay-web.txt", "alipay_record.csv"),
    ],
)
def test_identified_by_content_not_name(relative: str, new_name: str, tmp_path: Path) -> None:
    target = tmp_path / new_name
    shutil.copyfile(GOLDEN / relative, target)
    assert read_one(target).importer.id == FIXTURES[relative]


def test_wallet_importers_reject_the_bank_and_international_samples() -> None:
    folder = sample("")
    others = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.parent.name not in {"alipay-app", "alipay-web", "wechat-csv", "wechat-xlsx", "jd"}
        and p.suffix != ".md"
    )
    assert len(others) >= 10
    for path in others:
        probe = base.Probe(path.name, path.read_bytes())
        claimed = [
            imp.id
            for imp in base.all_importers()
            if imp.id in WALLET_IDS and probe.kind in imp.kinds and imp.identify(probe)
        ]
        assert claimed == [], path.name


def test_wechat_csv_is_not_taken_for_jd_or_meituan_when_markers_are_swapped(tmp_path: Path) -> None:
    # A WeChat bill whose title line is replaced is nobody's bill: no wallet claims it.
    data = (
        (GOLDEN / "wechat/wechat-bill.csv")
        .read_bytes()
        .replace("微信支付账单明细,".encode(), "美团交易账单明细,".encode(), 1)
    )
    probe = base.Probe("x.csv", data)
    claimed = [
        imp.id for imp in base.all_importers() if imp.id in WALLET_IDS and imp.identify(probe)
    ]
    assert claimed == []


# --- fixtures: warnings and exact values ------------------------------------------------------


@pytest.mark.parametrize(
    "relative",
    [
        "alipay/alipay-2023.csv",
        "alipay/alipay-2021.csv",
        "alipay/alipay-web.txt",
        "wechat/wechat-bill.csv",
        "wechat/wechat-2025.xlsx",
        "jd/jd-bill.csv",
        "meituan/meituan-bill.csv",
    ],
)
def test_fixture_totals_agree_with_declared_totals(relative: str) -> None:
    assert read_one(GOLDEN / relative).warnings == []


def test_declared_totals_mismatch_is_a_warning() -> None:
    assert read_one(GOLDEN / "alipay/alipay-2025-title.csv").warnings == [
        "the file declares 2 expense rows totalling 30.00; read 2 totalling 33.50"
    ]
    assert read_one(GOLDEN / "wechat/wechat-2026.xlsx").warnings == [
        "the file declares 2 expense rows totalling 1254.40; read 3 totalling 1342.40"
    ]


def test_jd_totals_line_with_aside_is_compared(tmp_path: Path) -> None:
    text = (GOLDEN / "jd/jd-bill.csv").read_text(encoding="utf-8-sig")
    bad = tmp_path / "jd.csv"
    bad.write_text(text.replace("，255.20元", "，255.21元"), encoding="utf-8-sig")
    assert read_one(bad).warnings == [
        "the file declares 4 expense rows totalling 255.21; read 4 totalling 255.20"
    ]


def test_meituan_repayment_is_neutral_but_counted_as_meituan_counts_it(tmp_path: Path) -> None:
    statement = read_one(GOLDEN / "meituan/meituan-bill.csv")
    rows = statement.rows
    repay = row(rows, 24)
    assert (repay["direction"], repay["amount"], repay["category"]) == ("neutral", "48.12", "还款")
    assert totals(rows) == {
        "expense": (5, Decimal("1096.07")),
        "income": (1, Decimal("20.00")),
        "neutral": (1, Decimal("48.12")),
    }
    text = (GOLDEN / "meituan/meituan-bill.csv").read_text(encoding="utf-8-sig")
    bad = tmp_path / "mt.csv"
    bad.write_text(text.replace("收入：1笔 20.00元", "收入：2笔 20.00元"), encoding="utf-8-sig")
    assert read_one(bad).warnings == [
        "the file declares 2 income rows totalling 20.00; read 1 totalling 20.00"
    ]


def test_wechat_fixture_states_and_long_ids() -> None:
    rows = read_one(GOLDEN / "wechat/wechat-bill.csv").rows
    assert list(rows["state"]) == [
        "success",
        "refunded",
        "partially_refunded",
        "refund",
        "refund",
        "success",
        "failed",
        "closed",
        "success",
        "success",
        "partially_refunded",
    ]
    assert row(rows, 27)["txn_id"] == "180000737624051110106004541373333333333333333"
    assert row(rows, 19)["amount"] == "1020.00"


def test_wechat_csv_resaved_by_excel_is_still_read(tmp_path: Path) -> None:
    # Excel/WPS on a Chinese system saves CSV as GBK without BOM, drops the id tabs and
    # writes times as 2024/5/2 8:15.
    text = (GOLDEN / "wechat/wechat-bill.csv").read_text(encoding="utf-8-sig")
    text = text.replace("2024-05-02 08:15:00", "2024/5/2 8:15").replace("\t", "")
    resaved = tmp_path / "wx.csv"
    resaved.write_bytes(text.encode("gb18030"))
    statement = read_one(resaved)
    assert statement.importer.id == "wechat-csv"
    assert row(statement.rows, 18)["time"] == "2024-05-02 08:15:00"
    assert row(statement.rows, 19)["amount"] == "1020.00"
    assert statement.warnings == []


def test_ids_turned_into_numbers_are_warned_about(tmp_path: Path) -> None:
    text = (GOLDEN / "wechat/wechat-bill.csv").read_text(encoding="utf-8-sig")
    text = text.replace('"4200001234202405031234567891"', "4.20000123420241E+27")
    damaged = tmp_path / "wx.csv"
    damaged.write_text(text, encoding="utf-8-sig")
    statement = read_one(damaged)
    assert row(statement.rows, 19)["txn_id"] == "4.20000123420241E+27"
    assert statement.warnings == [
        "txn_id '4.20000123420241E+27' (line 19, 1 row in all) was turned into a number, "
        "probably by Excel; its digits are lost - import the original export instead"
    ]


def test_xlsx_generator_reproduces_committed_fixtures() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_wallet_xlsx", GOLDEN / "make_wallet_xlsx.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed_2025 = (GOLDEN / "wechat/wechat-2025.xlsx").read_bytes()
    committed_2026 = (GOLDEN / "wechat/wechat-2026.xlsx").read_bytes()
    assert xlsx_content(module.build_2025()) == xlsx_content(committed_2025)
    assert xlsx_content(module.build_2026()) == xlsx_content(committed_2026)


# --- errors name the file and the line/row --------------------------------------------------


def test_bad_wechat_amount_names_line(tmp_path: Path) -> None:
    text = (GOLDEN / "wechat/wechat-bill.csv").read_text(encoding="utf-8-sig")
    bad = tmp_path / "wx.csv"
    bad.write_text(text.replace("¥100.10", "¥1O0.10"), encoding="utf-8-sig")
    with pytest.raises(StatementError) as caught:
        read_statements(bad)
    assert caught.value.row == 23
    assert "wx.csv, line 23" in str(caught.value) and "1O0.10" in str(caught.value)


def test_bad_jd_date_names_line(tmp_path: Path) -> None:
    text = (GOLDEN / "jd/jd-bill.csv").read_text(encoding="utf-8-sig")
    bad = tmp_path / "jd.csv"
    bad.write_text(text.replace("2024-12-20 08:00:00", "20.12.2024"), encoding="utf-8-sig")
    with pytest.raises(StatementError) as caught:
        read_statements(bad)
    assert caught.value.row == 29
    assert "'20.12.2024'" in str(caught.value)


def test_bad_xlsx_amount_names_sheet_row(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(GOLDEN / "wechat/wechat-2025.xlsx")
    book["Sheet1"]["F20"] = "¥abc"
    bad = tmp_path / "wx.xlsx"
    book.save(bad)
    with pytest.raises(StatementError) as caught:
        read_statements(bad)
    assert (caught.value.row, caught.value.unit) == (20, "row")


# --- the real samples in ../shared/samples ------------------------------------------------------


def test_sample_alipay_app() -> None:
    statement = read_one(sample("alipay-app/example-alipay-records.csv"))
    rows = statement.rows
    assert statement.importer.id == "alipay-2023"
    assert len(rows) == 10
    assert list(rows["source_row"]) == list(range(26, 36))
    first = row(rows, 26)
    assert (first["amount"], first["txn_id"], first["merchant_order_id"]) == (
        "49.74",
        "202302xxxxxx0011000103xxxxxx",
        "20230xxxxxxx014741014xxxxxx",
    )
    assert (row(rows, 30)["amount"], row(rows, 30)["direction"]) == ("222228.50", "income")
    refund = row(rows, 32)
    assert (refund["state"], refund["txn_id"]) == ("refund", "2023xxxxx88_2023xx57")
    assert row(rows, 33)["state"] == "closed"
    assert totals(rows) == {
        "expense": (5, Decimal("211.64")),
        "income": (1, Decimal("222228.50")),
        "neutral": (4, Decimal("247.37")),
    }
    # The anonymised sample keeps the original preamble: 66 records, other sums.
    assert statement.warnings == [
        "the file says it has 66 records; 10 read",
        "the file declares 1 income row totalling 28.50; read 1 totalling 222228.50",
        "the file declares 63 expense rows totalling 16.54; read 5 totalling 211.64",
        "the file declares 2 neutral rows totalling 16.37; read 4 totalling 247.37",
    ]


def test_sample_alipay_web() -> None:
    statement = read_one(sample("alipay-web/example-alipay-records.csv"))
    rows = statement.rows
    assert statement.importer.id == "alipay-web"
    assert list(rows["source_row"]) == list(range(6, 13))
    hospital = row(rows, 10)
    assert (hospital["amount"], hospital["state"], hospital["time"]) == (
        "3000.00",
        "partially_refunded",
        "2021-02-06 10:01:43",
    )
    assert (row(rows, 9)["txn_id"], row(rows, 9)["state"]) == ("987654_321", "refund")
    assert row(rows, 12)["state"] == "closed"
    assert totals(rows) == {
        "expense": (4, Decimal("3137.00")),
        "income": (1, Decimal("0.01")),
        "neutral": (2, Decimal("2808.42")),
    }
    assert statement.warnings == [
        "the file says it has 6 records; 7 read",
        "the file declares 1 expense row totalling 27; read 4 totalling 3137.00",
    ]


def test_sample_wechat_csv() -> None:
    statement = read_one(sample("wechat-csv/微信支付账单(20200830-20200906).csv"))
    rows = statement.rows
    assert statement.importer.id == "wechat-csv"
    assert list(rows["source_row"]) == list(range(18, 25))
    first = row(rows, 18)
    assert (first["amount"], first["txn_id"], first["merchant_order_id"]) == (
        "20.00",
        "100004990120090600090332461714765274",
        "10000499012020090601675155552564",
    )
    assert row(rows, 20)["merchant_order_id"] == ""
    refund = row(rows, 24)
    assert (refund["amount"], refund["direction"], refund["state"], refund["category"]) == (
        "742.00",
        "income",
        "refund",
        "同程旅行-退款",
    )
    assert totals(rows) == {
        "expense": (5, Decimal("621.88")),
        "income": (2, Decimal("1412.00")),
        "neutral": (0, Decimal("0.00")),
    }
    # The sample was cut to 7 rows; the income line still agrees.
    assert statement.warnings == [
        "the file says it has 21 records; 7 read",
        "the file declares 19 expense rows totalling 3082.56; read 5 totalling 621.88",
    ]


def test_sample_wechat_xlsx() -> None:
    statement = read_one(sample("wechat-xlsx/example-wechat-records.xlsx"))
    rows = statement.rows
    assert statement.importer.id == "wechat-xlsx-2026"
    # Sheet1 rows 19..45 (the Power-Query sheet before it is ignored).
    assert list(rows["source_row"]) == list(range(19, 46))
    assert (row(rows, 19)["amount"], row(rows, 19)["counterparty"]) == (
        "28.16",
        "云膳过桥米线(传奇广场店)",
    )
    assert row(rows, 41)["txn_id"] == "180000737623062310106004541373333333333333333"
    assert row(rows, 38)["counterparty"] == '打开拼多多，点击底部"多多视频"'
    assert (row(rows, 25)["amount"], row(rows, 25)["direction"]) == ("100.10", "neutral")
    assert row(rows, 43)["amount"] == "50.00"
    assert totals(rows) == {
        "expense": (11, Decimal("2904.53")),
        "income": (5, Decimal("28.49")),
        "neutral": (11, Decimal("26100.89")),
    }
    assert statement.warnings == [
        "the file says it has 10 records; 27 read",
        "the file declares 1 income row totalling 0.35; read 5 totalling 28.49",
        "the file declares 1 expense row totalling 28.16; read 11 totalling 2904.53",
        "the file declares 0 neutral rows totalling 0.00; read 11 totalling 26100.89",
    ]


def test_sample_jd() -> None:
    statement = read_one(sample("jd/example-jd-records.csv"))
    rows = statement.rows
    assert statement.importer.id == "jd"
    assert list(rows["source_row"]) == list(range(23, 49))
    part = row(rows, 45)
    assert (part["amount"], part["state"], part["direction"]) == (
        "416.87",
        "partially_refunded",
        "expense",
    )
    full = row(rows, 36)
    assert (full["amount"], full["state"], full["direction"]) == ("468.32", "refunded", "neutral")
    assert (row(rows, 44)["amount"], row(rows, 44)["state"]) == ("233.45", "refund")
    assert (row(rows, 28)["amount"], row(rows, 29)["amount"]) == ("0.00", "0.00")
    assert (row(rows, 23)["time"], row(rows, 23)["txn_id"]) == (
        "2024-12-30 17:16:02",
        "JDX100000011234",
    )
    assert totals(rows) == {
        "expense": (16, Decimal("2277.70")),
        "income": (0, Decimal("0.00")),
        "neutral": (10, Decimal("1601.52")),
    }
    # JD's own totals (支出 net of partial refunds 1648.43, 不计收支 refunds 1097.59) agree.
    assert statement.warnings == []


def test_returned_transfer_and_its_return_net_to_zero(tmp_path: Path) -> None:
    # 转账 支出 ¥700 对方已退还 + 转账-退款 收入 ¥700 已全额退款: the transfer is refunded, the
    # return is its refund (linked), so paid - refunded is 0; a return not in the file
    # (李四, 已退还) leaves the transfer closed: no money moved as far as the file shows.
    from qiake_auditor.ingest import import_paths
    from qiake_auditor.workspace import Workspace

    fixture = GOLDEN / "wechat/wechat-returned-transfer.csv"
    statement = read_one(fixture)
    assert statement.warnings == []
    assert list(statement.rows["state"]) == ["refunded", "refund", "closed", "success"]
    with Workspace(tmp_path / "ws.sqlite") as ws:
        import_paths([fixture], ws)
        rows = ws.ledger()
    transfer = rows[rows["source_row"] == 18].iloc[0]
    back = rows[rows["source_row"] == 19].iloc[0]
    assert back["refund_of"] == transfer["dedup_key"]
    paid = sum_amounts(
        rows.loc[ledger.counts_as_spending(rows) & (rows["counterparty"] == "张三"), "amount"]
    )
    returned = sum_amounts(
        rows.loc[ledger.counts_as_income(rows) & (rows["counterparty"] == "张三"), "amount"]
    )
    assert paid - returned == 0
    assert not ledger.counts_as_spending(rows[rows["source_row"] == 20]).any()


@pytest.mark.parametrize("word", ["对方已退还", "已退还", "已退回", "退回成功", "对方已拒收"])
def test_every_sent_back_state_pairs_with_its_return(word: str, tmp_path: Path) -> None:
    text = (GOLDEN / "wechat/wechat-returned-transfer.csv").read_text(encoding="utf-8-sig")
    path = tmp_path / "bill.csv"
    path.write_text(text.replace("对方已退还", word), encoding="utf-8-sig")
    statement = read_one(path)
    assert statement.warnings == []
    assert list(statement.rows["state"])[:2] == ["refunded", "refund"]
