"""Simple recurring-charge detectors re-implemented from their published descriptions.

Written from recurring.md section 1 / 4.8 (no code copied), to be scored on the same
corpus as qiake-auditor's detector. Each takes the workspace ledger and the as-of
date and returns streams in the shape of ``scan --json`` (only the fields the
scorecard reads). None of them deduplicates wallet and bank rows or types streams,
which is part of what the scorecard shows.

* ``actual_like``: per account (file) and exact payee, anchored on the payee's latest
  transaction; patterns weekly, every 2 weeks, monthly on day N (N <= 28), monthly on
  the last day; a pattern needs a transaction at each of 3 consecutive predicted dates
  (+-2 days, amount within 7.5% of the latest); best pattern per payee; walk back.
* ``sure_like``: per account, payee and exact amount; >= 3 charges in the last 3
  months, the last within 45 days; circular day-of-month std-dev <= 5; monthly only.
* ``gap_zscore``: per payee, >= 3 charges whose gaps are regular (coefficient of
  variation of the gaps <= 0.35, i.e. every gap within about one z of the mean gap);
  cadence from the mean gap (Weber State style gap-variance baseline).
"""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

import numpy as np
import pandas as pd

MOVED = ("success", "pending", "refunded", "partially_refunded")


def _spending(rows: pd.DataFrame) -> pd.DataFrame:
    mask = (rows["direction"] == "expense") & rows["state"].isin(MOVED)
    out = rows.loc[mask, ["source", "source_row", "time", "amount", "state", "merchant"]].copy()
    out["day"] = pd.to_datetime(out["time"].str.slice(0, 10)).dt.date
    out["cents"] = (out["amount"].astype("float64") * 100).round().astype("int64")
    return out.sort_values(["day", "source_row"]).reset_index(drop=True)


def _stream(group: pd.DataFrame, cadence: str, next_day: date | None) -> dict:
    charges = [
        {"source": s, "source_row": int(r), "state": st, "flags": [], "role": "charge", "amount": a}
        for s, r, st, a in zip(
            group["source"], group["source_row"], group["state"], group["amount"], strict=True
        )
    ]
    return {
        "type": "subscription",
        "cadence": cadence,
        "flags": [],
        "charges": charges,
        "next_expected": next_day.isoformat() if next_day else None,
        "count": len(charges),
        "merchant": str(group["merchant"].iloc[0]),
    }


def _add_months(day: date, months: int, anchor: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(anchor, calendar.monthrange(year, month + 1)[1]))


def _month_end(day: date, months: int) -> date:
    return _add_months(day, months, 31)


# -- Actual-like --------------------------------------------------------------------------


def _patterns(latest: date):
    yield "weekly", lambda k: latest - timedelta(days=7 * k)
    yield "biweekly", lambda k: latest - timedelta(days=14 * k)
    if latest.day <= 28:
        yield "monthly", lambda k: _add_months(latest, -k, latest.day)
    if latest == _month_end(latest, 0):
        yield "monthly", lambda k: _month_end(latest, -k)


def _hit(days: np.ndarray, cents: np.ndarray, target: date, base: int, used: set[int]):
    best = None
    for i in np.flatnonzero(np.abs((days - np.datetime64(target)).astype(int)) <= 2):
        if int(i) in used or abs(int(cents[i]) - base) > 0.075 * base:
            continue
        gap = abs(int((days[i] - np.datetime64(target)).astype(int)))
        if best is None or gap < best[1]:
            best = (int(i), gap)
    return best


def actual_like(rows: pd.DataFrame, as_of: date) -> list[dict]:
    spend = _spending(rows)
    out = []
    for _, group in spend.groupby(["source", "merchant"], sort=False):
        if len(group) < 3 or not group["merchant"].iloc[0]:
            continue
        group = group.reset_index(drop=True)
        days = group["day"].to_numpy(dtype="datetime64[D]")
        cents = group["cents"].to_numpy()
        latest = group["day"].iloc[-1]
        base = int(cents[-1])
        best = None
        for cadence, predict in _patterns(latest):
            used: set[int] = set()
            score = 0
            for k in range(3):
                hit = _hit(days, cents, predict(k), base, used)
                if hit is None:
                    break
                used.add(hit[0])
                score += hit[1]
            else:
                if best is None or score < best[0]:
                    best = (score, cadence, predict, used)
        if best is None:
            continue
        _, cadence, predict, used = best
        k = 3
        while (hit := _hit(days, cents, predict(k), base, used)) is not None:
            used.add(hit[0])
            k += 1
        step = {"weekly": 7, "biweekly": 14}.get(cadence)
        following = latest + timedelta(days=step) if step else predict(-1)
        out.append(_stream(group.loc[sorted(used)], cadence, following))
    return out


# -- Sure-like ----------------------------------------------------------------------------


def _circular(days_of_month: np.ndarray) -> tuple[float, float]:
    """Circular mean day (1..31) and std-dev in days."""
    angle = 2 * math.pi * (days_of_month - 1) / 31
    c, s = np.cos(angle).mean(), np.sin(angle).mean()
    r = min(1.0, math.hypot(c, s))
    mean = (math.atan2(s, c) % (2 * math.pi)) * 31 / (2 * math.pi) + 1
    std = math.sqrt(-2 * math.log(r)) * 31 / (2 * math.pi) if r > 0 else 31.0
    return mean, std


def sure_like(rows: pd.DataFrame, as_of: date) -> list[dict]:
    spend = _spending(rows)
    out = []
    window = as_of - timedelta(days=92)
    keys = ["source", "merchant", "cents"]
    recent_count = spend[spend["day"] > window].groupby(keys).size()
    wanted = recent_count[recent_count >= 3].index
    spend = spend.set_index(keys).loc[lambda f: f.index.isin(wanted)].reset_index()
    for _, group in spend.groupby(keys, sort=False):
        recent = group[group["day"] > window]
        if (as_of - group["day"].iloc[-1]).days > 45:
            continue
        mean, std = _circular(np.array([d.day for d in recent["day"]], dtype=float))
        if std > 5:
            continue
        anchor = round(mean) or 31
        last = group["day"].iloc[-1]
        following = _add_months(last, 1, anchor)
        out.append(_stream(group, "monthly", following))
    return out


# -- gap z-score --------------------------------------------------------------------------

_PERIODS = (
    ("weekly", 7),
    ("biweekly", 14),
    ("semimonthly", 15.2),
    ("monthly", 30.4),
    ("quarterly", 91.3),
    ("semiannual", 182.6),
    ("annual", 365.2),
)


def gap_zscore(rows: pd.DataFrame, as_of: date) -> list[dict]:
    spend = _spending(rows)
    out = []
    for _, group in spend.groupby("merchant", sort=False):
        if len(group) < 3 or not group["merchant"].iloc[0]:
            continue
        ordinal = np.array([d.toordinal() for d in group["day"]])
        gaps = np.diff(ordinal)
        mean = gaps.mean()
        if mean < 3 or gaps.std() / mean > 0.35:
            continue
        cadence = min(_PERIODS, key=lambda p: abs(math.log(mean / p[1])))[0]
        following = group["day"].iloc[-1] + timedelta(days=round(mean))
        out.append(_stream(group, cadence, following))
    return out


BASELINES = {"actual-like": actual_like, "sure-like": sure_like, "gap-zscore": gap_zscore}
