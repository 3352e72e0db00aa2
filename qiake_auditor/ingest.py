"""The import path: bytes -> importer -> validated ledger rows -> workspace.

All files of one call are read and checked first; only then is anything written,
in one transaction. A bad file therefore leaves the workspace as it was, and the
error names the file and the line or row.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import os
import sqlite3
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from . import ledger, linking, merchants, parallel
from .dedup import dedup_keys
from .errors import StatementError, StatementWarning, UnknownFormatError
from .i18n import SystemReason
from .importers import archive, member_batches
from .importers.base import (
    UNITS,
    Extract,
    FormatLabel,
    Importer,
    Probe,
    ReadOptions,
    identify,
)
from .importers.control_chars import remove_control_characters
from .money_columns import sum_amounts
from .progress import NO_PROGRESS, Progress, Share, stage, step
from .vstr import map_distinct
from .workspace import (
    STORED_COLUMNS,
    Workspace,
    complete_rows,
    link_rows,
    no_stored_rows,
    pack_block,
    select_rows,
)

MAX_FILE_BYTES = 1024 * 1024 * 1024
HEAD_CHECK_BYTES = 64 * 1024  # what identification looks at (text_encoding.HEAD_BYTES)


@dataclass
class Statement:
    """One statement read from a file (or from one member of a ZIP archive)."""

    source: str
    file_name: str
    sha256: str
    data: bytes  # the bytes as the user gave them (the whole ZIP for an archive member)
    importer: Importer
    rows: pd.DataFrame  # ledger columns + dedup_key + refund_of
    warnings: list[str]
    remember_mapping: tuple[str, dict[str, str]] | None = None


@dataclass
class FileReport:
    """What one import did, for the CLI summary and the GUI."""

    source: str
    format: str
    label: str
    rows: int
    added: int = 0
    already_imported: bool = False
    first: str = ""
    last: str = ""
    expense: dict[str, Decimal] = field(default_factory=dict)
    income: dict[str, Decimal] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def read_statements(
    path: Path,
    password: str | None = None,
    options: ReadOptions | None = None,
    progress: Progress = NO_PROGRESS,
    source: str | None = None,
) -> list[Statement]:
    """Read one file (several statements for a ZIP archive); nothing is written.

    ``progress`` hears how far through an archive's members the reading is (0..1).
    ``source`` is what messages and rows call the file (its name unless two given files
    share one: see :func:`source_names`).
    """
    options = options or ReadOptions()
    path = Path(path)
    name = source or path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise StatementError.of(
            "statement.cannot_open", source=name, reason=SystemReason.of(exc)
        ) from exc
    if path.is_dir():
        raise StatementError.of("statement.is_folder", source=name)
    if size == 0:
        raise StatementError.of("statement.empty", source=name)
    if size > MAX_FILE_BYTES:
        raise StatementError.of("statement.too_big", source=name, megabytes=size // 2**20)
    if size > HEAD_CHECK_BYTES:
        _refuse_binary_by_head(path, name)
    data = path.read_bytes()
    # hashlib lets go of the GIL: the file is hashed on the other core while it is parsed.
    with ThreadPoolExecutor(max_workers=1) as pool:
        sha = pool.submit(lambda: hashlib.sha256(data).hexdigest())
        probe = Probe(path.name, data)
        if probe.kind != "zip":
            progress.report(_READ_SHARES["file read"], name)
            return [_read_one(probe, name, path.name, sha, data, options, progress=progress)]
        found = _read_members(name, path.name, data, password, sha, options, progress)
    if not found:
        raise StatementError.of("statement.zip_without_statement", source=name)
    return found


def _read_members(
    name: str,
    file_name: str,
    data: bytes,
    password: str | None,
    sha: Future[str],
    options: ReadOptions,
    progress: Progress,
) -> list[Statement]:
    """The statements of a ZIP archive's members; many small ones of one layout are
    read together (member_batches), the rest one by one. ``name`` is what messages and
    rows call the archive, ``file_name`` what the workspace stores it as."""
    identified = []
    for member, content in archive.members(name, data, password):
        inner = Probe(member, content)
        if inner.kind == "binary":
            continue  # e.g. a PDF next to the CSV
        try:
            identified.append((inner, identify(inner, options)))
        except StatementError as exc:
            raise _in_source(exc, f"{name}/{member}", member) from exc
    found: list[Statement] = []
    done = 0
    for batch in member_batches.batches(identified):
        progress.check()
        progress.report(done / len(identified), f"{name}: {done:,} / {len(identified):,}")
        joined = _read_batch(batch, name, file_name, sha, data, options) if batch.joinable else None
        if joined is not None:
            found.append(joined)
        else:
            for inner in batch.probes:
                progress.check()
                source = f"{name}/{inner.name}"
                found.append(
                    _read_one(inner, source, file_name, sha, data, options, batch.importer)
                )
        done += len(batch.probes)
    return found


def _read_batch(
    batch: member_batches.Batch,
    name: str,
    file_name: str,
    digest: Future[str],
    data: bytes,
    options: ReadOptions,
) -> Statement | None:
    """Members of one layout as one statement, each row keeping its member and line;
    None when anything needs a message about a member (they are then read alone)."""
    label = batch.label(name)
    probe, starts = batch.joined(label)
    importer = batch.importer
    try:
        extract = importer.read(probe, options)
    except (StatementError, KeyError, IndexError, ValueError, decimal.InvalidOperation):
        return None
    if not _whole_table_only(extract.warnings) or extract.rows.empty:
        return None
    joined_line = extract.rows["source_row"].to_numpy(dtype=np.int64)
    member = np.searchsorted(starts, joined_line, side="right") - 1
    extract.rows["source_row"] = joined_line - starts[member] + 2  # line 1 is the header
    sources = np.array([f"{name}/{p.name}" for p in batch.probes], dtype=object)[member]
    try:
        rows = finish(extract, importer, label, digest.result(), files=member, sources=sources)
    except StatementError:
        return None
    if not _whole_table_only(extract.warnings):
        return None
    return Statement(
        label,
        file_name,
        digest.result(),
        data,
        importer,
        rows,
        extract.warnings,
        extract.remember_mapping,
    )


def _whole_table_only(warnings: Sequence[str]) -> bool:
    return all(
        getattr(w, "message_id", None) in member_batches.WHOLE_TABLE_WARNINGS for w in warnings
    )


def _refuse_binary_by_head(path: Path, name: str) -> None:
    """Refuse a big file that is neither text nor an archive from its first bytes only."""
    with open(path, "rb") as handle:
        head = handle.read(HEAD_CHECK_BYTES)
    if Probe(name, head).kind == "binary":
        raise UnknownFormatError.of("statement.not_a_statement", source=name)


# How far through reading one big statement each stage ends, as measured on a
# million-row Alipay bill (the bar moves forward during the read, not only after it).
_READ_SHARES = {"file read": 0.04, "identified": 0.06, "parsed": 0.68}


def _read_one(
    probe: Probe,
    source: str,
    file_name: str,
    digest: Future[str],
    data: bytes,
    options: ReadOptions,
    importer: Importer | None = None,
    progress: Progress = NO_PROGRESS,
) -> Statement:
    """One statement's rows; ``progress`` hears each stage as it ends (and may stop it)."""
    try:
        importer = importer or identify(probe, options)
    except StatementError as exc:
        raise _in_source(exc, source, probe.name) from exc
    progress.check()
    progress.report(_READ_SHARES["identified"], source)
    try:
        with stage(progress, _READ_SHARES["identified"], _READ_SHARES["parsed"], source):
            extract = importer.read(probe, options)  # a CSV's parse takes steps
    except StatementError as exc:
        raise _in_source(exc, source, probe.name) from exc
    except (KeyError, IndexError, ValueError, decimal.InvalidOperation) as exc:
        # InvalidOperation: a number too long for exact arithmetic (a 200-digit amount).
        raise _damaged(exc, source, importer) from exc
    probe.release()  # the decoded text is no longer needed
    progress.check()
    progress.report(_READ_SHARES["parsed"], source)
    sha = digest.result()
    unit = importer.row_unit or UNITS.get(probe.kind, "line")
    with stage(progress, _READ_SHARES["parsed"], 1.0, source):
        rows = finish(extract, importer, source, sha, unit)
    progress.report(1.0, source)
    if rows.empty:  # a header and nothing (or only blank lines) below it
        extract.warnings.append(StatementWarning.of("statement.no_rows", source=source))
    return Statement(
        source, file_name, sha, data, importer, rows, extract.warnings, extract.remember_mapping
    )


