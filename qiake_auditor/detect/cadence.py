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

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from .small import median

EPOCH = date(1970, 1, 1)

PERIOD_DAYS = {
    "weekly": 7.0,
    "biweekly": 14.0,
    "semimonthly": 15.22,
    "monthly": 30.44,
    "monthly_weekday": 30.44,
    "bimonthly": 60.88,
    "quarterly": 91.31,
    "fourmonthly": 121.75,
    "semiannual": 182.62,
    "annual": 365.25,
}
TOLERANCE = {
    "weekly": 1,
    "biweekly": 2,
    "semimonthly": 2,
    "monthly": 3,
    "monthly_weekday": 3,
    "bimonthly": 6,
    "quarterly": 10,
    "fourmonthly": 12,
    "semiannual": 15,
    "annual": 20,
}
MONTHS = {
    "monthly": 1,
    "monthly_weekday": 1,
    "bimonthly": 2,
    "quarterly": 3,
    "fourmonthly": 4,
    "semiannual": 6,
    "annual": 12,
}
# Fewest hits before a cadence counts as confirmed (annual renewals are sparse by nature).
MIN_HITS = {
    "weekly": 3,
    "biweekly": 3,
    "semimonthly": 3,
    "monthly": 3,
    "monthly_weekday": 3,
    "bimonthly": 3,
    "quarterly": 2,
    "fourmonthly": 2,
    "semiannual": 2,
    "annual": 2,
}
# Anchors: ("days", origin) | ("month", day, origin_month[, WORKDAY]) |
# ("weekday", n, weekday, origin_month) (n = 1..4, -1 = the last) | ("semi", d1, d2).
WORKDAY = "workday"  # a scheduled day off work moves to the next working day
MIN_COVERAGE = 0.6  # hits / slots spanned: a pause of a few cycles is fine, noise is not


@dataclass
class Fit:
    """One cadence hypothesis applied to sorted day numbers (days since 1970-01-01)."""

    cadence: str
    anchor: tuple  # see the anchors above
    days: np.ndarray
    slots: np.ndarray
    residuals: np.ndarray
    inlier: np.ndarray
    duplicate: np.ndarray  # a second charge on the same slot within two days
    conflicts: int  # two different charges in one slot (a second subscription)
    hits: int  # distinct slots holding an inlier charge
    span: int  # slots from the first to the last hit
    missed: list[int] = field(default_factory=list)

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
        return (
            self.conflicts == 0
            and self.hits >= need
            and self.coverage >= MIN_COVERAGE
            and self.outliers <= len(self.days) // 5
        )

    def quality(self) -> tuple:
        """Sort key: lower is better."""
        # Plain Python on the few residuals (small whole days: the means are exact).
        distances = np.abs(self.residuals[self.inlier]).tolist()
        spread = sum(distances) / len(distances) if distances else 9.0
        recent = sum(distances[-2:]) / len(distances[-2:]) if distances else 9
        return (
            self.outliers + self.conflicts,
            len(self.missed),
            (spread + 0.5 * recent) / self.tolerance,
        )

    def expected(self, slot: int) -> date:
        return EPOCH + timedelta(
            days=int(_expected(self.cadence, self.anchor, np.array([slot]))[0])
        )

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
_MONTH_START = (
    np.arange(_TABLE_MONTHS + 1).astype("datetime64[M]").astype("datetime64[D]").astype("int64")
)
_MONTH_OF_DAY = np.repeat(np.arange(_TABLE_MONTHS), np.diff(_MONTH_START))


def _working_days() -> np.ndarray:
    """Day numbers of the working days in the table: Monday-Friday, minus mainland
    China's public holidays, plus the adjusted working days (调休) on weekends, as
    published by the State Council and kept in the ``chinese_calendar`` package
    (years it does not cover yet fall back to plain weekends)."""
    import chinese_calendar

    every = np.arange(len(_MONTH_OF_DAY), dtype="int64")
    working = (every + 3) % 7 < 5  # 1970-01-01 was a Thursday
    for when, value in ((chinese_calendar.holidays, False), (chinese_calendar.workdays, True)):
        numbers = np.array([(d - EPOCH).days for d in when], dtype="int64")
        numbers = numbers[(numbers >= 0) & (numbers < len(every))]
        working[numbers] = value
    return every[working]


_WORKING = _working_days()


def next_working(days: np.ndarray) -> np.ndarray:
    """Each day itself if it is a working day, else the next working day."""
    at = np.searchsorted(_WORKING, days)
    inside = at < len(_WORKING)
    return np.where(inside, _WORKING[np.minimum(at, len(_WORKING) - 1)], days)


def is_working(days: np.ndarray) -> np.ndarray:
    return next_working(days) == days


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


