"""The ledger table (全部交易): every imported row, sortable in numpy."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from . import ledger_fields
from .sortmodel import SortedTableModel

if TYPE_CHECKING:  # the columns are prepared with pandas and Arrow, loaded with the data
    import pandas as pd

    from .ledger_columns import LedgerColumns

__all__ = ["LedgerModel"]


class LedgerModel(SortedTableModel):
    """Ledger rows; the amount column shows the signed amount and sorts numerically."""

    COLUMNS = ledger_fields.COLUMNS
    CONTEXT = "LedgerModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("LedgerModel", "时间"),
        QT_TRANSLATE_NOOP("LedgerModel", "金额"),
        QT_TRANSLATE_NOOP("LedgerModel", "币种"),
        QT_TRANSLATE_NOOP("LedgerModel", "收/支"),
        QT_TRANSLATE_NOOP("LedgerModel", "状态"),
        QT_TRANSLATE_NOOP("LedgerModel", "商户"),
        QT_TRANSLATE_NOOP("LedgerModel", "交易对方"),
        QT_TRANSLATE_NOOP("LedgerModel", "商品说明"),
        QT_TRANSLATE_NOOP("LedgerModel", "支付方式"),
        QT_TRANSLATE_NOOP("LedgerModel", "来源文件"),
        QT_TRANSLATE_NOOP("LedgerModel", "行号"),
        QT_TRANSLATE_NOOP("LedgerModel", "交易号"),
    )
    AMOUNT = COLUMNS.index("amount")

    def __init__(self, frame: pd.DataFrame | None = None, parent=None) -> None:
        super().__init__(parent)
        self._income = np.zeros(0, dtype=bool)
        self._frame: pd.DataFrame | None = None  # none yet: the empty table needs no pandas
        self.prepared: LedgerColumns | None = None
        self._set_columns(
            [np.empty(0, dtype=object) for _ in self.COLUMNS], [None] * len(self.COLUMNS)
        )
        if frame is not None:
            self.set_frame(frame)

    @property
    def frame(self) -> pd.DataFrame:
        """The ledger shown (an empty one before the first)."""
        if self._frame is None:
            import pandas as pd

            empty = pd.DataFrame({c: pd.Series(dtype="str") for c in self.COLUMNS})
            empty["source_row"] = empty["source_row"].astype("int64")
            self._frame = empty
        return self._frame

    def set_frame(self, frame: pd.DataFrame, prepared: LedgerColumns | None = None) -> None:
        """Show a ledger frame; ``prepared`` (from a worker) skips the column computation."""
        from . import ledger_columns

        self._frame = frame.reset_index(drop=True)
        prepared = prepared or ledger_columns.prepare(self._frame)
        self.prepared = prepared
        self._income = prepared.income
        self._set_columns(
            prepared.display,
            [None] * len(prepared.display),
            prepared.ascending,
            prepared.unsorted,
        )

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        # Qt asks for about ten roles per painted cell: the three used here are
        # answered without a further call, every other role at once.
        if role == Qt.ItemDataRole.DisplayRole:
            if not index.isValid():
                return None
            return self._display[index.column()][self._order[index.row()]]
        if index.column() != self.AMOUNT or not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self._income[self._order[index.row()]]:
            return _INCOME
        return None

    def multiData(self, index, roleDataSpan) -> None:
        """Every role Qt asks of a painted cell, answered in this one call (no call of
        :meth:`data` per role): a picture of the table, taken as a task starts, paints
        some 300 cells at once on the GUI thread."""
        if not index.isValid():
            for role_data in roleDataSpan:
                role_data.clearData()
            return
        row, column = self._order[index.row()], index.column()
        amount = column == self.AMOUNT
        for role_data in roleDataSpan:
            role = role_data.role()
            if role == _DISPLAY:
                role_data.setData(self._display[column][row])
            elif amount and role == _ALIGNMENT:
                role_data.setData(_RIGHT)
            elif amount and role == _FOREGROUND and self._income[row]:
                role_data.setData(_INCOME)
            else:
                role_data.clearData()  # Qt reuses the span from cell to cell

    def row_texts(self, view_rows: list[int]) -> list[list[str]]:
        """The shown texts of some view rows (for copying)."""
        rows = [self.source_row(r) for r in view_rows]
        return [[str(column[r]) for column in self._display] for r in rows]


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_INCOME = QColor("#1a7f37")
