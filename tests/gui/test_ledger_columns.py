"""The ledger table's columns (Qt-free): sort orders as Python sorts, texts as shown,
text search per column as a search of the joined row would find."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from qiake_auditor.gui.ledger_columns import COLUMNS, prepare, text_order
from qiake_auditor.gui.ledger_filter import Criteria, mask
from qiake_auditor.ledger import LEDGER_COLUMNS
from qiake_auditor.vocab import RowState

WORDS = ["洽客", "瑞幸咖啡", "", "Apple", "apple", "支付宝-洽客", "𠀀", "2024-01-31 09:00:00"]


@pytest.mark.parametrize("distinct", [True, False])
def test_text_order_is_a_stable_sort_like_pythons(distinct: bool) -> None:
    rng = random.Random(5)
    values = [f"{rng.choice(WORDS)}{i}" if distinct else rng.choice(WORDS) for i in range(9000)]
    order = text_order(pd.Series(values, dtype="str"))
    assert order.tolist() == sorted(range(len(values)), key=lambda i: values[i])
    assert order.dtype == np.int64


def test_text_order_of_no_rows() -> None:
    assert text_order(pd.Series([], dtype="str")).tolist() == []


def ledger(rows: int, seed: int = 3) -> pd.DataFrame:
    rng = random.Random(seed)
    records = []
    for i in range(rows):
        record = dict.fromkeys(LEDGER_COLUMNS, "")
        direction = rng.choice(["expense", "income", "neutral"])
        record.update(
            source=rng.choice(["a.csv", "b.csv"]),
            source_row=rng.randint(2, 50),
            time=f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 10:00:00",
            amount=rng.choice(["1980.00", "25.00", "9.90", "12345.67", "0.01"]),
            currency="CNY",
            direction=direction,
            state=rng.choice(["success", "closed", "refund"]),
            merchant=rng.choice(WORDS[:6]),
            counterparty=rng.choice(["深圳洽客科技有限公司", "Apple Inc.", "爱奇艺"]),
            description=f"订单{i}" if i % 2 else f"Order {i}",
            method=rng.choice(["余额", "招商银行(1111)"]),
            txn_id=f"2025{i:08d}",
            merchant_order_id=f"M{i:06d}",
        )
        records.append(record)
    frame = pd.DataFrame(records, columns=list(LEDGER_COLUMNS))
    frame["source_row"] = frame["source_row"].astype("int64")
    return frame


def test_every_column_sorts_like_python_and_shows_its_text() -> None:
    frame = ledger(3000)
    prepared = prepare(frame)
    signed = [
        -float(a) if d == "expense" else float(a)
        for a, d in zip(frame["amount"], frame["direction"], strict=True)
    ]
    for at, name in enumerate(COLUMNS):
        values = signed if name == "amount" else frame[name].tolist()
        expected = sorted(range(len(frame)), key=lambda i: values[i])
        assert prepared.ascending[at].tolist() == expected, name
    shown = [[prepared.display[at][r] for at in range(len(COLUMNS))] for r in range(len(frame))]
    first = frame.iloc[0]
    sign = {"expense": "-", "income": "+", "neutral": ""}[first["direction"]]
    whole, cents = first["amount"].split(".")
    assert shown[0][COLUMNS.index("amount")] == f"{sign}{int(whole):,}.{cents}"
    assert shown[0][COLUMNS.index("txn_id")] == first["txn_id"]
    assert shown[0][COLUMNS.index("source_row")] == str(first["source_row"])
    assert shown[0][COLUMNS.index("state")] == RowState(first["state"]).label("zh")
    assert shown[0][COLUMNS.index("merchant")] == first["merchant"]


@pytest.mark.parametrize(
    "text", ["洽客", "APPLE", "apple inc", "2025000001", "m000017", "订单7", "9.9"]
)
def test_text_search_finds_what_a_search_of_the_joined_row_finds(text: str) -> None:
    frame = ledger(2000)
    searched = [
        "merchant",
        "counterparty",
        "description",
        "method",
        "txn_id",
        "merchant_order_id",
        "source",
        "amount",
        "time",
    ]
    joined = frame[searched].astype(str).agg("\x1f".join, axis=1).str.lower()
    expected = joined.str.contains(text.lower(), regex=False).to_numpy()
    found = mask(prepare(frame), Criteria(text=text), len(frame))
    assert found is not None and expected.any()
    assert found.tolist() == expected.tolist()


def test_equality_filters_match_the_raw_values() -> None:
    frame = ledger(500)
    found = mask(prepare(frame), Criteria(direction="income", source="b.csv"), len(frame))
    expected = (frame["direction"] == "income") & (frame["source"] == "b.csv")
    assert found is not None and found.tolist() == expected.tolist()
    none = mask(prepare(frame), Criteria(state="pending"), len(frame))
    assert none is not None and not none.any()