def _month_bounds(month: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first day, first day of the next month) of each month index."""
    if len(month) and month.min() >= 0 and month.max() < _TABLE_MONTHS:
        return _MONTH_START[month], _MONTH_START[month + 1]
    return (
        month.astype("datetime64[M]").astype("datetime64[D]").astype("int64"),
        (month + 1).astype("datetime64[M]").astype("datetime64[D]").astype("int64"),
    )


def _nth_weekday(month: np.ndarray, n: int, weekday: int) -> np.ndarray:
    """Day number of the n-th (``-1``: last) ``weekday`` (Monday 0) of each month."""
    start, end = _month_bounds(month)
    if n > 0:
        return start + (weekday - (start + 3) % 7) % 7 + 7 * (n - 1)
    last = end - 1
    return last - ((last + 3) % 7 - weekday) % 7


def _expected(cadence: str, anchor: tuple, slots: np.ndarray) -> np.ndarray:
    if anchor[0] == "days":
        return np.rint(anchor[1] + slots * PERIOD_DAYS[cadence]).astype("int64")
    if anchor[0] == "semi":
        month, half = np.divmod(slots, 2)
        return np.where(half == 0, _clamped(month, anchor[1]), _clamped(month, anchor[2]))
    if anchor[0] == "weekday":
        return _nth_weekday(anchor[3] + slots, anchor[1], anchor[2])
    day = _clamped(anchor[2] + slots * MONTHS[cadence], anchor[1])
    return next_working(day) if len(anchor) > 3 else day


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
        origin = anchor[3] if anchor[0] == "weekday" else anchor[2]
        cand = np.floor_divide(_month_index(days) - origin, k)[:, None] + _AROUND[1]
    exp = _expected(cadence, anchor, cand.ravel()).reshape(cand.shape)
    pick = np.abs(exp - days[:, None]).argmin(axis=1)
    rows = np.arange(len(days))
    return cand[rows, pick], exp[rows, pick]


# -- fitting ---------------------------------------------------------------------------------


def evaluate(
    cadence: str,
    anchor: tuple,
    days: np.ndarray,
    extra: np.ndarray,
    cents: np.ndarray | None = None,
) -> Fit:
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
                100, 0.03 * max(cent_list[i], cent_list[j])
            )
            if day_list[i] - day_list[j] <= 2 and same:
                duplicate[i] = True
            else:
                conflicts += 1
        else:
            seen[slot] = i
    hit = sorted(seen)
    missed = [s for s in range(hit[0], hit[-1] + 1) if s not in seen] if hit else []
    if anchor[0] == "semi" and hit and _ragged(hit):
        conflicts += 1  # two seats of one price on different days: two monthly plans
    # The distinct inlier slots are the keys of ``seen``: no np.unique per hypothesis.
    return Fit(
        cadence,
        anchor,
        days,
        slots,
        residuals,
        inlier,
        duplicate,
        conflicts,
        len(hit),
        hit[-1] - hit[0] + 1 if hit else 0,
        missed,
    )


def _ragged(hit: list[int]) -> bool:
    """Twice a month only when both halves start and stop together: their first hits
    are neighbouring slots, and so are their last ones (one missed half-month at either
    end is one seat starting or ending a month apart: two monthly plans)."""
    first = [s for s in hit if s % 2 == 0]
    second = [s for s in hit if s % 2 == 1]
    if not first or not second:
        return True
    return abs(first[0] - second[0]) > 1 or abs(first[-1] - second[-1]) > 1


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
        if _same_weekday(days):
            found.append("monthly_weekday")
    if 50 <= g <= 72:
        found.append("bimonthly")
    if 75 <= g <= 110:
        found.append("quarterly")
    if 110 <= g <= 140:
        found.append("fourmonthly")
    if 160 <= g <= 200:
        found.append("semiannual")
    if 330 <= g <= 400:
        found.append("annual")
    if not found and g > 45:  # a stream with pauses: the smallest gaps show the period
        small = float(np.min(gaps))
        if 24 <= small <= 38:
            found.append("monthly")
    return found


def _weekday_rank(days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(weekday, n-th of that weekday in its month) of each day."""
    return (days + 3) % 7, (_day_of_month(days) - 1) // 7 + 1


def _same_weekday(days: np.ndarray) -> bool:
    """Most charges on one weekday: a schedule like "the second Tuesday" is worth a try."""
    if len(days) < 3:
        return False
    weekday, _ = _weekday_rank(days)
    return np.bincount(weekday, minlength=7).max() >= 0.8 * len(days)


