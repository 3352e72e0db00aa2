"""Display texts, sort orders and search arrays of the ledger table, made once (Qt-free).

This runs in the worker, so a million-row ledger never stalls the window: the
model then only indexes these arrays. Nothing here builds a million Python
strings: texts stay in Arrow arrays, or as codes into a few labels, and a cell's
text is made when the view asks for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..vocab import Direction, RowState
from .ledger_fields import COLUMNS, SEARCHED

_SIGN = {"expense": "-", "income": "+", "neutral": ""}
_SAMPLE = 4096  # values looked at to tell mostly distinct texts from repeated ones


@dataclass(frozen=True)
class ArrowText:
    """A column of texts kept in one Arrow array; a cell becomes a ``str`` when shown."""

    array: pa.Array

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, row: int) -> str:
        return self.array[int(row)].as_py() or ""


@dataclass(frozen=True)
class CodedText:
    """A column of few distinct texts: a code per row into ``labels``."""

    codes: np.ndarray
    labels: Sequence[str]

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, row: int) -> str:
        return self.labels[self.codes[row]]


@dataclass(frozen=True)
class NumberText:
    """A column of integers (file rows), shown as they are."""

    numbers: np.ndarray

    def __len__(self) -> int:
        return len(self.numbers)

    def __getitem__(self, row: int) -> str:
        return str(self.numbers[row])


@dataclass(frozen=True)
class Coded:
    """Values as codes into their distinct values (for equality filters)."""

    codes: np.ndarray
    values: list[str]

    def equals(self, value: str) -> np.ndarray:
        """Rows whose value is ``value``."""
        if value not in self.values:
            return np.zeros(len(self.codes), dtype=bool)
        return self.codes == self.values.index(value)


@dataclass(frozen=True)
class SearchColumn:
    """One searched column in lower case: its distinct values and a code per row, or
    (for mostly distinct texts) every row's value; ``ascii`` when no text has more."""

    values: pa.Array
    codes: np.ndarray | None
    ascii: bool


@dataclass
class LedgerColumns:
    """Per column of :data:`COLUMNS`: its texts and its rows in ascending order."""

    display: list  # ArrowText, CodedText or NumberText per column
    ascending: list[np.ndarray]  # data rows in ascending (stable) order, per column
    income: np.ndarray  # bool per row, for the green amount
    # For the filters (see ledger_filter).
    searched: list[SearchColumn]
    time: pa.Array | None = None
    amount: np.ndarray | None = None
    raw: dict[str, Coded] | None = None
    merchant: SearchColumn | None = None
    span: tuple[str, str] = ("", "")  # the first and last time, for the date filter
    unsorted: np.ndarray | None = None  # arange of the rows, made here (see SortedTableModel)


def _arrow(values: pd.Series) -> pa.Array:
    """The column as one Arrow string array, missing values as ''."""
    array = pa.array(values.astype("str").array)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    return pc.fill_null(array, "") if array.null_count else array


def numbers(values: pd.Series) -> np.ndarray:
    """Amount texts as float64 (for sorting and the amount filter), 0 where not a number."""
    try:
        return pc.cast(_arrow(values), pa.float64()).to_numpy(zero_copy_only=False)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return pd.to_numeric(values, errors="coerce").fillna(0).to_numpy(dtype="float64")


def _small_codes(codes: np.ndarray, distinct: int) -> np.ndarray:
    """Codes in the smallest integer type: numpy sorts 16-bit ones by radix, in one pass."""
    return codes.astype(np.uint16 if distinct < 2**16 else np.int32)


@dataclass(frozen=True)
class TextColumn:
    """A text column looked at once: its Arrow array and, for repeated texts (names,
    methods, files), its distinct values with a code per row."""

    array: pa.Array
    distinct: pa.Array | None = None
    codes: np.ndarray | None = None

    @classmethod
    def of(cls, values: pd.Series) -> TextColumn:
        array = _arrow(values)
        sample = array[:_SAMPLE]
        if not len(sample) or len(pc.unique(sample)) > len(sample) // 2:
            return cls(array)  # mostly distinct: times, ids, memos
        encoded = pc.dictionary_encode(array)
        return cls(array, encoded.dictionary, encoded.indices.to_numpy())

    def order(self) -> np.ndarray:
        """Data rows ordered by their text (code-point order, as Python sorts), ties in
        row order: distinct texts sorted by Arrow, repeated ones through their ranks."""
        if self.distinct is None or self.codes is None:
            return pc.sort_indices(self.array).to_numpy().astype(np.int64)
        ranks = pc.rank(self.distinct, tiebreaker="first").to_numpy().astype(np.int64) - 1
        keys = _small_codes(ranks[self.codes], len(self.distinct))
        return np.argsort(keys, kind="stable").astype(np.int64)

    def searched(self) -> SearchColumn:
        """Lower-cased once; repeated texts are searched once each."""
        if self.distinct is None:
            lowered, codes = pc.utf8_lower(self.array), None
        else:
            lowered, codes = pc.utf8_lower(self.distinct), self.codes
        ascii_only = pc.all(pc.string_is_ascii(lowered)).as_py() is not False
        return SearchColumn(lowered, codes, bool(ascii_only))


