"""The bundled demo: a few statements with a 洽客 renewal that continues after cancellation.

``run_headless_demo`` is what ``qiake-auditor demo`` and the GUI (without a display)
run: a fresh workspace, the demo files imported, the scan, and the outputs written,
with a short bilingual summary on stdout. The GUI's ``--demo`` opens the same files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .app.demo import demo_dir, demo_files, demo_settings, open_demo
from .fileio import atomic_path
from .progress import NO_PROGRESS, Progress
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


def describe_streams(scan: dict | None) -> str:
    """A readable text version of the scan: one block per stream with its charges."""
    if scan is None:
        return (
            "检测模块不可用，只导入了账单。\n"
            "Detection is not available; only the ledger was imported.\n"
        )
    lines = [
        f"截至 as of {scan.get('as_of', '')}  交易 transactions: {scan.get('transactions', '')}",
        "",
    ]
    for stream in scan.get("streams") or []:
        lines.append(_stream_line(stream))
        names = [n for n in stream.get("names") or [] if n != stream.get("merchant")]
        if names:
            lines.append(f"    也叫 also printed as: {', '.join(names)}")
        explanation = str(stream.get("explanation") or "").strip()
        for part in explanation.splitlines():
            lines.append(f"    {part}")
        for charge in stream.get("charges") or []:
            flags = ",".join(charge.get("flags") or [])
            cause = f" ({charge['cause']})" if charge.get("cause") else ""
            lines.append(
                f"      {charge.get('date', '')}  {charge.get('amount', ''):>10}  "
                f"{charge.get('state', ''):<18} {charge.get('source', '')} "
                f"row {charge.get('source_row', '')}  {flags}{cause}".rstrip()
            )
        lines.append("")
    return "\n".join(lines) + "\n"


def _stream_line(stream: dict) -> str:
    flags = ",".join(stream.get("flags") or []) or "-"
    return (
        f"{stream.get('merchant', '')}  [{stream.get('type', '')}, {stream.get('cadence', '')}]"
        f"  {stream.get('currency', '')} {stream.get('amount', '')} x{stream.get('count', '')}"
        f"  net {stream.get('net_total', '')}  next {stream.get('next_expected') or '-'}"
        f"  status {stream.get('status', '')}  flags {flags}"
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


def run_headless_demo(out_dir: Path, echo: Callable[[str], None] = print) -> int:
    """Audit the demo statements without a window and write every output into ``out_dir``."""
    from .exports import write_ledger

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = demo_files()
    if not files:
        echo(f"没有找到演示账单 no demo statements found in {demo_dir()}")
        return 1
    database = out_dir / "workspace.sqlite"
    audit, imported = open_demo(database)
    with audit:
        snap = audit.snapshot()
        ledger = audit.workspace.ledger()
        cases = snap.cases
    reports = imported.reports
    scan = {
        "as_of": snap.as_of.isoformat() if snap.as_of else None,
        "transactions": snap.transactions,
        "streams": snap.streams,
        "flagged": snap.flagged,
        "cases": [c.to_json() for c in cases],
    }
    cancellations = {c.merchant: c.cancelled_on.isoformat() for c in cases if c.cancelled_on}
    ledger_path = write_ledger(ledger, out_dir / "ledger.csv")
    json_path = out_dir / "streams.json"
    text_path = out_dir / "streams.txt"
    for path, text in (
        (json_path, json.dumps(scan, ensure_ascii=False, indent=2, default=str) + "\n"),
        (text_path, describe_streams(scan)),
    ):
        with atomic_path(path) as temporary:
            temporary.write_text(text, encoding="utf-8")
    charts_written = write_charts(scan, out_dir / "charts", cancellations)
    _print_summary(echo, files, reports, len(ledger), scan, cancellations)
    for case in cases:
        if case.after:
            echo(f"  {case.summary_line('zh')}")
            echo(f"  {case.summary_line('en')}")
    echo("")
    echo("输出文件 outputs:")
    echo(f"  工作区 workspace   {database}")
    echo(f"  账目 ledger        {ledger_path}")
    echo(f"  扣费流 streams     {json_path}")
    echo(f"  说明 readable      {text_path}")
    for label, path in charts_written:
        echo(f"  图表 chart         {path}  ({label})")
    return 0


def _print_summary(
    echo: Callable[[str], None],
    files: list[Path],
    reports: list,
    rows: int,
    scan: dict | None,
    cancellations: dict[str, str],
) -> None:
    echo(f"读取了 {len(files)} 个演示账单 read {len(files)} demo statements:")
    for report in reports:
        echo(
            f"  {report.source}  [{report.format}]  {report.rows} 行 rows  "
            f"{report.first} .. {report.last}"
        )
    echo(f"账目共 {rows} 行 ledger rows: {rows}")
    if scan is None:
        echo("检测模块不可用 detection is not available: only the ledger was written.")
        return
    streams = scan.get("streams") or []
    echo(f"发现 {len(streams)} 个周期扣费 found {len(streams)} recurring streams:")
    for stream in streams:
        echo("  " + _stream_line(stream))
    found = after_cancellation_charges(scan)
    if found:
        echo("")
        echo("!! 取消后仍被扣款 charged after cancellation:")
        shown: set[str] = set()
        for stream, charge in found:
            if stream.get("id") not in shown:
                shown.add(str(stream.get("id")))
                cancelled = stream.get("cancelled_on") or cancellations.get(
                    stream.get("merchant", ""), "?"
                )
                after = sum(1 for s, _c in found if s is stream)
                echo(
                    f"  {stream.get('merchant', '')}: 已于 {cancelled} 取消，"
                    f"之后又扣款 {after} 次 / cancelled on {cancelled}, "
                    f"charged {after} more time(s):"
                )
            echo(
                f"    {charge.get('date', '')}  {stream.get('currency', '')} "
                f"{charge.get('amount', '')}  ({charge.get('source', '')} "
                f"row {charge.get('source_row', '')})"
            )
    elif cancellations:
        echo("没有发现取消后的扣款 no charge after a recorded cancellation.")
