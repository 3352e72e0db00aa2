"""Shared table-view setup for the numpy-sorted models."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from .header_columns import HeaderColumns


def make_table(
    model, parent: QWidget | None = None, multi: bool = False, name: str = ""
) -> QTableView:
    """A read-only, row-selecting, sortable view (sorting happens inside the model), whose
    header's context menu shows and hides columns (:class:`.HeaderColumns`; ``name``
    keeps the user's widths and columns with the window layout)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSortIndicatorShown(True)
    header.setStretchLastSection(True)
    view.setSortingEnabled(True)
    # Measure widths on the first rows only: each measured cell is a call into Python.
    header.setResizeContentsPrecision(60)
    HeaderColumns(header, name)
    return view


def fit_columns(view: QTableView, widest: int, keep: Collection[int] = ()) -> None:
    """Columns as wide as their content (first rows), capped at ``widest`` pixels; the
    columns of ``keep`` (widths the user set) and hidden ones are left as they are.

    The texts are read from the model here and measured once each: Qt's own fitting
    measures every cell through a separate call into Python per role.
    """
    header, model = view.horizontalHeader(), view.model()
    cells, heads = view.fontMetrics(), header.fontMetrics()
    rows = min(model.rowCount(), header.resizeContentsPrecision())
    for column in range(header.count()):
        if column in keep or header.isSectionHidden(column):
            continue
        texts = {model.data(model.index(row, column)) for row in range(rows)}
        content = max((cells.horizontalAdvance(str(t)) for t in texts if t), default=0)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(content + 12, heads.horizontalAdvance(title) + 24)
        header.resizeSection(column, min(width + 16, widest))
