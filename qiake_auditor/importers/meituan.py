"""Meituan (美团) bill CSV: 美团交易账单明细.

UTF-8 with BOM and CRLF; blank preamble lines are written as ``""``; the header
follows the ``【美团交易账单明细列表】`` marker (line 20). Two amounts: 订单金额 (the
price) and 实付金额 (what was paid after discounts); the ledger takes 实付金额, the
money that moved, which is also what the preamble totals add up. Ids are quoted
with the tab inside the quotes. 交易类型 is 支付, 退款 (money back, 收入) or 还款
(paying off 美团月付).

A 还款 row is printed as 支出 but is a transfer: the spending was the 月付 purchases
themselves, so it is read as neutral (as Alipay and WeChat print their credit
repayments). Meituan's own totals agree: they count the 还款 row among the 支出
rows but leave its amount out of the 支出 sum, which the comparison reproduces.

The bill names no counterparty column: 订单标题 (usually the shop or deal name,
``喜茶（…店） 订单详情``) is the only party-like text, so it fills both
counterparty and description.
"""

from __future__ import annotations

import pandas as pd

from .. import ledger
from . import checks, printed_times, walletrows
from .base import Extract, Importer, Probe, ReadOptions

TITLE = "美团交易账单明细"
LIST_MARK = "【美团交易账单明细列表】"
HEADER = [
    "交易创建时间",
    "交易成功时间",
    "交易类型",
    "订单标题",
    "收/支",
    "支付方式",
    "订单金额",
    "实付金额",
    "交易单号",
    "商家单号",
    "备注",
]


class Meituan(Importer):
    """美团交易账单明细 CSV (Meituan app bill export)."""

    platform = "meituan"

    id = "meituan"
    label = "Meituan bill CSV / 美团交易账单明细"

    def identify(self, probe: Probe) -> bool:
        return walletrows.titled(probe, TITLE, HEADER[:8])

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        frame, preamble = walletrows.table(probe, HEADER[:8])
        done = walletrows.text(frame["交易成功时间"])
        time = done.where(done != "", walletrows.text(frame["交易创建时间"]))
        kind = walletrows.text(frame["交易类型"])
        direction = checks.wallet_directions(frame["收/支"])
        repayment = kind == "还款"
        direction = direction.mask(repayment, ledger.NEUTRAL)
        # The bill has no status column: every row listed is a completed payment or refund.
        state = pd.Series(ledger.SUCCESS, index=frame.index, dtype="str")
        state = state.mask((kind == "退款") & (direction != ledger.EXPENSE), ledger.REFUND)
        title = walletrows.text(frame["订单标题"])
        rows = walletrows.assemble(
            frame,
            time=printed_times.iso_times(
                time, walletrows.TIME_FORMATS, probe.name, frame["source_row"]
            ),
            amount=walletrows.amounts(probe.name, frame, "实付金额"),
            direction=direction,
            state=state,
            counterparty=title,
            description=title,
            method=walletrows.text(frame["支付方式"]),
            txn_id=walletrows.text(frame["交易单号"]),
            merchant_order_id=walletrows.text(frame["商家单号"]),
            category=kind,
        )
        count, sums = checks.declared_totals(preamble)
        as_counted = rows.assign(
            direction=rows["direction"].mask(repayment, ledger.EXPENSE),
            amount=rows["amount"].mask(repayment, "0.00"),
        )
        warnings = checks.compare_totals(as_counted, count, sums)
        warnings += walletrows.id_warnings(rows)
        return Extract(rows, warnings)


IMPORTERS = [Meituan()]
