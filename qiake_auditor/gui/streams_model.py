"""The streams table (订阅与周期扣费): one row per detected recurring stream.

Streams flagged ``after_cancellation`` (charged after the user cancelled) are shown
in bold dark red on a pale red background, so they stand out in the list.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from .sortmodel import SortedTableModel

TYPE_LABELS = {"subscription": "订阅", "installment": "分期", "instalment": "分期",
               "utility": "水电燃气", "telecom": "话费宽带", "saas": "软件服务",
               "transfer": "转账", "bill": "账单", "salary": "工资", "income": "收入",
               "recurring": "周期扣费", "membership": "会员", "trial": "试用转付费"}
CADENCE_LABELS = {"daily": "每天", "weekly": "每周", "biweekly": "每两周", "monthly": "每月",
                  "bimonthly": "每两月", "semimonthly": "每半月", "quarterly": "每季度",
                  "semiannual": "每半年",
                  "yearly": "每年", "annual": "每年", "irregular": "不规则"}
STATUS_LABELS = {"active": "进行中", "ended": "已停止", "inactive": "已停止",
                 "stopped": "已停止", "cancelled": "已取消", "late": "逾期未扣",
                 "overdue": "逾期未扣", "new": "新出现", "dismissed": "已忽略"}
FLAG_LABELS = {"after_cancellation": "取消后扣款", "price_increase": "涨价",
               "price_change": "价格变动", "new_subscription": "新订阅", "new": "新订阅",
               "duplicate": "重复扣款", "duplicate_charge": "重复扣款",
               "trial_conversion": "试用转付费", "free_trial": "试用转付费",
               "upcoming": "即将扣款", "renewal_notice": "即将续费", "missed": "漏扣",
               "watched": "关注", "watch": "关注", "watchlist": "关注",
               "amount_change": "金额变动", "unusual_amount": "金额异常",
               "new_merchant": "新商户", "arrears_recovery": "补扣欠费",
               "refund_partial": "部分退款", "usage_settlement": "按量结算",
               "organisation_purchase": "单位支付", "new_purchase_or_upgrade": "新购或升级",
               "refunded": "有退款", "failed_retry": "失败重试"}
ALERT = "after_cancellation"


def label(table: dict[str, str], value: object) -> str:
    text = "" if value is None else str(value)
    return table.get(text, text)


def flags_text(flags: list[str] | None) -> str:
    return "、".join(label(FLAG_LABELS, f) for f in flags or [])


def _cents(value: object) -> int:
    try:
        return int(Decimal(str(value)) * 100)
    except (InvalidOperation, ValueError):
        return 0


class StreamsModel(SortedTableModel):
    """Rows of the scan's ``streams`` list."""

    HEADERS = ("商户", "类型", "周期", "每期金额", "次数", "净支出", "下次扣款", "状态", "提示")
    NUMERIC = (3, 4, 5)

    def __init__(self, streams: list[dict] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.streams: list[dict] = []
        self._alert = np.zeros(0, dtype=bool)
        self.set_streams(streams or [])

    def set_streams(self, streams: list[dict]) -> None:
        self.streams = list(streams)
        s = self.streams
        columns = [
            [str(x.get("merchant", "")) for x in s],
            [label(TYPE_LABELS, x.get("type")) for x in s],
            [label(CADENCE_LABELS, x.get("cadence")) for x in s],
            [f"{x.get('currency') or ''} {x.get('amount', '')}".strip() for x in s],
            [str(x.get("count", "")) for x in s],
            [f"{x.get('currency') or ''} {x.get('net_total', '')}".strip() for x in s],
            [str(x.get("next_expected") or "—") for x in s],
            [label(STATUS_LABELS, x.get("status")) for x in s],
            [flags_text(x.get("flags")) for x in s],
        ]
        display = [np.array(c, dtype=object) for c in columns]
        keys = [pd.factorize(pd.Series(c, dtype="str"), sort=True)[0].astype(np.int64)
                for c in columns]
        keys[3] = np.array([_cents(x.get("amount")) for x in s], dtype=np.int64)
        keys[4] = np.array([int(x.get("count") or 0) for x in s], dtype=np.int64)
        keys[5] = np.array([_cents(x.get("net_total")) for x in s], dtype=np.int64)
        self._alert = np.array([ALERT in (x.get("flags") or []) for x in s], dtype=bool)
        self._set_columns(display, keys)

    def stream(self, view_row: int) -> dict:
        return self.streams[self.source_row(view_row)]

    def row_of_merchant(self, merchant: str) -> int:
        """The view row of the first stream of ``merchant`` (-1 if none)."""
        for index, stream in enumerate(self.streams):
            if stream.get("merchant") == merchant:
                return self.view_row(index)
        return -1

    def is_alert(self, view_row: int) -> bool:
        return bool(self._alert[self.source_row(view_row)])

    def extra_data(self, row: int, column: int, role: int):
        alert = bool(self._alert[row])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if alert and role == Qt.ItemDataRole.BackgroundRole:
            return QColor("#fde2e1")
        if alert and role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#a4161a")
        if alert and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            stream = self.streams[row]
            return str(stream.get("explanation") or "") or None
        return None
