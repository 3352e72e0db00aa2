"""A workbook statement that was saved as CSV, read by its workbook layout's importer.

Users open a CITIC or CCB .xls, or a WeChat .xlsx, and save it as CSV (Excel's CSV UTF-8
or ANSI). The layout is the sheet's; its cells are now text as the spreadsheet printed
them. The text is read back into one sheet, each record on the row of the line it starts
on, so rows and messages keep naming the file's lines; the workbook importers are asked
after the text layouts and before the catch-alls (sheet_text is the other direction).
"""

from __future__ import annotations

import csv
import io
from functools import cache

from ..errors import StatementError
from .base import Extract, Importer, Probe, ReadOptions, Sheet, adapted

# Lines read into the sheet to ask the workbook importers (more than they look at).
HEAD_LINES = 400


def _sheet_probe(probe: Probe, text: str) -> Probe:
    rows: list[list[object]] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    start = 1
    try:
        for record in reader:
            rows += [[] for _ in range(start - 1 - len(rows))]  # lines inside a quoted field
            rows.append(list(record))
            start = reader.line_num + 1
    except csv.Error:
        pass  # the rest is the importer's to refuse: read what the text has up to it
    sheet_probe = Probe(probe.name, probe.data)
    sheet_probe.__dict__["kind"] = "xlsx"  # cached_property values, set: a sheet, not text
    sheet_probe.__dict__["sheets"] = [Sheet("Sheet1", rows, 1)]
    return sheet_probe


def _head(probe: Probe) -> Probe:
    found = probe.__dict__.get("_text_sheet_head")
    if found is None:
        found = _sheet_probe(probe, "\n".join(probe.head_lines[:HEAD_LINES]))
        probe.__dict__["_text_sheet_head"] = found
    return found


class TextAsSheet(Importer):
    """A workbook importer asked about a text statement read back into one sheet."""

    kinds = frozenset({"text"})
    inner: Importer

    def identify(self, probe: Probe) -> bool:
        return self.identify_with(probe, ReadOptions())

    def identify_with(self, probe: Probe, options: ReadOptions) -> bool:
        return self.inner.identify_with(_head(probe), options)

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        try:
            return self.inner.read(_sheet_probe(probe, probe.text), options)
        except StatementError as exc:
            if exc.row is None:
                raise
            raise exc.at_row(exc.row, "line") from exc  # each record on the row of its line


@cache
def as_text_importer(inner: Importer) -> Importer:
    """``inner`` (a workbook importer) for CSV files holding its layout; same id and label."""
    return adapted(TextAsSheet, inner)
