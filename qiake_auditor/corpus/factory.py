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
        txn, platform=ICBC, time=datetime.combine(txn.day + timedelta(days=lag_days), time()),
        summary="消费" if txn.direction == "expense" else "退款",
        place=f"{wallet}-{txn.counterparty}", party=company, party_account="", item="",
        txn_id="", order_id="", method="", category="", event=txn.event,
        flags=(),
    )
