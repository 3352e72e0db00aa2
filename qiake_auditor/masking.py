"""Account numbers in outputs meant to be shared: all but the last four characters hidden.

The workspace keeps every original as printed; a ledger export or a JSON report that
is sent to a platform or a regulator shows ``****3000`` instead of the whole IBAN or
account id (OFX ``ACCTID``, camt ``IBAN``, MT940 ``:25:``), unless the user asks for them.
"""

from __future__ import annotations

import re

import pandas as pd

# A run of at least 8 account characters (digits, or an IBAN-like letters+digits id with
# at least six digits); shorter runs are card tails like 招商银行(1111), already masked.
_ACCOUNT = re.compile(r"(?<![A-Za-z0-9])(?=(?:[A-Za-z]*\d){6})[A-Za-z0-9/-]{8,34}(?![A-Za-z0-9])")
SHOWN = 4


def mask_account(text: str) -> str:
    """``DE89370400440532013000`` -> ``****3000``; text without an account number unchanged."""
    return _ACCOUNT.sub(_masked, text) if text else text


def _masked(match: re.Match[str]) -> str:
    value = match.group(0)
    return "*" * 4 + value[-SHOWN:]


def mask_accounts(column: pd.Series) -> pd.Series:
    """mask_account over a column, once per distinct value."""
    codes, uniques = pd.factorize(column.fillna("").astype("str"))
    if not len(uniques):
        return column
    masked = pd.Index([mask_account(u) for u in uniques], dtype="object")
    return pd.Series(masked.take(codes), index=column.index, dtype="str")
