"""The 每月总览 tab: monthly deductions stacked by case, and the charges expected next.

Streams whose scheduled day passed without a charge (逾期未出现, overdue) come first,
with the day they were due, as the cases view shows them; then the streams still
charging, by their next expected date, with the date to cancel by when the detector
knows it. A cancelled stream expects nothing and is not listed.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..money import format_amount
from ..vocab import NOT_CHARGES, Flag, StreamStatus
from . import lang
from .cases_view import due_charge, next_charge
from .chart_view import ChartView
from .header_columns import HeaderColumns
from .tables import fit_columns, set_row_height

translate = QCoreApplication.translate
ALERT = Flag.AFTER_CANCELLATION
ALERT_TEXT = "#a4161a"
OVERDUE_TEXT = "#8a4b00"  # dark amber: late, not yet a charge to dispute


def upcoming_charges(scan: dict | None, within_days: int = 45) -> list[dict]:
    """Overdue streams (a scheduled day passed without a charge: ``overdue`` true, ``date``
    the day it was due), then streams whose next charge falls within ``within_days`` of
    the scan's as-of date. Income, transfers and cancelled streams are left out; each part
    sorted by date, then merchant.
    """
    if not scan or not scan.get("as_of"):
        return []
    as_of = date.fromisoformat(str(scan["as_of"])[:10])
    until = as_of + timedelta(days=within_days)
    found = []
    for stream in scan.get("streams") or []:
        if stream.get("type") in NOT_CHARGES or stream.get("direction") == "income":
            continue  # income, and transfers the user makes (rent to a person): no charge
        due = due_charge(stream)  # '' for a cancelled stream
        expected = next_charge(stream, as_of.isoformat())  # '—' for a cancelled stream
        if due:
            when, overdue = date.fromisoformat(due), True
        elif expected != "—":
            when, overdue = date.fromisoformat(str(expected)[:10]), False
        else:
            continue
        if overdue or when <= until:
            found.append(
                {
                    "date": when.isoformat(),
                    "overdue": overdue,
                    "merchant": stream.get("merchant", ""),
                    "currency": stream.get("currency") or "",
                    "amount": stream.get("amount", ""),
                    "status": stream.get("status", ""),
                    "cancel_by": "" if overdue else stream.get("cancel_by") or "",
                    "alert": ALERT in (stream.get("flags") or []),
                }
            )
    return sorted(found, key=lambda row: (not row["overdue"], row["date"], str(row["merchant"])))


# The upcoming table's columns by name, which the kept layout of its header goes by.
UPCOMING = ("date", "merchant", "amount", "status", "cancel_by")


class OverviewPage(QWidget):
    """The overview chart above a table of upcoming charges."""

    WITHIN_DAYS = 45

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = ChartView(self)
        self.caption = QLabel(self)
        self.upcoming = QTableWidget(0, 5, self)
        self.upcoming.setHorizontalHeaderLabels(
            [
                self.tr("预计扣款日"),
                self.tr("商户"),
                self.tr("金额"),
                self.tr("状态"),
                self.tr("最晚取消日"),
            ]
        )
        self.upcoming.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.upcoming.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.upcoming.verticalHeader().setVisible(False)
        set_row_height(self.upcoming)
        self.upcoming.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The widths the user set, the columns they showed or hid (header menu), their order.
        self.columns = HeaderColumns(self.upcoming.horizontalHeader(), "upcoming", UPCOMING)
        self.columns.changed.connect(self._fit_columns)
        lower = QWidget(self)
        box = QVBoxLayout(lower)
        box.setContentsMargins(4, 4, 4, 0)
        box.addWidget(self.caption)
        box.addWidget(self.upcoming)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.chart)
        split.addWidget(lower)
        split.setSizes([520, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    @property
    def figure(self):
        return self.chart.figure

    def show_scan(self, snapshot) -> None:
        scan = None
        if snapshot is not None and snapshot.as_of is not None:
            scan = {"as_of": snapshot.as_of.isoformat(), "streams": snapshot.streams}
        self.chart.show_cases(snapshot.cases if snapshot is not None else [])
        rows = upcoming_charges(scan, self.WITHIN_DAYS)
        as_of = (scan or {}).get("as_of") or "—"
        overdue = sum(1 for row in rows if row["overdue"])
        caption = self.tr("{0} 之后 {1} 天内预计的扣款：{2} 笔").format(
            as_of, self.WITHIN_DAYS, len(rows) - overdue
        )
        if overdue:
            caption += self.tr("；另有 {0} 笔{1}，列在最前").format(
                overdue, StreamStatus.OVERDUE.label(lang.lang())
            )
        self.caption.setText(caption)
        self.upcoming.setRowCount(len(rows))
        bold = QFont(self.upcoming.font())
        bold.setBold(True)
        for index, row in enumerate(rows):
            day = row["date"]
            cells = [
                # the cases view's words for a day that passed without the charge
                translate("CasesView", "应于 {0}").format(day) if row["overdue"] else day,
                str(row["merchant"]),
                format_amount(row["amount"] or 0, row["currency"] or "CNY"),
                StreamStatus.label_of(row["status"], lang.lang()),
                row["cancel_by"] or "—",
            ]
            late = translate("CasesView", "本应于 {0} 扣款，至 {1} 仍未出现").format(day, as_of)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if row["alert"]:
                    item.setForeground(QBrush(QColor(ALERT_TEXT)))
                elif row["overdue"]:
                    item.setForeground(QBrush(QColor(OVERDUE_TEXT)))
                if row["overdue"]:
                    item.setToolTip(late)
                    if column in (0, 3):
                        item.setFont(bold)
                self.upcoming.setItem(index, column, item)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The short columns as wide as their content (the merchant takes the rest), but
        those the user set or hid."""
        fit_columns(self.upcoming, 300)
