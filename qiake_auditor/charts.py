"""Charts of detected streams, built from the scan dict with matplotlib (no Qt, no pyplot).

The GUI embeds these figures in a canvas; the headless demo and the evidence
package save them as PNG/SVG/PDF. Every bar is one ledger row (a charge of a stream),
so each drawn number can be traced to ``source`` + ``source_row``. The charts of a
case (all the charges of one company) are in :mod:`qiake_auditor.case_charts`.

Each chart takes ``lang``: "zh" or "en" draws every word in that language (the
window's, the document's); None draws both, as the headless demo's charts do. The
colours, the CJK font and the words every chart shares are in
:mod:`qiake_auditor.chart_style`.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .chart_style import (
    AFTER_CANCEL_COLOUR,
    PALETTE,
    STATE_COLOURS,
    cjk_family,
    date_axis,
    mark_cancellation,
    say,
)
from .fileio import atomic_path


def _day(text: str) -> date:
    return date.fromisoformat(str(text)[:10])


def _money(text: object) -> Decimal:
    try:
        return Decimal(str(text))
    except ArithmeticError:
        return Decimal(0)


def _after_cancel(charge: dict) -> bool:
    return "after_cancellation" in (charge.get("flags") or [])


def stream_timeline(
    stream: dict,
    cancelled_on: str | None = None,
    figure: Figure | None = None,
    lang: str | None = None,
) -> Figure:
    """Bars per charge date of one stream, coloured by state.

    Price steps show as a stepped line over the bars with the new amount written
    at each change; the cancellation date is a dashed vertical line and charges
    after it are red.
    """
    cjk_family()
    figure = figure or Figure(figsize=(8, 3.6), layout="constrained")
    figure.clear()
    axes = figure.add_subplot()
    charges = sorted(stream.get("charges") or [], key=lambda c: str(c.get("date", "")))
    currency = stream.get("currency") or "CNY"
    title = f"{stream.get('merchant', '')}  ·  {_cadence_label(stream.get('cadence'), lang)}"
    axes.set_title(title, fontsize=11, loc="left")
    axes.set_ylabel(say("amount", lang, currency=currency))
    if not charges:
        axes.text(
            0.5, 0.5, say("no_charges", lang), ha="center", va="center", transform=axes.transAxes
        )
        axes.set_xticks([])
        return figure
    days = [_day(c["date"]) for c in charges]
    amounts = [float(_money(c.get("amount"))) for c in charges]
    colours = [
        AFTER_CANCEL_COLOUR
        if _after_cancel(c)
        else STATE_COLOURS.get(c.get("state", ""), "#3b6fb6")
        for c in charges
    ]
    span = (max(days) - min(days)).days
    width = max(1.5, min(12.0, span / max(len(days), 1) * 0.45)) if span else 6.0
    axes.bar(
        days,  # type: ignore[arg-type]  # dates: matplotlib's units, not in its stubs
        amounts,
        width=width,
        color=colours,
        edgecolor="#333333",
        linewidth=0.4,
        zorder=2,
    )
    _draw_price_steps(axes, charges, days, amounts)
    handles = _legend_handles(charges, lang)
    if cancelled_on:
        when = _day(cancelled_on)
        mark_cancellation(axes, when, lang)
        low, high = min(*days, when), max(*days, when)
    else:
        low, high = min(days), max(days)
    pad = timedelta(days=max(12, (high - low).days // 12))
    axes.set_xlim(low - pad, high + pad)  # type: ignore[arg-type]
    axes.set_ylim(0, max(amounts) * 1.25 if max(amounts) > 0 else 1)
    date_axis(axes, lang)
    axes.grid(axis="y", color="#e5e5e5", zorder=0)
    axes.spines[["top", "right"]].set_visible(False)
    if handles:  # below the axes, so it never hides a bar or the cancellation label
        figure.legend(
            handles=handles,
            fontsize=8,
            loc="outside lower center",
            frameon=False,
            ncols=min(len(handles), 4),
        )
    return figure


def _draw_price_steps(
    axes, charges: Sequence[dict], days: list[date], amounts: list[float]
) -> None:
    """A stepped line through the charged amounts, labelled where the price changes."""
    paid = [
        (d, a)
        for c, d, a in zip(charges, days, amounts, strict=True)
        if c.get("state") in ("success", "pending", "partially_refunded", "refunded")
    ]
    if len(paid) < 2:
        return
    axes.step(
        [d for d, _ in paid],
        [a for _, a in paid],
        where="post",
        color="#555555",
        linewidth=1.0,
        zorder=3,
    )
    previous = None
    for when, amount in paid:
        if previous is None or amount != previous:
            axes.annotate(
                f"{amount:,.2f}",
                xy=(when, amount),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                fontsize=8,
                zorder=4,
            )
        previous = amount


def _legend_handles(charges: Iterable[dict], lang: str | None = None) -> list[Patch]:
    states = []
    after = False
    for charge in charges:
        if _after_cancel(charge):
            after = True
        elif charge.get("state") not in states:
            states.append(charge.get("state"))
    handles = [
        Patch(color=STATE_COLOURS.get(str(s), "#3b6fb6"), label=_state_label(s, lang))
        for s in states
    ]
    if after:
        handles.append(Patch(color=AFTER_CANCEL_COLOUR, label=say("after_cancellation", lang)))
    return handles


def monthly_totals(stream: dict) -> dict[str, Decimal]:
    """Money charged per month (``YYYY-MM``) by one stream: successful charges minus refunds."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for charge in stream.get("charges") or []:
        state = charge.get("state")
        month = str(charge.get("date", ""))[:7]
        if state in ("success", "pending", "partially_refunded"):
            totals[month] += _money(charge.get("amount"))
        elif state == "refund":
            totals[month] -= _money(charge.get("amount"))
    return dict(totals)


