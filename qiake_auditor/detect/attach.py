"""Charges attached to a draft stream after the pieces are joined.

A new price seen only once or twice right after a stream continues it; a small
charge just before it is a trial or introductory price; charges between two pieces
are prorations; a smaller off-schedule charge after the last renewal moves the plan's
day (an upgrade); odd amounts on an empty slot of the schedule belong to it.
"""

from __future__ import annotations

import numpy as np

from . import cadence as cad
from .pieces import Draft, Piece, levels
from .small import median


def extend(
    drafts: list[Draft], rest: np.ndarray, days: np.ndarray, cents: np.ndarray, extra: np.ndarray
) -> set[int]:
    """A new price level seen only once or twice, right after a stream, continues it.

    Too few to be a stream of their own, such charges are the first cycles at a new
    price (H5, H19): reported at once as a provisional price change.
    """
    taken: set[int] = set()
    for draft in drafts:
        last = draft.pieces[-1]
        if last.fit is None or last.fit.anchor[0] == "semi":
            continue
        period, tol = cad.PERIOD_DAYS[last.fit.cadence], last.fit.tolerance
        end = int(days[last.members[-1]])
        level = float(median(cents[last.members]))
        reach = end + 2.7 * period + 2 * tol + 2  # a chain of two at most is needed here
        later = rest[(days[rest] > end) & (days[rest] <= reach)]
        if taken:
            later = later[~np.isin(later, list(taken))]
        best: list[int] = []
        for group in levels(cents, later, 0.03, 100):
            if not 0.25 <= float(median(cents[group])) / max(level, 1.0) <= 4:
                continue
            chain = [int(group[0])]
            for i in group[1:]:
                if abs(days[i] - days[chain[-1]] - period) <= tol + 2:
                    chain.append(int(i))
            gap = days[chain[0]] - end
            fits = gap <= 1.7 * period + tol if len(chain) > 1 else abs(gap - period) <= tol + 2
            if fits and len(chain) > len(best):
                best = chain
        if not best:
            continue
        first = np.array(best[:1])
        if last.fit.anchor[0] == "days":
            anchor: tuple = ("days", int(days[best[0]]))
        else:
            anchor = (
                "month",
                int(cad._day_of_month(days[first])[0]),
                int(cad._month_index(days[first])[0]),
            )
        members = np.array(best, dtype="int64")
        fit = cad.evaluate(last.fit.cadence, anchor, days[members], extra[members], cents[members])
        draft.pieces.append(Piece(members, fit, keyword=last.keyword))
        taken.update(best)
    return taken


def _trailing_proration(
    draft: Draft, free: np.ndarray, days: np.ndarray, cents: np.ndarray, settled: np.ndarray, take
) -> None:
    """A smaller off-schedule charge within a cycle after the last renewal, and nothing
    after it: an upgrade paid pro rata, after which the plan renews on that day (H19)."""
    last = draft.pieces[-1]
    if last.fit is None or last.fit.anchor[0] == "semi" or last.fit.hits < 2:
        return
    end = int(days[last.members[-1]])
    period, tol = cad.PERIOD_DAYS[last.fit.cadence], last.fit.tolerance
    level = float(median(cents[last.members]))
    after = np.flatnonzero(free & (days > end))
    if len(after) != 1:
        return
    i = int(after[0])
    _, residual = last.fit.slot_of(int(days[i]))
    if (
        settled[i]
        and days[i] < end + period - tol
        and 0 < cents[i] < 0.95 * level
        and abs(residual) > tol
    ):
        draft.proration.append(i)
        draft.reanchor = i
        take(i)


def attach(
    drafts: list[Draft], rest: np.ndarray, days: np.ndarray, cents: np.ndarray, settled: np.ndarray
) -> set[int]:
    """Trial / introductory charges before a stream and prorations between its pieces.

    Candidates are narrowed with array masks first: a habit merchant can leave tens of
    thousands of charges over.
    """
    free = np.zeros(len(days), dtype=bool)
    free[rest] = True
    used: set[int] = set()

    def take(i: int) -> None:
        free[i] = False
        used.add(int(i))

    for draft in drafts:
        first = draft.pieces[0]
        if first.fit is None:
            continue
        start = int(days[first.members[0]])
        level = cents[first.members[0]]
        period = cad.PERIOD_DAYS[first.fit.cadence]
        before = np.flatnonzero(
            free
            & (days >= start - period - first.fit.tolerance)
            & (days < start)
            & ((cents <= 100) | (cents * 2 <= level))
        )
        if len(before):
            draft.intro.append(int(before[-1]))
            take(before[-1])
        for piece in draft.pieces:
            if piece.fit is None:
                continue
            taken = set(piece.fit.slots[piece.fit.inlier].tolist())
            lo = int(days[piece.members[0]]) - 2 * cad.PERIOD_DAYS[piece.fit.cadence] - 1
            hi = int(days[piece.members[-1]]) + cad.PERIOD_DAYS[piece.fit.cadence]
            level = float(median(cents[piece.members]))
            near = np.flatnonzero(
                free & (days > lo) & (days <= hi) & (cents >= 0.5 * level) & (cents <= 3.5 * level)
            )
            for i in near[:200]:
                slot, residual = piece.fit.slot_of(int(days[i]))
                if slot not in taken and abs(residual) <= piece.fit.tolerance:
                    draft.absorbed.append(int(i))
                    take(i)
                    taken.add(slot)
        for a, b in zip(draft.pieces, draft.pieces[1:], strict=False):
            lo, hi = int(days[a.members[-1]]), int(days[b.members[0]])
            between = np.flatnonzero(free & (days > lo) & (days < hi))
            draft.proration.extend(int(i) for i in between)
            for i in between:
                take(int(i))
        _trailing_proration(draft, free, days, cents, settled, take)
    return used
