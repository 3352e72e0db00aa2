"""The bundled demo: a few statements with a 洽客 renewal that continues after cancellation.

The demo always lives in a workspace of its own (never the user's), made afresh from
the statements in ``resources/demo`` with the decisions of its side file
(``demo.json``: the cancellation date, aliases, watch words, and the day the demo
takes as "today").
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

from .. import user_dirs
from .audit import Audit, ImportResult
from .decisions import DecisionKind

_NOT_STATEMENTS = {".json", ".md", ".py", ".pyc", ".txt"}
PACKAGE_RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def demo_dir() -> Path:
    """The folder of the demo statements (package data, else resources/demo by path)."""
    try:
        folder = Path(str(resources.files("qiake_auditor.resources") / "demo"))
        if folder.is_dir():
            return folder
    except (ModuleNotFoundError, TypeError):
        pass
    return PACKAGE_RESOURCES / "demo"


def demo_files() -> list[Path]:
    """The bundled demo statements, in name order (side files such as demo.json excluded)."""
    folder = demo_dir()
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and not p.name.startswith((".", "_"))
        and p.suffix.lower() not in _NOT_STATEMENTS
        and ".expected." not in p.name
        and ".options." not in p.name
    )


def demo_settings() -> dict:
    """The demo's side file: cancellations {merchant: "YYYY-MM-DD"}, watch, as_of, aliases."""
    path = demo_dir() / "demo.json"
    data: dict = {}
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
    return {
        "cancellations": dict(data.get("cancelled") or {}),
        "watch": list(data.get("watch") or []),
        "as_of": data.get("as_of"),
        "aliases": dict(data.get("aliases") or {}),
    }


def default_demo_path() -> Path:
    """The demo's own workspace under the per-user data directory."""
    return user_dirs.demo_workspace()


def open_demo(path: Path | None = None) -> tuple[Audit, ImportResult]:
    """A fresh demo workspace at ``path`` (default: its own file), imported and decided,
    with the import's per-file reports.

    Whatever was at ``path`` is replaced: it is the demo's, never the user's.
    """
    path = Path(path) if path is not None else default_demo_path()
    for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    audit = Audit.open(path)
    try:
        settings = demo_settings()
        workspace = audit.workspace
        with workspace.transaction() as db:
            for alias, merchant in settings["aliases"].items():
                workspace.set_decision(DecisionKind.ALIAS, alias, str(merchant), db)
            for word in settings["watch"]:
                workspace.set_decision(DecisionKind.WATCH, word, "1", db)
            if settings["as_of"]:
                workspace.set_decision(
                    DecisionKind.AS_OF,
                    "default",
                    date.fromisoformat(str(settings["as_of"])[:10]).isoformat(),
                    db,
                )
        imported = audit.import_files(demo_files())
        audit.record_cancellations(
            {
                name: date.fromisoformat(str(day)[:10])
                for name, day in settings["cancellations"].items()
            }
        )
    except BaseException:
        audit.close()
        raise
    return audit, imported
