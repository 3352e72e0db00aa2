"""`qiake-auditor scan --json` on statements of the project's own (written by the corpus
writers in the real Alipay / WeChat / ICBC layouts): a usage bill at month end, a bill
every two months and both kinds of arrears are found and explained."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from benchmarks.corpus.users import make_user, write_user

LONG = (date(2024, 1, 10), date(2025, 3, 31))


def _scan(tmp_path, cases: list[str], variant: str, seed: int) -> tuple[dict, dict]:
    user = make_user("u1", seed, cases, start=LONG[0], end=LONG[1], variant=variant)
    truth = write_user(user, tmp_path / "statements")
    files = [str(tmp_path / "statements" / f) for f in truth["files"]]
    names = sorted({n for s in truth["streams"] for n in s["names"]})
    watch = [arg for n in names for arg in ("--watch", n)]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "qiake_auditor",
            "scan",
            *files,
            "--workspace",
            str(tmp_path / "w.sqlite"),
            "--json",
            "--as-of",
            LONG[1].isoformat(),
            *watch,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return truth, json.loads(done.stdout)


def _stream_of(truth: dict, result: dict, gold: dict) -> dict:
    rows = {(f, int(n)): info for f, r in truth["rows"].items() for n, info in r.items()}
    found = [
        s
        for s in result["streams"]
        if any(
            rows.get((c["source"], c["source_row"]), {}).get("stream") == gold["id"]
            for c in s["charges"]
        )
    ]
    assert len(found) == 1, [(s["merchant"], s["cadence"], s["count"]) for s in found]
    return found[0]


def test_scan_finds_and_explains_usage_and_bimonthly_bills(tmp_path):
    truth, result = _scan(tmp_path, ["H25", "H26"], "month-end", 7)
    usage = next(g for g in truth["streams"] if g["case"] == "H25" and g["type"] == "usage")
    got = _stream_of(truth, result, usage)
    assert got["type"] == "usage" and got["cadence"] == "monthly"
    assert got["count"] == usage["charges"]
    assert "按用量计费" in got["explanation_zh"] and "billed by use" in got["explanation_en"]
    assert got["usage"]["trend"] in ("rising", "falling", "steady")
    bimonthly = next(g for g in truth["streams"] if g["case"] == "H26")
    got = _stream_of(truth, result, bimonthly)
    assert got["cadence"] == bimonthly["cadence"] and got["count"] == bimonthly["charges"]
    assert "每两个月" in got["explanation_zh"] or "每四个月" in got["explanation_zh"]


def test_scan_explains_both_kinds_of_arrears(tmp_path):
    for variant, seed, word in (("retry-month-end", 3, "扣款失败后"), ("double", 5, "2倍")):
        truth, result = _scan(tmp_path / variant, ["H28"], variant, seed)
        (gold,) = truth["streams"]
        got = _stream_of(truth, result, gold)
        rows = {(f, int(n)): i for f, r in truth["rows"].items() for n, i in r.items()}
        arrears = [
            c
            for c in got["charges"]
            if rows[(c["source"], c["source_row"])].get("cause") == "arrears_recovery"
        ]
        assert arrears and all(c["cause"] == "arrears_recovery" for c in arrears), variant
        assert word in arrears[0]["cause_reason"], arrears[0]["cause_reason"]
        assert "历史欠费补缴" in got["explanation_zh"] or "补扣" in got["explanation_zh"]
