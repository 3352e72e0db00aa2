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

COLUMNS = ("time", "amount", "currency", "direction", "state", "merchant", "counterparty",
           "description", "method", "source", "source_row", "txn_id")
DIRECTION_LABELS = {"expense": "支出", "income": "收入", "neutral": "不计收支"}
STATE_LABELS = {"success": "成功", "closed": "已关闭", "failed": "失败", "pending": "处理中",
                "refund": "退款", "refunded": "已退款", "partially_refunded": "部分退款"}
_SIGN = {"expense": "-", "income": "+", "neutral": ""}
_SAMPLE = 4096  # values looked at to tell mostly distinct texts from repeated ones


@dataclass
class LedgerColumns:
    """One display sequence and one sort key array per column of :data:`COLUMNS`."""

    display: list
    keys: list[np.ndarray]
    income: np.ndarray  # bool per row, for the green amount


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


def _labelled(values: pd.Series, labels: dict[str, str]) -> np.ndarray:
    """Values replaced by their labels through the few distinct values (fast on 1M rows)."""
    codes, uniques = pd.factorize(values.astype("str"))
    shown = np.array([labels.get(u, u) for u in uniques] + [""], dtype=object)
    return shown[codes]  # code -1 (missing) picks the trailing ""


def prepare(frame: pd.DataFrame) -> LedgerColumns:
    """Display arrays and sort keys for a ledger frame (RangeIndex positions = data rows)."""
    frame = frame.reset_index(drop=True)
    display: list = []
    keys: list[np.ndarray] = []
    direction = frame["direction"].astype("str")
    for column in COLUMNS:
        values = frame[column]
        if column == "amount":
            sign = _labelled(direction, _SIGN)
            display.append(sign + values.astype("str").to_numpy(dtype=object))
            # Sort key only (never summed): canonical amounts have at most ~15 significant
            # digits, so float64 keeps their order exactly.
            number = pd.to_numeric(values, errors="coerce").fillna(0).to_numpy(dtype="float64")
            keys.append(np.where(direction.to_numpy() == "expense", -number, number))
        elif column == "source_row":
            display.append(values.astype("str").array)
            keys.append(values.astype("int64").to_numpy())
        elif column == "direction":
            display.append(_labelled(values, DIRECTION_LABELS))
            keys.append(text_key(values))
        elif column == "state":
            display.append(_labelled(values, STATE_LABELS))
            keys.append(text_key(values))
        else:
            display.append(values.astype("str").array)
            keys.append(text_key(values))
    return LedgerColumns(display, keys, (direction == "income").to_numpy())
