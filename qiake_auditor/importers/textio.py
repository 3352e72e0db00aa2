"""Text and spreadsheet plumbing shared by the importers.

Statement files put their header row at varying depths, pad fields with spaces and
tabs, and come in UTF-8 (with or without BOM), GBK/GB18030 or UTF-16. The helpers
here find the header by its column names and return every field as text, together
with the 1-based physical line (or sheet row) it came from.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from ..errors import StatementError
from ..vstr import replace_regex
from . import csvbytes

HEAD_BYTES = 64 * 1024
_PAD = " \t\r\n\u3000\ufeff\"'"


def guess_encoding(data: bytes) -> str | None:
    """The encoding of a text file, or None if the bytes are not text we know."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:HEAD_BYTES]
    if len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without BOM: every other byte of ASCII text is NUL.
        return "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
    if b"\x00" in sample:
        return None
    for encoding in ("utf-8", "gb18030"):
        if _decodes(sample, encoding, truncated=len(data) > len(sample)):
            return encoding
    if _WESTERN_TEXT.fullmatch(sample) and _decodes(sample, "cp1252", truncated=False):
        # European bank files (OFX with CHARSET:1252, MT940) in a Windows code page.
        return "cp1252"
    return None


# Bytes of a text file: no control characters other than tab, line ends, form feed, EOF mark.
_WESTERN_TEXT = re.compile(rb"[^\x00-\x08\x0b\x0e-\x19\x1b-\x1f\x7f]*")


def _decodes(sample: bytes, encoding: str, truncated: bool) -> bool:
    if truncated:  # a multi-byte character may be cut at the end of the sample
        cut = sample.rfind(b"\n")
        sample = sample[: cut + 1] if cut > 0 else sample[:-4]
    try:
        sample.decode(encoding)
    except UnicodeDecodeError as exc:
        # A file cut inside its last character is still this encoding; decode() says it is cut.
        return not truncated and _cut_at_end(exc, len(sample))
    return True


def _cut_at_end(exc: UnicodeDecodeError, size: int) -> bool:
    return exc.end >= size and exc.reason in (
        "unexpected end of data",
        "incomplete multibyte sequence",
    )


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode a whole text file; line ends become ``\n``. Returns (text, encoding)."""
    encoding = guess_encoding(data)
    if encoding is None:
        raise StatementError(source, "this is not a text file in UTF-8, GBK/GB18030 or UTF-16")
    return _decode(data, encoding, source).lstrip("\ufeff"), encoding


def _decode(data: bytes, encoding: str, source: str, first_line: int = 1) -> str:
    """``data`` (whose first line is line ``first_line`` of the file) as text with ``\n``."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = first_line + data[: exc.start].count(b"\n")
        if _cut_at_end(exc, len(data)):
            raise StatementError(
                source,
                "the file ends in the middle of a character: it looks "
                "cut off (an incomplete download or copy?)",
                line,
            ) from exc
        raise StatementError(
            source, f"bytes that are not valid {encoding} (the file may be damaged)", line
        ) from exc
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


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
    encoding = guess_encoding(data)
    head = data[:HEAD_BYTES]
    if encoding not in ("utf-8", "utf-8-sig", "gb18030") or (b"\r" in head and b"\r\n" not in head):
        return None
    offset = 0
    try:
        for _ in range(header):
            offset = data.index(b"\n", offset) + 1
    except ValueError:
        return None
    found = _SEPARATOR_BYTES.search(data, offset) if stop_at_separator else None
    region = data[offset : found.start() if found else len(data)].replace(b"\t", b"")
    parsed = csvbytes.parse_region(region, encoding)
    if parsed is not None:  # a short (cut) last line fails there and is judged below
        names, table = parsed
        return _tidy(_table_frame(table, names, header))
    text = _decode(region, encoding, source, header + 1)
    return parse_csv_text(text.lstrip("\ufeff"), header, source, check_cut)


def decode_head(data: bytes) -> str:
    """The first lines of a text file, for identification ('' if not text)."""
    encoding = guess_encoding(data)
    if encoding is None:
        return ""
    sample = data[:HEAD_BYTES]
    text = sample.decode(encoding, errors="ignore")
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def clean(value: str) -> str:
    """A field or header name without padding, quotes, tabs or BOM."""
    return value.strip(_PAD)


def split_simple(line: str) -> list[str]:
    """Split one CSV line for header matching (quotes are stripped, not parsed)."""
    return [clean(cell) for cell in line.split(",")]


def find_line(
    lines: Sequence[str], required: Iterable[str], start: int = 0, limit: int = 400
) -> int | None:
    """Index of the first line whose comma-separated cells include all ``required`` names."""
    needed = set(required)
    for index in range(start, min(len(lines), start + limit)):
        if needed.issubset(split_simple(lines[index])):
            return index
    return None


