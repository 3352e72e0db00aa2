"""The corpus writers produce files the real importers identify and read back exactly."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from benchmarks.corpus import demo, generate, writers
from benchmarks.corpus.model import CLOSED, PARTIAL, PENDING, REFUND, Txn, money
from benchmarks.corpus.scenarios import CASES
from benchmarks.corpus.users import make_user, write_user
from qiake_auditor import ingest
from qiake_auditor.workspace import Workspace
from tests.xlsx_content import xlsx_content

REPO = Path(__file__).resolve().parents[2]
META = writers.ExportMeta(
    "张伟",
    "zw***@163.com",
    datetime(2024, 1, 1),
    datetime(2024, 6, 30, 23, 59, 59),
    datetime(2024, 7, 1, 9, 0),
)


def _txns() -> list[Txn]:
    rows = [
        Txn(
            datetime(2024, m, 28, 3, 5, 9),
            money("199.00"),
            "expense",
            "深圳洽客科技有限公司",
            item="洽客CRM专业版-连续包月",
            txn_id=f"2024{m:02d}2822001{m:015d}",
            order_id=f"QK{m}",
        )
        for m in range(1, 7)
    ]
    rows += [
        Txn(
            datetime(2024, 3, 1, 8, 0),
            money("1234.50"),
            "expense",
            "瑞幸咖啡",
            state=CLOSED,
            txn_id="2024030122001",
        ),
        Txn(datetime(2024, 3, 2, 9, 0), money("5.00"), "neutral", "余额宝", txn_id="20240302"),
        Txn(datetime(2024, 3, 3, 9, 0), money("88.80"), "income", "王芳", txn_id="20240303"),
        Txn(
            datetime(2024, 3, 4, 9, 0),
            money("20.00"),
            "expense",
            "小米之家",
            state=PENDING,
            txn_id="20240304",
        ),
    ]
    return rows


@pytest.mark.parametrize(
    "layout,suffix",
    [
        ("alipay-2023", "csv"),
        ("wechat-csv", "csv"),
        ("wechat-xlsx-2026", "xlsx"),
        ("icbc-debit-2024", "csv"),
    ],
)
def test_writer_output_is_read_back_exactly(tmp_path, layout, suffix):
    txns = _txns()
    path = tmp_path / f"statement.{suffix}"
    numbers = writers.WRITERS[layout](path, txns, META)
    (statement,) = ingest.read_statements(path)
    assert statement.importer.id == layout
    assert statement.warnings == []  # the preamble / footer totals agree with the rows
    rows = statement.rows.set_index("source_row")
    assert sorted(rows.index) == sorted(numbers)
    for number, txn in zip(numbers, txns, strict=True):
        row = rows.loc[number]
        assert row["amount"] == f"{txn.amount:.2f}"
        assert row["time"][:10] == txn.day.isoformat()
        if layout != "icbc-debit-2024":  # the bank has no neutral rows or states
            assert row["direction"] == txn.direction
            assert row["txn_id"] == txn.txn_id
            closed = "failed" if layout.startswith("wechat") else "closed"  # 支付失败
            assert (
                row["state"]
                == {"success": "success", CLOSED: closed, PENDING: "pending"}[txn.state]
            )


def test_layout_details_match_the_real_exports(tmp_path):
    writers.alipay_csv(tmp_path / "a.csv", _txns(), META)
    lines = (tmp_path / "a.csv").read_bytes().decode("gbk").split("\n")
    assert lines[0] == "-" * 84 and "电子客户回单" in lines[23]
    assert lines[24].startswith("交易时间") and lines[24].endswith(",")
    assert lines[7] == "共10笔记录" and lines[9] == "支出：8笔 2448.50元"
    assert "\t," in lines[25]  # tab-suffixed order ids
    writers.wechat_csv(tmp_path / "w.csv", _txns(), META)
    data = (tmp_path / "w.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    text = data.decode("utf-8-sig").split("\r\n")
    assert text[16].startswith("交易时间,交易类型") and "¥199.00" in text[17]
    writers.icbc_debit_csv(tmp_path / "i.csv", _txns(), META)
    bank = (tmp_path / "i.csv").read_text("utf-8").split("\n")
    assert bank[0] == "明细查询文件下载" and bank[6].startswith("交易日期,摘要,交易详情")
    assert bank[-2].startswith("人民币合计,,,,,,,,,") and '"1,234.50' not in bank[-2]


def test_wechat_xlsx_amounts_are_numeric_cells(tmp_path):
    from openpyxl import load_workbook

    writers.wechat_xlsx(tmp_path / "w.xlsx", _txns(), META)
    sheet = load_workbook(tmp_path / "w.xlsx")["Sheet1"]
    assert sheet["A18"].value == "交易时间" and sheet["A1"].value == "微信支付账单明细"
    assert sheet["F19"].value == 199 and sheet["F19"].data_type == "n"
    assert sheet["F19"].number_format == "¥#,##0.00"


def test_refund_rows_round_trip_with_states(tmp_path):
    user = make_user(
        "r",
        5,
        ["H8"],
        start=date(2024, 1, 10),
        end=date(2025, 3, 31),
        with_background=False,
        variant="partial",
    )
    truth = write_user(user, tmp_path)
    (name,) = truth["files"]
    (statement,) = ingest.read_statements(tmp_path / name)
    states = dict(
        zip(statement.rows["source_row"].astype(str), statement.rows["state"], strict=True)
    )
    refund = next(n for n, r in truth["rows"][name].items() if r["state"] == REFUND)
    assert states[refund] in ("refund", "refunded")
    original = next(n for n, r in truth["rows"][name].items() if r["state"] == PARTIAL)
    assert states[original] in ("success", "partially_refunded")


def test_generated_corpus_round_trips_through_the_importers(tmp_path):
    truth = generate.generate(tmp_path, streams=30, seed=7, per_user=8, density=0.3)
    assert truth["streams"] >= 30
    seen_cases = {s["case"] for u in truth["users"] for s in u["streams"]}
    assert len(seen_cases) >= 20
    on_disk = json.loads((tmp_path / "truth.json").read_text("utf-8"))
    assert on_disk["streams"] == truth["streams"]
    formats = set()
    for user in truth["users"]:
        for name in user["files"]:
            (statement,) = ingest.read_statements(tmp_path / name)
            formats.add(statement.importer.id)
            assert statement.warnings == []
            got = {
                str(n): (a, t[:10])
                for n, a, t in zip(
                    statement.rows["source_row"],
                    statement.rows["amount"],
                    statement.rows["time"],
                    strict=True,
                )
            }
            want = {n: (r["amount"], r["date"]) for n, r in user["rows"][name].items()}
            assert got == want
    assert {"alipay-2023", "icbc-debit-2024"} <= formats
    assert formats & {"wechat-csv", "wechat-xlsx-2026"}


def test_same_seed_same_corpus(tmp_path):
    a = generate.generate(tmp_path / "a", streams=10, seed=3, density=0.2)
    b = generate.generate(tmp_path / "b", streams=10, seed=3, density=0.2)
    assert a == b
    for name in a["users"][0]["files"]:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.parametrize("case", sorted(CASES, key=lambda c: int(c[1:])))
def test_every_case_has_gold_rows_inside_the_window(case):
    user = make_user(
        "c", 9, [case], start=date(2024, 1, 10), end=date(2025, 3, 31), with_background=False
    )
    assert user.streams
    ids = {s.id for s in user.streams}
    members = [t for t in user.txns if t.stream in ids]
    assert all(user.start <= t.day <= user.end for t in user.txns)
    for stream in user.streams:
        assert any(t.stream == stream.id for t in members)
        assert stream.charges >= 1


def test_demo_files_are_committed_as_generated(tmp_path):
    demo.write(tmp_path)
    committed = REPO / "qiake_auditor" / "resources" / "demo"
    for name in [*demo.FILES.values(), "demo.json"]:
        fresh, kept = (tmp_path / name).read_bytes(), (committed / name).read_bytes()
        if name.endswith(".xlsx"):
            assert xlsx_content(fresh) == xlsx_content(kept), name
        else:
            assert fresh == kept, name


def test_demo_imports_with_the_qiake_story(tmp_path):
    committed = REPO / "qiake_auditor" / "resources" / "demo"
    config = json.loads((committed / "demo.json").read_text("utf-8"))
    assert config["cancelled"] == {"深圳洽客科技有限公司": "2025-06-20"}
    with Workspace(tmp_path / "w.sqlite") as workspace:
        reports, _ = ingest.import_paths([committed / f for f in config["files"]], workspace)
        rows = workspace.ledger()
    assert sorted(r.format for r in reports) == [
        "alipay-2023",
        "icbc-debit-2024",
        "wechat-xlsx-2026",
    ]
    assert all(r.warnings == [] for r in reports)
    assert all((committed / f).stat().st_size < 200 * 1024 for f in config["files"])
    qiake = rows[rows["merchant"].str.contains("洽客")]
    bank = qiake[qiake["format"] == "icbc-debit-2024"]
    assert len(bank) == 1 and bank["link_id"].iloc[0] != ""
    linked = qiake[qiake["link_id"] == bank["link_id"].iloc[0]]
    assert len(linked) == 2 and set(linked["amount"]) == {"199.00"}
    after = qiake[(qiake["time"] > "2025-06-21") & (qiake["format"] != "icbc-debit-2024")]
    assert sorted(set(after["amount"])) == ["1980.00", "29.00"]
    assert sum(Decimal(a) for a in after["amount"]) == Decimal("1980.00") + 5 * Decimal("29.00")
