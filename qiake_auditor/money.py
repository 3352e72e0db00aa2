"""Exact money: amounts are decimal strings in the ledger, sums use integers.

Statements print amounts in many ways (``¥28.16``, ``￥1,020.00``, ``"1,234.56"``,
``-0.20``, ``9,`` in MT940, numeric Excel cells). Everything is turned into one
canonical text form, unsigned with at least two decimals (``"28.16"``), and the
sign is returned separately so each importer decides the direction itself.
Binary floats never take part in money arithmetic.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .vstr import replace_regex, spread

# Currency signs, codes, spaces and thousands separators that may surround a number.
_NOISE = r"[\s,'¥￥$€£\x{00a0}\x{3000}]|CNY|RMB|USD|EUR|HKD|元"  # RE2 syntax
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"


def normalize_amounts(raw: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Canonicalise a column of printed amounts, vectorised.

    Returns ``(amount, negative, valid)``: canonical unsigned decimal strings,
    a boolean "printed with a minus sign" mask, and a boolean "was a number" mask.
    Invalid entries get an empty amount; callers report them by row.
    """
    if raw.empty:  # a statement with a header and no rows
        return (
            pd.Series([], index=raw.index, dtype="str"),
            pd.Series([], index=raw.index, dtype=bool),
            pd.Series([], index=raw.index, dtype=bool),
        )
    codes, uniques = pd.factorize(raw.fillna("").astype("str"))
    if len(uniques) < len(raw):  # a big statement repeats amounts: work on distinct values
        amount, negative, valid = normalize_amounts(pd.Series(uniques, dtype="str"))
        return (
            spread(amount, codes, raw),
            pd.Series(negative.to_numpy()[codes], index=raw.index, dtype=bool),
            pd.Series(valid.to_numpy()[codes], index=raw.index, dtype=bool),
        )
    text = replace_regex(pd.Series(uniques, index=raw.index, dtype="str"), _NOISE)
    valid = text.str.fullmatch(_NUMBER).fillna(False).astype(bool)
    negative = text.str.startswith("-").fillna(False).astype(bool)
    body = text.str.lstrip("+-")
    parts = body.str.partition(".")
    integer = parts[0].str.lstrip("0").replace("", "0")
    fraction = parts[2].str.pad(2, side="right", fillchar="0")
    amount = (integer + "." + fraction).where(valid, "")
    return amount, negative, valid


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
    amount, negative, valid = normalize_amounts(pd.Series([str(value)], dtype="str"))
    if not valid.iloc[0]:
        return None
    return amount.iloc[0], bool(negative.iloc[0])


def to_decimal(amount: str) -> Decimal:
    """Canonical amount text -> Decimal (raises ValueError on anything else)."""
    try:
        return Decimal(amount)
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {amount!r}") from exc


# Below a billion per amount, ten million amounts add up as int64 cents without overflow.
_CENT_DIGITS = 9


def sum_amounts(amounts: pd.Series) -> Decimal:
    """Exact sum of canonical amount strings.

    Amounts with exactly two decimals (nearly all) are added as integer cents in
    Arrow; the rest (more decimals, empty) go through Decimal once per distinct value.
    """
    text = pa.array(amounts.dropna().astype("str").array)
    dot = pc.find_substring(text, ".")
    cents_like = pc.and_(
        pc.equal(pc.subtract(pc.utf8_length(text), dot), 3),
        pc.and_(pc.greater(dot, 0), pc.less_equal(dot, _CENT_DIGITS)),
    )
    cents_like = pc.fill_null(cents_like, False)
    digits = pc.replace_substring(pc.filter(text, cents_like), ".", "")
    total = Decimal(int(pc.sum(pc.cast(digits, pa.int64())).as_py() or 0)).scaleb(-2)
    rest = pd.Series(pc.filter(text, pc.invert(cents_like)).to_pylist(), dtype="object")
    for value, n in rest[rest != ""].value_counts().items():
        total += Decimal(value) * int(n)
    exponent = total.as_tuple().exponent
    return (
        total if isinstance(exponent, int) and exponent <= -2 else total.quantize(Decimal("0.01"))
    )


def minor_units(amounts: pd.Series, scale: int = 2) -> np.ndarray:
    """Canonical amounts -> int64 counts of 10**-scale (for fast comparisons, not for totals).

    Digits past ``scale`` are cut off, not rounded.
    """
    if amounts.empty:
        return np.zeros(0, dtype=np.int64)
    text = pa.array(amounts.fillna("0.00").astype("str").array)
    if isinstance(text, pa.ChunkedArray):  # a column taken out of an Arrow-backed frame
        text = text.combine_chunks()
    parts = pc.extract_regex(text, r"^(?P<whole>\d*)(?:\.(?P<fraction>\d*))?$")
    if parts.null_count:
        bad = amounts.iloc[int(np.flatnonzero(pc.is_null(parts).to_numpy(zero_copy_only=False))[0])]
        raise ValueError(f"not an amount: {bad!r}")
    whole, fraction = (parts.field(name) for name in ("whole", "fraction"))
    fraction = pc.utf8_slice_codeunits(pc.utf8_rpad(fraction, scale, "0"), 0, scale)
    as_int = [
        pc.cast(pc.if_else(pc.equal(p, ""), "0", p), pa.int64()).to_numpy(zero_copy_only=False)
        for p in (whole, fraction)
    ]
    return as_int[0] * (10**scale) + as_int[1]


def fmt(amount: Decimal | str, places: int = 2) -> str:
    """Decimal -> plain text with at least ``places`` decimals ("199.00")."""
    d = Decimal(amount)
    exponent = d.as_tuple().exponent
    if isinstance(exponent, int) and -exponent < places:
        d = d.quantize(Decimal(1).scaleb(-places))
    return format(d, "f")


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
    value = Decimal(amount).quantize(Decimal("0.01"))
    sign = "-" if value < 0 else ("+" if signed and value > 0 else "")
    text = f"{abs(value):,.2f}"
    if whole and text.endswith(".00"):
        text = text[:-3]
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{currency} {text}"
