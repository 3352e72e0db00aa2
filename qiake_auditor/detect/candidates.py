"""Candidate streams of one merchant: amount levels, phases, then joined across time.

Per merchant the successful charges are clustered by amount (tolerance max(¥1, 3%)).
A level that fits a cadence is a piece of a stream; a level that holds two charges in
one cycle is split by phase (day of month), so several subscriptions at one merchant
stay apart. What is left is clustered again with a wide band for usage-priced
services. Pieces on the same cadence that follow each other in time are one stream
with a price change or an upgrade; a small charge just before a stream is its trial
or introductory price; a single charge whose text says it renews automatically is an
early candidate.
"""

from __future__ import annotations

import functools
import re

import numpy as np

from . import attach
from . import cadence as cad
from .pieces import Draft, Piece, levels
from .small import median

AUTO_RENEW = re.compile(
    r"自动续费|连续包月|连续包季|连续包年|自动扣费|代扣|续费|自动续订|"
    r"自动充值|auto[- ]?renew|subscription",
    re.IGNORECASE,
)
# Words that on their own prove an automatic renewal even for an everyday merchant.
STRONG_AUTO = re.compile(
    r"自动续费|连续包月|连续包季|连续包年|自动续订|auto[- ]?renew", re.IGNORECASE
)
_UNIT_WORDS = (
    ("annual", re.compile(r"包年|年付|年费|年卡|年度|annual|yearly", re.I)),
    ("quarterly", re.compile(r"包季|季付|季卡|季度", re.I)),
    ("monthly", re.compile(r"包月|月付|月卡|月费|monthly", re.I)),
)
MAX_PER_MONTH = 5.0  # a level charged more often than this is a habit, not a plan
USAGE_CHARGES = 4  # charges of one item that can make a usage bill of their own


@functools.lru_cache(maxsize=4096)  # asked for every charge; a merchant repeats its texts
def keyword_cadence(text: str) -> str:
    for name, pattern in _UNIT_WORDS:
        if pattern.search(text):
            return name
    return "irregular"


def _dense(days: np.ndarray) -> bool:
    months = max((days.max() - days.min()) / 30.44, 1.0)
    return len(days) / months > MAX_PER_MONTH


def _phases(days: np.ndarray, members: np.ndarray) -> list[np.ndarray]:
    """Split charges by day of month where the circle of days shows separate clusters."""
    dom = cad._day_of_month(days[members])
    order = np.argsort(dom, kind="stable")
    sorted_dom = dom[order]
    gaps = np.diff(np.r_[sorted_dom, sorted_dom[0] + 31])
    big = np.flatnonzero(gaps >= 4)
    if len(big) < 2:
        return [members]
    groups = []
    for a, b in zip(big, np.r_[big[1:], big[0] + len(order)], strict=True):
        idx = np.arange(a + 1, b + 1) % len(order)
        groups.append(np.sort(members[order[idx]]))
    return groups


def _try(
    days: np.ndarray,
    cents: np.ndarray,
    extra: np.ndarray,
    members: np.ndarray,
    min_hits: int | None,
    keyword: bool = False,
) -> tuple[Piece | None, np.ndarray]:
    """A piece from these charges if they fit a cadence, and the charges left over."""
    if len(members) < 2:
        return None, members
    f = cad.fit(days[members], extra[members], cents=cents[members])
    if f is None or not f.valid(min_hits):
        return None, members
    return (
        Piece(members[f.inlier], f, keyword=keyword, dups=members[f.inlier & f.duplicate]),
        members[~f.inlier],
    )


SPARSE = ("quarterly", "fourmonthly", "semiannual", "annual")


