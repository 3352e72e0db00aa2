"""The case flow of issue 7, run as a user would: separate processes on the demo statements.

The expected charges were read by hand from qiake_auditor/resources/demo: the annual ¥1,980.00
renewal in the Alipay CSV and the monthly ¥29.00 洽客科技 charges in the WeChat XLSX.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from qiake_auditor.app.demo import demo_files

AFTER = [  # (date, amount) of every 洽客 charge after the cancellation of 2025-06-20
    ("2025-07-12", "29.00"),
    ("2025-08-12", "29.00"),
    ("2025-09-12", "29.00"),
    ("2025-10-12", "29.00"),
    ("2025-11-12", "29.00"),
    ("2025-11-30", "1980.00"),
]


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = dict(os.environ, QIAKE_LANG=lang)
    return subprocess.run(
        [sys.executable, "-m", "qiake_auditor", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cases") / "workspace.sqlite"
    done = run("import", *map(str, demo_files()), "--workspace", str(path))
    assert done.returncode == 0, done.stderr
    done = run("case", "set", "洽客", "--cancelled", "2025-06-20", "--workspace", str(path))
    assert done.returncode == 0, done.stderr
    return path


def test_case_show_gathers_every_qiake_stream_and_the_charges_after_cancellation(workspace):
    done = run("case", "show", "洽客", "--json", "--workspace", str(workspace))
    assert done.returncode == 0, done.stderr
    case = json.loads(done.stdout)
    assert re.fullmatch(r"QK-\d{8}-\d{3}", case["id"])
    assert {"洽客科技", "深圳洽客科技有限公司"} <= set(case["names"])
    assert case["cancelled_on"] == "2025-06-20"
    assert len(case["streams"]) == 3  # annual, monthly ¥29, monthly ¥199: one case
    assert {s["merchant_key"] for s in case["streams"]} == {case["key"]}
    assert case["charges"] == 18
    assert case["totals"] == {"CNY": {"paid": "5274.00", "refunded": "0.00", "net": "5274.00"}}
    after = case["after_cancellation"]
    assert after["charges"] == 6
    assert after["totals"]["CNY"]["paid"] == "2125.00"
    assert [(i["time"][:10], i["amount"]) for i in after["items"]] == AFTER
    for item in after["items"]:
        assert item["currency"] == "CNY"
        assert item["source"] in {p.name for p in demo_files()}
        assert item["source_row"] > 0 and item["txn_id"] and item["merchant_order_id"]
    assert case["first"] == "2024-06-30" and case["last"] == "2025-11-30"
    assert [e["summary"] for e in case["log"]] == ["cancelled on 2025-06-20"]


def test_a_plain_scan_afterwards_still_flags_them(workspace):
    done = run("scan", "--json", "--workspace", str(workspace))
    assert done.returncode == 0, done.stderr
    scan = json.loads(done.stdout)
    rows = {t["row_id"]: t for t in scan["transactions"]}
    late = sorted(
        (rows[f["row_id"]]["time"][:10], rows[f["row_id"]]["amount"])
        for f in scan["flagged"]
        if "after_cancellation" in f["flags"]
    )
    assert late == AFTER


def test_scan_stores_cancelled_and_watch_but_not_as_of(tmp_path):
    path = tmp_path / "w.sqlite"
    files = [str(p) for p in demo_files()]
    done = run(
        "scan",
        *files,
        "--workspace",
        str(path),
        "--cancelled",
        "深圳洽客科技有限公司=2025-06-20",
        "--watch",
        "腾讯",
        "--as-of",
        "2025-08-01",
    )
    assert done.returncode == 0, done.stderr
    done = run("scan", "--json", "--workspace", str(path))
    scan = json.loads(done.stdout)
    assert scan["as_of"] == "2025-11-30"  # the latest transaction again, not the old --as-of
    flagged = {f["row_id"]: f["flags"] for f in scan["flagged"]}
    streams = {s["merchant"]: s for s in scan["streams"]}
    assert "watchlist" in streams["腾讯视频"]["flags"]
    assert sum("after_cancellation" in f for f in flagged.values()) == 6


def test_case_log_attachment_survives_reopening_byte_for_byte(workspace, tmp_path):
    shot = tmp_path / "客服截图.png"
    data = bytes(range(256)) * 40 + b"\x00end"
    shot.write_bytes(data)
    done = run(
        "case",
        "log",
        "洽客",
        "--channel",
        "merchant",
        "--summary",
        "电话要求停止扣费并退款",
        "--ticket",
        "KF-2025-1201",
        "--date",
        "2025-12-01",
        "--attach",
        str(shot),
        "--workspace",
        str(workspace),
    )
    assert done.returncode == 0, done.stderr
    case = json.loads(
        run("case", "show", "洽客科技", "--json", "--workspace", str(workspace)).stdout
    )
    [entry] = [e for e in case["log"] if e["kind"] == "contact"]
    assert (entry["channel"], entry["ticket"], entry["date"]) == (
        "merchant",
        "KF-2025-1201",
        "2025-12-01",
    )
    assert [e["date"] for e in case["log"]] == sorted(e["date"] for e in case["log"])
    [attachment] = entry["attachments"]
    assert attachment["name"] == "客服截图.png"
    assert attachment["sha256"] == hashlib.sha256(data).hexdigest()
    from qiake_auditor.app import Audit

    with Audit.open(workspace) as audit:
        assert audit.attachment(attachment["id"]) == data


def test_case_list_shows_the_totals(workspace):
    done = run("case", "list", "--json", "--workspace", str(workspace))
    cases = {c["merchant"]: c for c in json.loads(done.stdout)}
    qiake = next(c for name, c in cases.items() if "洽客" in name)
    assert qiake["totals"]["CNY"]["paid"] == "5274.00"
    assert qiake["after_cancellation"]["totals"]["CNY"]["paid"] == "2125.00"
    assert not any("上海云杉" in name for name in cases)  # salary is no case


def test_case_set_status_note_and_bad_values(workspace):
    done = run(
        "case",
        "set",
        "洽客",
        "--status",
        "disputed",
        "--note",
        "已向支付宝投诉",
        "--workspace",
        str(workspace),
    )
    assert done.returncode == 0, done.stderr
    case = json.loads(run("case", "show", "洽客", "--json", "--workspace", str(workspace)).stdout)
    assert case["status"] == "disputed" and case["notes"] == ["已向支付宝投诉"]
    bad = run("case", "set", "洽客", "--status", "angry", "--workspace", str(workspace))
    assert bad.returncode == 2 and "angry" in bad.stderr
    missing = run("case", "show", "不存在的公司", "--workspace", str(workspace), lang="zh")
    assert missing.returncode == 2 and "没有与" in missing.stderr


CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


def test_scan_in_chinese_shows_no_english_vocabulary(workspace):
    done = run("scan", "--workspace", str(workspace), "--lang", "zh")
    assert done.returncode == 0, done.stderr
    table = done.stdout.split("\n\n")[0]
    words = set(re.findall(r"[A-Za-z_]{3,}", table))
    assert not words, words  # types, cadences, statuses and flags all in Chinese
    assert "取消后仍扣款" in table and "订阅扣费" in table and "每年" in table


def test_scan_in_english_shows_no_chinese_but_printed_names(workspace):
    done = run("scan", "--workspace", str(workspace), "--lang", "en")
    assert done.returncode == 0, done.stderr
    shown = json.loads(run("scan", "--json", "--workspace", str(workspace)).stdout)
    text = done.stdout
    printed = {n for s in shown["streams"] for n in s["names"]} | {
        t[c] for t in shown["transactions"] for c in ("counterparty", "merchant", "description")
    }
    for name in sorted(printed, key=len, reverse=True):
        if name:
            text = text.replace(name, "")
    assert not CJK.findall(text), CJK.findall(text)[:20]
