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
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path

import pandas as pd

from .errors import UserError
from .fileio import atomic_path, sibling_temporary
from .ledger import LEDGER_COLUMNS
from .masking import shareable_rows
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


def check_ledger_path(path: Path | str) -> Path:
    """The export path, refused before any work when its suffix is not .csv or .xlsx."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise UserError.of("export.bad_suffix", name=path.name)
    if path.is_dir():
        raise UserError.of("export.is_directory", name=str(path))
    return path


def write_ledger(frame: pd.DataFrame, path: Path | str, full_accounts: bool = False) -> Path:
    """Write ledger rows with exactly the ledger columns; the format follows the suffix."""
    path = check_ledger_path(path)
    rows = shareable_rows(frame[list(LEDGER_COLUMNS)], full_accounts)
    _write(rows, list(LEDGER_COLUMNS), path)
    return path


def write_view(
    frame: pd.DataFrame,
    path: Path | str,
    fields: Sequence[str],
    titles: Sequence[str],
    lang: str = "zh",
    full_accounts: bool = False,
) -> Path:
    """Write rows as a table shows them: only the ledger ``fields`` shown, in the order
    shown, under their ``titles``; the amount signed as the table shows it (spending
    negative), direction and state as their labels in ``lang``. For the user to read,
    not to import again."""
    if len(fields) != len(titles) or not fields:
        raise ValueError("one title for each field shown")
    path = check_ledger_path(path)
    rows = shareable_rows(frame[list(fields)], full_accounts)
    shown = {
        field: _signed(rows[field], frame["direction"])
        if field == "amount"
        else _labelled(rows[field], _VOCABULARIES[field], lang)
        if field in _VOCABULARIES
        else rows[field]
        for field in fields
    }
    _write(pd.DataFrame(shown, index=rows.index), list(titles), path)
    return path


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


def _write(rows: pd.DataFrame, titles: list[str], path: Path) -> None:
    """Rows (columns named by ledger field) under ``titles``, as the suffix says."""
    with atomic_path(path) as temporary:
        if path.suffix.lower() == ".csv":
            _csv_safe(rows).to_csv(
                temporary,
                index=False,
                header=titles,
                encoding="utf-8-sig",
                lineterminator="\r\n",
            )
        else:
            _write_xlsx(rows, titles, temporary)


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


def _write_xlsx(rows: pd.DataFrame, titles: list[str], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    columns = list(rows.columns)
    texts = [c for c in TEXT_COLUMNS if c in columns]
    amount_at = columns.index("amount") if "amount" in columns else None
    text_at = [columns.index(c) for c in texts]
    with _temporaries_beside(path):
        book = Workbook(write_only=True)
        sheet = book.create_sheet("ledger")
        sheet.append(titles)
        # Only a value starting with "=" becomes a formula in openpyxl; those rows are few.
        risky = pd.Series(False, index=rows.index)
        for column in texts:
            risky |= rows[column].astype("str").str.startswith("=")
        for record, flagged in zip(
            rows.itertuples(index=False, name=None), risky.to_numpy(), strict=True
        ):
            values = list(record)
            if amount_at is not None:
                values[amount_at] = _amount_cell(sheet, values[amount_at], WriteOnlyCell)
            if flagged:
                for at in text_at:
                    if isinstance(values[at], str) and values[at].startswith("="):
                        text = WriteOnlyCell(sheet, value=values[at])
                        text.data_type = "s"  # a text cell: shown, never evaluated
                        values[at] = text
            sheet.append(values)
        book.save(path)


def _amount_cell(sheet, amount, cell_type):
    """A number cell holding the exact decimal, shown with all its decimals (two at least)."""
    text = str(amount) if amount is not None else ""
    if not text:
        return None
    places = max(2, len(text.partition(".")[2]))
    cell = cell_type(sheet, value=Decimal(text))
    cell.number_format = "0." + "0" * places
    return cell


@contextlib.contextmanager
def _temporaries_beside(target: Path) -> Iterator[None]:
    """openpyxl's write-only sheets spill to temporary files; keep them beside the target
    (hidden, removed afterwards) instead of the shared system temp folder, where a killed
    export would leave ledger rows for anyone to read."""
    from openpyxl.worksheet import _writer

    made: list[Path] = []
    original = _writer.create_temporary_file

    def beside(suffix: str = "") -> str:
        made.append(sibling_temporary(target, "sheet"))
        _writer.ALL_TEMP_FILES.append(str(made[-1]))  # openpyxl removes it from this list
        return str(made[-1])

    _writer.create_temporary_file = beside
    try:
        yield
    finally:
        _writer.create_temporary_file = original
        for temporary in made:
            with contextlib.suppress(OSError):
                temporary.unlink()
