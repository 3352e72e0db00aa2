"""Detection scorecard: qiake-auditor's detector and three baselines on a labelled corpus.

    .venv/bin/python benchmarks/detection_scorecard.py [--streams 2000] [--seed 20261127]
                                                       [--jobs 2] [--out benchmarks/out]

Generates a corpus with ``benchmarks.corpus`` (Alipay CSV, WeChat CSV/XLSX and ICBC
debit CSV per simulated user), imports every user's files through the real importers
into a fresh workspace (``ingest.import_paths``), runs ``scan`` with the user's
cancellation dates from the truth, runs the baselines of ``benchmarks/baselines.py``
on the same ledger, and prints (and writes to OUT/scorecard.md):

* stream precision / recall / F1: one-to-one greedy matching of predicted to gold
  streams by Jaccard overlap of member *economic transactions* (a wallet row and its
  bank copy are one), a match needs Jaccard >= 0.5; exact-stream rate (Jaccard 1);
* split rate (a gold stream spread over >= 2 predicted streams with >= 2 of its rows
  each) and merge rate (a predicted stream holding rows of >= 2 gold streams);
* decoy false-positive rate (H12 habit merchants - coffee, lunch, metro, groceries,
  rides, phone top-up - with a stream typed subscription), cadence and type accuracy;
* next-date hit rate within +-3 days for monthly streams, "last-cut" protocol: one
  origin per user 40 days before the export end; the ledger is cut there, scanned as of
  the origin, and the predicted next date (``next_expected``, or ``due`` when the
  scheduled day has just passed) is compared with the first real charge after the
  origin (no prediction = miss);
* flag precision / recall per flag (stream level) and row-level after_cancellation;
* annual recall with exactly two occurrences (H3 two-hit, H4);
* cross-export double counts: economic transactions counted twice (ledger ``counted``
  column, and charges inside streams);
* what the user is told: cancelled streams that still get a next date or a cancel-by
  date, next dates before the scan's as-of date, income and transfer streams whose
  explanation calls their rows charges (扣费 / charge).

Rows labelled ``ignore`` (FX fee lines, a closed order, a pending purchase) are left out
of the overlap; predicted streams made only of such rows or of phone top-ups are not
counted against precision.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from baselines import BASELINES  # noqa: E402

from benchmarks.corpus.generate import generate  # noqa: E402
from qiake_auditor import ingest  # noqa: E402
from qiake_auditor.detect.scan import ScanSettings, scan  # noqa: E402
from qiake_auditor.workspace import Workspace  # noqa: E402

FLAGS = (
    "after_cancellation",
    "trial_conversion",
    "price_increase",
    "duplicate_charge",
    "refund_partial",
)
COUNTED_ROLES = {"charge", "trial", "proration", "duplicate"}
CUT_DAYS = 40
TARGETS = {
    "f1": 0.97,
    "case_f1": 0.95,
    "cause": 0.95,
    "cause_each": 0.90,
    "decoy_fp": 0.01,
    "annual2": 0.95,
    "after_cancellation": 1.0,
    "double": 0,
}
SYSTEMS = ("qiake-auditor", *BASELINES)


# -- running the systems -----------------------------------------------------------------------


def _detector(
    rows: pd.DataFrame, as_of: date, cancellations: dict[str, date], watch: list[str] | None = None
) -> tuple:
    """``watch``: the gold streams' names, so every charge of theirs is flagged and gets
    a cause (watching changes no stream, type or other flag)."""
    settings = ScanSettings(as_of=as_of, cancellations=cancellations)
    settings.watch += watch or []
    result = scan(rows, settings)
    counted = [
        (t["source"], int(t["source_row"]))
        for t in result["transactions"]
        if t.get("counted")
        and t["direction"] == "expense"
        and t["state"] in ("success", "pending", "refunded", "partially_refunded")
    ]
    return result["streams"], result["flagged"], counted


def run_user(job: tuple[str, dict]) -> dict:
    """Import one user's files, run every system (full and cut ledger), score them."""
    folder, user = job
    as_of = date.fromisoformat(user["as_of"])
    cancellations = {k: date.fromisoformat(v) for k, v in user["cancellations"].items()}
    with tempfile.TemporaryDirectory() as tmp, Workspace(Path(tmp) / "w.sqlite") as workspace:
        ingest.import_paths([Path(folder) / f for f in user["files"]], workspace)
        rows = workspace.ledger()
    origin = as_of - timedelta(days=CUT_DAYS)
    cut = rows[rows["time"].str.slice(0, 10) <= origin.isoformat()].reset_index(drop=True)
    truth = Truth(user)
    out = {}
    timings = {}
    crashes = []
    spent = [
        (s, int(r))
        for s, r, d, st in zip(
            rows["source"], rows["source_row"], rows["direction"], rows["state"], strict=True
        )
        if d == "expense" and st in ("success", "pending", "refunded", "partially_refunded")
    ]
    for system in SYSTEMS:
        started = time.perf_counter()
        streams, flagged, counted, cut_streams = [], [], spent, []
        try:
            if system == "qiake-auditor":
                names = sorted({n for s in user["streams"] for n in s["names"] if n})
                streams, flagged, counted = _detector(rows, as_of, cancellations, names)
                cut_streams = _detector(cut, origin, cancellations)[0]
            else:
                found = BASELINES[system]
                streams = found(rows, as_of)
                cut_streams = found(cut, origin)
        except Exception as exc:  # a crash scores as "found nothing" and is reported
            crashes.append((system, user["id"], f"{type(exc).__name__}: {exc}"))
        timings[system] = time.perf_counter() - started
        out[system] = truth.score(streams, flagged, counted, cut_streams, origin)
    return {"scores": out, "timings": timings, "rows": len(rows), "crashes": crashes}


