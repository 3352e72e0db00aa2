"""Vectorised string operations that stay in Arrow.

pandas 3 runs ``Series.str.replace(regex=True)`` for Arrow-backed strings through a
per-element Python fallback; pyarrow's own kernels do the same work about ten times
faster, which matters for million-row statements.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def arrow_text(series: pd.Series) -> pa.ChunkedArray | pa.Array:
    """A column's values as Arrow large text, missing ones empty (no copy for Arrow text)."""
    values = pa.array(series.fillna("").astype("str").array)
    return values.cast(pa.large_string()) if values.type != pa.large_string() else values


_AS_STR = {
    pa.string(): pd.StringDtype("pyarrow", float("nan")),
    pa.large_string(): pd.StringDtype("pyarrow", float("nan")),
}


def _back(values: pa.Array | pa.ChunkedArray, like: pd.Series | pd.DataFrame) -> pd.Series:
    """Arrow results as a Series on ``like``'s index, by position.

    ``to_pandas`` gives a range-indexed Series; handing that to ``pd.Series(..., index=)``
    would align it by label (NaN and shuffled values for any other index), so only its
    array is passed on.
    """
    return pd.Series(values.to_pandas(types_mapper=_AS_STR.get).array, index=like.index)


def replace_regex(series: pd.Series, pattern: str, replacement: str = "") -> pd.Series:
    """Like ``series.str.replace(pattern, replacement, regex=True)`` (RE2 syntax)."""
    if series.empty:
        return series.astype("str")
    return _back(pc.replace_substring_regex(arrow_text(series), pattern, replacement), series)


def join_columns(
    frame: pd.DataFrame, columns: list[str], separator: str = "\x1f", prefix: str | None = None
) -> pd.Series:
    """The given text columns joined row by row with ``separator`` (one Arrow kernel).

    ``prefix``: a constant put in front of every row, as if it were a first column.
    """
    arrays = [arrow_text(frame[c]) for c in columns]
    if prefix is not None:
        arrays.insert(0, pa.scalar(prefix, type=pa.large_string()))
    separator_array = pa.scalar(separator, type=pa.large_string())
    return _back(pc.binary_join_element_wise(*arrays, separator_array), frame)


def spread(texts, codes: np.ndarray, like: pd.Series | pd.DataFrame) -> pd.Series:
    """``texts[codes]`` as Arrow-backed text on ``like``'s index (code -1: missing);
    ``texts`` a list of str or a text Series.

    The usual ``pd.Series(np.array(texts, dtype=object)[codes], dtype="str")`` builds a
    million-item object array and converts it back, holding the GIL for 0.1-0.2 s (the
    window freezes meanwhile); Arrow's take lets go of it.
    """
    codes = np.asarray(codes)
    indices = pa.array(codes, mask=codes < 0) if len(codes) and codes.min() < 0 else codes
    if isinstance(texts, pd.Series):
        values = arrow_text(texts)  # no copy for Arrow-backed text
    else:
        values = pa.array(list(texts), type=pa.large_string())
    taken = values.take(indices)
    return _back(taken, like)


def map_distinct(series: pd.Series, function) -> pd.Series:
    """``series.map(function)`` computed once per distinct value.

    Text results come back as Arrow-backed strings taken by index, truth values as a
    boolean array, without a million-item Python object array in between (made and
    read back, it held the GIL for 20-30 ms).
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    results = [function(u) for u in uniques]
    if results and all(isinstance(r, str) for r in results):
        return spread(results, codes, series)
    if results and all(isinstance(r, bool) for r in results):
        return pd.Series(np.array(results, dtype=bool)[codes], index=series.index)
    values = pd.Series(results, dtype="object")
    out = values.to_numpy()[codes] if len(uniques) else values.to_numpy()
    return pd.Series(out, index=series.index)


def trim(series: pd.Series) -> pd.Series:
    """Leading and trailing white space (ASCII and full-width) removed, in Arrow."""
    if series.empty:
        return series.astype("str")
    return _back(pc.utf8_trim_whitespace(arrow_text(series)), series)


def isin(series: pd.Series, values) -> pd.Series:
    """``series.isin(values)`` with Arrow's hash kernel (pandas loops in Python for Arrow text)."""
    if isinstance(values, (pd.Index, pd.Series)):
        value_set = pa.array(pd.Series(values, dtype="str").array).cast(pa.large_string())
    else:
        value_set = pa.array(list(values), type=pa.large_string())
    hit = pc.is_in(arrow_text(series), value_set=value_set)
    return pd.Series(hit.to_numpy(zero_copy_only=False), index=series.index, dtype=bool)


def value_bytes(values: pa.Array) -> np.ndarray:
    """The bytes of every value of a (large) string or binary array, back to back, as
    one uint8 view of the array's own buffer (its slice only; nothing is copied)."""
    data = values.buffers()[2]
    if len(values) == 0 or data is None:  # no values, or only empty ones
        return np.empty(0, dtype=np.uint8)
    wide = pa.types.is_large_string(values.type) or pa.types.is_large_binary(values.type)
    offsets = np.frombuffer(values.buffers()[1], dtype=np.int64 if wide else np.int32)
    first, last = offsets[values.offset], offsets[values.offset + len(values)]
    return np.frombuffer(data, dtype=np.uint8)[first:last]
