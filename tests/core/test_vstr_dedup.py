"""Arrow-backed column helpers keep rows in place whatever the frame's index is."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from qiake_auditor.dedup import dedup_keys
from qiake_auditor.vstr import (
    edge_space_candidates,
    isin,
    join_columns,
    map_distinct,
    replace_regex,
    strip,
    trim,
)

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


def test_strip_equals_str_strip_for_every_character_at_either_end() -> None:
    # Every code point (no surrogates) before, after and around a letter: wherever
    # pandas' strip would change a text, the byte look must see it, and the result
    # must be the same Series as str.strip's.
    points = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    for texts in (
        [p + "a" for p in points],
        ["a" + p for p in points],
        ["洽" + p for p in points],
        points,
    ):
        series = pd.Series(texts, dtype="str")
        assert strip(series).equals(series.str.strip())
        changed = (series.str.strip() != series).to_numpy()
        assert changed.sum() >= 25  # the white space characters are among them
        candidates = edge_space_candidates(pa.array(texts, type=pa.large_string()))
        missed = [hex(ord(p)) for p, hit in zip(points, changed & ~candidates, strict=True) if hit]
        assert not missed
        assert candidates.sum() < 3 * changed.sum() + 5000  # a look, not "all of them"
    # Texts as statements have them come back as they are, without a copy.
    clean = pd.Series(["瑞幸咖啡", "订单0", "招商银行储蓄卡(1111)", "¥12", "a b"], dtype="str")
    assert strip(clean) is clean


def test_strip_of_a_slice_and_of_empty_texts() -> None:
    series = pd.Series([" a", "b", "c ", "", "d"], dtype="str")
    part = series.iloc[1:2]
    assert strip(part) is part
    assert strip(series.iloc[3:]).tolist() == ["", "d"]
    assert strip(series.iloc[2:4]).tolist() == ["c", ""]
    empty = pd.Series(["", ""], dtype="str")
    assert strip(empty) is empty
