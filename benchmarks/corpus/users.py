"""Simulated users: hard cases mixed into ordinary spending, written as real exports.

A user set is what one person would drop on the app: an Alipay CSV, a WeChat bill
(CSV or XLSX 2026) and an ICBC debit statement, plus the truth of every row keyed by
file name and ``source_row`` (physical line for CSV, sheet row for XLSX).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

import numpy as np

from . import writers
from .background import background
from .model import ALIPAY, ICBC, WECHAT, StreamTruth, Txn
from .scenarios import CASES, STREAMS_PER_CASE, Case, Context

WINDOW_START = (date(2023, 11, 1), date(2024, 2, 15))
WINDOW_END = (date(2025, 3, 1), date(2025, 6, 30))


@dataclass
class UserSet:
    uid: str
    start: date
    end: date
    txns: list[Txn]
    streams: list[StreamTruth]
    cancellations: dict[str, str] = field(default_factory=dict)
    decoys: list[str] = field(default_factory=list)
    wechat_layout: str = "csv"


def _between(rng: np.random.Generator, bounds: tuple[date, date]) -> date:
    return bounds[0] + timedelta(days=int(rng.integers(0, (bounds[1] - bounds[0]).days + 1)))


def make_user(
    uid: str,
    seed: int,
    cases: list[str],
    *,
    start: date | None = None,
    end: date | None = None,
    with_background: bool = True,
    density: float = 1.0,
    wechat_layout: str | None = None,
    variant: str | None = None,
    all_habits: bool = False,
    metro_trips: int = 1,
) -> UserSet:
    """One simulated user with the given hard cases (each case name once or more)."""
    rng = np.random.default_rng(seed)
    start = start or _between(rng, WINDOW_START)
    end = end or _between(rng, WINDOW_END)
    ctx = Context(rng, uid, start, end, variant)
    case = Case()
    for name in cases:
        case.extend(CASES[name](ctx))
    decoys: list[str] = []
    txns = list(case.txns)
    if with_background:
        rows, decoys = background(ctx, density, all_habits=all_habits, metro_trips=metro_trips)
        txns += rows
    txns = [t for t in txns if start <= t.day <= end]
    for stream in case.streams:  # rows outside the window were dropped
        stream.charges = len(
            {t.econ for t in txns if t.stream == stream.id and t.state == "success"}
        )
    if txns:
        _first_purchases(txns, min(t.day for t in txns))
    layout = wechat_layout or ("xlsx" if rng.random() < 0.5 else "csv")
    return UserSet(uid, start, end, txns, case.streams, case.cancellations, decoys, layout)


def _first_purchases(txns: list[Txn], start: date) -> None:
    """The first charge of a stream is a new purchase, not a renewal, when it is the
    first payment ever to its merchant and the statements show two months of history
    before it (``start``: the first transaction)."""
    seen: set[str] = set()
    for txn in sorted(txns, key=lambda t: t.time):
        party = txn.counterparty or txn.party
        if party in seen:
            continue
        seen.add(party)
        if txn.cause == "auto_renewal" and (txn.day - start).days >= 60:
            txn.cause = "new_purchase_or_upgrade"


def file_names(user: UserSet) -> dict[str, str]:
    span = f"{user.start:%Y%m%d}-{user.end:%Y%m%d}"
    wechat = (
        f"{user.uid}_微信支付账单流水文件({span})_1.xlsx"
        if user.wechat_layout == "xlsx"
        else f"{user.uid}_微信支付账单({span}).csv"
    )
    return {
        ALIPAY: f"{user.uid}_支付宝交易明细({span}).csv",
        WECHAT: wechat,
        ICBC: f"{user.uid}_工商银行借记卡明细({span}).csv",
    }


def write_user(user: UserSet, out: Path) -> dict:
    """Write the user's statements into ``out``; returns the user's truth record."""
    out.mkdir(parents=True, exist_ok=True)
    names = file_names(user)
    period = (datetime.combine(user.start, time()), datetime.combine(user.end, time(23, 59, 59)))
    exported = datetime.combine(user.end + timedelta(days=1), time(9, 30))
    layouts = {
        ALIPAY: (writers.alipay_csv, f"{user.uid}***@163.com"),
        WECHAT: (
            writers.wechat_xlsx if user.wechat_layout == "xlsx" else writers.wechat_csv,
            user.uid,
        ),
        ICBC: (writers.icbc_debit_csv, "6222****6688"),
    }
    rows: dict[str, dict[str, dict]] = {}
    files = []
    for platform, (write, account) in layouts.items():
        txns = [t for t in user.txns if t.platform == platform]
        if not txns:
            continue
        name = names[platform]
        numbers = write(
            out / name, txns, writers.ExportMeta("测试用户", account, *period, exported)
        )
        files.append(name)
        rows[name] = {str(n): _row_truth(t) for n, t in zip(numbers, txns, strict=True)}
    return {
        "id": user.uid,
        "start": user.start.isoformat(),
        "as_of": user.end.isoformat(),
        "files": files,
        "cancellations": user.cancellations,
        "decoys": user.decoys,
        "streams": [asdict(s) for s in user.streams],
        "rows": rows,
    }


def _row_truth(txn: Txn) -> dict:
    info = {
        "date": txn.day.isoformat(),
        "amount": f"{txn.amount:.2f}",
        "direction": txn.direction,
        "state": txn.state,
        "econ": txn.econ,
    }
    for key in ("stream", "event", "role", "decoy", "cause"):
        value = getattr(txn, key)
        if value:
            info[key] = value
    if txn.flags:
        info["flags"] = list(txn.flags)
    return info


def schedule(n_streams: int, rng: np.random.Generator, per_user: int = 8) -> list[list[str]]:
    """Hard cases per user, round-robin so every case gets about the same number of streams."""
    names = list(CASES)
    plans: list[list[str]] = []
    pool: list[str] = []
    total = 0
    while total < n_streams:
        plan: list[str] = []
        while len(plan) < per_user:
            if not pool:
                pool = list(rng.permutation(names))
            name = pool.pop()
            if name in plan:
                pool.insert(0, name)
                if len(set(pool)) == 1:  # nothing else left in this round
                    pool = []
                continue
            plan.append(name)
            total += STREAMS_PER_CASE.get(name, 1)
        plans.append(plan)
    return plans
