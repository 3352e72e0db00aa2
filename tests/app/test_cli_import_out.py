"""`qiake-auditor import --out x.xlsx` over the XLSX row limit: the limit can only be
checked against the imported ledger, so the refusal says the import was saved and only
the export was refused, and the same command with a .csv name writes it. The limit is
made small by monkeypatching exports.XLSX_ROWS (a sheet's rows, its header among them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qiake_auditor import exports
from qiake_auditor.cli import main
from qiake_auditor.workspace import Workspace
from tests.core.alipay_text import alipay_csv


@pytest.fixture
def bill(tmp_path: Path) -> Path:
    return alipay_csv(tmp_path / "支付宝交易明细(20240101-20240331).csv", ["jan", "feb", "coffee"])


def test_xlsx_over_the_limit_says_the_import_was_saved(
    tmp_path: Path, capsys, monkeypatch, bill: Path
) -> None:
    monkeypatch.setattr(exports, "XLSX_ROWS", 3)  # a header and two rows: three do not fit
    ws, out = tmp_path / "ws.sqlite", tmp_path / "l.xlsx"
    args = ["import", str(bill), "--workspace", str(ws), "--out", str(out)]
    assert main([*args, "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"error: the import was saved, but the ledger was not written to {out}: an XLSX "
        "sheet holds at most 2 rows of transactions (and a header row), and the ledger of "
        "these files has 3; run the same command with --out naming a .csv file (CSV has no "
        "row limit; files already imported are not imported twice)"
    )
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    with Workspace(ws) as workspace:  # what the message says: the import stood
        assert len(workspace.ledger()) == 3 and len(workspace.files()) == 1
    assert main([*args, "--lang", "zh"]) == 2  # the second time: already imported
    err = capsys.readouterr().err
    assert f"导入已保存，但账目没有写出到 {out}：XLSX 工作表最多容纳 2 行交易" in err
    assert "这些文件的账目有 3 行" in err and "改为 .csv 文件" in err
    csv_out = tmp_path / "l.csv"
    command = ["import", str(bill), "--workspace", str(ws), "--out", str(csv_out)]
    assert main([*command, "--lang", "en"]) == 0
    assert "already imported" in capsys.readouterr().out
    assert len(csv_out.read_text(encoding="utf-8-sig").splitlines()) == 4  # header + 3


def test_xlsx_within_the_limit_is_written(tmp_path: Path, capsys, monkeypatch, bill) -> None:
    monkeypatch.setattr(exports, "XLSX_ROWS", 4)  # a header and three rows: just fits
    ws, out = tmp_path / "ws.sqlite", tmp_path / "l.xlsx"
    assert main(["import", str(bill), "--workspace", str(ws), "--out", str(out)]) == 0
    assert out.exists()


def test_a_bad_suffix_is_still_refused_before_any_import(tmp_path: Path, capsys, bill) -> None:
    ws = tmp_path / "ws.sqlite"
    out = tmp_path / "l.txt"
    args = ["import", str(bill), "--workspace", str(ws), "--out", str(out), "--lang", "en"]
    assert main(args) == 2
    assert "import was saved" not in capsys.readouterr().err
    assert not ws.exists()  # nothing imported
