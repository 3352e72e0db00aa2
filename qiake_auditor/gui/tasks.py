"""The work the window hands to its worker: calls of the application layer, no Qt.

Each task opens its own :class:`~qiake_auditor.app.Audit` (SQLite connections belong
to one thread), does its job and returns a :class:`View` of everything the window
shows. No rule is decided here: the snapshot (cases, streams, totals) is the app's.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import app, user_dirs
from ..errors import Cancelled
from ..progress import NO_PROGRESS, Progress, Share, Uncancellable, stage
from .charge_columns import ChargeColumns, charge_columns

if TYPE_CHECKING:  # the app layer and pandas load with the first task, on the worker
    import pandas as pd

    from ..app import Audit, Case, Snapshot
    from ..ingest import FileReport
    from ..workspace import StoredFile
    from . import ledger_columns


@dataclass
class View:
    """The workspace as the window shows it, computed in the worker."""

    workspace: Path
    files: list[StoredFile]
    ledger: pd.DataFrame
    snapshot: Snapshot
    dismissed: set[str] = field(default_factory=set)
    watch: list[str] = field(default_factory=list)
    columns: ledger_columns.LedgerColumns | None = None  # the ledger table, precomputed
    file_rows: dict[str, int] = field(default_factory=dict)  # stored file name -> rows
    reports: list[FileReport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The user pressed Stop after the import was already committed: it stands.
    committed_before_cancel: bool = False
    charges: ChargeTables = field(default_factory=lambda: ChargeTables({}, "zh"))
    scan_error: str | None = None


@dataclass
class ChargeTables:
    """Each case's charges table: made in the worker for the case shown first and the
    small cases, on first look for the others (a million-row bill has cases of tens of
    thousands of charges that nobody may open)."""

    cases: dict[str, Case]
    lang: str
    made: dict[str, ChargeColumns] = field(default_factory=dict)  # case id -> its table

    def get(self, case_id: str) -> ChargeColumns | None:
        """The table if it was made already (None: make it, see ``make``)."""
        return self.made.get(case_id)

    def make(self, case_id: str, progress: Progress = NO_PROGRESS) -> ChargeColumns | None:
        """Make (once) the table of a case: on a worker for a large one (0.6 s for
        100,000 charges)."""
        table = self.made.get(case_id)
        if table is None and case_id in self.cases:
            table = charge_columns(self.cases[case_id].charge_fields(), self.lang)
            self.made[case_id] = table
        return table


SMALL_CASE = 2_000  # charges: a table made in well under 50 ms, on the GUI thread too


class ImportCancelled(Cancelled):
    """Stop before the commit; ``unchanged`` is what reopening the workspace showed."""

    def __init__(self, unchanged: bool) -> None:
        super().__init__()
        self.unchanged = unchanged


_warm: threading.Thread | None = None


def warm_up() -> None:
    """Load the app layer, the statement formats and the tables' preparation (pandas,
    Arrow: 0.7 s), then start the chart process (which loads matplotlib), on a thread
    of their own while the user looks at the new window, so that the first task does not wait for
    them, and no import runs beside it: loading a module holds the GIL in long pieces
    (unmarshalling its code), which froze the window for 60-100 ms during an import
    (once; the window opens without them)."""
    global _warm
    if _warm is None:
        _warm = threading.Thread(target=_load_core, name="load the core", daemon=True)
        _warm.start()


def warmed() -> bool:
    """The warm-up asked for has finished (or none was asked for)."""
    return _warm is None or not _warm.is_alive()


def _load_core() -> None:
    from ..thread_priority import lower_this_thread
    from .chart_process import chart_process
    from .workers import freeze_survivors

    lower_this_thread()  # on Linux Arrow's pool, started here, inherits it
    from ..app import audit, demo  # noqa: F401 - imported for their side effect: loaded
    from ..importers.base import all_importers
    from . import ledger_columns, ledger_filter  # noqa: F401

    all_importers()  # each format's module (0.3 s the first statement read waited for)

    # After the core (the first task needs the core first): the chart process loads
    # matplotlib and the CJK font on its own while the user looks at the window.
    chart_process().start()
    # The ~110,000 objects of the modules just loaded live as long as the app: a full
    # collection of the cyclic GC walked them all, holding the GIL for 70-90 ms (a
    # stall of the window whenever a task's allocations set one off). Frozen, they
    # are left out of every later collection; what tasks make is still collected.
    freeze_survivors()


def default_demo_path() -> Path:
    return user_dirs.demo_workspace()


def _view(
    audit: Audit,
    snap: Snapshot,
    lang: str,
    table_rows: int = 0,
    imported=None,
    progress: Progress = NO_PROGRESS,
) -> View:
    """What the window shows of ``snap``. The ledger table's columns are made here only
    for up to ``table_rows`` rows; a larger ledger is prepared by the page itself once
    the cases are shown (see :meth:`LedgerPage.set_frame`)."""
    # Asked before the cases are built: building them stores case ids, after which the
    # workspace would read every row back instead of answering from its cache.
    ledger = audit.workspace.ledger()
    progress.report(0.3, "")
    with stage(progress, 0.3, 0.8):  # the cases' builder reports its steps
        cases = {case.id: case for case in snap.cases}  # built here, on the worker
    for case in cases.values():
        case.flags  # noqa: B018 - worked out here once (100,000 charges' flags for a large case)
    progress.report(0.9, "")
    # The audit and its snapshot point at each other (the cases' builder, the cache):
    # cut, so the view is freed by reference counting once the window drops it.
    snap.case_builder, audit.snapshot_cache = None, None
    view = View(
        Path(audit.path),
        audit.workspace.files(),
        ledger,
        snap,
        audit.dismissed(),
        audit.watch_words(),
    )
    imported = imported or snap.imported
    if imported is not None:
        view.reports, view.notes = list(imported.reports), list(imported.notes)
    if len(ledger) <= table_rows:
        from . import ledger_columns

        view.columns = ledger_columns.prepare(ledger, lang)
    view.charges = ChargeTables(cases, lang)
    # A ledger whose table is made here gets its cases' tables made here too (at most
    # its rows' worth of charges: 40 ms for 9,500); else the large ones are made once
    # the cases are shown, where their Python work competes with the window's painting
    # for the GIL (a search typed meanwhile stalled 57-94 ms at 100,000 rows).
    everything = len(ledger) <= table_rows
    for case in cases.values():
        if everything or len(case.charges) <= SMALL_CASE:
            view.charges.make(case.id)
    if not ledger.empty:
        # An archive member's source is "archive.zip/member.csv": count it under the archive.
        for source, count in ledger["source"].value_counts().items():  # a few sources
            stored = str(source).split("/", 1)[0]
            view.file_rows[stored] = view.file_rows.get(stored, 0) + int(count)
    return view


TABLE_IN_WORKER = 100_000  # ledger rows whose table the worker prepares with the view


def load(workspace: Path, lang: str = "zh", progress: Progress = NO_PROGRESS) -> View:
    """Scan the workspace with the user's decisions."""
    with app.Audit.open(workspace) as audit:
        snap = audit.snapshot(lang=lang, progress=Uncancellable(Share(progress, 0.0, 0.85)))
        return _view(
            audit, snap, lang, TABLE_IN_WORKER, progress=Uncancellable(Share(progress, 0.85, 1.0))
        )


