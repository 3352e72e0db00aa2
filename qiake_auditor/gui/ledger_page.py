"""The 全部交易 tab: a search field over the ledger table.

The search is a vectorised substring test over the text columns, run after a
short pause in typing, so a million rows stay responsive.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from .ledger_model import LedgerModel
from .tables import fit_columns, make_table

SEARCHED = ("merchant", "counterparty", "description", "method", "txn_id",
            "merchant_order_id", "source", "amount", "time")


def search_mask(frame: pd.DataFrame, text: str) -> np.ndarray | None:
    """Rows where any searched column contains ``text`` (case-insensitive); None for no text."""
    text = text.strip()
    if not text:
        return None
    mask = np.zeros(len(frame), dtype=bool)
    for column in SEARCHED:
        if column in frame:
            found = frame[column].astype("str").str.contains(text, case=False, regex=False)
            mask |= found.fillna(False).to_numpy(dtype=bool)
    return mask


class LedgerPage(QWidget):
    """Search field, match count and the ledger table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LedgerModel(parent=self)
        self.view = make_table(self.model, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索商户、说明、交易号、金额…"))
        self.search.setClearButtonEnabled(True)
        self.matches = QLabel(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.matches)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def set_frame(self, frame: pd.DataFrame, prepared=None) -> None:
        self.model.set_frame(frame, prepared)
        fit_columns(self.view, 280)
        self.apply_search()

    def apply_search(self) -> None:
        self._timer.stop()
        mask = search_mask(self.model.frame, self.search.text())
        self.model.set_filter(mask)
        total = self.model.data_rows()
        shown = self.model.rowCount()
        self.matches.setText(self.tr("{0} / {1} 笔").format(shown, total) if mask is not None
                             else self.tr("共 {0} 笔").format(total))

    def show_row(self, source: str, source_row: int) -> bool:
        """Select the ledger row read from ``source`` at ``source_row`` (clears the search)."""
        frame = self.model.frame
        hits = np.flatnonzero((frame["source"].to_numpy() == source)
                              & (frame["source_row"].to_numpy() == source_row))
        if not len(hits):
            return False
        if self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.apply_search()
        row = self.model.view_row(int(hits[0]))
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index, self.view.ScrollHint.PositionAtCenter)
        return True



