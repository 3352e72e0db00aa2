"""Building blocks for the scenario generators: a simulated user's context and a stream builder.

``Stream`` makes the rows of one gold stream (ids, times, the bank copy of a wallet
payment made with the ICBC card) and keeps its truth record up to date; the schedule
helpers produce calendar dates with an explicit month-end policy.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import numpy as np

from . import factory
from .factory import add_months
from .model import (
    ALIPAY,
    ICBC,
    PARTIAL,
    PENDING,
    REFUNDED,
    SUCCESS,
    WECHAT,
    StreamTruth,
    Txn,
    money,
)
from .names import Merchant, NamePool

ICBC_METHOD = "工商银行储蓄卡(6688)"
OTHER_CARD = "招商银行储蓄卡(1111)"
MONEY_MOVED = (SUCCESS, PENDING, REFUNDED, PARTIAL)


@dataclass
class Context:
    """One simulated user: export window, randomness, name pool, id counters."""

    rng: np.random.Generator
    uid: str
    start: date
    end: date  # the as-of date (last day covered by the exports)
    variant: str | None = None  # force a case variant (tests); None draws one at random
    names: NamePool = field(init=False)
    _econ: itertools.count = field(default_factory=itertools.count, init=False)
    _stream: itertools.count = field(default_factory=lambda: itertools.count(1), init=False)

    def __post_init__(self) -> None:
        self.names = NamePool(self.rng)

    def econ(self) -> str:
        return f"{self.uid}:e{next(self._econ)}"

    def stream_id(self, case: str) -> str:
        return f"{self.uid}-{case}-{next(self._stream)}"

    def pick(self, options):
        return options[int(self.rng.integers(len(options)))]

    def chance(self, p: float) -> bool:
        return bool(self.rng.random() < p)

    def wants(self, variant: str, p: float) -> bool:
        """Whether to build ``variant``: forced by ``self.variant``, else with probability p."""
        if self.variant is not None:
            return self.variant == variant
        return self.chance(p)

    def which(self, variants: list[str]) -> str:
        if self.variant in variants:
            return self.variant
        return self.pick(variants)


@dataclass
class Case:
    streams: list[StreamTruth] = field(default_factory=list)
    txns: list[Txn] = field(default_factory=list)
    cancellations: dict[str, str] = field(default_factory=dict)

    def extend(self, other: Case) -> None:
        self.streams += other.streams
        self.txns += other.txns
        self.cancellations.update(other.cancellations)


class Stream:
    """Builds the rows of one gold stream and its truth record."""

    def __init__(
        self,
        ctx: Context,
        case: str,
        variant: str,
        cadence: str,
        *,
        type: str = "subscription",
        platform: str | None = None,
        merchant: Merchant | None = None,
        counterparty: str | None = None,
        method: str | None = None,
        item: str | None = None,
    ) -> None:
        self.ctx = ctx
        self.merchant = merchant or ctx.names.take()
        self.platform = platform or (ALIPAY if ctx.chance(0.6) else WECHAT)
        if counterparty is None:
            use_brand = self.platform == WECHAT and ctx.chance(0.3)
            counterparty = self.merchant.brand if use_brand else self.merchant.legal
        self.counterparty = counterparty
        if method is None:
            wallet = "余额" if self.platform == ALIPAY else "零钱"
            method = ctx.pick([wallet, wallet, OTHER_CARD, ICBC_METHOD])
        self.method = method
        if item is None:
            suffix = ctx.pick(["-连续包月", "-连续包月", " 自动续费", ""])
            if cadence == "annual":
                suffix = ctx.pick(["-连续包年", " 年付 自动续费", "-年度会员"])
            elif cadence == "quarterly":
                suffix = ctx.pick(["-连续包季", " 季度会员", ""])
            item = self.merchant.product + suffix
        self.item = item
        self.category = "商业服务" if self.platform == ALIPAY else "商户消费"
        self.prefix = "S" + factory.digits(ctx.rng, 3)
        self.hours = (0, 7) if ctx.chance(0.7) else (8, 22)
        self.truth = StreamTruth(
            id=ctx.stream_id(case),
            case=case,
            variant=variant,
            merchant=self.merchant.legal,
            names=[counterparty],
            type=type,
            cadence=cadence,
        )
        self.txns: list[Txn] = []

    def charge(
        self,
        day: date,
        amount,
        *,
        event: str = "",
        state: str = SUCCESS,
        item: str | None = None,
        flags: tuple[str, ...] = (),
        platform: str | None = None,
        counterparty: str | None = None,
        method: str | None = None,
        status_text: str = "",
        direction: str = "expense",
        member: bool = True,
        role: str = "",
        copy: bool = True,
        cause: str | None = None,
    ) -> Txn:
        ctx = self.ctx
        if cause is None:
            cause = self._cause(event, state, direction, member, flags)
        platform = platform or self.platform
        moment = factory.at(day, ctx.rng, *self.hours)
        counterparty = counterparty or self.counterparty
        if counterparty not in self.truth.names:
            self.truth.names.append(counterparty)
        txn = Txn(
            moment,
            money(amount),
            direction,
            counterparty,
            platform=platform,
            item=self.item if item is None else item,
            category=self.category
            if platform == self.platform
            else ("商业服务" if platform == ALIPAY else "商户消费"),
            method=method or self.method,
            state=state,
            status_text=status_text,
            txn_id=factory.platform_id(ctx.rng, platform, moment),
            order_id=factory.order_id(ctx.rng, self.prefix, moment),
            stream=self.truth.id if member else None,
            event=event,
            econ=ctx.econ(),
            role=role,
            flags=flags,
            cause=cause,
        )
        self.txns.append(txn)
        if member and state == SUCCESS and direction == "expense":
            self.truth.charges += 1
        if copy and txn.method == ICBC_METHOD and state in MONEY_MOVED and direction == "expense":
            lag = int(ctx.rng.integers(0, 3))
            if day + timedelta(days=lag) <= ctx.end:
                self.txns.append(factory.bank_copy(txn, lag, ctx.rng))
        return txn

    def _cause(
        self, event: str, state: str, direction: str, member: bool, flags: tuple[str, ...]
    ) -> str:
        """The gold cause of an ordinary charge of a subscription or usage stream."""
        if (
            not member
            or state != SUCCESS
            or direction != "expense"
            or self.truth.type not in ("subscription", "usage")
        ):
            return ""
        if "trial_conversion" in flags:
            return "trial_conversion"
        if "price_increase" in flags or event == "duplicate":
            return "new_purchase_or_upgrade"
        if event in ("promo", "trial", "proration"):
            return ""
        return "usage_settlement" if self.truth.type == "usage" else "auto_renewal"

    def bank(
        self,
        day: date,
        amount,
        *,
        summary: str,
        place: str,
        party: str,
        item: str = "",
        direction: str = "expense",
        event: str = "",
        country: str = "CHN",
        member: bool = True,
        role: str = "",
        flags: tuple[str, ...] = (),
    ) -> Txn:
        """A row that exists only on the bank statement (代扣, transfer, salary, FX card)."""
        txn = Txn(
            datetime.combine(day, time()),
            money(amount),
            direction,
            "",
            platform=ICBC,
            summary=summary,
            place=place,
            party=party,
            item=item,
            method="",
            country=country,
            stream=self.truth.id if member else None,
            event=event,
            econ=self.ctx.econ(),
            role=role,
            flags=flags,
            cause=self._cause(event, SUCCESS, direction, member, flags),
        )
        self.txns.append(txn)
        if member and direction in ("expense", "income"):
            self.truth.charges += 1
        return txn

    def case(self, **cancellations: str) -> Case:
        return Case([self.truth], self.txns, dict(cancellations))


# -- schedule helpers -------------------------------------------------------------------------


def monthly_back(ctx: Context, n: int, anchor: int, last: date | None = None) -> list[date]:
    """Up to ``n`` monthly dates on day ``anchor`` (clamped), ending at or before ``last``."""
    last = last or ctx.end
    day = add_months(last, 0, anchor)
    if day > last:
        day = add_months(last, -1, anchor)
    dates = []
    while len(dates) < n and day >= ctx.start:
        dates.append(day)
        day = add_months(day, -1, anchor)
    return dates[::-1]


def next_monthly(day: date, anchor: int) -> str:
    return add_months(day, 1, anchor).isoformat()


def price(ctx: Context, choices=(19.9, 29, 39, 49, 68, 99, 128, 199, 299, 398)) -> Decimal:
    return money(ctx.pick(choices))
