"""What the column-mapping dialog shows for an unrecognised text statement (Qt-free).

Only public importer functions are called: the head of the file decoded as the
importers decode it, split with their delimiter rule, the header row taken where
their guess finds a usable mapping, and that guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..importers import generic, generic_columns, text_encoding

PREVIEW_ROWS = 12


@dataclass
class Preview:
    name: str
    header: list[str]
    rows: list[list[str]]
    guessed: dict[str, str]
    fields: tuple[str, ...] = generic_columns.FIELDS


def preview(path: Path) -> Preview | None:
    """The first rows of a text statement and the guessed mapping; None if not text."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(256 * 1024)
    except OSError:
        return None
    text = text_encoding.decode_head(data)
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return None
    delimiter = generic.delimiter_of(
        max(lines[:30], key=lambda ln: ln.count(",") + ln.count("\t") + ln.count(";"))
    )
    rows = [generic.split_line(line, delimiter) for line in lines[:200]]
    header_at = next(
        (
            i
            for i, row in enumerate(rows[:50])
            if generic_columns.usable(generic_columns.guess(row))
        ),
        None,
    )
    if header_at is None:  # the first row as wide as the widest
        widest = max(len(r) for r in rows[:50])
        header_at = next(i for i, r in enumerate(rows) if len(r) == widest)
    header = generic_columns.dedupe(rows[header_at])
    return Preview(
        Path(path).name,
        header,
        rows[header_at + 1 : header_at + 1 + PREVIEW_ROWS],
        generic_columns.guess(header),
    )
