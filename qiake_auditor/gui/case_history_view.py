"""Three small tables of the case detail: price history, failed/retried attempts, refunds.

The rows come from the app layer (:mod:`qiake_auditor.app.case_history` and the case's
refunds); each names its file and row so the user can find it in the statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from ..app.case_history import attempts, price_history
from ..money import format_amount
from ..vocab import Role, RowState
from . import lang
from .header_columns import HeaderColumns
from .tables import fit_columns, set_row_height

if TYPE_CHECKING:
    from ..app import Case

RISE = "#a4161a"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WIDEST = 300  # pixels: a longer text (a file name) is elided


def _fill(table: QTableWidget, rows: list[list[str]], right: tuple[int, ...] = ()) -> None:
    """The rows, then the columns fitted to them (but those the user sized)."""
    table.setRowCount(len(rows))
    for index, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column in right:
                item.setTextAlignment(RIGHT)
            table.setItem(index, column, item)
    fit_columns(table, WIDEST)


class PriceTable(QTableWidget):
    """Each stream's price steps: since when, the amount, how many charges, the change."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        headers = [
            self.tr("商户"),
            self.tr("起始日期"),
            self.tr("金额"),
            self.tr("次数"),
            self.tr("变化"),
        ]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        _style(self, "prices", ("merchant", "since", "amount", "charges", "change"))

    def show_case(self, case: Case | None) -> int:
        steps = price_history(case) if case is not None else []
        rows = []
        for step in steps:
            change = ""
            if step.change:
                sign = "+" if step.change > 0 else "−"
                change = f"{sign}{format_amount(abs(step.change), step.currency)}"
            rows.append(
                [
                    step.merchant,
                    step.since.isoformat(),
                    format_amount(step.amount, step.currency),
                    f"{step.charges:,}",
                    change,
                ]
            )
        _fill(self, rows, right=(2, 3, 4))
        for index, step in enumerate(steps):
            if step.change and step.change > 0:
                self.item(index, 4).setForeground(QBrush(QColor(RISE)))
        return sum(1 for step in steps if step.change)


class AttemptsTable(QTableWidget):
    """Failed attempts, retried later or not, with their file and row."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        headers = [
            self.tr("日期"),
            self.tr("商户"),
            self.tr("金额"),
            self.tr("结果"),
            self.tr("来源文件"),
            self.tr("行号"),
        ]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        _style(self, "attempts", ("date", "merchant", "amount", "result", "source", "source_row"))

    def show_case(self, case: Case | None) -> int:
        found = attempts(case) if case is not None else []
        language = lang.lang()
        rows = [
            [
                a.date.isoformat(),
                a.merchant,
                format_amount(a.amount, a.currency),
                self.tr("失败，之后重试成功")
                if a.role == Role.RETRY
                else self.tr("失败，没有重试成功"),
                a.source,
                str(a.source_row),
            ]
            for a in found
        ]
        _fill(self, rows, right=(2, 5))
        for index, a in enumerate(found):
            self.item(index, 3).setToolTip(RowState.label_of(a.state, language))
        return len(found)


class RefundsTable(QTableWidget):
    """The case's refunds with their file and row."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        headers = [
            self.tr("日期"),
            self.tr("金额"),
            self.tr("说明"),
            self.tr("来源文件"),
            self.tr("行号"),
        ]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        _style(self, "refunds", ("date", "amount", "description", "source", "source_row"))

    def show_case(self, case: Case | None) -> int:
        refunds = case.refunds if case is not None else []
        rows = [
            [
                r.date.isoformat(),
                format_amount(r.amount, r.currency),
                r.description or r.counterparty,
                r.source,
                str(r.source_row),
            ]
            for r in refunds
        ]
        _fill(self, rows, right=(1, 4))
        return len(refunds)


def _style(table: QTableWidget, name: str, fields: tuple[str, ...]) -> None:
    """Read-only rows as high as every table's; the header keeps what the user chose
    (widths, columns, order) as ``name`` with the window layout, by the columns' ``fields``."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    set_row_height(table)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    HeaderColumns(header, name, fields).changed.connect(lambda: fit_columns(table, WIDEST))