def _plausible(piece: Piece, days: np.ndarray, cents: np.ndarray, strict: bool) -> bool:
    """A stream made of the fewest charges needs more than spacing to be believed.

    Without a renewal word or a catalogued merchant, a quarterly/annual renewal (or a
    monthly one seen only three times) must charge the same amount (to the cent, or
    within 1% for monthly),
    and the merchant must not be a shop the user buys from all the time in between: two
    purchases of similar price some months apart are a coincidence, not a plan. Income
    and transfers (``strict``) get no sparse cadence at all without a keyword.
    """
    if piece.fit is None or piece.keyword:
        return True
    values = cents[piece.members]
    if strict and values.max() - values.min() > 0.01 * values.max():
        # varying repayments/salaries: the merchant's rows are (nearly) all the stream;
        # a fixed monthly transfer (定投) stands out by its amount instead
        lo, hi = days[piece.members[0]], days[piece.members[-1]]
        inside = int(((days >= lo) & (days <= hi)).sum())
        if inside - len(piece.members) > len(piece.members) // 2:
            return False
    sparse = piece.fit.cadence in SPARSE
    if not sparse and piece.fit.hits > 3:
        return True
    if sparse and strict:
        return False
    if (
        (values.max() != values.min())
        if sparse
        else (values.max() - values.min() > 0.01 * values.max())
    ):
        return False
    margin = 45 if sparse else 15
    lo, hi = days[piece.members[0]] - margin, days[piece.members[-1]] + margin
    around = int(((days >= lo) & (days <= hi)).sum())
    return around - len(piece.members) <= len(piece.members)


def find(
    days: np.ndarray,
    cents: np.ndarray,
    extra: np.ndarray,
    keyword: np.ndarray,
    catalogued: bool,
    units: list[str] | None = None,
    strict: bool = False,
    settled: np.ndarray | None = None,
    items: np.ndarray | None = None,
) -> list[Draft]:
    """Draft streams of one merchant's successful charges (arrays sorted by day).

    ``units`` gives, for charges with a renewal keyword, the cadence its words name
    (包年 -> annual ...), used for a lone charge. ``strict`` (income, transfers) admits
    no sparse cadence without a keyword. ``settled`` marks charges in their final state
    (not pending): only those may move a plan's renewal day. ``items`` (codes of the
    item text) let a usage bill whose amount varies widely be found by its item and
    schedule alone.
    """
    pieces: list[Piece] = []
    leftover: list[np.ndarray] = []
    todo = np.arange(len(days))
    if items is not None and not strict:
        pieces, todo = _usage_items(days, cents, extra, items, todo)
    if strict and len(todo) >= 6 and not _dense(days):
        # repayments and salaries vary widely in amount: first, all on one schedule?
        whole, todo = _try(days, cents, extra, todo, None)
        if whole is not None:
            pieces.append(whole)
    for wide in levels(cents, todo, 0.30, 100):
        hinted = bool(keyword[wide].any()) or catalogued
        values = cents[wide].astype(float)
        steady = values.std() / max(values.mean(), 1.0) <= 0.25
        enough = len(wide) >= (6 if strict else 3)  # income/transfers: wide bands need more
        if enough and steady and (hinted or not _dense(days[wide])):
            piece, rest = _try(days, cents, extra, wide, None, keyword=hinted)
            if piece is not None:
                pieces.append(piece)
                leftover.append(rest)
                continue
        for level in levels(cents, wide, 0.03, 100):
            found, rest = _tight(days, cents, extra, level, keyword, catalogued)
            pieces += found
            leftover.append(rest)
    rest = np.sort(np.concatenate(leftover)) if leftover else np.array([], dtype="int64")
    if len(rest) >= (6 if strict else 3) and not _dense(days[rest]):
        # Bills and repayments vary widely in amount but keep their date.
        piece, rest = _try(days, cents, extra, rest, None)
        if piece is not None:
            pieces.append(piece)
    kept = []
    for piece in pieces:
        if _plausible(piece, days, cents, strict):
            kept.append(piece)
        else:
            rest = np.sort(np.r_[rest, piece.members]).astype("int64")
    drafts = _join(kept, days, cents)
    taken = attach.extend(drafts, rest, days, cents, extra)
    if taken:
        rest = rest[~np.isin(rest, list(taken))]
    settled = np.ones(len(days), dtype=bool) if settled is None else settled
    used = attach.attach(drafts, rest, days, cents, settled)
    lone = [int(i) for i in rest[keyword[rest]] if int(i) not in used] if keyword.any() else []
    if len(lone) > 2 or _dense(days):
        lone = []  # many unexplained 代扣 rows are a habit (metro, top-ups), not a plan
    for i in lone:
        unit = units[i] if units else "irregular"
        single = None
        if unit in cad.MONTHS:
            dom = int(cad._day_of_month(days[i : i + 1])[0])
            anchor = ("month", dom, int(cad._month_index(days[i : i + 1])[0]))
            single = cad.evaluate(unit, anchor, days[i : i + 1], extra[i : i + 1])
        drafts.append(Draft([Piece(np.array([i]), single, keyword=True)]))
    return drafts


