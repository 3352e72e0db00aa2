"""Masking of account, card, phone, ID and e-mail numbers in shareable outputs.

Order ids (交易订单号 / 商户单号) are what a platform needs and are never masked; only
free text (counterparty, description, payment method, the user's own details) is.
The originals inside a package stay byte-identical: nothing here touches them.
"""

from __future__ import annotations

import re

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


__all__ = ["Masker", "mask_account", "mask_text"]
