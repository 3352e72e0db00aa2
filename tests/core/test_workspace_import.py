"""Workspace behaviour of imports: re-imports, overlaps, look-alike rows, atomicity."""

from __future__ import annotations

from pathlib import Path

import pytest

from qiake_auditor.errors import StatementError
from qiake_auditor.ingest import import_paths
from qiake_auditor.workspace import Workspace

from .alipay_text import alipay_csv


def _expense_total(workspace: Workspace) -> str:
    from qiake_auditor import ledger
    from qiake_auditor.money_columns import sum_amounts

    rows = workspace.ledger()
    return str(sum_amounts(rows.loc[ledger.counts_as_spending(rows), "amount"]))


def test_reimporting_the_same_file_adds_nothing(tmp_path: Path) -> None:
    bill = alipay_csv(tmp_path / "bill.csv", ["jan", "feb"])
    with Workspace(tmp_path / "ws.sqlite") as ws:
        first, _ = import_paths([bill], ws)
        second, keys = import_paths([bill], ws)
        assert (first[0].added, first[0].already_imported) == (2, False)
        assert (second[0].added, second[0].already_imported) == (0, True)
        assert ws.row_count() == 2
        assert len(ws.files()) == 1
        assert len(keys) == 2
        assert _expense_total(ws) == "398.00"


def test_overlapping_exports_add_only_the_new_rows(tmp_path: Path) -> None:
    q1 = alipay_csv(tmp_path / "jan-feb.csv", ["jan", "feb"])
    q2 = alipay_csv(tmp_path / "feb-mar.csv", ["feb", "mar"])
    with Workspace(tmp_path / "ws.sqlite") as ws:
        import_paths([q1], ws)
        reports, keys = import_paths([q2], ws)
        assert reports[0].added == 1  # February was already there
        assert ws.row_count() == 3
        assert _expense_total(ws) == "597.00"
        # "The rows of these files": February once, from the file that stored it first.
        rows = ws.ledger(keys=keys)
        assert sorted(rows["time"].str.slice(0, 10)) == ["2024-02-29", "2024-03-31"]
        assert set(rows["source"]) == {"jan-feb.csv", "feb-mar.csv"}


def test_look_alike_rows_within_one_file_stay_separate(tmp_path: Path) -> None:
    # A statement lists each transaction once: two identical rows are two charges.
    bill = alipay_csv(tmp_path / "twice.csv", ["jan", "jan", "feb"])
    with Workspace(tmp_path / "ws.sqlite") as ws:
        reports, _ = import_paths([bill], ws)
        assert reports[0].added == 3
        assert sorted(ws.ledger()["source_row"]) == [26, 27, 28]
        # The same file again, and an overlapping one with the pair, add nothing.
        again = alipay_csv(tmp_path / "again.csv", ["jan", "jan"])
        assert import_paths([again], ws)[0][0].added == 0
        assert ws.row_count() == 3


def test_a_failed_import_leaves_the_workspace_unchanged(tmp_path: Path) -> None:
    good = alipay_csv(tmp_path / "good.csv", ["jan"])
    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        alipay_csv(tmp_path / "tmp.csv", ["feb"]).read_bytes().replace(b"199.00", b"abc")
    )
    with Workspace(tmp_path / "ws.sqlite") as ws:
        import_paths([good], ws)
        with pytest.raises(StatementError) as error:
            import_paths([alipay_csv(tmp_path / "mar.csv", ["mar"]), bad], ws)
        assert "bad.csv, line 26" in str(error.value)
        assert "abc" in str(error.value)
        assert ws.row_count() == 1  # March (read before the bad file) was not stored either
        assert [f.name for f in ws.files()] == ["good.csv"]


def test_originals_are_kept_byte_for_byte(tmp_path: Path) -> None:
    bill = alipay_csv(tmp_path / "bill.csv", ["jan"])
    with Workspace(tmp_path / "ws.sqlite") as ws:
        import_paths([bill], ws)
        stored = ws.files()[0]
        assert ws.original(stored.id) == bill.read_bytes()
        import hashlib

        assert stored.sha256 == hashlib.sha256(bill.read_bytes()).hexdigest()
        assert set(ws.ledger()["source_sha256"]) == {stored.sha256}


