"""Shared table-view setup for the numpy-sorted models, and fitting a table's columns to
their texts."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QStyle, QTableView, QWidget

from .header_columns import HeaderColumns, columns_of

ROOM = 10  # pixels beside a column's widest text or title, so it does not touch the grid
ROW_HEIGHT = 24  # pixels of a row, the same in every table of the window


def set_row_height(view: QTableView) -> None:
    """Rows :data:`ROW_HEIGHT` high (Qt's own default follows the style and font: 30 px
    offscreen, taller than the ledger's rows beside them)."""
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)


def make_table(
    model, parent: QWidget | None = None, multi: bool = False, name: str = ""
) -> QTableView:
    """A read-only, row-selecting, sortable view (sorting happens inside the model), whose
    header's context menu shows and hides columns and whose sections can be moved
    (:class:`.HeaderColumns`; ``name`` keeps the user's widths, columns and order with
    the window layout)."""
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
    set_row_height(view)
    header = view.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSortIndicatorShown(True)
    header.setStretchLastSection(True)
    view.setSortingEnabled(True)
    # Measure widths on the first rows only: each measured cell is a call into Python.
    header.setResizeContentsPrecision(60)
    HeaderColumns(header, name)
    return view


def user_columns(view: QTableView) -> HeaderColumns:
    """The column choices of a table made by :func:`make_table`."""
    columns = columns_of(view.horizontalHeader())
    if columns is None:
        raise LookupError("the table was not made by make_table")
    return columns


def fit_columns(
    view: QTableView,
    widest: int | Mapping[int, int],
    texts: Mapping[int, Iterable[str]] | None = None,
) -> None:
    """Columns as wide as their texts and their title, capped at ``widest`` pixels (one
    for all, or column -> pixels); the columns whose width the user set (:class:`.HeaderColumns`)
    and hidden ones are left as they are.

    ``texts`` gives each column's texts to measure (a table's longest, found on a
    worker); without it, the texts of the first rows are read from the model (the
    header's resize-contents precision of them: never every row) and measured once
    each: Qt's own fitting measures every cell through a separate call into Python per
    role.
    """
    header, model = view.horizontalHeader(), view.model()
    user = columns_of(header)
    keep = user.widths if user is not None else {}
    columns = [c for c in range(header.count()) if c not in keep and not header.isSectionHidden(c)]
    if texts is None:
        rows = min(model.rowCount(), header.resizeContentsPrecision())
        texts = {c: {model.data(model.index(r, c)) for r in range(rows)} for c in columns}
    metrics = view.fontMetrics()
    focus = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
    padding = 2 * (focus + 1) + 1 + ROOM  # Qt's text margins, the grid line, some room
    with user.applying() if user is not None else contextlib.nullcontext():
        for column in columns:
            shown = (metrics.horizontalAdvance(str(t)) for t in texts.get(column, ()) if t)
            title = header.sectionSizeHint(column) + ROOM  # its margins, the sort arrow
            width = max(max(shown, default=0) + padding, title)
            cap = widest if isinstance(widest, int) else widest.get(column, width)
            header.resizeSection(column, min(width, cap))
