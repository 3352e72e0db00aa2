"""``qiake-auditor scan``: find recurring charges in statements or in the workspace.

Given files, they are imported first (as ``import`` does) and only their rows are
reported on; given none, the whole workspace is. Stored decisions apply either way
and the options add to them. ``--json`` prints one JSON object (see detect.scan).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import unicodedata
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path

from .. import cli
from ..errors import UserError


def _add_parser(sub: argparse._SubParsersAction) -> None:
    scan = sub.add_parser("scan", help="find recurring charges and explain them")
    scan.add_argument("files", nargs="*", type=Path, metavar="FILE",
                      help="statements to import and scan (default: the whole workspace)")
    cli.add_import_options(scan)
    scan.add_argument("--watch", action="append", default=[], metavar="WORD",
                      help="flag every charge whose merchant or item contains WORD "
                           "(added to the stored watchlist, default 洽客)")
    scan.add_argument("--cancelled", action="append", default=[], metavar="MERCHANT=YYYY-MM-DD",
                      help="you cancelled MERCHANT on this date: later charges are flagged")
    scan.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD",
                      help="judge status on this date (default: the latest transaction date)")
    scan.add_argument("--notice-days", dest="notice_days", type=int, metavar="N",
                      help="days before an annual renewal to cancel by (default 7)")
    scan.add_argument("--lang", choices=("zh", "en"), default="zh")
    scan.add_argument("--json", action="store_true", help="print one JSON object")


cli._PARSER_EXTENSIONS.append(_add_parser)


def _date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{option}: {text!r} is not a date like 2025-02-20") from None


def _cancellations(specs: list[str]) -> dict[str, date]:
    found = {}
    for spec in specs:
        name, sep, when = spec.rpartition("=")
        if not sep or not name.strip():
            raise UserError(f"--cancelled: {spec!r} is not MERCHANT=YYYY-MM-DD "
                            "(e.g. 洽客科技=2025-02-20)")
        found[name.strip()] = _date(when, "--cancelled")
    return found


@cli.command("scan")
def cmd_scan(args: argparse.Namespace) -> int:
    from ..ingest import prepare_import
    from .scan import run, settings_from_workspace

    if args.notice_days is not None and args.notice_days < 0:
        raise UserError("--notice-days must be 0 or more")
    overrides = {
        "as_of": _date(args.as_of, "--as-of") if args.as_of else None,
        "watch": args.watch, "cancellations": _cancellations(args.cancelled),
        "notice_days": args.notice_days, "lang": args.lang,
    }
    # Two workers beside the detection (both mostly outside the GIL): one writes the
    # import to the workspace, one prints the transaction records of --json once the
    # import is committed. Nothing is printed unless the import is stored.
    with cli.open_workspace(args.workspace) as workspace, \
            ThreadPoolExecutor(max_workers=2) as workers:
        settings = settings_from_workspace(workspace, **overrides)  # imports add no decisions
        committed: Future | None = None
        if args.files:
            pending = prepare_import(args.files, workspace, args.password,
                                     cli.parse_map(args.mapping))
            committed = workers.submit(pending.commit)
            rows = pending.ledger(pending.keys)
        else:
            rows = workspace.ledger()
        printing: list[Future] = []
        failed = threading.Event()  # detection failed: print no half object

        def print_transactions(as_of: date, transactions) -> None:
            printing.append(workers.submit(_print_json_start, as_of, transactions, committed,
                                           failed))

        try:
            result = run(rows, settings, distinct_keys=True,  # workspace rows
                         on_prepared=print_transactions if args.json else None)
        except BaseException:
            failed.set()
            raise
        finally:
            for job in (committed, *printing):
                if job is not None:
                    job.result()
    if args.json:
        _print_json_end(result.stream_dicts, result.flagged)
    else:
        _print_table(result, args.lang)
    return cli.EXIT_OK


def _print_json(result) -> None:
    """One object; the (possibly huge) transaction list is serialised with Arrow kernels
    and written block by block as bytes, so it never exists whole, as bytes or as text."""
    _print_json_start(result.as_of, result.transactions())
    _print_json_end(result.stream_dicts, result.flagged)


def _print_json_start(as_of: date, transactions, after: Future | None = None,
                      cancelled: threading.Event | None = None) -> None:
    """The object's opening and its transaction records, once ``after`` has succeeded,
    unless ``cancelled`` is set by then."""
    from ..jsonout import records_json_chunks

    if after is not None:
        after.result()
    if cancelled is not None and cancelled.is_set():
        return
    head = json.dumps({"as_of": as_of.isoformat(), "transactions": None},
                      ensure_ascii=False)[:-len("null}")]
    pieces = records_json_chunks(transactions)  # fails before any output
    out = sys.stdout
    out.flush()
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a text-only stream (tests capturing output)
        out.write(head)
        for piece in pieces:
            out.write(bytes(piece).decode())  # a piece ends at a record: whole characters
        return
    buffer.write(head.encode())
    for piece in pieces:
        buffer.write(piece)
    buffer.flush()


def _print_json_end(stream_dicts: list[dict], flagged: list[dict]) -> None:
    """The rest of the object that _print_json_start began."""
    tail = ", " + json.dumps({"streams": stream_dicts, "flagged": flagged},
                             ensure_ascii=False)[1:] + "\n"
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(tail)
        return
    buffer.write(tail.encode())
    buffer.flush()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


_HEAD = {
    "zh": ("商户", "类型", "周期", "金额", "次数", "净额", "首次", "最近", "下次", "状态", "置信度",
           "标记"),
    "en": ("merchant", "type", "cadence", "amount", "count", "net", "first", "last", "next",
           "status", "conf.", "flags"),
}


def _print_table(result, lang: str) -> None:
    rows = [_HEAD[lang]]
    for s in result.stream_dicts:
        rows.append((s["merchant"][:18], s["type"], s["cadence"], s["amount"], str(s["count"]),
                     s["net_total"], s["first_date"], s["last_date"], s["next_expected"] or "-",
                     s["status"], f"{s['confidence']:.2f}", ",".join(s["flags"]) or "-"))
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    title = (f"截至 {result.as_of.isoformat()}：{len(result.stream_dicts)} 个周期性扣费，"
             f"{len(result.flagged)} 笔标记扣费" if lang == "zh" else
             f"as of {result.as_of.isoformat()}: {len(result.stream_dicts)} recurring streams, "
             f"{len(result.flagged)} flagged charges")
    print(title)
    if not result.stream_dicts:
        return
    for row in rows:
        print("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
    for s in result.stream_dicts:
        if s["flags"]:
            print(f"\n* {s['merchant']}: {s['explanation']}")
