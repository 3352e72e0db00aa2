"""The 每月总览 tab: monthly deductions stacked by case, and the charges expected next.

Streams that are still charging (cancelled ones too: a charge after cancellation
is exactly what to watch for) are listed by their next expected date, with the
date to cancel by when the detector knows it.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
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
from ..vocab import Flag, StreamStatus, StreamType
from . import lang
from .cases_view import next_charge
from .chart_view import ChartView

ALERT = Flag.AFTER_CANCELLATION


def upcoming_charges(scan: dict | None, within_days: int = 45) -> list[dict]:
    """Streams whose next charge falls within ``within_days`` of the scan's as-of date.

    Income streams and cancelled streams are left out; rows sorted by date, then merchant.
    """
    if not scan or not scan.get("as_of"):
        return []
    as_of = date.fromisoformat(str(scan["as_of"])[:10])
    until = as_of + timedelta(days=within_days)
    found = []
    for stream in scan.get("streams") or []:
        expected = next_charge(stream, as_of.isoformat())
        if (
            expected == "—"
            or stream.get("type") == StreamType.INCOME
            or stream.get("direction") == "income"
        ):
            continue
        when = date.fromisoformat(str(expected)[:10])
        if when <= until:
            found.append(
                {
                    "date": when.isoformat(),
                    "merchant": stream.get("merchant", ""),
                    "currency": stream.get("currency") or "",
                    "amount": stream.get("amount", ""),
                    "status": stream.get("status", ""),
                    "cancel_by": stream.get("cancel_by") or "",
                    "alert": ALERT in (stream.get("flags") or []),
                }
            )
    return sorted(found, key=lambda row: (row["date"], str(row["merchant"])))


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
        self.upcoming.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
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
        self.caption.setText(
            self.tr("{0} 之后 {1} 天内预计的扣款：{2} 笔").format(
                as_of, self.WITHIN_DAYS, len(rows)
            )
        )
        self.upcoming.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = [
                row["date"],
                str(row["merchant"]),
                format_amount(row["amount"] or 0, row["currency"] or "CNY"),
                StreamStatus.label_of(row["status"], lang.lang()),
                row["cancel_by"] or "—",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if row["alert"]:
                    item.setForeground(QBrush(QColor("#a4161a")))
                self.upcoming.setItem(index, column, item)
        for column in (0, 2, 3, 4):
            self.upcoming.resizeColumnToContents(column)
