"""The work the window hands to its worker: plain functions, no Qt.

Each opens its own :class:`Workspace` (SQLite connections belong to one thread),
does its job and returns a :class:`Snapshot` of everything the window shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pandas as pd

from .. import demo
from ..errors import Cancelled
from ..ingest import FileReport, import_paths
from ..ledger import counts_as_spending
from ..money import sum_amounts
from ..progress import NO_PROGRESS, Progress
from ..workspace import StoredFile, Workspace
from . import ledger_columns


@dataclass
class Snapshot:
    """The workspace as the window shows it, computed in the worker."""

    workspace: Path
    files: list[StoredFile]
    ledger: pd.DataFrame
    scan: dict | None
    cancellations: dict[str, str]
    watch: list[str]
    columns: ledger_columns.LedgerColumns | None = None  # the ledger table, precomputed
    file_rows: dict[str, int] = field(default_factory=dict)  # stored file name -> rows
    spending: dict[str, Decimal] = field(default_factory=dict)  # currency -> money out
    reports: list[FileReport] = field(default_factory=list)
    scan_error: str | None = None  # detection failed; the ledger is still shown


def load(workspace: Path, overrides: dict | None = None,
         progress: Progress = NO_PROGRESS) -> Snapshot:
    """Read the ledger and scan it with the user's decisions (plus fixed ``overrides``)."""
    with Workspace(workspace) as space:
        return _snapshot(space, overrides, progress)


def _snapshot(space: Workspace, overrides: dict | None, progress: Progress) -> Snapshot:
    progress.report(0.05, "reading the ledger")
    ledger = space.ledger()
    progress.check()
    scan_error = None
    try:
        scan = demo.scan_workspace(space, progress, overrides)
    except Cancelled:
        raise
    except Exception as exc:  # a detection bug must not hide the imported ledger
        scan, scan_error = None, f"{type(exc).__name__}: {exc}"
    snapshot = Snapshot(Path(space.path), space.files(), ledger, scan,
                        space.decisions("cancelled"), sorted(space.decisions("watch")))
    snapshot.scan_error = scan_error
    progress.report(0.95, "preparing the tables")
    snapshot.columns = ledger_columns.prepare(ledger)
    if not ledger.empty:
        # An archive member's source is "archive.zip/member.csv": count it under the archive.
        for source, count in ledger["source"].value_counts().items():  # a few sources
            stored = str(source).split("/", 1)[0]
            snapshot.file_rows[stored] = snapshot.file_rows.get(stored, 0) + int(count)
        spent = ledger.loc[counts_as_spending(ledger), ["currency", "amount"]]
        snapshot.spending = {str(c): sum_amounts(part["amount"])
                             for c, part in spent.groupby("currency")}
    return snapshot


def import_files(workspace: Path, paths: Sequence[Path], password: str | None = None,
                 overrides: dict | None = None, progress: Progress = NO_PROGRESS) -> Snapshot:
    """Import statements (all or nothing), then load."""
    with Workspace(workspace) as space:  # one workspace: the rows just stored stay in memory
        reports, _keys = import_paths([Path(p) for p in paths], space, password,
                                      progress=progress)
        snapshot = _snapshot(space, overrides, progress)
    snapshot.reports = reports
    return snapshot


def open_demo(workspace: Path, progress: Progress = NO_PROGRESS) -> Snapshot:
    """A fresh workspace with the bundled demo statements and the demo's decisions."""
    workspace = Path(workspace)
    for leftover in (workspace, Path(f"{workspace}-wal"), Path(f"{workspace}-shm")):
        leftover.unlink(missing_ok=True)
    with Workspace(workspace) as space:
        reports, _keys = import_paths(demo.demo_files(), space, progress=progress)
        demo.apply_demo_decisions(space)
        snapshot = _snapshot(space, demo.demo_overrides(), progress)
    snapshot.reports = reports
    return snapshot
