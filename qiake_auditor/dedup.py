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

from . import parallel
from .vstr import join_columns

_AS_STR = {pa.large_string(): pd.StringDtype("pyarrow", np.nan)}
_SLICE = 25_000  # rows hashed at a time: 100,000 held the GIL 15-25 ms per slice
_FIELDS = ("txn_id", "time", "amount", "currency", "direction", "counterparty", "description")


def family(format_id: str) -> str:
    """The prefix every key of a format starts from: 'alipay-2023' -> 'alipay'.

    Only for key stability (stored keys were made from it); whether a format is a
    wallet or a bank is the importer's ``platform`` (``importers.base.platform_of``).
    """
    return format_id.split("-", 1)[0]


def dedup_keys(rows: pd.DataFrame, format_id: str, files: np.ndarray | None = None) -> pd.Series:
    """One key per row, stable across exports of the same platform.

    ``files``: for rows of several files read together (the members of one ZIP), the
    file of each row, so look-alike rows are numbered within their own file, as if
    each file had been read alone.
    """
    prefix = family(format_id)

    def digests(at: int) -> np.ndarray:
        # A slice at a time: making a million bytes objects at once holds the GIL (and
        # so freezes the window) for 0.1-0.2 s; each row's digest is its own. Two
        # slices at once: one thread joins its fields in Arrow while the other hashes.
        basis = join_columns(rows.iloc[at : at + _SLICE], list(_FIELDS), prefix=prefix)
        # hash_array hashes the UTF-8 bytes of each text; handing it the bytes themselves
        # gives the same digests without decoding a million strings and encoding them again.
        as_bytes = pa.array(basis.array).cast(pa.large_binary())
        return hash_array(as_bytes.to_numpy(zero_copy_only=False), categorize=False)

    digest = np.concatenate(
        [np.empty(0, dtype=np.uint64), *parallel.each(digests, range(0, len(rows), _SLICE))]
    )
    occurrence = _occurrence(digest, files)
    text = pc.binary_join_element_wise(
        pc.cast(pa.array(digest), pa.large_string()),
        pc.cast(pa.array(occurrence), pa.large_string()),
        pa.scalar(":", pa.large_string()),
    )
    # By position: the frame's index may be any labels (a filtered or shuffled frame).
    return pd.Series(text.to_pandas(types_mapper=_AS_STR.get).array, index=rows.index)


def _occurrence(digest: np.ndarray, files: np.ndarray | None = None) -> np.ndarray:
    """For each row, how many earlier rows (of its file) share its digest (0 for the first)."""
    occurrence = np.zeros(len(digest), dtype=np.int64)
    if files is None:
        repeated = pd.Series(digest).duplicated(keep=False).to_numpy()
    else:
        repeated = pd.DataFrame({"digest": digest, "file": files}).duplicated(keep=False)
        repeated = repeated.to_numpy()
    if repeated.any():  # rare: look-alike rows or shared placeholder ids
        where = np.flatnonzero(repeated)
        keys = [digest[where]] if files is None else [digest[where], files[where]]
        occurrence[where] = pd.Series(where).groupby(keys, sort=False).cumcount().to_numpy()
    return occurrence
