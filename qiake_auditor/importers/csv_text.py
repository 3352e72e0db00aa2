"""A statement's CSV block as a frame of text fields with their physical line numbers.

Statement files put their header row at varying depths, pad fields with spaces and
tabs, and end the data at a dashed line or a footer. The fast paths (Arrow, on the
bytes where the encoding allows) handle one record per line; the csv module handles
ragged rows and quoted line breaks, keeping every record's 1-based physical line.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from .. import progress
from ..errors import StatementError
from . import big_bytes, csvbytes, field_text, notes_below, text_encoding

_SEPARATOR_BYTES = re.compile(rb"\n[ \t]*[-=]{8,}[-=\s,]*(?=\r?\n|$)")


def parse_csv_bytes(
    data: bytes, header: int, source: str, check_cut: bool = False, stop_at_separator: bool = True
) -> pd.DataFrame | None:
    """Like ``parse_csv_text(csv_region(text, header, stop_at_separator), ...)`` straight
    from the file's bytes.

    The region is cut and its tabs removed on the bytes (safe for UTF-8 and GB18030,
    whose multi-byte characters never contain a tab or a newline byte), and only the
    region is decoded: a million-line bill is not turned into text twice. Returns
    None where that does not hold (UTF-16, old Mac line ends): use the text path.
    """
    encoding = text_encoding.guess_encoding(data)
    head = data[: text_encoding.HEAD_BYTES]
    if encoding not in ("utf-8", "utf-8-sig", "gb18030") or (b"\r" in head and b"\r\n" not in head):
        return None
    offset = 0
    try:
        for _ in range(header):
            offset = data.index(b"\n", offset) + 1
    except ValueError:
        return None
    found = big_bytes.search(_SEPARATOR_BYTES, data, offset) if stop_at_separator else None
    end = found.start() if found else len(data)
    # The tabs are taken out of each field after the split where they cannot change it
    # (nearly always), sparing a copy of the whole bill without them (0.4-0.7 s).
    region = (
        None
        if csvbytes.tabs_split_alike(data, offset, end)
        else big_bytes.without(data, b"\t", offset, end)
    )
    # The steps are shares of reading the statement: the parse is about 70 % of an
    # Alipay bill's read, the importer's building of its rows the rest (measured).
    progress.step(0.2)
    with progress.part(0.2, 0.7):
        if region is None:
            parsed = csvbytes.parse_region(data, encoding, offset, end, tabs_in_fields=True)
        else:
            parsed = csvbytes.parse_region(region, encoding)
    if parsed is not None:  # a short (cut) last line fails there and is judged below
        names, table = parsed
        return _tidy(_table_frame(table, names, header))
    if region is None:
        region = big_bytes.without(data, b"\t", offset, end)
    text = text_encoding.decode_region(region, encoding, source, header + 1)
    return parse_csv_text(text.lstrip("\ufeff"), header, source, check_cut)


def split_simple(line: str) -> list[str]:
    """Split one CSV line for header matching (quotes are stripped, not parsed)."""
    return [field_text.clean(cell) for cell in line.split(",")]


def find_line(
    lines: Sequence[str], required: Iterable[str], start: int = 0, limit: int = 400
) -> int | None:
    """Index of the first line whose comma-separated cells include all ``required`` names."""
    needed = set(required)
    for index in range(start, min(len(lines), start + limit)):
        if needed.issubset(split_simple(lines[index])):
            return index
    return None


def header_first(lines: Sequence[str], names: Iterable[str]) -> bool:
    """The first non-blank line holds all of a layout's header ``names``: its table with
    the preamble deleted in a spreadsheet (the layout's title and totals gone with it)."""
    first = next((line for line in lines[:20] if line.strip(" \t,\ufeff")), "")
    return set(names).issubset(split_simple(first))


def titled(lines: Sequence[str], title: str, clean=str.strip, limit: int = 5) -> bool:
    """One of the first ``limit`` non-blank lines is the layout's ``title`` (after
    ``clean``): the top line of the export, or below a heading the user typed above it."""
    texts = (line.strip(" \t,\ufeff") for line in lines[: limit * 4])
    return any(clean(text) == title for text in itertools.islice(filter(None, texts), limit))


def parse_csv_block(
    lines: Sequence[str], header: int, end: int | None = None, source: str = ""
) -> pd.DataFrame:
    """Parse lines[header:end] as CSV with a header line; every field is text.

    The result has cleaned header names and a ``source_row`` column holding the
    1-based physical line of each record. Fully blank records are dropped. Tabs are
    removed first: exporters append them to ids, sometimes after the closing quote,
    which strict CSV readers reject.

    A block that runs to the end of the file is checked for a last line cut off
    mid-record (``check_cut`` of :func:`parse_csv_text`): without it, a download that
    stopped inside a record would give a row with its amounts missing.
    """
    end = len(lines) if end is None else end
    return parse_csv_text("\n".join(lines[header:end]), header, source, end >= len(lines))


_SEPARATOR_LINE = re.compile(r"\n[ \t]*[-=]{8,}[-=\s,]*(?=\n|$)")


def csv_region(text: str, header: int, stop_at_separator: bool = True) -> str:
    """The text from line ``header`` (0-based) up to the next dashed line or the end.

    Works on the whole text with C-level searches, so a million-line file is not
    split into a million Python strings.
    """
    offset = 0
    for _ in range(header):
        offset = text.index("\n", offset) + 1
    end = len(text)
    if stop_at_separator:
        found = _SEPARATOR_LINE.search(text, offset)
        if found:
            end = found.start()
    return text[offset:end]


def parse_csv_text(
    block: str, header: int, source: str = "", check_cut: bool = False
) -> pd.DataFrame:
    """Parse a CSV block whose first line (0-based line ``header`` of the file) is the header.

    ``check_cut``: the block runs to the end of the file, so a last line with fewer
    fields than the header means the download was cut off (rather than a footer).
    """
    block = block.replace("\t", "")
    if check_cut:
        _refuse_cut_last_line(block, header, source)
    frame = _parse_fast(block, header)
    if frame is None:
        frame = _parse_tolerant(block, header, source)
    return _tidy(frame)


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Clean header names; drop records whose fields are all empty, and a note below the
    table."""
    frame.columns = [field_text.clean(str(c)) for c in frame.columns]
    blank = (frame.drop(columns="source_row") == "").all(axis=1)
    frame = frame if not blank.any() else frame.loc[~blank].reset_index(drop=True)
    return _without_note_below(frame)


def _without_note_below(frame: pd.DataFrame) -> pd.DataFrame:
    """The records without a note typed below them (:mod:`notes_below`)."""
    tail = frame.tail(notes_below.MOST_LINES + 1).drop(columns="source_row").fillna("")
    filled = (tail.astype("str").apply(lambda c: c.str.strip(" \u3000")) != "").sum(axis=1)
    keep = notes_below.records_before(
        filled.tolist(), frame["source_row"].tail(len(tail)).tolist(), frame.shape[1] - 1
    )
    return frame if keep == len(tail) else frame.iloc[: len(frame) - len(tail) + keep]


def _refuse_cut_last_line(block: str, header: int, source: str) -> None:
    if block.endswith("\n") or "\n" not in block:
        return
    first, last = block[: block.find("\n")], block[block.rfind("\n") + 1 :]
    try:
        wanted = len(next(csv.reader([first])))
        got = len(next(csv.reader([last])))
    except (csv.Error, StopIteration):
        return
    if last.strip() and got < wanted - 1:  # one missing field is a dropped trailing comma
        raise StatementError.of(
            "statement.cut_last_line",
            source=source,
            row=header + block.count("\n") + 1,
            got=got,
            wanted=wanted,
        )


def _parse_fast(block: str, header: int) -> pd.DataFrame | None:
    """Arrow's multi-threaded CSV reader, when each record is exactly one physical line.

    Returns None (so the tolerant parser runs) for ragged rows, blank lines inside
    the data or quoted line breaks, where line numbers could not be kept exact.
    """
    block = block.rstrip("\n")
    first_end = block.find("\n")
    header_line = block if first_end < 0 else block[:first_end]
    try:
        names = next(csv.reader([header_line]))
    except (csv.Error, StopIteration):
        return None
    expected = block.count("\n")
    table = csvbytes.read_records(io.BytesIO(block.encode("utf-8")), len(names), pa.string())
    if table is None or table.num_rows != expected:
        return None
    return _table_frame(table, names, header)


def _table_frame(table: pa.Table, names: list[str], header: int) -> pd.DataFrame:
    """An Arrow table of one record per line after the header line -> the text frame."""
    frame = table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow", np.nan)}.get)
    frame.columns = names
    frame = _dedupe_columns(frame)
    frame["source_row"] = pd.RangeIndex(header + 2, header + 2 + len(frame)).to_numpy()
    return frame


MAX_FIELDS = csvbytes.MAX_FIELDS


def _parse_tolerant(block: str, header: int, source: str) -> pd.DataFrame:
    """The csv module, for ragged rows and quoted line breaks; tracks physical lines."""
    reader = csv.reader(io.StringIO(block))
    try:
        names = next(reader)
    except StopIteration:
        return pd.DataFrame({"source_row": pd.Series(dtype="int64")})
    except csv.Error as exc:
        raise csv_refusal("statement.unreadable_header", exc, source, header + 1) from exc
    _refuse_wide(names, source, header + 1)
    records: list[list[str]] = []
    rows: list[int] = []
    previous = reader.line_num
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise csv_refusal(
                "statement.broken_csv_quoting", exc, source, header + previous + 1
            ) from exc
        _refuse_wide(record, source, header + previous + 1)
        rows.append(header + previous + 1)
        previous = reader.line_num
        records.append(record)
    width = max([len(names)] + [len(r) for r in records])
    names = names + [f"extra{i}" for i in range(len(names), width)]
    padded = [r + [""] * (width - len(r)) for r in records]
    frame = pd.DataFrame(padded, columns=names, dtype="str")
    frame = _dedupe_columns(frame)
    frame["source_row"] = pd.Series(rows, dtype="int64")
    return frame


def csv_refusal(message_id: str, exc: csv.Error, source: str, line: int) -> StatementError:
    """The csv module's error in words of the user's language (its own text is English)."""
    if "field larger than field limit" in str(exc):
        return StatementError.of(
            "statement.csv_field_too_long", source=source, row=line, limit=csv.field_size_limit()
        )
    return StatementError.of(message_id, source=source, row=line)


def _refuse_wide(record: list[str], source: str, line: int) -> None:
    """A header or row of more than MAX_FIELDS fields: a million-column frame would take
    minutes and gigabytes (the fast readers hand such a file to this parser)."""
    if len(record) > MAX_FIELDS:
        raise StatementError.of(
            "statement.too_many_fields", source=source, row=line, count=len(record)
        )


def _dedupe_columns(frame: pd.DataFrame) -> pd.DataFrame:
    seen: dict[str, int] = {}
    names = []
    for name in frame.columns:
        key = field_text.clean(str(name))
        if key.startswith("Unnamed:"):
            key = ""
        count = seen.get(key, 0)
        seen[key] = count + 1
        names.append(key if count == 0 else f"{key}.{count}")
    frame.columns = names
    return frame


_SEPARATOR = re.compile(r"^[-=\s]{8,}$")


def is_separator(line: str) -> bool:
    """A dashed line (``------``) as statements use between blocks."""
    return bool(_SEPARATOR.match(line.strip().strip(",")))
