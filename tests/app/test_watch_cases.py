"""A watched word flags rows for the user's attention; only a company's charges make a case."""

from __future__ import annotations

from datetime import date

from qiake_auditor.app import Audit
from qiake_auditor.app.cases import build_cases
from qiake_auditor.app.decisions import Decisions
from qiake_auditor.app.demo import demo_files
from qiake_auditor.detect.scan import ScanSettings, run

from ..detect.ledgers import ledger, monthly, row


def test_watching_the_landlord_and_the_employer_flags_their_rows_but_makes_no_case(tmp_path):
    with Audit.open(tmp_path / "w.sqlite") as audit:
        audit.import_files(demo_files())
        before = {c.key for c in audit.snapshot().cases}
        audit.add_watch(["李建国", "云杉"])
        snap = audit.snapshot()
        cases = snap.cases
    streams = {s["id"]: s for s in snap.streams}
    watched = {
        streams[f["stream"]]["merchant"]
        for f in snap.flagged
        if "watchlist" in f["flags"] and f["stream"]
    }
    assert {"李建国", "上海云杉信息技术有限公司"} <= watched  # the user is told of both
    assert {c.key for c in cases} == before  # and neither became a case
    names = {n for case in cases for n in case.names}
    assert "李建国" not in names and "上海云杉信息技术有限公司" not in names


def _result(rows: list[dict], watch: list[str]):
    return run(ledger(rows), ScanSettings(watch=watch, as_of=date(2024, 7, 1)))


def _case_names(result) -> set[str]:
    return {n for case in build_cases(result, Decisions(), {}, {}) for n in case.names}


def test_a_watched_one_off_transfer_to_a_person_is_flagged_but_makes_no_case():
    rows = [
        row(
            "2024-03-08",
            "800.00",
            "王小明",
            description="转账",
            category="转账",
            fmt="alipay-2023",
        ),
        row(
            "2024-04-02",
            "300.00",
            "赵六",
            description="网转 还钱",
            source="icbc.csv",
            fmt="icbc-debit-2024",
            method="工商银行(1111)",
        ),
        row("2024-04-20", "2000.00", "招商银行", description="信用卡还款", fmt="cmb-debit"),
    ]
    result = _result(rows, ["王小明", "赵六", "招商银行"])
    assert sorted(f["row_id"] for f in result.flagged) == [1, 2, 3]
    assert all(f["flags"] == ["watchlist"] and f["stream"] is None for f in result.flagged)
    assert result.flagged_charges() == []
    assert _case_names(result) == set()


def test_a_watched_one_off_charge_by_a_company_still_makes_a_case():
    rows = [
        row("2024-05-03", "299.00", "杭州某某网络科技有限公司", description="年度会员"),
        row("2024-05-09", "88.00", "爱奇艺", description="VIP会员"),  # a short company name
        row("2024-05-10", "50.00", "王小明", description="转账"),
    ]
    result = _result(rows, ["某某网络", "爱奇艺", "王小明"])
    assert len(result.flagged) == 3
    assert sorted(f["row_id"] for f in result.flagged_charges()) == [1, 2]
    assert _case_names(result) == {"杭州某某网络科技有限公司", "爱奇艺"}


def test_watched_income_and_transfer_streams_make_no_case_a_watched_plan_does():
    rows = monthly(
        [f"2024-{m:02d}-10" for m in range(1, 7)],
        "15000.00",
        counterparty="上海某某科技有限公司",
        description="工资",
        direction="income",
    )
    rows += monthly(
        [f"2024-{m:02d}-05" for m in range(1, 7)],
        "4500.00",
        counterparty="李建国",
        description="房租",
        category="网转",
        source="icbc.csv",
        fmt="icbc-debit-2024",
        method="工商银行(1111)",
    )
    rows += monthly([f"2024-{m:02d}-15" for m in range(1, 7)], "30.00", counterparty="某某云盘")
    result = _result(rows, ["上海某某", "李建国", "某某云盘"])
    types = {s["merchant"]: s["type"] for s in result.stream_dicts}
    assert types == {
        "上海某某科技有限公司": "income",
        "李建国": "transfer",
        "某某云盘": "subscription",
    }
    assert len(result.flagged) == 18  # every watched row is flagged
    charged = result.flagged_charges()
    assert len(charged) == 6 and {f["stream"] for f in charged} == {
        s["id"] for s in result.stream_dicts if s["merchant"] == "某某云盘"
    }
    assert _case_names(result) == {"某某云盘"}
