"""The app's own ledger export (``import --out ledger.csv`` / ``.xlsx``), read back.

Its header is exactly the ledger columns. Each row keeps the platform it came from
(``format``), so wallet/bank links and the row keys come out as they were: importing an
export into the workspace it came from adds nothing, into another one it adds the same
rows. ``source`` and ``source_row`` name the export file and its line or row, the file
stored as the evidence; the original statement's name stays in ``origin``-less form in
the row's ``format``. The CSV's leading apostrophes (formula protection) are removed.
"""

from __future__ import annotations

import io

import pandas as pd

from ..exports import TEXT_COLUMNS, restore
from ..ledger import LEDGER_COLUMNS
from ..money import canonical
from . import field_text, sheet_rows
from .base import Extract, Importer, Probe, ReadOptions

HEADER = list(LEDGER_COLUMNS)


class LedgerCsv(Importer):
    """qiake-auditor's ledger CSV."""

    id = "ledger-csv"
    label = "qiake-auditor ledger export (CSV) / qiake-auditor 导出的账本（CSV）"
    keeps_formats = True
    priority = 10

    def identify(self, probe: Probe) -> bool:
        first = probe.head_lines[0].lstrip("\ufeff").rstrip("\r") if probe.head_lines else ""
        return first.split(",") == HEADER

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        # Read as written (tabs and line breaks inside values are the ledger's own text).
        frame = pd.read_csv(
            io.StringIO(probe.text), dtype="str", keep_default_na=False, na_filter=False
        )
        frame["source_row"] = range(2, len(frame) + 2)
        return Extract(_rows(frame, csv=True))


class LedgerXlsx(Importer):
    """qiake-auditor's ledger XLSX (sheet ``ledger``)."""

    id = "ledger-xlsx"
    label = "qiake-auditor ledger export (XLSX) / qiake-auditor 导出的账本（XLSX）"
    kinds = frozenset({"xlsx"})
    keeps_formats = True
    priority = 10

    def identify(self, probe: Probe) -> bool:
        return self._sheet(probe) is not None

    def _sheet(self, probe: Probe):
        for sheet in probe.sheets:
            if (
                sheet.rows
                and [field_text.cell_text(c) for c in sheet.rows[0]][: len(HEADER)] == HEADER
            ):
                return sheet
        return None

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        sheet = self._sheet(probe)
        raw = sheet_rows.sheet_frame(sheet.rows, 0, sheet.first_row)
        frame = pd.DataFrame({"source_row": raw["source_row"]})
        for name in HEADER:
            if name == "amount":
                frame[name] = raw[name].map(_amount).astype("str")
            elif name != "source_row":
                frame[name] = raw[name].map(_text).astype("str")
        return Extract(_rows(frame, csv=False))


def _text(value: object) -> str:
    return value if isinstance(value, str) else field_text.cell_text(value)


def _amount(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        found = canonical(value)
        return found[0] if found else field_text.cell_text(value)
    return field_text.cell_text(value)


def _rows(frame: pd.DataFrame, csv: bool) -> pd.DataFrame:
    rows = pd.DataFrame({"source_row": frame["source_row"].astype("int64")})
    for name in HEADER:
        if name in ("source", "source_sha256", "source_row", "merchant", "link_id"):
            continue  # made again on import
        column = frame[name].fillna("").astype("str")
        if csv and name in TEXT_COLUMNS:
            column = restore(column)
        rows[name] = column
    rows["origin"] = (
        restore(frame["source"].fillna("").astype("str"))
        if csv
        else frame["source"].fillna("").astype("str")
    )
    return rows


IMPORTERS = [LedgerCsv(), LedgerXlsx()]
