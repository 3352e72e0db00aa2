"""Arrow's CSV reader straight on GB18030 or UTF-8 bytes, decoding only what must be.

A million-line Alipay bill is 155 MB of GBK. Decoding all of it and encoding it
again as UTF-8 for the parser costs more than the parse. But the delimiters a CSV
parser looks for (comma, quote, line end) never occur inside a multi-byte GB18030
character, so the bytes can be split into fields as they are. Afterwards a column
of pure ASCII (times, amounts, order ids: most of the bytes) is already valid UTF-8,
and any other column is decoded once per distinct value (a few thousand merchants,
categories and states repeated a million times), in one call for all of them.
"""

from __future__ import annotations

import csv

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from .. import parallel, progress
from ..vstr import value_bytes
from . import big_bytes

# More fields than this in a header or row is not a statement (csv_text refuses it).
MAX_FIELDS = 1000

_UTF8 = ("utf-8", "utf-8-sig")
_SAMPLE = 4096  # values looked at to tell a column of repeated names from one of memos


def parse_region(
    data: bytes | bytearray,
    encoding: str,
    start: int = 0,
    end: int | None = None,
    tabs_in_fields: bool = False,
) -> tuple[list[str], pa.Table] | None:
    """(header names, text table) of the CSV region ``data[start:end]``, whose first line
    is the header (nothing is copied).

    ``tabs_in_fields``: the region still holds the tabs that statements pad fields
    with; they are taken out of each field after the split (see
    :func:`tabs_split_alike`). Otherwise they were taken out before.
    Returns None unless every record is exactly one physical line and every field
    decodes: the caller's text path then gives the exact error or line numbers.
    """
    if encoding not in (*_UTF8, "gb18030"):
        return None
    end = len(data) if end is None else end
    while end > start and data[end - 1] in b"\r\n":
        end -= 1
    first_end = data.find(b"\n", start, end)
    header_bytes = data[start:end] if first_end < 0 else data[start:first_end]
    try:
        header_line = header_bytes.replace(b"\t", b"").decode(encoding)
        names = next(csv.reader([header_line.lstrip("\ufeff").rstrip("\r")]))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        return None
    region = pa.py_buffer(data)[start:end]
    table = read_records(pa.BufferReader(region), len(names), pa.binary())
    if table is None or table.num_rows != big_bytes.count(data, b"\n", start, end):
        return None  # blank lines or ragged rows: line numbers would not be exact
    progress.step(0.3)  # the split into fields; then the columns' text
    width = table.num_columns
    # The largest columns first, so that the two threads end together.
    order = sorted(range(width), key=lambda i: -table.column(i).nbytes)
    try:
        texts = parallel.each(
            lambda i: text_column(table.column(i), encoding, tabs_in_fields),
            order,
            done=lambda n: progress.step(0.3 + 0.7 * n / width),
        )
    except (UnicodeDecodeError, pa.ArrowInvalid):
        return None
    by_column = dict(zip(order, texts, strict=True))
    return names, pa.table([by_column[i] for i in range(width)], names=table.column_names)


_TAB, _QUOTE, _COMMA, _NEWLINE = b"\t"[0], b'"'[0], b","[0], b"\n"[0]


def tabs_split_alike(data: bytes | bytearray, start: int = 0, end: int | None = None) -> bool:
    """Whether the lines of ``data[start:end]`` split into the fields they would split
    into with every tab taken out first.

    A tab is not a delimiter, so it changes the split only where it keeps a quote from
    opening a field: ``,\t"a,b"`` is one quoted field once the tab is gone, but with it
    the quote is text and the comma splits. True unless some field starts with tabs
    and then a quote (Alipay pads order ids with a tab after them; WeChat inside their
    quotes: both split alike). Looks only where a tab stands before a quote.
    """
    end = len(data) if end is None else end
    view = np.frombuffer(data, dtype=np.uint8)
    for at in range(start, end, big_bytes.SLICE):
        stop = min(at + big_bytes.SLICE, end)
        if data.find(b'"', at, stop) < 0:  # most bills: no quote at all
            continue
        quotes = np.flatnonzero(view[at:stop] == _QUOTE) + at
        tabs = quotes[(quotes > start) & (view[quotes - 1] == _TAB)] - 1
        if not len(tabs):
            continue
        if (tabs == start).any():
            return False
        before = view[tabs - 1]
        if np.isin(before, (_COMMA, _NEWLINE)).any():
            return False
        for tab in tabs[before == _TAB].tolist():  # rare: a run of tabs, walked back
            first = tab
            while first > start and view[first - 1] == _TAB:
                first -= 1
            if first == start or view[first - 1] in (_COMMA, _NEWLINE):
                return False
    return True


def read_records(source, width: int, kind: pa.DataType) -> pa.Table | None:
    """Arrow's multi-threaded reader on a header line and one record per line after it,
    every field of type ``kind``; None where Arrow refuses the text (ragged rows...)
    and for a header wider than any statement (the tolerant parser refuses it, naming
    the line, instead of Arrow building a million columns for minutes)."""
    if width > MAX_FIELDS:
        return None
    names = [f"c{i}" for i in range(width)]  # the header's own names may repeat
    try:
        return pacsv.read_csv(
            source,
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pacsv.ParseOptions(newlines_in_values=False),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, kind),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, ValueError):
        return None


def text_column(column: pa.ChunkedArray | pa.Array, encoding: str, tabs: bool = False) -> pa.Array:
    """A binary column as UTF-8 text (raises UnicodeDecodeError on bytes that are not);
    ``tabs``: with the tabs its values hold taken out."""
    values = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if tabs and (value_bytes(values) == _TAB).any():
        values = pc.replace_substring(values, b"\t", b"")
    if encoding in _UTF8 or _ascii_only(values):
        return values.cast(pa.string())  # validates UTF-8 (ArrowInvalid if not)
    sample = values[:_SAMPLE]
    if len(pc.unique(sample)) > len(sample) // 2:  # item names, memos: mostly distinct
        return decode_all(values, encoding)
    encoded = pc.dictionary_encode(values)
    return decode_all(encoded.dictionary, encoding).take(encoded.indices)


def decode_all(values: pa.Array, encoding: str) -> pa.Array:
    """Every value decoded, in one decode call over all of them (separated by line ends,
    which no value holds and no multi-byte character contains)."""
    if not len(values):
        return pa.array([], type=pa.string())
    newline = pa.scalar(b"\n", pa.binary())
    joined = pc.binary_join_element_wise(values, pa.scalar(b"", pa.binary()), newline)
    offsets = np.frombuffer(joined.buffers()[1], dtype=np.int32)
    offsets = offsets[joined.offset : joined.offset + len(joined) + 1]
    raw = memoryview(joined.buffers()[2])[offsets[0] : offsets[-1]]  # not copied
    utf8 = big_bytes.to_utf8(raw, encoding)
    ends = np.flatnonzero(np.frombuffer(utf8, dtype=np.uint8) == 0x0A)
    if len(ends) != len(values):
        raise UnicodeDecodeError(encoding, bytes(raw), 0, len(raw), "a line end inside a value")
    starts = np.r_[0, ends[:-1] + 1].astype(np.int64)
    with_newline = pa.LargeStringArray.from_buffers(
        len(values), pa.py_buffer(np.r_[starts, ends[-1] + 1].astype(np.int64)), pa.py_buffer(utf8)
    )
    return pc.utf8_slice_codeunits(with_newline, 0, -1).cast(pa.string())


def _ascii_only(values: pa.Array) -> bool:
    return int(value_bytes(values).max(initial=0)) < 0x80
