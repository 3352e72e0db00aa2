"""How long this machine stands still, without the app: the floor under gui_speed's stalls.

Runs gui_speed's :class:`MachineProbe` (a process sleeping 2 ms at a time, noting its
pauses over 15 ms) for a while in each of three settings, and prints its longest pause
and how many it had:

- idle: nothing else runs;
- busy loops: two processes (one per CPU on a two-CPU machine) spinning at the lowest
  priority (SCHED_IDLE where there is one);
- fresh memory: two such processes each filling 1.5 GB of newly allocated memory,
  freeing it and waiting 2.5 s before the next (numpy, no Python work in the loop).

The probe shares no lock, no memory and no thread with them, and it has the higher
priority: a pause it sees is the machine's (on a virtual machine, its host's). On the
two-CPU virtual machine this project is measured on (2026-12-07): idle none, busy
loops none, fresh memory up to 35-43 ms in four runs of 25-30 s out of five (none in
the fifth). The window's import of a million rows touches about 1 GB of fresh memory
on both CPUs, and its stalls over 50 ms came with 25-85 ms of the probe standing still
at the same moment (``gui_speed.py --probe-machine``).

Usage: python benchmarks/machine_pauses.py [SECONDS per setting, default 30]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gui_speed import MachineProbe

BUSY = "while True: pass"
FRESH = (
    "import time, numpy as np\n"
    "while True:\n"
    "    block = np.ones(1_500_000_000, dtype=np.uint8)\n"
    "    del block\n"
    "    time.sleep(2.5)\n"
)


def _lowest(code: str) -> subprocess.Popen:
    """A process running ``code`` at the lowest priority this system gives."""

    def lower() -> None:
        if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_IDLE"):
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        else:
            os.nice(19)

    return subprocess.Popen([sys.executable, "-c", code], preexec_fn=lower)


def pauses_beside(code: str | None, seconds: float, folder: Path) -> list[float]:
    """The probe's pauses (seconds) while two processes run ``code`` (None: idle)."""
    others = [] if code is None else [_lowest(code) for _ in range(2)]
    probe = MachineProbe(folder)
    try:
        time.sleep(seconds)
    finally:
        found = probe.stop()
        for other in others:
            other.kill()
            other.wait()
    return sorted(end - start for start, end in found)


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    settings = [("idle", None), ("busy loops", BUSY), ("fresh memory", FRESH)]
    with tempfile.TemporaryDirectory() as tmp:
        for name, code in settings:
            found = pauses_beside(code, seconds, Path(tmp))
            worst = f"{found[-1] * 1000:.0f} ms" if found else "none"
            print(f"{name:13} longest pause {worst:>7}, {len(found)} over 15 ms in {seconds:.0f} s")


if __name__ == "__main__":
    main()
