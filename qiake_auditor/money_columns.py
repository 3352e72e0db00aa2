"""Exact money over a column of amounts (vectorised): canonical texts, sums, cents.

See :mod:`qiake_auditor.money` for the canonical form of one amount.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .vstr import replace_regex, spread

# Currency signs, codes, spaces and thousands separators that may surround a number.
_NOISE = r"[\s,'¥￥$€£\x{00a0}\x{3000}]|CNY|RMB|USD|EUR|HKD|元"  # RE2 syntax
_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
# Amounts typed with a Chinese input method in full-width mode (４９．７４, －１，２３４．５０)
# in a statement edited in Excel or WPS: the same numbers, read as their ASCII forms.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋\u2212", "0123456789.,-+-")


def normalize_one(text: str) -> tuple[str, bool] | None:
    """``normalize_amounts`` of one printed value: (canonical text, negative) or None."""
    amount, negative, valid = normalize_amounts(pd.Series([text], dtype="str"))
    if not valid.iloc[0]:
        return None
    return amount.iloc[0], bool(negative.iloc[0])


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
    text = pd.Series(uniques, index=raw.index, dtype="str")
    if not text.str.isascii().all():  # one check over the distinct values, as a rule
        text = text.str.translate(_FULL_WIDTH)
    text = replace_regex(text, _NOISE)
    valid = text.str.fullmatch(_NUMBER).fillna(False).astype(bool)
    negative = text.str.startswith("-").fillna(False).astype(bool)
    body = text.str.lstrip("+-")
    parts = body.str.partition(".")
    integer = parts[0].str.lstrip("0").replace("", "0")
    fraction = parts[2].str.pad(2, side="right", fillchar="0")
    amount = (integer + "." + fraction).where(valid, "")
    return amount, negative, valid


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
