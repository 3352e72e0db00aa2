"""Flagged rows kept as columns; each row's record (the scan contract's dict) made when read.

A bill where 100,000 rows carry the watched word has 100,000 flagged rows. The cases
need only which rows they are and each row's stream, flags and cause; making a dict
per row first (as ``scan --json`` prints them) took most of a second before the
window could show anything. Here the rows are arrays: a record is made the first
time something reads it, a block of rows at a time (a JSON dump reads them all).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from typing import overload

import numpy as np

from .columns import ScanRows

Flags = tuple[str, ...]

_BLOCK = 4096  # records made at once: a few milliseconds of Arrow takes and dicts


class FlaggedRows(Sequence[dict]):
    """Flagged rows in (day, frame position) order.

    Per row: ``positions`` (in the scan's frame), ``streams`` (index into
    ``stream_ids``, -1 for a row outside every stream), ``flag_codes`` (index into
    ``flag_sets``, each a sorted tuple) and ``cause_codes`` (index into ``causes``).
    """

    def __init__(
        self,
        rows: ScanRows,
        positions: np.ndarray,
        streams: np.ndarray,
        stream_ids: list[str],
        flag_codes: np.ndarray,
        flag_sets: list[Flags],
        cause_codes: np.ndarray,
        causes: list[str | None],
    ) -> None:
        self.rows = rows
        self.positions = np.asarray(positions, dtype=np.int64)
        self.streams = np.asarray(streams, dtype=np.int64)
        self.stream_ids = stream_ids
        self.flag_codes = np.asarray(flag_codes, dtype=np.int64)
        self.flag_sets = flag_sets
        self.cause_codes = np.asarray(cause_codes, dtype=np.int64)
        self.causes = causes
        self._blocks: dict[int, list[dict]] = {}
        self._lock = threading.Lock()

    def select(self, keep: np.ndarray) -> FlaggedRows:
        """The rows where ``keep`` (a boolean mask over these rows) holds, in order."""
        return FlaggedRows(
            self.rows,
            self.positions[keep],
            self.streams[keep],
            self.stream_ids,
            self.flag_codes[keep],
            self.flag_sets,
            self.cause_codes[keep],
            self.causes,
        )

    def row_ids(self) -> np.ndarray:
        return np.asarray(self.rows["row_id"])[self.positions]

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, index: int) -> dict: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict]: ...

    def __getitem__(self, index: int | slice) -> dict | list[dict]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError("FlaggedRows index out of range")
        k = index % len(self)
        return self._block(k // _BLOCK)[k % _BLOCK]

    def __iter__(self) -> Iterator[dict]:
        for b in range((len(self) + _BLOCK - 1) // _BLOCK):
            yield from self._block(b)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # like a list: unhashable

    def __repr__(self) -> str:
        return f"FlaggedRows({len(self)} rows)"

    def _block(self, b: int) -> list[dict]:
        made = self._blocks.get(b)
        if made is None:
            with self._lock:
                made = self._blocks.get(b)
                if made is None:
                    made = self._blocks[b] = self._records(b * _BLOCK, (b + 1) * _BLOCK)
        return made

    def _records(self, start: int, stop: int) -> list[dict]:
        """The contract's records of rows ``start:stop``, in its key order."""
        where = self.positions[start:stop]
        rows = self.rows
        ids: list[str | None] = [*self.stream_ids, None]
        columns = zip(
            _texts(rows["source"], where),
            np.asarray(rows["source_row"])[where].tolist(),
            _texts(rows["txn_id"], where),
            np.asarray(rows["row_id"])[where].tolist(),
            _texts(rows["dedup_key"], where),
            self.flag_codes[start:stop].tolist(),
            self.cause_codes[start:stop].tolist(),
            self.streams[start:stop].tolist(),
            strict=True,
        )
        return [
            {
                "source": source,
                "source_row": int(source_row),
                "txn_id": txn or None,
                "row_id": int(row_id),
                "dedup_key": key,
                "flags": list(self.flag_sets[f]),
                "cause": self.causes[c],
                "stream": ids[s],
            }
            for source, source_row, txn, row_id, key, f, c, s in columns
        ]


def _texts(column, where: np.ndarray) -> list:
    """The values of a text column at ``where`` as Python strings (one Arrow take)."""
    return column[where].tolist()


class Vocabulary:
    """Distinct values numbered in the order first seen (flag sets, causes)."""

    def __init__(self) -> None:
        self.codes: dict = {}

    def code(self, value) -> int:
        return self.codes.setdefault(value, len(self.codes))

    def values(self) -> list:
        return list(self.codes)
