"""Synthetic transactions and their ground truth, independent of any export layout.

A generator produces :class:`Txn` objects; a writer turns them into the bytes of a
real export layout and reports the ``source_row`` each one landed on, so the truth
can be keyed exactly the way the importers number rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

CENT = Decimal("0.01")

# Semantic states; each writer maps them to its platform's words.
SUCCESS, CLOSED, PENDING, REFUND, REFUNDED, PARTIAL = (
    "success",
    "closed",
    "pending",
    "refund",
    "refunded",
    "partial",
)

ALIPAY, WECHAT, ICBC = "alipay", "wechat", "icbc"

# Legal names of the payment companies as banks print them in 对方户名.
ALIPAY_COMPANY = "支付宝（中国）网络技术有限公司"
TENPAY_COMPANY = "深圳市财付通支付科技有限公司"


def money(value: object) -> Decimal:
    """Exact two-decimal amount."""
    return Decimal(str(value)).quantize(CENT)


@dataclass
class Txn:
    """One synthetic statement row plus its truth labels."""

    time: datetime
    amount: Decimal
    direction: str  # expense | income | neutral
    counterparty: str
    platform: str = ALIPAY
    item: str = ""
    category: str = ""  # Alipay 交易分类 / WeChat 交易类型
    method: str = "余额"
    state: str = SUCCESS
    status_text: str = ""  # overrides the platform's word for `state`
    txn_id: str = ""
    order_id: str = ""
    counter_account: str = "/"
    # bank-only fields (ICBC)
    summary: str = "消费"  # 摘要
    place: str = ""  # 交易场所
    party: str = ""  # 对方户名
    party_account: str = ""
    country: str = "CHN"
    # truth
    stream: str | None = None
    event: str = ""
    econ: str = ""  # one economic transaction; a wallet row and its bank copy share it
    role: str = ""  # "" (ordinary), "decoy" (habit), "ignore" (neither gold nor decoy)
    decoy: str = ""  # decoy merchant key
    flags: tuple[str, ...] = ()  # flags the detector is expected to raise on this row
    cause: str = ""  # the gold cause of this charge ("" where none is scored)

    @property
    def day(self) -> date:
        return self.time.date()


@dataclass
class StreamTruth:
    """What a detector should report for one gold stream."""

    id: str
    case: str  # hard-case tag H1..H24
    variant: str
    merchant: str  # legal / canonical name
    names: list[str]
    type: str  # subscription | bill | instalment | transfer | income
    cadence: str
    currency: str = "CNY"
    events: list[str] = field(default_factory=list)
    cancelled: str | None = None  # ISO date the user cancelled, where the case has one
    expected_flags: list[str] = field(default_factory=list)
    next_expected: str | None = None
    status: str = "active"
    alt_types: list[str] = field(default_factory=list)  # other acceptable types
    ok_flags: list[str] = field(default_factory=list)  # flags that are acceptable, not required
    alt_next: list[str] = field(default_factory=list)  # other acceptable next dates
    charges: int = 0  # successful charges (filled by the generator)
