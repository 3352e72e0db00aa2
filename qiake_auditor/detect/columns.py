"""The prepared rows of one scan, read column by column as arrays.

Per-row ``frame[col].iat[i]`` costs a DataFrame lookup each time, which dominates a
scan that reports thousands of rows, so :class:`ScanRows` hands out each column as an
array, fetched the first time it is asked for and kept for the life of the scan (the
object is made by ``scan()`` and dropped with its result).

Text columns stay in Arrow: turning a million-row column into Python strings to
look up a few hundred of them costs a tenth of a second per column. They come back
as a :class:`TextColumn`, indexed like the numpy array it stands for. Once the
streams are found, :meth:`ScanRows.focus` names the rows that reports will read
again and again; each text column then fetches those rows in one go, the first
time it is read after that.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa


class _Focus:
    """The frame positions reports will mostly read (shared by the text columns)."""

    def __init__(self) -> None:
        self.positions: np.ndarray | None = None


class TextColumn:
    """A text column read by position: an int gives a ``str``, an index array gives a
    numpy object array (as the same lookups on ``to_numpy()`` would)."""

    def __init__(self, values: pa.Array, focus: _Focus) -> None:
        self._values = values
        self._focus = focus
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
        positions = self._focus.positions
        if positions is None:
            return None
        if self._near is None or self._near[0] is not positions:
            values = self._values.take(pa.array(positions)).to_pylist()
            self._near = (positions, dict(zip(positions.tolist(), values, strict=True)))
        return self._near[1]


class ScanRows:
    """One scan's prepared frame and its columns as arrays.

    The frame is never changed after it is wrapped (``prepare`` made it for this
    scan), so a column fetched once stays right for the object's whole life.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self._columns: dict[str, np.ndarray | TextColumn] = {}
        self._focus = _Focus()

    def __len__(self) -> int:
        return len(self.frame)

    def __getitem__(self, name: str) -> np.ndarray | TextColumn:
        """``frame[name].to_numpy()`` (a TextColumn for Arrow text), fetched once."""
        values = self._columns.get(name)
        if values is None:
            values = self._columns[name] = self._fetch(name)
        return values

    def _fetch(self, name: str) -> np.ndarray | TextColumn:
        series = self.frame[name]
        if isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow":
            arrow = pa.array(series.array)
            if isinstance(arrow, pa.ChunkedArray):
                arrow = arrow.combine_chunks()
            return TextColumn(arrow, self._focus)
        return series.to_numpy()

    def focus(self, positions: np.ndarray) -> None:
        """The rows that text lookups will mostly ask for from now on."""
        self._focus.positions = np.unique(np.asarray(positions, dtype=np.int64))
