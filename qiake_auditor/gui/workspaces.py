"""Recent workspaces, kept in QSettings (one per client or case; the demo marked)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

RECENT = "workspaces/recent"
LAST = "workspaces/last"
KEEP = 10


def recent() -> list[Path]:
    values = QSettings().value(RECENT, [], type=list) or []
    return [Path(str(v)) for v in values if str(v)]


def remember(path: Path, demo: bool = False) -> None:
    """Put ``path`` first in the recent list (the demo is never the one reopened)."""
    settings = QSettings()
    paths = [str(path)] + [str(p) for p in recent() if str(p) != str(path)]
    settings.setValue(RECENT, paths[:KEEP])
    if not demo:
        settings.setValue(LAST, str(path))


def last() -> Path | None:
    value = str(QSettings().value(LAST, "", type=str) or "")
    return Path(value) if value else None
