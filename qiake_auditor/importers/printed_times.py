"""Printed dates and times normalised to ``YYYY-MM-DD[ HH:MM:SS]``, vectorised, with a
value that fits no format refused naming its row."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..errors import StatementError
from ..vstr import replace_regex

_DATE_FORMATS = (
    ("%Y-%m-%d %H:%M:%S", r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"),
    ("%Y-%m-%d", r"\d{4}-\d{2}-\d{2}"),
)
# The forms a statement's times take after it was opened and saved again in Excel or WPS
# (zh-CN short dates, seconds dropped): tried for every format after its own.
RESAVED_FORMATS = ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d %H:%M", "%Y/%m/%d")


def iso_times(
    raw: pd.Series,
    formats: Sequence[str] = (),
    source: str = "",
    rows: pd.Series | None = None,
    unit: str = "line",
) -> pd.Series:
    """Normalise printed times to ``YYYY-MM-DD[ HH:MM:SS]``, vectorised.

    Text already in ISO form is kept as printed. Other forms are parsed with the
    given strptime ``formats`` (tried in order), then with ``RESAVED_FORMATS``. A value
    that fits none raises a :class:`StatementError` naming its row.
    """
    text = raw.fillna("").astype("str").str.strip()
    if text.str.contains("  ", regex=False).any():
        text = replace_regex(text, r"\s+", " ")
    iso = text.str.fullmatch(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?").fillna(False)
    if iso.all():  # the common case: printed in ISO form already, kept as printed
        return text
    result = pd.Series("", index=text.index, dtype="str")
    done = pd.Series(False, index=text.index)
    for _, pattern in _DATE_FORMATS:
        hit = ~done & text.str.fullmatch(pattern).fillna(False).astype(bool)
        result[hit] = text[hit]
        done |= hit
    for fmt in dict.fromkeys((*formats, *RESAVED_FORMATS)):
        if done.all():
            break
        parsed = pd.to_datetime(text.where(~done), format=fmt, errors="coerce")
        hit = ~done & parsed.notna()
        has_time = any(code in fmt for code in ("%H", "%M", "%S"))
        out = parsed[hit].dt.strftime("%Y-%m-%d %H:%M:%S" if has_time else "%Y-%m-%d")
        result[hit] = out.astype("str")
        done |= hit
    if not done.all():
        bad = done.idxmin()
        row = int(rows.loc[bad]) if rows is not None else None
        raise StatementError.of(
            "statement.bad_printed_time", source=source, row=row, unit=unit, value=text.loc[bad]
        )
    return result
