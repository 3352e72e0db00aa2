"""A case's charges as columns: what its list entry, charts and table read.

A case of a large bill has 100,000 charges. Its flags, its money per day and the texts
of its charges table can be had from the ledger's columns without making a Charge
object per row (a second of Python that holds the GIL against the window). The case
builder hands each case a :class:`ChargeTable` made from the columns; a case made of
Charge objects (tests, older callers) gets the same from its charges.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..vocab import RowState

# What a case counts as paid (as its totals do): money taken, refunded later or not.
PAID_STATES: tuple[str, ...] = tuple(
    s.value
    for s in (RowState.SUCCESS, RowState.PENDING, RowState.REFUNDED, RowState.PARTIALLY_REFUNDED)
)


@dataclass(frozen=True)
class DayTotal:
    """A case's charges of one day in one currency, before or after the recorded
    cancellation, summed: what a chart of a large case draws."""

    date: date
    currency: str
    after_cancellation: bool
    amount: Decimal
    count: int


@dataclass(frozen=True)
class ChargeFields:
    """Every charge's fields a table shows, one list per field, in the charges' order."""

    date: list[str]  # ISO day
    amount: list[Decimal]
    currency: list[str]
    state: list[str]
    flags: list[tuple[str, ...]]
    cause: list[str | None]
    reason_zh: list[str]
    reason_en: list[str]
    source: list[str]
    source_row: list[int]
    after_cancellation: list[bool]

    def __len__(self) -> int:
        return len(self.date)

    @classmethod
    def of(cls, charges: Iterable) -> ChargeFields:
        """The fields of Charge objects (anything with a Charge's attributes)."""
        charges = list(charges)
        return cls(
            [c.date.isoformat() for c in charges],
            [c.amount for c in charges],
            [c.currency for c in charges],
            [c.state for c in charges],
            [tuple(c.flags) for c in charges],
            [c.cause for c in charges],
            [c.cause_reason_zh for c in charges],
            [c.cause_reason_en for c in charges],
            [c.source for c in charges],
            [int(c.source_row) for c in charges],
            [bool(c.after_cancellation) for c in charges],
        )


@dataclass
class ChargeTable:
    """What the case builder worked out of a case's charges from the ledger's columns;
    the fields of every charge are made when a table first asks for them."""

    flags: frozenset[str]
    day_totals: list[DayTotal]
    make_fields: Callable[[], ChargeFields]
    _fields: ChargeFields | None = None

    def fields(self) -> ChargeFields:
        if self._fields is None:
            self._fields = self.make_fields()
        return self._fields


def day_totals_of(charges: Iterable) -> list[DayTotal]:
    """The money taken (charges in PAID_STATES, as every charge of a built case is) summed
    per (day, currency, after the cancellation), in that order."""
    return summed_per_day(
        (c.date, c.currency, bool(c.after_cancellation), c.amount)
        for c in charges
        if c.state in PAID_STATES
    )


def summed_per_day(items: Iterable[tuple[date, str, bool, Decimal]]) -> list[DayTotal]:
    """(day, currency, after, amount) items summed per (day, currency, after), sorted."""
    money: dict[tuple[date, str, bool], list] = {}
    for day, currency, late, amount in items:
        entry = money.setdefault((day, currency, late), [Decimal(0), 0])
        entry[0] += amount
        entry[1] += 1
    return [DayTotal(*key, total, n) for key, (total, n) in sorted(money.items())]


def flags_of(charges: Sequence) -> frozenset[str]:
    return frozenset(f for c in charges for f in c.flags)
