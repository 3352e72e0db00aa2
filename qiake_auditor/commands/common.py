"""What the sub-commands share: dates from options, language, columns padded for CJK text."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence
from datetime import date

from ..errors import UserError
from ..i18n import user_lang


def add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="language of the output (default: the system's)",
    )


def lang_of(args: argparse.Namespace) -> str:
    return user_lang(getattr(args, "lang", None))


def parse_date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError.of("option.bad_date", option=option, value=text) from None


def cancellations(specs: list[str]) -> dict[str, date]:
    """``NAME=YYYY-MM-DD`` options -> {name: date}."""
    found = {}
    for spec in specs:
        name, sep, when = spec.rpartition("=")
        if not sep or not name.strip():
            raise UserError.of("option.bad_cancelled", value=spec)
        found[name.strip()] = parse_date(when, "--cancelled")
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
