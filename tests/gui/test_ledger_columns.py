"""Sort keys of the ledger table (Qt-free) order text as Python does."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from qiake_auditor.gui.ledger_columns import text_key


@pytest.mark.parametrize("distinct", [True, False])
def test_text_keys_rank_like_sorted(distinct: bool) -> None:
    rng = random.Random(5)
    words = ["洽客", "瑞幸咖啡", "", "Apple", "apple", "支付宝-洽客", "𠀀", "2024-01-31 09:00:00"]
    values = [f"{rng.choice(words)}{i}" if distinct else rng.choice(words) for i in range(9000)]
    keys = text_key(pd.Series(values, dtype="str"))
    ranks = {v: r for r, v in enumerate(sorted(set(values)))}
    assert keys.tolist() == [ranks[v] for v in values]
    assert keys.dtype == np.int64


def test_text_keys_of_no_rows() -> None:
    assert text_key(pd.Series([], dtype="str")).tolist() == []
