"""A note typed below a statement's table is no record of it.

People open a bill in Excel or WPS, write a word under it (``核对过``, a date) and save:
after the last record, a blank line, then lines of one filled field. A record of a
table of three or more columns fills more than one field, and a line cut off right after
the records has no blank line above it, so neither is taken for a note.
"""

from __future__ import annotations

from collections.abc import Sequence

# How many lines of one field below a table are taken for a note (more are records to judge).
MOST_LINES = 5


def records_before(filled: Sequence[int], lines: Sequence[int], width: int) -> int:
    """How many of the table's last records to keep, of the ``len(lines)`` ones.

    ``filled`` is the number of filled fields of each of the last records (any number of
    them, at least ``MOST_LINES + 1`` where there are), ``lines`` their 1-based lines or
    rows (blank ones already dropped), ``width`` the header's number of columns.
    """
    if width < 3 or len(filled) < 2:
        return len(filled)
    notes = 0
    for count in reversed(filled):
        if count != 1:
            break
        notes += 1
    first = len(filled) - notes
    if not 0 < notes <= MOST_LINES or first == 0 or lines[first] - lines[first - 1] < 2:
        return len(filled)
    return first
