"""What one input may expand to, checked before anything is inflated or allocated.

A few kilobytes of ZIP or XLSX can claim gigabytes: members of zeros, a shared string
referenced by thousands of cells, one cell at ``XFD1048576`` that makes the spreadsheet
reader allocate the whole grid. Every archive member and every workbook part is read
through :func:`read_member`, which streams and counts the bytes really produced (not
what the header declares) against one budget per input; sheets are measured by
:func:`sheet_extent` before the reader sees them.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from ..errors import StatementError

# Everything one input file may inflate to, all members and parts together.
MAX_EXPANDED_BYTES = 512 * 1024 * 1024
# The grid (rows x columns) the reader may allocate, ~45 bytes a cell: a 1M-row bill of
# 12 columns fits, GR100000 (20M cells, 21 s and 912 MB) does not.
MAX_SHEET_CELLS = 12_000_000
MAX_SHEET_COLUMNS = 1024
# Excel's own limit on one cell's text.
MAX_CELL_CHARS = 32_767
_CHUNK = 1024 * 1024


@dataclass
class Budget:
    """The bytes one input may still expand to."""

    source: str
    left: int = MAX_EXPANDED_BYTES

    def spend(self, count: int, member: str) -> None:
        self.left -= count
        if self.left < 0:
            raise StatementError.of(
                "statement.bomb",
                source=self.source,
                member=member,
                limit=MAX_EXPANDED_BYTES // 2**20,
            )


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> bytes:
    """A member's bytes, inflated in chunks; stops as soon as the budget is spent."""
    out = io.BytesIO()
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            budget.spend(len(chunk), info.filename)
            out.write(chunk)
    return out.getvalue()


_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
_ROW_REF = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]{1,7})"')
_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\b[^>]*?\bref="[A-Z]*[0-9]*:?([A-Z]{1,3})([0-9]{1,7})"'
)


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def sheet_extent(xml: bytes) -> tuple[int, int]:
    """(rows, columns) a sheet's XML makes a reader allocate: the furthest cell or row."""
    rows = cols = 0
    if match := _DIMENSION.search(xml, 0, 4096):
        cols, rows = column_number(match.group(1)), int(match.group(2))
    # Rows and cells are written in order, but a hostile file need not be: look at all.
    row_numbers = _ROW_REF.findall(xml)
    if row_numbers:
        rows = max(rows, max(map(int, row_numbers)))
    letters = set(_CELL_REF.findall(xml))
    for col, row in letters:
        cols = max(cols, column_number(col))
        rows = max(rows, int(row))
    return rows, cols


def check_workbook(source: str, data: bytes) -> None:
    """Refuse an XLSX whose parts expand too far or whose sheets claim too large a grid."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return  # the reader says what is wrong with it
    budget = Budget(source)
    with book:
        for info in book.infolist():
            name = info.filename
            if not name.endswith(".xml"):
                continue
            try:
                xml = read_member(book, info, budget)
            except (
                zipfile.BadZipFile,
                OSError,
                ValueError,
                EOFError,
                NotImplementedError,
                zlib.error,
            ):
                continue  # the reader reports damage in its own words
            if name.startswith("xl/worksheets/"):
                _check_extent(source, name, xml)
            elif name == "xl/sharedStrings.xml":
                _check_strings(source, xml)


def _check_extent(source: str, name: str, xml: bytes) -> None:
    rows, cols = sheet_extent(xml)
    check_extent(source, name.rsplit("/", 1)[-1].removesuffix(".xml"), rows - 1, cols - 1)


def check_extent(source: str, sheet: str, last_row: int, last_col: int) -> None:
    """Refuse a sheet whose grid up to (last_row, last_col), 0-based, is too large."""
    rows, cols = last_row + 1, last_col + 1
    if cols > MAX_SHEET_COLUMNS or rows * cols > MAX_SHEET_CELLS:
        raise StatementError.of(
            "statement.sheet_too_large", source=source, sheet=sheet, rows=rows, cols=cols
        )


_STRING = re.compile(rb"<(?:\w+:)?t\b[^>]*>([^<]*)<")


def _check_strings(source: str, xml: bytes) -> None:
    # Text is at least a byte per character: only a long enough run can break the limit.
    if len(xml) <= MAX_CELL_CHARS:
        return
    for match in _STRING.finditer(xml):
        if (
            match.end(1) - match.start(1) > MAX_CELL_CHARS
            and len(match.group(1).decode("utf-8", "replace")) > MAX_CELL_CHARS
        ):
            raise StatementError.of(
                "statement.shared_text_too_long",
                source=source,
                size=match.end(1) - match.start(1),
                limit=MAX_CELL_CHARS,
            )


_DTD = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def refuse_dtd(source: str, data: bytes, text: str) -> None:
    """The one DOCTYPE check for XML statements: anywhere in the file, in its bytes and in
    its decoded text (UTF-16 hides the ASCII bytes, a long comment pushes it far down)."""
    if _DTD.search(text) or re.search(rb"<!\s*(?:DOCTYPE|ENTITY)", data, re.IGNORECASE):
        raise StatementError.of("statement.doctype", source=source)
