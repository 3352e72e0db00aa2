"""Row identity across exports: the same transaction in two overlapping bills gets one key.

The key hashes the fields that do not change between two exports of one transaction
(platform, id, time, amount, direction, counterparty, item). Its suffix numbers the
rows of one file that share those fields, so two look-alike rows of one statement
(or two rows with the same placeholder id) stay two rows, while a second export of
the same rows maps onto the same keys.
"""

from __future__ import annotations

import pandas as pd

from .vstr import join_columns

_FIELDS = ("txn_id", "time", "amount", "currency", "direction", "counterparty", "description")


def family(format_id: str) -> str:
    """The platform part of a format id: 'alipay-2023' -> 'alipay'."""
    return format_id.split("-", 1)[0]


def dedup_keys(rows: pd.DataFrame, format_id: str) -> pd.Series:
    """One key per row, stable across exports of the same platform."""
    basis = join_columns(rows, list(_FIELDS))  # one Arrow kernel, then one hash pass
    digest = pd.util.hash_pandas_object(family(format_id) + "\x1f" + basis, index=False,
                                        categorize=False)
    occurrence = digest.groupby(digest.to_numpy()).cumcount()
    return pd.Series(digest.to_numpy().astype("str"), index=rows.index, dtype="str") + ":" + \
        occurrence.astype("str")
