"""The transactions view's filters, computed in vectorised form (Qt-free, any thread).

Text search runs over one pre-joined lower-case Arrow array (see
:func:`ledger_columns.haystack`); Arrow releases the GIL, so the filter runs on a
worker thread while the window keeps painting.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .ledger_columns import LedgerColumns


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


def _contains(array: pa.Array, text: str) -> np.ndarray:
    found = pc.match_substring(array, text.casefold())
    return found.to_numpy(zero_copy_only=False).astype(bool)


def mask(columns: LedgerColumns, criteria: Criteria, rows: int) -> np.ndarray | None:
    """Rows kept by ``criteria`` (None: all of them)."""
    if criteria.empty():
        return None
    keep = np.ones(rows, dtype=bool)
    text = criteria.text.strip()
    if text and columns.haystack is not None:
        keep &= _contains(columns.haystack, text)
    if criteria.merchant.strip() and columns.merchant is not None:
        keep &= _contains(columns.merchant, criteria.merchant.strip())
    if criteria.date_from and columns.time is not None:
        keep &= (
            pc.greater_equal(columns.time, criteria.date_from)
            .to_numpy(zero_copy_only=False)
            .astype(bool)
        )
    if criteria.date_to and columns.time is not None:
        keep &= (
            pc.less(columns.time, criteria.date_to + "\uffff")
            .to_numpy(zero_copy_only=False)
            .astype(bool)
        )
    raw = columns.raw or {}
    for name in ("direction", "state", "source"):
        wanted = getattr(criteria, name)
        if wanted and name in raw:
            keep &= raw[name] == wanted
    if columns.amount is not None:
        if criteria.amount_min is not None:
            keep &= columns.amount >= criteria.amount_min
        if criteria.amount_max is not None:
            keep &= columns.amount <= criteria.amount_max
    return keep
