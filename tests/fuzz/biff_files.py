"""Hand-built BIFF8 workbooks inside the hand-built compound file of compound_files.

One sheet, a few cells: enough for the spreadsheet reader to parse, and laid out so a
test can break exactly one number in the sheet data (a DIMENSIONS record, the SST
count, a cell's row) while the container around it stays sound.
"""

from __future__ import annotations

import struct

from . import compound_files

BOF, EOF, BOUNDSHEET, SST = 0x0809, 0x000A, 0x0085, 0x00FC
DIMENSIONS, NUMBER, LABEL = 0x0200, 0x0203, 0x0204
WORKBOOK_AT = (compound_files.WORKBOOK_START + 1) * compound_files.SECTOR
STREAM_BYTES = 8 * compound_files.SECTOR  # what compound_files.sound() holds by default


def record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def bof(sheet: bool) -> bytes:
    return record(BOF, struct.pack("<HHHHII", 0x0600, 0x0010 if sheet else 0x0005, 0, 0, 0, 6))


def label(row: int, col: int, text: str) -> bytes:
    chars = text.encode("utf-16-le")
    return record(LABEL, struct.pack("<HHHHB", row, col, 15, len(text), 1) + chars)


def number(row: int, col: int, value: float) -> bytes:
    return record(NUMBER, struct.pack("<HHHd", row, col, 15, value))


def dimensions(first_row: int, last_row: int, first_col: int, last_col: int) -> bytes:
    """Rows and columns as the record holds them: the last ones are one past the end."""
    return record(DIMENSIONS, struct.pack("<IIHHH", first_row, last_row, first_col, last_col, 0))


def sst(count: int, strings: list[str]) -> bytes:
    body = b"".join(struct.pack("<HB", len(s), 1) + s.encode("utf-16-le") for s in strings)
    return record(SST, struct.pack("<ii", count, count) + body)


CELLS = [
    label(0, 0, "交易日期"),
    label(0, 1, "金额"),
    label(1, 0, "2025-01-05"),
    number(1, 1, 199.0),
    label(2, 0, "2025-02-05"),
    number(2, 1, 199.0),
]


def workbook(
    cells: list[bytes] | None = None,
    dims: bytes | None = None,
    shared: bytes | None = None,
    sheet_name: str = "明细",
) -> bytes:
    """The Workbook stream: globals (BOF, an SST if given, BOUNDSHEET, EOF), one sheet."""
    name = sheet_name.encode("utf-16-le")

    def globals_part(sheet_at: int) -> bytes:
        sheet = record(BOUNDSHEET, struct.pack("<IBBBB", sheet_at, 0, 0, len(sheet_name), 1) + name)
        return bof(False) + (shared or b"") + sheet + record(EOF, b"")

    head = len(globals_part(0))
    sheet = (
        bof(True)
        + (dims if dims is not None else dimensions(0, 3, 0, 2))
        + b"".join(CELLS if cells is None else cells)
        + record(EOF, b"")
    )
    return globals_part(head) + sheet


def xls(stream: bytes) -> bytes:
    """A sound container whose Workbook stream is ``stream`` (padded with zeros after
    the last EOF, which the reader never reaches)."""
    if len(stream) > STREAM_BYTES:
        raise ValueError("the hand-built container holds 4096 bytes of workbook")
    data = bytearray(compound_files.sound())
    data[WORKBOOK_AT : WORKBOOK_AT + STREAM_BYTES] = stream.ljust(STREAM_BYTES, b"\0")
    return bytes(data)


def renamed(new_name: str) -> bytes:
    """A sound container whose Workbook stream is called ``new_name`` instead."""
    data = bytearray(xls(workbook()))
    at = 2 * compound_files.SECTOR + 128  # the Workbook entry, second in the directory
    encoded = (new_name + "\x00").encode("utf-16-le")
    data[at : at + 64] = encoded.ljust(64, b"\0")
    struct.pack_into("<H", data, at + 64, len(encoded))
    return bytes(data)
