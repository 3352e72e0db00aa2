"""What the subscriptions still charging cost per month and per year, exactly.

A subscription counts while it is still charging: active or overdue, or cancelled by
the user but charged after the cancellation (the merchant has not stopped). Its yearly
cost is its current amount times the charges of its cadence in a year (52 weekly,
12 monthly, 1 yearly ...); the monthly cost is a twelfth of that, to the cent. An
irregular stream has no cost per period and is left out, and so are bills, rent and
instalments: the summary is about subscriptions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ..vocab import Cadence, Flag, StreamStatus, StreamType

# Charges in one year for each cadence (the calendar's count, not an average of days).
CHARGES_PER_YEAR: dict[str, int] = {
    Cadence.WEEKLY: 52,
    Cadence.BIWEEKLY: 26,
    Cadence.SEMIMONTHLY: 24,
    Cadence.MONTHLY: 12,
    Cadence.MONTHLY_WEEKDAY: 12,
    Cadence.BIMONTHLY: 6,
    Cadence.QUARTERLY: 4,
    Cadence.FOUR_MONTHLY: 3,
    Cadence.SEMIANNUAL: 2,
    Cadence.ANNUAL: 1,
}
CENT = Decimal("0.01")


@dataclass(frozen=True)
class RecurringCost:
    """The subscriptions still charging, and their cost per currency."""

    subscriptions: int = 0
    monthly: dict[str, Decimal] = field(default_factory=dict)
    yearly: dict[str, Decimal] = field(default_factory=dict)


def still_charging(stream: dict) -> bool:
    """True for a subscription the merchant is still charging (see the module text)."""
    if stream.get("type") != StreamType.SUBSCRIPTION:
        return False
    status = stream.get("status")
    if status in (StreamStatus.ACTIVE, StreamStatus.OVERDUE):
        return True
    return status == StreamStatus.CANCELLED and Flag.AFTER_CANCELLATION in (
        stream.get("flags") or []
    )


def yearly_cost(stream: dict) -> Decimal | None:
    """The stream's amount times its charges per year; None for an irregular stream."""
    per_year = CHARGES_PER_YEAR.get(str(stream.get("cadence") or ""))
    if per_year is None:
        return None
    try:
        amount = Decimal(str(stream.get("amount")))
    except (InvalidOperation, ValueError):
        return None
    return amount * per_year


def recurring_cost(streams: Iterable[dict]) -> RecurringCost:
    """Count and cost of the subscriptions still charging among ``streams``."""
    count = 0
    yearly: dict[str, Decimal] = {}
    for stream in streams:
        if not still_charging(stream):
            continue
        cost = yearly_cost(stream)
        if cost is None:
            continue
        count += 1
        currency = str(stream.get("currency") or "CNY")
        yearly[currency] = yearly.get(currency, Decimal(0)) + cost
    monthly = {c: (v / 12).quantize(CENT, rounding=ROUND_HALF_UP) for c, v in yearly.items()}
    yearly = {c: v.quantize(CENT, rounding=ROUND_HALF_UP) for c, v in yearly.items()}
    return RecurringCost(count, monthly, yearly)
