"""Charts of a case (every charge of one company), for the window, the report and `chart`.

:func:`case_chart` draws one case's charges (each charge, per month, cumulative, price
per charge); :func:`cases_monthly` stacks the monthly deductions of many cases, one
colour and one legend entry per case. What each shows is worked out first, without
matplotlib (:mod:`qiake_auditor.chart_data`); :func:`draw_case` and :func:`draw_monthly`
draw it (in the window, in a child process). Charges are the app layer's
:class:`~qiake_auditor.app.Charge` objects (``date``, ``amount``, ``currency``,
``state``, ``after_cancellation``, ``stream_id``); money is summed exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .chart_data import (
    CASE_CHART_KINDS,
    CasePoints,
    MonthlyLayers,
    case_points,
    monthly_layers,
)
from .chart_style import (
    AFTER_CANCEL_COLOUR,
    PALETTE,
    STATE_COLOURS,
    cjk_family,
    date_axis,
    mark_cancellation,
    say,
)

OTHERS_COLOUR = "#b0b0b0"
MISSED_COLOUR = "#555555"  # a day the schedule expected a charge and none came

__all__ = ["CASE_CHART_KINDS", "case_chart", "cases_monthly", "draw_case", "draw_monthly"]


def case_chart(
    charges: Sequence,
    kind: str = "timeline",
    cancelled_on: date | None = None,
    title: str = "",
    currency: str | None = None,
    figure: Figure | None = None,
    lang: str | None = None,
    missed: Sequence[date] = (),
    day_totals: Sequence | None = None,
) -> Figure:
    """One chart of a case's charges (objects with ``date``, ``amount``, ``currency``,
    ``after_cancellation``, ``stream_id``), in one currency: :func:`draw_case` of their
    :func:`~qiake_auditor.chart_data.case_points` (which says what ``day_totals`` is for).

    ``timeline``: a bar per charge, red after the cancellation, and a mark on each day
    in ``missed`` (the schedule expected a charge, none came); ``monthly``: money per
    month; ``cumulative``: running total with the cancellation marked; ``price``: the
    amount of each charge per stream, showing price steps.
    """
    points = case_points(
        charges, kind, cancelled_on, title, currency, lang, missed, day_totals=day_totals
    )
    return draw_case(points, figure)


def draw_case(points: CasePoints, figure: Figure | None = None) -> Figure:
    """Draw one chart of a case from its points (see :func:`case_chart`)."""
    kind, currency, rows, lang = points.kind, points.currency, points.rows, points.lang
    cancelled_on, title, missed = points.cancelled_on, points.title, list(points.missed)
    cjk_family()
    figure = figure or Figure(figsize=(8, 3.4), layout="constrained")
    figure.clear()
    axes = figure.add_subplot()
    name = say(f"kind.{kind}", lang)
    axes.set_title(f"{title}  ·  {name}" if title else name, fontsize=10, loc="left")
    axes.set_ylabel(say("amount", lang, currency=currency))
    axes.grid(axis="y", color="#e5e5e5", zorder=0)
    axes.spines[["top", "right"]].set_visible(False)
    if not rows:
        axes.text(
            0.5, 0.5, say("no_charges", lang), ha="center", va="center", transform=axes.transAxes
        )
        axes.set_xticks([])
        return figure
    days: list[Any] = [c.date for c in rows]  # matplotlib's stubs know no dates
    amounts = [float(c.amount * c.count) for c in rows]
    if kind == "timeline":
        colours = [
            AFTER_CANCEL_COLOUR if c.after_cancellation else STATE_COLOURS["success"] for c in rows
        ]
        span = (max(days) - min(days)).days
        if len(rows) > 400:  # one line per day (charges of a day summed), in one collection
            lines = _per_day(rows)
            # rasterised: in an SVG, thousands of lines become one embedded image
            axes.vlines(
                [d for d, _, _ in lines],  # type: ignore[arg-type]
                0,
                [a for _, a, _ in lines],
                colors=[
                    AFTER_CANCEL_COLOUR if late else STATE_COLOURS["success"] for *_, late in lines
                ],
                linewidth=0.6,
                zorder=2,
                rasterized=True,
            )
        else:
            width = max(1.5, min(12.0, span / max(len(days), 1) * 0.45)) if span else 6.0
            axes.bar(
                days,
                amounts,
                width=width,
                color=colours,
                edgecolor="#333333",
                linewidth=0.3,
                zorder=2,
            )
        missed = [d for d in missed if min(days) <= d <= max(days)]
        if missed:
            axes.scatter(
                missed,  # type: ignore[arg-type]
                [0.0] * len(missed),
                marker="x",
                s=28,
                color=MISSED_COLOUR,
                zorder=4,
                clip_on=False,
            )
    elif kind == "monthly":
        per: dict[str, Decimal] = defaultdict(Decimal)
        after: dict[str, bool] = defaultdict(bool)
        for charge in rows:
            month = charge.date.strftime("%Y-%m")
            per[month] += charge.amount * charge.count
            after[month] |= bool(charge.after_cancellation)
        months = _month_range(min(days), max(days))
        positions = list(range(len(months)))
        axes.bar(
            positions,
            [float(per.get(m, 0)) for m in months],
            zorder=2,
            color=[
                AFTER_CANCEL_COLOUR if after.get(m) else STATE_COLOURS["success"] for m in months
            ],
        )
        step = max(1, -(-len(months) // 9))
        axes.set_xticks(positions[::step], months[::step], fontsize=8)
        cancelled_on = None  # positions are months, not dates: the colour tells it
    elif kind == "cumulative":
        running, total = [], Decimal(0)
        for charge in rows:
            total += charge.amount * charge.count
            running.append(float(total))
        axes.step(days, running, where="post", color=STATE_COLOURS["success"], zorder=2)
        axes.fill_between(days, running, step="post", alpha=0.15, color=STATE_COLOURS["success"])
        axes.annotate(
            f"{running[-1]:,.2f}",
            xy=(days[-1], running[-1]),
            xytext=(-4, 4),
            textcoords="offset points",
            ha="right",
            fontsize=8,
        )
    else:  # price
        streams: dict[str, list] = defaultdict(list)
        for charge in rows:
            streams[str(charge.stream_id or "")].append(charge)
        for index, (_, members) in enumerate(streams.items()):
            colour = PALETTE[index % len(PALETTE)]
            axes.step(
                [c.date for c in members],
                [float(c.amount) for c in members],
                where="post",
                color=colour,
                zorder=2,
            )
            axes.scatter(
                [c.date for c in members],
                [float(c.amount) for c in members],
                s=14,
                zorder=3,
                color=[AFTER_CANCEL_COLOUR if c.after_cancellation else colour for c in members],
            )
    if kind != "monthly":
        if cancelled_on:
            mark_cancellation(axes, cancelled_on, lang, linewidth=1.1)
        low = min(*days, cancelled_on) if cancelled_on else min(days)
        high = max(*days, cancelled_on) if cancelled_on else max(days)
        pad = timedelta(days=max(12, (high - low).days // 12))
        axes.set_xlim(low - pad, high + pad)
        date_axis(axes, lang)
    axes.set_ylim(0, axes.get_ylim()[1] * 1.15)  # room for the cancellation label
    handles: list = []
    if any(c.after_cancellation for c in rows):
        handles += [
            Patch(color=STATE_COLOURS["success"], label=say("charge", lang)),
            Patch(color=AFTER_CANCEL_COLOUR, label=say("after_cancellation", lang)),
        ]
    if kind == "timeline" and missed:
        handles.append(
            Line2D([], [], marker="x", linestyle="", color=MISSED_COLOUR, label=say("missed", lang))
        )
    if handles:
        figure.legend(
            handles=handles,
            fontsize=8,
            loc="outside lower center",
            frameon=False,
            ncols=len(handles),
        )
    return figure


def _per_day(rows: Sequence) -> list[tuple[date, float, bool]]:
    """(day, money that day, any of it after the cancellation), in date order: a case of
    100,000 charges draws as a few thousand lines, and looks the same."""
    money: dict[date, Decimal] = defaultdict(Decimal)
    late: dict[date, bool] = defaultdict(bool)
    for charge in rows:
        money[charge.date] += charge.amount * charge.count
        late[charge.date] |= bool(charge.after_cancellation)
    return [(day, float(total), late[day]) for day, total in sorted(money.items())]


def _month_range(first: date, last: date) -> list[str]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def cases_monthly(
    cases: Sequence,
    lang: str | None = None,
    top: int = 8,
    figure: Figure | None = None,
) -> Figure:
    """Money taken per month, stacked by case: one colour and one legend entry per case.

    The ``top`` cases that took most are drawn on their own, the rest as one "other
    cases" layer; charges after a recorded cancellation are hatched in red within
    their case's colour. One currency (the one most charges are in) per chart.
    """
    return draw_monthly(monthly_layers(cases, lang, top), figure)


def draw_monthly(data: MonthlyLayers, figure: Figure | None = None) -> Figure:
    """Draw the cases' monthly deductions from their layers (see :func:`cases_monthly`)."""
    currency, lang, top = data.currency, data.lang, data.top
    cjk_family()
    figure = figure or Figure(figsize=(9, 4.2), layout="constrained")
    figure.clear()
    axes = figure.add_subplot()
    axes.set_title(say("by_case_title", lang, currency=currency), fontsize=11, loc="left")
    layers = [
        (layer.label, dict(layer.per_month), dict(layer.after_month)) for layer in data.layers
    ]
    if not layers:
        axes.text(
            0.5, 0.5, say("no_streams", lang), ha="center", va="center", transform=axes.transAxes
        )
        axes.set_xticks([])
        axes.set_yticks([])
        return figure
    others = len(layers) > top
    if others:
        rest = layers[top - 1 :]
        merged: dict[str, Decimal] = defaultdict(Decimal)
        merged_after: dict[str, Decimal] = defaultdict(Decimal)
        for _, per, after in rest:
            for month, value in per.items():
                merged[month] += value
            for month, value in after.items():
                merged_after[month] += value
        label = say("other_cases", lang, count=len(rest))
        layers = [*layers[: top - 1], (label, merged, merged_after)]
    first = min(min(per) for _, per, _ in layers)
    last = max(max(per) for _, per, _ in layers)
    months = _month_range(date.fromisoformat(first + "-01"), date.fromisoformat(last + "-01"))
    positions = list(range(len(months)))
    bottom = [0.0] * len(months)
    any_after = False
    for index, (label, per, after) in enumerate(layers):
        last_layer = index == len(layers) - 1
        colour = OTHERS_COLOUR if others and last_layer else PALETTE[index % len(PALETTE)]
        values = [float(per.get(m, Decimal(0))) for m in months]
        axes.bar(
            positions,
            values,
            bottom=bottom,
            color=colour,
            label=label,
            zorder=2,
            edgecolor="white",
            linewidth=0.5,
        )
        late = [float(after.get(m, Decimal(0))) for m in months]
        if any(late):
            any_after = True
            # the part after the cancellation: the top of this case's segment, hatched red
            base = [b + v - a for b, v, a in zip(bottom, values, late, strict=True)]
            axes.bar(
                positions,
                late,
                bottom=base,
                color="none",
                hatch="////",
                edgecolor=AFTER_CANCEL_COLOUR,
                linewidth=0.0,
                zorder=3,
            )
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    step = max(1, -(-len(months) // 9))  # at most nine labels, so they never overlap
    axes.set_xticks(positions[::step], months[::step], rotation=0, fontsize=8)
    axes.set_ylabel(say("amount", lang, currency=currency))
    axes.grid(axis="y", color="#e5e5e5", zorder=0)
    axes.spines[["top", "right"]].set_visible(False)
    handles, labels = axes.get_legend_handles_labels()
    if any_after:
        handles.append(
            Patch(
                facecolor="white",
                edgecolor=AFTER_CANCEL_COLOUR,
                hatch="////",
                label=say("after_cancellation", lang),
            )
        )
        labels.append(say("after_cancellation", lang))
    axes.legend(
        handles, labels, fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0)
    )
    return figure
