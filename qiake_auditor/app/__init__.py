"""The application layer: the one audit core that every front end calls (see docs/app-api.md)."""

from .audit import Audit, ImportResult, Snapshot
from .cases import Attachment, Case, Charge, LogEntry, Totals
from .decisions import DecisionKind, Decisions

__all__ = [
    "Attachment",
    "Audit",
    "Case",
    "Charge",
    "DecisionKind",
    "Decisions",
    "ImportResult",
    "LogEntry",
    "Snapshot",
    "Totals",
]
