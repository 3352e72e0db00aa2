"""Command line: the same capabilities as the window, for bookkeepers and scripts.

Exit status: 0 success, 2 bad input (the message names the file and line/row),
1 an internal error, 3 ``verify``: the evidence package is not valid. Its options and
JSON output are a published contract.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import StatementError, UserError, warning_text

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INVALID = 3  # verify: the package's bytes are not what it records (not a failure to run)
EXIT_STATUS_HELP = (
    "exit status: 0 success, 2 bad input (the message names the file and the line or row), "
    "3 verify found the evidence package not valid, 1 an internal error"
)

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(function: Command) -> Command:
        _COMMANDS[name] = function
        return function

    return register


def parse_map(spec: str | None, currency: str | None = None) -> dict[str, str] | None:
    """``date=交易日期,amount=金额`` -> {'date': '交易日期', 'amount': '金额'}.

    ``currency`` (``--currency USD``) is the same as ``--map currency=USD``: the code of
    a statement that does not say its currency.
    """
    mapping = {}
    for part in spec.split(",") if spec else ():
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise UserError.of("option.bad_map", value=part)
        mapping[key.strip()] = value.strip()
    if currency is not None:
        if not re.fullmatch(r"[A-Za-z]{3}", currency.strip()):
            raise UserError.of("option.bad_currency", value=currency)
        mapping["currency"] = currency.strip().upper()
    return mapping or None


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The parser; its own errors (bad options) are told in ``lang`` (default: the system's)."""
    from .commands.usage import parser_class
    from .i18n import user_lang

    parser = parser_class(user_lang(lang))(
        prog="qiake-auditor",
        description="Find and explain recurring deductions in Alipay, WeChat Pay and bank "
        "statements.",
        epilog=EXIT_STATUS_HELP,
    )
    parser.add_argument("--version", action="version", version=f"qiake-auditor {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument(  # also accepted before the sub-command: qiake-auditor --lang zh scan
        "--lang",
        dest="global_lang",
        choices=("zh", "en"),
        default=None,
        help="language of the output (default: the system's)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    formats = sub.add_parser("formats", help="list the statement formats this version reads")
    formats.add_argument("--json", action="store_true")
    formats.add_argument(  # like every other command (README: every command takes --lang)
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="language of the output (default: the system's)",
    )

    imp = sub.add_parser("import", help="import statements into the workspace")
    imp.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="statements to import (files or folders)",
    )
    add_import_options(imp)
    imp.add_argument("--json", action="store_true", help="print one JSON object")
    imp.add_argument("--out", type=Path, help="write the ledger of these files (.csv or .xlsx)")
    imp.add_argument(
        "--full-accounts",
        dest="full_accounts",
        action="store_true",
        help="write account numbers in full in --out (masked by default)",
    )
    imp.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="language of the output (default: the system's)",
    )

    demo = sub.add_parser("demo", help="audit the bundled demo statements without a window")
    demo.add_argument(
        "--out",
        type=Path,
        default=Path("demo-output"),
        help="folder for the demo's workspace and outputs (default: demo-output)",
    )
    demo.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="language of the output (default: the system's)",
    )

    for extend in _PARSER_EXTENSIONS:
        extend(sub)
    return parser


def add_import_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workspace", type=Path, help="workspace file (default: per-user data)")
    parser.add_argument("--password", help="password of encrypted ZIP archives")
    parser.add_argument(
        "--map",
        dest="mapping",
        help="columns of an unknown CSV/XLSX: date=COL,amount=COL,... "
        "(fields: date, time, amount, debit, credit, direction, "
        "counterparty, description, currency, id)",
    )
    parser.add_argument(
        "--currency",
        metavar="CODE",
        help="ISO code (USD, EUR...) of a bank CSV/XLSX that does not say its currency "
        "(same as --map currency=CODE; CNY is assumed otherwise, with a warning)",
    )


# Other modules add sub-commands here (e.g. detection adds `scan`).
_PARSER_EXTENSIONS: list[Callable[[argparse._SubParsersAction], None]] = []


@command("formats")
def cmd_formats(args: argparse.Namespace) -> int:
    from .commands.common import lang_of
    from .i18n import label_in
    from .importers.base import all_importers

    importers = all_importers()
    if args.json:
        print(json.dumps([{"id": i.id, "label": i.label} for i in importers], ensure_ascii=False))
    else:
        lang = lang_of(args)
        width = max(len(i.id) for i in importers)
        for importer in importers:
            print(f"{importer.id:<{width}}  {label_in(importer.label, lang)}")
    return EXIT_OK


def open_workspace(path: Path | None):
    from .workspace import Workspace

    return Workspace(path)


