"""Shared plumbing for Chinese bank statements (ICBC, CCB, CMB, CITIC, SPDB).

Bank exports differ from wallet bills in three ways this module handles once:
money in and money out sit in two columns (the unused one blank, ``-`` or ``0.0``)
or in one signed column; the currency is a Chinese word (``人民币``); and the
card is named only in a preamble line, so the ``method`` is built from its last
four digits (``工商银行(5678)``), the same shape wallets print for a bank card.
This module has no ``IMPORTERS``; the discovery in ``base`` simply finds none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import pandas as pd

from .. import ledger
from ..errors import StatementError, StatementWarning
from ..money import canonical
from ..money_columns import normalize_amounts, sum_amounts
from . import field_text

CURRENCIES = {
    "人民币": "CNY",
    "人民币元": "CNY",
    "本币": "CNY",
    "美元": "USD",
    "港币": "HKD",
    "港元": "HKD",
    "欧元": "EUR",
    "日元": "JPY",
    "英镑": "GBP",
    "澳元": "AUD",
    "澳大利亚元": "AUD",
    "加元": "CAD",
    "加拿大元": "CAD",
    "新加坡元": "SGD",
    "瑞士法郎": "CHF",
    "新西兰元": "NZD",
    "韩元": "KRW",
    "澳门元": "MOP",
    "新台币": "TWD",
    "泰铢": "THB",
}
# Values banks print in an unused cell.
PLACEHOLDERS = ("", "-", "--", "/", "—")
_PAD = " \t\r\n\u3000\ufeff\"'"


def text(column: pd.Series) -> pd.Series:
    """Cells as trimmed text (spaces, tabs, U+3000 removed); placeholders become ''."""
    if pd.api.types.infer_dtype(column, skipna=False) != "string":
        column = column.map(field_text.cell_text)  # spreadsheet cells: numbers, dates, None
    values = column.astype("str").str.strip(_PAD)
    return values.mask(values.isin(PLACEHOLDERS), "")


def first_filled(*columns: pd.Series) -> pd.Series:
    """Per row, the first non-empty value of the given text columns."""
    result = columns[0]
    for column in columns[1:]:
        result = result.mask(result == "", column)
    return result


def joined(*columns: pd.Series) -> pd.Series:
    """Non-empty values of the given text columns joined by a space."""
    result = columns[0]
    for column in columns[1:]:
        both = (result + " " + column).where(column != "", result)
        result = both.where(result != "", column)
    return result


def currency_codes(raw: pd.Series, default: str = "CNY") -> tuple[pd.Series, list[str]]:
    """Currency words (人民币, 美元 ...) or ISO codes -> ISO codes; unknown words warn."""
    words = text(raw)
    table: dict[str, str] = {}
    warnings: list[str] = []
    for word in words.unique():
        code = CURRENCIES.get(word)
        if code is None and re.fullmatch(r"[A-Z]{3}", word):
            code = word
        if code is None:
            code = word or default
            if word:
                warnings.append(StatementWarning.of("statement.unknown_currency", word=word))
        table[word] = code
    return words.map(table).astype("str"), warnings


def currency_code(word: str, default: str = "CNY") -> str:
    """One currency word -> ISO code (the default when blank or unknown)."""
    word = word.strip(_PAD)
    return CURRENCIES.get(word, word if re.fullmatch(r"[A-Z]{3}", word) else default)


def amounts(
    frame: pd.DataFrame, column: str, source: str, unit: str
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """A money column -> (canonical amount, negative, filled); filled is False for blank/-/0.

    A cell that is neither a placeholder nor a number raises a StatementError
    naming its row, so anonymised text such as ``xx,yyyy.zz`` is never read as 0.
    """
    values = text(frame[column])
    amount, negative, valid = normalize_amounts(values)
    empty = values == ""
    bad = ~valid & ~empty
    if bad.any():
        index = bad.idxmax()
        raise StatementError.of(
            "statement.bad_printed_amount",
            source=source,
            row=int(frame.at[index, "source_row"]),
            unit=unit,
            column=column,
            value=values.at[index],
            example="1,234.56",
        )
    zero = amount.str.fullmatch(r"0\.0*").fillna(False).astype(bool)
    filled = valid & ~zero
    return amount.where(valid, "0.00"), negative & filled, filled


def two_columns(
    frame: pd.DataFrame, income: str, expense: str, source: str, unit: str
) -> tuple[pd.Series, pd.Series]:
    """Separate 收入/支出 columns -> (amount, direction).

    A minus sign in a column reverses it (a reversed card payment printed as a
    negative expense is money in). A row with neither is neutral with 0.00; a row
    with both raises an error naming the row, since its meaning is unclear.
    """
    in_amount, in_negative, in_filled = amounts(frame, income, source, unit)
    out_amount, out_negative, out_filled = amounts(frame, expense, source, unit)
    both = in_filled & out_filled
    if both.any():
        index = both.idxmax()
        raise StatementError.of(
            "statement.income_and_expense",
            source=source,
            row=int(frame.at[index, "source_row"]),
            unit=unit,
            income=income,
            expense=expense,
        )
    amount = in_amount.where(in_filled, out_amount.where(out_filled, "0.00"))
    direction = pd.Series(ledger.NEUTRAL, index=frame.index, dtype="str")
    direction = direction.mask(in_filled, ledger.INCOME).mask(out_filled, ledger.EXPENSE)
    direction = direction.mask(in_filled & in_negative, ledger.EXPENSE)
    direction = direction.mask(out_filled & out_negative, ledger.INCOME)
    return amount.astype("str"), direction


def signed_column(
    frame: pd.DataFrame, column: str, source: str, unit: str, positive: str
) -> tuple[pd.Series, pd.Series]:
    """One signed amount column -> (amount, direction); ``positive`` is the direction of +."""
    amount, negative, filled = amounts(frame, column, source, unit)
    other = ledger.INCOME if positive == ledger.EXPENSE else ledger.EXPENSE
    direction = pd.Series(positive, index=frame.index, dtype="str").mask(negative, other)
    return amount, direction.mask(~filled, ledger.NEUTRAL)


def card_method(bank: str, account: str) -> str:
    """``工商银行(5678)`` from a masked or full account number; just the bank when none."""
    digits = re.sub(r"[^0-9A-Za-z*]", "", account)
    tail = digits[-4:] if len(digits) >= 4 else ""
    return f"{bank}({tail})" if tail else bank


def rows_frame(
    frame: pd.DataFrame,
    *,
    time: pd.Series,
    amount: pd.Series,
    direction: pd.Series,
    currency: pd.Series | str,
    counterparty: pd.Series,
    description: pd.Series,
    category: pd.Series | str,
    method: pd.Series | str,
    txn_id: pd.Series | str = "",
) -> pd.DataFrame:
    """The importer columns for booked bank rows (state is always success)."""
    return pd.DataFrame(
        {
            "source_row": frame["source_row"].astype("int64"),
            "time": time,
            "amount": amount,
            "currency": currency,
            "direction": direction,
            "state": ledger.SUCCESS,
            "counterparty": counterparty,
            "description": description,
            "method": method,
            "txn_id": txn_id,
            "merchant_order_id": "",
            "category": category,
        }
    )


def compare_footer(rows: pd.DataFrame, label: str, declared: dict[str, str]) -> list[str]:
    """Warnings where the per-direction sums read differ from a footer's totals.

    ``declared`` maps a direction to the printed total; an unreadable printed
    total (anonymised files) is itself reported.
    """
    warnings: list[str] = []
    for direction, printed in declared.items():
        printed = printed.strip(_PAD)
        parsed = canonical(printed)
        got = sum_amounts(rows.loc[rows["direction"] == direction, "amount"])
        if parsed is None:
            if printed:
                warnings.append(
                    StatementWarning.of(
                        f"statement.footer_total_unreadable.{direction}",
                        label=label,
                        printed=printed,
                        got=got,
                    )
                )
            continue
        total = Decimal(parsed[0])
        if total != got:
            warnings.append(
                StatementWarning.of(
                    f"statement.footer_total_differs.{direction}", label=label, total=total, got=got
                )
            )
    return warnings


def row_cells(values: Sequence[object]) -> list[str]:
    """Cells of a sheet row as clean text."""
    return [field_text.cell_text(v) for v in values]
