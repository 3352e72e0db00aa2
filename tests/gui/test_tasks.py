"""The window's worker tasks (Qt-free): an import scans the whole workspace while it
commits, Stop before the commit changes nothing, charge tables made when first asked."""

from __future__ import annotations

import pytest

from qiake_auditor.app import Audit
from qiake_auditor.app import demo as app_demo
from qiake_auditor.gui import tasks
from qiake_auditor.progress import Progress


class StopAt(Progress):
    """Asks to stop once progress has reached ``fraction``."""

    def __init__(self, fraction: float) -> None:
        self.fraction, self.done = fraction, 0.0

    def report(self, fraction: float, text: str = "") -> None:
        self.done = max(self.done, fraction)

    def cancelled(self) -> bool:
        return self.done >= self.fraction


@pytest.fixture
def statements():
    files = app_demo.demo_files()
    if len(files) < 2:
        pytest.skip("the demo statements are not there")
    return files


def test_an_import_shows_every_row_of_the_workspace_not_only_the_new_file(tmp_path, statements):
    workspace = tmp_path / "w.sqlite"
    first = tasks.import_files(workspace, statements[:1])
    view = tasks.import_files(workspace, statements[1:])
    with Audit.open(workspace, read_only=True) as audit:
        stored = audit.workspace.ledger()
    assert len(view.ledger) == len(stored) > len(first.ledger)
    assert set(view.ledger["source"]) == set(stored["source"])
    assert view.snapshot.transactions == len(stored)
    assert [r.source for r in view.reports] == [p.name for p in statements[1:]]
    assert view.columns is not None and len(view.columns.display[0]) == len(stored)


def test_stop_before_the_commit_leaves_the_workspace_as_it_was(tmp_path, statements):
    workspace = tmp_path / "w.sqlite"
    tasks.import_files(workspace, statements[:1])
    with Audit.open(workspace, read_only=True) as audit:
        before = audit.workspace.row_count(), len(audit.workspace.files())
    with pytest.raises(tasks.ImportCancelled) as stopped:
        tasks.import_files(
            workspace, statements[1:], progress=StopAt(0.55)
        )  # reading: the bar's first 0.68
    assert stopped.value.unchanged
    with Audit.open(workspace, read_only=True) as audit:
        assert (audit.workspace.row_count(), len(audit.workspace.files())) == before


def test_stop_after_the_commit_started_keeps_the_import_and_says_so(tmp_path, statements):
    workspace = tmp_path / "w.sqlite"
    view = tasks.import_files(workspace, statements, progress=StopAt(0.75))  # detection: 0.68-0.85
    assert view.committed_before_cancel
    with Audit.open(workspace, read_only=True) as audit:
        assert audit.workspace.row_count() == len(view.ledger) > 0


def test_charge_tables_are_made_when_first_asked_and_kept(tmp_path, statements, monkeypatch):
    view = tasks.import_files(tmp_path / "w.sqlite", statements)
    cases = view.snapshot.cases
    assert cases and set(view.charges.made) == {c.id for c in cases}  # all small here
    case = cases[0]
    view.charges.made.clear()
    made = []
    real = tasks.charge_columns
    monkeypatch.setattr(tasks, "charge_columns", lambda *a: made.append(a) or real(*a))
    assert view.charges.get(case.id) is None  # looking does not make it
    table = view.charges.make(case.id)
    assert table is not None and len(table.display[0]) == len(case.charges)
    assert view.charges.make(case.id) is table and view.charges.get(case.id) is table
    assert len(made) == 1
    assert view.charges.make("QK-NOT-A-CASE") is None


def test_a_small_ledger_has_its_large_cases_tables_made_in_the_task(
    tmp_path, statements, monkeypatch
):
    """Ledger rows up to TABLE_IN_WORKER: every case's table comes with the view (none is
    left to be made while the window paints); above it, only the small cases'."""
    monkeypatch.setattr(tasks, "SMALL_CASE", 3)  # the demo's cases count as large
    view = tasks.import_files(tmp_path / "w.sqlite", statements)
    cases = view.snapshot.cases
    assert any(len(c.charges) > 3 for c in cases)
    assert set(view.charges.made) == {c.id for c in cases}
    monkeypatch.setattr(tasks, "TABLE_IN_WORKER", len(view.ledger) - 1)
    again = tasks.load(tmp_path / "w.sqlite")
    assert again.columns is None  # the ledger's table is left to the page, as its cases'
    assert set(again.charges.made) == {c.id for c in again.snapshot.cases if len(c.charges) <= 3}


def test_charge_amounts_sort_as_the_exact_amounts(monkeypatch):
    """The amount column's sort keys: each amount's float, across the slices they are
    made in."""
    from decimal import Decimal

    from qiake_auditor.gui import charge_columns

    monkeypatch.setattr(charge_columns, "_FLOATS_AT_ONCE", 3)
    amounts = [Decimal(t) for t in ("0.10", "199.00", "-5.5", "1980", "0.01", "12345.678", "7")]
    keys = charge_columns._floats(amounts)
    assert keys.dtype == "float64"
    assert keys.tolist() == [0.1, 199.0, -5.5, 1980.0, 0.01, 12345.678, 7.0]
    assert charge_columns._floats([]).tolist() == []
