"""The ledger table (全部交易): every imported row, sortable in numpy."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from ..money import minor_units
from .sortmodel import SortedTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("LedgerModel", text)


DIRECTION_LABELS = {"expense": "支出", "income": "收入", "neutral": "不计收支"}
STATE_LABELS = {"success": "成功", "closed": "已关闭", "failed": "失败", "pending": "处理中",
                "refund": "退款", "refunded": "已退款", "partially_refunded": "部分退款"}
_SIGN = {"expense": "-", "income": "+", "neutral": ""}


def text_key(values: pd.Series) -> np.ndarray:
    """Integer ranks of text values: argsort on them is fast and needs little memory."""
    codes, _uniques = pd.factorize(values.astype("str"), sort=True)
    return codes.astype(np.int64)


class LedgerModel(SortedTableModel):
    """Ledger rows; the amount column shows the signed amount and sorts numerically."""

    COLUMNS = ("time", "amount", "currency", "direction", "state", "merchant", "counterparty",
               "description", "method", "source", "source_row", "txn_id")
    HEADERS = ("时间", "金额", "币种", "收/支", "状态", "商户", "交易对方", "商品说明",
               "支付方式", "来源文件", "行号", "交易号")
    AMOUNT = COLUMNS.index("amount")

    def __init__(self, frame: pd.DataFrame | None = None, parent=None) -> None:
        super().__init__(parent)
        self._direction = np.empty(0, dtype=object)
        self.frame = frame if frame is not None else pd.DataFrame(columns=list(self.COLUMNS))
        self.set_frame(self.frame)

    def set_frame(self, frame: pd.DataFrame) -> None:
        """Show a new ledger frame (columns are precomputed here, once)."""
        self.frame = frame.reset_index(drop=True)
        display, keys = [], []
        direction = self.frame["direction"].astype("str")
        units = minor_units(self.frame["amount"].astype("str")) if len(self.frame) else \
            np.empty(0, dtype=np.int64)
        signed = np.where(direction.to_numpy() == "expense", -units, units)
        for column in self.COLUMNS:
            values = self.frame[column]
            if column == "amount":
                sign = direction.map(_SIGN).fillna("")
                display.append((sign + values.astype("str")).to_numpy(dtype=object))
                keys.append(signed.astype(np.int64))
            elif column == "source_row":
                display.append(values.astype("str").to_numpy(dtype=object))
                keys.append(values.astype("int64").to_numpy())
            elif column == "direction":
                display.append(values.map(DIRECTION_LABELS).fillna(values).to_numpy(dtype=object))
                keys.append(text_key(values))
            elif column == "state":
                display.append(values.map(STATE_LABELS).fillna(values).to_numpy(dtype=object))
                keys.append(text_key(values))
            else:
                display.append(values.astype("str").to_numpy(dtype=object))
                keys.append(text_key(values))
        self._direction = direction.to_numpy(dtype=object)
        self._set_columns(display, keys)

    def extra_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.AMOUNT \
                and self._direction[row] == "income":
            return QColor("#1a7f37")
        return None
