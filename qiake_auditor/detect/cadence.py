"""Cadence hypotheses scored against the dates of a candidate stream.

A cadence is not an average gap: it is a rule that puts every charge on a grid
(every 7/14 days from an origin, day N of every k-th month clamped to the month's
end, the 1st and 15th ...). Each hypothesis predicts a date for every slot; a charge
is a hit when it lands within a window that widens with the period (weekly +-1 ...
annual +-20 days, plus two days for bank-posted rows). The best hypothesis explains
the most charges with the fewest missed slots, then the smallest residuals, so
phase matters and not just spacing: habitual purchases land off any grid.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from .small import median

EPOCH = date(1970, 1, 1)

PERIOD_DAYS = {"weekly": 7.0, "biweekly": 14.0, "semimonthly": 15.22, "monthly": 30.44,
               "quarterly": 91.31, "semiannual": 182.62, "annual": 365.25}
TOLERANCE = {"weekly": 1, "biweekly": 2, "semimonthly": 2, "monthly": 3, "quarterly": 10,
             "semiannual": 15, "annual": 20}
MONTHS = {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12}
# Fewest hits before a cadence counts as confirmed (annual renewals are sparse by nature).
MIN_HITS = {"weekly": 3, "biweekly": 3, "semimonthly": 3, "monthly": 3, "quarterly": 2,
            "semiannual": 2, "annual": 2}
MIN_COVERAGE = 0.6  # hits / slots spanned: a pause of a few cycles is fine, noise is not


@dataclass
class Fit:
    """One cadence hypothesis applied to sorted day numbers (days since 1970-01-01)."""

    cadence: str
    anchor: tuple  # ("days", origin) | ("month", day, origin_month) | ("semi", d1, d2)
    days: np.ndarray
    slots: np.ndarray
    residuals: np.ndarray
    inlier: np.ndarray
    duplicate: np.ndarray  # a second charge on the same slot within two days
    conflicts: int  # two different charges in one slot (a second subscription)
    missed: list[int] = field(default_factory=list)

    @functools.cached_property
    def hits(self) -> int:  # a Fit is never changed once made
        return len(np.unique(self.slots[self.inlier]))

    @functools.cached_property
    def span(self) -> int:
        s = self.slots[self.inlier]
        return int(s.max() - s.min() + 1) if len(s) else 0

    @property
    def coverage(self) -> float:
        return self.hits / self.span if self.span else 0.0

    @property
    def outliers(self) -> int:
        return int((~self.inlier).sum())

    @property
    def tolerance(self) -> int:
        return TOLERANCE[self.cadence]

    def valid(self, min_hits: int | None = None) -> bool:
        need = MIN_HITS[self.cadence] if min_hits is None else min_hits
        return (self.conflicts == 0 and self.hits >= need and self.coverage >= MIN_COVERAGE
                and self.outliers <= len(self.days) // 5)

    def quality(self) -> tuple:
        """Sort key: lower is better."""
        # Plain Python on the few residuals (small whole days: the means are exact).
        distances = np.abs(self.residuals[self.inlier]).tolist()
        spread = sum(distances) / len(distances) if distances else 9.0
        recent = sum(distances[-2:]) / len(distances[-2:]) if distances else 9
        return (self.outliers + self.conflicts, len(self.missed),
                (spread + 0.5 * recent) / self.tolerance)

    def expected(self, slot: int) -> date:
        return EPOCH + timedelta(days=int(_expected(self.cadence, self.anchor,
                                                    np.array([slot]))[0]))

    def next_after(self, day: int) -> tuple[int, date]:
        """The first slot after the one holding ``day`` and its expected date."""
        last = int(self.slots[self.inlier].max()) if self.inlier.any() else 0
        slot = last + 1
        while _expected(self.cadence, self.anchor, np.array([slot]))[0] <= day:
            slot += 1
        return slot, self.expected(slot)

    def slot_of(self, day: int) -> tuple[int, int]:
        """(slot, residual) of any day under this hypothesis."""
        slots, expected = _nearest(self.cadence, self.anchor, np.array([day]))
        return int(slots[0]), int(day - expected[0])


# -- calendar helpers -------------------------------------------------------------------------

def to_days(dates: np.ndarray) -> np.ndarray:
    """datetime64 values -> int days since 1970-01-01."""
    return dates.astype("datetime64[D]").astype("int64")


# Calendar look-up tables for 1970-2199: fitting evaluates thousands of hypotheses on
# a few dozen dates each, where numpy's datetime conversions cost more than the maths.
_TABLE_MONTHS = 230 * 12
_MONTH_START = np.arange(_TABLE_MONTHS + 1).astype("datetime64[M]").astype(
    "datetime64[D]").astype("int64")
_MONTH_OF_DAY = np.repeat(np.arange(_TABLE_MONTHS), np.diff(_MONTH_START))


def _in_table(days: np.ndarray) -> bool:
    return len(days) > 0 and days.min() >= 0 and days.max() < len(_MONTH_OF_DAY)


def _month_index(days: np.ndarray) -> np.ndarray:
    if _in_table(days):
        return _MONTH_OF_DAY[days]
    return days.astype("datetime64[D]").astype("datetime64[M]").astype("int64")


def _day_of_month(days: np.ndarray) -> np.ndarray:
    if _in_table(days):
        return days - _MONTH_START[_MONTH_OF_DAY[days]] + 1
    d = days.astype("datetime64[D]")
    return (d - d.astype("datetime64[M]").astype("datetime64[D]")).astype("int64") + 1


def _clamped(month: np.ndarray, day: int) -> np.ndarray:
    """Day number of ``day`` in each month index, clamped to the month's last day."""
    if len(month) and month.min() >= 0 and month.max() < _TABLE_MONTHS:
        start, end = _MONTH_START[month], _MONTH_START[month + 1]
    else:
        start = month.astype("datetime64[M]").astype("datetime64[D]").astype("int64")
        end = (month + 1).astype("datetime64[M]").astype("datetime64[D]").astype("int64")
    return start + np.minimum(day, end - start) - 1


