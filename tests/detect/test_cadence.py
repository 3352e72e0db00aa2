"""Cadence hypotheses: month-end clamp, walking dates, annual, leap day, semimonthly, quarterly."""

from __future__ import annotations

from datetime import date

import numpy as np

from qiake_auditor.detect import cadence


def days(*texts: str) -> np.ndarray:
    return cadence.to_days(np.array(texts, dtype="datetime64[D]"))


def test_h1_month_end_anchor_is_clamped():
    f = cadence.fit(
        days("2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31", "2024-06-30")
    )
    assert f.valid() and f.cadence == "monthly" and f.anchor[1] == 31
    assert f.missed == [] and np.all(f.residuals == 0)
    assert f.next_after(int(f.days[-1]))[1] == date(2024, 7, 31)
    assert cadence.describe_anchor(f, "zh") == "每月最后一天"
    assert cadence.describe_anchor(f, "en") == "on the last day of each month"


def test_day_30_is_clamped_in_february_not_moved_to_march():
    f = cadence.fit(days("2024-01-30", "2024-02-29", "2024-03-30", "2024-04-30"))
    assert f.anchor[1] == 30 and np.all(f.residuals == 0)
    assert f.expected(int(f.slots[1]) + 12) == date(2025, 2, 28)


def test_h2_dates_walking_to_the_first_are_one_stream_without_a_missed_month():
    f = cadence.fit(days("2024-07-31", "2024-08-31", "2024-10-01", "2024-11-01"))
    assert f.valid() and f.cadence == "monthly" and f.missed == []
    assert f.anchor[1] == 1  # re-estimated to the 1st from the latest charges
    assert f.next_after(int(f.days[-1]))[1] == date(2024, 12, 1)


def test_h3_annual_renewal_from_two_hits():
    f = cadence.fit(days("2024-03-15", "2025-03-14"))
    assert f.valid() and f.cadence == "annual"
    assert f.next_after(int(f.days[-1]))[1].year == 2026


def test_h4_leap_day_renewal_falls_on_28_february():
    f = cadence.fit(days("2024-02-29", "2025-02-28", "2026-02-28"))
    assert f.valid() and f.cadence == "annual" and np.all(f.residuals == 0)
    assert f.next_after(int(f.days[-1]))[1] == date(2027, 2, 28)
    assert f.expected(int(f.slots[0]) + 4) == date(2028, 2, 29)


def test_h17_semimonthly_and_biweekly_are_told_apart():
    semi = cadence.fit(days(*[f"2024-{m:02d}-{d:02d}" for m in range(1, 7) for d in (1, 15)]))
    assert semi.valid() and semi.cadence == "semimonthly" and semi.anchor[1:] == (1, 15)
    start = days("2024-01-05")[0]
    bi = cadence.fit(np.array([start + 14 * i for i in range(13)]))
    assert bi.valid() and bi.cadence == "biweekly"
    assert cadence.describe_anchor(bi, "zh") == "每14天（周五）"


def test_h18_quarterly():
    f = cadence.fit(days("2024-01-20", "2024-04-20", "2024-07-19", "2024-10-21"))
    assert f.valid() and f.cadence == "quarterly" and f.missed == []
    assert f.next_after(int(f.days[-1]))[1] == date(2025, 1, 20)


def test_weekly_with_one_day_jitter():
    start = days("2024-03-04")[0]
    jitter = [0, 1, 0, -1, 0, 0, 1, 0]
    f = cadence.fit(np.array([start + 7 * i + j for i, j in enumerate(jitter)]))
    assert f.valid() and f.cadence == "weekly"


def test_pause_of_two_cycles_keeps_one_stream_with_missed_slots():
    f = cadence.fit(
        days(
            "2024-01-05",
            "2024-02-05",
            "2024-03-05",
            "2024-04-05",
            "2024-07-05",
            "2024-08-05",
            "2024-09-05",
        )
    )
    assert f.valid() and f.cadence == "monthly" and len(f.missed) == 2


def test_habitual_dates_fit_no_cadence():
    rng = np.random.default_rng(3)
    start = days("2024-01-01")[0]
    habit = np.sort(start + rng.choice(180, size=70, replace=False))
    f = cadence.fit(habit)
    assert f is None or not f.valid()


def test_bank_rows_get_two_more_days():
    d = days("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-05")
    assert not cadence.fit(d, cadences=["monthly"]).inlier.all()
    f = cadence.fit(d, np.array([2, 2, 2, 2]), ["monthly"])
    assert f.inlier.all() and f.valid()
