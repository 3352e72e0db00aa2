"""Column arrays of a frame, fetched once: per-row ``frame[col].iat[i]`` costs a
DataFrame lookup each time, which dominates a scan that reports thousands of rows.

Text columns stay in Arrow: turning a million-row column into Python strings to
look up a few hundred of them costs a tenth of a second per column. They come back
as a :class:`TextColumn`, indexed like the numpy array it stands for. Once the
streams are found, :func:`focus` names the rows that reports will read again and
again; each text column then fetches those rows in one go, the first time it is read.
"""

from __future__ import annotations

import functools
import weakref

import numpy as np
import pandas as pd
import pyarrow as pa

_CACHE: dict[tuple[int, str], tuple[weakref.ref, np.ndarray | TextColumn]] = {}
_FOCUS: dict[int, tuple[weakref.ref, np.ndarray]] = {}


class TextColumn:
    """A text column read by position: an int gives a ``str``, an index array gives a
    numpy object array (as the same lookups on ``to_numpy()`` would)."""

    def __init__(self, values: pa.Array, frame_id: int) -> None:
        self._values = values
        self._frame_id = frame_id
        self._near: tuple[np.ndarray, dict[int, str]] | None = None

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, where):
        near = self._focused()
        if isinstance(where, (int, np.integer)):
            if near is not None and int(where) in near:
                return near[int(where)]
            return self._values[int(where)].as_py()
        positions = np.asarray(where)
        if positions.dtype == bool:
            positions = np.flatnonzero(positions)
        if near is not None:
            try:
                return np.array([near[p] for p in positions.tolist()], dtype=object)
            except KeyError:
                pass  # a row outside the focus: fetch these from Arrow
        taken = self._values.take(pa.array(positions.astype(np.int64, copy=False)))
        return taken.to_numpy(zero_copy_only=False)

    def _focused(self) -> dict[int, str] | None:
        entry = _FOCUS.get(self._frame_id)
        if entry is None:
            return None
        positions = entry[1]
        if self._near is None or self._near[0] is not positions:
            values = self._values.take(pa.array(positions)).to_pylist()
            self._near = (positions, dict(zip(positions.tolist(), values, strict=True)))
        return self._near[1]


def _forget(cache: dict, key: object, _ref: weakref.ref) -> None:
    """Drop a cache entry when the frame it was taken from is collected."""
    cache.pop(key, None)


def column(frame: pd.DataFrame, name: str) -> np.ndarray | TextColumn:
    """``frame[name].to_numpy()`` (a TextColumn for text), cached while the frame lives."""
    key = (id(frame), name)
    rows = len(frame)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is frame and len(hit[1]) == rows:
        return hit[1]
    series = frame[name]
    values: np.ndarray | TextColumn
    if isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow":
        arrow = pa.array(series.array)
        values = TextColumn(
            arrow.combine_chunks() if isinstance(arrow, pa.ChunkedArray) else arrow, id(frame)
        )
    else:
        values = series.to_numpy()
    _CACHE[key] = (weakref.ref(frame, functools.partial(_forget, _CACHE, key)), values)
    return values


def focus(frame: pd.DataFrame, positions: np.ndarray) -> None:
    """The rows of ``frame`` that text lookups will mostly ask for from now on."""
    key = id(frame)
    wanted = np.unique(np.asarray(positions, dtype=np.int64))
    _FOCUS[key] = (weakref.ref(frame, functools.partial(_forget, _FOCUS, key)), wanted)
