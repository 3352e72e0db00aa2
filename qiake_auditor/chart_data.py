"""What a chart shows, worked out without matplotlib: small, plain, picklable data.

The window draws its charts in a child process (:mod:`qiake_auditor.chart_server`), so
that matplotlib never runs beside the window's own Python. Reading a case (its charges,
its money per day) stays in the window's process; what crosses to the child is one of
the data classes here, a few thousand points at most. Their ``draw(figure)`` fills a
matplotlib figure (:mod:`qiake_auditor.case_charts`, imported only then), the same
whether the child draws or the window does (to save a chart as PNG, SVG or PDF).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

CASE_CHART_KINDS = ("timeline", "monthly", "cumulative", "price")
EACH = 400  # charges up to which a case's chart draws each one on its own


@dataclass(frozen=True)
class Point:
    """Charges alike in everything a chart shows (day, amount, stream, after the
    cancellation or not), drawn once: ``count`` of them."""

    date: date
    amount: Decimal
    after_cancellation: bool
    stream_id: str
    count: int


@dataclass(frozen=True)
class CasePoints:
    """One chart of a case (``kind``, one of :data:`CASE_CHART_KINDS`), in one currency."""

    kind: str
    currency: str
    rows: tuple[Point, ...]  # in date order
    cancelled_on: date | None = None
    title: str = ""
    lang: str | None = None
    missed: tuple[date, ...] = ()  # days the schedule expected a charge and none came

    def draw(self, figure: Any) -> Any:
        from .case_charts import draw_case

        return draw_case(self, figure)


@dataclass(frozen=True)
class Layer:
    """One case's money per month (``YYYY-MM``), and how much of it came after the
    cancellation, in the chart's currency."""

    label: str
    per_month: tuple[tuple[str, Decimal], ...]
    after_month: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True)
class MonthlyLayers:
    """The monthly deductions of many cases, one layer each, most money first."""

    currency: str
    layers: tuple[Layer, ...]
    lang: str | None = None
    top: int = 8  # layers drawn on their own; the rest become one "other cases" layer

    def draw(self, figure: Any) -> Any:
        from .case_charts import draw_monthly

        return draw_monthly(self, figure)


ChartData = CasePoints | MonthlyLayers


def case_points(
    charges: Sequence,
    kind: str = "timeline",
    cancelled_on: date | None = None,
    title: str = "",
    currency: str | None = None,
    lang: str | None = None,
    missed: Sequence[date] = (),
    day_totals: Sequence | None = None,
) -> CasePoints:
    """One chart of a case's charges (objects with ``date``, ``amount``, ``currency``,
    ``after_cancellation``, ``stream_id``), in one currency (the first in name order
    unless ``currency`` is given).

    ``day_totals``: the same charges summed per day (``Case.day_totals``): a large case's
    timeline, monthly and cumulative charts are made from them without reading each
    of its charges.
    """
    if kind not in CASE_CHART_KINDS:
        raise ValueError(f"unknown chart kind {kind!r}")
    large = day_totals is not None and len(charges) > EACH and kind != "price"
    summed = day_totals if large else None
    currencies = sorted({c.currency for c in (summed if summed is not None else charges)})
    currency = currency or (currencies[0] if currencies else "CNY")
    if summed is not None:
        rows = [
            Point(d.date, d.amount, d.after_cancellation, "", count=1)
            for d in summed
            if d.currency == currency
        ]
    else:
        rows = _points([c for c in charges if c.currency == currency], by_day=kind != "price")
    return CasePoints(kind, currency, tuple(rows), cancelled_on, title, lang, tuple(missed))


def _points(charges: Sequence, by_day: bool) -> list[Point]:
    """A case's charges as chart points in date order: one per charge for a small case.

    A large one (100,000 charges) is merged into a few thousand points, built and
    drawn in a fraction of a second: ``by_day`` sums each day's money before and after
    the cancellation (all the timeline, monthly and cumulative charts show); otherwise
    alike charges (day, amount, stream) become one point with their count.
    """
    if len(charges) <= EACH:  # every charge its own bar, as the statement lists them
        keys = [
            (c.date, c.amount, bool(c.after_cancellation), str(c.stream_id or "")) for c in charges
        ]
        return [Point(*key, count=1) for key in sorted(keys, key=lambda key: key[0])]
    if by_day:
        money: dict[tuple[date, bool], Decimal] = defaultdict(Decimal)
        for c in charges:
            money[c.date, bool(c.after_cancellation)] += c.amount
        return [
            Point(day, total, late, "", count=1) for (day, late), total in sorted(money.items())
        ]
    alike = Counter(
        (c.date, c.amount, bool(c.after_cancellation), str(c.stream_id or "")) for c in charges
    )
    return [Point(*key, count=n) for key, n in sorted(alike.items(), key=lambda kn: kn[0][0])]


def monthly_layers(cases: Sequence, lang: str | None = None, top: int = 8) -> MonthlyLayers:
    """The money ``cases`` took per month, one layer per case, in the currency most of
    their charges are in; charges after a recorded cancellation are counted apart."""
    days_of = [(case, _day_totals(case)) for case in cases]
    counted: Counter[str] = Counter()
    for _, days in days_of:
        for d in days:
            counted[d.currency] += d.count
    currency = counted.most_common(1)[0][0] if counted else "CNY"
    layers = []
    for case, days in days_of:
        per: dict[str, Decimal] = defaultdict(Decimal)
        after: dict[str, Decimal] = defaultdict(Decimal)
        for d in days:
            if d.currency == currency:
                month = f"{d.date.year:04d}-{d.date.month:02d}"
                per[month] += d.amount
                if d.after_cancellation:
                    after[month] += d.amount
        if per:
            layers.append(
                (-sum(per.values()), Layer(str(case.merchant), _sorted(per), _sorted(after)))
            )
    layers.sort(key=lambda pair: pair[0])  # most money first; ties keep the cases' order
    return MonthlyLayers(currency, tuple(layer for _, layer in layers), lang, top)


def _sorted(money: dict[str, Decimal]) -> tuple[tuple[str, Decimal], ...]:
    return tuple(sorted(money.items()))


def _day_totals(case) -> Sequence:
    """A case's charges summed per day: the app's cases keep them (``Case.day_totals``,
    summed from the ledger's columns for a large case); others are summed here."""
    from .app.charge_table import day_totals_of

    days = getattr(case, "day_totals", None)
    return days if days is not None else day_totals_of(case.charges)
