"""Hand-built OLE2 compound files (MS-CFB, version 3) for the damaged-.xls tests.

The banks' .xls files are BIFF8 inside such a container, and the spreadsheet reader
follows the container's sector chains; these builders lay the tables out by hand so a
test can break exactly one of them. Layout (512-byte sectors): 0 FAT, 1 directory,
2 mini FAT, 3 mini stream (the small stream), 4.. the Workbook stream.
"""

from __future__ import annotations

import struct

SECTOR = 512
FAT_SECTOR = 0xFFFFFFFD
END = 0xFFFFFFFE
FREE = 0xFFFFFFFF
NO_ENTRY = 0xFFFFFFFF
WORKBOOK_START = 4
# Byte offsets of header fields a test may overwrite.
DIR_START_AT = 48
DIFAT_START_AT = 68
DIFAT_COUNT_AT = 72


def _entry(
    name: str, kind: int, start: int, size: int, child: int = NO_ENTRY, right: int = NO_ENTRY
) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le")
    entry = bytearray(128)
    entry[: len(encoded)] = encoded
    struct.pack_into("<HBB", entry, 64, len(encoded), kind, 1)
    struct.pack_into("<III", entry, 68, NO_ENTRY, right, child)
    struct.pack_into("<IQ", entry, 116, start, size)
    return bytes(entry)


def sound(workbook_bytes: int = 8 * SECTOR, small_bytes: int = 200) -> bytes:
    """A container that holds together: a Workbook stream and a small summary stream."""
    workbook_sectors = -(-workbook_bytes // SECTOR)
    fat = [FAT_SECTOR, END, END, END]
    fat += [WORKBOOK_START + i + 1 for i in range(workbook_sectors - 1)] + [END]
    fat += [FREE] * (SECTOR // 4 - len(fat))
    mini_sectors = -(-small_bytes // 64)
    mini_fat = [i + 1 for i in range(mini_sectors - 1)] + [END]
    mini_fat += [FREE] * (SECTOR // 4 - len(mini_fat))
    header = bytearray(SECTOR)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, 2, 1, END, 0)
    struct.pack_into("<109I", header, 76, 0, *([FREE] * 108))
    directory = (
        _entry("Root Entry", 5, 3, mini_sectors * 64, child=1)
        + _entry("Workbook", 2, WORKBOOK_START, workbook_bytes, right=2)
        + _entry("\x05SummaryInformation", 2, 0, small_bytes)
        + bytes(128)
    )
    small = bytes(range(256)) * (-(-small_bytes // 256))
    workbook = (b"\x09\x08\x10\x00" + bytes(16)) * (workbook_sectors * SECTOR // 20 + 1)
    return (
        bytes(header)
        + struct.pack(f"<{len(fat)}I", *fat)
        + directory
        + struct.pack(f"<{len(mini_fat)}I", *mini_fat)
        + small[:small_bytes].ljust(SECTOR, b"\x00")
        + workbook[: workbook_sectors * SECTOR]
    )


def _with_fat_entry(data: bytes, sector: int, value: int) -> bytes:
    out = bytearray(data)
    struct.pack_into("<I", out, SECTOR + 4 * sector, value)
    return bytes(out)


def _with_u32(data: bytes, at: int, value: int) -> bytes:
    out = bytearray(data)
    struct.pack_into("<I", out, at, value)
    return bytes(out)


def directory_loop() -> bytes:
    """The directory's chain points back at itself (what one inserted byte does)."""
    return _with_fat_entry(sound(), 1, 1)


def workbook_loop() -> bytes:
    """The Workbook stream's last sector points back at its first."""
    return _with_fat_entry(sound(), WORKBOOK_START + 7, WORKBOOK_START)


def directory_past_end() -> bytes:
    return _with_u32(sound(), DIR_START_AT, 100_000)


def difat_loop() -> bytes:
    """A DIFAT sector whose next-sector pointer is itself."""
    data = _with_u32(sound(), DIFAT_START_AT, WORKBOOK_START)
    data = _with_u32(data, DIFAT_COUNT_AT, 1)
    last_word = (WORKBOOK_START + 1) * SECTOR + SECTOR - 4
    return _with_u32(data, last_word, WORKBOOK_START)


def oversized_stream() -> bytes:
    """The Workbook entry declares a gigabyte in an 8-sector chain."""
    at = 2 * SECTOR + 128 + 120  # the Workbook entry's size field
    return _with_u32(sound(), at, 2**30)


def shifted(at: int) -> bytes:
    """A sound container with one byte inserted: every later sector moves."""
    data = sound()
    return data[:at] + b"\x00" + data[at:]


DAMAGED = {
    "directory_loop": (directory_loop, "statement.xls_damaged.loop"),
    "workbook_loop": (workbook_loop, "statement.xls_damaged.loop"),
    "directory_past_end": (directory_past_end, "statement.xls_damaged.past_end"),
    "difat_loop": (difat_loop, "statement.xls_damaged.loop"),
    "oversized_stream": (oversized_stream, "statement.xls_damaged.size"),
}
