"""Assemble a draft into a stream: occurrences, retries, refunds, price history, status.

Positions are row positions in the prepared frame, so every number of a stream can
be traced to its ledger rows.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from . import cadence as cad
from .columns import ScanRows
from .pieces import Draft
from .small import median


def counted(count: int, noun: str) -> str:
    """'1 cycle', '2 cycles': English explanations count in the singular and the plural."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


RETRY_DAYS = 21  # dunning retries run for up to three weeks (a grace period)


@dataclass
class Segment:
    """Consecutive charges at one price level."""

    start: int  # frame position of its first charge
    cents: int  # typical amount
    count: int
    low: int
    high: int


@dataclass
class Stream:
    key: str
    currency: str
    direction: str
    cadence: str
    fit: cad.Fit | None
    members: list[int]  # successful charges, by date
    variable: bool = False
    keyword: bool = False
    intro: list[int] = field(default_factory=list)
    proration: list[int] = field(default_factory=list)
    absorbed: list[int] = field(default_factory=list)
    reanchor: int | None = None  # trailing proration: renewals move to its day
    duplicates: list[int] = field(default_factory=list)
    unusual: list[int] = field(default_factory=list)
    # a charge of several periods at once: position -> (periods, price in force then)
    multiples: dict[int, tuple[int, int]] = field(default_factory=dict)
    retries: dict[int, list[int]] = field(default_factory=dict)  # occurrence -> failed rows
    failed: list[int] = field(default_factory=list)  # failed attempts never retried
    refunds: dict[int, list[int]] = field(default_factory=dict)  # occurrence -> refund rows
    segments: list[Segment] = field(default_factory=list)
    type: str = "subscription"
    status: str = "active"
    next_expected: date | None = None  # never before the as-of date, never once cancelled
    due: date | None = None  # the scheduled charge that has not come by the as-of date
    window: int = 0
    cancel_by: date | None = None
    cancelled_on: date | None = None
    # (first charge on the new rule, old rule, new rule): an upgrade that moved the anchor
    anchor_changes: list[tuple[int, cad.Fit, cad.Fit]] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    charge_flags: dict[int, set[str]] = field(default_factory=dict)
    causes: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # cause, zh, en
    confidence: float = 0.0
    reasons: list[str] = field(default_factory=list)
    id: str = ""

    @property
    def regular(self) -> list[int]:
        """Members that are ordinary cycle charges (no trial, proration or duplicate)."""
        skip = set(self.intro) | set(self.proration) | set(self.duplicates)
        return [p for p in self.members if p not in skip]


@functools.lru_cache(maxsize=1 << 16)
def day_of(n: int) -> date:
    return cad.EPOCH + timedelta(days=int(n))


def build(
    draft: Draft,
    pos: np.ndarray,
    days: np.ndarray,
    cents: np.ndarray,
    extra: np.ndarray,
    key: str,
    currency: str,
    direction: str,
) -> Stream:
    """A stream from a draft of one merchant's charges (arrays in day order)."""
    members = draft.members
    regular = np.sort(np.concatenate([p.members for p in draft.pieces]))
    fit = draft.pieces[-1].fit
    if fit is not None and len(draft.pieces) > 1:
        whole = cad.fit(days[regular], extra[regular], [fit.cadence], cents[regular])
        if whole is not None and whole.valid(2):
            fit = whole
    stream = Stream(
        key,
        currency,
        direction,
        draft.cadence,
        fit,
        [int(pos[i]) for i in members],
        keyword=any(p.keyword for p in draft.pieces),
        intro=[int(pos[i]) for i in draft.intro],
        proration=[int(pos[i]) for i in draft.proration],
    )
    stream.absorbed = [int(pos[i]) for i in draft.absorbed]
    stream.reanchor = None if draft.reanchor is None else int(pos[draft.reanchor])
    for before, after in zip(draft.pieces, draft.pieces[1:], strict=False):
        if (
            fit is draft.pieces[-1].fit
            and before.fit is not None
            and after.fit is not None
            and before.fit.anchor[:2] != after.fit.anchor[:2]
        ):
            stream.anchor_changes.append((int(pos[after.members[0]]), before.fit, after.fit))
    if fit is not None and fit is not draft.pieces[-1].fit:  # refitted over all regular charges
        stream.duplicates = [
            int(pos[regular[i]]) for i in np.flatnonzero(fit.duplicate & fit.inlier)
        ]
    else:
        for piece in draft.pieces:
            stream.duplicates += [int(pos[i]) for i in piece.dups]
    return stream


