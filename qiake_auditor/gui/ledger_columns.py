"""Display strings and sort keys of the ledger table, computed once (Qt-free).

This runs in the worker, so a million-row ledger never stalls the window: the
model then only indexes these arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..vocab import Direction, RowState

COLUMNS = (
    "time",
    "amount",
    "currency",
    "direction",
    "state",
    "merchant",
    "counterparty",
    "description",
    "method",
    "source",
    "source_row",
    "txn_id",
)
_SIGN = {"expense": "-", "income": "+", "neutral": ""}
_SAMPLE = 4096  # values looked at to tell mostly distinct texts from repeated ones


@dataclass
class LedgerColumns:
    """One display sequence and one sort key array per column of :data:`COLUMNS`."""

    display: list
    keys: list[np.ndarray]
    income: np.ndarray  # bool per row, for the green amount
    # For the filters (see ledger_filter): searched text, times, amounts, raw values.
    haystack: pa.Array | None = None
    time: pa.Array | None = None
    amount: np.ndarray | None = None
    raw: dict[str, np.ndarray] | None = None
    merchant: pa.Array | None = None  # lower case


SEARCHED = (
    "merchant",
    "counterparty",
    "description",
    "method",
    "txn_id",
    "merchant_order_id",
    "source",
    "amount",
    "time",
)


def haystack(frame: pd.DataFrame) -> pa.Array:
    """The searched columns of each row joined and folded to lower case: one array to search."""
    parts = [
        pa.array(frame[c].astype("str").array).cast(pa.large_string())
        for c in SEARCHED
        if c in frame
    ]
    if not parts:
        return pa.array([""] * len(frame))
    joined = pc.binary_join_element_wise(*parts, pa.scalar("\x1f", pa.large_string()))
    return pc.utf8_lower(joined)


def text_key(values: pd.Series) -> np.ndarray:
    """Integer ranks of text values: argsort on them is fast and needs little memory.

    Columns of mostly distinct texts (times, ids, memos) are ranked by Arrow's sort,
    four times faster there than factorize's sorted hashing; repeated names are not.
    """
    text = values.astype("str")
    arrow = pa.array(text.array)
    sample = arrow[:_SAMPLE]
    if len(sample) and len(pc.unique(sample)) > len(sample) // 2:
        ranks = pc.rank(arrow, sort_keys="ascending", tiebreaker="dense")
        return ranks.to_numpy().astype(np.int64) - 1
    codes, _uniques = pd.factorize(text, sort=True)
    return codes.astype(np.int64)


def labels(vocabulary, lang: str) -> dict[str, str]:
    """value -> label of a :mod:`qiake_auditor.vocab` vocabulary in ``lang``."""
    return {member.value: member.label(lang) for member in vocabulary}


def _labelled(values: pd.Series, labels: dict[str, str]) -> np.ndarray:
    """Values replaced by their labels through the few distinct values (fast on 1M rows)."""
    codes, uniques = pd.factorize(values.astype("str"))
    shown = np.array([labels.get(u, u) for u in uniques] + [""], dtype=object)
    return shown[codes]  # code -1 (missing) picks the trailing ""


def grouped(text: str) -> str:
    """'1234567.50' -> '1,234,567.50' (a canonical decimal string; other text as it is)."""
    whole, dot, cents = text.partition(".")
    if not whole.isdigit():
        return text
    return f"{int(whole):,}{dot}{cents}"


def amounts_text(values: pd.Series, direction: pd.Series) -> np.ndarray:
    """Signed amounts with thousands separators, formatted once per distinct value."""
    codes, uniques = pd.factorize(values.astype("str"))
    shown = np.array([grouped(u) for u in uniques] + [""], dtype=object)
    return _labelled(direction, _SIGN) + shown[codes]


def prepare(frame: pd.DataFrame, lang: str = "zh") -> LedgerColumns:
    """Display arrays and sort keys for a ledger frame (RangeIndex positions = data rows)."""
    frame = frame.reset_index(drop=True)
    display: list = []
    keys: list[np.ndarray] = []
    direction = frame["direction"].astype("str")
    for column in COLUMNS:
        values = frame[column]
        if column == "amount":
            display.append(amounts_text(values, direction))
            # Sort key only (never summed): canonical amounts have at most ~15 significant
            # digits, so float64 keeps their order exactly.
            number = pd.to_numeric(values, errors="coerce").fillna(0).to_numpy(dtype="float64")
            keys.append(np.where(direction.to_numpy() == "expense", -number, number))
        elif column == "source_row":
            display.append(values.astype("str").array)
            keys.append(values.astype("int64").to_numpy())
        elif column == "direction":
            display.append(_labelled(values, labels(Direction, lang)))
            keys.append(text_key(values))
        elif column == "state":
            display.append(_labelled(values, labels(RowState, lang)))
            keys.append(text_key(values))
        else:
            display.append(values.astype("str").array)
            keys.append(text_key(values))
    amount = pd.to_numeric(frame["amount"], errors="coerce").fillna(0).to_numpy(dtype="float64")
    raw = {
        c: frame[c].astype("str").to_numpy(dtype=object)
        for c in ("direction", "state", "source", "currency")
    }
    return LedgerColumns(
        display,
        keys,
        (direction == "income").to_numpy(),
        haystack(frame),
        pa.array(frame["time"].astype("str").array),
        amount,
        raw,
        pc.utf8_lower(pa.array(frame["merchant"].astype("str").array)),
    )
