"""What detection said of each charge, looked up by row id: one row or many at a time.

A stream's charge carries its stream, cadence, flags and cause (with its reasons); a
flagged row outside every stream only its flags and cause. A million-row bill can flag
100,000 rows: kept as a dict of one tuple per row, the dict's growth and the tuples held
the GIL in pieces of 30-50 ms (the window froze meanwhile). Flagged rows stay arrays
here, sorted by row id; their facts are a few distinct tuples, shared.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import numpy as np

from ..detect.flagged import FlaggedRows, Flags

# What detection said of a row: stream id, cadence, flags, cause, its reason (zh, en).
Facts = tuple[str | None, str | None, Flags, str | None, str, str]
NO_FACTS: Facts = (None, None, (), None, "", "")


class ChargeFacts:
    """Detection's facts per row id: a stream's charge first, its flags joined with the
    row's flags where the row is flagged too."""

    def __init__(self, streams: Iterable[dict], flagged: FlaggedRows) -> None:
        self._streams: dict[int, Facts] = {}
        for stream in streams:
            for charge in stream.get("charges") or []:
                self._streams[int(charge["row_id"])] = (
                    stream["id"],
                    stream.get("cadence"),
                    tuple(charge.get("flags") or ()),
                    charge.get("cause"),
                    charge.get("cause_reason") or "",
                    charge.get("cause_reason_en") or "",
                )
        ids = flagged.row_ids().astype(np.int64, copy=False)
        # stable: of a row id flagged twice the later one counts (found by side="right")
        order = np.argsort(ids, kind="stable")
        self._flagged_ids = ids[order]
        # one code per distinct (stream, flags, cause): a few, each worded as one tuple
        streams_of, flags_of, causes_of = (
            flagged.streams[order] + 1,  # -1 (no stream) -> 0
            flagged.flag_codes[order],
            flagged.cause_codes[order],
        )
        combined = (streams_of * len(flagged.flag_sets) + flags_of) * max(
            len(flagged.causes), 1
        ) + causes_of
        distinct, self._flagged_codes = np.unique(combined, return_inverse=True)
        stream_ids: list[str | None] = [None, *flagged.stream_ids]
        self._flagged_facts: list[Facts] = []
        for value in distinct.tolist():
            rest, cause = divmod(value, max(len(flagged.causes), 1))
            stream, flags = divmod(rest, len(flagged.flag_sets))
            self._flagged_facts.append(
                (stream_ids[stream], None, flagged.flag_sets[flags], flagged.causes[cause], "", "")
            )
        self._merged: dict[tuple[Flags, Flags], Flags] = {}  # a few distinct pairs, shared
        # for one row at a time (a case's charges made one by one as they are read):
        # the same ids and codes as lists, made on the first such look-up
        self._one_by_one: tuple[list[int], list[int]] | None = None

    def get(self, row_id: int, default: Facts = NO_FACTS) -> Facts:
        """The facts of one row (``default`` where detection said nothing of it): a
        search in plain lists, about 1 us (numpy's, for one value, about 8)."""
        if self._one_by_one is None:
            self._one_by_one = (self._flagged_ids.tolist(), self._flagged_codes.tolist())
        ids, codes = self._one_by_one
        at = bisect.bisect_right(ids, row_id) - 1
        seen = self._flagged_facts[codes[at]] if at >= 0 and ids[at] == row_id else default
        known = self._streams.get(row_id)
        if known is None:
            return seen
        return known if seen is default else self._joined(known, seen)

    def of(self, row_ids: Sequence[int], default: Facts = NO_FACTS) -> list[Facts]:
        """The facts of each row of ``row_ids``, in order."""
        codes = self._codes(row_ids)
        table = [*self._flagged_facts, default]  # code -1: not flagged
        found = [table[c] for c in codes.tolist()]
        if self._streams:
            for k, row_id in enumerate(row_ids):
                known = self._streams.get(row_id)
                if known is not None:
                    seen = found[k]
                    found[k] = known if seen is default else self._joined(known, seen)
        return found

    def flags_of(self, row_ids: Sequence[int]) -> set[str]:
        """Every flag any of ``row_ids`` carries."""
        flags: set[str] = set()
        for c in np.unique(self._codes(row_ids)).tolist():
            if c >= 0:
                flags.update(self._flagged_facts[c][2])
        if self._streams:
            for row_id in row_ids:
                known = self._streams.get(row_id)
                if known is not None:
                    flags.update(known[2])
        return flags

    def _codes(self, row_ids: Sequence[int]) -> np.ndarray:
        """Each row's code among the flagged rows' facts, -1 for a row not flagged."""
        wanted = np.asarray(row_ids, dtype=np.int64)
        if not len(self._flagged_ids) or not len(wanted):
            return np.full(len(wanted), -1, dtype=np.int64)
        at = np.searchsorted(self._flagged_ids, wanted, side="right") - 1
        hit = (at >= 0) & (self._flagged_ids[np.maximum(at, 0)] == wanted)
        return np.where(hit, self._flagged_codes[np.maximum(at, 0)], -1)

    def _joined(self, known: Facts, seen: Facts) -> Facts:
        pair = (known[2], seen[2])
        both = self._merged.get(pair)
        if both is None:
            both = self._merged[pair] = tuple(sorted(set(known[2]) | set(seen[2])))
        return (known[0], known[1], both, known[3], known[4], known[5])
