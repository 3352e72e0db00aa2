"""Where the app keeps the user's things: the data directory (workspaces) and the logs.

Light on purpose (no pandas): the window asks for these before it reads any workspace.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_DIR = "qiake-auditor"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_DIR, appauthor=False))


def default_workspace() -> Path:
    """The user's workspace when none is named."""
    return data_dir() / "workspace.sqlite"


def demo_workspace() -> Path:
    """The demo's own workspace (never the user's)."""
    return data_dir() / "demo.sqlite"
