"""Spreadsheet rows (calamine's cell values) as a frame under a header row found by
its names, with each record's 1-based sheet row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from . import field_text, notes_below


def find_row(
    rows: Sequence[Sequence[object]], required: Iterable[str], limit: int = 100
) -> int | None:
    """Index of the first sheet row whose cells include all ``required`` names."""
    needed = set(required)
    for index, row in enumerate(rows[:limit]):
        if needed.issubset({field_text.cell_text(c) for c in row}):
            return index
    return None


def sheet_frame(
    rows: Sequence[Sequence[object]], header: int, first_row: int, end: int | None = None
) -> pd.DataFrame:
    """Rows after a header row as a frame of raw cell values plus ``source_row``.

    ``first_row`` is the 1-based sheet row number of ``rows[0]``.
    """
    end = len(rows) if end is None else end
    names = dedupe_names([field_text.cell_text(c) for c in rows[header]])
    body = [list(r) + [None] * (len(names) - len(r)) for r in rows[header + 1 : end]]
    frame = pd.DataFrame([r[: len(names)] for r in body], columns=names, dtype="object")
    frame["source_row"] = pd.Series(
        range(first_row + header + 1, first_row + header + 1 + len(body)), dtype="int64"
    )
    blank = (
        frame.drop(columns="source_row").map(lambda v: field_text.cell_text(v) == "").all(axis=1)
    )
    frame = frame.loc[~blank].reset_index(drop=True)
    tail = frame.tail(notes_below.MOST_LINES + 1).drop(columns="source_row")
    filled = tail.map(lambda v: field_text.cell_text(v) != "").sum(axis=1).tolist()
    numbers = frame["source_row"].tail(len(tail)).tolist()
    keep = notes_below.records_before(filled, numbers, len(names))
    return frame if keep == len(tail) else frame.iloc[: len(frame) - len(tail) + keep]


def dedupe_names(names: Sequence[str]) -> list[str]:
    """Header names as the frame readers name them: repeated names get ``.1``, ``.2``."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        count = seen.get(name, 0)
        seen[name] = count + 1
        out.append(name if count == 0 else f"{name}.{count}")
    return out


def text_column(frame: pd.DataFrame, column: str) -> pd.Series:
    """A sheet column converted to clean text."""
    return frame[column].map(field_text.cell_text).astype("str")
