"""Fuzz the importers: mutate every golden fixture (and /work/shared/samples, when present)
into many hostile inputs and read each one in a worker process.

    python benchmarks/fuzz.py [--count 10000] [--seed 1] [--workers 4] [--keep DIR]

Each input is read the way ``import`` reads it (ingest.read_statements). A refusal with
a message (StatementError / UserError) is the right answer for damaged input; anything
else is a crash: an unexpected exception (a traceback), a worker that dies (a native
abort, exit 134) or exits 1. An input that takes longer than --hang seconds is a hang.
The report gives inputs, refusals, crashes, hangs and the peak memory of a worker
(an upper bound for any single input). Exit status 1 when there was a crash or hang.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "golden"
SAMPLES = Path("/work/shared/samples")
SIDE_FILES = (".expected.csv", ".options.json", ".md", ".py")
HANG_SECONDS = 30.0


def seeds(with_samples: bool = True) -> list[Path]:
    """Every golden fixture, and every sample file when the samples folder is there."""
    found = sorted(p for p in GOLDEN.rglob("*") if p.is_file() and not p.name.endswith(SIDE_FILES))
    if with_samples and SAMPLES.is_dir():
        found += sorted(
            p for p in SAMPLES.rglob("*") if p.is_file() and p.stat().st_size < 20 * 2**20
        )
    return found


# -- mutations: each takes (bytes, rng) and returns new bytes ---------------------------


def bit_flips(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if out:
            at = rng.randrange(len(out))
            out[at] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(max(len(data), 1))]


def random_bytes(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    return data[:at] + junk + data[at + rng.randint(0, 64) :]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def shuffle_columns(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    if len(lines) < 3:
        return data
    cells = lines[len(lines) // 2].split(b",")
    order = list(range(len(cells)))
    rng.shuffle(order)
    start = rng.randrange(len(lines))
    for i in range(start, min(len(lines), start + rng.randint(1, 50))):
        parts = lines[i].split(b",")
        if len(parts) == len(order):
            lines[i] = b",".join(parts[j] for j in order)
    return b"\n".join(lines)


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    if rng.random() < 0.3:
        lines.insert(rng.randrange(len(lines) + 1), lines[rng.randrange(len(lines))])
    return b"\n".join(lines)


def encoding_swap(data: bytes, rng: random.Random) -> bytes:
    for source in ("utf-8-sig", "gb18030", "cp1252"):
        try:
            text = data.decode(source)
        except UnicodeDecodeError:
            continue
        target = rng.choice(
            ["utf-16", "utf-16-le", "gb18030", "utf-8", "utf-8-sig", "big5", "latin-1"]
        )
        return text.encode(target, errors="replace")
    return data[::-1]


def huge_field(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    size = rng.choice([10_000, 1_000_000, 5_000_000])
    return data[:at] + rng.choice([b"9", b"A", b"\xe4\xb8\xad", b","]) * size + data[at:]


def values(data: bytes, rng: random.Random) -> bytes:
    """Plausible-looking but wrong values: impossible dates, long amounts, formulas."""
    swaps = [
        (b"2024-0", b"2024-1"),
        (b"-01 ", b"-45 "),
        (b"00:00", b"25:61"),
        (b".00", b"." + b"9" * 30),
        (b",", b"," + b"9" * 200 + b","),
        (b",", b',=HYPERLINK("x"),'),
        (b"\xc2\xa5", b"\x00\x07"),
        (b"EUR", b"XXXX"),
    ]
    old, new = rng.choice(swaps)
    count = data.count(old)
    if not count:
        return random_bytes(data, rng)
    nth = rng.randrange(count)
    at = -1
    for _ in range(nth + 1):
        at = data.index(old, at + 1)
    return data[:at] + new + data[at + len(old) :]


def hostile_xml(data: bytes, rng: random.Random) -> bytes:
    prologs = [
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
        b"<!--" + b"x" * 10_000 + b'--><!DOCTYPE x SYSTEM "file:///etc/passwd">',
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x []>'.encode("utf-16"),
        b"<![CDATA[" * 1000,
    ]
    if data.lstrip().startswith(b"<?xml"):
        end = data.find(b"?>") + 2
        return data[:end] + rng.choice(prologs) + data[end:]
    return rng.choice(prologs) + data


def zip_shapes(data: bytes, rng: random.Random) -> bytes:
    buffer = io.BytesIO()
    shape = rng.randrange(5)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if shape == 0:  # the statement inside a ZIP, and a nested ZIP of it
            archive.writestr("bill.csv", data)
            inner = io.BytesIO()
            with zipfile.ZipFile(inner, "w") as nested:
                nested.writestr("bill.csv", data)
            archive.writestr("nested.zip", inner.getvalue())
        elif shape == 1:  # many small members
            for i in range(rng.randint(50, 500)):
                archive.writestr(f"m{i}.csv", data[: rng.randrange(len(data) + 1)])
        elif shape == 2:  # zeros: a small bomb
            for i in range(rng.randint(1, 6)):
                archive.writestr(f"zeros{i}.csv", bytes(rng.choice([10, 100, 200]) * 2**20))
        elif shape == 3:  # odd member names
            archive.writestr("../../evil.csv", data)
            archive.writestr("/abs/path.csv", data)
        else:
            archive.writestr("empty.csv", b"")
            archive.writestr("bill.csv", data)
    out = buffer.getvalue()
    if rng.random() < 0.3:  # damage the archive itself
        out = bit_flips(out, rng)
    return out


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "bit_flips": bit_flips,
    "truncate": truncate,
    "random_bytes": random_bytes,
    "shuffle_columns": shuffle_columns,
    "shuffle_lines": shuffle_lines,
    "encoding_swap": encoding_swap,
    "huge_field": huge_field,
    "values": values,
    "hostile_xml": hostile_xml,
    "zip_shapes": zip_shapes,
}
# Big inputs are slow to make and to read; they come up less often.
WEIGHTS = {"huge_field": 0.3, "zip_shapes": 0.5}


def inputs(count: int, seed: int, files: list[Path]) -> Iterator[tuple[str, bytes]]:
    """``count`` mutated inputs, round-robin over the seed files, reproducible by seed."""
    rng = random.Random(seed)
    names = list(MUTATIONS)
    weights = [WEIGHTS.get(n, 1.0) for n in names]
    originals = [(p, p.read_bytes()) for p in files]
    for i in range(count):
        path, data = originals[i % len(originals)]
        chosen = rng.choices(names, weights)[0]
        mutated = MUTATIONS[chosen](data, rng)
        if rng.random() < 0.2:  # a second mutation on top
            mutated = MUTATIONS[rng.choices(names, weights)[0]](mutated, rng)
        yield f"{i:05d}-{chosen}-{path.name}", mutated


# -- the worker: reads one path per line, answers one JSON line per input ---------------

WORKER = r"""
import json, resource, sys, time, traceback
from qiake_auditor.errors import UserError
from qiake_auditor.ingest import read_statements
for line in sys.stdin:
    path = line.rstrip("\n")
    start = time.monotonic()
    try:
        read_statements(path)
        outcome, detail = "ok", ""
    except UserError as exc:
        outcome, detail = "refused", str(exc)[:200]
    except Exception:
        outcome, detail = "crash", traceback.format_exc()[-3000:]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"outcome": outcome, "detail": detail, "peak_kib": peak,
                      "seconds": time.monotonic() - start}), flush=True)
