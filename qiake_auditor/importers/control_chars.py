"""Control characters in statement text: removed at import, counted for one warning.

A NUL or BEL in a description is invisible on screen, but an XLSX export refuses it
(after the import was committed) and other programs choke on it. Tab and newline are
kept (multi-line memos); every other C0 character and every C1 character goes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..vstr import replace_regex, value_bytes

# RE2 syntax (pyarrow's kernels): C0 minus \t and \n, then C1.
CONTROL = r"[\x00-\x08\x0b-\x1f\x{80}-\x{9f}]"
TEXT_COLUMNS = ("counterparty", "description", "method", "txn_id", "merchant_order_id", "category")


@dataclass(frozen=True)
class Removed:
    """How many control characters were removed, and the first row that had one."""

    count: int
    first_row: int


def remove_control_characters(rows: pd.DataFrame) -> Removed | None:
    """Strip control characters from the text columns of ``rows`` in place.

    A cell that repeats another column of its row (the generic importer copies the
    description into the counterparty) is cleaned but not counted twice.
    """
    count, first = 0, None
    seen: list[pa.Array] = []
    for column in TEXT_COLUMNS:
        if column not in rows:
            continue
        values = pa.array(rows[column].fillna("").astype("str").array).cast(pa.large_string())
        if not may_hold_control(values):  # the usual case: no regex over a million texts
            seen.append(values)
            continue
        found = pc.count_substring_regex(values, CONTROL).to_numpy(zero_copy_only=False)
        hits = found > 0
        if hits.any():
            repeated = np.zeros(len(found), dtype=bool)
            for earlier in seen:
                repeated |= pc.equal(values, earlier).to_numpy(zero_copy_only=False)
            count += int(found[~repeated].sum())
            row = int(rows["source_row"].to_numpy()[hits].min())
            first = row if first is None else min(first, row)
            rows[column] = replace_regex(rows[column], CONTROL).str.strip()
        seen.append(values)
    return Removed(count, first) if first is not None else None


def may_hold_control(values: pa.Array | pa.ChunkedArray) -> bool:
    """Whether any text of ``values`` (large_string) may hold a control character.

    Looks at the UTF-8 bytes themselves: a C0 character is a byte below 0x20 (tab and
    newline included: texts that hold one are looked at closely), a C1 character is
    0xC2 followed by 0x80-0x9F. A few milliseconds per million texts, against 0.1 s for
    the regex.
    """
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    for chunk in chunks:
        data = value_bytes(chunk)
        if (data < 0x20).any():
            return True
        lead = np.flatnonzero(data[:-1] == 0xC2)
        if len(lead) and ((data[lead + 1] & 0xE0) == 0x80).any():
            return True
    return False
