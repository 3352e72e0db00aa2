"""The BIFF records inside a legacy .xls, checked before the spreadsheet reader parses them.

The reader trusts the numbers in the sheet data: it reserves memory for every cell a
DIMENSIONS record declares, and lays out the whole grid up to the farthest cell before
it hands a sheet over. One flipped bit in a row or column number asks for tens of
gigabytes; the allocation fails and the process is aborted, which no exception handler
can catch (fuzzing the bank samples: one abort in 1,500 mutated files, 85 GB asked
for; a cell at row 65,535, column 65,535 asks for 137 GB). Walking the record headers
here costs one read per record; a sheet whose numbers cannot be right is refused,
naming the file and the sheet, with the limits the .xlsx path applies. Records the
reader itself rejects (too short, past the end) are left to it: it stops with an
error, which the caller words.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from ..errors import StatementError
from . import compound_file, limits

EOF = 0x000A
BOUNDSHEET = 0x0085
DIMENSIONS = 0x0200
FORMULA = 0x0006
STRING = 0x0207  # a formula's text value, at the formula's cell
MULRK = 0x00BD
ONE_CELL = frozenset({0x0203, 0x0204, 0x0205, 0x027E, 0x00FD})  # number, label, ..., SST label
BIFF8_GRID = 65_536 * 256  # rows x columns of the largest .xls sheet


class _Extent:
    """The farthest row and column of the cells the reader lays out in a grid."""

    def __init__(self) -> None:
        self.cells = 0
        self.last_row = 0
        self.last_col = 0

    def add(self, row: int, col: int) -> None:
        self.cells += 1
        self.last_row = max(self.last_row, row)
        self.last_col = max(self.last_col, col)

    def check(self, source: str, sheet: str) -> None:
        if self.cells:
            limits.check_extent(source, sheet, self.last_row, self.last_col)


def check_sheet_data(source: str, data: bytes) -> None:
    """Refuse an .xls (whose container :func:`compound_file.check_container` passed) when
    it holds no workbook, is encrypted, or its sheet data asks for more than a sheet."""
    found = compound_file.named_stream(data, ("Workbook", "Book"))
    if found is None:
        if "EncryptedPackage" in compound_file.stream_names(data):  # an .xlsx with a password
            raise StatementError.of("statement.sheet_password", source=source)
        raise StatementError.of("statement.xls_no_workbook", source=source)
    stream = found[1]
    for number, (position, name) in enumerate(_sheets(stream), 1):
        _check_sheet(source, stream, position, name or f"#{number}")


def _records(stream: bytes, at: int) -> Iterator[tuple[int, bytes]]:
    """(type, data) of the records from ``at``, as the reader cuts them (CONTINUE
    records are its own); stops where a record would run past the end."""
    end = len(stream)
    while at + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, at)
        if at + 4 + length > end:
            return
        yield kind, stream[at + 4 : at + 4 + length]
        at += 4 + length


def _sheets(stream: bytes) -> list[tuple[int, str]]:
    """The sheets the workbook globals list: (offset in the stream, name)."""
    sheets = []
    for kind, data in _records(stream, 0):
        if kind == EOF:
            break
        if kind == BOUNDSHEET and len(data) >= 8:
            (position,) = struct.unpack_from("<I", data)
            sheets.append((position, _sheet_name(data)))
    return sheets


def _sheet_name(data: bytes) -> str:
    """A BoundSheet8 record's name (BIFF8), for messages only."""
    length, flags = data[6], data[7]
    raw = data[8:]
    if flags & 1:
        return raw[: 2 * length].decode("utf-16-le", "replace").strip("\x00")
    return raw[:length].decode("latin-1").strip("\x00")


def _check_sheet(source: str, stream: bytes, position: int, sheet: str) -> None:
    values = _Extent()  # formulas are laid out in a grid of their own, on cells counted here
    formula_at = (0, 0)
    for kind, data in _records(stream, position):
        if kind == EOF:
            break
        if kind in ONE_CELL and len(data) >= 4:
            row, col = struct.unpack_from("<HH", data)
            values.add(row, col)
        elif kind == MULRK and len(data) >= 6:
            row, col = struct.unpack_from("<HH", data)
            count = (len(data) - 6) // 6
            if count:
                values.add(row, col + count - 1)
        elif kind == FORMULA and len(data) >= 20:
            formula_at = struct.unpack_from("<HH", data)
            values.add(*formula_at)
        elif kind == STRING:
            values.add(*formula_at)
        elif kind == DIMENSIONS:
            _check_dimensions(source, sheet, data)
    values.check(source, sheet)


def _check_dimensions(source: str, sheet: str, data: bytes) -> None:
    """The cells the reader reserves room for, worked out as it does (32-bit counts)."""
    if len(data) == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", data)
    elif len(data) == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", data)
    else:
        return
    if last_row >= 1 and last_col >= 1:
        end_row, end_col = last_row - 1, last_col - 1
    else:
        end_row, end_col = first_row, first_col
    rows = (end_row - first_row + 1) % 2**32
    cols = (end_col - first_col + 1) % 2**32
    if rows * cols > BIFF8_GRID:
        raise StatementError.of(
            "statement.xls_damaged.dimensions", source=source, sheet=sheet, rows=rows, cols=cols
        )
