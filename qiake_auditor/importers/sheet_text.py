"""A text statement that was opened and saved as a workbook, read as the text it was.

Users open an Alipay, JD or ICBC CSV in Excel or WPS and save it as .xlsx: the layout is
the CSV's, but amounts are numbers and times are Excel dates now. Each sheet is written
back as the CSV it came from (one line per sheet row, cells as ``field_text.cell_text``
prints them: ISO dates, numbers without a spurious ``.0``), and the text importers are
asked about it. Rows and messages name the sheet row, which is the line of the text
unless a cell holds a line break.
"""

from __future__ import annotations

import csv
import io
from functools import cache, cached_property

import numpy as np

from ..errors import StatementError, StatementWarning
from . import field_text
from .base import Extract, Importer, Probe, ReadOptions, adapted

# Sheet rows written out to ask the text importers: more than their identify() looks at.
HEAD_ROWS = 400


class SheetText:
    """One sheet as CSV text, and the sheet row of each of its lines.

    ``head`` (the first rows only) is what identification asks about, so a large
    workbook of no text layout is not written out whole; ``probe`` is the whole sheet.
    """

    def __init__(self, name: str, rows: list[list[object]], first_row: int) -> None:
        self._name, self._rows, self._first_row = name, rows, first_row
        self.head = Probe(name, _csv(rows[:HEAD_ROWS], first_row)[0])

    @cached_property
    def _whole(self) -> tuple[Probe, np.ndarray]:
        data, row_of_line = _csv(self._rows, self._first_row)
        return Probe(self._name, data), row_of_line

    @property
    def probe(self) -> Probe:
        return self._whole[0]

    @property
    def row_of_line(self) -> np.ndarray:
        return self._whole[1]

    def row(self, line: int) -> int:
        """The sheet row of a 1-based line of the text."""
        rows = self.row_of_line
        return int(rows[min(max(line, 1), len(rows)) - 1])


def _csv(rows: list[list[object]], first_row: int) -> tuple[bytes, np.ndarray]:
    """Sheet rows as UTF-8 CSV, and the sheet row of each line it has."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    row_of_line: list[int] = []
    for number, cells in enumerate(rows, start=first_row):
        texts = [_cell(c) for c in cells]
        while texts and texts[-1] == "":
            texts.pop()
        writer.writerow(texts)
        row_of_line += [number] * (1 + sum(t.count("\n") for t in texts))
    return out.getvalue().encode("utf-8"), np.array(row_of_line or [first_row], dtype=np.int64)


def _cell(value: object) -> str:
    text = field_text.cell_text(value) if not isinstance(value, str) else value
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sheet_texts(probe: Probe) -> list[SheetText]:
    """Every sheet of a workbook that has a cell filled, as text."""
    return [
        SheetText(probe.name, sheet.rows, sheet.first_row)
        for sheet in probe.sheets
        if any(c not in (None, "") for row in sheet.rows for c in row)
    ]


class SheetAsText(Importer):
    """A text importer asked about a workbook's sheets written back as text."""

    kinds = frozenset({"xlsx", "xls"})
    inner: Importer

    def identify(self, probe: Probe) -> bool:
        return self._sheet(probe, ReadOptions()) is not None

    def identify_with(self, probe: Probe, options: ReadOptions) -> bool:
        return self._sheet(probe, options) is not None

    def _sheet(self, probe: Probe, options: ReadOptions) -> SheetText | None:
        for sheet in probe.sheets_as_text:
            if self.inner.identify_with(sheet.head, options):
                return sheet
        return None

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        sheet = self._sheet(probe, options)
        if sheet is None:  # read() follows identify(); a sheet that changed is damage
            raise StatementError.of("statement.sheet_damaged", source=probe.name)
        try:
            extract = self.inner.read(sheet.probe, options)
        except StatementError as exc:
            raise _in_rows(exc, sheet) from exc
        lines = extract.rows["source_row"].to_numpy(dtype=np.int64)
        if len(lines):
            at = np.clip(lines, 1, len(sheet.row_of_line)) - 1
            extract.rows["source_row"] = sheet.row_of_line[at]
        extract.warnings = [
            w.at_row(sheet.row) if isinstance(w, StatementWarning) else w for w in extract.warnings
        ]
        return extract


def _in_rows(exc: StatementError, sheet: SheetText) -> StatementError:
    """The text importer's error, naming the sheet row instead of the line."""
    return exc if exc.row is None else exc.at_row(sheet.row(exc.row), "row")


@cache
def as_sheet_importer(inner: Importer) -> Importer:
    """``inner`` (a text importer) for workbooks holding its layout; same id and label."""
    return adapted(SheetAsText, inner)
