"""Window speed: what the window's worker does when a 1,000,000-row bill is dropped on it.

``gui.tasks.import_files`` (import and scan, then what the window shows first: ledger,
streams, cases, totals) in a fresh process, against the bare pandas read of
``import_speed.py``; both alternate ``--repeat`` times and the medians are compared.
The transactions table of a ledger over ``tasks.TABLE_IN_WORKER`` rows is prepared
after that, on a worker of the window (``table_s``: here, right after, timed apart).
No target is set for it; the figure tells how long a bookkeeper waits for the window.

Usage: python benchmarks/window_speed.py [--rows N] [--plans P] [--repeat K] [--keep DIR]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_speed import BARE, arguments, measure, statement

WINDOW = """
import sys, time, resource
from pathlib import Path
from qiake_auditor.gui.ledger_columns import prepare
from qiake_auditor.gui.tasks import import_files
t = time.perf_counter()
view = import_files(Path(sys.argv[2]), [Path(sys.argv[1])])
elapsed = time.perf_counter() - t
t = time.perf_counter()
if view.columns is None:
    prepare(view.ledger)
table = time.perf_counter() - t
print(elapsed, len(view.ledger), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, table)
"""


def measure_window(csv: str, workspace: str) -> tuple[float, int, float, float]:
    """(seconds, rows, peak MB, table seconds) of one fresh interpreter's import."""
    done = subprocess.run(
        [sys.executable, "-c", WINDOW, csv, workspace], capture_output=True, text=True, check=True
    )
    seconds, rows, kilobytes, table = done.stdout.split()
    return float(seconds), int(rows), int(kilobytes) / 1024, float(table)


def main() -> None:
    args = arguments(__doc__)
    bare, window = [], []
    with tempfile.TemporaryDirectory() as folder:
        csv = statement(args.rows, Path(folder), args.keep, args.plans)
        for attempt in range(args.repeat):  # alternate, so a busy moment hits both sides
            bare.append(measure(BARE, str(csv)))
            window.append(measure_window(str(csv), str(Path(folder) / f"w-{attempt}.sqlite")))
    bare_s = statistics.median(r[0] for r in bare)
    window_s = statistics.median(r[0] for r in window)
    peak = max(r[2] for r in window)
    table_s = statistics.median(r[3] for r in window)
    rounds = [w[0] / b[0] for b, w in zip(bare, window, strict=True)]
    print(f"bare pandas.read_csv:   {bare_s:6.2f} s")
    print(
        f"window import + load:   {window_s:6.2f} s  ratio {window_s / bare_s:5.2f} "
        f"(each round: {', '.join(f'{r:.2f}' for r in rounds)}); peak {peak:.0f} MB"
    )
    print(f"then the transactions table: {table_s:6.2f} s (on a worker, after the cases show)")
    print(
        json.dumps(
            {
                "rows": args.rows,
                "plans": args.plans,
                "bare_read_s": round(bare_s, 2),
                "window_s": round(window_s, 2),
                "ratio": round(window_s / bare_s, 2),
                "table_s": round(table_s, 2),
                "peak_mb": round(peak),
                "repeats": args.repeat,
            }
        )
    )


if __name__ == "__main__":
    main()