# -- truth and scoring -----------------------------------------------------------------------


class Truth:
    """One user's truth, indexed by (file, source_row) and by economic transaction."""

    def __init__(self, user: dict) -> None:
        self.user = user
        self.rows = {
            (f, int(n)): info for f, rows in user["rows"].items() for n, info in rows.items()
        }
        self.gold = {s["id"]: s for s in user["streams"]}
        self.members: dict[str, set[str]] = defaultdict(set)
        self.econ_date: dict[str, str] = {}
        self.econ_info: dict[str, dict] = {}
        self.ignore: set[str] = set()
        for (name, _), info in self.rows.items():
            econ = info["econ"]
            bank = "工商银行" in name
            if econ not in self.econ_date or not bank:
                self.econ_date[econ] = info["date"]
                self.econ_info[econ] = info
            if info.get("role") == "ignore":
                self.ignore.add(econ)
            elif info.get("stream"):
                self.members[info["stream"]].add(econ)
        self.decoys: dict[str, set[str]] = defaultdict(set)
        for info in self.rows.values():
            if info.get("role") == "decoy":
                self.decoys[info["decoy"]].add(info["econ"])
        self.decoy_of = {e: k for k, es in self.decoys.items() for e in es}

    def econs(self, stream: dict) -> set[str]:
        out = set()
        for charge in stream["charges"]:
            info = self.rows.get((charge["source"], int(charge["source_row"])))
            if info is not None:
                out.add(info["econ"])
        return out

    def score(
        self,
        streams: list[dict],
        flagged: list[dict],
        counted: list[tuple],
        cut_streams: list[dict],
        origin: date,
    ) -> dict:
        c: dict[str, Counter] = defaultdict(Counter)  # per case
        g = Counter()  # global
        preds = [self.econs(s) for s in streams]
        evaluated = [p - self.ignore for p in preds]
        matches = _match(evaluated, self.members)
        matched_pred = {p: gid for p, gid, _ in matches}
        matched_gold = {gid: (p, j) for p, gid, j in matches}
        # recall side
        for gid, gold in self.gold.items():
            case = gold["case"]
            members = self.members[gid]
            c[case]["gold"] += 1
            amount = sum(float(self.econ_info[e]["amount"]) for e in members)
            c[case]["money_gold"] += amount
            covering = [i for i, p in enumerate(evaluated) if len(p & members) >= 2]
            if len(covering) >= 2:
                c[case]["split"] += 1
            if gid not in matched_gold:
                c[case]["fn"] += 1
                for flag in gold["expected_flags"]:
                    g[f"flag_fn:{flag}"] += 1
                if _annual2(gold):
                    g["annual2_n"] += 1
                continue
            index, jaccard = matched_gold[gid]
            pred = streams[index]
            c[case]["tp"] += 1
            c[case]["money_found"] += amount
            c[case]["exact"] += jaccard == 1.0
            c[case]["cad_ok"] += pred.get("cadence") == gold["cadence"]
            c[case]["type_ok"] += pred.get("type") in {gold["type"], *gold["alt_types"]}
            got = set(pred.get("flags", ())) | {f for ch in pred["charges"] for f in ch["flags"]}
            for flag in FLAGS:
                want = flag in gold["expected_flags"]
                have = flag in got
                if have and want:
                    g[f"flag_tp:{flag}"] += 1
                elif want:
                    g[f"flag_fn:{flag}"] += 1
                elif have and flag not in gold["ok_flags"]:
                    g[f"flag_fp:{flag}"] += 1
            if _annual2(gold):
                g["annual2_n"] += 1
                g["annual2_found"] += 1
                g["annual2_annual"] += pred.get("cadence") == "annual"
            if gold["status"] == "cancelled":
                g["cancelled_n"] += 1
                g["cancelled_dated"] += bool(pred.get("next_expected") or pred.get("cancel_by"))
        as_of = self.user["as_of"]
        for pred in streams:
            g["next_past"] += bool(pred.get("next_expected") and pred["next_expected"] < as_of)
            if pred.get("type") in ("income", "transfer"):
                g["not_charge_n"] += 1
                g["not_charge_worded"] += "扣费" in (pred.get("explanation_zh") or "") or (
                    "charge" in (pred.get("explanation_en") or "")
                )
        # causes: every charge (economic transaction) with a gold cause, against the cause
        # the detector gave it on its wallet row or its bank copy
        given: dict[str, str] = {}
        for stream in streams:
            for ch in stream["charges"]:
                info = self.rows.get((ch["source"], int(ch["source_row"])))
                if ch.get("cause") and info is not None:
                    given.setdefault(info["econ"], ch["cause"])
        golden = {info["econ"]: info["cause"] for info in self.rows.values() if info.get("cause")}
        for econ, cause in golden.items():
            g[f"cause:{cause}:{given.get(econ, 'none')}"] += 1
        # precision side
        for index, pred in enumerate(evaluated):
            if index in matched_pred:
                continue
            if not pred:
                continue  # only ignore rows (fee lines, closed orders)
            decoy = Counter(self.decoy_of.get(e) for e in pred).most_common(1)[0]
            if decoy[0] == "topup" and decoy[1] * 2 > len(pred):
                continue  # a manual recurring top-up may be reported, as long as not a subscription
            overlap = [(len(pred & m), gid) for gid, m in self.members.items() if pred & m]
            if overlap:
                case = self.gold[max(overlap)[1]]["case"]
            elif decoy[0] and decoy[1] * 2 > len(pred):
                case = "H12"
            else:
                case = "other"
            c[case]["fp"] += 1
            flags_here = set(streams[index].get("flags", ())) | {
                f for ch in streams[index]["charges"] for f in ch["flags"]
            }
            for flag in FLAGS:
                g[f"flag_fp:{flag}"] += flag in flags_here
        for pred in evaluated:
            if len([gid for gid, m in self.members.items() if pred & m]) >= 2:
                g["merge"] += 1
        g["pred"] += sum(1 for p in evaluated if p)
        # decoys
        for key, econs in self.decoys.items():
            typed, any_stream = False, False
            for index, pred in enumerate(preds):
                if pred and len(pred & econs) * 2 > len(pred):
                    any_stream = True
                    typed |= streams[index].get("type") == "subscription"
            g["decoy_n"] += 1
            g["decoy_fp"] += typed
            if key != "topup":
                g["decoy_hard_n"] += 1
                g["decoy_any"] += any_stream
        # row-level after_cancellation
        gold_ac = {
            e for e, info in self.econ_info.items() if "after_cancellation" in info.get("flags", ())
        }
        gold_ac |= {
            info["econ"]
            for info in self.rows.values()
            if "after_cancellation" in info.get("flags", ())
        }
        refs = [ch for s in streams for ch in s["charges"] if "after_cancellation" in ch["flags"]]
        refs += [f for f in flagged if "after_cancellation" in f["flags"]]
        got_ac = {
            self.rows[(r["source"], int(r["source_row"]))]["econ"]
            for r in refs
            if (r["source"], int(r["source_row"])) in self.rows
        }
        g["ac_tp"] += len(got_ac & gold_ac)
        g["ac_fp"] += len(got_ac - gold_ac)
        g["ac_fn"] += len(gold_ac - got_ac)
        # double counts
        seen = Counter(self.rows[key]["econ"] for key in counted if key in self.rows)
        twice = [e for e, n in seen.items() if n > 1]
        g["double_ledger"] += sum(seen[e] - 1 for e in twice)
        g["double_ledger_gold"] += sum(
            seen[e] - 1 for e in twice if self.econ_info[e].get("stream")
        )
        inside = Counter()
        for s in streams:
            for ch in s["charges"]:
                key = (ch["source"], int(ch["source_row"]))
                if key in self.rows and ch.get("role", "charge") in COUNTED_ROLES:
                    inside[self.rows[key]["econ"]] += 1
        g["double_streams"] += sum(n - 1 for n in inside.values() if n > 1)
        # next date at export end (gold schedule) and at the cut (real next charge)
        for gid, gold in self.gold.items():
            if gold["cadence"] != "monthly" or gold["status"] == "cancelled":
                continue
            if gold["next_expected"] and gid in matched_gold:
                pred = streams[matched_gold[gid][0]]
                c[gold["case"]]["end_n"] += 1
                c[gold["case"]]["end_hit"] += _near(
                    _predicted_next(pred), [gold["next_expected"], *gold["alt_next"]]
                )
        self._cut(cut_streams, origin, c)
        return {"cases": {k: dict(v) for k, v in c.items()}, "global": dict(g)}

    def _cut(self, streams: list[dict], origin: date, c: dict) -> None:
        limit = origin.isoformat()
        before = {
            gid: {e for e in m if self.econ_date[e] <= limit} for gid, m in self.members.items()
        }
        preds = [self.econs(s) - self.ignore for s in streams]
        matches = {gid: p for p, gid, _ in _match(preds, before)}
        for gid, gold in self.gold.items():
            if gold["cadence"] != "monthly" or gold["status"] == "cancelled":
                continue
            if len(before[gid]) < 3:
                continue
            after = sorted(
                self.econ_date[e]
                for e in self.members[gid] - before[gid]
                if self.econ_info[e]["state"] == "success"
                and self.econ_info[e].get("event") != "duplicate"
            )
            if not after:
                continue
            c[gold["case"]]["cut_n"] += 1
            if gid in matches:
                c[gold["case"]]["cut_hit"] += _near(
                    _predicted_next(streams[matches[gid]]), [after[0]]
                )


