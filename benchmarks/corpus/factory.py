"""Small builders shared by the scenario generators and the demo: ids, times, bank copies."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import numpy as np

from .model import ALIPAY, ALIPAY_COMPANY, ICBC, TENPAY_COMPANY, WECHAT, Txn


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int, anchor: int | None = None) -> date:
    """Same day-of-month ``anchor`` (default: day's) months later, clamped to month end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(anchor or day.day, last))


def at(day: date, rng: np.random.Generator, start_hour: int = 0, end_hour: int = 24) -> datetime:
    """A random time of day on ``day``."""
    seconds = int(rng.integers(start_hour * 3600, end_hour * 3600))
    return datetime.combine(day, time()) + timedelta(seconds=seconds)


def digits(rng: np.random.Generator, n: int) -> str:
    return "".join(str(d) for d in rng.integers(0, 10, n))


def alipay_id(rng: np.random.Generator, moment: datetime) -> str:
    """28-digit Alipay 交易订单号: date, 2200, then digits."""
    return moment.strftime("%Y%m%d") + "2200" + digits(rng, 16)


def wechat_id(rng: np.random.Generator, moment: datetime) -> str:
    """28-digit WeChat 交易单号."""
    return "4200" + digits(rng, 6) + moment.strftime("%Y%m%d") + digits(rng, 10)


def order_id(rng: np.random.Generator, prefix: str, moment: datetime) -> str:
    return prefix + moment.strftime("%Y%m%d") + digits(rng, 8)


def platform_id(rng: np.random.Generator, platform: str, moment: datetime) -> str:
    if platform == WECHAT:
        return wechat_id(rng, moment)
    if platform == ALIPAY:
        return alipay_id(rng, moment)
    return ""


def bank_copy(txn: Txn, lag_days: int, rng: np.random.Generator) -> Txn:
    """The bank statement's row for a wallet payment made with the bank card."""
    wallet = "支付宝" if txn.platform == ALIPAY else "财付通"
    company = ALIPAY_COMPANY if txn.platform == ALIPAY else TENPAY_COMPANY
    return replace(
        txn,
        platform=ICBC,
        time=datetime.combine(txn.day + timedelta(days=lag_days), time()),
        summary="消费" if txn.direction == "expense" else "退款",
        place=f"{wallet}-{txn.counterparty}",
        party=company,
        party_account="",
        item="",
        txn_id="",
        order_id="",
        method="",
        category="",
        event=txn.event,
        flags=(),
    )


def _span(first: str, last: str) -> set[date]:
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    return {a + timedelta(days=k) for k in range((b - a).days + 1)}


# Mainland public holidays and 调休 working weekend days, 2023-10 .. 2026-02.
HOLIDAYS: set[date] = set().union(
    _span("2023-09-29", "2023-10-06"),
    _span("2023-12-30", "2024-01-01"),
    _span("2024-02-10", "2024-02-17"),
    _span("2024-04-04", "2024-04-06"),
    _span("2024-05-01", "2024-05-05"),
    _span("2024-06-08", "2024-06-10"),
    _span("2024-09-15", "2024-09-17"),
    _span("2024-10-01", "2024-10-07"),
    _span("2025-01-01", "2025-01-01"),
    _span("2025-01-28", "2025-02-04"),
    _span("2025-04-04", "2025-04-06"),
    _span("2025-05-01", "2025-05-05"),
    _span("2025-05-31", "2025-06-02"),
    _span("2025-10-01", "2025-10-08"),
    _span("2026-01-01", "2026-01-03"),
)
WORKING_WEEKENDS: set[date] = {
    date.fromisoformat(d)
    for d in (
        "2023-10-07",
        "2023-10-08",
        "2024-02-04",
        "2024-02-18",
        "2024-04-07",
        "2024-04-28",
        "2024-05-11",
        "2024-09-14",
        "2024-09-29",
        "2024-10-12",
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2025-09-28",
        "2025-10-11",
        "2026-01-04",
    )
}


def is_business_day(day: date) -> bool:
    if day in WORKING_WEEKENDS:
        return True
    return day.weekday() < 5 and day not in HOLIDAYS


def next_business_day(day: date) -> date:
    while not is_business_day(day):
        day += timedelta(days=1)
    return day
