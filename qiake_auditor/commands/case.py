"""``qiake-auditor case list | show | set | log``: the cases a user disputes.

A case is one company with every stream and one-off charge under all its names, the
user's decisions and the case log (see :mod:`qiake_auditor.app.cases`). Files given
to ``list`` / ``show`` are imported first, as with ``scan``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import cli
from ..app import Audit, Case
from ..app.cases import money_total
from ..errors import UserError
from ..i18n import Listed, counted, list_separator, text
from ..money import format_amount
from ..vocab import Cadence, CaseStatus, Channel, Flag, StreamType
from .common import (
    add_lang,
    existing_workspace,
    lang_of,
    not_empty,
    parse_past_date,
    print_import_notes,
    table,
)


def _add_parser(sub: argparse._SubParsersAction) -> None:
    case = sub.add_parser("case", help="the cases you dispute: list, show, set, log")
    verbs = case.add_subparsers(dest="case_command", required=True)

    listing = verbs.add_parser("list", help="every case with its totals")
    listing.add_argument("files", nargs="*", type=Path, metavar="FILE")
    cli.add_import_options(listing)
    add_lang(listing)
    listing.add_argument("--json", action="store_true")

    show = verbs.add_parser("show", help="one case: names, streams, charges, totals, log")
    show.add_argument("text", metavar="TEXT", help="any of the case's names (or part of one)")
    show.add_argument("files", nargs="*", type=Path, metavar="FILE")
    cli.add_import_options(show)
    add_lang(show)
    show.add_argument("--json", action="store_true")

    setting = verbs.add_parser("set", help="record decisions on a case")
    setting.add_argument("text", metavar="TEXT")
    setting.add_argument("--workspace", type=Path, help="workspace file (default: per-user data)")
    setting.add_argument(
        "--cancelled", metavar="YYYY-MM-DD", help="the day you cancelled: later charges are flagged"
    )
    setting.add_argument("--status", metavar="S", help=" | ".join(s.value for s in CaseStatus))
    setting.add_argument("--note", metavar="TEXT")
    setting.add_argument(
        "--alias",
        action="append",
        default=[],
        metavar="NAME",
        help="another name of this company (merged into the case)",
    )
    setting.add_argument(
        "--split",
        action="append",
        default=[],
        metavar="NAME",
        help="a name that is not this company (taken out of the case)",
    )
    add_lang(setting)

    log = verbs.add_parser("log", help="add a dated entry to the case log")
    log.add_argument("text", metavar="TEXT")
    log.add_argument("--workspace", type=Path, help="workspace file (default: per-user data)")
    log.add_argument(
        "--channel",
        required=True,
        metavar="C",
        help=" | ".join(c.value for c in Channel),
    )
    log.add_argument("--summary", required=True, metavar="TEXT")
    log.add_argument("--ticket", metavar="N", help="ticket or complaint number")
    log.add_argument("--outcome", metavar="TEXT")
    log.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the contact (default today)")
    log.add_argument(
        "--attach",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="a screenshot, e-mail or chat export kept with the entry",
    )
    add_lang(log)


cli._PARSER_EXTENSIONS.append(_add_parser)


@cli.command("case")
def cmd_case(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    verb = args.case_command
    if verb == "set":
        return _set(args, lang)
    if verb == "log":
        return _log(args, lang)
    workspace = existing_workspace(args.workspace) if not args.files else args.workspace
    with Audit.open(workspace, read_only=None if not args.files else False) as audit:
        snap = audit.snapshot(
            args.files,
            lang=lang,
            password=args.password,
            column_map=cli.parse_map(args.mapping, args.currency),
        )
        print_import_notes(snap.imported, lang)
        if verb == "list":
            if args.json:
                print(json.dumps(snap.to_json()["cases"], ensure_ascii=False))
            else:
                _print_list(snap.cases, lang)
            return cli.EXIT_OK
        case = audit.find_case(args.text, snap)
    if args.json:
        print(json.dumps(case.to_json(), ensure_ascii=False))
    else:
        _print_case(case, lang)
    return cli.EXIT_OK


def _set(args: argparse.Namespace, lang: str) -> int:
    cancelled = parse_past_date(args.cancelled, "--cancelled") if args.cancelled else None
    aliases = [not_empty(name, "--alias") for name in args.alias]
    split = [not_empty(name, "--split") for name in args.split]
    status = None
    if args.status is not None:
        try:
            status = CaseStatus(args.status)
        except ValueError:
            raise UserError.of(
                "option.bad_status",
                value=args.status,
                choices=Listed(s.value for s in CaseStatus),
            ) from None
    if not (cancelled or status or args.note or aliases or split):
        raise UserError.of("case.nothing_to_set")
    with Audit.open(existing_workspace(args.workspace)) as audit:
        case = audit.find_case(args.text)
        changed = audit.set_case(
            case,
            cancelled=cancelled,
            status=status,
            note=args.note,
            aliases=aliases,
            split=split,
        )
        case = audit.find_case(args.text)
    print(_saved(case, lang, changed))
    return cli.EXIT_OK


def _log(args: argparse.Namespace, lang: str) -> int:
    try:
        channel = Channel(args.channel)
    except ValueError:
        raise UserError.of(
            "option.bad_channel", value=args.channel, choices=Listed(c.value for c in Channel)
        ) from None
    on = parse_past_date(args.date, "--date") if args.date else None
    summary = not_empty(args.summary, "--summary")
    with Audit.open(existing_workspace(args.workspace)) as audit:
        case = audit.find_case(args.text)
        entry = audit.log_entry(
            case,
            channel,
            summary,
            ticket=args.ticket,
            outcome=args.outcome,
            on=on,
            attachments=args.attach,
        )
    summary = f"{case.id} {case.merchant}  {entry.on.isoformat()} {channel.label(lang)} "
    print(text("case.logged", lang, summary=summary + entry.summary))
    for attachment in entry.attachments:
        print(
            "  "
            + counted(
                "cli.attachment",
                attachment.size,
                lang,
                name=attachment.name,
                sha256=attachment.sha256,
            )
        )
    return cli.EXIT_OK


def _saved(case: Case, lang: str, changed: list[str]) -> str:
    what = f"{case.id} {case.merchant}"
    lines = [text("case.saved" if changed else "cli.unchanged", lang, what=what)]
    if case.cancelled_on:
        lines.append(case.summary_line(lang))
    lines.append(text("case.status_line", lang, status=case.status.label(lang)))
    return "\n".join(lines)


def _money(totals: dict, lang: str) -> str:
    return money_total(totals, lang) or "-"


# Column heads (message ids column.<name>) of the case list and of a case's charges after
# its cancellation.
_LIST_HEADS = (
    *("case", "merchant", "status", "streams", "charges"),
    *("paid", "after", "first", "last", "flags"),
)
_AFTER_HEADS = ("date", "amount", "txn_id", "order_id", "file", "row")


def _print_list(cases: list[Case], lang: str) -> None:
    if not cases:
        print(text("cli.no_cases", lang))
        return
    sep = list_separator(lang)
    rows = [tuple(text(f"column.{name}", lang) for name in _LIST_HEADS)]
    for case in cases:
        rows.append(
            (
                case.id,
                case.merchant[:18],
                case.status.label(lang),
                str(len(case.streams)),
                str(len(case.charges)),
                _money(case.totals, lang),
                _money(case.after_totals, lang) if case.cancelled_on else "-",
                case.first.isoformat() if case.first else "-",
                case.last.isoformat() if case.last else "-",
                sep.join(Flag.label_of(f, lang) for f in case.flags) or "-",
            )
        )
    for line in table(rows):
        print(line)


def _print_case(case: Case, lang: str) -> None:
    zh = lang == "zh"
    print(f"{case.id}  {case.legal_name}")
    print(text("case.names_line", lang, names=list_separator(lang).join(case.names)))
    print(text("case.status_line", lang, status=case.status.label(lang)))
    print(case.summary_line(lang))
    if case.first:
        last = case.last or case.first
        print(text("case.span_line", lang, first=case.first.isoformat(), last=last.isoformat()))
    for stream in case.streams:
        print(
            f"\n  [{StreamType.label_of(stream['type'], lang)} · "
            f"{Cadence.label_of(stream['cadence'], lang)}] {stream['merchant']} "
            f"{format_amount(stream['amount'], stream['currency'])} × {stream['count']}"
        )
        print(f"  {stream['explanation_zh'] if zh else stream['explanation_en']}")
    if case.cancelled_on:
        print("\n" + text("case.after_heading", lang, day=case.cancelled_on.isoformat()))
        rows = [tuple(text(f"column.{name}", lang) for name in _AFTER_HEADS)]
        rows += [
            (
                c.date.isoformat(),
                format_amount(c.amount, c.currency),
                c.txn_id or "-",
                c.merchant_order_id or "-",
                c.source,
                str(c.source_row),
            )
            for c in case.after
        ]
        for line in table(rows):
            print("  " + line)
    if case.log:
        print("\n" + text("case.log_heading", lang))
        for entry in case.log:
            parts = [
                entry.on.isoformat(),
                entry.channel.label(lang) if entry.channel else "",
                f"#{entry.ticket}" if entry.ticket else "",
                entry.text(lang),
                f"→ {entry.outcome}" if entry.outcome else "",
            ]
            print("  " + " ".join(part for part in parts if part))
            for attachment in entry.attachments:
                print(f"      {attachment.name}  sha256 {attachment.sha256[:16]}…")
