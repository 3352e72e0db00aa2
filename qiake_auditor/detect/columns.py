"""Column arrays of a frame, fetched once: per-row ``frame[col].iat[i]`` costs a
DataFrame lookup each time, which dominates a scan that reports thousands of rows.

Text columns stay in Arrow: turning a million-row column into Python strings to
look up a few hundred of them costs a tenth of a second per column. They come back
as a :class:`TextColumn`, indexed like the numpy array it stands for.
"""

from __future__ import annotations

import weakref

import numpy as np
import pandas as pd
import pyarrow as pa


class TextColumn:
    """A text column read by position: an int gives a ``str``, an index array gives a
    numpy object array (as the same lookups on ``to_numpy()`` would)."""

    def __init__(self, values: pa.Array) -> None:
        self._values = values

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, where):
        if isinstance(where, (int, np.integer)):
            return self._values[int(where)].as_py()
        positions = np.asarray(where)
        if positions.dtype == bool:
            positions = np.flatnonzero(positions)
        taken = self._values.take(pa.array(positions.astype(np.int64, copy=False)))
        return taken.to_numpy(zero_copy_only=False)


_CACHE: dict[tuple[int, str], tuple[weakref.ref, np.ndarray | TextColumn]] = {}


def column(frame: pd.DataFrame, name: str) -> np.ndarray | TextColumn:
    """``frame[name].to_numpy()`` (a TextColumn for text), cached while the frame lives."""
    key = (id(frame), name)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is frame and len(hit[1]) == len(frame):
        return hit[1]
    series = frame[name]
    values: np.ndarray | TextColumn
    if isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow":
        arrow = pa.array(series.array)
        values = TextColumn(arrow.combine_chunks() if isinstance(arrow, pa.ChunkedArray)
                            else arrow)
    else:
        values = series.to_numpy()
    _CACHE[key] = (weakref.ref(frame, lambda _ref, key=key: _CACHE.pop(key, None)), values)
    return values
