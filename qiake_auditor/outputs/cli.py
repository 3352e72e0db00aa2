"""``evidence``, ``letter``, ``chart`` and ``verify``: the case's shareable outputs.

Registered on :mod:`qiake_auditor.cli` like the other sub-command modules. Files
given are imported first; ``--cancelled`` and ``--attach`` are recorded on the case
as ``case set`` / ``case log`` would.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from .. import cli
from ..errors import UserError
from ..i18n import counted, text
from .facts import Party

VERIFY_DESCRIPTION = (
    "Re-check every hash of an evidence package. Exit status: 0 the package is valid, "
    "3 it is not (each changed, missing or extra file is named), 2 bad input (no such "
    "file), 1 an internal error."
)


def _case_options(parser: argparse.ArgumentParser, merchant_required: bool = True) -> None:
    parser.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="statements to import first"
    )
    parser.add_argument(
        "--merchant",
        required=merchant_required,
        metavar="TEXT",
        help="any of the case's names (or part of one), or its id",
    )
    cli.add_import_options(parser)
    parser.add_argument(
        "--cancelled", metavar="YYYY-MM-DD", help="the day you cancelled (recorded on the case)"
    )


def _party_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", default="", help="your name as on the account")
    parser.add_argument("--phone", default="", help="your phone number")
    parser.add_argument("--address", default="", help="your mailing address")
    parser.add_argument("--account", default="", help="your account / card number")
    parser.add_argument(
        "--business",
        action="store_true",
        help="bought for a business (12315 投诉 is closed; 举报 stays open)",
    )
    parser.add_argument(
        "--punitive",
        action="store_true",
        help="also claim 消保法 第五十五条 damages (only with evidence of deceit)",
    )
    parser.add_argument(
        "--unmasked", action="store_true", help="print account, card and phone numbers in full"
    )
    parser.add_argument(
        "--font",
        type=Path,
        metavar="FILE",
        help="a Chinese TrueType/OpenType font file for the PDF",
    )


def _add_parsers(sub: argparse._SubParsersAction) -> None:
    evidence = sub.add_parser("evidence", help="build a case's evidence package (BagIt ZIP)")
    _case_options(evidence)
    evidence.add_argument("--out", type=Path, required=True, metavar="PACKAGE.zip")
    evidence.add_argument(
        "--replace", action="store_true", help="replace an existing package at --out"
    )
    evidence.add_argument(
        "--lang",
        choices=("zh", "en", "both"),
        default=None,
        help="language of the documents (default: zh; messages follow the system)",
    )
    evidence.add_argument(
        "--attach",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="a screenshot, e-mail or chat export (kept in the case log)",
    )
    evidence.add_argument(
        "--variant",
        choices=("generic", "us-credit", "us-debit", "eu", "uk"),
        default="generic",
        help="the English chargeback letter's variant",
    )
    _party_options(evidence)

    letter = sub.add_parser("letter", help="one complaint-letter draft (DOCX or TXT)")
    _case_options(letter)
    letter.add_argument(
        "--kind", required=True, choices=("merchant", "platform", "bank", "regulator", "chargeback")
    )
    letter.add_argument(
        "--variant", choices=("generic", "us-credit", "us-debit", "eu", "uk"), default="generic"
    )
    letter.add_argument(
        "--platform",
        choices=("alipay", "wechat"),
        default=None,
        help="which platform a platform letter is for (default: the first)",
    )
    letter.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="language of the documents (default: zh; messages follow the system)",
    )
    letter.add_argument("--out", type=Path, required=True, metavar="PATH.docx|PATH.txt")
    _party_options(letter)

    chart = sub.add_parser("chart", help="a chart of a case's charges (PNG, SVG or PDF)")
    _case_options(chart, merchant_required=False)
    chart.add_argument(
        "--kind", choices=("monthly", "cumulative", "timeline", "price"), default="timeline"
    )
    chart.add_argument("--out", type=Path, required=True, metavar="PATH.png|.svg|.pdf")
    chart.add_argument("--lang", choices=("zh", "en"), default=None)

    verify = sub.add_parser(
        "verify",
        help="re-check every hash of an evidence package",
        description=VERIFY_DESCRIPTION,
    )
    verify.add_argument("package", type=Path, metavar="PACKAGE.zip")
    verify.add_argument("--lang", choices=("zh", "en"), default=None)


cli._PARSER_EXTENSIONS.append(_add_parsers)


def _lang(args: argparse.Namespace) -> str:
    """The messages' language: the sub-command's --lang when it names one, else the one
    given before the sub-command (``qiake-auditor --lang zh evidence …``), else the system's."""
    from ..i18n import user_lang

    value = getattr(args, "lang", None)
    if value not in ("zh", "en"):
        value = getattr(args, "global_lang", None)
    return user_lang(value)


def _party(args: argparse.Namespace) -> Party:
    return Party(
        name=args.name,
        phone=args.phone,
        address=args.address,
        account=args.account,
        business=args.business,
        punitive=args.punitive,
    )


def _font(args: argparse.Namespace):
    from .report.fonts import find_cjk_font

    return find_cjk_font(args.font) if getattr(args, "font", None) else None


