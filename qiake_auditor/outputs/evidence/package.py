"""The evidence package of a case: one BagIt bag in a ZIP (section 5.2 of the reference).

:func:`build_package` takes a case and what it needs from the workspace as plain
values, so the window, the CLI and the tests all call the same builder;
:func:`build_from_audit` gathers those values from an open :class:`~qiake_auditor.app.Audit`
and records the package's SHA-256 in the case log.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from ... import __version__
from ... import charts as charts_module
from ...masking import Masker
from ...progress import NO_PROGRESS, Progress
from ..facts import CaseFacts, Party, money_totals
from ..letters.drafts import package_letters
from ..report.fonts import FontChoice, find_cjk_font
from ..report.pdf import Exhibit, ReportInput, build_report
from . import manifest, tables
from .bag import BagBuilder, sha256_file
from .readme import readme

PACKAGE_PREFIX = "evidence package"


@dataclass
class Original:
    name: str
    sha256: str
    read: Callable[[], bytes]
    imported_at: str = ""
    format: str = ""


@dataclass
class AttachedFile:
    name: str
    sha256: str
    read: Callable[[], bytes]
    entry_date: str = ""
    summary: str = ""


@dataclass
class PackageResult:
    path: Path
    sha256: str
    size: int
    root: str
    version: int
    files: int
    facts: CaseFacts
    previous: str | None = None
    letters: list[str] = field(default_factory=list)

    def summary_lines(self, lang: str = "zh") -> list[str]:
        """What the command line and the window say once the package is written."""
        from ...i18n import counted, text

        f = self.facts
        lines = [
            text("evidence.summary.package", lang, path=self.path),
            text("evidence.summary.sha256", lang, sha256=self.sha256),
            text(
                "evidence.summary.case",
                lang,
                case=f.case.id,
                version=self.version,
                files=counted("evidence.summary.files", self.files, lang),
                size=f"{self.size:,}",
            ),
            text(
                "evidence.summary.charges",
                lang,
                charges=counted("evidence.summary.charge_count", len(f.charges), lang),
                total=money_totals(f.paid, lang),
            ),
        ]
        if f.case.cancelled_on:
            lines.append(
                text(
                    "evidence.summary.after",
                    lang,
                    day=f.case.cancelled_on.isoformat(),
                    charges=counted("evidence.summary.charge_count", len(f.after), lang),
                    total=money_totals(f.after_paid, lang),
                )
            )
        return lines


def previous_packages(case) -> list[str]:
    """SHA-256 of every package already recorded in the case log, oldest first."""
    found = []
    for entry in case.log:
        if entry.summary.startswith(PACKAGE_PREFIX):
            match = re.search(r"sha256 ([0-9a-f]{64})", entry.summary)
            if match:
                found.append(match.group(1))
    return found


# Names Windows keeps for devices, with any suffix: "NUL.txt" cannot be unpacked there.
_DEVICE = re.compile(r"(?i)(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?")


def _safe_name(name: str) -> str:
    """A user's file name as a name inside the package that unpacks on every system:
    no folder, none of the characters Windows forbids, no trailing dot or space (which
    Windows drops), no device name."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    name = re.sub(r'[\x00-\x1f<>:"|?*]', "_", name).rstrip(". ") or "file"
    return f"_{name}" if _DEVICE.fullmatch(name) else name


