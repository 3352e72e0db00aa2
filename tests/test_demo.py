"""The bundled demo and its headless audit (what scripts/demo does without a display)."""

from __future__ import annotations

import csv
import json
from datetime import date

from qiake_auditor import demo
from qiake_auditor.money import format_amount
from qiake_auditor.workspace import Workspace

QIAKE = "深圳洽客科技有限公司"


def test_demo_files_are_the_three_statements_without_side_files():
    names = [p.name for p in demo.demo_files()]
    assert len(names) == 3
    assert {p.suffix for p in demo.demo_files()} == {".csv", ".xlsx"}
    assert not any(n.endswith((".json", ".md", ".py")) for n in names)


def test_demo_settings_read_the_cancellation_date():
    settings = demo.demo_settings()
    assert settings["cancellations"] == {QIAKE: "2025-06-20"}
    assert demo.demo_overrides() == {"as_of": date(2025, 11, 30)}


def test_headless_demo_writes_outputs_and_prints_a_summary(tmp_path):
    out = tmp_path / "demo-output"
    said: list[str] = []
    assert demo.run_headless_demo(out, echo=said.append, lang="zh") == 0
    text = "\n".join(said)
    with Workspace(out / "workspace.sqlite") as space:
        rows = space.row_count()
        assert len(space.files()) == 3
        # stored on the case (the normalised merchant), not on one printed name
        assert space.decisions("cancelled") == {"洽客": "2025-06-20"}
    with open(out / "ledger.csv", encoding="utf-8-sig", newline="") as handle:
        ledger = list(csv.DictReader(handle))
    assert len(ledger) == rows > 100
    assert any(r["merchant"] == QIAKE for r in ledger)
    assert "读取了 3 个演示账单：" in text and "read 3" not in text  # one language
    assert f"账目共 {rows} 行" in text
    for path in demo.demo_files():
        assert path.name in text
    for name in ("workspace.sqlite", "ledger.csv", "streams.json", "streams.txt"):
        assert str(out / name) in text
    scan = json.loads((out / "streams.json").read_text(encoding="utf-8"))
    readable = (out / "streams.txt").read_text(encoding="utf-8")
    qiake = [s for s in scan["streams"] if "洽客" in s["merchant"]]
    assert any("after_cancellation" in s["flags"] for s in qiake)
    assert "!! 取消后仍被扣款：" in text
    after = [c for s in qiake for c in s["charges"] if "after_cancellation" in c["flags"]]
    for charge in after:  # each finding names its date, amount, file and row
        assert charge["date"] > "2025-06-20"
        amount = format_amount(charge["amount"], "CNY")
        assert (
            f"{charge['date']}  {amount}（{charge['source']} 第 {charge['source_row']} 行）" in text
        )
    assert QIAKE in readable and "取消后仍扣款" in readable and "after_cancellation" not in readable
    # The readable file starts with the number of transactions, not a dump of them.
    assert readable.splitlines()[0] == f"截至 2025-11-30，共 {rows} 笔交易"
    assert scan["transactions"] == rows
    assert "洽客科技：18 笔扣费，共 ¥5,274.00；2025-06-20 取消后仍扣 6 笔，共 ¥2,125.00" in text
    assert not list(out.glob(".*.part"))  # written through a temporary file, renamed
    charts_dir = out / "charts"
    assert (charts_dir / "overview.png").stat().st_size > 5000
    assert len(list(charts_dir.glob("timeline-*.png"))) == 3


def test_headless_demo_speaks_english_when_asked(tmp_path):
    said: list[str] = []
    assert demo.run_headless_demo(tmp_path / "out", echo=said.append, lang="en") == 0
    text = "\n".join(said)
    assert text.startswith("read 3 demo statements:\n")
    assert "!! charged after cancellation:" in text
    assert f"  {QIAKE}: cancelled on 2025-06-20, charged 1 more time:" in text  # singular
    assert "charged 5 more times:" in text
    assert "个演示账单" not in text and "取消后" not in text and "(s)" not in text
    readable = (tmp_path / "out" / "streams.txt").read_text(encoding="utf-8")
    assert readable.startswith("as of 2025-11-30: ") and "charged after cancellation" in readable
