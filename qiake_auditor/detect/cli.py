"""``qiake-auditor scan``: find recurring charges in statements or in the workspace.

Given files, they are imported first (as ``import`` does) and only their rows are
reported on; given none, the whole workspace is. Stored decisions apply either way
and the options add to them. ``--json`` prints one JSON object (see detect.scan).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
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
    with cli.open_workspace(args.workspace) as workspace:
        settings = settings_from_workspace(workspace, **overrides)  # imports add no decisions
        if not args.files:
            result = run(workspace.ledger(), settings, distinct_keys=True)  # workspace rows
        else:
            pending = prepare_import(args.files, workspace, args.password,
                                     cli.parse_map(args.mapping))
            # The import is written on a worker thread (mostly I/O, outside the GIL)
            # while its rows are scanned; nothing is printed before it is committed.
            with ThreadPoolExecutor(max_workers=1) as writer:
                committed = writer.submit(pending.commit)
                try:
                    result = run(pending.ledger(pending.keys), settings, distinct_keys=True)
                finally:
                    committed.result()
    if args.json:
        _print_json(result)
    else:
        _print_table(result, args.lang)
    return cli.EXIT_OK


def _print_json(result) -> None:
    """One object; the (possibly huge) transaction list is serialised with Arrow kernels
    and written block by block as bytes, so it never exists whole, as bytes or as text."""
    from ..jsonout import records_json_chunks

    head = json.dumps({"as_of": result.as_of.isoformat(), "transactions": None},
                      ensure_ascii=False)[:-len("null}")]
    tail = ", " + json.dumps({"streams": result.stream_dicts, "flagged": result.flagged},
                             ensure_ascii=False)[1:] + "\n"
    transactions = records_json_chunks(result.transactions())  # fails before any output
    out = sys.stdout
    out.flush()
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a text-only stream (tests capturing output)
        out.write(head)
        for piece in transactions:
            out.write(bytes(piece).decode())  # a piece ends at a record: whole characters
        out.write(tail)
        return
    buffer.write(head.encode())
    for piece in transactions:
        buffer.write(piece)
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