def text_order(values: pd.Series) -> np.ndarray:
    """Data rows of a text column in ascending order (see :meth:`TextColumn.order`)."""
    return TextColumn.of(values).order()


def coded(values: pd.Series) -> Coded:
    """Through Arrow's dictionary encoding, which lets go of the GIL (pandas' factorize
    of the same column holds it, and the window would stall meanwhile)."""
    encoded = pc.dictionary_encode(_arrow(values))
    distinct = encoded.dictionary.to_pylist()
    return Coded(_small_codes(encoded.indices.to_numpy(), len(distinct)), distinct)


def labels(vocabulary, lang: str) -> dict[str, str]:
    """value -> label of a :mod:`qiake_auditor.vocab` vocabulary in ``lang``."""
    return {member.value: member.label(lang) for member in vocabulary}


def _labelled(values: Coded, labels: dict[str, str]) -> CodedText:
    """Values shown as their labels, looked up once per distinct value."""
    return CodedText(values.codes, [labels.get(v, v) for v in values.values])


def grouped(text: str) -> str:
    """'1234567.50' -> '1,234,567.50' (a canonical decimal string; other text as it is)."""
    whole, dot, cents = text.partition(".")
    if not whole.isdigit():
        return text
    return f"{int(whole):,}{dot}{cents}"


def amounts_text(values: pd.Series, direction: Coded) -> CodedText:
    """Signed amounts with thousands separators, formatted once per distinct
    (direction, amount) pair."""
    amount = coded(values)
    pair = amount.codes.astype(np.int64) * len(direction.values) + direction.codes
    codes, uniques = pd.factorize(pair)
    shown = [
        _SIGN.get(direction.values[p % len(direction.values)], "")
        + grouped(amount.values[p // len(direction.values)])
        for p in uniques.tolist()
    ]
    return CodedText(_small_codes(codes, len(shown)), shown)


def prepare(frame: pd.DataFrame, lang: str = "zh") -> LedgerColumns:
    """Display texts and sort orders for a ledger frame (RangeIndex positions = data rows)."""
    frame = frame.reset_index(drop=True)
    direction = coded(frame["direction"])
    number = numbers(frame["amount"])
    raw = {c: coded(frame[c]) for c in ("state", "source", "currency")}
    raw["direction"] = direction
    texts = {
        c: TextColumn.of(frame[c])
        for c in dict.fromkeys(COLUMNS + SEARCHED)
        if c in frame and c not in ("amount", "source_row", "direction", "state")
    }
    display: list = []
    ascending: list[np.ndarray] = []
    for column in COLUMNS:
        if column == "amount":
            display.append(amounts_text(frame[column], direction))
            # A sort key only (never summed): canonical amounts have at most ~15
            # significant digits, so float64 keeps their order exactly.
            signed = np.where(direction.equals("expense"), -number, number)
            ascending.append(np.argsort(signed, kind="stable").astype(np.int64))
        elif column == "source_row":
            rows = frame[column].astype("int64").to_numpy()
            display.append(NumberText(rows))
            ascending.append(np.argsort(rows, kind="stable").astype(np.int64))
        elif column in ("direction", "state"):
            vocabulary = Direction if column == "direction" else RowState
            display.append(_labelled(raw[column], labels(vocabulary, lang)))
            ascending.append(TextColumn.of(frame[column]).order())
        else:
            display.append(ArrowText(texts[column].array))
            ascending.append(texts[column].order())
    searched = {
        c: (texts[c] if c in texts else TextColumn.of(frame[c])).searched()
        for c in SEARCHED
        if c in frame
    }
    return LedgerColumns(
        display,
        ascending,
        direction.equals("income"),
        list(searched.values()),
        texts["time"].array,
        number,
        raw,
        searched.get("merchant"),
        _span(texts["time"].array),
        np.arange(len(frame), dtype=np.int64),
    )


def _span(times: pa.Array) -> tuple[str, str]:
    if not len(times):
        return "", ""
    found = pc.min_max(times)
    return str(found["min"].as_py() or ""), str(found["max"].as_py() or "")
