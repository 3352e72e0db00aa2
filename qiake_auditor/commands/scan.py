"""``qiake-auditor scan``: find recurring charges in statements or in the workspace.

Given files, they are imported first (as ``import`` does) and only their rows are
reported on; given none, the whole workspace is. ``--cancelled`` and ``--watch`` are
stored as decisions (every later scan, from any front end, applies them); ``--as-of``
and ``--notice-days`` hold for this run only. ``--json`` prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path

from .. import cli
from ..errors import UserError
from ..i18n import counted, label_separator, list_separator, text
from ..masking import shareable_rows
from ..money import format_amount
from ..vocab import Cadence, Flag, StreamStatus, StreamType
from .common import (
    add_lang,
    cancellations,
    existing_workspace,
    lang_of,
    not_empty,
    parse_date,
    print_import_notes,
    table,
)


def _add_parser(sub: argparse._SubParsersAction) -> None:
    scan = sub.add_parser("scan", help="find recurring charges and explain them")
    scan.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="statements to import and scan (default: the whole workspace)",
    )
    cli.add_import_options(scan)
    scan.add_argument(
        "--watch",
        action="append",
        default=[],
        metavar="WORD",
        help="flag every charge whose merchant or item contains WORD "
        "(stored in the watchlist, default 洽客)",
    )
    scan.add_argument(
        "--cancelled",
        action="append",
        default=[],
        metavar="MERCHANT=YYYY-MM-DD",
        help="you cancelled MERCHANT on this date: later charges are flagged "
        "(stored on the merchant's case)",
    )
    scan.add_argument(
        "--as-of",
        dest="as_of",
        metavar="YYYY-MM-DD",
        help="judge status on this date (default: the latest transaction date; not stored)",
    )
    scan.add_argument(
        "--notice-days",
        dest="notice_days",
        type=int,
        metavar="N",
        help="days before an annual renewal to cancel by (default 7)",
    )
    add_lang(scan)
    scan.add_argument("--json", action="store_true", help="print one JSON object")
    scan.add_argument(
        "--full-accounts",
        dest="full_accounts",
        action="store_true",
        help="write account numbers in full in --json (masked by default)",
    )


cli._PARSER_EXTENSIONS.append(_add_parser)


@cli.command("scan")
def cmd_scan(args: argparse.Namespace) -> int:
    from ..app import Audit

    lang = lang_of(args)
    if args.notice_days is not None and args.notice_days < 0:
        raise UserError.of("option.negative_notice")
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else None
    cancelled = cancellations(args.cancelled)
    watch = [not_empty(word, "--watch") for word in args.watch]
    mapping = cli.parse_map(args.mapping, args.currency)
    # A worker prints the transaction records of --json once the import is committed,
    # while detection runs; nothing is printed unless the import is stored.
    only_looks = not (args.files or cancelled or watch)
    workspace = existing_workspace(args.workspace) if not args.files else args.workspace
    with (
        Audit.open(workspace, read_only=None if only_looks else False) as audit,
        ThreadPoolExecutor(max_workers=1) as printer,
    ):
        if cancelled:
            audit.record_cancellations(cancelled)
        if watch:
            audit.add_watch(watch)
        printing: list[Future] = []
        failed = threading.Event()  # detection failed: print no half object

        def print_transactions(day: date, transactions, committed: Future | None) -> None:
            shown = shareable_rows(transactions, args.full_accounts)  # the output is shareable
            printing.append(printer.submit(_print_json_start, day, shown, committed, failed))

        try:
            snap = audit.snapshot(
                args.files,
                as_of=as_of,
                lang=lang,
                password=args.password,
                column_map=mapping,
                notice_days=args.notice_days,
                on_prepared=print_transactions if args.json else None,
            )
        except BaseException:
            failed.set()
            raise
        finally:
            for job in printing:
                job.result()
        print_import_notes(snap.imported, lang)
        if args.json:
            if snap.result is None:
                print(json.dumps({"as_of": None, "transactions": [], "streams": [], "flagged": []}))
            else:
                _print_json_end(snap.streams, snap.flagged)
        else:
            _print_table(snap, lang)  # (inside: the cases are read from the workspace)
    return cli.EXIT_OK


def _print_json(result) -> None:
    """One object; the (possibly huge) transaction list is serialised with Arrow kernels
    and written block by block as bytes, so it never exists whole, as bytes or as text."""
    _print_json_start(result.as_of, result.transactions())
    _print_json_end(result.stream_dicts, result.flagged)


def _print_json_start(
    as_of: date, transactions, after: Future | None = None, cancelled: threading.Event | None = None
) -> None:
    """The object's opening and its transaction records, once ``after`` has succeeded,
    unless ``cancelled`` is set by then."""
    from ..jsonout import json_object_head, records_json_chunks

    if after is not None:
        after.result()
    if cancelled is not None and cancelled.is_set():
        return
    head = json_object_head({"as_of": as_of.isoformat()}, "transactions")
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


def _print_json_end(stream_dicts: list[dict], flagged: Sequence[dict]) -> None:
    """The rest of the object that _print_json_start began."""
    from ..jsonout import json_object_tail

    tail = json_object_tail({"streams": stream_dicts, "flagged": list(flagged)}) + "\n"
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(tail)
        return
    buffer.write(tail.encode())
    buffer.flush()


_HEAD = (
    "merchant",
    "type",
    "cadence",
    "amount",
    "count",
    "net",
    "first",
    "last",
    "next",
    "status",
    "confidence",
    "flags",
)


def _next(stream: dict, lang: str) -> str:
    """The next expected date, or the passed day a charge was due on (status overdue)."""
    if stream["next_expected"]:
        return stream["next_expected"]
    if stream.get("due"):
        return text("scan.due", lang, day=stream["due"])
    return "-"


def _print_table(snap, lang: str) -> None:
    streams = snap.streams
    as_of = snap.as_of.isoformat() if snap.as_of else "-"
    sep = list_separator(lang)
    rows = [tuple(text(f"column.{name}", lang) for name in _HEAD)]
    for s in streams:
        rows.append(
            (
                s["merchant"][:18],
                StreamType.label_of(s["type"], lang),
                Cadence.label_of(s["cadence"], lang),
                format_amount(s["amount"], s["currency"]),
                str(s["count"]),
                format_amount(s["net_total"], s["currency"]),
                s["first_date"],
                s["last_date"],
                _next(s, lang),
                StreamStatus.label_of(s["status"], lang),
                f"{s['confidence']:.2f}",
                sep.join(Flag.label_of(f, lang) for f in s["flags"]) or "-",
            )
        )
    print(
        text(
            "scan.title",
            lang,
            as_of=as_of,
            streams=counted("scan.title.streams", len(streams), lang),
            flagged=counted("scan.title.flagged", len(snap.flagged), lang),
        )
    )
    if not streams:
        return
    for line in table(rows):
        print(line)
    for s in streams:
        if s["flags"]:
            print(f"\n* {s['merchant']}{label_separator(lang)}{s['explanation']}")
    if not any("after_cancellation" in s["flags"] for s in streams):
        return  # (cases are built only when there is something to sum up)
    for case in (c for c in snap.cases if c.after):
        print(f"\n! {case.summary_line(lang)}")
