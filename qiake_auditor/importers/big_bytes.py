"""Whole-file byte operations done a slice at a time.

``bytes.replace``, ``bytes.count``, ``bytes.decode`` and a regular expression's search
each hold the GIL until they are done: on a 155 MB bill that is 0.05-0.25 s during
which no other thread runs, so the window, whose import runs on a worker thread,
freezes. Slices of a few megabytes take a few milliseconds each, and between two
slices the GUI thread gets its turn. The results are exactly those of the one call.

Even copying 155 MB in one go holds the GIL for ~70 ms (fresh pages are touched), so
results are put together from slices by ``join``, which copies without it.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

Bytes = bytes | bytearray

SLICE = 4 << 20  # bytes handled per call
DECODE_SLICE = 1 << 20  # per decode: 4 MB of GB18030 to UTF-8 held the GIL 29 ms alone
_OVERLAP = 1 << 16  # a match may start in one slice and end in the next


def search(pattern: re.Pattern[bytes], data: Bytes, start: int = 0) -> re.Match[bytes] | None:
    """``pattern.search(data, start)``, looking at one slice at a time.

    A match is looked for in a slice and a margin after it; one found that starts in
    the slice is confirmed (extended) by ``pattern.match`` on the whole data, so a
    greedy tail or a ``$`` at the margin's end cannot shorten or invent it. A match
    is found as long as what it needs at least (for the statement separator: a line
    end, blanks and eight dashes) fits in the margin, 64 KB.
    """
    at = start
    while at < len(data):
        end = min(at + SLICE, len(data))
        found = pattern.search(data, at, min(end + _OVERLAP, len(data)))
        while found is not None and found.start() < end:
            whole = pattern.match(data, found.start())
            if whole is not None:
                return whole
            found = pattern.search(data, found.start() + 1, min(end + _OVERLAP, len(data)))
        at = end
    return None


def _joined(pieces: list[Bytes]) -> bytearray:
    """The pieces in one ``bytearray``, by ``join``: it sizes the result once and copies
    with the GIL let go of (a 160 MB join: no hold over 1 ms). Growing the result a
    piece at a time did not: each growth beyond its room copied all of it so far (holds
    of 12-15 ms on 50 MB, one at the start of a 106 ms stall of the window)."""
    return bytearray().join(pieces)


def without(data: Bytes, byte: bytes, start: int = 0, end: int | None = None) -> bytearray:
    """``data[start:end].replace(byte, b"")`` for a single byte."""
    end = len(data) if end is None else end
    return _joined(
        [data[at : min(at + SLICE, end)].replace(byte, b"") for at in range(start, end, SLICE)]
    )


def count(data: Bytes, byte: bytes, start: int = 0, end: int | None = None) -> int:
    """``data.count(byte, start, end)`` for a single byte."""
    end = len(data) if end is None else end
    return sum(data.count(byte, at, min(at + SLICE, end)) for at in range(start, end, SLICE))


def decoded(data, encoding: str) -> Iterator[str]:
    """``bytes(data).decode(encoding)`` for any buffer (a memoryview of an Arrow buffer
    too), in pieces of ``DECODE_SLICE`` bytes: an incremental decoder takes pieces cut
    anywhere (inside a character, inside a byte-order mark)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data).cast("B")
    for at in range(0, len(view), DECODE_SLICE):
        yield decoder.decode(view[at : at + DECODE_SLICE], final=at + DECODE_SLICE >= len(view))


def to_utf8(data, encoding: str) -> bytearray:
    """``bytes(data).decode(encoding).encode("utf-8")``, a slice at a time."""
    return _joined([piece.encode("utf-8") for piece in decoded(data, encoding)])
