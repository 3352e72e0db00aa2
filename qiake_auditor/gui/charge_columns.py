"""Display columns of a case's charges, computed once on the worker (Qt-free).

A case of a million-row bill can hold ~100,000 charges; labels are looked up in
plain dicts made once per vocabulary, never through an enum per cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..money import format_amount
from ..vocab import Cause, Flag, RowState


@dataclass
class ChargeColumns:
    display: list[np.ndarray]
    keys: list[np.ndarray]
    after: np.ndarray
    # each column's text of most characters: the table is fitted to these (measuring
    # cells through the model costs a Python call per cell on the GUI thread)
    longest: list[str] = field(default_factory=list)


def _labels(vocabulary, language: str) -> dict[str, str]:
    return {m.value: m.label(language) for m in vocabulary}


def charge_columns(charges: Sequence, language: str) -> ChargeColumns:
    flags_of, states, causes = (
        _labels(Flag, language),
        _labels(RowState, language),
        _labels(Cause, language),
    )
    alert = flags_of[Flag.AFTER_CANCELLATION.value]
    # punctuation of the language too: no 、 or （） in an English table
    separator, opening, closing = ("、", "（", "）") if language == "zh" else (", ", " (", ")")
    columns: list[list] = [[] for _ in range(7)]
    for charge in charges:
        flags = [flags_of.get(f, f) for f in charge.flags]
        if charge.after_cancellation and alert not in flags:
            flags.insert(0, alert)
        reason = charge.cause_reason_en if language == "en" else charge.cause_reason_zh
        cause = causes.get(charge.cause, charge.cause or "") if charge.cause else ""
        columns[0].append(charge.date.isoformat())
        columns[1].append(format_amount(charge.amount, charge.currency))
        columns[2].append(states.get(charge.state, charge.state))
        columns[3].append(separator.join(flags))
        columns[4].append(f"{cause}{opening}{reason}{closing}" if cause and reason else cause)
        columns[5].append(charge.source)
        columns[6].append(str(charge.source_row))
    display = [np.array(c, dtype=object) for c in columns]
    keys = [np.arange(len(charges), dtype=np.int64) for _ in columns]
    keys[1] = np.array([float(c.amount) for c in charges], dtype="float64")
    keys[6] = np.array([c.source_row for c in charges], dtype=np.int64)
    after = np.array([c.after_cancellation for c in charges], dtype=bool)
    longest = [max(column, key=len, default="") for column in columns]
    return ChargeColumns(display, keys, after, longest)
