"""A JSON array of records built with Arrow kernels.

``scan --json`` lists every transaction; for a million-row statement that is a
few hundred megabytes of JSON, and a row-by-row encoder takes longer than the
whole import. Here each column is escaped and joined as one vectorised operation.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_CONTROL = r"[\x00-\x1f]"


def _text(values: pd.Series) -> pa.Array:
    array = pa.array(values.astype("str").array).cast(pa.large_string())
    array = pc.replace_substring(array, "\\", "\\\\")
    array = pc.replace_substring(array, '"', '\\"')
    quote = pa.scalar('"', pa.large_string())
    return pc.binary_join_element_wise(quote, array, quote, pa.scalar("", pa.large_string()))


def records_json(frame: pd.DataFrame) -> str:
    """``frame.to_json(orient="records")`` for text, integer, float and boolean columns."""
    return records_json_bytes(frame).decode("utf-8")


def records_json_bytes(frame: pd.DataFrame) -> bytes:
    """The same JSON as UTF-8 bytes, ready to be written without another copy."""
    if frame.empty:
        return b"[]"
    text_columns = [c for c in frame.columns if not _is_plain(frame[c])]
    if any(pc.any(pc.match_substring_regex(pa.array(frame[c].astype("str").array), _CONTROL))
           .as_py() for c in text_columns):
        return json.dumps(frame.to_dict("records"), ensure_ascii=False, default=str).encode()
    parts: list[pa.Array | str] = []
    for index, name in enumerate(frame.columns):
        column = frame[name]
        if pd.api.types.is_bool_dtype(column):
            values = pa.array(_plain_text(column)).cast(pa.large_string())
        elif _is_plain(column):
            values = pc.cast(pa.array(column.to_numpy()), pa.large_string())
        else:
            values = _text(column)
        parts += [("{" if index == 0 else ",") + json.dumps(name, ensure_ascii=False) + ":",
                  values]
    parts.append("},")
    arrays = [p if isinstance(p, (pa.Array, pa.ChunkedArray)) else pa.scalar(p, pa.large_string())
              for p in parts]
    rows = pc.binary_join_element_wise(*arrays, pa.scalar("", pa.large_string()))
    if isinstance(rows, pa.ChunkedArray):
        rows = rows.combine_chunks()
    # Rows without nulls lie back to back in the data buffer: that is the joined text.
    offsets = np.frombuffer(rows.buffers()[1], dtype=np.int64)[rows.offset:]
    data = memoryview(rows.buffers()[2])[offsets[0]:offsets[len(rows)] - 1]  # drop last ","
    return b"".join((b"[", data, b"]"))


def _is_plain(column: pd.Series) -> bool:
    return pd.api.types.is_bool_dtype(column) or pd.api.types.is_numeric_dtype(column)


def _plain_text(column: pd.Series) -> np.ndarray:
    if pd.api.types.is_bool_dtype(column):
        return np.where(column.to_numpy(dtype=bool), "true", "false").astype(object)
    return column.astype("str").to_numpy(dtype=object)
