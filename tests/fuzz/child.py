"""Read statements in a child process with bounded memory and time.

Hostile-input tests go through here: if a guard regresses, the child stops at its
address-space limit or the timeout and the test fails, instead of the reader taking
the machine's memory (the runaway cases reach gigabytes within seconds).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD_MEMORY = 3 * 2**30  # a child with the app imported maps ~1.5 GB

READ_ALL = r"""
import json, sys
from qiake_auditor.errors import StatementError
from qiake_auditor.ingest import read_statements
for path in sys.argv[1:]:
    try:
        read_statements(path)
        print(json.dumps([path, "ok", None, None]))
    except StatementError as exc:
        print(json.dumps([path, "refused", exc.message_id, exc.row]))
"""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))


def read_in_child(paths: list[Path]) -> dict[str, tuple[str, str | None, int | None]]:
    """Each path read as `import` reads it, in a child process with bounded memory:
    path -> ('ok' or 'refused', the refusal's message id, its line or row)."""
    done = subprocess.run(
        [sys.executable, "-c", READ_ALL, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        preexec_fn=_limit_memory,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    return {path: (outcome, message_id, row) for path, outcome, message_id, row in answers}