def _predicted_next(stream: dict) -> str | None:
    """The date the user is told to expect the next charge: ``next_expected``, or the
    scheduled day that has just passed without a charge (``due``: "was due on X")."""
    return stream.get("next_expected") or stream.get("due")


def _annual2(gold: dict) -> bool:
    return (
        gold["cadence"] == "annual"
        and gold["charges"] == 2
        and (gold["case"], gold["variant"]) in (("H3", "two-hits"), ("H4", "leap-day"))
    )


def _near(predicted: str | None, targets: list[str], days: int = 3) -> bool:
    if not predicted:
        return False
    p = date.fromisoformat(predicted[:10])
    return any(abs((p - date.fromisoformat(t)).days) <= days for t in targets)


def _match(preds: list[set[str]], golds: dict[str, set[str]]) -> list[tuple[int, str, float]]:
    """Greedy one-to-one matching by Jaccard (>= 0.5), best pairs first."""
    pairs = []
    for index, pred in enumerate(preds):
        if not pred:
            continue
        for gid, gold in golds.items():
            common = len(pred & gold)
            if common:
                jaccard = common / len(pred | gold)
                if jaccard >= 0.5:
                    pairs.append((jaccard, index, gid))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p, used_g, out = set(), set(), []
    for jaccard, index, gid in pairs:
        if index in used_p or gid in used_g:
            continue
        used_p.add(index)
        used_g.add(gid)
        out.append((index, gid, jaccard))
    return out


