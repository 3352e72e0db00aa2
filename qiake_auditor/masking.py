"""Identifying numbers in outputs meant to be shared: accounts, cards, phones, IDs, e-mail.

One module for every output: the ledger export and ``scan --json`` hide account
numbers inside statement text (:func:`mask_account_numbers`, e.g. OFX ``ACCTID``,
camt ``IBAN``, MT940 ``:25:`` in the payment method); the evidence package, the
report and the letters mask free text and the user's own details (:class:`Masker`).
Order ids (交易订单号 / 商户单号) are what a platform needs and are never masked. The
workspace and the originals inside a package keep every value as printed.
"""

from __future__ import annotations

import re

import pandas as pd

# -- account numbers inside statement text (ledger export, scan --json) -----------------

# A run of at least 8 account characters (digits, or an IBAN-like letters+digits id with
# at least six digits); shorter runs are card tails like 招商银行(1111), already masked.
_ACCOUNT = re.compile(r"(?<![A-Za-z0-9])(?=(?:[A-Za-z]*\d){6})[A-Za-z0-9/-]{8,34}(?![A-Za-z0-9])")
SHOWN = 4
# Ledger columns that hold account numbers as printed (the payment method or account).
ACCOUNT_COLUMNS = ("method",)


def mask_account_numbers(text: str) -> str:
    """``DE89370400440532013000`` -> ``****3000``; text without an account number unchanged."""
    return _ACCOUNT.sub(_masked, text) if text else text


def _masked(match: re.Match[str]) -> str:
    value = match.group(0)
    return "*" * 4 + value[-SHOWN:]


def mask_accounts(column: pd.Series) -> pd.Series:
    """mask_account_numbers over a column, once per distinct value."""
    codes, uniques = pd.factorize(column.fillna("").astype("str"))
    if not len(uniques):
        return column
    masked = pd.Index([mask_account_numbers(u) for u in uniques], dtype="object")
    return pd.Series(masked.take(codes), index=column.index, dtype="str")


def shareable_rows(rows: pd.DataFrame, full_accounts: bool = False) -> pd.DataFrame:
    """Ledger rows as a shareable output shows them: account numbers masked unless
    ``full_accounts`` (a copy; the given rows are not changed)."""
    if full_accounts:
        return rows
    present = [c for c in ACCOUNT_COLUMNS if c in rows]
    return rows.assign(**{c: mask_accounts(rows[c]) for c in present})


# -- free text and the user's own details (evidence package, report, letters) -----------

# 18-digit ID card numbers (last may be X), then card/account numbers of 12-19 digits
# (possibly grouped by spaces or dashes), then mainland mobile numbers, then e-mail.
_ID = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")
_CARD = re.compile(r"(?<![\dA-Za-z])(\d{4})((?:[ -]?\d){4,11})([ -]?)(\d{4})(?![\d])")
_PHONE = re.compile(r"(?<!\d)(\+?86[ -]?)?(1[3-9]\d)[ -]?\d{4}[ -]?(\d{4})(?!\d)")
# IBANs of the usual countries only: an order id like QK2025... must stay readable.
_IBAN_COUNTRIES = (
    "AT|BE|BG|CH|CY|CZ|DE|DK|EE|ES|FI|FR|GB|GR|HR|HU|IE|IS|IT|LI|LT|LU|LV|MC|MT|"
    "NL|NO|PL|PT|RO|SE|SI|SK|SM"
)
_IBAN = re.compile(
    rf"(?<![A-Za-z0-9])((?:{_IBAN_COUNTRIES})\d{{2}})[A-Z0-9]{{7,26}}([A-Z0-9]{{4}})"
    r"(?![A-Za-z0-9])"
)
_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})")


def mask_text(text: str | None) -> str:
    """``6222021234567890123`` -> ``6222 **** **** 0123``; ``13812345678`` -> ``138****5678``."""
    if not text:
        return text or ""
    text = _IBAN.sub(lambda m: f"{m.group(1)} **** {m.group(2)}", text)
    text = _ID.sub(lambda m: f"{m.group(1)}{'*' * 8}{m.group(2)}", text)
    text = _PHONE.sub(lambda m: f"{m.group(1) or ''}{m.group(2)}****{m.group(3)}", text)
    text = _CARD.sub(lambda m: f"{m.group(1)} **** **** {m.group(4)}", text)
    return _EMAIL.sub(lambda m: f"{m.group(1)}***{m.group(2)}", text)


def mask_account(value: str | None) -> str:
    """A user-given account or card number: only its last four characters shown."""
    value = (value or "").strip()
    if not value:
        return ""
    if "@" in value:
        return mask_text(value)
    digits = re.sub(r"\D", "", value)
    if len(digits) == 11 and digits.startswith("1"):
        return mask_text(digits)
    tail = (digits or value)[-4:]
    return f"**** {tail}" if len(digits) < 12 else f"{digits[:4]} **** **** {tail}"


class Masker:
    """What one output does with identifying numbers: mask them, or (``--unmasked``) not."""

    def __init__(self, unmasked: bool = False) -> None:
        self.unmasked = unmasked

    def text(self, value: str | None) -> str:
        return (value or "") if self.unmasked else mask_text(value)

    def account(self, value: str | None) -> str:
        return (value or "") if self.unmasked else mask_account(value)


__all__ = [
    "ACCOUNT_COLUMNS",
    "Masker",
    "mask_account",
    "mask_account_numbers",
    "mask_accounts",
    "mask_text",
    "shareable_rows",
]
