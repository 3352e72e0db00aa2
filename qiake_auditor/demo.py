"""The bundled demo: a few statements with a 洽客 renewal that continues after cancellation.

``run_headless_demo`` is what ``qiake-auditor demo`` and the GUI (without a display)
run: a fresh workspace, the demo files imported, the scan, and the outputs written,
with a short summary on stdout in the user's language (``--lang``). The GUI's ``--demo``
opens the same files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .app.demo import demo_dir, demo_files, demo_settings, open_demo
from .fileio import atomic_path
from .i18n import Listed, counted, text, user_lang
from .money import format_amount
from .progress import NO_PROGRESS, Progress
from .vocab import Cadence, Cause, Flag, RowState, StreamStatus, StreamType
from .workspace import Workspace

# The demo's data and workspace belong to the application layer; these names stay
# importable from here for the window until it calls qiake_auditor.app.demo itself.
__all__ = ["demo_dir", "demo_files", "demo_settings", "run_headless_demo"]


def demo_overrides() -> dict:
    """Scan settings the demo fixes beyond the stored decisions: its "today" (as_of)."""
    settings = demo_settings()
    overrides: dict = {}
    if settings["as_of"]:
        overrides["as_of"] = date.fromisoformat(str(settings["as_of"])[:10])
    return overrides


def apply_demo_decisions(workspace: Workspace) -> None:
    """Record the demo's cancellation dates, aliases and watch words as user decisions."""
    settings = demo_settings()
    for alias, merchant in settings["aliases"].items():
        workspace.set_decision("alias", alias, str(merchant))
    for merchant, day in settings["cancellations"].items():
        workspace.set_decision("cancelled", merchant, str(day))
    for word in settings["watch"]:
        workspace.set_decision("watch", word, "1")


def scan_workspace(
    workspace: Workspace, progress: Progress = NO_PROGRESS, overrides: dict | None = None
) -> dict | None:
    """Run detection over the whole workspace with the user's decisions; None without a detector."""
    from .detect import scan as module

    progress.report(0.1, "scanning")
    rows = workspace.ledger()
    if rows.empty:  # nothing imported yet: nothing to detect (and no need to ask)
        return {"as_of": None, "transactions": 0, "streams": [], "flagged": []}
    settings = module.settings_from_workspace(workspace, **(overrides or {}))
    result = module.scan(
        rows,
        settings,
        distinct_keys=True,  # workspace rows
        with_transactions=False,
    )
    progress.report(1.0, "done")
    return result


def after_cancellation_charges(scan: dict | None) -> list[tuple[dict, dict]]:
    """(stream, charge) pairs of every charge flagged as taken after a recorded cancellation."""
    found = []
    for stream in (scan or {}).get("streams") or []:
        for charge in stream.get("charges") or []:
            if "after_cancellation" in (charge.get("flags") or []):
                found.append((stream, charge))
    return found


def describe_streams(scan: dict | None, lang: str = "zh") -> str:
    """A readable text version of the scan in ``lang``: one block per stream with its
    charges (each named by its file and row)."""
    if scan is None:
        return text("demo.no_detection", lang) + "\n"
    lines = [
        text(
            "demo.readable_head",
            lang,
            as_of=scan.get("as_of", ""),
            transactions=counted("demo.transactions", int(scan.get("transactions") or 0), lang),
        ),
        "",
    ]
    for stream in scan.get("streams") or []:
        lines.append(_stream_line(stream, lang))
        names = [n for n in stream.get("names") or [] if n != stream.get("merchant")]
        if names:
            lines.append("    " + text("demo.also_printed_as", lang, names=Listed(names)))
        explanation = str(stream.get(f"explanation_{lang}") or stream.get("explanation") or "")
        for part in explanation.strip().splitlines():
            lines.append(f"    {part}")
        for charge in stream.get("charges") or []:
            flags = Listed(Flag.label_of(f, lang) for f in charge.get("flags") or [])
            cause = Cause.label_of(charge["cause"], lang) if charge.get("cause") else ""
            said = text(
                "demo.charge",
                lang,
                date=charge.get("date", ""),
                amount=format_amount(charge.get("amount", 0), stream.get("currency", "CNY")),
                state=RowState.label_of(charge.get("state"), lang),
                where=_where(charge, lang),
            )
            extra = "  ".join(p for p in (flags.joined(lang), cause) if p)
            lines.append(f"      {said}  {extra}".rstrip())
        lines.append("")
    return "\n".join(lines) + "\n"


def _where(charge: dict, lang: str) -> str:
    """'支付宝….csv 第 26 行' / '支付宝….csv, row 26' (the row's unit as the ledger counts)."""
    source, row = charge.get("source", ""), charge.get("source_row", "")
    return text("demo.where", lang, source=source, row=row)


def _stream_line(stream: dict, lang: str = "zh") -> str:
    currency = stream.get("currency", "CNY")
    return text(
        "demo.stream",
        lang,
        merchant=stream.get("merchant", ""),
        type=StreamType.label_of(stream.get("type"), lang),
        cadence=Cadence.label_of(stream.get("cadence"), lang),
        amount=format_amount(stream.get("amount", 0), currency),
        count=stream.get("count", ""),
        net=format_amount(stream.get("net_total", 0), currency),
        next=stream.get("next_expected") or "-",
        status=StreamStatus.label_of(stream.get("status"), lang),
        flags=Listed(Flag.label_of(f, lang) for f in stream.get("flags") or []) or "-",
    )


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text).strip("_")[:60] or "stream"


