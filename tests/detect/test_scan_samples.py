"""`scan --json` follows the contract on every public sample export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qiake_auditor.cli import main
from tests.conftest import SAMPLES

from .test_contract import check_contract

FILES = (
    sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.name != "SOURCES.md")
    if SAMPLES.exists()
    else []
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_scan_json_contract_on_sample(path: Path, tmp_path: Path, capsys) -> None:
    code = main(["scan", str(path), "--workspace", str(tmp_path / "ws.sqlite"), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    check_contract(out)
    assert out["transactions"], "a sample with transaction rows"
    assert {t["source"] for t in out["transactions"]} == {path.name}
    rows = [t["source_row"] for t in out["transactions"]]
    assert len(rows) == len(set(rows))  # each ledger row once


def test_every_sample_is_covered() -> None:
    if not SAMPLES.exists():
        pytest.skip("shared samples not present")
    assert len(FILES) == 15
