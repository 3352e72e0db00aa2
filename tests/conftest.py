"""Test-wide setup: headless Qt, no real user directories, paths to shared samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = REPO.parent / "shared" / "samples"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep the default workspace and settings out of the real home directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))


def sample(relative: str) -> Path:
    """A file of ../shared/samples, or skip the test where that folder is absent."""
    path = SAMPLES / relative
    if not path.exists():
        pytest.skip(f"shared sample {relative} not present")
    return path
