"""TextColumn.may_repeat: a cheap test that never says "no repeat" when a text repeats."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pyarrow as pa
import pytest

from qiake_auditor.detect.columns import TextColumn, _fingerprints, _Focus

TEXTS = ["", "a", "订单1", "订单12", "abcdefgh", "xabcdefgh", "包月会员", "包月会员自动续费", "/"]


@pytest.mark.parametrize("kind", [pa.string(), pa.large_string()])
def test_equal_texts_get_equal_fingerprints_wherever_they_are(kind):
    rng = np.random.default_rng(3)
    texts = [TEXTS[i] for i in rng.integers(0, len(TEXTS), 5000)]
    values = pa.array(["padding"] * 3 + texts, type=kind).slice(3)  # a sliced array
    seen: dict[str, int] = {}
    for text, print_ in zip(texts, _fingerprints(values).tolist(), strict=True):
        assert seen.setdefault(text, print_) == print_
    assert len(set(seen.values())) == len(TEXTS)  # these few all tell apart


def test_may_repeat_is_never_wrong_when_it_says_no():
    rng = np.random.default_rng(5)
    texts = [f"订单{n}" for n in rng.integers(0, 60, 3000)]
    column = TextColumn(pa.array(texts, type=pa.large_string()), _Focus())
    for _ in range(200):
        positions = np.sort(rng.choice(len(texts), int(rng.integers(0, 40)), replace=False))
        repeats = any(n >= 4 for n in Counter(texts[p] for p in positions).values())
        assert column.may_repeat(positions, 4) or not repeats


def test_distinct_order_numbers_do_not_repeat():
    column = TextColumn(pa.array([f"订单{n}" for n in range(10_000)]), _Focus())
    assert not column.may_repeat(np.arange(10_000), 4)
    assert not column.may_repeat(np.arange(3), 4)  # fewer rows than asked for
    empty = TextColumn(pa.array([""] * 4), _Focus())
    assert empty.may_repeat(np.arange(4), 4)
