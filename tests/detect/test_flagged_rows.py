"""FlaggedRows: flagged rows kept as columns, each record made when it is read."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from qiake_auditor.detect import flagged
from qiake_auditor.detect.columns import ScanRows
from qiake_auditor.detect.flagged import FlaggedRows


def _rows() -> ScanRows:
    frame = pd.DataFrame(
        {
            "source": pd.Series(["a.csv", "a.csv", "b.csv", "b.csv"], dtype="str"),
            "source_row": np.array([10, 11, 3, 4], dtype=np.int64),
            "txn_id": pd.Series(["T1", "", "T3", "T4"], dtype="str"),
            "row_id": np.array([101, 102, 103, 104], dtype=np.int64),
            "dedup_key": pd.Series(["k1", "k2", "k3", "k4"], dtype="str"),
        }
    )
    return ScanRows(frame)


def _flagged(rows: ScanRows) -> FlaggedRows:
    # rows 3, 0 and 1 flagged (in that order); row 3 in stream "s1", the others outside
    return FlaggedRows(
        rows,
        positions=np.array([3, 0, 1]),
        streams=np.array([0, -1, -1]),
        stream_ids=["s1"],
        flag_codes=np.array([1, 0, 0]),
        flag_sets=[("watchlist",), ("after_cancellation", "watchlist")],
        cause_codes=np.array([0, 1, 1]),
        causes=[None, "new_purchase_or_upgrade"],
    )


def test_records_are_the_contract_dicts_in_its_key_order() -> None:
    found = _flagged(_rows())
    assert len(found) == 3
    assert found[0] == {
        "source": "b.csv",
        "source_row": 4,
        "txn_id": "T4",
        "row_id": 104,
        "dedup_key": "k4",
        "flags": ["after_cancellation", "watchlist"],
        "cause": None,
        "stream": "s1",
    }
    assert list(found[0]) == [
        "source",
        "source_row",
        "txn_id",
        "row_id",
        "dedup_key",
        "flags",
        "cause",
        "stream",
    ]
    assert found[2]["txn_id"] is None  # an empty id is printed as null
    assert [f["row_id"] for f in found] == [104, 101, 102]
    assert found[-1] == found[2] and found[1:] == [found[1], found[2]]
    with pytest.raises(IndexError):
        found[3]


def test_row_ids_and_select_read_the_columns() -> None:
    found = _flagged(_rows())
    assert found.row_ids().tolist() == [104, 101, 102]
    outside = found.select(found.streams < 0)
    assert [f["row_id"] for f in outside] == [101, 102]
    assert outside.row_ids().tolist() == [101, 102]


def test_records_across_blocks_are_made_once(monkeypatch) -> None:
    monkeypatch.setattr(flagged, "_BLOCK", 2)  # three rows: two blocks
    found = _flagged(_rows())
    first = found[2]
    assert first is found[2]  # the same object on a second read
    assert [f["row_id"] for f in found] == [104, 101, 102]
    assert found == [dict(f) for f in found] and found != [found[0]]