def overview(
    scan: dict, top: int = 8, figure: Figure | None = None, lang: str | None = None
) -> Figure:
    """Monthly spend per stream, stacked, for the ``top`` spending streams by net total.

    Income streams (a salary) are left out: this chart is about money going out.
    """
    cjk_family()
    figure = figure or Figure(figsize=(9, 4.2), layout="constrained")
    figure.clear()
    axes = figure.add_subplot()
    axes.set_title(say("overview_title", lang), fontsize=11, loc="left")
    streams = sorted(scan.get("streams") or [], key=lambda s: -_money(s.get("net_total")))
    streams = [s for s in streams if s.get("charges") and not _is_income(s)][:top]
    per_stream = [monthly_totals(s) for s in streams]
    months = sorted({m for totals in per_stream for m in totals if m})
    if not months:
        axes.text(
            0.5,
            0.5,
            say("no_streams", lang),
            ha="center",
            va="center",
            transform=axes.transAxes,
        )
        axes.set_xticks([])
        axes.set_yticks([])
        return figure
    positions = list(range(len(months)))
    bottom = [0.0] * len(months)
    for index, (stream, totals) in enumerate(zip(streams, per_stream, strict=True)):
        values = [float(totals.get(m, Decimal(0))) for m in months]
        colour = (
            AFTER_CANCEL_COLOUR
            if "after_cancellation" in (stream.get("flags") or [])
            else PALETTE[index % len(PALETTE)]
        )
        label = f"{stream.get('merchant', '')} ({stream.get('currency') or 'CNY'})"
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
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    step = max(1, -(-len(months) // 9))  # at most nine labels, so they never overlap
    axes.set_xticks(positions[::step], months[::step], rotation=0, fontsize=8)
    axes.set_ylabel(say("amount_plain", lang))
    axes.grid(axis="y", color="#e5e5e5", zorder=0)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return figure


def _is_income(stream: dict) -> bool:
    return stream.get("direction") == "income" or stream.get("type") == "income"


def _cadence_label(cadence: object, lang: str | None = None) -> str:
    key = f"cadence.{cadence}"
    return say(key, lang) if f"chart.{key}" in _known() else str(cadence or "")


def _state_label(state: object, lang: str | None = None) -> str:
    key = f"state.{state}"
    return say(key, lang) if f"chart.{key}" in _known() else str(state or "")


def _known() -> set[str]:
    from .i18n.chart_labels import CHART_MESSAGES

    return set(CHART_MESSAGES)


def save(figure: Figure, path: Path | str, dpi: int = 110) -> Path:
    """Write a figure as PNG, SVG or PDF (by suffix), atomically."""
    path = Path(path)
    with atomic_path(path) as temporary, warnings.catch_warnings():
        if cjk_family() is None:  # no CJK font on this machine: boxes, but no noise
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure.savefig(temporary, format=path.suffix.lstrip(".").lower() or "png", dpi=dpi)
    return path


def figure_bytes(figure: Figure, fmt: str, dpi: int = 150) -> bytes:
    """A figure as PNG / SVG / PDF bytes (for a package, without touching the disk)."""
    import io

    out = io.BytesIO()
    # a fixed salt: the SVG's element ids, hence its bytes, are the same on every run
    with warnings.catch_warnings(), matplotlib.rc_context({"svg.hashsalt": "qiake-auditor"}):
        if cjk_family() is None:
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure.savefig(out, format=fmt, dpi=dpi, metadata=_fixed_metadata(fmt))
    return out.getvalue()


def _fixed_metadata(fmt: str) -> dict:
    """No creation date in the file: the same chart gives the same bytes."""
    if fmt == "svg":
        return {"Date": None}
    if fmt == "pdf":
        return {"CreationDate": None}
    return {}


# The charts of a case live in their own module; these names stay importable from here.
from .case_charts import CASE_CHART_KINDS, case_chart, cases_monthly  # noqa: E402

__all__ = [
    "AFTER_CANCEL_COLOUR",
    "CASE_CHART_KINDS",
    "PALETTE",
    "STATE_COLOURS",
    "case_chart",
    "cases_monthly",
    "cjk_family",
    "date_axis",
    "figure_bytes",
    "monthly_totals",
    "overview",
    "save",
    "say",
    "stream_timeline",
]