# -- aggregation and report ------------------------------------------------------------------


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def _f1(tp: int, fp: int, fn: int) -> tuple:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return p, r, f1


def aggregate(results: list[dict]) -> dict:
    total = {s: {"cases": defaultdict(Counter), "global": Counter()} for s in SYSTEMS}
    for result in results:
        for system, score in result["scores"].items():
            for case, counts in score["cases"].items():
                total[system]["cases"][case].update(counts)
            total[system]["global"].update(score["global"])
    return total


def _count_of(count: int, total: int) -> str | None:
    """'0 of 412' (None where the system gave nothing to count)."""
    return f"{count} of {total}" if total else None


def _fmt(value, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def report(total: dict, meta: dict) -> str:
    lines = ["# Detection scorecard\n", meta["header"], ""]
    overall = {}
    for system in SYSTEMS:
        cases, g = total[system]["cases"], total[system]["global"]
        sums = Counter()
        for counts in cases.values():
            sums.update(counts)
        p, r, f1 = _f1(sums["tp"], sums["fp"], sums["fn"])
        overall[system] = {
            "precision": p,
            "recall": r,
            "f1": f1,
            "exact": _ratio(sums["exact"], sums["gold"]),
            "money_recall": _ratio(sums["money_found"], sums["money_gold"]),
            "split": _ratio(sums["split"], sums["gold"]),
            "merge": _ratio(g["merge"], g["pred"]),
            "decoy_fp": _ratio(g["decoy_fp"], g["decoy_n"]),
            "decoy_any": _ratio(g["decoy_any"], g["decoy_hard_n"]),
            "cadence": _ratio(sums["cad_ok"], sums["tp"]),
            "type": _ratio(sums["type_ok"], sums["tp"]),
            "next_cut": _ratio(sums["cut_hit"], sums["cut_n"]),
            "next_end": _ratio(sums["end_hit"], sums["end_n"]),
            "annual2": _ratio(g["annual2_found"], g["annual2_n"]),
            "annual2_as_annual": _ratio(g["annual2_annual"], g["annual2_n"]),
            "ac_p": _ratio(g["ac_tp"], g["ac_tp"] + g["ac_fp"]),
            "ac_r": _ratio(g["ac_tp"], g["ac_tp"] + g["ac_fn"]),
            "ac_fp": g["ac_fp"],
            "double_ledger": g["double_ledger"],
            "double_streams": g["double_streams"],
            "double_ledger_gold": g["double_ledger_gold"],
            "cancelled_dated": _count_of(g["cancelled_dated"], g["cancelled_n"]),
            "next_past": g["next_past"],
            "not_charge_worded": _count_of(g["not_charge_worded"], g["not_charge_n"]),
        }
    rows = [
        ("stream precision", "precision", ""),
        ("stream recall", "recall", ""),
        ("stream F1", "f1", ">= 0.97"),
        ("exact-stream rate (Jaccard 1)", "exact", ""),
        ("money-weighted recall", "money_recall", ""),
        ("split rate", "split", ""),
        ("merge rate", "merge", ""),
        ("decoy FP rate (habit merchant typed subscription)", "decoy_fp", "<= 0.01"),
        ("decoy any-stream rate (coffee/lunch/metro/groceries/rides)", "decoy_any", ""),
        ("cadence accuracy (matched)", "cadence", ""),
        ("type accuracy (matched)", "type", ""),
        ("next-date hit ±3 d, monthly, last-cut", "next_cut", ""),
        ("next-date hit ±3 d, monthly, at export end vs schedule", "next_end", ""),
        ("annual recall, 2 occurrences", "annual2", ">= 0.95"),
        ("  ... and labelled annual", "annual2_as_annual", ""),
        ("after_cancellation row precision", "ac_p", "1.0"),
        ("after_cancellation row recall", "ac_r", "1.0"),
        ("after_cancellation false alarms (rows)", "ac_fp", "0"),
        ("double counts: ledger rows counted twice (all rows)", "double_ledger", "0"),
        ("  ... of which rows of gold streams", "double_ledger_gold", "0"),
        ("double counts: inside/among streams", "double_streams", "0"),
        ("cancelled streams given a next or cancel-by date", "cancelled_dated", "0"),
        ("next dates before the as-of date (streams)", "next_past", "0"),
        ("income/transfer streams worded as charges", "not_charge_worded", "0"),
    ]
    lines += [
        "## Overall",
        "",
        "| metric | target | " + " | ".join(SYSTEMS) + " |",
        "|---|---|" + "---|" * len(SYSTEMS),
    ]
    for label, key, target in rows:
        lines.append(
            f"| {label} | {target} | " + " | ".join(_fmt(overall[s][key]) for s in SYSTEMS) + " |"
        )
    lines += [
        "",
        "## Flags (stream level; qiake-auditor)",
        "",
        "| flag | precision | recall | tp | fp | fn |",
        "|---|---|---|---|---|---|",
    ]
    g = total["qiake-auditor"]["global"]
    for flag in FLAGS:
        tp, fp, fn = g[f"flag_tp:{flag}"], g[f"flag_fp:{flag}"], g[f"flag_fn:{flag}"]
        p, r, _ = _f1(tp, fp, fn)
        lines.append(f"| {flag} | {_fmt(p)} | {_fmt(r)} | {tp} | {fp} | {fn} |")
    lines += _causes(g)
    lines += [
        "",
        "## Per hard case (F1 target >= 0.95 each; H12 shows FP streams only; "
        "split, cadence and next-date columns for qiake-auditor)",
        "",
        "| case | gold | "
        + " | ".join(f"{s} P / R / F1" for s in SYSTEMS)
        + " | split | cadence acc | next hit (cut) |",
        "|---|---|" + "---|" * (len(SYSTEMS) + 3),
    ]
    case_names = sorted(
        {c for s in SYSTEMS for c in total[s]["cases"]},
        key=lambda c: (not c.startswith("H"), int(c[1:]) if c[1:].isdigit() else 0),
    )
    for case in case_names:
        cells = []
        for system in SYSTEMS:
            k = total[system]["cases"].get(case, Counter())
            p, r, f1 = _f1(k["tp"], k["fp"], k["fn"])
            cells.append(
                f"{_fmt(p, 2)} / {_fmt(r, 2)} / {_fmt(f1, 2)}"
                + (f" ({k['fp']} FP)" if case in ("H12", "other") else "")
            )
        k = total["qiake-auditor"]["cases"].get(case, Counter())
        lines.append(
            f"| {case} | {k['gold']} | "
            + " | ".join(cells)
            + f" | {_fmt(_ratio(k['split'], k['gold']), 2)}"
            + f" | {_fmt(_ratio(k['cad_ok'], k['tp']), 2)}"
            + f" | {_fmt(_ratio(k['cut_hit'], k['cut_n']), 2)} |"
        )
    lines += ["", meta["footer"]]
    return "\n".join(lines) + "\n"


CAUSES = (
    "auto_renewal",
    "new_purchase_or_upgrade",
    "usage_settlement",
    "trial_conversion",
    "organisation_purchase",
    "arrears_recovery",
)


def _causes(g: Counter) -> list[str]:
    """Cause accuracy per gold cause and the confusion matrix (rows: gold, columns: given)."""
    cells = Counter()
    for key, n in g.items():
        if key.startswith("cause:"):
            _, gold, got = key.split(":")
            cells[(gold, got)] += n
    given = [*CAUSES, "none"]
    total = sum(cells.values())
    right = sum(cells[(c, c)] for c in CAUSES)
    lines = [
        "",
        f"## Causes (qiake-auditor; every charge of a gold stream with a gold cause: "
        f"accuracy {_fmt(_ratio(right, total))} over {total} charges, target >= 0.95 "
        f"overall and >= 0.90 per cause)",
        "",
        "| gold \\ given | " + " | ".join(given) + " | accuracy |",
        "|---|" + "---|" * (len(given) + 1),
    ]
    for gold in CAUSES:
        row = [cells[(gold, got)] for got in given]
        lines.append(
            f"| {gold} | "
            + " | ".join(str(n) for n in row)
            + f" | {_fmt(_ratio(cells[(gold, gold)], sum(row)))} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streams", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument(
        "--density",
        type=float,
        default=1.0,
        help="background activity per user (1.0 = the default corpus)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    corpus = args.out / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir()
    started = time.perf_counter()
    truth = generate(corpus, args.streams, args.seed, density=args.density)
    generated = time.perf_counter() - started
    jobs = [(str(corpus), user) for user in truth["users"]]
    results = []
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        for result in pool.imap_unordered(run_user, jobs, chunksize=2):
            results.append(result)
            if len(results) % 20 == 0:
                print(
                    f"  {len(results)}/{len(jobs)} users, {time.perf_counter() - started:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
    elapsed = time.perf_counter() - started
    if not args.keep:
        shutil.rmtree(corpus, ignore_errors=True)
    rows = sum(r["rows"] for r in results)
    timing = Counter()
    for r in results:
        timing.update(r["timings"])
    header = (
        f"Corpus: seed {args.seed}, {len(truth['users'])} simulated users, "
        f"{truth['streams']} gold streams, {rows} imported ledger rows "
        f"(Alipay CSV, WeChat CSV/XLSX, ICBC debit CSV per user; 13-20 months each). "
        f"Matching: one-to-one by Jaccard >= 0.5 over economic transactions. "
        f"Next date: last-cut protocol, one origin per user {CUT_DAYS} days before the "
        f"export end."
    )
    footer = (
        f"Run time {elapsed:.0f} s on {args.jobs} processes (generation {generated:.0f} s); "
        "CPU seconds per system incl. the cut run: "
        + ", ".join(f"{k} {v:.1f}" for k, v in timing.items())
        + "."
    )
    crashes = [c for r in results for c in r["crashes"]]
    if crashes:
        footer += f"\n\nCrashes (scored as 'found nothing'): {len(crashes)}; first: " + "; ".join(
            f"{s} on user {u} (seed {args.seed}): {e}" for s, u, e in crashes[:5]
        )
    text = report(aggregate(results), {"header": header, "footer": footer})
    (args.out / "scorecard.md").write_text(text, encoding="utf-8")
    (args.out / "scorecard.json").write_text(
        json.dumps(
            {
                s: {
                    "cases": {c: dict(v) for c, v in t["cases"].items()},
                    "global": dict(t["global"]),
                }
                for s, t in aggregate(results).items()
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
