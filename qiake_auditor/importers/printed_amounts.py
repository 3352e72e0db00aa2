"""Printed amounts as canonical text, also where they were typed in full-width form.

A statement edited in Excel or WPS with a Chinese input method in full-width mode holds
amounts such as ``４９．７４`` or ``－１，２３４．５０``: the same number. The column reader
:func:`money_columns.normalize_amounts` refuses the full-width point and signs, and takes
full-width digits without one as digits, keeping them (``１２`` became ``１２.00``, which no
sum reads). Only those values are folded to ASCII and read again: the common case costs
one check that the amounts read are ASCII.
"""

from __future__ import annotations

import pandas as pd

from ..money_columns import normalize_amounts

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")


def normalize(raw: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """``normalize_amounts`` (amount, negative, valid), full-width digits and signs read."""
    amount, negative, valid = normalize_amounts(raw)
    again = ~valid | ~amount.str.isascii().fillna(True).astype(bool)
    if not again.any():
        return amount, negative, valid
    refused = raw[again].fillna("").astype("str")
    folded = refused.str.translate(_FULL_WIDTH)
    changed = folded != refused
    if not changed.any():
        return amount, negative, valid
    again = normalize_amounts(folded[changed])
    amount, negative, valid = amount.copy(), negative.copy(), valid.copy()
    for whole, part in zip((amount, negative, valid), again, strict=True):
        whole.loc[part.index] = part
    return amount, negative, valid
