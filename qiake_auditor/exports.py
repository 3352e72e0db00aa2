"""Ledger rows as CSV (UTF-8 with BOM, for Excel) or XLSX: the canonical ledger
(:func:`write_ledger`, which the ledger importer reads back) or the rows and columns of
the window's transactions view (:func:`write_view`), written by one writer.

Amounts are exact: the canonical decimal text in CSV, a number cell holding that
decimal in XLSX.

Statement text is the payer's and the merchant's, not ours: a description such as
``=HYPERLINK(…)`` must never become a live formula when the export is opened. XLSX
cells are written as text cells (the value stays exact); in CSV a value that a
spreadsheet would read as a formula (``= + - @``, tab, carriage return) or that starts
with an apostrophe gets one leading apostrophe, which the ledger importer removes again.

Exports are meant to be shared, so account numbers in ``method`` are masked
(:mod:`qiake_auditor.masking`) unless ``full_accounts`` is asked for.

A million rows take seconds, so rows are written a slice at a time: each slice
reports its progress and answers a stop (:class:`~qiake_auditor.errors.Cancelled`). The
file is written beside the target under a temporary name and renamed at the very end,
so a stopped or failed export leaves no file and an old target as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import UserError
from .fileio import atomic_path
from .ledger import LEDGER_COLUMNS
from .masking import shareable_rows
from .progress import NO_PROGRESS, Progress
from .vocab import Direction, RowState

SUFFIXES = (".csv", ".xlsx")
# Columns the ledger fills from statement text (the rest are ours: numbers, ids, codes).
TEXT_COLUMNS = (
    "source",
    "counterparty",
    "merchant",
    "description",
    "method",
    "txn_id",
    "merchant_order_id",
    "category",
)
_FORMULA_START = r"^[=+\-@\t\r']"
XLSX_ROWS = 1_048_576  # the rows of one XLSX sheet, the header row among them
SLICE = 5_000  # rows between two progress reports and stops heard (about 30 ms)
_XLSX_ROWS_SHARE = 0.99  # of the bar: the rows; the rest is the workbook's other parts


def check_ledger_path(path: Path | str, rows: int | None = None) -> Path:
    """The export path, refused before any work when its suffix is not .csv or .xlsx,
    or when it is .xlsx and ``rows`` (with the header) do not fit in one sheet: Excel
    would open such a file cut short or not at all."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise UserError.of("export.bad_suffix", name=path.name)
    if path.is_dir():
        raise UserError.of("export.is_directory", name=str(path))
    if rows is not None and path.suffix.lower() == ".xlsx" and rows + 1 > XLSX_ROWS:
        raise UserError.of(
            "export.xlsx_too_many_rows", name=path.name, rows=rows, limit=XLSX_ROWS - 1
        )
    return path


