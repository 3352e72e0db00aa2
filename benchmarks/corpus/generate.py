"""Write a labelled corpus: ``python -m benchmarks.corpus.generate OUT --streams N --seed S``.

OUT_DIR receives, per simulated user, an Alipay CSV, a WeChat CSV or XLSX and an ICBC
debit CSV (file names start with the user id), and one ``truth.json``:

    {"seed", "streams": N, "users": [{"id", "start", "as_of", "files", "cancellations",
      "decoys", "streams": [gold stream records], "rows": {file: {source_row: {...}}}}]}

Row truth: date, amount, direction, state, econ (one economic transaction; a wallet
row and its bank copy share it), stream (gold stream id, absent if none), event,
role ("decoy" or "ignore"), decoy key, flags expected on that row.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from .users import make_user, schedule, write_user


def generate(out: Path, streams: int, seed: int, per_user: int = 8, density: float = 1.0) -> dict:
    """Generate the corpus into ``out`` and return the truth (also written as truth.json)."""
    rng = np.random.default_rng(seed)
    plans = schedule(streams, rng, per_user)
    seeds = rng.integers(0, 2**31, len(plans))
    users = []
    for index, (plan, user_seed) in enumerate(zip(plans, seeds, strict=True)):
        user = make_user(f"u{index:04d}", int(user_seed), plan, density=density)
        users.append(write_user(user, out))
    truth = {"seed": seed, "streams": sum(len(u["streams"]) for u in users), "users": users}
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.corpus.generate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--streams", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-user", type=int, default=8, help="hard cases per user")
    parser.add_argument("--density", type=float, default=1.0, help="background activity")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    truth = generate(args.out, args.streams, args.seed, args.per_user, args.density)
    rows = sum(len(r) for u in truth["users"] for r in u["rows"].values())
    print(f"{len(truth['users'])} users, {truth['streams']} streams, {rows} rows -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