@command("import")
def cmd_import(args: argparse.Namespace) -> int:
    from .app import Audit
    from .commands.common import check_writable, lang_of
    from .exports import check_ledger_path, write_ledger
    from .i18n import text

    lang = lang_of(args)
    mapping = parse_map(args.mapping, args.currency)
    if args.out:
        check_ledger_path(args.out)  # before any work: nothing imported for a bad --out
        check_writable(args.out)
    with Audit.open(args.workspace) as audit:
        try:
            imported = audit.import_files(args.files, args.password, mapping)
        except BaseException:
            audit.workspace.discard_if_unused()  # a refused first import leaves no file
            raise
        if args.out:
            rows = audit.workspace.ledger(keys=imported.keys)
            _check_ledger_size(args.out, len(rows))
            try:
                write_ledger(rows, args.out, full_accounts=args.full_accounts)
            except OSError as exc:  # e.g. the disk filled up: the import itself stands
                from .i18n import SystemReason

                reason = SystemReason.of(exc)
                raise UserError.of("cli.out_failed", path=args.out, reason=reason) from None
    if args.json:
        print(
            json.dumps(
                {
                    "files": [report_json(r, lang) for r in imported.reports],
                    "notes": imported.note_texts(lang),
                    "out": str(args.out) if args.out else None,
                },
                ensure_ascii=False,
            )
        )
    else:
        for note in imported.note_texts(lang):
            print(note)
        for report in imported.reports:
            print_report(report, lang)
        if len(imported.reports) > 1:
            print_import_total(imported.reports, lang)
        if args.out:
            print(text("cli.ledger_written", lang, path=args.out))
    return EXIT_OK


def _check_ledger_size(out: Path, rows: int) -> None:
    """The XLSX row limit, which only the imported ledger's size can be checked against:
    the import is saved by then, so the refusal says so and offers CSV."""
    from .exports import check_ledger_path

    try:
        check_ledger_path(out, rows)
    except UserError as exc:
        if exc.message_id != "export.xlsx_too_many_rows":
            raise
        raise UserError.of("cli.out_too_many_rows", path=out, **exc.fields) from None


def report_json(report, lang: str = "en") -> dict:
    return {
        "source": report.source,
        "format": report.format,
        "rows": report.rows,
        "added": report.added,
        "already_imported": report.already_imported,
        "first_date": report.first or None,
        "last_date": report.last or None,
        "expense": {c: str(v) for c, v in report.expense.items()},
        "income": {c: str(v) for c, v in report.income.items()},
        "warnings": [warning_text(w, lang) for w in report.warnings],
    }


def print_report(report, lang: str = "zh") -> None:
    from .i18n import counted, label_in, text
    from .money import format_amount

    if report.already_imported:
        status = text("cli.report.already", lang)
    else:
        status = text("cli.report.added", lang, count=report.added)
    money = "  ".join(
        text(
            "cli.report.money",
            lang,
            expense=format_amount(report.expense[c], c),
            income=format_amount(report.income.get(c, 0), c),
        )
        for c in sorted(report.expense)
    )
    rows = counted("cli.report.rows", report.rows, lang, status=status)
    span = text("cli.report.span", lang, rows=rows, first=report.first, last=report.last)
    label = label_in(report.label, lang)
    print(
        f"{report.source}\n  {text('cli.report.format', lang, id=report.format, label=label)}\n"
        f"  {span}\n  {money}"
    )
    for warning in report.warnings:
        print("  " + text("cli.import_warning", lang, message=warning_text(warning, lang)))


def print_import_total(reports: Sequence, lang: str) -> None:
    """One line that sums up an import of several files (a folder, a ZIP, a list)."""
    from .i18n import counted, text

    already = sum(1 for r in reports if r.already_imported)
    print(
        text(
            "cli.report.total",
            lang,
            files=counted("cli.report.total.files", len(reports), lang),
            rows=counted("cli.report.total.rows", sum(r.rows for r in reports), lang),
            added=sum(r.added for r in reports),
            already=counted("cli.report.total.already", already, lang),
        )
    )


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import run_headless_demo

    return run_headless_demo(args.out, lang=args.lang or args.global_lang)


def main(argv: Sequence[str] | None = None) -> int:
    _load_extensions()
    from .commands.usage import lang_from_argv
    from .i18n import text, user_lang

    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(lang_from_argv(argv))
    args = parser.parse_args(argv)
    lang = user_lang(getattr(args, "lang", None) or args.global_lang)
    try:
        return _COMMANDS[args.command](args)
    except UserError as exc:
        print(text("error.prefix", lang, message=exc.text(lang)), file=sys.stderr)
        hint = exc.hint(lang) if isinstance(exc, StatementError) else ""
        if hint:  # e.g. --map for an unknown layout; the window offers a dialog instead
            print(hint, file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `scan | head`: the reader has all it wanted
        _quiet_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print(text("error.interrupted", lang), file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as exc:  # the last line of defence: no traceback for the user
        if args.debug:
            traceback.print_exc()
        print(text("error.internal", lang, detail=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_INTERNAL


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _load_extensions() -> None:
    """Import modules that register more sub-commands (kept out of start-up otherwise)."""
    import importlib

    for module in (
        "qiake_auditor.commands.scan",
        "qiake_auditor.commands.case",
        "qiake_auditor.commands.check",
        "qiake_auditor.outputs.cli",
    ):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


if __name__ == "__main__":
    # Sub-command modules register on qiake_auditor.cli, not on this __main__ copy.
    from qiake_auditor.cli import main as registered_main

    sys.exit(registered_main())
