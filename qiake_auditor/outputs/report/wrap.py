"""Where a line of the report may end: one rule for paragraphs, label/value rows and table cells.

Chinese has no spaces, so a plain character wrap would cut a date, an amount or an order
id in two ("20 / 25-06-20"). Here a line may end after a CJK character, a space or a
separator (``/ _ - ( ·`` and CJK punctuation), never inside a run of letters and digits
unless that run alone is wider than the line. Nothing is ever dropped: an id that does not
fit is carried on the next line, not cut short with an ellipsis.
"""

from __future__ import annotations

from collections.abc import Callable

AFTER = frozenset(" /_-·,;:)]}、，。；：）】」》")  # a line may end after these
BEFORE = frozenset("([{（【「《")  # ... and before these
INSIDE_NUMBERS = frozenset("-/:,.")  # never after these between two digits


def _cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x2FFFF
    )


def breakable_after(text: str, index: int) -> bool:
    """May a line end after ``text[index]``?"""
    char = text[index]
    following = text[index + 1] if index + 1 < len(text) else ""
    if char in INSIDE_NUMBERS and following.isdigit() and index and text[index - 1].isdigit():
        return False  # 2025-06-20, 02:40:19, 1,980.00
    return (
        char in AFTER
        or _cjk(char)
        or following in BEFORE
        or (bool(following) and (_cjk(following) or following == " "))
    )


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` as lines no wider than ``width`` (``measure`` gives one character's width);
    newlines in ``text`` are kept as line ends."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_one(paragraph, width, measure))
    return lines


def _wrap_one(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    lines: list[str] = []
    start, used, last_break = 0, 0.0, -1  # last_break: index after which the line may end
    index = 0
    while index < len(text):
        wide = measure(text[index])
        if used + wide > width and index > start:
            cut = last_break + 1 if last_break >= start else index
            lines.append(text[start:cut].rstrip(" "))
            while cut < len(text) and text[cut] == " ":
                cut += 1
            start, used, last_break = cut, 0.0, -1
            index = cut
            continue
        used += wide
        if breakable_after(text, index):
            last_break = index
        index += 1
    lines.append(text[start:].rstrip(" "))
    return lines
