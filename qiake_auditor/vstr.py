"""Vectorised string operations that stay in Arrow.

pandas 3 runs ``Series.str.replace(regex=True)`` for Arrow-backed strings through a
per-element Python fallback; pyarrow's own kernels do the same work about ten times
faster, which matters for million-row statements.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def _arrow(series: pd.Series) -> pa.ChunkedArray | pa.Array:
    return pa.array(series.fillna("").astype("str").array)


def _back(values: pa.Array | pa.ChunkedArray, like: pd.Series) -> pd.Series:
    return pd.Series(values.to_pandas(), index=like.index).astype("str")


def replace_regex(series: pd.Series, pattern: str, replacement: str = "") -> pd.Series:
    """Like ``series.str.replace(pattern, replacement, regex=True)`` (RE2 syntax)."""
    if series.empty:
        return series.astype("str")
    return _back(pc.replace_substring_regex(_arrow(series), pattern, replacement), series)
