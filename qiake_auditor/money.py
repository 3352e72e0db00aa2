"""Exact money, one amount at a time: amounts are decimal strings in the ledger.

Statements print amounts in many ways (``¥28.16``, ``￥1,020.00``, ``"1,234.56"``,
``-0.20``, ``9,`` in MT940, numeric Excel cells). Everything is turned into one
canonical text form, unsigned with at least two decimals (``"28.16"``), and the
sign is returned separately so each importer decides the direction itself.
Binary floats never take part in money arithmetic. Whole columns of amounts are
handled in :mod:`qiake_auditor.money_columns` (numpy, pandas and Arrow), which the
window does not need to start: it only formats amounts.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation


def canonical(value: object) -> tuple[str, bool] | None:
    """One printed amount or numeric cell -> (canonical text, negative), or None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f"{abs(value)}.00", value < 0
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        value = repr(value)  # shortest text that round-trips: 28.16 -> "28.16"
    from .money_columns import normalize_one  # the column rule, for one value

    return normalize_one(str(value))


def to_decimal(amount: str) -> Decimal:
    """Canonical amount text -> Decimal (raises ValueError on anything else)."""
    try:
        return Decimal(amount)
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {amount!r}") from exc


def fmt(amount: Decimal | str, places: int = 2) -> str:
    """Decimal -> plain text with at least ``places`` decimals ("199.00")."""
    d = Decimal(amount)
    exponent = d.as_tuple().exponent
    if isinstance(exponent, int) and -exponent < places:
        d = d.quantize(Decimal(1).scaleb(-places))
    return format(d, "f")


_CENT = Decimal("0.01")
CURRENCY_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "HKD": "HK$", "JPY": "JP¥"}


def from_cents(cents: int) -> Decimal:
    """Integer minor units (as detection counts them) -> the exact Decimal amount."""
    return Decimal(int(cents)).scaleb(-2)


def cents_text(cents: int) -> str:
    """Integer minor units -> the ledger's plain decimal text ('-199.00'), for machine
    output such as ``scan --json``; people get :func:`format_amount`."""
    sign = "-" if cents < 0 else ""
    cents = abs(int(cents))
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def format_amount(
    amount: Decimal | str | int,
    currency: str = "CNY",
    signed: bool = False,
    whole: bool = False,
) -> str:
    """The one way an amount is shown to a person: '¥5,274.00', 'USD 12.50' -> '$12.50'.

    Thousands separators, two decimals, the currency's symbol (its code where it has
    none here, e.g. 'CHF 10.00'); ``signed`` puts '+' before positive amounts;
    ``whole`` drops '.00' from whole amounts ('¥199'), as running prose writes them.
    """
    # an amount already a Decimal is not copied first (a large case's table words
    # tens of thousands of them)
    value = (amount if type(amount) is Decimal else Decimal(amount)).quantize(_CENT)
    sign = "-" if value < 0 else ("+" if signed and value > 0 else "")
    text = f"{abs(value):,.2f}"
    if whole and text.endswith(".00"):
        text = text[:-3]
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{currency} {text}"
