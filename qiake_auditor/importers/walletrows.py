"""Pieces the WeChat, JD and Meituan importers share: text cells, amounts, row assembly.

Wallet bills write ``/`` for an empty value, pad fields with spaces and tabs, and
print amounts with or without a currency sign. These helpers turn a parsed block
into ledger rows the same way for every wallet, and name the line or row of any
value that is not what the layout promises.
"""

from __future__ import annotations

import pandas as pd

from ..errors import StatementError, StatementWarning
from ..i18n import Listed
from ..money_columns import normalize_amounts
from . import csv_text, field_text, printed_times

# Times as wallets print them, besides ISO (which printed_times accepts as is): the slashed
# forms of a bill re-saved in Excel or WPS, which every format accepts.
TIME_FORMATS = printed_times.RESAVED_FORMATS


def titled(probe, title: str, header: list[str], within: int = 3) -> bool:
    """identify(): the bill's title on one of its first lines and its header below."""
    lines = probe.head_lines
    if not any(field_text.clean(line).strip(",") == title for line in lines[:within]):
        return False
    return csv_text.find_line(lines, header, limit=60) is not None


def table(probe, header: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """The bill's table (header found by its names) and the preamble lines above it.

    The body is parsed from the file's bytes in one piece (no per-line work, no second
    copy as text), and a last line cut off mid-row is refused.
    """
    lines = probe.head_lines
    at = csv_text.find_line(lines, header, limit=len(lines))
    if at is None:
        count = len(lines) - (not lines[-1])  # the empty string after a last line end
        raise StatementError.of(
            "statement.no_header_in_lines" + (".one" if count == 1 else ""),
            source=probe.name,
            columns=Listed(header[:3]),
            count=count,
        )
    frame = csv_text.parse_csv_bytes(
        probe.data, at, probe.name, check_cut=True, stop_at_separator=False
    )
    if frame is None:  # UTF-16 or old Mac line ends: through the decoded text
        block = csv_text.csv_region(probe.text, at, stop_at_separator=False)
        frame = csv_text.parse_csv_text(block, at, probe.name, check_cut=True)
    return frame, lines[:at]


def text(column: pd.Series) -> pd.Series:
    """Trim padding and tabs; ``/`` (the wallets' "nothing here") becomes empty."""
    value = column.fillna("").astype("str").str.strip(" \t\r\n\u3000\ufeff")
    return value.mask(value == "/", "")


def cell(value: object) -> str:
    """A spreadsheet cell as text; unlike ``field_text.cell_text`` quotes in text stay.

    An XLSX cell has no CSV quoting, so a quote at either end is part of the value
    (``打开拼多多，点击底部"多多视频"``).
    """
    if isinstance(value, str):
        return value.strip(" \t\r\n\u3000\ufeff")
    return field_text.cell_text(value)


def amounts(
    source: str, frame: pd.DataFrame, column: str, raw: pd.Series | None = None, unit: str = "line"
) -> pd.Series:
    """Canonical unsigned amounts of ``column``; a value that is no number raises.

    ``raw`` replaces the column's values (e.g. with an annotation cut off) while the
    message still shows the value as printed.
    """
    printed = frame[column] if raw is None else raw
    amount, _, valid = normalize_amounts(printed)
    if not valid.all():
        bad = valid.idxmin()
        shown = str(frame.at[bad, column]).strip()
        raise StatementError.of(
            "statement.bad_printed_amount",
            source=source,
            row=int(frame.at[bad, "source_row"]),
            unit=unit,
            column=column,
            value=shown,
            example="¥28.16 or 28.16",
        )
    return amount


_SCIENTIFIC = r"[+-]?\d+(?:\.\d*)?[eE][+-]?\d+"


def id_warnings(rows: pd.DataFrame, unit: str = "line") -> list[str]:
    """Warn where ids were turned into numbers like ``4.2E+27`` (an Excel re-save).

    Those ids lost their digits for good; the rows are still read, but dedup and
    refund matching need the original export.
    """
    warnings: list[str] = []
    for column in ("txn_id", "merchant_order_id"):
        bad = rows[column].astype("str").str.fullmatch(_SCIENTIFIC).fillna(False).astype(bool)
        if bad.any():
            first = bad.idxmax()
            warnings.append(
                StatementWarning.of(
                    f"statement.id_turned_into_number.{unit}" + (".one" if bad.sum() == 1 else ""),
                    column=column,
                    value=rows.at[first, column],
                    row=int(rows.at[first, "source_row"]),
                    count=int(bad.sum()),
                )
            )
    return warnings


def assemble(frame: pd.DataFrame, **columns: pd.Series | str) -> pd.DataFrame:
    """Ledger importer columns from already converted series (and constants)."""
    rows = pd.DataFrame({"source_row": frame["source_row"].astype("int64")})
    for name, value in columns.items():
        rows[name] = value
    if "currency" not in rows:
        rows["currency"] = "CNY"
    return rows
