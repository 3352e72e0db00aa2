"""Small hand-built ledgers for detection tests (ledger columns + row_id, dedup_key, refund_of)."""

from __future__ import annotations

import pandas as pd

from qiake_auditor.ledger import LEDGER_COLUMNS


def row(
    date: str,
    amount: str,
    counterparty: str = "深圳洽客科技有限公司",
    *,
    description: str = "洽客CRM专业版",
    state: str = "success",
    direction: str = "expense",
    source: str = "alipay.csv",
    fmt: str = "alipay-2023",
    method: str = "余额",
    txn_id: str = "",
    order: str = "",
    link_id: str = "",
    refund_of: str = "",
    merchant: str | None = None,
    category: str = "",
    currency: str = "CNY",
    key: str | None = None,
) -> dict:
    """One ledger row; the dedup key defaults to a readable unique value."""
    return {
        "source": source,
        "source_sha256": "0" * 64,
        "source_row": 0,
        "format": fmt,
        "time": f"{date} 10:00:00",
        "amount": amount,
        "currency": currency,
        "direction": direction,
        "state": state,
        "counterparty": counterparty,
        "merchant": counterparty if merchant is None else merchant,
        "description": description,
        "method": method,
        "txn_id": txn_id,
        "merchant_order_id": order,
        "category": category,
        "link_id": link_id,
        "refund_of": refund_of,
        "dedup_key": key,
    }


def ledger(rows: list[dict]) -> pd.DataFrame:
    """A ledger frame; source_row numbers rows per source, keys default to k<row_id>."""
    frame = pd.DataFrame(rows)
    frame["row_id"] = range(1, len(frame) + 1)
    frame["source_row"] = frame.groupby("source").cumcount() + 2
    frame["dedup_key"] = [
        k if k else f"k{i}" for k, i in zip(frame["dedup_key"], frame["row_id"], strict=True)
    ]
    columns = ["row_id", "dedup_key", *LEDGER_COLUMNS, "refund_of"]
    frame = frame[columns]
    for column in columns:
        if column not in ("row_id", "source_row"):
            frame[column] = frame[column].astype("str")
    return frame


def monthly(dates: list[str], amount: str = "199.00", **kw) -> list[dict]:
    return [row(d, amount, **kw) for d in dates]
