"""Fitting a list's columns into the width it has, so it needs no horizontal scrollbar.

A pure calculation (no Qt): the caller measures what each column's content needs and
applies the result. One flexible column (the long one, elided) gives up width first;
then the least important columns are hidden, in the order given.
"""

from __future__ import annotations

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
) -> Fit:
    """Widths for the columns of ``needed`` (column -> pixels its content needs) within
    ``available`` pixels: ``flexible`` shrinks down to ``flexible_least``, then columns of
    ``hide_first`` are hidden one by one until the rest fits (or none is left to hide).
    Width left over goes to ``flexible``, up to what it needs."""
    least = min(needed[flexible], flexible_least)
    hidden: list[int] = []

    def required() -> int:
        return sum(w for c, w in needed.items() if c not in hidden and c != flexible) + least

    for column in hide_first:
        if required() <= available:
            break
        hidden.append(column)
    widths = {c: w for c, w in needed.items() if c not in hidden}
    widths[flexible] = max(least, min(needed[flexible], least + available - required()))
    return Fit(widths, frozenset(hidden))