def write_ledger(
    frame: pd.DataFrame,
    path: Path | str,
    full_accounts: bool = False,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """Write ledger rows with exactly the ledger columns; the format follows the suffix."""
    path = check_ledger_path(path, len(frame))
    columns = list(LEDGER_COLUMNS)

    def rows(start: int, stop: int) -> pd.DataFrame:
        return shareable_rows(frame.iloc[start:stop][columns], full_accounts)

    _write(rows, len(frame), columns, path, progress)
    return path


def write_view(
    frame: pd.DataFrame,
    path: Path | str,
    fields: Sequence[str],
    titles: Sequence[str],
    lang: str = "zh",
    full_accounts: bool = False,
    order: np.ndarray | None = None,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """Write rows as a table shows them: the rows of ``frame`` at the positions ``order``
    (all, in frame order, without it), only the ledger ``fields`` shown, in the order
    shown, under their ``titles``; the amount signed as the table shows it (spending
    negative), direction and state as their labels in ``lang``. For the user to read,
    not to import again."""
    if len(fields) != len(titles) or not fields:
        raise ValueError("one title for each field shown")
    count = len(frame) if order is None else len(order)
    path = check_ledger_path(path, count)
    fields = list(fields)

    def rows(start: int, stop: int) -> pd.DataFrame:
        picked = frame.iloc[start:stop] if order is None else frame.iloc[order[start:stop]]
        return _as_shown(picked, fields, lang, full_accounts)

    _write(rows, count, list(titles), path, progress)
    return path


def _as_shown(frame: pd.DataFrame, fields: list[str], lang: str, full_accounts: bool):
    """Some rows' ``fields`` as a table shows them (see :func:`write_view`)."""
    rows = shareable_rows(frame[fields], full_accounts)
    shown = {
        field: _signed(rows[field], frame["direction"])
        if field == "amount"
        else _labelled(rows[field], _VOCABULARIES[field], lang)
        if field in _VOCABULARIES
        else rows[field]
        for field in fields
    }
    return pd.DataFrame(shown, index=rows.index)


_VOCABULARIES = {"direction": Direction, "state": RowState}


def _signed(amounts: pd.Series, direction: pd.Series) -> pd.Series:
    """Canonical amounts with a minus for spending (not on a zero), still exact text."""
    text = amounts.fillna("").astype("str")
    negative = (direction.astype("str") == Direction.EXPENSE.value) & ~text.str.fullmatch(r"[0.]*")
    return text.mask(negative, "-" + text)


def _labelled(values: pd.Series, vocabulary, lang: str) -> pd.Series:
    """Vocabulary values as their labels, looked up once per distinct value."""
    text = values.fillna("").astype("str")
    return text.map({v: vocabulary.label_of(v, lang) for v in text.unique()})


Rows = Callable[[int, int], pd.DataFrame]  # rows start..stop (columns named by ledger field)


def _write(rows: Rows, count: int, titles: list[str], path: Path, progress: Progress) -> None:
    """``count`` rows under ``titles``, as the suffix says, a slice at a time; the
    target is replaced only once everything is written and no stop was asked."""
    with atomic_path(path) as temporary:
        if path.suffix.lower() == ".csv":
            _write_csv(rows, count, titles, temporary, progress)
        else:
            _write_xlsx(rows, count, titles, temporary, progress)
        progress.check()  # a stop asked during the last slice: the target stays as it was
    progress.report(1.0)


def _slices(count: int, progress: Progress, share: float) -> Iterator[tuple[int, int]]:
    """start, stop of each slice (one, empty, for no rows); the stop asked is heard
    before each, its progress reported after each, as ``share`` of the bar."""
    for start in range(0, max(count, 1), SLICE):
        progress.check()
        stop = min(start + SLICE, count)
        yield start, stop
        progress.report(share * stop / count if count else share)


def _write_csv(rows: Rows, count: int, titles: list[str], path: Path, progress) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        for start, stop in _slices(count, progress, 1.0):
            _csv_safe(rows(start, stop)).to_csv(
                handle, index=False, header=titles if start == 0 else False, lineterminator="\r\n"
            )


def neutralise(column: pd.Series) -> pd.Series:
    """CSV cells a spreadsheet would run as a formula get a leading apostrophe."""
    text = column.fillna("").astype("str")
    risky = text.str.contains(_FORMULA_START, regex=True)
    return text.mask(risky, "'" + text) if risky.any() else text


def restore(column: pd.Series) -> pd.Series:
    """The inverse of neutralise(): one leading apostrophe removed."""
    return column.str.replace(r"^'", "", n=1, regex=True)


def _csv_safe(rows: pd.DataFrame) -> pd.DataFrame:
    return rows.assign(**{c: neutralise(rows[c]) for c in TEXT_COLUMNS if c in rows})


def _write_xlsx(rows: Rows, count: int, titles: list[str], path: Path, progress) -> None:
    """One sheet, "ledger": amounts as number cells holding the exact decimal (shown
    with all its decimals), statement text as text cells (never a formula)."""
    from .xlsx_sheet import SheetWriter

    sheet = SheetWriter(path, "ledger", titles, amounts=("amount",))
    try:
        for start, stop in _slices(count, progress, _XLSX_ROWS_SHARE):
            sheet.add(rows(start, stop))
    except BaseException:
        sheet.abandon()
        raise
    sheet.close()