def _state(audit: Audit) -> tuple[int, tuple[str, ...]]:
    return audit.workspace.row_count(), tuple(f.sha256 for f in audit.workspace.files())


def import_files(
    workspace: Path,
    paths: Sequence[Path],
    password: str | None = None,
    column_map: dict[str, str] | None = None,
    lang: str = "zh",
    progress: Progress = NO_PROGRESS,
) -> View:
    """Import statements (all or nothing) and scan the whole workspace, detection
    running on the rows in memory while the import is committed.

    Stop before the commit starts: the app rolls back, and the workspace is reopened
    to check that it holds what it held before (:class:`ImportCancelled`). Stop after
    that: the import stands and the view says so.
    """
    with app.Audit.open(workspace) as audit:
        before = _state(audit)
        try:
            snap = audit.snapshot(
                [Path(p) for p in paths],
                lang=lang,
                password=password,
                column_map=column_map,
                progress=Share(progress, 0.0, 0.85),
                whole_workspace=True,
            )
        except Cancelled:
            audit.close()
            with app.Audit.open(workspace, read_only=True) as check:
                raise ImportCancelled(_state(check) == before) from None
        late = progress.cancelled()
        view = _view(
            audit, snap, lang, TABLE_IN_WORKER, progress=Uncancellable(Share(progress, 0.85, 1.0))
        )
    progress.report(1.0, "")
    view.committed_before_cancel = late
    return view


def open_demo(
    workspace: Path | None = None, lang: str = "zh", progress: Progress = NO_PROGRESS
) -> View:
    """The demo in its own fresh workspace (never the user's)."""
    progress.report(0.05, "")
    from ..app import demo as app_demo

    audit, imported = app_demo.open_demo(workspace)
    with audit:
        snap = audit.snapshot(lang=lang, progress=Share(progress, 0.5, 1.0))
        return _view(audit, snap, lang, TABLE_IN_WORKER, imported)
