"""The user's decisions, typed: what each one means is decided here and nowhere else.

Stored in the workspace's ``decisions`` table (current value, with the time it was
made) and ``decision_history`` (every change). Cancellation dates, statuses and
checklists are keyed by the **case key** (the normalised merchant), never by a printed
name, so a decision on one case can never change another through a substring match.
Older workspaces (and older windows) stored cancellations by printed name; those are
read through the same normalisation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from ..detect import normalize
from ..detect.scan import DEFAULT_WATCH, ScanSettings
from ..vocab import CaseStatus
from ..workspace import Workspace

_OFF = ("0", "false", "off")


class DecisionKind(StrEnum):
    CANCELLED = "cancelled"  # case key -> YYYY-MM-DD
    ALIAS = "alias"  # printed name -> name of the case it belongs to
    DISMISSED = "dismissed"  # stream id -> "1"
    WATCH = "watch"  # word -> "1" on, "0" off (the default 洽客 included)
    ORG_METHOD = "org_method"  # payment method text -> "1": a company account
    CASE_STATUS = "case_status"  # case key -> CaseStatus value
    CHECKLIST = "checklist"  # case key -> JSON list of ticked step ids
    NOTICE_DAYS = "notice_days"  # "default" -> days before a renewal to cancel by
    AS_OF = "as_of"  # "default" -> the day taken as today (the demo's only)


@dataclass
class Decisions:
    """A snapshot of every stored decision, read once per scan."""

    cancelled: dict[str, date] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    dismissed: set[str] = field(default_factory=set)
    watch: dict[str, bool] = field(default_factory=dict)
    org_methods: set[str] = field(default_factory=set)
    statuses: dict[str, CaseStatus] = field(default_factory=dict)
    checklists: dict[str, list[str]] = field(default_factory=dict)
    notice_days: int = 7
    as_of: date | None = None

    @classmethod
    def read(cls, workspace: Workspace) -> Decisions:
        aliases = workspace.decisions(DecisionKind.ALIAS)
        cancelled: dict[str, date] = {}
        for name, value in workspace.decisions(DecisionKind.CANCELLED).items():
            try:
                when = date.fromisoformat(value[:10])
            except ValueError:
                continue
            cancelled[normalize.canonical_key(name, aliases)] = when
        statuses = {}
        for key, value in workspace.decisions(DecisionKind.CASE_STATUS).items():
            try:
                statuses[key] = CaseStatus(value)
            except ValueError:
                continue
        checklists = {}
        for key, value in workspace.decisions(DecisionKind.CHECKLIST).items():
            try:
                checklists[key] = [str(v) for v in json.loads(value)]
            except (ValueError, TypeError):
                continue
        notice = workspace.decisions(DecisionKind.NOTICE_DAYS).get("default", "")
        fixed = workspace.decisions(DecisionKind.AS_OF).get("default", "")
        return cls(
            cancelled=cancelled,
            aliases=aliases,
            dismissed=set(workspace.decisions(DecisionKind.DISMISSED)),
            watch={
                w: v.strip().lower() not in _OFF
                for w, v in workspace.decisions(DecisionKind.WATCH).items()
            },
            org_methods=set(workspace.decisions(DecisionKind.ORG_METHOD)),
            statuses=statuses,
            checklists=checklists,
            notice_days=int(notice) if notice.isdigit() else 7,
            as_of=date.fromisoformat(fixed) if fixed else None,
        )

    def watch_words(self) -> list[str]:
        """The words in force: the stored ones switched on, and 洽客 unless switched off."""
        words = [w for w in DEFAULT_WATCH if self.watch.get(w, True)]
        words += [w for w, on in self.watch.items() if on and w not in words]
        return words

    def scan_settings(
        self, as_of: date | None = None, lang: str = "zh", notice_days: int | None = None
    ) -> ScanSettings:
        return ScanSettings(
            as_of=as_of or self.as_of,
            watch=self.watch_words(),
            cancellations=dict(self.cancelled),
            aliases=dict(self.aliases),
            dismissed=set(self.dismissed),
            org_methods=set(self.org_methods),
            notice_days=self.notice_days if notice_days is None else notice_days,
            lang=lang,
        )

    def status(self, key: str) -> CaseStatus:
        return self.statuses.get(key, CaseStatus.UNREVIEWED)