def _usage_items(
    days: np.ndarray, cents: np.ndarray, extra: np.ndarray, items: np.ndarray, todo: np.ndarray
) -> tuple[list[Piece], np.ndarray]:
    """Charges of one item whose amounts vary too widely for an amount band (a usage
    bill, ¥12-¥90 a month) but that keep a schedule: a piece of their own."""
    found: list[Piece] = []
    counts = np.bincount(items[todo])
    for code in np.flatnonzero(counts >= USAGE_CHARGES):
        group = todo[items[todo] == code]
        values = cents[group].astype(float)
        if values.std() / max(values.mean(), 1.0) <= 0.25 or _dense(days[group]):
            continue
        piece, _ = _try(days, cents, extra, group, None)
        if piece is not None and len(piece.members) >= USAGE_CHARGES:
            found.append(piece)
            todo = todo[~np.isin(todo, piece.members)]
    return found, todo


def _tight(
    days: np.ndarray,
    cents: np.ndarray,
    extra: np.ndarray,
    level: np.ndarray,
    keyword: np.ndarray,
    catalogued: bool,
) -> tuple[list[Piece], np.ndarray]:
    """Pieces from one amount level: the whole level, else each phase of it, else each
    stretch between long pauses (a plan stopped for half a year and taken up again)."""
    hinted = bool(keyword[level].any()) or catalogued
    if len(level) < 2 or (_dense(days[level]) and not hinted):
        return [], level
    min_hits = 2 if hinted else None
    piece, rest = _try(days, cents, extra, level, min_hits, keyword=hinted)
    if piece is not None:
        return [piece], rest
    for parts in (_phases(days, level), _stretches(days, level)):
        if len(parts) < 2:
            continue
        found: list[Piece] = []
        rest = np.array([], dtype="int64")
        for part in parts:
            p, r = _try(days, cents, extra, part, min_hits, keyword=hinted)
            if p is not None:
                found.append(p)
            rest = np.r_[rest, r]
        if found:
            return found, np.sort(rest).astype("int64")
    return [], level


def _stretches(days: np.ndarray, members: np.ndarray) -> list[np.ndarray]:
    """Split where a gap is over three times the usual one (and over 45 days)."""
    gaps = np.diff(days[members])
    if len(gaps) < 3:
        return [members]
    usual = float(median(gaps[gaps > 2])) if (gaps > 2).any() else 0.0
    cuts = np.flatnonzero((gaps > 3 * usual) & (gaps > 45)) + 1
    return [part for part in np.split(members, cuts) if len(part)]


def _level_of(piece: Piece, cents: np.ndarray) -> float:
    return float(median(cents[piece.members]))


def _join(pieces: list[Piece], days: np.ndarray, cents: np.ndarray) -> list[Draft]:
    """Pieces on one cadence that follow each other in time -> one stream."""
    drafts: list[Draft] = []
    for piece in sorted(pieces, key=lambda p: int(days[p.members[0]])):
        start = int(days[piece.members[0]])
        best = None
        for draft in drafts:
            last = draft.pieces[-1]
            if last.fit is None or piece.fit is None or last.fit.cadence != piece.fit.cadence:
                continue
            end = int(days[last.members[-1]])
            period = cad.PERIOD_DAYS[piece.fit.cadence]
            if not (end < start <= end + 1.7 * period + piece.fit.tolerance):
                continue
            ratio = _level_of(piece, cents) / max(_level_of(last, cents), 1.0)
            if not 0.25 <= ratio <= 4:
                continue
            if best is None or end > best[0]:
                best = (end, draft)
        if best is None:
            drafts.append(Draft([piece]))
        else:
            best[1].pieces.append(piece)
    return drafts
