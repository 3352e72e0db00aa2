"""Words the command line prints, in each language: Chinese punctuation in Chinese, English
plurals in English, and no text built outside the message catalogue."""

from __future__ import annotations

from decimal import Decimal

from qiake_auditor.app.cases import Totals, money_total


def test_totals_of_several_currencies_are_joined_in_the_language_of_the_text() -> None:
    totals = {"CNY": Totals(paid=Decimal("29.00")), "USD": Totals(paid=Decimal("12.00"))}
    assert money_total(totals, "zh") == "¥29.00；$12.00"
    assert money_total(totals, "en") == "¥29.00; $12.00"
    assert money_total({"CNY": Totals(paid=Decimal("5274.00"))}, "zh") == "¥5,274.00"
