"""A JSON array of records built with Arrow kernels.

``scan --json`` lists every transaction; for a million-row statement that is a
few hundred megabytes of JSON, and a row-by-row encoder takes longer than the
whole import. Here each block of rows is one element-wise join of the columns
with the literal JSON between them, handed out as bytes so that the caller can
write it before the next block is built (the whole array never exists at once).
Only columns that contain a quote or a backslash are escaped; whether they do is
read from the raw UTF-8 bytes of the Arrow column, without a pass of a regex.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .vstr import value_bytes

# Large enough that the per-block overhead of the join is nothing, small enough
# that one block of JSON (about 60 MB for the ledger) is not a second copy of it all.
DEFAULT_CHUNK_ROWS = 100_000

_QUOTE = ord('"')
_BACKSLASH = ord("\\")
_FIRST_PRINTABLE = 0x20  # JSON has to escape every byte below this one


def _large(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def records_json(frame: pd.DataFrame) -> str:
    """``frame.to_json(orient="records")`` for text, integer, float and boolean columns."""
    return records_json_bytes(frame).decode("utf-8")


def records_json_bytes(frame: pd.DataFrame) -> bytes:
    """The same JSON as UTF-8 bytes, for callers that want it in one piece."""
    return b"".join(records_json_chunks(frame))


def records_json_chunks(
    frame: pd.DataFrame, chunk_rows: int = DEFAULT_CHUNK_ROWS
) -> Iterator[bytes | memoryview]:
    """The same JSON as consecutive UTF-8 pieces, ``chunk_rows`` records at a time.

    Every column is inspected before this returns, so the choice between the fast
    path and the standard library (for control characters anywhere) is made
    before any piece exists, and a caller that has not yet printed anything can
    still fail cleanly.
    """
    if chunk_rows < 1:
        raise ValueError(f"chunk_rows must be positive, not {chunk_rows}")
    if frame.empty:
        return iter((b"[]",))
    pieces: list[pa.Array | pa.ChunkedArray | pa.Scalar] = []
    literal = "{"
    for name in frame.columns:
        column = frame[name]
        literal += json.dumps(name, ensure_ascii=False) + ":"
        if pd.api.types.is_bool_dtype(column):
            values = pc.if_else(
                pa.array(column.to_numpy(dtype=bool)), _large("true"), _large("false")
            )
        elif pd.api.types.is_numeric_dtype(column):
            values = pc.cast(pa.array(column.to_numpy()), pa.large_string())
        else:
            values = _escaped(_text(column))
            if values is None:
                return iter((_slow(frame),))
            pieces += [_large(literal + '"'), values]
            literal = '",'
            continue
        pieces += [_large(literal), values.cast(pa.large_string())]
        literal = ","
    pieces.append(_large(literal[:-1] + "},"))
    return _joined_blocks(pieces, len(frame), chunk_rows)


def _joined_blocks(
    pieces: list[pa.Array | pa.ChunkedArray | pa.Scalar], rows: int, chunk_rows: int
) -> Iterator[bytes | memoryview]:
    """``[``, the records ``chunk_rows`` at a time (each ends with ``},``), ``]``."""
    yield b"["
    for start in range(0, rows, chunk_rows):
        block = [
            piece if isinstance(piece, pa.Scalar) else piece.slice(start, chunk_rows)
            for piece in pieces
        ]
        joined = pc.binary_join_element_wise(*block, _large(""))
        if isinstance(joined, pa.ChunkedArray):
            joined = joined.combine_chunks()
        # Rows without nulls lie back to back in the data buffer: that is the joined text.
        offsets = np.frombuffer(joined.buffers()[1], dtype=np.int64)[joined.offset :]
        end = int(offsets[len(joined)])
        if start + chunk_rows >= rows:
            end -= 1  # the last record takes no ","
        yield memoryview(joined.buffers()[2])[int(offsets[0]) : end]
    yield b"]"


def _text(column: pd.Series) -> pa.Array | pa.ChunkedArray:
    """The column as Arrow large strings, nulls as ""; Arrow-backed text is not copied."""
    dtype = column.dtype
    arrow_backed = (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow") or isinstance(
        dtype, pd.ArrowDtype
    )
    values = pa.array(column.array) if arrow_backed else None
    if values is None or not (
        pa.types.is_string(values.type) or pa.types.is_large_string(values.type)
    ):
        values = pa.array(column.fillna("").astype("str").array)
    if values.null_count:
        values = pc.fill_null(values, "")
    return values.cast(pa.large_string())


def _escaped(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray | None:
    """The text with JSON escapes; None if it holds control characters."""
    needs_escape = False
    for chunk in values.chunks if isinstance(values, pa.ChunkedArray) else (values,):
        text = value_bytes(chunk)  # a UTF-8 byte below 0x80 is always that ASCII character
        if (text < _FIRST_PRINTABLE).any():
            return None
        needs_escape = needs_escape or bool((text == _QUOTE).any() or (text == _BACKSLASH).any())
    if not needs_escape:
        return values
    values = pc.replace_substring(values, "\\", "\\\\")
    return pc.replace_substring(values, '"', '\\"')


def _slow(frame: pd.DataFrame) -> bytes:
    """The standard library's encoder, for the rare text with control characters."""
    return json.dumps(frame.to_dict("records"), ensure_ascii=False, default=str).encode()


def json_object_head(fields: dict, open_key: str) -> str:
    """The start of a JSON object with ``fields`` and then ``open_key``, whose value the
    caller writes next (records_json_chunks); json_object_tail closes the object."""
    parts = [
        f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in fields.items()
    ]
    parts.append(f"{json.dumps(open_key, ensure_ascii=False)}: ")
    return "{" + ", ".join(parts)


def json_object_tail(fields: dict) -> str:
    """The remaining ``fields`` of an object begun with json_object_head, and its end."""
    return (
        "".join(
            f", {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
            for k, v in fields.items()
        )
        + "}"
    )