def _damaged(exc: Exception, source: str, importer: Importer) -> StatementError:
    """A layout recognised but not readable to its end, said without Python's English:
    a missing part named as the file prints it, a number too long for exact arithmetic."""
    label = FormatLabel(importer.label)
    if isinstance(exc, decimal.InvalidOperation):
        return StatementError.of("statement.damaged_layout.number", source=source, label=label)
    if isinstance(exc, KeyError) and exc.args:
        return StatementError.of(
            "statement.damaged_layout.missing", source=source, label=label, part=exc.args[0]
        )
    return StatementError.of("statement.damaged_layout", source=source, label=label)


def _original_keys(rows: pd.DataFrame, formats: pd.Series, origins: pd.Series | None) -> pd.Series:
    """Dedup keys of rows read back from a ledger export, as their first import made them."""
    keys = pd.Series("", index=rows.index, dtype="str")
    groups = [formats, origins] if origins is not None else [formats]
    for name, part in rows.groupby(groups, sort=False):
        fmt = name[0] if isinstance(name, tuple) else name
        keys.loc[part.index] = dedup_keys(part.reset_index(drop=True), str(fmt)).to_numpy()
    return keys


def _in_source(exc: StatementError, source: str, name: str) -> StatementError:
    """The error named after the whole source (``bills.zip/wechat.csv``), same class."""
    if exc.source != source and exc.source == name:
        renamed = type(exc)(source, exc.detail, exc.row, exc.unit)
        renamed.message_id, renamed.fields = exc.message_id, exc.fields
        renamed.hint_id = exc.hint_id
        return renamed
    return exc