"""


def _exit_name(code: int) -> str:
    """A worker's exit as a reader can act on: SIGKILL with nothing on stderr is most
    likely the kernel's OOM killer (see dmesg), SIGABRT a native abort."""
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"{code} ({signal.Signals(-code).name})"
    return str(code)


class Worker:
    def __init__(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        # stderr to a file: a pipe nobody reads could fill up and stall the worker.
        self.errors = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
            env=env,
            cwd=ROOT,
        )
        self.path: str | None = None
        self.started = 0.0

    def send(self, path: str) -> None:
        self.path, self.started = path, time.monotonic()
        self.process.stdin.write(path + "\n")
        self.process.stdin.flush()

    def stderr(self) -> str:
        self.errors.seek(0)
        return self.errors.read()[-2000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.errors):
            with contextlib.suppress(OSError):  # a dead worker's pipe
                stream.close()


@dataclass
class Report:
    inputs: int = 0
    ok: int = 0
    refused: int = 0
    crashes: list[dict] = field(default_factory=list)
    hangs: list[dict] = field(default_factory=list)
    peak_kib: int = 0
    slowest: float = 0.0
    slowest_input: str = ""
    by_mutation: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict:
        return {
            "inputs": self.inputs,
            "ok": self.ok,
            "refused": self.refused,
            "crashes": len(self.crashes),
            "hangs": len(self.hangs),
            "peak_memory_mb": round(self.peak_kib / 1024, 1),
            "slowest_seconds": round(self.slowest, 2),
            "slowest_input": Path(self.slowest_input).name,
            "by_mutation": self.by_mutation,
        }


