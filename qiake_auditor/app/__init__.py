"""The application layer: the one audit core that every front end calls (see docs/app-api.md).

Its names are loaded on first use (``app.Audit``, ``from qiake_auditor.app import
Case``): they bring the ledger, detection, pandas and Arrow with them, which the
window does not need in order to open (0.4 s of a 0.9 s start) and loads on its
worker when it first reads a workspace.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .audit import Audit, ImportResult, Snapshot
    from .cases import Attachment, Case, Charge, LogEntry, Totals
    from .decisions import DecisionKind, Decisions

_MODULE_OF = {
    "Audit": "audit",
    "ImportResult": "audit",
    "Snapshot": "audit",
    "Attachment": "cases",
    "Case": "cases",
    "Charge": "cases",
    "LogEntry": "cases",
    "Totals": "cases",
    "DecisionKind": "decisions",
    "Decisions": "decisions",
}

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


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
