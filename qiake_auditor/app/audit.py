"""The audit core: the one place where the flow runs, for every front end.

open a workspace -> import statements -> scan with the user's decisions -> a snapshot
(streams, flagged charges, cases, totals) -> record decisions and case-log entries.
The CLI, the window, the headless demo and the evidence builder call this; none of
them re-implements a rule. Long work takes a :class:`~qiake_auditor.progress.Progress`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd

from .. import ledger, parallel
from ..detect import normalize
from ..detect.scan import ScanResult, run
from ..errors import Cancelled, UserError
from ..i18n import Listed, SystemReason, text
from ..ingest import FileReport, prepare_import
from ..progress import NO_PROGRESS, Progress, Share, Uncancellable, stage
from ..vocab import CaseStatus, Channel, Severity
from ..workspace import Workspace
from . import cases as case_model
from . import dismissed as dismissals
from .cases import Case, LogEntry
from .costs import RecurringCost, recurring_cost
from .decisions import DecisionKind, Decisions
from .inputs import Note, expand_inputs

_SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2, Severity.NONE: 3}


@dataclass
class ImportResult:
    reports: list[FileReport]
    keys: pd.Index  # dedup keys of every row of the given files
    notes: list[Note] = field(default_factory=list)  # e.g. "a folder: importing its 3 files"

    def note_texts(self, lang: str = "zh") -> list[str]:
        return [text(message_id, lang, **fields) for message_id, fields in self.notes]


@dataclass
class Snapshot:
    """What the user sees after a scan; every front end shows this and nothing else.

    The cases are built when first asked for (``cases``): ``scan --json`` of a
    million-row bill never needs them.
    """

    as_of: date | None
    result: ScanResult | None
    spending: dict[str, Decimal]  # counted expenses per currency (wallet+bank once)
    income: dict[str, Decimal]
    transactions: int
    imported: ImportResult | None = None
    case_builder: Callable[[], list[Case]] | None = None
    built_cases: list[Case] | None = None

    @property
    def cases(self) -> list[Case]:
        if self.built_cases is None:
            self.built_cases = self.case_builder() if self.case_builder else []
        return self.built_cases

    @property
    def streams(self) -> list[dict]:
        return self.result.stream_dicts if self.result else []

    @property
    def flagged(self) -> Sequence[dict]:
        """The scan's flagged rows (records made as they are read)."""
        return self.result.flagged if self.result else []

    def first_case(self) -> Case | None:
        """The case to show first: the most severe, then the one that cost most."""
        if not self.cases:
            return None

        def rank(case: Case) -> tuple:
            worst = min(
                (_SEVERITY_RANK.get(Severity(s.get("severity", "none")), 3) for s in case.streams),
                default=3,
            )
            if case.after:
                worst = 0
            paid = sum((t.paid for t in case.totals.values()), Decimal(0))
            return (worst, -paid)

        return min(self.cases, key=rank)

    def after_cancellation_total(self) -> dict[str, Decimal]:
        found: dict[str, Decimal] = {}
        for case in self.cases:
            for currency, totals in case.after_totals.items():
                found[currency] = found.get(currency, Decimal(0)) + totals.paid
        return found

    def recurring_cost(self) -> RecurringCost:
        """The subscriptions still charging and their monthly and yearly cost."""
        return recurring_cost(self.streams)

    def to_json(self) -> dict:
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "transactions": self.transactions,
            "spending": {c: f"{v:.2f}" for c, v in self.spending.items()},
            "income": {c: f"{v:.2f}" for c, v in self.income.items()},
            "cases": [_case_row(c) for c in self.cases],
        }


def _case_row(case: Case) -> dict:
    return {
        "id": case.id,
        "merchant": case.merchant,
        "names": case.names,
        "status": case.status.value,
        "cancelled_on": case.cancelled_on.isoformat() if case.cancelled_on else None,
        "streams": len(case.streams),
        "charges": len(case.charges),
        "totals": {c: t.to_json() for c, t in case.totals.items()},
        "after_cancellation": {
            "charges": len(case.after),
            "totals": {c: t.to_json() for c, t in case.after_totals.items()},
        },
        "first": case.first.isoformat() if case.first else None,
        "last": case.last.isoformat() if case.last else None,
        "flags": case.flags,
    }


