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
        self._fingerprints: np.ndarray | None = None

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

    def may_repeat(self, positions: np.ndarray, times: int) -> bool:
        """Whether some text may occur ``times`` times among these rows (False: none does).

        Hashing 100,000 texts takes 12 ms; a merchant's order numbers (订单1, 订单2 ...)
        never repeat, and telling so from each text's length and last eight bytes
        takes 1 ms. Texts that share those only may be equal: True then.
        """
        if len(positions) < times:
            return False
        if self._fingerprints is None:
            self._fingerprints = _fingerprints(self._values)
        found = np.sort(self._fingerprints[positions])
        return bool((found[times - 1 :] == found[: len(found) - times + 1]).any())

    def _focused(self) -> dict[int, str] | None:
        positions = self._focus.positions
        if positions is None:
            return None
        if self._near is None or self._near[0] is not positions:
            values = self._values.take(pa.array(positions)).to_pylist()
            self._near = (positions, dict(zip(positions.tolist(), values, strict=True)))
        return self._near[1]


_SPREAD = np.uint64(0x9E3779B97F4A7C15)  # mixes a text's length into its last bytes
_SLICE = 100_000  # rows per step: numpy keeps the GIL for a step's few milliseconds


def _fingerprints(values: pa.Array) -> np.ndarray:
    """Per text, a number made of its length and its last eight bytes (equal texts get
    equal numbers), read straight from the Arrow buffers."""
    wide = pa.types.is_large_string(values.type) or pa.types.is_large_binary(values.type)
    buffers = values.buffers()
    stored = np.frombuffer(buffers[1], dtype=np.int64 if wide else np.int32)
    offsets = stored[values.offset : values.offset + len(values) + 1].astype(np.int64)
    data = np.frombuffer(buffers[2] or b"", dtype=np.uint8)
    padded = np.zeros(len(data) + 16, dtype=np.uint8)
    padded[8 : 8 + len(data)] = data
    # words[k] is the eight bytes that end where byte k of the data ends (unaligned reads)
    words = np.ndarray((len(data) + 9,), dtype="<u8", buffer=padded, strides=(1,))
    out = np.empty(len(values), dtype=np.uint64)
    for a in range(0, len(values), _SLICE):
        b = min(a + _SLICE, len(values))
        start, end = offsets[a:b], offsets[a + 1 : b + 1]
        length = end - start
        last = words[end]
        # a text shorter than eight bytes: the bytes before it shifted out
        shift = (np.clip(8 - length, 0, 7) * 8).astype(np.uint64)
        last = np.where(length == 0, np.uint64(0), last >> shift)
        out[a:b] = last ^ (length.astype(np.uint64) * _SPREAD)
    return out


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

    def may_repeat(self, name: str, positions: np.ndarray, times: int) -> bool:
        """Whether some value of text column ``name`` may occur ``times`` times among
        these rows (False: none does; see TextColumn.may_repeat)."""
        values = self[name]
        if isinstance(values, TextColumn):
            return values.may_repeat(positions, times)
        return True  # not Arrow text: the caller counts them

    def focus(self, positions: np.ndarray) -> None:
        """The rows that text lookups will mostly ask for from now on."""
        self._focus.positions = np.unique(np.asarray(positions, dtype=np.int64))
