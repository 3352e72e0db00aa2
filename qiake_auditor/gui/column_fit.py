"""Fitting a list's columns into the width it has, so it needs no horizontal scrollbar.

A pure calculation (no Qt): the caller measures what each column's content needs and
applies the result. One flexible column (the long one, elided) gives up width first;
then the least important columns are hidden, in the order given. Columns whose width
the user set (``fixed``) keep it and are never hidden.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Fit:
    widths: dict[int, int]  # the width of every shown column
    hidden: frozenset[int]


def fit_columns(
    needed: dict[int, int],
    available: int,
    flexible: int,
    flexible_least: int,
    hide_first: tuple[int, ...],
    fixed: Mapping[int, int] | None = None,
) -> Fit:
    """Widths for the columns of ``needed`` (column -> pixels its content needs) within
    ``available`` pixels: ``flexible`` shrinks down to ``flexible_least``, then columns of
    ``hide_first`` are hidden one by one until the rest fits (or none is left to hide).
    Width left over goes to ``flexible``, up to what it needs. A column of ``fixed``
    (column -> width the user gave it) has that width whatever the room, and is not
    hidden; ``flexible`` in it does not flex. ``flexible`` may be absent from ``needed``
    (the user hid it): then columns are only hidden."""
    fixed = {c: w for c, w in (fixed or {}).items() if c in needed}
    needed = {**needed, **fixed}
    flexes = flexible in needed and flexible not in fixed
    least = min(needed[flexible], flexible_least) if flexes else 0
    hidden: list[int] = []

    def required() -> int:
        rigid = (w for c, w in needed.items() if c not in hidden and (c != flexible or not flexes))
        return sum(rigid) + least

    for column in hide_first:
        if required() <= available:
            break
        if column in needed and column not in fixed:
            hidden.append(column)
    widths = {c: w for c, w in needed.items() if c not in hidden}
    if flexes:
        widths[flexible] = max(least, min(needed[flexible], least + available - required()))
    return Fit(widths, frozenset(hidden))
