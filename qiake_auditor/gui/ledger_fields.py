"""The transactions table's columns: which ledger fields it shows, in order, and which
a text search reads. Kept apart from the (pandas, Arrow) preparation of the columns so
the window can build its empty table before it loads those."""

from __future__ import annotations

COLUMNS = (
    "time",
    "amount",
    "currency",
    "direction",
    "state",
    "merchant",
    "counterparty",
    "description",
    "method",
    "source",
    "source_row",
    "txn_id",
)
SEARCHED = (
    "merchant",
    "counterparty",
    "description",
    "method",
    "txn_id",
    "merchant_order_id",
    "source",
    "amount",
    "time",
)
