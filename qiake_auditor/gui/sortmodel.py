"""A table model sorted in numpy: the model keeps a row permutation, not a proxy.

A ``QSortFilterProxyModel`` calls back into Python for every comparison (seconds
for 100k rows); here each column has a precomputed display array and either its
rows in ascending order, made by the worker, or a sort key argsorted on the first
click. Each column's ascending order is kept for the data's lifetime; descending is
the same order read backwards (no copy).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

_EMPTY = np.empty(0, dtype=object)


class SortedTableModel(QAbstractTableModel):
    """Columns of display strings with sort keys; subclasses fill them in ``_columns``."""

    HEADERS: tuple[str, ...] = ()  # marked with QT_TRANSLATE_NOOP(CONTEXT, ...)
    CONTEXT = "SortedTableModel"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._display: list[np.ndarray] = [_EMPTY for _ in self.HEADERS]
        self._keys: list[np.ndarray | None] = [_EMPTY for _ in self.HEADERS]
        self._order = np.arange(0, dtype=np.int64)
        self._sorted: tuple[int, Qt.SortOrder] | None = None
        self.data_generation = 0  # counts set_data calls: what a worker's order was made for
        self._mask: np.ndarray | None = None  # rows kept by the filter (None: all)
        self._ascending: dict[int, np.ndarray] = {}  # column -> its ascending permutation
        self._unsorted = np.arange(0, dtype=np.int64)  # every data row, in data order

    def _set_columns(
        self,
        display: list,
        keys: list[np.ndarray | None],
        ascending: list[np.ndarray] | None = None,
        unsorted: np.ndarray | None = None,
    ) -> None:
        """Replace all data (model reset); keeps the sort, drops the filter.

        ``ascending``: each column's data rows in ascending order, made beforehand
        (then ``keys`` may hold None); else a column's key is argsorted when first
        sorted on. ``unsorted``: ``arange`` of the rows, made beforehand too (a new
        8 MB array for a million rows cost the GUI thread 8-19 ms in page faults here).
        """
        self.beginResetModel()
        self.data_generation += 1
        self._display, self._keys = display, keys
        self._ascending = dict(enumerate(ascending)) if ascending is not None else {}
        rows = len(display[0]) if display else 0
        self._unsorted = np.arange(rows, dtype=np.int64) if unsorted is None else unsorted
        self._mask = None
        self._order = self._compute_order()
        self.endResetModel()

    def data_rows(self) -> int:
        """Rows of data, shown or filtered out."""
        return len(self._display[0]) if self._display else 0

    def set_filter(self, mask: np.ndarray | None, shown: FilteredOrder | None = None) -> None:
        """Show only data rows where ``mask`` is True (None shows all); the sort is kept.

        ``shown``: the rows in view order, worked out on a worker by
        :meth:`filtered_order` (a million-row fancy index is 10-20 ms); used only if the
        data and the sort are still the ones it was made for.
        """
        self.beginResetModel()
        self._mask = None if mask is None else np.asarray(mask, dtype=bool)
        still = shown is not None and shown.made_for == (self.data_generation, self._sorted)
        self._order = shown.order if still and shown is not None else self._compute_order()
        self.endResetModel()

    def filtered_order(self, mask: np.ndarray | None) -> FilteredOrder | None:
        """The rows ``mask`` keeps in the current sort's order, made on a worker; None
        when the sort's order is not made yet (argsorting is the GUI thread's job)."""
        sort = self._sorted
        made_for = (self.data_generation, sort)
        if sort is None:
            return FilteredOrder(made_for, _kept(self._unsorted, mask))
        ascending = self._ascending.get(sort[0])
        if ascending is None:
            return None
        descending = sort[1] == Qt.SortOrder.DescendingOrder
        return FilteredOrder(made_for, _kept(ascending[::-1] if descending else ascending, mask))

    def _compute_order(self) -> np.ndarray:
        rows = self.data_rows()
        if self._sorted is not None and rows:
            return _kept(self._permutation(*self._sorted), self._mask)
        return _kept(self._unsorted, self._mask)  # the same array each time: no new pages

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        """One Python call per painted cell instead of two (Qt's own checks the row and
        the column count through rowCount() and columnCount())."""
        inside = 0 <= row < len(self._order) and 0 <= column < len(self.HEADERS)
        if parent.isValid() or not inside:
            return QModelIndex()
        return self.createIndex(row, column)

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roleDataSpan) -> None:
        """Every role Qt asks of a painted cell (about ten) in one call into Python.

        Each call from Qt into Python takes the GIL; while a worker is busy, each such
        take waits for the worker to hand it over, so a table painted role by role
        froze the window for hundreds of milliseconds during an import.
        """
        for role_data in roleDataSpan:
            value = self.data(index, role_data.role())
            if value is None:
                role_data.clearData()  # Qt reuses the span from cell to cell
            else:
                role_data.setData(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.HEADERS):
                return None
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return str(section + 1)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[index.column()][self._order[index.row()]]
        return self.extra_data(int(self._order[index.row()]), index.column(), role)

    def extra_data(self, row: int, column: int, role: int):
        """Roles other than display, by source row; subclasses override."""
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.HEADERS) or self._sorted == (column, order):
            return  # QTableView asks twice for each click
        self._sorted = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self._order
        persistent = self.persistentIndexList()
        sources = [int(old[i.row()]) for i in persistent]
        self._order = self._compute_order()
        position = self._positions(set(sources))
        self.changePersistentIndexList(
            persistent,
            [self.index(position[s], i.column()) for s, i in zip(sources, persistent, strict=True)],
        )
        self.layoutChanged.emit()

    def _positions(self, sources: set[int]) -> dict[int, int]:
        """Where each of some data rows is shown now (-1 if absent): the current cell
        and the selection's few rows are looked up one by one, many at once."""
        if len(sources) <= 16:
            return {s: self.view_row(s) for s in sources}
        position = np.full(self.data_rows(), -1, dtype=np.int64)
        position[self._order] = np.arange(len(self._order))
        return {s: int(position[s]) for s in sources}

    def _permutation(self, column: int, order: Qt.SortOrder) -> np.ndarray:
        """The column's ascending order (argsorted once per data if not given), or
        that order read backwards."""
        permutation = self._ascending.get(column)
        if permutation is None:
            permutation = np.argsort(self._keys[column], kind="stable").astype(np.int64)
            self._ascending[column] = permutation
        if order == Qt.SortOrder.DescendingOrder:
            return permutation[::-1]
        return permutation

    # -- helpers ------------------------------------------------------------------------

    def source_row(self, view_row: int) -> int:
        """The data row shown at ``view_row``."""
        return int(self._order[view_row])

    def order(self) -> np.ndarray:
        """The data rows shown, in view order."""
        return self._order

    def view_row(self, source_row: int) -> int:
        """Where data row ``source_row`` is shown now (-1 if absent)."""
        hits = np.flatnonzero(self._order == source_row)
        return int(hits[0]) if len(hits) else -1


@dataclass(frozen=True)
class FilteredOrder:
    """Data rows in view order, and the (data generation, sort) they were made for."""

    made_for: tuple[int, tuple[int, Qt.SortOrder] | None]
    order: np.ndarray


def _kept(order: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    return order if mask is None else order[mask[order]]
