"""The OLE2 compound file (MS-CFB) around a legacy .xls, checked before the reader sees it.

The spreadsheet reader follows sector chains without looking for loops and reads sectors
past the end of the file as empty: one byte inserted into a damaged .xls shifts every
sector, a chain then runs in a circle, and the reader appends the same sectors forever
(4 GB in 5 seconds) until the process is killed. Walking the same tables here, each
sector at most once and every id inside the file, costs time in proportion to the file's
size; a container that does not hold together is refused as damaged, naming the file.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

from ..errors import StatementError

HEADER_BYTES = 512
# Sector ids above this are markers, not sectors (MS-CFB 2.1).
MAX_REGULAR_SECTOR = 0xFFFFFFFA
DIFAT_SECTOR = 0xFFFFFFFC
END_OF_CHAIN = 0xFFFFFFFE
FREE_SECTOR = 0xFFFFFFFF
MINI_SECTOR_BYTES = 64
MINI_STREAM_CUTOFF = 4096  # streams shorter than this live in the mini stream
DIRECTORY_ENTRY_BYTES = 128
STORAGE = 1  # a directory entry that is a folder, not a stream
HEADER_DIFAT_SLOTS = 109


class _Damage(Exception):
    """What does not hold together: a message id of the catalogue and the part it names."""

    def __init__(self, message_id: str, part: str = "") -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.part = part


def check_container(source: str, data: bytes) -> None:
    """Refuse an .xls whose compound-file tables loop, point past the end of the file,
    or declare sizes the file cannot hold; return quietly for a sound container."""
    try:
        _walk(data)
    except _Damage as damage:
        raise StatementError.of(damage.message_id, source=source, part=damage.part) from None


def _u32s(data: bytes | memoryview) -> list[int]:
    return list(struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4]))


class _Sectors:
    """The file's sectors: sector ``i`` starts after the header sector."""

    def __init__(self, data: bytes, size: int) -> None:
        self.view = memoryview(data)
        self.size = size
        # A last sector cut short still counts (the reader takes what is there).
        self.count = max(0, -(-(len(data) - size) // size))

    def get(self, sector: int, part: str) -> memoryview:
        if sector >= self.count:
            raise _Damage("statement.xls_damaged.past_end", part)
        start = (sector + 1) * self.size
        return self.view[start : start + self.size]

    def chain(self, start: int, table: Sequence[int], part: str, limit: int) -> list[int]:
        """The sector ids of one chain, each at most once, each below ``limit``."""
        found: list[int] = []
        seen: set[int] = set()
        sector = start
        while sector != END_OF_CHAIN:
            if sector >= limit or sector >= len(table):
                raise _Damage("statement.xls_damaged.past_end", part)
            if sector in seen:
                raise _Damage("statement.xls_damaged.loop", part)
            seen.add(sector)
            found.append(sector)
            sector = table[sector]
        return found


def named_stream(data: bytes, names: Sequence[str]) -> tuple[str, bytes] | None:
    """The first of ``names`` that the directory holds, with its bytes, from a container
    that passed :func:`check_container`; None when it holds none of them."""
    try:
        return _named_stream(_walk(data), names)
    except _Damage:
        return None


def _named_stream(layout: _Layout, names: Sequence[str]) -> tuple[str, bytes] | None:
    found = {_entry_name(e): e for e in layout.entries[1:] if _entry_name(e)}
    for name in names:
        entry = found.get(name)
        if entry is None or entry[66] == STORAGE:
            continue
        start, length = _entry_place(entry, layout.sectors.size)
        if length == 0 or start in (END_OF_CHAIN, FREE_SECTOR):
            return name, b""
        if length < MINI_STREAM_CUTOFF:
            mini = layout.mini_stream()
            chain = layout.sectors.chain(start, layout.mini_fats, name, layout.mini_sectors)
            parts = [mini[s * MINI_SECTOR_BYTES : (s + 1) * MINI_SECTOR_BYTES] for s in chain]
        else:
            chain = layout.sectors.chain(start, layout.fats, name, layout.sectors.count)
            parts = [bytes(layout.sectors.get(s, name)) for s in chain]
        return name, b"".join(parts)[:length]
    return None


def stream_names(data: bytes) -> list[str]:
    """The names of the streams and folders in a sound container's directory."""
    try:
        layout = _walk(data)
    except _Damage:
        return []
    return [n for n in (_entry_name(e) for e in layout.entries[1:]) if n]


def _entry_name(entry: bytes) -> str:
    (name_bytes,) = struct.unpack_from("<H", entry, 64)
    raw = bytes(entry[: min(name_bytes, 64)])
    return raw.decode("utf-16-le", "replace").rstrip("\x00")


class _Layout:
    """The tables of a container that holds together, as :func:`_walk` found them."""

    def __init__(
        self,
        sectors: _Sectors,
        fats: list[int],
        entries: list[bytes],
        root_chain: list[int],
        mini_fats: list[int],
        mini_sectors: int,
    ) -> None:
        self.sectors = sectors
        self.fats = fats
        self.entries = entries
        self.root_chain = root_chain
        self.mini_fats = mini_fats
        self.mini_sectors = mini_sectors

    def mini_stream(self) -> bytes:
        return b"".join(bytes(self.sectors.get(s, "Root Entry")) for s in self.root_chain)


def _walk(data: bytes) -> _Layout:
    if len(data) < HEADER_BYTES:
        raise _Damage("statement.xls_damaged.header")
    (sector_shift, mini_shift) = struct.unpack_from("<HH", data, 30)
    if sector_shift not in (9, 12) or mini_shift != 6:
        raise _Damage("statement.xls_damaged.header")
    size = 1 << sector_shift
    sectors = _Sectors(data, size)
    (dir_count, fat_count, dir_start) = struct.unpack_from("<III", data, 40)
    (mini_fat_start, mini_fat_count, difat_start, difat_count) = struct.unpack_from(
        "<IIII", data, 60
    )
    # The reader reserves memory for these counts before it reads a sector.
    for part, count in (
        ("FAT", fat_count),
        ("directory", dir_count),
        ("mini FAT", mini_fat_count),
        ("DIFAT", difat_count),
    ):
        if count > sectors.count:
            raise _Damage("statement.xls_damaged.size", part)

    fats = _fat(data, sectors, difat_start)
    directory = b"".join(
        sectors.get(s, "directory")
        for s in sectors.chain(dir_start, fats, "directory", sectors.count)
    )
    entries = [
        directory[at : at + DIRECTORY_ENTRY_BYTES]
        for at in range(0, len(directory) - DIRECTORY_ENTRY_BYTES + 1, DIRECTORY_ENTRY_BYTES)
    ]
    if not entries:
        raise _Damage("statement.xls_damaged.size", "directory")
    root_start, root_size = _entry_place(entries[0], size)
    mini_fats: list[int] = []
    mini_sectors = 0
    root_chain: list[int] = []
    if mini_fat_count:
        root_chain = sectors.chain(root_start, fats, "Root Entry", sectors.count)
        if root_size > len(root_chain) * size:
            raise _Damage("statement.xls_damaged.size", "Root Entry")
        mini_sectors = -(-root_size // MINI_SECTOR_BYTES)
        mini_chain = sectors.chain(mini_fat_start, fats, "mini FAT", sectors.count)
        mini_fats = _u32s(b"".join(sectors.get(s, "mini FAT") for s in mini_chain))
    for entry in entries[1:]:
        _check_stream(entry, size, sectors, fats, mini_fats, mini_sectors)
    return _Layout(sectors, fats, entries, root_chain, mini_fats, mini_sectors)


def _fat(data: bytes, sectors: _Sectors, difat_start: int) -> list[int]:
    """The sector allocation table, gathered through the DIFAT the way the reader does."""
    fat_sectors = _u32s(memoryview(data)[76 : 76 + 4 * HEADER_DIFAT_SLOTS])
    seen: set[int] = set()
    sector = difat_start
    while sector < MAX_REGULAR_SECTOR:
        if sector in seen:
            raise _Damage("statement.xls_damaged.loop", "DIFAT")
        seen.add(sector)
        words = _u32s(sectors.get(sector, "DIFAT"))
        if not words:
            raise _Damage("statement.xls_damaged.past_end", "DIFAT")
        fat_sectors.extend(words[:-1])
        sector = words[-1]
    fats: list[int] = []
    for sector in fat_sectors:
        if sector < DIFAT_SECTOR:  # the reader reads every id below the markers
            fats.extend(_u32s(sectors.get(sector, "FAT")))
    return fats


def _entry_place(entry: bytes, sector_size: int) -> tuple[int, int]:
    """(first sector, size in bytes) of a directory entry, as the reader takes them."""
    (start,) = struct.unpack_from("<I", entry, 116)
    if sector_size == 512:  # version 3 files: the high 32 bits are not a size
        (length,) = struct.unpack_from("<I", entry, 120)
    else:
        (length,) = struct.unpack_from("<Q", entry, 120)
    return start, length


def _check_stream(
    entry: bytes,
    sector_size: int,
    sectors: _Sectors,
    fats: list[int],
    mini_fats: list[int],
    mini_sectors: int,
) -> None:
    (name_bytes, kind) = struct.unpack_from("<HB", entry, 64)
    if not name_bytes or kind == STORAGE:
        return  # an unused slot or a folder: the reader never reads it as a stream
    name = bytes(entry[: min(name_bytes, 64)]).decode("utf-16-le", "replace").rstrip("\x00")
    start, length = _entry_place(entry, sector_size)
    if length == 0 or start in (END_OF_CHAIN, FREE_SECTOR):
        return
    part = f"stream {name}"
    if length < MINI_STREAM_CUTOFF:
        chain = sectors.chain(start, mini_fats, part, mini_sectors)
        held = len(chain) * MINI_SECTOR_BYTES
    else:
        chain = sectors.chain(start, fats, part, sectors.count)
        held = len(chain) * sector_size
    if length > held:
        raise _Damage("statement.xls_damaged.size", part)
