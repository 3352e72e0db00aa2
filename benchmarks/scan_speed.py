"""Scan speed: `qiake-auditor scan` of a 1,000,000-row file against a bare pandas read.

Uses the Alipay-layout GBK CSV of ``import_speed.py`` and measures, in one run and
each in a fresh process: the bare ``pandas.read_csv(path, encoding="gbk", skiprows=24,
dtype=str)``, and the whole ``scan FILE --json`` command end to end (import into a
fresh workspace, detection, JSON on stdout). Target: ratio <= 2.5.

Usage: python benchmarks/scan_speed.py [--rows N] [--keep DIR]
"""

from __future__ import annotations

import json
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
        bare_s, _, _ = measure(BARE, str(csv))
        command = [str(Path(sys.executable).with_name("qiake-auditor")), "scan", str(csv),
                   "--workspace", str(Path(folder) / "scan.sqlite"), "--json"]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        scan_s = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"scan failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    result = json.loads(done.stdout)
    print(f"bare pandas.read_csv:  {bare_s:6.2f} s")
    print(f"scan end to end:       {scan_s:6.2f} s  ({len(result['streams'])} streams, "
          f"{len(result['transactions'])} transactions in the JSON)")
    print(f"ratio scan/bare:       {scan_s / bare_s:6.2f}  (target <= 2.5)")
    print(json.dumps({"rows": args.rows, "bare_read_s": round(bare_s, 2),
                      "scan_s": round(scan_s, 2), "ratio": round(scan_s / bare_s, 2),
                      "target": 2.5}))


if __name__ == "__main__":
    main()