def parse_csv_block(
    lines: Sequence[str], header: int, end: int | None = None, source: str = ""
) -> pd.DataFrame:
    """Parse lines[header:end] as CSV with a header line; every field is text.

    The result has cleaned header names and a ``source_row`` column holding the
    1-based physical line of each record. Fully blank records are dropped. Tabs are
    removed first: exporters append them to ids, sometimes after the closing quote,
    which strict CSV readers reject.
    """
    end = len(lines) if end is None else end
    return parse_csv_text("\n".join(lines[header:end]), header, source)


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
    """Clean header names; drop records whose fields are all empty."""
    frame.columns = [clean(str(c)) for c in frame.columns]
    blank = (frame.drop(columns="source_row") == "").all(axis=1)
    return frame if not blank.any() else frame.loc[~blank].reset_index(drop=True)


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
        raise StatementError(
            source,
            f"the file looks cut off: its last line has {got} of {wanted} fields and no "
            "line end (export or download the statement again)",
            header + block.count("\n") + 1,
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
        raise StatementError(source, f"unreadable header: {exc}", header + 1) from exc
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
            raise StatementError(
                source, f"broken CSV quoting: {exc}", header + previous + 1
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
        key = clean(str(name))
        if key.startswith("Unnamed:"):
            key = ""
        count = seen.get(key, 0)
        seen[key] = count + 1
        names.append(key if count == 0 else f"{key}.{count}")
    frame.columns = names
    return frame


def strip_columns(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """Trim padding from text columns in place and return the frame."""
    for column in columns:
        frame[column] = frame[column].astype("str").str.strip(" \u3000\ufeff\"'")
    return frame


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: numbers without a spurious '.0', dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    return clean(str(value))


def find_row(
    rows: Sequence[Sequence[object]], required: Iterable[str], limit: int = 100
) -> int | None:
    """Index of the first sheet row whose cells include all ``required`` names."""
    needed = set(required)
    for index, row in enumerate(rows[:limit]):
        if needed.issubset({cell_text(c) for c in row}):
            return index
    return None


def sheet_frame(
    rows: Sequence[Sequence[object]], header: int, first_row: int, end: int | None = None
) -> pd.DataFrame:
    """Rows after a header row as a frame of raw cell values plus ``source_row``.

    ``first_row`` is the 1-based sheet row number of ``rows[0]``.
    """
    end = len(rows) if end is None else end
    names = dedupe_names([cell_text(c) for c in rows[header]])
    body = [list(r) + [None] * (len(names) - len(r)) for r in rows[header + 1 : end]]
    frame = pd.DataFrame([r[: len(names)] for r in body], columns=names, dtype="object")
    frame["source_row"] = pd.Series(
        range(first_row + header + 1, first_row + header + 1 + len(body)), dtype="int64"
    )
    blank = frame.drop(columns="source_row").map(lambda v: cell_text(v) == "").all(axis=1)
    return frame.loc[~blank].reset_index(drop=True)


def dedupe_names(names: Sequence[str]) -> list[str]:
    """Header names as the frame readers name them: repeated names get ``.1``, ``.2``."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        count = seen.get(name, 0)
        seen[name] = count + 1
        out.append(name if count == 0 else f"{name}.{count}")
    return out


def text_column(frame: pd.DataFrame, column: str) -> pd.Series:
    """A sheet column converted to clean text."""
    return frame[column].map(cell_text).astype("str")


_DATE_FORMATS = (
    ("%Y-%m-%d %H:%M:%S", r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"),
    ("%Y-%m-%d", r"\d{4}-\d{2}-\d{2}"),
)


def iso_times(
    raw: pd.Series,
    formats: Sequence[str] = (),
    source: str = "",
    rows: pd.Series | None = None,
    unit: str = "line",
) -> pd.Series:
    """Normalise printed times to ``YYYY-MM-DD[ HH:MM:SS]``, vectorised.

    Text already in ISO form is kept as printed. Other forms are parsed with the
    given strptime ``formats`` (tried in order). A value that fits none raises a
    :class:`StatementError` naming its row.
    """
    text = raw.fillna("").astype("str").str.strip()
    if text.str.contains("  ", regex=False).any():
        text = replace_regex(text, r"\s+", " ")
    iso = text.str.fullmatch(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?").fillna(False)
    if iso.all():  # the common case: printed in ISO form already, kept as printed
        return text
    result = pd.Series("", index=text.index, dtype="str")
    done = pd.Series(False, index=text.index)
    for _, pattern in _DATE_FORMATS:
        hit = ~done & text.str.fullmatch(pattern).fillna(False).astype(bool)
        result[hit] = text[hit]
        done |= hit
    for fmt in formats:
        if done.all():
            break
        parsed = pd.to_datetime(text.where(~done), format=fmt, errors="coerce")
        hit = ~done & parsed.notna()
        has_time = any(code in fmt for code in ("%H", "%M", "%S"))
        out = parsed[hit].dt.strftime("%Y-%m-%d %H:%M:%S" if has_time else "%Y-%m-%d")
        result[hit] = out.astype("str")
        done |= hit
    if not done.all():
        bad = done.idxmin()
        row = int(rows.loc[bad]) if rows is not None else None
        raise StatementError(
            source, f"date/time {text.loc[bad]!r} is not a date this format uses", row, unit
        )
    return result


_SEPARATOR = re.compile(r"^[-=\s]{8,}$")


def is_separator(line: str) -> bool:
    """A dashed line (``------``) as statements use between blocks."""
    return bool(_SEPARATOR.match(line.strip().strip(",")))
