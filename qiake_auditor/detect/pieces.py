"""Pieces and drafts: the intermediate shapes of a stream while it is being found.

A piece is a set of one merchant's charges on one cadence hypothesis; a draft is the
pieces that make one stream (a price change or an upgrade joins two pieces) plus the
extra charges attached to it (trial, proration, odd amounts on empty slots).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import cadence as cad


@dataclass
class Piece:
    """Charges (positions into the merchant's arrays) on one cadence."""

    members: np.ndarray
    fit: cad.Fit | None
    keyword: bool = False
    dups: np.ndarray = field(default_factory=lambda: np.array([], dtype="int64"))


@dataclass
class Draft:
    """A stream before assembly: ordered pieces plus attached extra charges."""

    pieces: list[Piece]
    intro: list[int] = field(default_factory=list)  # trial / introductory charges
    proration: list[int] = field(default_factory=list)
    absorbed: list[int] = field(default_factory=list)  # odd amounts on an empty slot
    reanchor: int | None = None  # a trailing proration: the plan changed on that day

    @property
    def members(self) -> np.ndarray:
        extra = self.intro + self.proration + self.absorbed
        parts = [p.members for p in self.pieces] + [np.array(extra, dtype="int64")]
        return np.sort(np.concatenate(parts))

    @property
    def cadence(self) -> str:
        fit = self.pieces[-1].fit
        return fit.cadence if fit else "irregular"


def levels(cents: np.ndarray, order: np.ndarray, relative: float, absolute: int) -> list:
    """Single-linkage clusters of amounts (positions), in amount order.

    The sort need not be stable (a stable one takes six times as long on a 100,000-row
    merchant): equal amounts always fall in one cluster, and each cluster comes back
    in position order.
    """
    if len(order) == 0:
        return []
    values = cents[order]
    sort = np.argsort(values)
    values = values[sort]
    jump = (values[1:] > values[:-1] * (1 + relative)) & (values[1:] - values[:-1] > absolute)
    cuts = np.flatnonzero(jump) + 1
    return [
        np.sort(order[sort][a:b])
        for a, b in zip(np.r_[0, cuts], np.r_[cuts, len(values)], strict=True)
    ]