def write_charts(
    scan: dict | None, folder: Path, cancellations: dict[str, str], top: int = 3
) -> list[tuple[str, Path]]:
    """The overview chart and one timeline per top stream (flagged streams always)."""
    from . import charts

    if not scan or not scan.get("streams"):
        return []
    written = [("overview", charts.save(charts.overview(scan), folder / "overview.png"))]
    streams = scan["streams"]
    chosen = [s for s in streams if s.get("flags")][:top]
    for stream in streams:
        if len(chosen) >= top:
            break
        if stream not in chosen:
            chosen.append(stream)
    for index, stream in enumerate(chosen, 1):
        merchant = str(stream.get("merchant", ""))
        figure = charts.stream_timeline(
            stream, stream.get("cancelled_on") or cancellations.get(merchant)
        )
        path = folder / f"timeline-{index}-{_safe_name(str(stream.get('id', index)))}.png"
        written.append((merchant, charts.save(figure, path)))
    return written


def run_headless_demo(
    out_dir: Path, echo: Callable[[str], None] = print, lang: str | None = None
) -> int:
    """Audit the demo statements without a window and write every output into ``out_dir``;
    what it found is said in ``lang`` (default: the user's language)."""
    from .commands.common import table
    from .exports import write_ledger

    lang = user_lang(lang)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = demo_files()
    if not files:
        echo(text("demo.no_files", lang, folder=demo_dir()))
        return 1
    database = out_dir / "workspace.sqlite"
    audit, imported = open_demo(database)
    with audit:
        snap = audit.snapshot(lang=lang)
        ledger = audit.workspace.ledger()
        cases = snap.cases
    reports = imported.reports
    scan = {
        "as_of": snap.as_of.isoformat() if snap.as_of else None,
        "transactions": snap.transactions,
        "streams": snap.streams,
        "flagged": list(snap.flagged),
        "cases": [c.to_json() for c in cases],
    }
    cancellations = {c.merchant: c.cancelled_on.isoformat() for c in cases if c.cancelled_on}
    ledger_path = write_ledger(ledger, out_dir / "ledger.csv")
    json_path = out_dir / "streams.json"
    text_path = out_dir / "streams.txt"
    for path, content in (
        (json_path, json.dumps(scan, ensure_ascii=False, indent=2, default=str) + "\n"),
        (text_path, describe_streams(scan, lang)),
    ):
        with atomic_path(path) as temporary:
            temporary.write_text(content, encoding="utf-8")
    charts_written = write_charts(scan, out_dir / "charts", cancellations)
    _print_summary(echo, files, reports, len(ledger), scan, cancellations, lang)
    for case in cases:
        if case.after:
            echo(f"  {case.summary_line(lang)}")
    echo("")
    echo(text("demo.outputs", lang))
    rows = [
        (text("demo.output.workspace", lang), str(database)),
        (text("demo.output.ledger", lang), str(ledger_path)),
        (text("demo.output.streams", lang), str(json_path)),
        (text("demo.output.readable", lang), str(text_path)),
    ]
    for label, path in charts_written:
        shown = text("demo.overview", lang) if label == "overview" else label
        chart = text("demo.chart", lang, path=path, of=shown)
        rows.append((text("demo.output.chart", lang), chart))
    for line in table(rows):
        echo("  " + line)
    return 0


def _print_summary(
    echo: Callable[[str], None],
    files: list[Path],
    reports: list,
    rows: int,
    scan: dict | None,
    cancellations: dict[str, str],
    lang: str = "zh",
) -> None:
    echo(text("demo.read", lang, files=counted("demo.files", len(files), lang)))
    for report in reports:
        echo(
            "  "
            + text(
                "demo.file",
                lang,
                source=report.source,
                format=report.format,
                rows=counted("cli.report.total.rows", report.rows, lang),
                first=report.first,
                last=report.last,
            )
        )
    echo(text("demo.ledger", lang, rows=counted("cli.report.total.rows", rows, lang)))
    if scan is None:
        echo(text("demo.no_detection", lang))
        return
    streams = scan.get("streams") or []
    echo(text("demo.streams", lang, streams=counted("scan.title.streams", len(streams), lang)))
    for stream in streams:
        echo("  " + _stream_line(stream, lang))
    found = after_cancellation_charges(scan)
    if found:
        echo("")
        echo(text("demo.after_heading", lang))
        shown: set[str] = set()
        for stream, charge in found:
            if stream.get("id") not in shown:
                shown.add(str(stream.get("id")))
                cancelled = stream.get("cancelled_on") or cancellations.get(
                    stream.get("merchant", ""), "?"
                )
                after = sum(1 for s, _c in found if s is stream)
                echo(
                    "  "
                    + counted(
                        "demo.after_stream",
                        after,
                        lang,
                        merchant=stream.get("merchant", ""),
                        day=cancelled,
                    )
                )
            amount = format_amount(charge.get("amount", 0), stream.get("currency", "CNY"))
            echo(
                "    "
                + text(
                    "demo.after_charge",
                    lang,
                    date=charge.get("date", ""),
                    amount=amount,
                    where=_where(charge, lang),
                )
            )
    elif cancellations:
        echo(text("demo.none_after", lang))
