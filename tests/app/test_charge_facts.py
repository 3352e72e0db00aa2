"""ChargeFacts: detection's facts per row id, from the streams and the flagged rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from qiake_auditor.app.charge_facts import NO_FACTS, ChargeFacts
from qiake_auditor.detect.columns import ScanRows
from qiake_auditor.detect.flagged import FlaggedRows

FLAG_SETS = [("watchlist",), ("after_cancellation", "watchlist")]
CAUSES = [None, "new_purchase_or_upgrade"]


def _flagged(row_ids: list[int], streams: list[int], flags: list[int], causes: list[int]):
    frame = pd.DataFrame({"row_id": np.array(row_ids, dtype=np.int64)})
    return FlaggedRows(
        ScanRows(frame),
        positions=np.arange(len(row_ids)),
        streams=np.array(streams, dtype=np.int64),
        stream_ids=["s1", "s2"],
        flag_codes=np.array(flags, dtype=np.int64),
        flag_sets=FLAG_SETS,
        cause_codes=np.array(causes, dtype=np.int64),
        causes=CAUSES,
    )


STREAMS = [
    {
        "id": "s1",
        "cadence": "monthly",
        "charges": [
            {"row_id": 7, "flags": ["price_increase"], "cause": "price_change",
             "cause_reason": "涨价", "cause_reason_en": "price rose"},
            {"row_id": 9},
        ],
    }
]  # fmt: skip


def test_each_row_gets_what_detection_said_of_it() -> None:
    # row 30 and 7 flagged; 7 is also a charge of stream s1; 9 only a charge; 5 nothing
    facts = ChargeFacts(STREAMS, _flagged([30, 7], [-1, 0], [1, 0], [1, 0]))
    assert facts.of([30, 7, 9, 5]) == [
        (None, None, ("after_cancellation", "watchlist"), "new_purchase_or_upgrade", "", ""),
        ("s1", "monthly", ("price_increase", "watchlist"), "price_change", "涨价", "price rose"),
        ("s1", "monthly", (), None, "", ""),
        NO_FACTS,
    ]
    assert [facts.get(i) for i in (30, 7, 9, 5)] == facts.of([30, 7, 9, 5])
    assert facts.get(5) is NO_FACTS
    marker = ("x", None, (), None, "", "")
    assert facts.get(5, marker) is marker
    assert facts.get(9, marker) == ("s1", "monthly", (), None, "", "")


def test_flags_of_many_rows_are_joined() -> None:
    facts = ChargeFacts(STREAMS, _flagged([30, 31, 7], [-1, 1, 0], [0, 0, 0], [0, 0, 0]))
    assert facts.flags_of([31]) == {"watchlist"}
    assert facts.flags_of([7]) == {"price_increase", "watchlist"}
    assert facts.flags_of([9, 5]) == set()
    assert facts.flags_of([]) == set()
    assert facts.of([31]) == [("s2", None, ("watchlist",), None, "", "")]


def test_rows_in_any_order_and_a_row_flagged_twice_keeps_the_later() -> None:
    # flagged in day order, not by row id; row 4 appears twice (the later counts)
    facts = ChargeFacts([], _flagged([50, 4, 20, 4], [-1, -1, -1, 1], [0, 0, 1, 1], [0, 0, 0, 1]))
    assert [facts.get(i) for i in (4, 20, 50, 21, 3, 60)] == facts.of([4, 20, 50, 21, 3, 60])
    assert facts.of([4, 20, 50, 21, 3, 60]) == [
        ("s2", None, ("after_cancellation", "watchlist"), "new_purchase_or_upgrade", "", ""),
        (None, None, ("after_cancellation", "watchlist"), None, "", ""),
        (None, None, ("watchlist",), None, "", ""),
        NO_FACTS,
        NO_FACTS,
        NO_FACTS,
    ]


def test_nothing_flagged() -> None:
    facts = ChargeFacts(STREAMS, _flagged([], [], [], []))
    assert facts.of([7, 8]) == [
        ("s1", "monthly", ("price_increase",), "price_change", "涨价", "price rose"),
        NO_FACTS,
    ]
    assert facts.flags_of([7, 8]) == {"price_increase"}
    assert [facts.get(7), facts.get(8)] == facts.of([7, 8])


def test_many_flagged_rows_share_a_few_tuples() -> None:
    n = 50_000
    rng = np.random.default_rng(3)
    ids = rng.permutation(np.arange(0, 3 * n, 3))  # every third row id, shuffled
    streams, flags, causes = rng.integers(-1, 2, n), rng.integers(0, 2, n), rng.integers(0, 2, n)
    facts = ChargeFacts(
        [], _flagged(ids.tolist(), streams.tolist(), flags.tolist(), causes.tolist())
    )
    asked = list(range(0, 3 * n, 1))
    found = facts.of(asked)
    want = {
        int(i): ([None, "s1", "s2"][s + 1], None, FLAG_SETS[f], CAUSES[c], "", "")
        for i, s, f, c in zip(ids, streams, flags, causes, strict=True)
    }
    assert found == [want.get(i, NO_FACTS) for i in asked]
    assert [facts.get(i) for i in asked[:3000]] == found[:3000]  # one at a time: the same
    assert len({id(f) for f in found}) <= 3 * 2 * 2 + 1
