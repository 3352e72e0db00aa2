"""Row identity across exports: the same transaction in two overlapping bills gets one key.

The key hashes the fields that do not change between two exports of one transaction
(platform, id, time, amount, direction, counterparty, item). Its suffix numbers the
rows of one file that share those fields, so two look-alike rows of one statement
(or two rows with the same placeholder id) stay two rows, while a second export of
the same rows maps onto the same keys.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.util import hash_array

from .vstr import join_columns

_FIELDS = ("txn_id", "time", "amount", "currency", "direction", "counterparty", "description")


def family(format_id: str) -> str:
    """The platform part of a format id: 'alipay-2023' -> 'alipay'."""
    return format_id.split("-", 1)[0]


def dedup_keys(rows: pd.DataFrame, format_id: str) -> pd.Series:
    """One key per row, stable across exports of the same platform."""
    basis = join_columns(rows, list(_FIELDS), prefix=family(format_id))
    digest = hash_array(np.asarray(basis.to_numpy(dtype=object)), categorize=False)
    occurrence = _occurrence(digest)
    text = pc.binary_join_element_wise(
        pc.cast(pa.array(digest), pa.large_string()),
        pc.cast(pa.array(occurrence), pa.large_string()), pa.scalar(":", pa.large_string()))
    return pd.Series(text.to_pandas(), index=rows.index).astype("str")


def _occurrence(digest: np.ndarray) -> np.ndarray:
    """For each row, how many earlier rows share its digest (0 for the first)."""
    order = np.argsort(digest, kind="stable")
    ordered = digest[order]
    index = np.arange(len(digest))
    starts = np.ones(len(digest), dtype=bool)
    starts[1:] = ordered[1:] != ordered[:-1]
    first_of_run = np.maximum.accumulate(np.where(starts, index, 0))
    occurrence = np.empty(len(digest), dtype=np.int64)
    occurrence[order] = index - first_of_run
    return occurrence
