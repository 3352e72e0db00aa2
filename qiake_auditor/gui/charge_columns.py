"""Display columns of a case's charges, computed once on the worker (Qt-free).

A case of a million-row bill can hold ~100,000 charges; labels are looked up in
plain dicts made once per vocabulary, never through an enum per cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from ..app.charge_table import ChargeFields
from ..money import format_amount
from ..vocab import Cause, Flag, RowState

T = TypeVar("T")


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


def charge_columns(fields: ChargeFields, language: str) -> ChargeColumns:
    """The texts and sort keys of a case's charges table. Each distinct amount, set of
    flags and cause is worded once: a large case repeats a few of them 100,000 times."""
    flag_labels, states, causes = (
        _labels(Flag, language),
        _labels(RowState, language),
        _labels(Cause, language),
    )
    alert = flag_labels[Flag.AFTER_CANCELLATION.value]
    # punctuation of the language too: no 、 or （） in an English table
    separator, opening, closing = ("、", "（", "）") if language == "zh" else (", ", " (", ")")

    def flag_text(flags: tuple[str, ...], late: bool) -> str:
        shown = [flag_labels.get(f, f) for f in flags]
        if late and alert not in shown:
            shown.insert(0, alert)
        return separator.join(shown)

    def cause_text(cause: str | None, reason: str) -> str:
        said = causes.get(cause, cause) if cause else ""
        return f"{said}{opening}{reason}{closing}" if said and reason else said

    reasons = fields.reason_en if language == "en" else fields.reason_zh
    columns: list[list] = [
        fields.date,
        _worded(format_amount, zip(fields.amount, fields.currency, strict=True)),
        [states.get(s, s) for s in fields.state],
        _worded(flag_text, zip(fields.flags, fields.after_cancellation, strict=True)),
        _worded(cause_text, zip(fields.cause, reasons, strict=True)),
        fields.source,
        [str(r) for r in fields.source_row],
    ]
    display = [np.array(c, dtype=object) for c in columns]
    keys = [np.arange(len(fields), dtype=np.int64) for _ in columns]
    keys[1] = _floats(fields.amount)
    keys[6] = np.array(fields.source_row, dtype=np.int64)
    after = np.array(fields.after_cancellation, dtype=bool)
    longest = [max(column, key=len, default="") for column in columns]
    return ChargeColumns(display, keys, after, longest)


_FLOATS_AT_ONCE = 10_000  # amounts made floats per call (each call holds the GIL)


def _floats(amounts: list) -> np.ndarray:
    """The amounts (Decimals) as floats, by numpy a slice at a time: half the time of a
    Python loop (46 against 108 ms for 95,084), and no one call for all of them, which
    would hold the GIL as long."""
    out = np.empty(len(amounts), dtype="float64")
    for at in range(0, len(amounts), _FLOATS_AT_ONCE):
        out[at : at + _FLOATS_AT_ONCE] = np.array(
            amounts[at : at + _FLOATS_AT_ONCE], dtype=object
        ).astype("float64")
    return out


def _worded(word: Callable[..., T], arguments: Iterable[tuple]) -> list[T]:
    """``[word(*a) for a in arguments]``, calling ``word`` once per distinct ``a``."""
    said: dict[tuple, T] = {}
    out = []
    for a in arguments:
        text = said.get(a)
        if text is None:
            text = said[a] = word(*a)
        out.append(text)
    return out
