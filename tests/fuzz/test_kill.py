"""kill -9 during an import: the workspace stays valid, earlier imports intact, and the same
import can be run again."""

from __future__ import annotations

import importlib.util
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_archive import seeded_workspace, snapshot

ROOT = Path(__file__).resolve().parents[2]


def _big_bill(folder: Path, rows: int = 60_000) -> Path:
    spec = importlib.util.spec_from_file_location(
        "qiake_import_speed", ROOT / "benchmarks" / "import_speed.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("qiake_import_speed", module)
    spec.loader.exec_module(module)
    path = folder / "alipay-big.csv"
    module.write_alipay_csv(path, rows)
    return path


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.3, 1.8, 2.5])
def test_import_killed_at_any_moment_leaves_the_workspace_valid(
    tmp_path: Path, delay: float
) -> None:
    workspace = seeded_workspace(tmp_path)
    before = snapshot(workspace)
    bill = _big_bill(tmp_path)
    command = [
        sys.executable,
        "-m",
        "qiake_auditor",
        "import",
        str(bill),
        "--workspace",
        str(workspace),
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(delay)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with sqlite3.connect(workspace) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    after = snapshot(workspace)
    assert after == before or after[1] == before[1] + 60_000  # all or nothing
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    final = snapshot(workspace)
    assert final[1] == before[1] + 60_000
    assert set(before[2]) <= set(final[2])