class Audit:
    """An open workspace and everything a front end can do with it."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.snapshot_cache: Snapshot | None = None  # the last snapshot taken

    @classmethod
    def open(cls, path: Path | str | None = None, read_only: bool | None = False) -> Audit:
        """``read_only=None``: writable where the file allows it, else read-only (for
        commands that only look: a workspace on a read-only medium can still be read)."""
        if read_only is None:
            target = Path(path) if path is not None else None
            read_only = bool(
                target is not None and target.is_file() and not os.access(target, os.W_OK)
            )
        return cls(Workspace(path, read_only=read_only))

    def __enter__(self) -> Audit:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.workspace.close()

    @property
    def path(self) -> Path:
        return self.workspace.path

    def decisions(self) -> Decisions:
        return Decisions.read(self.workspace)

    # -- import -----------------------------------------------------------------------------

    def import_files(
        self,
        paths: Sequence[Path],
        password: str | None = None,
        column_map: dict[str, str] | None = None,
        progress: Progress = NO_PROGRESS,
    ) -> ImportResult:
        """Import statements, all or nothing; cancelling before the commit changes nothing.

        Folders are imported with the statements inside them. Raises
        :class:`~qiake_auditor.errors.Cancelled` when ``progress`` asks to stop before
        the commit (the workspace is then exactly as it was).
        """
        files, notes = expand_inputs(paths)
        pending = prepare_import(files, self.workspace, password, column_map, progress)
        if progress.cancelled():
            self.workspace.rollback()
            pending.packer.shutdown(cancel_futures=True)
            raise Cancelled()
        pending.commit()
        progress.report(1.0, "")
        return ImportResult(pending.reports, pending.keys, notes)

    # -- scan -------------------------------------------------------------------------------

    def snapshot(
        self,
        files: Sequence[Path] = (),
        as_of: date | None = None,
        lang: str = "zh",
        password: str | None = None,
        column_map: dict[str, str] | None = None,
        notice_days: int | None = None,
        on_prepared: Callable[[date, pd.DataFrame, Future | None], None] | None = None,
        progress: Progress = NO_PROGRESS,
        whole_workspace: bool = False,
    ) -> Snapshot:
        """Scan with every stored decision; given ``files``, import them first and report
        on their rows only (``whole_workspace``: on every row, as the window shows).

        The import is committed on a worker thread while detection runs on the rows
        in memory; nothing is returned unless that commit succeeded. ``on_prepared``
        gets the as-of date, the transaction records and the commit's future (for
        ``scan --json``, which writes the records meanwhile). Raises
        :class:`~qiake_auditor.errors.Cancelled` when ``progress`` asks to stop before
        the commit starts (the workspace is then exactly as it was); once it has
        started, the import stands.
        """
        decisions = self.decisions()
        settings = decisions.scan_settings(as_of, lang, notice_days)
        imported: ImportResult | None = None
        committed: Future | None = None
        with ThreadPoolExecutor(max_workers=1) as worker:
            if files:
                paths, notes = expand_inputs(files)
                pending = prepare_import(
                    paths, self.workspace, password, column_map, Share(progress, 0.0, 0.8)
                )
                if progress.cancelled():
                    self.workspace.rollback()
                    pending.packer.shutdown(cancel_futures=True)
                    raise Cancelled()
                committed = worker.submit(pending.commit)
                rows = pending.ledger(None if whole_workspace else pending.keys)
                imported = ImportResult(pending.reports, pending.keys, notes)
                detection = stage(Uncancellable(progress), 0.8, 1.0)  # the import stands
            else:
                rows = self.workspace.ledger()
                detection = stage(progress, 0.3, 1.0)
            progress.report(0.8 if files else 0.3, "")
            try:
                result = None
                if len(rows):
                    with detection:  # detection reports its steps
                        result = run(
                            rows,
                            settings,
                            distinct_keys=True,
                            on_prepared=(
                                None
                                if on_prepared is None
                                else lambda day, tx: on_prepared(day, tx, committed)
                            ),
                        )
            finally:
                if committed is not None:
                    committed.result()
        snap = self._snapshot_of(result, decisions, imported)
        progress.report(1.0, "")
        self.snapshot_cache = snap
        return snap

    def _snapshot_of(
        self, result: ScanResult | None, decisions: Decisions, imported: ImportResult | None
    ) -> Snapshot:
        if result is None:
            return Snapshot(None, None, {}, {}, 0, imported)
        spending, income = _money_totals(result.frame)
        return Snapshot(
            result.as_of,
            result,
            spending,
            income,
            len(result.frame),
            imported,
            case_builder=lambda: self._build_cases(result, decisions),
        )

    def _build_cases(self, result: ScanResult, decisions: Decisions) -> list[Case]:
        keys = _case_keys(result)
        ids = self.workspace.assign_case_ids(keys, date.today().strftime("%Y%m%d"))
        for key in keys:  # a read-only workspace: ids that hold for this look only
            ids.setdefault(key, f"QK-PROVISIONAL-{abs(hash(key)) % 1000:03d}")
        log = case_model.log_by_case(self.workspace.entries(), self.workspace.attachments())
        return case_model.build_cases(result, decisions, ids, log)

    def cases(self) -> list[Case]:
        snap = self.snapshot_cache or self.snapshot()
        return snap.cases

    def find_case(self, text: str, snapshot: Snapshot | None = None) -> Case:
        """The one case ``text`` names (any of its names, its key or its id)."""
        snap = snapshot or self.snapshot_cache or self.snapshot()
        found = case_model.find(snap.cases, text)
        if not found:
            raise UserError.of("case.not_found", text=text)
        if len(found) > 1:
            raise UserError.of("case.ambiguous", text=text, names=Listed(c.merchant for c in found))
        return found[0]

    def case_rows(self, case: Case) -> pd.DataFrame:
        """Every ledger row of the case's merchant(s), in ledger order."""
        snap = self.snapshot_cache
        if snap is None or snap.result is None:
            return self.workspace.ledger().iloc[0:0]
        frame = snap.result.frame
        rows = frame.loc[frame["_key"] == case.key]
        return rows[[c for c in rows.columns if not c.startswith("_")]]

    # -- decisions --------------------------------------------------------------------------

    def set_case(
        self,
        case: Case,
        cancelled: date | None = None,
        status: CaseStatus | None = None,
        note: str | None = None,
        aliases: Sequence[str] = (),
        split: Sequence[str] = (),
        clear_cancelled: bool = False,
    ) -> list[str]:
        """Record decisions on a case, each with a case-log entry; returns what changed.

        ``aliases``: more names that belong to this case (merged into it);
        ``split``: names to take out of it (each becomes a case of its own); a name
        the split cannot separate is refused before anything is recorded.
        """
        for name in split:
            self._check_split(case, name.strip())
        today = date.today().isoformat()
        changed: list[str] = []
        with self.workspace.transaction() as db:

            def decided(
                kind: DecisionKind, key: str, value: str | None, message_id: str, **fields: str
            ) -> None:
                if self.workspace.decisions(kind).get(key) == value:
                    return  # already so: nothing recorded, nothing said to be saved
                if value is None:
                    self.workspace.remove_decision(kind, key, db)
                else:
                    self.workspace.set_decision(kind, key, value, db)
                summary = LogEntry.render(message_id, fields, "en")
                self.workspace.add_entry(
                    db,
                    case.key,
                    "decision",
                    today,
                    summary=summary,
                    message=json.dumps({"id": message_id, "fields": fields}, ensure_ascii=False),
                )
                changed.append(summary)

            if cancelled is not None:
                decided(
                    DecisionKind.CANCELLED,
                    case.key,
                    cancelled.isoformat(),
                    "decision.cancelled",
                    day=cancelled.isoformat(),
                )
            elif clear_cancelled and case.cancelled_on is not None:
                decided(DecisionKind.CANCELLED, case.key, None, "decision.cancelled_removed")
            if status is not None:
                decided(
                    DecisionKind.CASE_STATUS,
                    case.key,
                    CaseStatus(status).value,
                    "decision.status",
                    status=CaseStatus(status).value,
                )
            known = self.decisions().aliases
            for name in aliases:
                name = name.strip()
                if name and normalize.canonical_key(name, known) != case.key:
                    decided(
                        DecisionKind.ALIAS,
                        name,
                        case.merchant,
                        "decision.merged",
                        name=name,
                        case=case.merchant,
                    )
            for name in split:
                name = name.strip()
                if name:
                    decided(DecisionKind.ALIAS, name, name, "decision.split", name=name)
            if note:
                self.workspace.add_entry(db, case.key, "note", today, "", "", note.strip())
                changed.append(f"note: {note.strip()}")
        self.snapshot_cache = None
        return changed

    def _check_split(self, case: Case, name: str) -> None:
        """A split works through the name's own merchant key, so it can only separate a
        name whose key differs from the case's (one merged by an alias or the catalogue).
        Two printings of one company (洽客科技, 深圳洽客科技有限公司) share the key: such
        a split would change nothing, so it is refused with the reason, never ignored."""
        if not name:
            return
        if name.casefold() not in {n.casefold() for n in case.names}:
            raise UserError.of("case.split_unknown", name=name, case=case.merchant)
        aliases = {**self.decisions().aliases, name: name}
        if normalize.canonical_key(name, aliases) == case.key:
            raise UserError.of("case.split_same_key", name=name, case=case.merchant, key=case.key)

    def log_entry(
        self,
        case: Case,
        channel: Channel | str,
        summary: str,
        ticket: str | None = None,
        outcome: str | None = None,
        on: date | None = None,
        attachments: Sequence[Path] = (),
        kind: str = "contact",
        message: tuple[str, dict[str, str]] | None = None,
    ) -> LogEntry:
        """Add a dated case-log entry; attached files are kept byte for byte with SHA-256.

        ``message`` (a catalogue id and its fields) is how an entry the app writes itself
        is shown, in each language; ``summary`` stays the stored English record."""
        channel = Channel(channel)
        blobs: list[tuple[str, bytes]] = []
        for path in attachments:
            path = Path(path)
            if path.is_dir():
                raise UserError.of("case.attachment_folder", path=path)
            if not path.is_file():
                raise UserError.of("case.attachment_missing", path=path)
            try:
                blobs.append((path.name, path.read_bytes()))
            except OSError as exc:
                raise UserError.of(
                    "input.unreadable", path=path, reason=SystemReason.of(exc)
                ) from None
        day = (on or date.today()).isoformat()
        with self.workspace.transaction() as db:
            said = ""
            if message is not None:
                said = json.dumps({"id": message[0], "fields": message[1]}, ensure_ascii=False)
            entry_id = self.workspace.add_entry(
                db,
                case.key,
                kind,
                day,
                channel.value,
                ticket or "",
                summary.strip(),
                outcome or "",
                message=said,
            )
            for name, data in blobs:
                self.workspace.add_attachment(
                    db, entry_id, name, hashlib.sha256(data).hexdigest(), data
                )
        self.snapshot_cache = None
        log = case_model.log_by_case(self.workspace.entries(), self.workspace.attachments())
        return next(e for e in log[case.key] if e.id == entry_id)

    def attachment(self, attachment_id: int) -> bytes:
        return self.workspace.attachment_data(attachment_id)

    def set_checklist(self, case: Case, ticked: Sequence[str]) -> None:
        with self.workspace.transaction() as db:
            self.workspace.set_decision(
                DecisionKind.CHECKLIST, case.key, json.dumps(list(ticked)), db
            )
        self.snapshot_cache = None

    def dismiss(self, stream_id: str, undo: bool = False, stream: dict | None = None) -> None:
        """Hide a stream the user says is no recurring charge (``undo`` shows it again).

        ``stream`` (its scan dict) is described in the decision, so the list of
        dismissed streams can say what each one was.
        """
        if undo:
            self.workspace.remove_decision(DecisionKind.DISMISSED, stream_id)
        else:
            value = dismissals.decision_value(stream)
            self.workspace.set_decision(DecisionKind.DISMISSED, stream_id, value)
        self.snapshot_cache = None

    def dismissed(self) -> set[str]:
        return set(self.workspace.decisions(DecisionKind.DISMISSED))

    def dismissed_streams(self) -> list[dismissals.DismissedStream]:
        """Every dismissed stream with what it was, by merchant, to choose one to restore."""
        found = self.workspace.decisions(DecisionKind.DISMISSED)
        listed = [dismissals.from_decision(k, v) for k, v in found.items()]
        return sorted(listed, key=lambda s: (s.merchant, s.id))

    def watch_words(self) -> list[str]:
        return self.decisions().watch_words()

    def add_watch(self, words: Sequence[str]) -> None:
        with self.workspace.transaction() as db:
            for word in words:
                if word.strip():
                    self.workspace.set_decision(DecisionKind.WATCH, word.strip(), "1", db)
        self.snapshot_cache = None

    def remove_watch(self, word: str) -> None:
        """Stop watching ``word`` (the default 洽客 is switched off, the others removed)."""
        from ..detect.scan import DEFAULT_WATCH

        if word in DEFAULT_WATCH:
            self.workspace.set_decision(DecisionKind.WATCH, word, "0")
        else:
            self.workspace.remove_decision(DecisionKind.WATCH, word)
        self.snapshot_cache = None

    def set_notice_days(self, days: int) -> None:
        self.workspace.set_decision(DecisionKind.NOTICE_DAYS, "default", str(int(days)))
        self.snapshot_cache = None

    def record_cancellations(self, by_name: dict[str, date]) -> None:
        """Cancellation dates given by printed name (``scan --cancelled NAME=DATE``)."""
        aliases = self.workspace.decisions(DecisionKind.ALIAS)
        today = date.today().isoformat()
        with self.workspace.transaction() as db:
            for name, when in by_name.items():
                key = normalize.canonical_key(name, aliases)
                self.workspace.set_decision(DecisionKind.CANCELLED, key, when.isoformat(), db)
                self.workspace.add_entry(
                    db,
                    key,
                    "decision",
                    today,
                    summary=text("decision.cancelled", "en", day=when.isoformat()),
                    message=json.dumps(
                        {"id": "decision.cancelled", "fields": {"day": when.isoformat()}}
                    ),
                )
        self.snapshot_cache = None


def _case_keys(result: ScanResult) -> list[str]:
    keys = [
        str(s["merchant_key"])
        for s in result.stream_dicts
        if s.get("type") in case_model.CASE_TYPES and s.get("direction") == ledger.EXPENSE
    ]
    return list(dict.fromkeys(keys + result.flagged_charge_keys()))


def _money_totals(frame: pd.DataFrame) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    from ..money_columns import sum_amounts

    moved = frame["state"].isin(ledger.MONEY_MOVED_STATES - {ledger.REFUND}) & frame["_counted"]

    def totals(direction: str) -> dict[str, Decimal]:
        rows = frame.loc[moved & (frame["direction"] == direction), ["currency", "amount"]]
        return {str(c): sum_amounts(g["amount"]) for c, g in rows.groupby("currency")}

    spending, income = parallel.each(totals, [ledger.EXPENSE, ledger.INCOME])
    return spending, income