def finish(
    extract: Extract,
    importer: Importer,
    source: str,
    sha: str,
    unit: str = "line",
    files: np.ndarray | None = None,
    sources: np.ndarray | None = None,
) -> pd.DataFrame:
    """Validate an importer's rows and add the columns every ledger row has.

    ``files`` / ``sources``: rows of several ZIP members read together, the member
    (number and name) of each row; keys are then made per member.
    """
    rows = extract.rows  # the importer's frame is ours now: no copy of a million rows
    # The app's own ledger export keeps each row's original format and source file.
    kept = getattr(importer, "keeps_formats", False) and "format" in rows
    formats = rows.pop("format") if kept else None
    origins = rows.pop("origin") if kept and "origin" in rows else None
    for column in ledger.IMPORTER_COLUMNS:
        if column not in rows:
            rows[column] = ""
    rows["source_row"] = rows["source_row"].astype("int64")
    texts = ledger.IMPORTER_COLUMNS[1:]
    for column, text in zip(texts, parallel.each(lambda c: _stripped(rows[c]), texts), strict=True):
        rows[column] = text
    rows["currency"] = rows["currency"].mask(rows["currency"] == "", "CNY")
    removed = remove_control_characters(rows)
    step(0.3)  # shares of finishing a million-row Alipay bill, as measured
    if removed is not None:
        extract.warnings.append(
            StatementWarning.of(
                f"statement.control_characters_removed.{unit}"
                + (".one" if removed.count == 1 else ""),
                source=source,
                count=removed.count,
                row=removed.first_row,
            )
        )
    # Each column's test on its own (two at a time); refused in this order.
    amounts, times, directions, states = parallel.calls(
        [
            lambda: rows["amount"].str.fullmatch(r"\d+\.\d{2,}"),
            lambda: _real_times(rows),
            lambda: rows["direction"].isin(ledger.DIRECTIONS),
            lambda: rows["state"].isin(ledger.STATES),
        ]
    )
    _check(rows, "amount", amounts, source, unit, "amount")
    _check_times(rows, times, source, unit)
    _check(rows, "direction", directions, source, unit, "direction")
    _check(rows, "state", states, source, unit, "state")
    step(0.5)
    rows["source"] = source if sources is None else pd.Series(sources, index=rows.index)
    rows["source_sha256"] = sha
    rows["format"] = importer.id if formats is None else formats.astype("str")
    rows["merchant"] = merchants.resolve(rows)
    rows["link_id"] = ""
    step(0.6)
    if formats is None:
        rows["dedup_key"] = dedup_keys(rows, importer.id, files)
    else:  # the keys the rows had: per original format and file, in their order
        rows["dedup_key"] = _original_keys(rows, formats, origins)
    rows["refund_of"] = ""
    return rows[[*ledger.LEDGER_COLUMNS, "dedup_key", "refund_of"]].reset_index(drop=True)


