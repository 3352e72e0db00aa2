"""The canonical ledger as CSV (UTF-8 with BOM, for Excel) or XLSX."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd

from .errors import UserError
from .fileio import atomic_path
from .ledger import LEDGER_COLUMNS


def write_ledger(frame: pd.DataFrame, path: Path | str) -> Path:
    """Write ledger rows with exactly the ledger columns; the format follows the suffix."""
    path = Path(path)
    rows = frame[list(LEDGER_COLUMNS)]
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UserError(f"{path.name}: the ledger can be written as .csv or .xlsx")
    with atomic_path(path) as temporary:
        if suffix == ".csv":
            rows.to_csv(temporary, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        else:
            _write_xlsx(rows, temporary)
    return path


def _write_xlsx(rows: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("ledger")
    sheet.append(list(LEDGER_COLUMNS))
    amount_at = LEDGER_COLUMNS.index("amount")
    for record in rows.itertuples(index=False, name=None):
        values = list(record)
        cell = WriteOnlyCell(sheet, value=Decimal(values[amount_at]))
        cell.number_format = "0.00"
        values[amount_at] = cell
        sheet.append(values)
    book.save(path)
