"""Two widgets of the case detail: the member charges' model and the droppable case log."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QWidget

from ..app.charge_table import ChargeFields
from .charge_columns import ChargeColumns, charge_columns
from .sortmodel import SortedTableModel

ALERT_BACKGROUND = "#fde2e1"
ALERT_TEXT = "#a4161a"
ALERT_BRUSHES = (QBrush(QColor(ALERT_BACKGROUND)), QBrush(QColor(ALERT_TEXT)))


class ChargesModel(SortedTableModel):
    """The member charges of a case; charges after the cancellation in red."""

    CONTEXT = "ChargesModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ChargesModel", "日期"),
        QT_TRANSLATE_NOOP("ChargesModel", "金额"),
        QT_TRANSLATE_NOOP("ChargesModel", "状态"),
        QT_TRANSLATE_NOOP("ChargesModel", "提示"),
        QT_TRANSLATE_NOOP("ChargesModel", "原因"),
        QT_TRANSLATE_NOOP("ChargesModel", "来源文件"),
        QT_TRANSLATE_NOOP("ChargesModel", "行号"),
    )
    # Each column's name, which the kept layout of the table's header goes by.
    COLUMNS = ("date", "amount", "state", "flags", "cause", "source", "source_row")
    RIGHT = (1, 6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._after = np.zeros(0, dtype=bool)

    def set_charges(
        self, charges: list, language: str, prepared: ChargeColumns | None = None
    ) -> None:
        prepared = prepared or charge_columns(ChargeFields.of(charges), language)
        self._after = prepared.after
        self._set_columns(prepared.display, prepared.keys)

    def extra_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if self._after[row] and role == Qt.ItemDataRole.BackgroundRole:
            return ALERT_BRUSHES[0]
        if self._after[row] and role == Qt.ItemDataRole.ForegroundRole:
            return ALERT_BRUSHES[1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(self._display[column][row])
        return None


class LogList(QListWidget):
    """The case log; files dropped on it become the attachments of a new entry."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setWordWrap(True)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [p for p in paths if p.is_file()]
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            event.ignore()
