"""The canonical ledger: one row per transaction row of a statement.

Every view, chart and document is computed from these columns, so each number can
be traced back to ``source`` + ``source_row``. Amounts are canonical decimal
strings (see :mod:`qiake_auditor.money`); times are ISO text as printed
(``YYYY-MM-DD HH:MM:SS``, or ``YYYY-MM-DD`` where the file has no time).
"""

from __future__ import annotations

import pandas as pd

LEDGER_COLUMNS: tuple[str, ...] = (
    "source",
    "source_sha256",
    "source_row",
    "format",
    "time",
    "amount",
    "currency",
    "direction",
    "state",
    "counterparty",
    "merchant",
    "description",
    "method",
    "txn_id",
    "merchant_order_id",
    "category",
    "link_id",
)

# Columns an importer fills; the ingest step adds source, hash, format, merchant, link_id.
IMPORTER_COLUMNS: tuple[str, ...] = (
    "source_row",
    "time",
    "amount",
    "currency",
    "direction",
    "state",
    "counterparty",
    "description",
    "method",
    "txn_id",
    "merchant_order_id",
    "category",
)

EXPENSE, INCOME, NEUTRAL = "expense", "income", "neutral"
DIRECTIONS = frozenset({EXPENSE, INCOME, NEUTRAL})

SUCCESS = "success"
CLOSED = "closed"
FAILED = "failed"
PENDING = "pending"
REFUND = "refund"
REFUNDED = "refunded"
PARTIALLY_REFUNDED = "partially_refunded"
STATES = frozenset({SUCCESS, CLOSED, FAILED, PENDING, REFUND, REFUNDED, PARTIALLY_REFUNDED})

# States whose money really moved (a closed or failed attempt moved nothing).
MONEY_MOVED_STATES = frozenset({SUCCESS, PENDING, REFUND, REFUNDED, PARTIALLY_REFUNDED})

ISO_TIME = r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?"


def empty_ledger() -> pd.DataFrame:
    """A ledger with no rows and the right columns."""
    frame = pd.DataFrame({c: pd.Series(dtype="str") for c in LEDGER_COLUMNS})
    frame["source_row"] = frame["source_row"].astype("int64")
    return frame


def counts_as_spending(frame: pd.DataFrame) -> pd.Series:
    """Rows that are money paid out: expense direction and money actually moved."""
    return (frame["direction"] == EXPENSE) & frame["state"].isin(MONEY_MOVED_STATES)


def counts_as_income(frame: pd.DataFrame) -> pd.Series:
    """Rows that are money received (refunds included)."""
    return (frame["direction"] == INCOME) & frame["state"].isin(MONEY_MOVED_STATES)
