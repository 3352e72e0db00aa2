"""A scan ``as_of`` a day sees only the rows dated on or before it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from qiake_auditor.cli import main
from qiake_auditor.detect.scan import ScanSettings, scan

from ..core.alipay_text import alipay_csv
from .ledgers import ledger, monthly, row


def _rows() -> list[dict]:
    rows = monthly([f"2024-{m:02d}-05" for m in range(1, 13)])  # 洽客 all year
    rows += monthly(
        [f"2024-{m:02d}-10" for m in range(6, 12)],
        "30.00",
        counterparty="爱奇艺",
        description="VIP会员连续包月",
    )  # starts in June
    rows.append(row("2024-03-01", "12.00", "瑞幸咖啡", description="生椰拿铁"))
    undated = row("2024-01-01", "5.00", "某某商户", description="无日期")
    undated["time"] = ""
    return [*rows, undated]


def test_rows_after_the_as_of_day_do_not_count() -> None:
    out = scan(ledger(_rows()), ScanSettings(as_of=date(2024, 4, 20)))
    assert out["as_of"] == "2024-04-20"
    times = [t["time"][:10] for t in out["transactions"]]
    assert sorted(t for t in times if t) == [
        "2024-01-05",
        "2024-02-05",
        "2024-03-01",
        "2024-03-05",
        "2024-04-05",
    ]
    assert "" in times  # a row without a date is not dated after anything
    (stream,) = out["streams"]  # 爱奇艺 first charges in June: not there yet
    assert stream["merchant"] == "深圳洽客科技有限公司"
    assert stream["count"] == 4 and stream["status"] == "active"
    assert [c["date"] for c in stream["charges"]][-1] == stream["last_date"] == "2024-04-05"
    assert stream["next_expected"] == "2024-05-05"
    # the watched 洽客 charges up to the as-of day (rows 1-4), none of the later ones
    assert sorted(f["row_id"] for f in out["flagged"]) == [1, 2, 3, 4]


def test_the_as_of_day_itself_counts() -> None:
    out = scan(ledger(_rows()), ScanSettings(as_of=date(2024, 4, 5)))
    (stream,) = out["streams"]
    assert stream["count"] == 4 and stream["next_expected"] == "2024-05-05"


def test_without_an_as_of_day_every_row_counts() -> None:
    out = scan(ledger(_rows()), ScanSettings())
    assert out["as_of"] == "2024-12-05" and len(out["transactions"]) == 20
    assert sorted(s["merchant"] for s in out["streams"]) == ["深圳洽客科技有限公司", "爱奇艺"]


def test_an_as_of_day_after_the_data_keeps_every_row() -> None:
    out = scan(ledger(_rows()), ScanSettings(as_of=date(2025, 1, 1)))
    assert len(out["transactions"]) == 20 and len(out["streams"]) == 2


def test_scan_as_of_on_the_command_line(tmp_path: Path, capsys) -> None:
    statement = alipay_csv(tmp_path / "alipay.csv", ["jan", "feb", "coffee", "mar"])
    workspace = tmp_path / "w.sqlite"
    assert main(["import", str(statement), "--workspace", str(workspace)]) == 0
    capsys.readouterr()
    args = ["scan", "--workspace", str(workspace), "--as-of", "2024-03-04", "--json"]
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert [t["time"][:10] for t in out["transactions"]] == ["2024-01-31", "2024-02-29"]
    assert all(c["date"] <= "2024-03-04" for s in out["streams"] for c in s["charges"])
    upcoming = [s["next_expected"] for s in out["streams"] if s["next_expected"]]
    assert all(day > "2024-03-04" for day in upcoming)
    # the stored rows are all still there for a scan of today
    assert main(["scan", "--workspace", str(workspace), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["transactions"]) == 4
