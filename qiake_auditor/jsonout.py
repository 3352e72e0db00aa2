"""A JSON array of records built with Arrow kernels.

``scan --json`` lists every transaction; for a million-row statement that is a
few hundred megabytes of JSON, and a row-by-row encoder takes longer than the
whole import. Here the whole array is one element-wise join of the columns with
the literal JSON between them; only columns that contain a quote or a backslash
are escaped first.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_NEEDS_ESCAPE = r'["\\\x00-\x1f]'
_CONTROL = r"[\x00-\x1f]"


def _large(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def records_json(frame: pd.DataFrame) -> str:
    """``frame.to_json(orient="records")`` for text, integer, float and boolean columns."""
    return records_json_bytes(frame).decode("utf-8")


def records_json_bytes(frame: pd.DataFrame) -> bytes:
    """The same JSON as UTF-8 bytes, ready to be written without another copy."""
    if frame.empty:
        return b"[]"
    pieces: list[pa.Array | pa.Scalar] = []
    literal = "{"
    for name in frame.columns:
        column = frame[name]
        literal += json.dumps(name, ensure_ascii=False) + ":"
        if pd.api.types.is_bool_dtype(column):
            values = pa.array(np.where(column.to_numpy(dtype=bool), "true", "false"))
        elif pd.api.types.is_numeric_dtype(column):
            values = pc.cast(pa.array(column.to_numpy()), pa.large_string())
        else:
            values = _escaped(column)
            if values is None:
                return _slow(frame)
            literal += '"'
            pieces += [_large(literal), values]
            literal = '"'
            literal += ","
            continue
        pieces += [_large(literal), values.cast(pa.large_string())]
        literal = ","
    pieces.append(_large(literal[:-1] + "},"))
    rows = pc.binary_join_element_wise(*pieces, _large(""))
    if isinstance(rows, pa.ChunkedArray):
        rows = rows.combine_chunks()
    # Rows without nulls lie back to back in the data buffer: that is the joined text.
    offsets = np.frombuffer(rows.buffers()[1], dtype=np.int64)[rows.offset:]
    data = memoryview(rows.buffers()[2])[offsets[0]:offsets[len(rows)] - 1]  # drop last ","
    return b"".join((b"[", data, b"]"))


def _escaped(column: pd.Series) -> pa.Array | None:
    """The column's text with JSON escapes; None if it holds control characters."""
    values = pa.array(column.fillna("").astype("str").array).cast(pa.large_string())
    if not pc.any(pc.match_substring_regex(values, _NEEDS_ESCAPE)).as_py():
        return values
    if pc.any(pc.match_substring_regex(values, _CONTROL)).as_py():
        return None
    values = pc.replace_substring(values, "\\", "\\\\")
    return pc.replace_substring(values, '"', '\\"')


def _slow(frame: pd.DataFrame) -> bytes:
    """The standard library's encoder, for the rare text with control characters."""
    return json.dumps(frame.to_dict("records"), ensure_ascii=False, default=str).encode()
