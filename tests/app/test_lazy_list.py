"""A case's charges made on first reading: the same objects every time, and the case's
totals, flags and after-cancellation charges worked out without making them."""

from __future__ import annotations

import threading
from datetime import date
from itertools import pairwise

import pytest

from qiake_auditor.app import Audit
from qiake_auditor.app.cases import totals_of
from qiake_auditor.app.charge_table import ChargeFields, day_totals_of
from qiake_auditor.app.demo import demo_files
from qiake_auditor.app.lazy_list import LazyList


def squares(calls: list[int]) -> LazyList[int]:
    def make(k: int) -> int:
        calls.append(k)
        return k * k

    return LazyList(5, make)


def test_each_item_is_made_once_when_first_read():
    calls: list[int] = []
    items = squares(calls)
    assert len(items) == 5 and calls == [] and items.made == 0
    assert items[2] == 4 and items[-1] == 16 and calls == [2, 4]
    assert items[2] == 4 and calls == [2, 4]  # not made again
    assert items[1:4] == [1, 4, 9] and calls == [2, 4, 1, 3]
    assert list(items) == [0, 1, 4, 9, 16] and calls == [2, 4, 1, 3, 0]
    assert items == [0, 1, 4, 9, 16] and items != [0, 1, 4, 9] and items != [0, 1, 4, 9, 15]
    assert 9 in items and items.index(9) == 3


def test_an_index_out_of_range_is_an_index_error():
    items = squares([])
    with pytest.raises(IndexError):
        items[5]
    with pytest.raises(IndexError):
        items[-6]
    assert items[5:9] == []


def test_two_threads_reading_get_the_same_objects():
    made: list[int] = []
    barrier = threading.Barrier(2)

    def make(k: int) -> object:
        made.append(k)
        return object()

    items = LazyList(20_000, make)
    seen: list[list[object]] = []

    def read() -> None:
        barrier.wait()
        seen.append(list(items))

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(made) == list(range(20_000))  # each made exactly once
    assert all(a is b for a, b in zip(seen[0], seen[1], strict=True))


def test_handing_over_leaves_the_made_items_to_the_caller():
    items = squares([])
    items[1]
    handed = items.hand_over()
    assert handed == [None, 1, None, None, None] and len(items) == 0


def test_a_case_is_summed_and_flagged_without_making_its_charges(tmp_path):
    with Audit.open(tmp_path / "w.sqlite") as audit:
        audit.import_files(demo_files())
        audit.snapshot()
        audit.set_case(audit.find_case("洽客"), cancelled=date(2025, 6, 20))
        cases = audit.snapshot().cases
    qiake = next(c for c in cases if c.key == "洽客")
    assert isinstance(qiake.charges, LazyList) and isinstance(qiake.after, LazyList)
    assert len(qiake.charges) == 18 and len(qiake.after) == 6
    assert str(qiake.totals["CNY"].paid) == "5274.00"
    assert str(qiake.after_totals["CNY"].paid) == "2125.00"
    assert "after_cancellation" in qiake.flags
    days = qiake.day_totals
    fields = qiake.charge_fields()
    assert (
        sum(d.count for d in days) == 18 and sum(d.count for d in days if d.after_cancellation) == 6
    )
    assert qiake.charges.made == 0 and qiake.after.made == 0
    # what the columns said is what the charges, once made, say
    assert qiake.totals == totals_of(qiake.charges, qiake.refunds)
    assert qiake.after_totals == totals_of(qiake.after)
    assert qiake.charge_table.flags == {f for c in qiake.charges for f in c.flags}
    assert days == day_totals_of(qiake.charges)
    assert fields == ChargeFields.of(qiake.charges)
    assert sum(fields.after_cancellation) == 6
    assert all(
        "after_cancellation" in f
        for f, late in zip(fields.flags, fields.after_cancellation, strict=True)
        if late
    )
    late = [c for c in qiake.charges if c.after_cancellation]
    assert [c.date for c in late] == [c.date for c in qiake.after]
    assert all(a is b for a, b in zip(late, qiake.after, strict=True))  # the same objects
    assert all(c.date > date(2025, 6, 20) for c in late)
    days = [c.date for c in qiake.charges]
    assert [c.days_since_previous for c in qiake.charges] == [None] + [
        (b - a).days for a, b in pairwise(days)
    ]
