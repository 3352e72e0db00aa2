"""Scan speed: `qiake-auditor scan` of a 1,000,000-row file against a bare pandas read.

Uses the Alipay-layout GBK CSV of ``import_speed.py`` and measures, in one run and
each in a fresh process: the bare ``pandas.read_csv(path, encoding="gbk", skiprows=24,
dtype=str)``, the whole ``scan FILE`` command end to end (import into a fresh
workspace, detection, the readable table on stdout), and the same with ``--json``
(which also writes every transaction, a few hundred MB of JSON). Target: ratio <= 2.5.

Usage: python benchmarks/scan_speed.py [--rows N] [--keep DIR]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_speed import BARE, arguments, measure, statement


def main() -> None:
    args = arguments(__doc__)
    with tempfile.TemporaryDirectory() as folder:
        csv = statement(args.rows, Path(folder), args.keep)
        bare, table, as_json = [], [], []
        for attempt in range(args.repeat):  # alternate, so a busy moment hits every side
            bare.append(measure(BARE, str(csv))[0])
            table.append(run_scan(csv, Path(folder) / f"table-{attempt}.sqlite", [])[0])
            seconds, out = run_scan(csv, Path(folder) / f"json-{attempt}.sqlite", ["--json"])
            as_json.append(seconds)
    bare_s, table_s, json_s = (statistics.median(v) for v in (bare, table, as_json))
    result = json.loads(out)
    print(f"bare pandas.read_csv:   {bare_s:6.2f} s")
    print(f"scan (table output):    {table_s:6.2f} s  ratio {table_s / bare_s:5.2f} "
          "(target <= 2.5)")
    print(f"scan --json:            {json_s:6.2f} s  ratio {json_s / bare_s:5.2f}  "
          f"({len(result['streams'])} streams, {len(result['flagged'])} flagged rows, "
          f"{len(result['transactions'])} transactions in the JSON)")
    print(json.dumps({"rows": args.rows, "bare_read_s": round(bare_s, 2),
                      "scan_s": round(table_s, 2), "ratio": round(table_s / bare_s, 2),
                      "scan_json_s": round(json_s, 2), "json_ratio": round(json_s / bare_s, 2),
                      "repeats": args.repeat, "target": 2.5}))


def run_scan(csv: Path, workspace: Path, extra: list[str]) -> tuple[float, bytes]:
    """Seconds of one ``qiake-auditor scan`` in a fresh process, and what it printed."""
    command = [str(Path(sys.executable).with_name("qiake-auditor")), "scan", str(csv),
               "--workspace", str(workspace), *extra]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"scan failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return elapsed, done.stdout


if __name__ == "__main__":
    main()
