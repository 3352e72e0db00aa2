"""The case's tables: flagged charges (XLSX + CSV, columns of the reference's §5.3) and
every ledger row of its merchant(s) (CSV).

Text from statements is written so no spreadsheet runs it: a cell that would start
with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return) gets a leading ``'``.
Dates are real dates and amounts real numbers in the XLSX.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from decimal import Decimal

import pandas as pd

from ...masking import Masker
from ..facts import CaseFacts, channel_of

FLAGGED_COLUMNS = (
    "row_id",
    "exhibit_id",
    "channel",
    "txn_time_local",
    "txn_time_iso",
    "posted_date",
    "counterparty",
    "counterparty_account",
    "description",
    "direction",
    "amount",
    "currency",
    "pay_method",
    "status",
    "platform_txn_id",
    "merchant_order_id",
    "flag_reason",
    "cause",
    "cause_reason",
    "scenario",
    "cadence",
    "days_since_prev_charge",
    "after_cancellation",
    "reminder_seen",
    "refund_requested",
    "source_file",
    "source_row",
    "source_sha256",
    "user_note",
)
_RISKY = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_text(value: object) -> object:
    """Statement text as a spreadsheet must show it, never as a formula."""
    if isinstance(value, str) and value.startswith(_RISKY):
        return "'" + value
    return value


def _iso(time: str) -> str:
    text = str(time).strip()
    if len(text) == 10:
        return f"{text}T00:00:00+08:00"
    return text.replace(" ", "T")[:19] + "+08:00"


def _local(time: str) -> datetime | None:
    text = str(time).strip()
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(text[:19], pattern)
        except ValueError:
            continue
    return None


def flagged_records(facts: CaseFacts, exhibits: dict[str, str], masker: Masker) -> list[dict]:
    """One record per charge of the case (typed values: Decimal amounts, int rows)."""
    claimed = {id(c) for c in facts.claimed}
    records = []
    for charge in facts.charges:
        reasons = list(charge.flags)
        if charge.after_cancellation and "after_cancellation" not in reasons:
            reasons.insert(0, "after_cancellation")
        records.append(
            {
                "row_id": charge.row_id,
                "exhibit_id": exhibits.get(charge.source_sha256, ""),
                "channel": channel_of(charge),
                "txn_time_local": charge.time,
                "txn_time_iso": _iso(charge.time),
                "posted_date": "",
                "counterparty": masker.text(charge.counterparty),
                "counterparty_account": "",
                "description": masker.text(charge.description),
                "direction": "expense",
                "amount": charge.amount,
                "currency": charge.currency,
                "pay_method": masker.text(charge.method),
                "status": charge.state,
                "platform_txn_id": charge.txn_id,
                "merchant_order_id": charge.merchant_order_id,
                "flag_reason": " ".join(reasons) or "recurring_pattern",
                "cause": charge.cause or "",
                "cause_reason": charge.cause_reason_zh,
                "scenario": facts.scenario,
                "cadence": charge.cadence or "",
                "days_since_prev_charge": charge.days_since_previous,
                "after_cancellation": "Y" if charge.after_cancellation else "N",
                "reminder_seen": "unknown",
                "refund_requested": (
                    max(charge.amount - facts.refund_of(charge), Decimal("0.00"))
                    if id(charge) in claimed
                    else Decimal("0.00")
                ),
                "source_file": charge.source,
                "source_row": charge.source_row,
                "source_sha256": charge.source_sha256,
                "user_note": "",
            }
        )
    return records


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(safe_text(value)) if isinstance(value, str) else str(value)


def flagged_csv(records: list[dict]) -> bytes:
    """UTF-8 with BOM (Excel opens it as UTF-8), CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FLAGGED_COLUMNS)
    for record in records:
        writer.writerow([_csv_value(record[c]) for c in FLAGGED_COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def flagged_xlsx(records: list[dict]) -> bytes:
    """The flagged charges as one XLSX sheet: times as date cells, amounts as numbers,
    every text an inline string (never a formula), the header bold and frozen.

    Written directly as SpreadsheetML: openpyxl's writer takes seconds for the
    300,000 cells of a 10,000-charge case.
    """
    from .xlsx import Sheet

    sheet = Sheet("flagged_transactions")
    sheet.header(FLAGGED_COLUMNS)
    for record in records:
        row = []
        for name in FLAGGED_COLUMNS:
            value = record[name]
            if name == "txn_time_local":
                when = _local(value)
                row.append(when if when else safe_text(value))
            elif isinstance(value, str):
                row.append(safe_text(value))
            else:
                row.append(value)
        sheet.append(row)
    return sheet.to_bytes()


def all_rows_csv(rows: pd.DataFrame | None, masker: Masker) -> bytes:
    """Every ledger row of the case's merchant(s), free text masked, formula-safe."""
    if rows is None:
        rows = pd.DataFrame()
    columns = [c for c in rows.columns if not str(c).startswith("_")]
    frame = rows[columns].astype("object").where(rows[columns].notna(), "")
    for name in ("counterparty", "description", "method"):
        if name in frame.columns and not masker.unmasked:
            frame[name] = [masker.text(str(v)) for v in frame[name]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in frame.itertuples(index=False, name=None):
        writer.writerow([_csv_value(v) for v in record])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
