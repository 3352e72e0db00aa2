"""Cell values of unknown bank tables: dates in many orders, amounts in many dresses."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from .. import ledger
from ..errors import StatementError, StatementWarning
from ..i18n import Listed
from ..money_columns import normalize_amounts

_TIME = r"(?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_YMD = r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?" + _TIME
_COMPACT = r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:\s*(?P<H>\d{2}):?(?P<M>\d{2}):?(?P<S>\d{2}))?"
_DAY_MONTH = r"(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})[-/.](?P<y>\d{4}|\d{2})" + _TIME

EXCEL_EPOCH = dt.datetime(1899, 12, 30)

EXPENSE_WORDS = {
    "借",
    "借方",
    "支出",
    "支",
    "出",
    "转出",
    "付款",
    "debit",
    "dr",
    "d",
    "withdrawal",
    "out",
    "debit/dr",
    "expense",
}
INCOME_WORDS = {
    "贷",
    "贷方",
    "收入",
    "收",
    "入",
    "转入",
    "收款",
    "credit",
    "cr",
    "c",
    "deposit",
    "in",
    "credit/cr",
    "income",
}

# Words of a 收/支 column for rows that are neither (wallet bills: a move between one's own
# accounts, a refund of a closed order).
NEUTRAL_WORDS = {"不计收支", "/", "neutral"}

CURRENCY_NAMES = {
    "人民币": "CNY",
    "人民币元": "CNY",
    "rmb": "CNY",
    "元": "CNY",
    "美元": "USD",
    "港币": "HKD",
    "港元": "HKD",
    "欧元": "EUR",
    "日元": "JPY",
    "英镑": "GBP",
    "澳元": "AUD",
    "加元": "CAD",
    "新加坡元": "SGD",
    "澳门元": "MOP",
    "台币": "TWD",
    "新台币": "TWD",
}


# Currency marks printed with amounts, longest first (HK$ before $); the code each means.
# "$" and "¥" are ambiguous (CAD, AUD, JPY...): imports that rely on them say so.
CURRENCY_SIGNS = {
    "HK$": "HKD",
    "US$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "S$": "SGD",
    "NZ$": "NZD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "￥": "CNY",
}
AMBIGUOUS_SIGNS = frozenset({"$", "¥", "￥"})
_SIGN = "|".join(re.escape(sign) for sign in sorted(CURRENCY_SIGNS, key=len, reverse=True))
_CODE = r"[A-Z]{3}"
# ``Amount (USD)``, ``金额（美元）``, ``Amount in EUR``, ``Amount USD``.
_HEADER_UNIT = re.compile(
    r"(?:[(（]\s*([^()（）]{1,8}?)\s*[)）]|\bin\s+([A-Za-z]{3})|\s([A-Z]{3}))$"
)
ISO_CODE = re.compile(r"[A-Za-z]{3}")


def sign_currencies(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(ISO code, sign as printed) of the currency mark in each printed amount ('' if none)."""
    text = raw.fillna("").astype("str")
    found = text.str.extract(f"({_SIGN})", expand=False).fillna("").astype("str")
    return found.map(lambda sign: CURRENCY_SIGNS.get(sign, "")).astype("str"), found


def strip_signs(raw: pd.Series) -> pd.Series:
    """Printed amounts without their currency marks (``HK$12.00`` -> ``12.00``)."""
    return raw.fillna("").astype("str").str.replace(_SIGN, "", regex=True)


def header_currency(name: str) -> str:
    """The currency a column's header names (``Amount (USD)`` -> ``USD``), else ''."""
    match = _HEADER_UNIT.search(name.strip())
    if match is None:
        return ""
    unit = next(group for group in match.groups() if group)
    code = CURRENCY_NAMES.get(unit.lower(), unit.upper())
    return code if re.fullmatch(_CODE, code) and code in KNOWN_CODES else ""


