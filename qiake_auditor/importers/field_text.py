"""One field or spreadsheet cell as clean text: padding, quotes and BOMs trimmed,
numbers without a spurious ``.0``, dates in ISO form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

_PAD = " \t\r\n\u3000\ufeff\"'"


def clean(value: str) -> str:
    """A field or header name without padding, quotes, tabs or BOM."""
    return value.strip(_PAD)


def strip_columns(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """Trim padding from text columns in place and return the frame."""
    for column in columns:
        frame[column] = frame[column].astype("str").str.strip(" \u3000\ufeff\"'")
    return frame


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: numbers without a spurious '.0', dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    return clean(str(value))
