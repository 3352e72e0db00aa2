"""Arrow-backed column helpers keep rows in place whatever the frame's index is."""

from __future__ import annotations

import numpy as np
import pandas as pd

from qiake_auditor.dedup import dedup_keys
from qiake_auditor.vstr import isin, join_columns, map_distinct, replace_regex, trim

_KEY_FIELDS = ("txn_id", "time", "amount", "currency", "direction", "counterparty", "description")


def _shuffled(frame: pd.DataFrame) -> pd.DataFrame:
    """The same rows under labels that are neither a range nor in order."""
    order = np.random.default_rng(7).permutation(len(frame))
    return frame.set_axis(order * 3 + 11, axis="index")


def _statement() -> pd.DataFrame:
    rows = {field: [f"{field}{i % 3}" for i in range(9)] for field in _KEY_FIELDS}
    return pd.DataFrame(rows, dtype="str")


def test_map_distinct_on_a_shuffled_index_keeps_each_value_on_its_row() -> None:
    plain = pd.Series(["a", "b", "a", "c", " d "], dtype="str")
    shuffled = _shuffled(plain.to_frame("v"))["v"]
    for series in (plain, shuffled):
        upper = map_distinct(series, str.upper)
        assert upper.index.equals(series.index)
        assert upper.tolist() == ["A", "B", "A", "C", " D "]
        assert map_distinct(series, len).tolist() == [1, 1, 1, 1, 3]
        short = map_distinct(series, lambda v: len(v) == 1)
        assert short.dtype == bool and short.index.equals(series.index)
        assert short.tolist() == [True, True, True, True, False]
        assert trim(series).tolist() == ["a", "b", "a", "c", "d"]
        assert replace_regex(series, "a", "x").tolist() == ["x", "b", "x", "c", " d "]
        assert isin(series, ["a"]).tolist() == [True, False, True, False, False]


def test_dedup_keys_do_not_depend_on_the_index() -> None:
    rows = _statement()
    expected = dedup_keys(rows, "alipay-2023")
    assert expected.notna().all() and expected.nunique() == 9  # 3 look-alikes x 3 occurrences
    shuffled = _shuffled(rows)
    keys = dedup_keys(shuffled, "alipay-2023")
    assert keys.index.equals(shuffled.index)
    assert keys.tolist() == expected.tolist()
    joined = join_columns(shuffled, ["txn_id", "time"], "|")
    assert joined.tolist() == [f"txn_id{i % 3}|time{i % 3}" for i in range(9)]