# Codes a header may name: the ones the app has names for, and the usual others.
KNOWN_CODES = frozenset(
    {*CURRENCY_NAMES.values(), *CURRENCY_SIGNS.values()}
    | {"CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "KRW", "INR", "THB", "MYR", "RUB", "BRL"}
)


def excel_serial(value: object) -> object:
    """An Excel date serial number (a numeric cell in a date column) -> datetime."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        moment = EXCEL_EPOCH + dt.timedelta(days=float(value))
        return moment.date() if float(value).is_integer() else moment
    return value


def distinct(function):
    """Run a column function once per distinct value (statements repeat dates and amounts)."""

    def wrapper(raw: pd.Series, *args, **kwargs):
        codes, uniques = pd.factorize(raw.fillna("").astype("str"), use_na_sentinel=False)
        results = function(pd.Series(uniques, dtype="str"), *args, **kwargs)
        if isinstance(results, tuple):
            return tuple(
                pd.Series(r.to_numpy()[codes], index=raw.index, dtype=r.dtype) for r in results
            )
        return pd.Series(results.to_numpy()[codes], index=raw.index, dtype=results.dtype)

    return wrapper


def dates(raw: pd.Series, rows: pd.Series, source: str, unit: str) -> pd.Series:
    """Printed dates (with or without a time) -> ``YYYY-MM-DD[ HH:MM:SS]``.

    ``M/D/YYYY`` and ``D/M/YYYY`` are told apart by the data: a first part above 12
    means day first; otherwise a second part above 12 means month first; when neither
    occurs, ``/`` is read US-style (month first) and ``.`` European (day first).
    A value that is no date raises a StatementError naming its row.
    """
    text = raw.fillna("").astype("str").str.strip()
    iso, valid = distinct(_parse_dates)(text)
    if not valid.all():
        bad = valid.idxmin()
        raise StatementError.of(
            "generic.bad_date",
            source=source,
            row=int(rows.loc[bad]),
            unit=unit,
            value=text.loc[bad],
        )
    return iso.astype("str")


def _parse_dates(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(ISO text, valid) for distinct printed dates."""
    parts = pd.DataFrame(
        {
            k: pd.Series(pd.NA, index=text.index, dtype="object")
            for k in ("y", "m", "d", "H", "M", "S")
        }
    )
    done = pd.Series(False, index=text.index)
    for pattern in (_YMD, _COMPACT):
        found = text.str.extract(f"^{pattern}$")
        hit = ~done & found["y"].notna()
        for key in ("y", "m", "d", "H", "M", "S"):
            parts.loc[hit, key] = found.loc[hit, key]
        done |= hit
    found = text.str.extract(f"^{_DAY_MONTH}$")
    hit = ~done & found["y"].notna()
    if hit.any():
        first = found.loc[hit, "a"].astype("int64")
        second = found.loc[hit, "b"].astype("int64")
        dots = (found.loc[hit, "sep"] == ".").all()
        day_first = bool((first > 12).any()) or (not (second > 12).any() and dots)
        parts.loc[hit, "d"] = found.loc[hit, "a" if day_first else "b"]
        parts.loc[hit, "m"] = found.loc[hit, "b" if day_first else "a"]
        year = found.loc[hit, "y"]
        parts.loc[hit, "y"] = year.where(year.str.len() == 4, "20" + year)
        for key in ("H", "M", "S"):
            parts.loc[hit, key] = found.loc[hit, key]
        done |= hit
    day = (
        parts["y"].fillna("")
        + "-"
        + parts["m"].fillna("").str.zfill(2)
        + "-"
        + parts["d"].fillna("").str.zfill(2)
    )
    valid = done & pd.to_datetime(day.where(done), format="%Y-%m-%d", errors="coerce").notna()
    has_time = parts["H"].notna()
    clock = (
        parts["H"].fillna("0").str.zfill(2)
        + ":"
        + parts["M"].fillna("00")
        + ":"
        + parts["S"].fillna("00")
    )
    clock_ok = ~has_time | clock.str.fullmatch(r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d")
    valid &= clock_ok.fillna(False).astype(bool)
    iso = day.where(~has_time, day + " " + clock).where(valid, "")
    return iso.astype("str"), valid.astype(bool)


def add_times(day: pd.Series, raw: pd.Series, rows: pd.Series, source: str, unit: str) -> pd.Series:
    """Add a separate time column (``10:11:12``, ``10:11`` or ``101112``) to date-only values."""
    text = raw.fillna("").astype("str").str.strip()
    clock, ok = distinct(_parse_clock)(text)
    needs = (day.str.len() == 10) & (text != "")
    bad = needs & ~ok
    if bad.any():
        index = bad.idxmax()
        raise StatementError.of(
            "generic.bad_clock",
            source=source,
            row=int(rows.loc[index]),
            unit=unit,
            value=text.loc[index],
        )
    return day.where(~needs, day + " " + clock).astype("str")


def _parse_clock(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    found = text.str.extract(r"^(?P<H>\d{1,2}):?(?P<M>\d{2})(?::?(?P<S>\d{2}))?$")
    clock = (
        found["H"].fillna("0").str.zfill(2)
        + ":"
        + found["M"].fillna("00")
        + ":"
        + found["S"].fillna("00")
    )
    ok = clock.str.fullmatch(r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d").fillna(False).astype(bool)
    return clock.astype("str"), ok & found["H"].notna()


def amounts(raw: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Printed amounts -> (canonical unsigned, negative, valid); '' counts as not valid."""
    return distinct(_amounts)(raw)


def _amounts(raw: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """amounts() for distinct values.

    Handles ``(12.34)`` and ``12.34-`` as negatives, and a decimal comma (``12,5``,
    ``1.234,56``) when the column never shows a decimal point.
    """
    text = strip_signs(raw).str.strip()
    paren = text.str.fullmatch(r"\(.*\)").fillna(False).astype(bool)
    text = text.mask(paren, "-" + text.str.slice(1, -1))
    trailing = text.str.fullmatch(r"[^-]*\d-").fillna(False).astype(bool)
    text = text.mask(trailing, "-" + text.str.slice(0, -1))
    comma_decimal = (
        text.str.contains(r"\d,\d{1,2}$", regex=True).any()
        and not text.str.contains(r"\d\.\d{1,2}$", regex=True).any()
    )
    if comma_decimal:
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    amount, negative, valid = normalize_amounts(text)
    return amount, negative, valid


def is_zero(amount: pd.Series) -> pd.Series:
    return amount.str.fullmatch(r"0\.0+").fillna(False).astype(bool)


def directions(raw: pd.Series) -> tuple[pd.Series, list[str]]:
    """借/贷, Debit/Credit, 支出/收入, 不计收支 -> ledger direction ('' for an unknown word)."""
    text = raw.fillna("").astype("str").str.strip()
    lower = text.str.lower()
    out = pd.Series("", index=text.index, dtype="str")
    out = out.mask(lower.isin(EXPENSE_WORDS), ledger.EXPENSE)
    out = out.mask(lower.isin(INCOME_WORDS), ledger.INCOME)
    out = out.mask(lower.isin(NEUTRAL_WORDS), ledger.NEUTRAL)
    unknown = sorted(set(text[(out == "") & (text != "")]))
    warnings: list[str] = (
        [
            StatementWarning.of(
                "generic.unknown_direction_words", words=Listed(repr(w) for w in unknown[:5])
            )
        ]
        if unknown
        else []
    )
    return out, warnings


def currencies(raw: pd.Series) -> pd.Series:
    text = raw.fillna("").astype("str").str.strip()
    named = text.str.lower().map(CURRENCY_NAMES)
    return named.fillna(text.str.upper()).astype("str")