def price_segments(stream: Stream, cents: np.ndarray) -> None:
    """Split the regular charges into price levels; lone odd charges are 'unusual'.

    A stream whose charges spread over many amount levels is usage-priced
    (``variable``): one segment with a range, no price-change events.
    """
    regular = stream.regular
    if not regular:
        return
    stream.multiples = _multiples(regular, cents)
    if stream.multiples:
        regular = [p for p in regular if p not in stream.multiples]
    values = cents[regular]
    ordered = np.sort(values)
    jumps = (ordered[1:] - ordered[:-1] > np.maximum(100, 0.03 * ordered[:-1])).sum()
    stream.variable = bool(len(values) >= 4 and jumps + 1 >= max(3, len(values) / 2))
    if stream.variable:
        _one_range(stream, regular, values)
        return
    runs: list[list[int]] = [[0]]
    amounts = values.tolist()
    run_sorted = [amounts[0]]  # the current run's amounts in order, for its median
    for i in range(1, len(amounts)):
        level = median(run_sorted)
        if abs(amounts[i] - level) <= max(100, 0.03 * level):
            runs[-1].append(i)
            bisect.insort(run_sorted, amounts[i])
        else:
            runs.append([i])
            run_sorted = [amounts[i]]
    merged: list[list[int]] = []
    for j, run in enumerate(runs):
        lone = len(run) == 1 and 0 < j < len(runs) - 1
        if lone and _same(values, runs[j - 1], runs[j + 1]):
            stream.unusual.append(regular[run[0]])
            continue
        if merged and _same(values, merged[-1], run):
            merged[-1].extend(run)
        else:
            merged.append(list(run))
    levels = [float(median(values[r])) for r in merged]
    steps = np.sign(np.diff(levels))
    revisits = any(
        _same(values, merged[i], merged[j])
        for i in range(len(merged))
        for j in range(i + 2, len(merged))
    )
    spread = max(
        float(values[r].max() - values[r].min()) / max(float(values[r].min()), 1.0) for r in merged
    )
    wander = len(merged) >= 3 and (revisits or ((steps > 0).any() and (steps < 0).any()))
    if wander or len(stream.unusual) >= 2 or spread > 0.04:
        stream.variable = True  # amounts wander up and down: usage, not price changes
        stream.unusual = []
        _one_range(stream, regular, values)
        return
    stream.segments = [
        Segment(
            regular[r[0]],
            int(median(values[r])),
            len(r),
            int(values[r].min()),
            int(values[r].max()),
        )
        for r in merged
    ]


def _multiples(regular: list[int], cents: np.ndarray) -> dict[int, tuple[int, int]]:
    """Lone charges of 2x-4x the price of the charges just before them (within 3 %):
    several periods paid at once (arrears), not a price level of their own.

    Two charges before set the price; one is enough when the charge after it is back
    at that same price (a plan's second charge can already be the arrears)."""
    amounts = cents[regular].tolist()
    found: dict[int, tuple[int, int]] = {}
    for i in range(1, len(amounts)):
        before = amounts[max(0, i - 3) : i]
        level = median(before)
        if level <= 0 or max(before) - min(before) > max(100, 0.03 * level):
            continue
        times = round(amounts[i] / level)
        after = amounts[i + 1] if i + 1 < len(amounts) else None
        if len(before) == 1 and (after is None or abs(after - level) > max(100, 0.03 * level)):
            continue
        if (
            2 <= times <= 4
            and abs(amounts[i] - times * level) <= 0.03 * times * level
            and (after is None or after < 0.7 * amounts[i])
        ):
            found[regular[i]] = (times, int(level))
    return found


def _one_range(stream: Stream, regular: list[int], values: np.ndarray) -> None:
    stream.segments = [
        Segment(regular[0], int(median(values)), len(regular), int(values.min()), int(values.max()))
    ]


def _same(values: np.ndarray, a: list[int], b: list[int]) -> bool:
    la, lb = median(values[a]), median(values[b])
    return abs(la - lb) <= max(100, 0.03 * max(la, lb))


def attach_failed(streams: list[Stream], failed: np.ndarray, rows: ScanRows) -> None:
    """Failed/closed attempts -> retries of the occurrence that later succeeded."""
    days = rows["_day"]
    cents = rows["_cents"]
    for f in failed:
        best: tuple[int, Stream, int | None] | None = None  # (gap, stream, the charge retried)
        for stream in streams:
            level = median(cents[stream.members])
            if not (
                cents[f] >= 0.9 * level
                and (
                    cents[f] <= 1.1 * level or stream.variable or cents[f] % max(int(level), 1) == 0
                )
            ):
                continue
            for m in stream.members:
                gap = days[m] - days[f]
                if 0 <= gap <= RETRY_DAYS and (best is None or gap < best[0]):
                    best = (gap, stream, m)
            if best is None and stream.fit is not None:
                _, residual = stream.fit.slot_of(int(days[f]))
                if abs(residual) <= stream.fit.tolerance + 2:
                    best = (999, stream, None)
        if best is None:
            continue
        _, stream, occurrence = best
        if occurrence is None:
            stream.failed.append(int(f))
        else:
            stream.retries.setdefault(int(occurrence), []).append(int(f))


