"""Streams the user dismissed, described well enough to choose one to restore.

A dismissed stream is left out of every scan, so what it was (merchant, cadence,
amount) is kept with the decision when it is dismissed; a decision stored before
that (value "1") still lists, by its id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class DismissedStream:
    id: str
    merchant: str = ""
    cadence: str = ""
    amount: str = ""
    currency: str = ""


def decision_value(stream: dict | None) -> str:
    """What is stored for a dismissal: the stream's description as JSON, or "1"."""
    if not stream:
        return "1"
    keys = ("merchant", "cadence", "amount", "currency")
    return json.dumps({k: str(stream.get(k) or "") for k in keys}, ensure_ascii=False)


def from_decision(stream_id: str, value: str) -> DismissedStream:
    try:
        described = json.loads(value)
    except ValueError:
        described = None
    if not isinstance(described, dict):
        return DismissedStream(stream_id)
    return DismissedStream(
        stream_id,
        str(described.get("merchant", "")),
        str(described.get("cadence", "")),
        str(described.get("amount", "")),
        str(described.get("currency", "")),
    )
