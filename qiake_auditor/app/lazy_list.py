"""A read-only list whose items are made the first time they are asked for.

A case of a large bill can have 100,000 charges. The case list needs their number,
totals and flags, which the builder works out from the ledger's columns; making the
Charge objects as well took a second before the window could show anything. Here
each item is made when a table, a chart or a document first reads it, once: later
reads get the same object, from any thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar, overload

T = TypeVar("T")


class LazyList(Sequence[T], Generic[T]):
    """``count`` items, item ``k`` made by ``make(k)`` on first access."""

    def __init__(self, count: int, make: Callable[[int], T]) -> None:
        self._made: list[T | None] = [None] * count
        self._make = make
        self._lock = threading.Lock()  # the preparing thread and a table worker may both read

    def __len__(self) -> int:
        return len(self._made)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._item(k) for k in range(*index.indices(len(self._made)))]
        if not -len(self._made) <= index < len(self._made):
            raise IndexError("LazyList index out of range")
        return self._item(index % len(self._made))

    def __iter__(self) -> Iterator[T]:
        for k in range(len(self._made)):
            yield self._item(k)

    def _item(self, k: int) -> T:
        made = self._made[k]
        if made is None:
            with self._lock:
                made = self._made[k]
                if made is None:
                    made = self._made[k] = self._make(k)
        return made

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # like a list: unhashable

    @property
    def made(self) -> int:
        """How many items were made so far."""
        return sum(item is not None for item in self._made)

    def __repr__(self) -> str:
        return f"LazyList({len(self._made)} items, {self.made} made)"

    def hand_over(self) -> list[T | None]:
        """The items made so far, for freeing a slice at a time (see ``gui.release``);
        nothing may read this list afterwards."""
        made, self._made = self._made, []
        return made