def build_package(
    case,
    out: Path | str,
    originals: list[Original],
    attachments: Sequence[AttachedFile] = (),
    all_rows: pd.DataFrame | None = None,
    party: Party | None = None,
    lang: str = "zh",
    unmasked: bool = False,
    previous: Sequence[str] = (),
    font: FontChoice | None = None,
    variant: str = "generic",
    generated_at: datetime | None = None,
    charts: bool = True,
    progress: Progress = NO_PROGRESS,
) -> PackageResult:
    """Write the package of ``case`` at ``out``; nothing is written when cancelled."""
    out = Path(out)
    party = party or Party()
    masker = Masker(unmasked)
    facts = CaseFacts.of(case, generated_at)
    font = font or find_cjk_font()  # before any work: a missing font is the user's to fix
    when = facts.generated_at
    version = len(previous) + 1
    root = f"{case.id}-v{version}"
    bag = BagBuilder(root)
    exhibit_of: dict[str, str] = {}
    exhibits: list[Exhibit] = []
    used = {c.source_sha256 for c in case.charges} | {c.source_sha256 for c in case.refunds}
    if all_rows is not None and "source_sha256" in all_rows:
        # all_transactions.csv names these files too (a bank's copy of a wallet payment):
        # each row of the package can be checked against an original inside it
        used |= set(all_rows["source_sha256"].astype(str))
    number = 0
    for original in originals:
        if original.sha256 not in used or original.sha256 in exhibit_of:
            continue
        number += 1
        exhibit = f"E-{number:02d}"
        item = bag.add(
            f"originals/{_safe_name(original.name)}",
            original.read(),
            "original",
            exhibit_id=exhibit,
            original_filename=original.name,
            imported_at=original.imported_at,
            format=original.format,
            source_channel=original.format.split("-")[0] if original.format else "",
        )
        exhibit_of[original.sha256] = exhibit
        exhibits.append(Exhibit(exhibit, item.path, "original", item.sha256, item.size))
    for attached in attachments:
        number += 1
        exhibit = f"E-{number:02d}"
        item = bag.add(
            f"attachments/{_safe_name(attached.name)}",
            attached.read(),
            "attachment",
            exhibit_id=exhibit,
            original_filename=attached.name,
            case_log_date=attached.entry_date,
            notes=masker.text(attached.summary),
        )
        exhibits.append(Exhibit(exhibit, item.path, "attachment", item.sha256, item.size))
    parents = sorted(exhibit_of)

    def derived(path: str, data: bytes, role: str, what: str) -> None:
        nonlocal number
        number += 1
        exhibit = f"E-{number:02d}"
        item = bag.add(path, data, role, exhibit_id=exhibit, derived_from=parents, transform=what)
        exhibits.append(Exhibit(exhibit, item.path, role, item.sha256, item.size))

    progress.report(0.1, "tables")
    progress.check()
    records = tables.flagged_records(facts, exhibit_of, masker)
    derived(
        "tables/flagged_transactions.xlsx",
        tables.flagged_xlsx(records),
        "derived",
        "the case's charges, columns of reference section 5.3",
    )
    derived(
        "tables/flagged_transactions.csv",
        tables.flagged_csv(records),
        "derived",
        "same as the XLSX, UTF-8 with BOM",
    )
    derived(
        "tables/all_transactions.csv",
        tables.all_rows_csv(all_rows, masker),
        "derived",
        "every ledger row of the case's merchant(s)",
    )
    pngs: dict[str | None, list[bytes]] = {}  # report language -> its charts
    progress.report(0.25, "charts")
    progress.check()
    if charts:

        def draw(kind: str, language: str | None):
            return charts_module.case_chart(
                case.charges,
                kind,
                case.cancelled_on,
                title=case.legal_name,
                lang=language,  # None: each label in zh and en
                missed=case.missed_dates,
                day_totals=case.day_totals,
            )

        first = "zh" if lang == "both" else lang  # charts/ speak the package's first language
        for kind in ("timeline", "cumulative"):
            figure = draw(kind, first)
            png = charts_module.figure_bytes(figure, "png", dpi=150)
            pngs.setdefault(first, []).append(png)
            derived(f"charts/{kind}.png", png, "chart", f"{kind} chart of the charges")
            derived(
                f"charts/{kind}.svg",
                charts_module.figure_bytes(figure, "svg"),
                "chart",
                f"{kind} chart of the charges (vector)",
            )
            if lang == "both":  # the English report's charts in English
                pngs.setdefault("en", []).append(
                    charts_module.figure_bytes(draw(kind, "en"), "png", dpi=120)
                )
    short = [(e.id, e.path, e.sha256) for e in exhibits if e.role in ("original", "attachment")]
    progress.report(0.4, "letters")
    progress.check()
    letters = package_letters(facts, party, lang, masker, short, variant)
    for stem, letter in letters:
        derived(f"letters/{stem}.docx", letter.docx_bytes(), "letter", "letter draft (DOCX)")
        derived(f"letters/{stem}.txt", letter.txt_bytes(), "letter", "letter draft (text)")
    langs = ("zh", "en") if lang == "both" else (lang,)
    progress.report(0.6, "report")
    progress.check()
    reports = {
        code: "report/evidence_report.pdf"
        if code == langs[0]
        else f"report/evidence_report_{code}.pdf"
        for code in langs
    }
    for code, name in reports.items():
        pdf = build_report(
            ReportInput(
                facts,
                party,
                code,
                masker,
                list(exhibits),
                exhibit_of,
                pngs.get(code, pngs.get(None, [])),
                font,
            )
        )
        bag.add(name, pdf, "report", derived_from=parents, language=code)
    stamp = when.isoformat(timespec="seconds")
    for code in ("zh", "en"):
        text = readme(code, facts, exhibits, previous, reports)
        bag.add(f"README_{code}.txt", text.encode("utf-8"), "readme")
    bag.add("custody/case_log.csv", manifest.case_log_csv(case.log, masker), "custody")
    bag.add(
        "custody/manifest.json", manifest.custody_manifest(case.id, bag.files, stamp), "custody"
    )
    info = {
        "Source-Organization": "qiake-auditor user (self-prepared, not notarised)",
        "Contact-Name": masker.text(party.name) or "not given",
        "Bagging-Date": when.date().isoformat(),
        "External-Identifier": case.id,
        "External-Description": facts.summary("en"),
        "Bag-Software-Agent": f"qiake-auditor {__version__}",
        "Bag-Group-Identifier": case.id,
        "Package-Version": str(version),
        "Generated-At": stamp,
    }
    if previous:
        info["Previous-Package-SHA256"] = previous[-1]
    progress.report(0.9, "package")
    progress.check()
    bag.write(out, info, when)
    progress.report(1.0, "")
    return PackageResult(
        out,
        sha256_file(out),
        out.stat().st_size,
        root,
        version,
        len(bag.files),
        facts,
        previous[-1] if previous else None,
        [stem for stem, _ in letters],
    )


