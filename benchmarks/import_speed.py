"""Import speed: a full import against a bare pandas read of the same Alipay CSV.

Writes an Alipay-layout (2023+) GBK CSV of N rows, then measures, each in a fresh
subprocess so peak memory is its own:

* bare:   pandas.read_csv(path, encoding="gbk", skiprows=24, dtype=str)
* import: qiake_auditor.ingest.import_paths (parse, normalise, link, write to a
          fresh workspace)

and prints both times, their ratio (target <= 2.0) and the import's peak memory
(target <= 2 GB). pyarrow is installed with the app, so pandas keeps strings in Arrow.

Usage: python benchmarks/import_speed.py [--rows N] [--repeat K] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

PREAMBLE = [
    "-" * 84,
    "导出信息：",
    "姓名：测试用户",
    "支付宝账户：test@example.com",
    "起始时间：[2024-01-01 00:00:00]    终止时间：[2025-12-31 23:59:59]",
    "导出交易类型：[全部]",
    "导出时间：[2026-01-02 10:00:00]",
    "共{n}笔记录",
    "收入：0笔 0.00元",
    "支出：0笔 0.00元",
    "不计收支：0笔 0.00元",
    "",
    "特别提示：",
    *[f"{i}.本明细仅供个人对账使用。" for i in range(1, 10)],
    "",
    "-" * 24 + "支付宝（中国）网络技术有限公司  电子客户回单" + "-" * 24,
]
HEADER = (
    "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,"
    "交易订单号,商家订单号,备注,"
)
MERCHANTS = [
    "瑞幸咖啡",
    "美团外卖",
    "深圳洽客科技有限公司",
    "上海地铁",
    "盒马鲜生",
    "中国移动",
    "爱奇艺",
    "滴滴出行",
    "便利蜂",
    "京东商城",
]
CATEGORIES = ["餐饮美食", "交通出行", "日用百货", "数码电器", "文化休闲"]
STATES = ["交易成功"] * 18 + ["交易关闭", "等待确认收货"]
METHODS = ["余额", "花呗", "招商银行储蓄卡(1111)", "余额宝"]


def write_alipay_csv(path: Path, rows: int, seed: int = 7, plans: int = 0) -> None:
    """An Alipay app CSV with ``rows`` transactions, written in chunks (GBK).

    ``plans``: that many monthly auto-renewals (24 charges each, 500 merchants with
    several plans apiece) take the place of the last random rows, so detection has
    streams to build, explain and report.
    """
    rng = np.random.default_rng(seed)
    start = np.datetime64("2024-01-01T00:00:00")
    random_rows = rows - min(rows, plans * PLAN_MONTHS)
    with open(path, "w", encoding="gbk", newline="\n") as out:
        out.write("\n".join(PREAMBLE).replace("{n}", str(rows)) + "\n")
        out.write(HEADER + "\n")
        chunk = 100_000
        for offset in range(0, random_rows, chunk):
            n = min(chunk, random_rows - offset)
            seconds = np.sort(rng.integers(0, 730 * 86400, n))
            times = (start + seconds.astype("timedelta64[s]")).astype(str)
            cents = rng.integers(100, 50_000, n)
            merchant = rng.integers(0, len(MERCHANTS), n)
            category = rng.integers(0, len(CATEGORIES), n)
            state = rng.integers(0, len(STATES), n)
            method = rng.integers(0, len(METHODS), n)
            lines = []
            for i in range(n):
                order = f"2024{offset + i:020d}"
                lines.append(
                    f"{times[i].replace('T', ' ')} ,{CATEGORIES[category[i]]}    ,"
                    f"{MERCHANTS[merchant[i]]}    ,/    ,订单{offset + i}    ,支出    ,"
                    f"{cents[i] // 100}.{cents[i] % 100:02d}    ,{METHODS[method[i]]}    ,"
                    f"{STATES[state[i]]}    ,{order}\t,M{offset + i:012d}\t,    ,"
                )
            out.write("\n".join(lines) + "\n")
        out.write("".join(_plan_lines(plans, random_rows, rows)))


PLAN_MONTHS = 24


def _plan_lines(plans: int, first: int, rows: int):
    """Monthly renewals: plan k charges ¥(10 + k mod 300) on day 1 + k mod 28."""
    index = first
    for k in range(plans):
        merchant, cents, day = f"订阅服务{k % 500}号有限公司", (10 + k % 300) * 100, 1 + k % 28
        for month in range(PLAN_MONTHS):
            if index >= rows:
                return
            when = f"{2024 + month // 12}-{month % 12 + 1:02d}-{day:02d} 0{k % 10}:{k % 60:02d}:07"
            yield (
                f"{when} ,文化休闲    ,{merchant}    ,/    ,会员连续包月    ,支出    ,"
                f"{cents // 100}.{cents % 100:02d}    ,余额    ,交易成功    ,"
                f"2024{index:020d}\t,M{index:012d}\t,    ,\n"
            )
            index += 1


BARE = """
import sys, time, resource, pandas as pd
t = time.perf_counter()
frame = pd.read_csv(sys.argv[1], encoding="gbk", skiprows=24, dtype=str)
elapsed = time.perf_counter() - t
print(elapsed, len(frame), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

FULL = """
import sys, time, resource
from pathlib import Path
from qiake_auditor.ingest import import_paths
from qiake_auditor.workspace import Workspace
t = time.perf_counter()
with Workspace(Path(sys.argv[2])) as ws:
    reports, _ = import_paths([Path(sys.argv[1])], ws)
elapsed = time.perf_counter() - t
print(elapsed, reports[0].added, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def measure(code: str, *args: str) -> tuple[float, int, float]:
    """(seconds, rows, peak MB) of one fresh interpreter running ``code``."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    seconds, rows, kilobytes = done.stdout.split()
    return float(seconds), int(rows), int(kilobytes) / 1024


def arguments(doc: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="keep the generated CSV in this folder")
    parser.add_argument(
        "--plans",
        type=int,
        default=0,
        help="monthly auto-renewals among the rows (24 charges each)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="measure each side this many times, alternating (median)",
    )
    return parser.parse_args()


def statement(rows: int, folder: Path, keep: Path | None, plans: int = 0) -> Path:
    """The benchmark CSV of ``rows`` rows, written unless ``keep`` already holds it."""
    base = keep or folder
    base.mkdir(parents=True, exist_ok=True)
    csv = base / (f"alipay-{rows}.csv" if not plans else f"alipay-{rows}-plans{plans}.csv")
    if not csv.exists():
        t = time.perf_counter()
        write_alipay_csv(csv, rows, plans=plans)
        print(
            f"wrote {csv.name}: {csv.stat().st_size / 2**20:.0f} MB "
            f"in {time.perf_counter() - t:.1f} s"
        )
    return csv


def main() -> None:
    args = arguments(__doc__)
    bare, full = [], []
    with tempfile.TemporaryDirectory() as folder:
        csv = statement(args.rows, Path(folder), args.keep)
        for attempt in range(args.repeat):  # alternate, so a busy moment hits both sides
            bare.append(measure(BARE, str(csv)))
            workspace = Path(folder) / f"bench-{attempt}.sqlite"
            full.append(measure(FULL, str(csv), str(workspace)))
    assert all(r[1] == args.rows for r in bare + full), "rows read differ"
    bare_s = statistics.median(r[0] for r in bare)
    full_s = statistics.median(r[0] for r in full)
    bare_mb, full_mb = max(r[2] for r in bare), max(r[2] for r in full)
    result = {
        "rows": args.rows,
        "repeats": args.repeat,
        "bare_read_s": round(bare_s, 2),
        "full_import_s": round(full_s, 2),
        "ratio": round(full_s / bare_s, 2),
        "ratios": [round(f[0] / b[0], 2) for b, f in zip(bare, full, strict=True)],
        "import_peak_mb": round(full_mb),
        "bare_peak_mb": round(bare_mb),
        "targets": {"ratio": 2.0, "import_peak_mb": 2048},
    }
    runs = f"(median of {args.repeat})"
    print(f"bare pandas.read_csv:  {bare_s:6.2f} s  peak {bare_mb:6.0f} MB  {runs}")
    print(f"full import:           {full_s:6.2f} s  peak {full_mb:6.0f} MB  {runs}")
    print(
        f"ratio import/bare:     {full_s / bare_s:6.2f}  (target <= 2.0; each run: "
        f"{', '.join(str(r) for r in result['ratios'])})"
    )
    print(f"peak memory of import: {full_mb:6.0f} MB (target <= 2048 MB)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
