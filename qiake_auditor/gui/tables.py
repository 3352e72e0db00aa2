"""Shared table-view setup for the numpy-sorted models."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def make_table(model, parent: QWidget | None = None, multi: bool = False) -> QTableView:
    """A read-only, row-selecting, sortable view (sorting happens inside the model)."""
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
    return view


def fit_columns(view: QTableView, widest: int) -> None:
    """Columns as wide as their content (first rows), capped at ``widest`` pixels."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        header.resizeSection(column, min(header.sectionSize(column) + 16, widest))