def _expected(cadence: str, anchor: tuple, slots: np.ndarray) -> np.ndarray:
    if anchor[0] == "days":
        return np.rint(anchor[1] + slots * PERIOD_DAYS[cadence]).astype("int64")
    if anchor[0] == "semi":
        month, half = np.divmod(slots, 2)
        return np.where(half == 0, _clamped(month, anchor[1]), _clamped(month, anchor[2]))
    return _clamped(anchor[2] + slots * MONTHS[cadence], anchor[1])


_AROUND = {1: np.arange(-1, 2), 2: np.arange(-2, 3)}  # slots either side of the guess


def _nearest(cadence: str, anchor: tuple, days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Slot and expected day nearest to each day."""
    if anchor[0] == "days":
        slots = np.rint((days - anchor[1]) / PERIOD_DAYS[cadence]).astype("int64")
        cand = slots[:, None] + _AROUND[1]
    elif anchor[0] == "semi":
        cand = (_month_index(days) * 2)[:, None] + _AROUND[2]
    else:
        k = MONTHS[cadence]
        cand = np.floor_divide(_month_index(days) - anchor[2], k)[:, None] + _AROUND[1]
    exp = _expected(cadence, anchor, cand.ravel()).reshape(cand.shape)
    pick = np.abs(exp - days[:, None]).argmin(axis=1)
    rows = np.arange(len(days))
    return cand[rows, pick], exp[rows, pick]


# -- fitting ---------------------------------------------------------------------------------

def evaluate(cadence: str, anchor: tuple, days: np.ndarray, extra: np.ndarray,
             cents: np.ndarray | None = None) -> Fit:
    """Apply one hypothesis to sorted days (``extra`` = added tolerance per charge).

    Two charges in one slot are a duplicate when they are at most two days apart and,
    if amounts are given, of the same amount; otherwise they conflict (two plans).
    """
    slots, expected = _nearest(cadence, anchor, days)
    residuals = days - expected
    inlier = np.abs(residuals) <= TOLERANCE[cadence] + extra
    duplicate = np.zeros(len(days), dtype=bool)
    conflicts = 0
    seen: dict[int, int] = {}
    # Plain lists: this loop runs for every hypothesis of every merchant.
    slot_list, day_list = slots.tolist(), days.tolist()
    cent_list = cents.tolist() if cents is not None else None
    for i in np.flatnonzero(inlier).tolist():
        slot = slot_list[i]
        if slot in seen:
            j = seen[slot]
            same = cent_list is None or abs(cent_list[i] - cent_list[j]) <= max(
                100, 0.03 * max(cent_list[i], cent_list[j]))
            if day_list[i] - day_list[j] <= 2 and same:
                duplicate[i] = True
            else:
                conflicts += 1
        else:
            seen[slot] = i
    hit = sorted(seen)
    missed = [s for s in range(hit[0], hit[-1] + 1) if s not in seen] if hit else []
    found = Fit(cadence, anchor, days, slots, residuals, inlier, duplicate, conflicts, missed)
    # The distinct inlier slots are the keys of ``seen``: no np.unique per hypothesis.
    found.__dict__["hits"] = len(hit)
    found.__dict__["span"] = hit[-1] - hit[0] + 1 if hit else 0
    return found


def _candidates(days: np.ndarray) -> list[str]:
    gaps = np.diff(np.unique(days))
    gaps = gaps[gaps > 2]
    if len(gaps) == 0:
        return []
    g = float(median(gaps))
    found = []
    if 5 <= g <= 9:
        found.append("weekly")
    if 11 <= g <= 18:
        found += ["biweekly", "semimonthly"]
    if 20 <= g <= 45:
        found.append("monthly")
    if 70 <= g <= 110:
        found.append("quarterly")
    if 160 <= g <= 200:
        found.append("semiannual")
    if 330 <= g <= 400:
        found.append("annual")
    if not found and g > 45:  # a stream with pauses: the smallest gaps show the period
        small = float(np.min(gaps))
        if 24 <= small <= 38:
            found.append("monthly")
    return found


def _anchors(cadence: str, days: np.ndarray) -> list[tuple]:
    if cadence in ("weekly", "biweekly"):
        return [("days", int(o)) for o in np.unique(days)[:8]]
    dom = _day_of_month(days)
    choices = sorted(set(dom.tolist()) | {31})
    if cadence == "semimonthly":
        # Halves of the month (1st/15th, 5th/20th): closer pairs are two monthly plans.
        pairs = [(a, b) for a in choices for b in choices if 13 <= b - a <= 17]
        return [("semi", a, b) for a, b in pairs]
    first = int(_month_index(days[:1])[0])
    return [("month", d, first + shift) for d in choices for shift in (-1, 0, 1)
            if MONTHS[cadence] > 1 or shift == 0]


def fit(days: np.ndarray, extra: np.ndarray | None = None,
        cadences: list[str] | None = None, cents: np.ndarray | None = None) -> Fit | None:
    """The best-scoring hypothesis for sorted day numbers, valid or not (None: no candidate)."""
    if len(days) < 2:
        return None
    extra = np.zeros(len(days), dtype="int64") if extra is None else extra
    best: Fit | None = None
    best_rank: tuple = ()
    for cadence in cadences or _candidates(days):
        for anchor in _anchors(cadence, days):
            trial = evaluate(cadence, anchor, days, extra, cents)
            rank = _rank(trial)
            if best is None or rank < best_rank:
                best, best_rank = trial, rank
    return best


def _rank(f: Fit) -> tuple:
    return (not f.valid(2), *f.quality())


def one_period_after(day: int, cadence: str) -> date:
    """The same day one period later (month ends clamped): the next charge of a plan
    whose billing day was moved to ``day`` (an upgrade)."""
    if cadence in MONTHS:
        month = _month_index(np.array([day]))[0] + MONTHS[cadence]
        dom = int(_day_of_month(np.array([day]))[0])
        return EPOCH + timedelta(days=int(_clamped(np.array([month]), dom)[0]))
    return EPOCH + timedelta(days=round(day + PERIOD_DAYS[cadence]))


def describe_anchor(f: Fit, lang: str = "zh") -> str:
    """The rule in words: 每月最后一天 / on the 15th of each month / every 14 days."""
    kind = f.anchor[0]
    if kind == "days":
        weekday = (EPOCH + timedelta(days=round(f.anchor[1]))).weekday()
        zh_days = "一二三四五六日"[weekday]
        en_days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                   "Sunday")[weekday]
        n = int(PERIOD_DAYS[f.cadence])
        return f"每{n}天（周{zh_days}）" if lang == "zh" else f"every {n} days ({en_days})"
    if kind == "semi":
        a, b = f.anchor[1], f.anchor[2]
        return f"每月{a}日和{b}日" if lang == "zh" else f"on the {a} and {b} of each month"
    day = f.anchor[1]
    unit_zh = {"monthly": "每月", "quarterly": "每季度", "semiannual": "每半年",
               "annual": "每年"}[f.cadence]
    unit_en = {"monthly": "each month", "quarterly": "every 3 months",
               "semiannual": "every 6 months", "annual": "each year"}[f.cadence]
    if f.cadence in ("annual", "semiannual", "quarterly"):
        month = int(f.anchor[2]) % 12 + 1
        if f.cadence == "annual":
            return (f"每年{month}月{day}日" if lang == "zh"
                    else f"each year on {month:02d}-{day:02d}")
    if day >= 31:
        return f"{unit_zh}最后一天" if lang == "zh" else f"on the last day of {unit_en}"
    if day >= 29:
        return (f"{unit_zh}{day}日（小月为月末）" if lang == "zh"
                else f"on day {day} {unit_en} (month end in shorter months)")
    return f"{unit_zh}{day}日" if lang == "zh" else f"on day {day} {unit_en}"