def _open_case(audit, args: argparse.Namespace, attach: Sequence[Path] = ()):
    from ..commands.common import parse_date

    snap = audit.snapshot(
        args.files,
        password=args.password,
        column_map=cli.parse_map(args.mapping, args.currency),
    )
    if args.merchant is None:
        case = snap.first_case()
        if case is None:
            raise UserError.of("case.not_found", text="")
    else:
        case = audit.find_case(args.merchant, snap)
    changed = False
    if args.cancelled:
        audit.set_case(case, cancelled=parse_date(args.cancelled, "--cancelled"))
        changed = True
    if attach:
        for path in attach:
            if not Path(path).is_file():
                raise UserError.of("case.attachment_missing", path=path)
        audit.log_entry(
            case,
            "other",
            "attachments for the evidence package",
            attachments=list(attach),
            message=("log.evidence_attachments", {}),
        )
        changed = True
    if changed:
        case = audit.find_case(case.id, audit.snapshot())
    return case


def _check_suffix(path: Path, allowed: tuple[str, ...]) -> None:
    if path.suffix.lower() not in allowed:
        raise UserError.of("output.suffix", name=path.name, allowed=" / ".join(allowed))


@cli.command("evidence")
def cmd_evidence(args: argparse.Namespace) -> int:
    from ..app import Audit
    from .evidence.package import build_from_audit

    _check_suffix(args.out, (".zip",))
    if args.out.exists() and not args.replace:  # it may be the package already sent
        raise UserError.of("evidence.exists", path=args.out)
    font = _font(args)
    lang = _lang(args)
    with Audit.open(args.workspace) as audit:
        case = _open_case(audit, args, args.attach)
        result = build_from_audit(
            audit,
            case,
            args.out,
            _party(args),
            args.lang or "zh",  # documents for Chinese merchants and authorities
            args.unmasked,
            font,
            args.variant,
        )
    for line in result.summary_lines(lang):
        print(line)
    return cli.EXIT_OK


def _check_letter_fits(args: argparse.Namespace, facts) -> None:
    """A platform letter needs charges through that wallet, a bank or chargeback letter
    charges paid by card: otherwise the letter would dispute what its recipient never did."""
    from .facts import channel_label, paid_by_card

    name = facts.case.legal_name
    if args.kind == "platform":
        wallets = [c for c in facts.by_channel() if c != "bank"]
        wanted = args.platform or (wallets[0] if wallets else "alipay")
        if wanted not in wallets:
            raise UserError.of(
                "letter.no_platform_charges",
                case=name,
                platform=channel_label(wanted, _lang(args)),
            )
    if args.kind in ("bank", "chargeback") and not any(paid_by_card(c) for c in facts.charges):
        raise UserError.of("letter.no_card_charges", case=name)


@cli.command("letter")
def cmd_letter(args: argparse.Namespace) -> int:
    from ..app import Audit
    from ..fileio import atomic_path
    from ..masking import Masker
    from .facts import CaseFacts
    from .letters.drafts import build_letter

    _check_suffix(args.out, (".docx", ".txt"))
    with Audit.open(args.workspace) as audit:
        case = _open_case(audit, args)
    facts = CaseFacts.of(case)
    _check_letter_fits(args, facts)
    letter = build_letter(
        args.kind,
        facts,
        _party(args),
        args.lang or "zh",
        Masker(args.unmasked),
        [],
        args.variant,
        args.platform,
    )
    data = letter.docx_bytes() if args.out.suffix.lower() == ".docx" else letter.txt_bytes()
    with atomic_path(args.out) as temporary:
        temporary.write_bytes(data)
    print(text("letter.written", _lang(args), path=args.out, title=letter.title))
    return cli.EXIT_OK


@cli.command("chart")
def cmd_chart(args: argparse.Namespace) -> int:
    from .. import charts
    from ..app import Audit
    from ..fileio import atomic_path

    _check_suffix(args.out, (".png", ".svg", ".pdf"))
    with Audit.open(args.workspace) as audit:
        case = _open_case(audit, args)
    figure = charts.case_chart(
        case.charges,
        args.kind,
        case.cancelled_on,
        title=case.legal_name,
        lang=_lang(args),
        missed=case.missed_dates,
        day_totals=case.day_totals,
    )
    data = charts.figure_bytes(figure, args.out.suffix.lower().lstrip("."))
    with atomic_path(args.out) as temporary:
        temporary.write_bytes(data)
    print(args.out)
    return cli.EXIT_OK


@cli.command("verify")
def cmd_verify(args: argparse.Namespace) -> int:
    from .evidence.bag import sha256_file
    from .evidence.verify import verify

    lang = _lang(args)
    if not args.package.is_file():
        raise UserError.of("input.missing", path=args.package)
    verdict = verify(args.package)
    digest = sha256_file(args.package)
    if verdict.valid:
        files = counted("verify.valid.files", verdict.files, lang)
        case = verdict.info.get("External-Identifier", "")
        print(text("verify.valid", lang, package=args.package, files=files, case=case))
        print(f"SHA-256 {digest}")
        return cli.EXIT_OK
    print(text("verify.invalid", lang, package=args.package))
    for problem in verdict.problems:
        print("  " + problem.text(lang))
    return cli.EXIT_INVALID