# ledger.ISO_TIME with the ranges a calendar and a clock have (day 31 of a 30-day month
# is caught by _check_times, once per distinct date).
_REAL_TIME = (
    r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"(?: (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)?"
)


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _real_times(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(real time, real day) of each row: a time in ISO form with the ranges of a clock
    and a calendar, on a day that exists (checked once per distinct date)."""
    real = rows["time"].str.fullmatch(_REAL_TIME).fillna(False).astype(bool)
    days = map_distinct(rows["time"].str.slice(0, 10), _is_date).astype(bool)
    return real, days


def _check_times(
    rows: pd.DataFrame, times: tuple[pd.Series, pd.Series], source: str, unit: str
) -> None:
    """Every row's time is an ISO time, and a real one (not 2024-13-45, 2024-02-30 or
    25:61:00). A real time is an ISO time, so the looser pattern is only tried (for
    its own message) when some time is not real: one regex pass over a million times
    instead of two."""
    real, days = times
    if not real.all():
        _check(rows, "time", rows["time"].str.fullmatch(ledger.ISO_TIME), source, unit, "time")
        _check(rows, "time", real, source, unit, "calendar_time")
    _check(rows, "time", days, source, unit, "calendar_day")


def _stripped(column: pd.Series) -> pd.Series:
    return column.fillna("").astype("str").str.strip()


def _check(
    rows: pd.DataFrame, column: str, ok: pd.Series, source: str, unit: str, expected: str
) -> None:
    """Refuse the first row that is not ``ok``; ``expected`` names the message
    (``statement.bad_<expected>``) that says what was expected there."""
    ok = ok.fillna(False).astype(bool)
    if not ok.all():
        bad = ok.idxmin()
        raise StatementError.of(
            f"statement.bad_{expected}",
            source=source,
            row=int(rows.at[bad, "source_row"]),
            unit=unit,
            column=column,
            value=rows.at[bad, column],
        )


def source_names(paths: Sequence[Path]) -> list[str]:
    """What to call each given file: its name, or, where several share a name (one in
    each of two folders), as many trailing folders as tell them apart (``a/支付宝.csv``)."""
    given = [Path(p) for p in paths]
    names = [p.name for p in given]
    by_name: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        by_name.setdefault(name, []).append(index)
    for indexes in by_name.values():
        if len(indexes) < 2:
            continue
        parts = [Path(os.path.abspath(given[i])).parts for i in indexes]
        tails = [names[i] for i in indexes]  # one file given twice: its name stays
        for depth in range(2, max(map(len, parts)) + 1):
            candidates = [Path(*p[-depth:]).as_posix() for p in parts]
            if len(set(candidates)) == len(candidates):
                tails = candidates
                break
        for index, tail in zip(indexes, tails, strict=True):
            names[index] = tail
    return names


def import_paths(
    paths: Sequence[Path],
    workspace: Workspace,
    password: str | None = None,
    mapping: dict[str, str] | None = None,
    progress: Progress = NO_PROGRESS,
) -> tuple[list[FileReport], pd.Index]:
    """Import files into the workspace, all or nothing.

    Returns the per-statement reports and the dedup keys of every row in the given
    files (for reports on "these files only").
    """
    pending = prepare_import(paths, workspace, password, mapping, progress)
    pending.commit()
    progress.report(1.0, "done")
    return pending.reports, pending.keys


def prepare_import(
    paths: Sequence[Path],
    workspace: Workspace,
    password: str | None = None,
    mapping: dict[str, str] | None = None,
    progress: Progress = NO_PROGRESS,
) -> PendingImport:
    """Read, check and link files; leaves a write transaction open for PendingImport.commit.

    Nothing is written yet, and the rows the workspace will hold afterwards are known
    (PendingImport.ledger), so detection can start while the commit runs.
    """
    options = ReadOptions(mapping=mapping, saved_mappings=workspace.column_maps())
    statements: list[Statement] = []
    seen_before: list[bool] = []
    same_as: list[str] = []  # per statement: the given file with the same bytes, read before
    first_with: dict[str, tuple[int, str]] = {}  # sha256 -> the first given file with them
    for index, (path, source) in enumerate(zip(paths, source_names(paths), strict=True)):
        progress.check()
        progress.report(index / max(len(paths), 1) * 0.8, f"reading {source}")
        found = read_statements(
            path,
            password,
            options,
            Share(progress, index / len(paths) * 0.8, (index + 1) / len(paths) * 0.8),
            source,
        )
        sha = found[0].sha256  # one hash per file (the ZIP's for its members)
        first, twin = first_with.setdefault(sha, (index, source))
        known = first != index or workspace.file_by_hash(sha) is not None
        statements.extend(found)
        seen_before.extend([known] * len(found))
        same_as.extend([twin if first != index else ""] * len(found))
    progress.report(0.85, "checking")
    db = workspace.begin()
    # Another process may have imported the same file between the read and this write
    # lock: asked again under the lock, it is "already imported", never a UNIQUE error.
    seen_before = [
        seen or workspace.file_by_hash(statement.sha256) is not None
        for seen, statement in zip(seen_before, statements, strict=True)
    ]
    # Row blocks are packed on the other core while the rest goes on (pyarrow and
    # sqlite3 let go of the GIL for that work).
    packer = ThreadPoolExecutor(max_workers=1)
    try:
        existing = workspace.stored_rows() if workspace.row_count() else None
        known_keys = pd.Index(existing["dedup_key"] if existing is not None else [], dtype="str")
        staged: dict[int, tuple[pd.DataFrame, Future[pa.Buffer]]] = {}
        for index, statement in enumerate(statements):
            if seen_before[index]:
                continue
            fresh = Workspace.new_rows(statement.rows, known_keys)
            staged[index] = (fresh, packer.submit(pack_block, fresh))
            if index < len(statements) - 1:
                known_keys = known_keys.append(pd.Index(fresh["dedup_key"]))
        reports = [summarize(s) for s in statements]
        for report, seen, twin in zip(reports, seen_before, same_as, strict=True):
            report.already_imported = seen
            if twin:
                report.warnings.append(
                    StatementWarning.of(
                        "statement.same_file_given", source=report.source, other=twin
                    )
                )
        progress.report(0.9, "linking")
        parts = ([] if existing is None else [existing]) + [f for f, _ in staged.values()]
        everything = (
            pd.concat(parts, ignore_index=True)
            if len(parts) > 1
            else parts[0]
            if parts
            else no_stored_rows()
        )
        # In stored order and form already, so the commit's worker thread keeps it as it
        # is, while this thread builds the ledger from it.
        everything = everything[STORED_COLUMNS].reset_index(drop=True)
        links, refunds = find_links(everything)
    except BaseException:
        packer.shutdown(cancel_futures=True)
        workspace.rollback()
        raise
    keys = pd.Index(
        pd.concat([s.rows["dedup_key"] for s in statements], ignore_index=True)
        if statements
        else [],
        dtype="str",
    )
    return PendingImport(
        workspace, db, statements, reports, keys, staged, packer, everything, links, refunds
    )


@dataclass
class PendingImport:
    """An import read, checked and linked in memory, inside an open write transaction.

    ``commit()`` writes the originals, row blocks and links and commits (or rolls
    back). ``ledger()`` gives the rows the workspace holds after the import without
    touching the database, so one thread can work with them while another commits.
    """

    workspace: Workspace
    db: sqlite3.Connection  # with the transaction open
    statements: list[Statement]
    reports: list[FileReport]
    keys: pd.Index  # dedup keys of every row of the given files
    staged: dict[int, tuple[pd.DataFrame, Future[pa.Buffer]]]  # statement -> new rows, packed
    packer: ThreadPoolExecutor
    everything: pd.DataFrame  # every stored row after the import, stored columns
    links: dict[str, str]
    refunds: dict[str, str]
    _ledger: pd.DataFrame | None = None

    def ledger(self, keys: pd.Index | None = None) -> pd.DataFrame:
        """As Workspace.ledger() will answer once this import is committed."""
        if self._ledger is None:
            self._ledger = complete_rows(self.everything, link_rows(self.links, self.refunds))
        return select_rows(self._ledger, keys)

    def commit(self) -> None:
        workspace, db = self.workspace, self.db
        try:
            stored_ids: dict[str, int] = {}
            for index, (fresh, packed) in self.staged.items():
                statement, report = self.statements[index], self.reports[index]
                file_id = stored_ids.get(statement.sha256)
                if file_id is None:
                    file_id = workspace.add_file(
                        db,
                        statement.file_name,
                        statement.sha256,
                        statement.data,
                        statement.importer.id,
                    )
                    stored_ids[statement.sha256] = file_id
                report.added = workspace.add_block(db, file_id, fresh, packed.result())
                if statement.remember_mapping:
                    workspace.save_column_map(db, *statement.remember_mapping)
            workspace.set_links(db, self.links, self.refunds)
            workspace.commit()
        except BaseException:
            workspace.rollback()
            raise
        finally:
            self.packer.shutdown(cancel_futures=True)
        workspace.adopt_rows(self.everything, self.links, self.refunds)


def find_links(rows: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """Wallet/bank link ids and refund originals over all of a workspace's rows."""
    candidates = linking.candidates(rows)
    return linking.wallet_bank_links(candidates), linking.refund_links(candidates)


def summarize(statement: Statement) -> FileReport:
    rows = statement.rows
    report = FileReport(
        statement.source,
        statement.importer.id,
        statement.importer.label,
        len(rows),
        warnings=list(statement.warnings),
    )
    if not rows.empty:
        report.first = rows["time"].min()[:10]
        report.last = rows["time"].max()[:10]
    currencies = rows["currency"].unique()
    parts = [(currencies[0], rows)] if len(currencies) == 1 else rows.groupby("currency")
    for currency, part in parts:
        report.expense[currency] = sum_amounts(part.loc[ledger.counts_as_spending(part), "amount"])
        report.income[currency] = sum_amounts(part.loc[ledger.counts_as_income(part), "amount"])
    return report