def test_a_statement_cut_off_mid_row_is_refused(tmp_path: Path) -> None:
    whole = alipay_csv(tmp_path / "whole.csv", ["jan", "feb"]).read_bytes()
    cut = tmp_path / "cut.csv"
    cut.write_bytes(whole[: whole.rindex("交易成功".encode("gb18030"))])  # after the amount
    with Workspace(tmp_path / "ws.sqlite") as ws, pytest.raises(StatementError) as error:
        import_paths([cut], ws)
    assert "cut.csv, line 27" in str(error.value) and "cut off" in str(error.value)
    # The same rows with the file's last line complete import fine.
    complete = tmp_path / "complete.csv"
    complete.write_bytes(whole.rstrip(b"\n"))
    with Workspace(tmp_path / "ws2.sqlite") as ws:
        assert import_paths([complete], ws)[0][0].added == 2


def test_the_ledger_kept_after_a_first_import_equals_the_stored_one(tmp_path: Path) -> None:
    # import_paths hands the rows it just stored to the workspace instead of reading
    # them back; what a later session reads from the file must be the same.
    first = alipay_csv(tmp_path / "a.csv", ["jan", "feb", "jan"])
    overlap = alipay_csv(tmp_path / "b.csv", ["feb", "mar"])
    with Workspace(tmp_path / "ws.sqlite") as ws:
        import_paths([first, overlap], ws)
        kept = ws.ledger()
    with Workspace(tmp_path / "ws.sqlite") as again:
        stored = again.ledger()
    assert len(kept) == 4
    assert kept.equals(stored)


def test_a_pending_import_shows_the_ledger_the_workspace_will_hold(tmp_path: Path) -> None:
    # scan detects on PendingImport.ledger() while the commit runs: it must be exactly
    # what the workspace answers afterwards, links and row ids included.
    from qiake_auditor.demo import demo_files
    from qiake_auditor.ingest import prepare_import

    alipay = [f for f in demo_files() if f.name.startswith("支付宝")]
    others = [f for f in demo_files() if f not in alipay]
    with Workspace(tmp_path / "ws.sqlite") as ws:
        import_paths(alipay, ws)
        before = ws.row_count()
        pending = prepare_import(others, ws)
        promised, promised_files = pending.ledger(), pending.ledger(pending.keys)
        pending.commit()
        assert ws.row_count() == len(promised) > before
        assert promised.equals(ws.ledger())
        assert promised_files.equals(ws.ledger(keys=pending.keys))
    with Workspace(tmp_path / "ws.sqlite") as again:
        assert promised.equals(again.ledger())
    linked = promised.loc[promised["link_id"] != ""]
    assert set(linked["format"].str.split("-").str[0]) == {"alipay", "icbc"}
    assert promised["row_id"].tolist() == list(range(1, len(promised) + 1))


def test_a_failed_write_leaves_the_workspace_as_it_was(tmp_path: Path, monkeypatch) -> None:
    import sqlite3

    bill = alipay_csv(tmp_path / "bill.csv", ["jan", "feb"])
    with Workspace(tmp_path / "ws.sqlite") as ws:
        import_paths([alipay_csv(tmp_path / "mar.csv", ["mar"])], ws)

        def full_disk(*_args):
            raise sqlite3.OperationalError("database or disk is full")

        with monkeypatch.context() as patch:
            patch.setattr(Workspace, "add_block", full_disk)
            with pytest.raises(sqlite3.OperationalError):
                import_paths([bill], ws)
        assert ws.row_count() == 1 and len(ws.files()) == 1
        assert import_paths([bill], ws)[0][0].added == 2  # no transaction was left open


def test_importing_no_files_changes_nothing(tmp_path: Path) -> None:
    with Workspace(tmp_path / "ws.sqlite") as ws:
        reports, keys = import_paths([], ws)
        assert reports == [] and len(keys) == 0 and ws.row_count() == 0
        import_paths([alipay_csv(tmp_path / "bill.csv", ["jan", "feb"])], ws)
        before = ws.ledger()
        reports, keys = import_paths([], ws)
        assert reports == [] and len(keys) == 0
        assert ws.ledger().equals(before) and len(before) == 2
