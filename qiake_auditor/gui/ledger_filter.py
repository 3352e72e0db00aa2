"""The transactions view's filters, computed in vectorised form (Qt-free, any thread).

Text search looks in each searched column, lower-cased once (see
:class:`ledger_columns.SearchColumn`): a column of repeated names is searched once
per distinct name, and a column of ASCII text (ids, amounts, times) is skipped for
a search that has other characters. Arrow releases the GIL, so the filter runs on
a worker thread while the window keeps painting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

if TYPE_CHECKING:
    from .ledger_columns import LedgerColumns, SearchColumn


@dataclass(frozen=True)
class Criteria:
    text: str = ""
    merchant: str = ""
    date_from: str = ""  # YYYY-MM-DD, inclusive
    date_to: str = ""  # YYYY-MM-DD, inclusive
    direction: str = ""  # a Direction value, "" for all
    state: str = ""  # a RowState value, "" for all
    source: str = ""  # a source file name, "" for all
    amount_min: float | None = None
    amount_max: float | None = None

    def empty(self) -> bool:
        return self == Criteria()


def _true(found: pa.Array) -> np.ndarray:
    return pc.fill_null(found, False).to_numpy(zero_copy_only=False).astype(bool, copy=False)


def contains(column: SearchColumn, text: str, rows: int) -> np.ndarray:
    """Rows of ``column`` whose text contains ``text`` (ignoring case)."""
    needle = text.lower()
    if column.ascii and not needle.isascii():
        return np.zeros(rows, dtype=bool)
    found = _true(pc.match_substring(column.values, needle))
    return found if column.codes is None else found[column.codes]


def mask(columns: LedgerColumns, criteria: Criteria, rows: int) -> np.ndarray | None:
    """Rows kept by ``criteria`` (None: all of them)."""
    if criteria.empty():
        return None
    keep = np.ones(rows, dtype=bool)
    text = criteria.text.strip()
    if text:
        anywhere = np.zeros(rows, dtype=bool)
        for column in columns.searched:
            anywhere |= contains(column, text, rows)
        keep &= anywhere
    if criteria.merchant.strip() and columns.merchant is not None:
        keep &= contains(columns.merchant, criteria.merchant.strip(), rows)
    if criteria.date_from and columns.time is not None:
        keep &= _true(pc.greater_equal(columns.time, criteria.date_from))
    if criteria.date_to and columns.time is not None:
        keep &= _true(pc.less(columns.time, criteria.date_to + "\uffff"))
    raw = columns.raw or {}
    for name in ("direction", "state", "source"):
        wanted = getattr(criteria, name)
        if wanted and name in raw:
            keep &= raw[name].equals(wanted)
    if columns.amount is not None:
        if criteria.amount_min is not None:
            keep &= columns.amount >= criteria.amount_min
        if criteria.amount_max is not None:
            keep &= columns.amount <= criteria.amount_max
    return keep
