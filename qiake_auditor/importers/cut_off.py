"""A structured statement says where it ends; a file that stops before was cut off.

MT940 closes each statement with its closing balance (``:62F:``), OFX closes the document
with ``</OFX>`` and camt.053 with ``</Document>`` (expat finds that one). A download or
copy that stopped early has lost an unknown number of entries, the closing balance the
statement is checked by, and perhaps the end of the last entry it still shows (an MT940
amount ``250,`` of ``250,50``, an ``:86:`` counterparty missing its last line). Such a
file is refused, not read in part: its totals and any evidence built on it would be
wrong without anyone seeing why, and the user's fix (downloading it again) is simple.
The refusal names the line where the file stops and, when one was open, the line where
the cut statement began.
"""

from __future__ import annotations

from ..errors import StatementError


def last_line(text: str) -> int:
    """The number of the last line that holds anything (1 for an empty text)."""
    return text.rstrip().count("\n") + 1


def line_of(text: str, offset: int) -> int:
    """The 1-based line of a character offset."""
    return text.count("\n", 0, offset) + 1


def refusal(source: str, text: str, *, kind: str, end: str, start: int | None) -> StatementError:
    """The refusal of a ``kind`` file whose ``text`` stops before its ``end``; ``start`` is
    the line of the statement the cut fell in (None when it fell between statements)."""
    row = last_line(text)
    if start is None:
        return StatementError.of("statement.cut_off", source=source, row=row, format=kind, end=end)
    return StatementError.of(
        "statement.cut_off.in_statement", source=source, row=row, format=kind, end=end, start=start
    )