def _anchors(cadence: str, days: np.ndarray) -> list[tuple]:
    if cadence in ("weekly", "biweekly"):
        return [("days", int(o)) for o in np.unique(days)[:8]]
    if cadence == "monthly_weekday":
        weekday, rank = _weekday_rank(days)
        wd = int(np.bincount(weekday, minlength=7).argmax())
        ranks = sorted(set(rank[weekday == wd].tolist()) - {5})
        last = bool(
            (_day_of_month(days) + 7 > _day_of_month(_clamped(_month_index(days), 31))).all()
        )
        first = int(_month_index(days[:1])[0])
        return [("weekday", n, wd, first) for n in ranks + ([-1] if last else [])]
    dom = _day_of_month(days)
    choices = sorted(set(dom.tolist()) | {31})
    if cadence == "semimonthly":
        # Halves of the month (1st/15th, 5th/20th): closer pairs are two monthly plans.
        pairs = [(a, b) for a in choices for b in choices if 13 <= b - a <= 17]
        return [("semi", a, b) for a, b in pairs]
    first = int(_month_index(days[:1])[0])
    return [
        ("month", d, first + shift)
        for d in choices
        for shift in (-1, 0, 1)
        if MONTHS[cadence] > 1 or shift == 0
    ]


def fit(
    days: np.ndarray,
    extra: np.ndarray | None = None,
    cadences: list[str] | None = None,
    cents: np.ndarray | None = None,
) -> Fit | None:
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
    if best is not None and best.anchor[0] == "month" and _shifted(best):
        for anchor in _anchors(best.cadence, days):
            trial = evaluate(best.cadence, (*anchor, WORKDAY), days, extra, cents)
            rank = _rank(trial)
            if rank < best_rank:
                best, best_rank = trial, rank
    return best


def _shifted(f: Fit) -> bool:
    """Charges later than their day where that day was not a working day (weekend,
    public holiday): the schedule may follow the working-day calendar."""
    late = f.inlier & (f.residuals > 0)
    if not late.any():
        return False
    due = f.days[late] - f.residuals[late]
    return bool((~is_working(due)).sum() >= max(1, late.sum() // 2))


def _rank(f: Fit) -> tuple:
    return (not f.valid(2), *f.quality())


def one_period_after(day: int, cadence: str) -> date:
    """The same day one period later (month ends clamped): the next charge of a plan
    whose billing day was moved to ``day`` (an upgrade)."""
    if cadence in MONTHS and cadence != "monthly_weekday":
        month = _month_index(np.array([day]))[0] + MONTHS[cadence]
        dom = int(_day_of_month(np.array([day]))[0])
        return EPOCH + timedelta(days=int(_clamped(np.array([month]), dom)[0]))
    return EPOCH + timedelta(days=round(day + PERIOD_DAYS[cadence]))


_UNIT = {
    "monthly": ("每月", "each month"),
    "bimonthly": ("每两个月", "every 2 months"),
    "quarterly": ("每季度", "every 3 months"),
    "fourmonthly": ("每四个月", "every 4 months"),
    "semiannual": ("每半年", "every 6 months"),
    "annual": ("每年", "each year"),
}
_ORDINAL = {
    1: ("第一个", "first"),
    2: ("第二个", "second"),
    3: ("第三个", "third"),
    4: ("第四个", "fourth"),
    -1: ("最后一个", "last"),
}
_WEEKDAYS_ZH = "一二三四五六日"
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def describe_anchor(f: Fit, lang: str = "zh") -> str:
    """The rule in words: 每月最后一天 / on the 15th of each month / every 14 days."""
    text = _describe(f, lang)
    if len(f.anchor) > 3 and f.anchor[-1] == WORKDAY:
        text += (
            "（遇周末或法定节假日顺延至下一个工作日）"
            if lang == "zh"
            else " (moved to the next working day after a weekend or public holiday)"
        )
    return text


def _describe(f: Fit, lang: str) -> str:
    kind = f.anchor[0]
    if kind == "weekday":
        zh, en = _ORDINAL[f.anchor[1]]
        wd = f.anchor[2]
        return (
            f"每月{zh}星期{_WEEKDAYS_ZH[wd]}"
            if lang == "zh"
            else f"on the {en} {_WEEKDAYS_EN[wd]} of each month"
        )
    if kind == "days":
        weekday = (EPOCH + timedelta(days=round(f.anchor[1]))).weekday()
        zh_days = _WEEKDAYS_ZH[weekday]
        en_days = _WEEKDAYS_EN[weekday]
        n = int(PERIOD_DAYS[f.cadence])
        return f"每{n}天（周{zh_days}）" if lang == "zh" else f"every {n} days ({en_days})"
    if kind == "semi":
        a, b = f.anchor[1], f.anchor[2]
        return f"每月{a}日和{b}日" if lang == "zh" else f"on the {a} and {b} of each month"
    day = f.anchor[1]
    unit_zh, unit_en = _UNIT[f.cadence]
    if f.cadence == "annual":
        month = int(f.anchor[2]) % 12 + 1
        return f"每年{month}月{day}日" if lang == "zh" else f"each year on {month:02d}-{day:02d}"
    if day >= 31:
        return f"{unit_zh}最后一天" if lang == "zh" else f"on the last day of {unit_en}"
    if day >= 29:
        return (
            f"{unit_zh}{day}日（小月为月末）"
            if lang == "zh"
            else f"on day {day} {unit_en} (month end in shorter months)"
        )
    return f"{unit_zh}{day}日" if lang == "zh" else f"on day {day} {unit_en}"
