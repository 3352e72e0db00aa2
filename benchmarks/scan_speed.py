"""Scan speed: `qiake-auditor scan` of a 1,000,000-row file against a bare pandas read.

Uses the Alipay-layout GBK CSV of ``import_speed.py`` and measures, in one run and
each in a fresh process: the bare ``pandas.read_csv(path, encoding="gbk", skiprows=24,
dtype=str)``, the whole ``scan FILE`` command end to end (import into a fresh
workspace, detection, the readable table on stdout), and the same with ``--json``
(which also writes every transaction, about 590 MB of JSON). stdout goes to a file,
as ``scan FILE --json > out.json`` would. Each side runs ``--repeat`` times,
alternating; the ratio of every round and of the medians is printed. Target: <= 2.5.

Usage: python benchmarks/scan_speed.py [--rows N] [--plans P] [--repeat K] [--keep DIR]
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
        csv = statement(args.rows, Path(folder), args.keep, args.plans)
        bare, table, as_json = [], [], []
        out = Path(folder) / "out.json"
        for attempt in range(args.repeat):  # alternate, so a busy moment hits every side
            bare.append(measure(BARE, str(csv))[0])
            table.append(run_scan(csv, Path(folder) / f"table-{attempt}.sqlite", [], out))
            as_json.append(run_scan(csv, Path(folder) / f"json-{attempt}.sqlite", ["--json"], out))
        with open(out, "rb") as handle:
            result = json.load(handle)
    bare_s, table_s, json_s = (statistics.median(v) for v in (bare, table, as_json))
    rounds = [(t / b, j / b) for b, t, j in zip(bare, table, as_json, strict=True)]
    print(f"bare pandas.read_csv:   {bare_s:6.2f} s")
    print(
        f"scan (table output):    {table_s:6.2f} s  ratio {table_s / bare_s:5.2f} "
        f"(target <= 2.5; each round: {', '.join(f'{t:.2f}' for t, _ in rounds)})"
    )
    print(
        f"scan --json:            {json_s:6.2f} s  ratio {json_s / bare_s:5.2f} "
        f"(each round: {', '.join(f'{j:.2f}' for _, j in rounds)}; "
        f"{len(result['streams'])} streams, {len(result['flagged'])} flagged rows, "
        f"{len(result['transactions'])} transactions)"
    )
    print(
        json.dumps(
            {
                "rows": args.rows,
                "bare_read_s": round(bare_s, 2),
                "scan_s": round(table_s, 2),
                "ratio": round(table_s / bare_s, 2),
                "scan_json_s": round(json_s, 2),
                "json_ratio": round(json_s / bare_s, 2),
                "round_ratios": [[round(t, 2), round(j, 2)] for t, j in rounds],
                "repeats": args.repeat,
                "target": 2.5,
            }
        )
    )


def run_scan(csv: Path, workspace: Path, extra: list[str], out: Path) -> float:
    """Seconds of one ``qiake-auditor scan`` in a fresh process, its stdout in ``out``."""
    command = [
        str(Path(sys.executable).with_name("qiake-auditor")),
        "scan",
        str(csv),
        "--workspace",
        str(workspace),
        *extra,
    ]
    with open(out, "wb") as stdout:
        start = time.perf_counter()
        done = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, check=False)
        elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"scan failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    workspace.unlink()
    return elapsed


if __name__ == "__main__":
    main()