def build_from_audit(
    audit,
    case,
    out: Path | str,
    party: Party | None = None,
    lang: str = "zh",
    unmasked: bool = False,
    font: FontChoice | None = None,
    variant: str = "generic",
    record: bool = True,
    progress: Progress = NO_PROGRESS,
) -> PackageResult:
    """Build the package of ``case`` from the workspace of ``audit`` and log its SHA-256."""
    workspace = audit.workspace
    originals = [
        Original(
            f.name, f.sha256, functools.partial(workspace.original, f.id), f.imported_at, f.format
        )
        for f in workspace.files()
    ]
    attachments = [
        AttachedFile(
            a.name, a.sha256, functools.partial(audit.attachment, a.id), e.on.isoformat(), e.summary
        )
        for e in case.log
        for a in e.attachments
    ]
    result = build_package(
        case,
        out,
        originals,
        attachments,
        audit.case_rows(case),
        party,
        lang,
        unmasked,
        previous_packages(case),
        font,
        variant,
        progress=progress,
    )
    if record:
        from ...vocab import Channel

        audit.log_entry(
            case,
            Channel.OTHER,
            f"{PACKAGE_PREFIX} {result.path.name} v{result.version} sha256 {result.sha256}",
            message=(
                "log.evidence_package",
                {"name": result.path.name, "version": str(result.version), "sha256": result.sha256},
            ),
            kind="export",
        )
    return result
