"""Shareable outputs hide full account numbers unless asked; one masking module for all."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from qiake_auditor.cli import main

CAMT = Path(__file__).parents[1] / "data" / "golden" / "camt" / "v8-two-statements.xml"


def _methods(capsys, *args: str) -> set[str]:
    assert main(["scan", str(CAMT), *args, "--json"]) == 0
    return {t["method"] for t in json.loads(capsys.readouterr().out)["transactions"]}


def test_scan_json_masks_account_numbers_unless_asked(tmp_path: Path, capsys) -> None:
    printed = CAMT.read_text(encoding="utf-8")
    assert "DE89370400440532013000" in printed  # the statement's own IBAN, in full
    masked = _methods(capsys, "--workspace", str(tmp_path / "a.sqlite"))
    assert masked and all(m.startswith("****") for m in masked)
    assert "****3000" in masked and not any("0532013000" in m for m in masked)
    full = _methods(capsys, "--workspace", str(tmp_path / "b.sqlite"), "--full-accounts")
    assert "DE89370400440532013000" in full


def test_the_ledger_export_masks_the_same_way(tmp_path: Path, capsys) -> None:
    masked = _methods(capsys, "--workspace", str(tmp_path / "a.sqlite"))
    out = tmp_path / "ledger.csv"
    workspace = str(tmp_path / "b.sqlite")
    assert main(["import", str(CAMT), "--workspace", workspace, "--out", str(out)]) == 0
    exported = pd.read_csv(out, dtype="str", keep_default_na=False, encoding="utf-8-sig")
    assert set(exported["method"]) == masked


def test_one_module_serves_exports_and_documents() -> None:
    import importlib.util

    from qiake_auditor import masking

    assert importlib.util.find_spec("qiake_auditor.outputs.masking") is None
    assert masking.mask_account_numbers("DE89370400440532013000") == "****3000"
    assert masking.Masker().account("6222021234567890123") == "6222 **** **** 0123"