def attach_refunds(streams: list[Stream], refunds: np.ndarray, rows: ScanRows) -> None:
    """Refund rows -> the occurrence they give money back for (by key, txn id, order id)."""
    if not len(refunds) or not streams:
        return
    owner: dict[tuple[str, str], tuple[Stream, int]] = {}
    ids = ("dedup_key", "txn_id", "merchant_order_id")
    for stream in streams:
        values = [rows[name][stream.members] for name in ids]
        for i, m in enumerate(stream.members):
            for name, found in zip(ids, values, strict=True):
                if found[i]:
                    owner.setdefault((name, found[i]), (stream, m))
    refund_of, txn, order = (
        rows[name][refunds] for name in ("refund_of", "txn_id", "merchant_order_id")
    )
    for i, r in enumerate(refunds):
        target = None
        for name, value in (
            ("dedup_key", refund_of[i]),
            ("txn_id", txn[i].partition("_")[0]),
            ("merchant_order_id", order[i]),
        ):
            if value and (name, value) in owner:
                target = owner[(name, value)]
                break
        if target is not None and target[1] != r:
            target[0].refunds.setdefault(target[1], []).append(int(r))


def schedule(
    stream: Stream, rows: ScanRows, as_of: date, notice_days: int, cancelled: date | None
) -> None:
    """Status, next expected charge and its window, and the cancel-by date.

    What the user reads here must hold on the as-of date: once they recorded a
    cancellation no further charge is expected (one that comes anyway is flagged
    after_cancellation), so there is neither a next date nor a date to cancel by; a
    scheduled date that has passed without a charge is not a "next" date but ``due``,
    and the stream is overdue (flagged once past the schedule's tolerance).
    """
    days = rows["_day"]
    last = max(int(days[m]) for m in stream.members)
    stream.cancelled_on = cancelled
    fit = stream.fit
    if fit is None:
        stream.status = "cancelled" if cancelled else "active"
        return
    extra = 0 if rows["_wallet"][stream.members[-1]] else 2
    _, expected = fit.next_after(last)
    if stream.reanchor is not None:
        expected = cad.one_period_after(int(days[stream.reanchor]), fit.cadence)
    stream.window = fit.tolerance + extra
    period = cad.PERIOD_DAYS[fit.cadence]
    late = (as_of - expected).days
    if cancelled is not None:
        stream.status = "cancelled"
    elif late <= 0:
        stream.status, stream.next_expected = "active", expected
    elif late <= period + stream.window:
        stream.status, stream.due = "overdue", expected
        if late > stream.window:
            stream.flags.add("overdue")
    else:
        stream.status = "inactive"
    if stream.next_expected and fit.cadence in ("annual", "semiannual"):
        stream.cancel_by = max(stream.next_expected - timedelta(days=notice_days), as_of)


def stream_id(stream: Stream, cents: np.ndarray, with_anchor: bool = False) -> str:
    """Stable across re-imports (a dismissed stream must stay dismissed): merchant,
    currency, direction, cadence and first price band; the anchor day only where two
    streams would otherwise share an id (two seats of one plan on different days)."""
    first = stream.segments[0].cents if stream.segments else int(cents[stream.members[0]])
    band = round(float(np.log(max(first, 1))) * 20)  # ~5% amount bands
    basis = f"{stream.key}|{stream.currency}|{stream.direction}|{stream.cadence}|{band}"
    if with_anchor:
        anchor = stream.fit.anchor[1:2] if stream.fit and stream.fit.anchor[0] != "days" else ""
        basis += f"|{anchor}|{stream.members[0] if not anchor else ''}"
    return "s" + hashlib.sha1(basis.encode()).hexdigest()[:10]


def confidence(stream: Stream) -> None:
    fit = stream.fit
    reasons = []
    if fit is None or len(stream.members) < 2:
        score = 0.3
        reasons.append("one charge whose description says it renews automatically")
    else:
        hits = fit.hits
        spread = float(np.abs(fit.residuals[fit.inlier]).mean()) / max(fit.tolerance, 1)
        score = 0.35 + 0.07 * min(hits, 6) + 0.13 * (1 - min(spread, 1.0))
        article = "an" if stream.cadence[:1] in "aeiou" else "a"
        reasons.append(f"{hits} charges on {article} {stream.cadence} schedule")
        reasons.append(f"mean distance from the schedule {spread * fit.tolerance:.1f} days")
        if fit.missed:
            score -= min(0.05 * len(fit.missed), 0.15)
            reasons.append(counted(len(fit.missed), "missed cycle"))
        if stream.variable:
            score -= 0.05
            reasons.append("amount varies (usage-based)")
    if stream.keyword:
        score += 0.05
        reasons.append("renewal keyword or catalogued merchant")
    stream.confidence = round(float(min(max(score, 0.05), 0.99)), 2)
    stream.reasons = reasons
