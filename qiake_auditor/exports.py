"""The canonical ledger as CSV (UTF-8 with BOM, for Excel) or XLSX.

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
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pandas as pd

from .errors import UserError
from .fileio import atomic_path, sibling_temporary
from .ledger import LEDGER_COLUMNS
from .masking import shareable_rows

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
    with atomic_path(path) as temporary:
        if path.suffix.lower() == ".csv":
            _csv_safe(rows).to_csv(
                temporary, index=False, encoding="utf-8-sig", lineterminator="\r\n"
            )
        else:
            _write_xlsx(rows, temporary)
    return path


def neutralise(column: pd.Series) -> pd.Series:
    """CSV cells a spreadsheet would run as a formula get a leading apostrophe."""
    text = column.fillna("").astype("str")
    risky = text.str.contains(_FORMULA_START, regex=True)
    return text.mask(risky, "'" + text) if risky.any() else text


def restore(column: pd.Series) -> pd.Series:
    """The inverse of neutralise(): one leading apostrophe removed."""
    return column.str.replace(r"^'", "", n=1, regex=True)


def _csv_safe(rows: pd.DataFrame) -> pd.DataFrame:
    return rows.assign(**{c: neutralise(rows[c]) for c in TEXT_COLUMNS})


def _write_xlsx(rows: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    with _temporaries_beside(path):
        book = Workbook(write_only=True)
        sheet = book.create_sheet("ledger")
        sheet.append(list(LEDGER_COLUMNS))
        amount_at = LEDGER_COLUMNS.index("amount")
        text_at = [LEDGER_COLUMNS.index(c) for c in TEXT_COLUMNS]
        # Only a value starting with "=" becomes a formula in openpyxl; those rows are few.
        risky = pd.Series(False, index=rows.index)
        for column in TEXT_COLUMNS:
            risky |= rows[column].astype("str").str.startswith("=")
        for record, flagged in zip(
            rows.itertuples(index=False, name=None), risky.to_numpy(), strict=True
        ):
            values = list(record)
            cell = WriteOnlyCell(sheet, value=Decimal(values[amount_at]))
            cell.number_format = "0.00"
            values[amount_at] = cell
            if flagged:
                for at in text_at:
                    if isinstance(values[at], str) and values[at].startswith("="):
                        text = WriteOnlyCell(sheet, value=values[at])
                        text.data_type = "s"  # a text cell: shown, never evaluated
                        values[at] = text
            sheet.append(values)
        book.save(path)


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
