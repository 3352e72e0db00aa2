"""A case's price history and its failed or retried attempts, as typed rows.

The detector gives each stream its price segments and each of its rows a role
(charge, retry, failed, refund ...); the case detail and the report show them per
case, every row naming its file and row. Refunds are the case's own
(:attr:`~.cases.Case.refunds`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from ..vocab import Role

if TYPE_CHECKING:
    from .cases import Case


@dataclass(frozen=True)
class PriceStep:
    """From ``since`` on, ``charges`` charges of ``amount`` (``change`` from the step before)."""

    merchant: str
    since: date
    amount: Decimal
    currency: str
    charges: int
    change: Decimal | None


@dataclass(frozen=True)
class Attempt:
    """A charge attempt that did not go through: retried later (``retry``) or never."""

    merchant: str
    date: date
    amount: Decimal
    currency: str
    role: Role
    state: str
    source: str
    source_row: int


def _decimal(value: object) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return Decimal(0)


def price_history(case: Case) -> list[PriceStep]:
    """Every stream's price steps, by stream then date; the first step has no change."""
    steps: list[PriceStep] = []
    for stream in case.streams:
        previous: Decimal | None = None
        for segment in stream.get("price_history") or []:
            amount = _decimal(segment.get("amount"))
            steps.append(
                PriceStep(
                    str(stream.get("merchant") or ""),
                    date.fromisoformat(str(segment.get("from"))[:10]),
                    amount,
                    str(stream.get("currency") or "CNY"),
                    int(segment.get("count") or 0),
                    None if previous is None else amount - previous,
                )
            )
            previous = amount
    return steps


def price_changes(case: Case) -> int:
    """How many times a price changed (steps after a stream's first)."""
    return sum(1 for step in price_history(case) if step.change)


def attempts(case: Case) -> list[Attempt]:
    """The failed and retried attempts of the case's streams, by date."""
    found: list[Attempt] = []
    for stream in case.streams:
        for charge in stream.get("charges") or []:
            role = charge.get("role")
            if role not in (Role.RETRY, Role.FAILED):
                continue
            found.append(
                Attempt(
                    str(stream.get("merchant") or ""),
                    date.fromisoformat(str(charge.get("date"))[:10]),
                    _decimal(charge.get("amount")),
                    str(stream.get("currency") or "CNY"),
                    Role(role),
                    str(charge.get("state") or ""),
                    str(charge.get("source") or ""),
                    int(charge.get("source_row") or 0),
                )
            )
    return sorted(found, key=lambda a: (a.date, a.source, a.source_row))
