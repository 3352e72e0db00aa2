"""What the sub-commands share: dates from options, language, workspaces that must exist,
columns padded for CJK text."""

from __future__ import annotations

import argparse
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import UserError, warning_text
from ..i18n import SystemReason, text, user_lang


def add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="language of the output (default: the system's)",
    )


def lang_of(args: argparse.Namespace) -> str:
    """The sub-command's ``--lang``, else the one given before it, else the system's."""
    return user_lang(getattr(args, "lang", None) or getattr(args, "global_lang", None))


def existing_workspace(path: Path | None) -> Path | None:
    """``path`` when it names a workspace that exists (or is not given: the per-user one).

    For commands that read or decide on what was imported: a mistyped ``--workspace``
    would otherwise be created empty and answer "no case matches" or "0 streams".
    """
    if path is not None and not path.exists():
        raise UserError.of("workspace.missing", path=path)
    return path


def check_writable(target: Path) -> None:
    """Refuse an output path that cannot be written, before any work is done.

    A file is created and removed in the nearest folder that exists on the way to
    ``target`` (permission bits say nothing for root, nor for /proc or a full or
    read-only disk); nothing else is created.
    """
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".qiake-probe-"):
            pass
    except OSError as exc:
        reason = SystemReason.of(exc)
        raise UserError.of("cli.out_unwritable", path=target, reason=reason) from None


def print_import_notes(imported: Any, lang: str) -> None:
    """What importing the files given to ``scan`` / ``case`` had to say (a folder's
    skipped files, an assumed currency, totals that differ), on stderr so that
    ``--json`` stays one object; each warning names its file."""
    if imported is None:
        return
    for note in imported.note_texts(lang):
        print(note, file=sys.stderr)
    for report in imported.reports:
        for warning in report.warnings:
            message = warning_text(warning, lang)
            if not message.startswith(report.source):
                message = text("cli.file_says", lang, source=report.source, message=message)
            print(text("cli.import_warning", lang, message=message), file=sys.stderr)


def parse_date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError.of("option.bad_date", option=option, value=text) from None


def parse_past_date(text: str, option: str) -> date:
    """A date that has happened (a cancellation, a contact): one after today is a typo."""
    day = parse_date(text, option)
    today = date.today()
    if day > today:
        raise UserError.of(
            "cli.future_date", option=option, value=day.isoformat(), today=today.isoformat()
        )
    return day


def not_empty(text: str, option: str) -> str:
    """``text`` stripped; an empty value (``--summary ""``) is refused, not stored."""
    if not text.strip():
        raise UserError.of("cli.empty_value", option=option)
    return text.strip()


def cancellations(specs: list[str]) -> dict[str, date]:
    """``NAME=YYYY-MM-DD`` options -> {name: date}."""
    found = {}
    for spec in specs:
        name, sep, when = spec.rpartition("=")
        if not sep or not name.strip():
            raise UserError.of("option.bad_cancelled", value=spec)
        found[name.strip()] = parse_past_date(when, "--cancelled")
    return found


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, size: int) -> str:
    return text + " " * max(size - width(text), 0)


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as lines with columns aligned (CJK characters count double)."""
    if not rows:
        return []
    sizes = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(pad(c, w) for c, w in zip(row, sizes, strict=True)).rstrip() for row in rows]