def run(
    count: int,
    seed: int,
    workers: int,
    hang: float = HANG_SECONDS,
    keep: Path | None = None,
    with_samples: bool = True,
) -> Report:
    report = Report()
    files = seeds(with_samples)
    with tempfile.TemporaryDirectory(prefix="qiake-fuzz-") as folder:
        where = keep or Path(folder)
        where.mkdir(parents=True, exist_ok=True)
        pending = iter(inputs(count, seed, files))
        pool = [Worker() for _ in range(workers)]
        busy: dict[int, Worker] = {}

        def feed(worker: Worker) -> bool:
            item = next(pending, None)
            if item is None:
                return False
            name, data = item
            path = where / name
            path.write_bytes(data)
            worker.send(str(path))
            busy[worker.process.stdout.fileno()] = worker
            report.inputs += 1
            kind = name.split("-")[1]
            report.by_mutation[kind] = report.by_mutation.get(kind, 0) + 1
            return True

        for worker in pool:
            feed(worker)
        while busy:
            ready, _, _ = select.select(list(busy), [], [], 1.0)
            now = time.monotonic()
            for fd in ready:
                worker = busy.pop(fd)
                line = worker.process.stdout.readline()
                path = worker.path
                if not line:  # the worker died: a native abort or exit
                    code = worker.process.wait()
                    report.crashes.append(
                        {"input": path, "exit": _exit_name(code), "stderr": worker.stderr()}
                    )
                    worker.stop()
                    worker = Worker()
                else:
                    answer = json.loads(line)
                    report.peak_kib = max(report.peak_kib, answer["peak_kib"])
                    if answer["seconds"] > report.slowest:
                        report.slowest, report.slowest_input = answer["seconds"], path or ""
                    if answer["outcome"] == "crash":
                        report.crashes.append({"input": path, "traceback": answer["detail"]})
                    else:
                        setattr(report, answer["outcome"], getattr(report, answer["outcome"]) + 1)
                        if keep is None:
                            Path(path).unlink(missing_ok=True)
                    if answer["peak_kib"] > 1024 * 1024:  # keep memory per input bounded
                        worker.stop()
                        worker = Worker()
                if not feed(worker):
                    worker.stop()
            for fd, worker in list(busy.items()):
                if now - worker.started > hang:
                    busy.pop(fd)
                    report.hangs.append(
                        {"input": worker.path, "seconds": round(now - worker.started, 1)}
                    )
                    worker.stop()
                    worker = Worker()
                    if not feed(worker):
                        worker.stop()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 2) // 2))
    parser.add_argument("--hang", type=float, default=HANG_SECONDS)
    parser.add_argument("--keep", type=Path, help="keep the inputs in this folder")
    parser.add_argument("--no-samples", action="store_true")
    args = parser.parse_args(argv)
    start = time.monotonic()
    report = run(args.count, args.seed, args.workers, args.hang, args.keep, not args.no_samples)
    summary = report.summary() | {
        "seconds": round(time.monotonic() - start, 1),
        "seed_files": len(seeds(not args.no_samples)),
    }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    for crash in report.crashes[:20]:
        print("CRASH", json.dumps(crash, ensure_ascii=False)[:3000])
    for hang in report.hangs[:20]:
        print("HANG", json.dumps(hang))
    return 1 if report.crashes or report.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
