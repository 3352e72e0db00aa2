"""The lower half of the 订阅与周期扣费 tab: why a stream was found, its charges, its chart.

Each charge names its source file and row; double-clicking one asks the window
to show that row in the ledger (``charge_activated``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .chart_view import ChartView
from .ledger_columns import STATE_LABELS
from .streams_model import ALERT, FLAG_LABELS, flags_text, label

ALERT_BACKGROUND = "#fde2e1"
ALERT_TEXT = "#a4161a"


class StreamDetail(QWidget):
    """Explanation text and member charges on the left, the stream's chart on the right."""

    charge_activated = Signal(str, int)  # source, source_row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.charges = QTableWidget(0, 6, self)
        self.charges.setHorizontalHeaderLabels(
            [self.tr("日期"), self.tr("金额"), self.tr("状态"), self.tr("来源文件"),
             self.tr("行号"), self.tr("提示")])
        self.charges.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.charges.setWordWrap(False)
        self.charges.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.charges.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.charges.verticalHeader().setVisible(False)
        self.charges.setAlternatingRowColors(True)
        self.charges.setToolTip(self.tr("双击一笔扣款，在“全部交易”中查看原始记录"))
        self.charges.cellDoubleClicked.connect(self._activated)
        self.chart = ChartView(self)
        self._charges: list[dict] = []

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.text)
        left.addWidget(self.charges)
        left.setSizes([150, 220])
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.chart)
        split.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def show_nothing(self, message: str, scan: dict | None) -> None:
        self._charges = []
        self.charges.setRowCount(0)
        self.text.setHtml(f"<p>{escape(message)}</p>")
        self.chart.show_overview(scan)

    def show_stream(self, stream: dict, cancelled: str | None) -> None:
        self.text.setHtml(self._html(stream, cancelled))
        self._fill_charges(stream)
        self.chart.show_stream(stream, cancelled)

    def _html(self, stream: dict, cancelled: str | None) -> str:
        flags = stream.get("flags") or []
        parts = [f"<h3 style='margin:2px'>{escape(str(stream.get('merchant', '')))}</h3>"]
        names = [n for n in stream.get("names") or [] if n != stream.get("merchant")]
        if names:
            parts.append(f"<p style='color:#666'>{self.tr('账单上也写作')}："
                         f"{escape('、'.join(map(str, names)))}</p>")
        if ALERT in flags:
            parts.append(f"<p style='color:{ALERT_TEXT}'><b>{self.tr('取消后仍在扣款！')}</b> "
                         f"{self.tr('你记录的取消日期是')} {escape(str(cancelled or '?'))}。</p>")
        elif cancelled:
            parts.append(f"<p>{self.tr('已记录取消日期')}：{escape(cancelled)}</p>")
        other = [label(FLAG_LABELS, f) for f in flags if f != ALERT]
        if other:
            parts.append(f"<p><b>{self.tr('提示')}：</b>{escape('、'.join(other))}</p>")
        explanation = escape(str(stream.get("explanation") or "")).replace("\n", "<br>")
        if explanation:
            parts.append(f"<p>{explanation}</p>")
        return "".join(parts)

    def _fill_charges(self, stream: dict) -> None:
        self._charges = list(stream.get("charges") or [])
        self.charges.setRowCount(len(self._charges))
        background, foreground = QBrush(QColor(ALERT_BACKGROUND)), QBrush(QColor(ALERT_TEXT))
        for row, charge in enumerate(self._charges):
            flags = charge.get("flags") or []
            cause = charge.get("cause_reason") or charge.get("cause")
            note = "；".join(part for part in (flags_text(flags), cause) if part)
            cells = [str(charge.get("date", "")), str(charge.get("amount", "")),
                     label(STATE_LABELS, charge.get("state")), str(charge.get("source", "")),
                     str(charge.get("source_row", "")), note]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column in (1, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if ALERT in flags:
                    item.setBackground(background)
                    item.setForeground(foreground)
                self.charges.setItem(row, column, item)
        self.charges.resizeColumnsToContents()
        header = self.charges.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, min(header.sectionSize(3), 170))
        header.setStretchLastSection(True)

    def _activated(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._charges):
            charge = self._charges[row]
            self.charge_activated.emit(str(charge.get("source", "")),
                                       int(charge.get("source_row") or 0))
