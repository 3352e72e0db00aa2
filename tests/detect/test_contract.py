"""The scan JSON contract (keys and types) and the `qiake-auditor scan` command."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from qiake_auditor import cli
from qiake_auditor.detect.scan import ScanSettings, scan, settings_from_workspace
from qiake_auditor.ledger import LEDGER_COLUMNS
from qiake_auditor.workspace import Workspace

from .ledgers import ledger, monthly, row

DEMO = Path(__file__).resolve().parents[2] / "qiake_auditor" / "resources" / "demo"
AMOUNT = re.compile(r"\d+\.\d{2}")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
STREAM_KEYS = {
    "id": str,
    "merchant": str,
    "names": list,
    "type": str,
    "cadence": str,
    "currency": str,
    "amount": str,
    "count": int,
    "total": str,
    "net_total": str,
    "first_date": str,
    "last_date": str,
    "status": str,
    "confidence": float,
    "flags": list,
    "explanation": str,
    "charges": list,
}
CHARGE_KEYS = {
    "source": str,
    "source_row": int,
    "date": str,
    "amount": str,
    "state": str,
    "flags": list,
}


def check_contract(out: dict) -> None:
    assert ISO.fullmatch(out["as_of"])
    for t in out["transactions"]:
        assert set(LEDGER_COLUMNS) <= set(t)
        assert AMOUNT.fullmatch(t["amount"]) and isinstance(t["source_row"], int)
    for s in out["streams"]:
        for key, kind in STREAM_KEYS.items():
            assert isinstance(s[key], kind), (key, s[key])
        assert s["next_expected"] is None or ISO.fullmatch(s["next_expected"])
        assert s["type"] in {"subscription", "bill", "instalment", "transfer", "income"}
        assert s["cadence"] in {
            "weekly",
            "biweekly",
            "semimonthly",
            "monthly",
            "quarterly",
            "semiannual",
            "annual",
            "irregular",
        }
        assert s["status"] in {"active", "overdue", "inactive", "cancelled"}
        assert 0.0 <= s["confidence"] <= 1.0
        for key in ("amount", "total", "net_total"):
            assert AMOUNT.fullmatch(s[key])
        assert ISO.fullmatch(s["first_date"]) and ISO.fullmatch(s["last_date"])
        for c in s["charges"]:
            for key, kind in CHARGE_KEYS.items():
                assert isinstance(c[key], kind), (key, c)
            assert c["txn_id"] is None or isinstance(c["txn_id"], str)
            assert c["cause"] is None or isinstance(c["cause"], str)
    for f in out["flagged"]:
        assert isinstance(f["source"], str) and isinstance(f["source_row"], int)
        assert f["flags"] and (f["cause"] is None or isinstance(f["cause"], str))
    json.dumps(out, ensure_ascii=False)


def test_contract_on_a_small_ledger():
    rows = monthly(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"], txn_id="T")
    rows.append(row("2024-05-02", "5.00", "便利蜂", description="水"))
    out = scan(ledger(rows), ScanSettings())
    check_contract(out)
    assert out["as_of"] == "2024-05-02"  # the latest transaction date by default
    assert len(out["transactions"]) == 5
    (s,) = out["streams"]
    assert (s["amount"], s["count"], s["total"], s["net_total"]) == (
        "199.00",
        4,
        "796.00",
        "796.00",
    )
    assert (s["first_date"], s["last_date"], s["next_expected"]) == (
        "2024-01-31",
        "2024-04-30",
        "2024-05-31",
    )


def test_explanation_is_built_from_the_numbers_in_both_languages():
    rows = monthly(
        [
            "2024-01-31",
            "2024-02-29",
            "2024-03-31",
            "2024-04-30",
            "2024-05-31",
            "2024-06-30",
            "2024-07-31",
            "2024-08-31",
        ]
    )
    rows += [row("2024-09-30", "199.00", state="failed"), row("2024-10-02", "199.00")]
    rows += monthly(
        ["2024-10-31", "2024-11-30", "2024-12-31", "2025-01-31", "2025-02-28", "2025-03-31"]
    )
    rows += monthly(["2025-04-30", "2025-05-31", "2025-06-30", "2025-07-31"], "249.00")
    (s,) = scan(ledger(rows), ScanSettings())["streams"]
    zh, en = s["explanation_zh"], s["explanation_en"]
    assert zh.startswith("自2024-01-31起，深圳洽客科技有限公司在每月最后一天左右扣费共19次")
    for text in (zh, en):
        for number in ("¥199", "¥249", "2025-04-30", "2024-09-30", "2025-08-31", "±3", "2025-03"):
            assert number in text, (number, text)
    assert "涨价" in zh and "重试成功" in zh and "price increase" in en
    assert s["explanation"] == zh
    en_only = scan(ledger(rows), ScanSettings(lang="en"))["streams"][0]
    assert en_only["explanation"] == en


def test_annual_stream_has_a_cancel_by_date_from_the_notice_period():
    rows = [row("2024-03-15", "2980.00"), row("2025-03-14", "2980.00")]
    (s,) = scan(ledger(rows), ScanSettings(notice_days=10))["streams"]
    assert s["next_expected"] == "2026-03-14" and s["cancel_by"] == "2026-03-04"
    assert "2026-03-04" in s["explanation"]


def test_dismissed_stream_does_not_come_back():
    rows = monthly(["2024-01-10", "2024-02-10", "2024-03-10"], counterparty="爱奇艺")
    (s,) = scan(ledger(rows), ScanSettings())["streams"]
    assert scan(ledger(rows), ScanSettings(dismissed={s["id"]}))["streams"] == []


def test_settings_from_workspace_merge_stored_decisions_and_options(tmp_path):
    with Workspace(tmp_path / "w.sqlite") as ws:
        ws.set_decision("cancelled", "洽客科技", "2025-02-20")
        ws.set_decision("alias", "小洽", "深圳洽客科技有限公司")
        ws.set_decision("watch", "钉钉", "1")
        ws.set_decision("org_method", "公司卡(8888)", "1")
        ws.set_decision("dismissed", "sabc", "1")
        settings = settings_from_workspace(
            ws, watch=["飞书"], notice_days=3, cancellations={"爱奇艺": date(2024, 1, 1)}
        )
    assert settings.watch == ["钉钉", "飞书"]
    assert settings.cancellations == {"洽客科技": date(2025, 2, 20), "爱奇艺": date(2024, 1, 1)}
    assert settings.aliases == {"小洽": "深圳洽客科技有限公司"}
    assert settings.org_methods == {"公司卡(8888)"} and settings.dismissed == {"sabc"}
    assert settings.notice_days == 3


def demo_files() -> list[str]:
    return [str(p) for p in sorted(DEMO.iterdir()) if p.suffix in (".csv", ".xlsx")]


def test_cli_scan_json_on_the_demo_statements(tmp_path, capsys):
    code = cli.main(
        [
            "scan",
            *demo_files(),
            "--workspace",
            str(tmp_path / "w.sqlite"),
            "--cancelled",
            "深圳洽客科技有限公司=2025-06-20",
            "--json",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    check_contract(out)
    assert out["as_of"] == "2025-11-30"
    by = {(s["merchant"], s["cadence"]): s for s in out["streams"]}
    annual = by[("深圳洽客科技有限公司", "annual")]
    assert annual["count"] == 2 and annual["amount"] == "1980.00"
    assert "after_cancellation" in annual["flags"]
    monthly_qk = by[("深圳洽客科技有限公司", "monthly")]
    assert monthly_qk["count"] == 5 and monthly_qk["total"] == "995.00"  # bank copy not counted
    assert by[("洽客科技", "monthly")]["amount"] == "29.00"
    assert by[("腾讯视频", "monthly")]["type"] == "subscription"
    assert {s["type"] for s in out["streams"]} >= {"income", "bill"}
    late = [f for f in out["flagged"] if "after_cancellation" in f["flags"]]
    assert len(late) == 6  # ¥1,980 on 2025-11-30 and ¥29 on 07-12 .. 11-12


def test_cli_scan_whole_workspace_table_and_bad_option(tmp_path, capsys):
    workspace = str(tmp_path / "w.sqlite")
    assert cli.main(["import", *demo_files(), "--workspace", workspace]) == 0
    capsys.readouterr()
    assert cli.main(["scan", "--workspace", workspace, "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("as of 2025-11-30:") and "腾讯视频" in text
    assert cli.main(["scan", "--workspace", workspace, "--cancelled", "洽客"]) == 2
    assert "MERCHANT=YYYY-MM-DD" in capsys.readouterr().err
    assert cli.main(["scan", "--workspace", workspace, "--as-of", "2025-13-01"]) == 2


def test_stored_watch_word_can_switch_the_default_off(tmp_path):
    with Workspace(tmp_path / "w.sqlite") as ws:
        assert settings_from_workspace(ws).watch == ["洽客"]
        ws.set_decision("watch", "洽客", "0")
        ws.set_decision("watch", "飞书", "1")
        assert settings_from_workspace(ws).watch == ["飞书"]


def test_empty_ledger_and_rows_without_workspace_columns():
    from qiake_auditor.ledger import empty_ledger

    out = scan(empty_ledger(), ScanSettings(as_of=date(2025, 1, 1)))
    assert out == {"as_of": "2025-01-01", "transactions": [], "streams": [], "flagged": []}
    rows = ledger(monthly(["2024-01-10", "2024-02-10", "2024-03-10"]))
    rows.loc[0, "time"] = "not a date"
    bare = rows.drop(columns=["row_id", "dedup_key", "refund_of"])
    out = scan(bare, ScanSettings())
    assert out["as_of"] == "2024-03-10" and len(out["transactions"]) == 3
    check_contract(out)


def test_stream_ids_survive_more_months_and_tell_two_seats_apart():
    early = monthly(["2024-07-31", "2024-08-31", "2024-09-30"], counterparty="爱奇艺")
    later = early + monthly(["2024-11-01", "2024-12-01", "2025-01-01"], counterparty="爱奇艺")
    (a,) = scan(ledger(early), ScanSettings())["streams"]
    (b,) = scan(ledger(later), ScanSettings())["streams"]
    assert a["id"] == b["id"] and a["anchor"] != b["anchor"]
    seats = monthly([f"2024-{m:02d}-05" for m in range(1, 6)], description="席位A")
    seats += monthly([f"2024-{m:02d}-12" for m in range(1, 6)], description="席位B")
    ids = [s["id"] for s in scan(ledger(seats), ScanSettings())["streams"]]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_cli_notice_days_and_english_explanation(tmp_path, capsys):
    code = cli.main(
        [
            "scan",
            *demo_files(),
            "--workspace",
            str(tmp_path / "w.sqlite"),
            "--notice-days",
            "30",
            "--lang",
            "en",
            "--json",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    annual = next(s for s in out["streams"] if s["cadence"] == "annual")
    assert annual["next_expected"] == "2026-11-30" and annual["cancel_by"] == "2026-10-31"
    assert annual["explanation"].startswith("2 charges from 深圳洽客科技有限公司")
    assert "cancel by 2026-10-31" in annual["explanation"]


def test_cli_scan_prints_nothing_when_the_import_cannot_be_written(tmp_path, capsys, monkeypatch):
    import sqlite3

    def full_disk(*_args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Workspace, "set_links", full_disk)
    workspace = tmp_path / "w.sqlite"
    assert cli.main(["scan", *demo_files(), "--workspace", str(workspace), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "database or disk is full" in captured.err
    with Workspace(workspace) as ws:
        assert ws.row_count() == 0 and ws.files() == []


def test_cli_scan_json_overlaps_printing_yet_prints_one_object(tmp_path, capsys, monkeypatch):
    # The transaction records are printed by a worker while detection runs; the object
    # must still come out whole and in order, and a detection failure must say so.
    workspace = str(tmp_path / "w.sqlite")
    assert cli.main(["scan", *demo_files(), "--workspace", workspace, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["as_of", "transactions", "streams", "flagged"]
    check_contract(out)
    assert cli.main(["scan", "--workspace", workspace, "--json"]) == 0  # whole workspace
    again = json.loads(capsys.readouterr().out)
    assert again["transactions"] == out["transactions"] and again["streams"] == out["streams"]

    from qiake_auditor.detect import scan as scan_module

    def broken(*_args, **_kwargs):
        raise RuntimeError("detector bug")

    monkeypatch.setattr(scan_module, "_finish", broken)
    assert cli.main(["scan", "--workspace", workspace, "--json"]) == 1
    assert "RuntimeError: detector bug" in capsys.readouterr().err
