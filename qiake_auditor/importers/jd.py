"""JD (京东) wallet bill CSV: 我的钱包 → 账单 → 账单导出.

UTF-8 with BOM; a preamble with the record count and per-direction totals, the
header on line 22. Times and ids end with a tab. A purchase that was partly
refunded prints its amount as ``416.87(已退款233.45)``, a fully refunded one as
``468.32(已全额退款)``; the refund itself is a separate ``退款-…`` row with status
``退款成功``.

JD's declared totals count a partly refunded purchase at its amount net of the
refund (its own note 2 says so), and its 不计收支 sum holds only the refunded money
(the sample's 10 neutral rows total 1601.52, the refund rows among them 1097.59 as
declared). Both are reproduced before comparing, so an untouched bill reads clean.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd

from .. import ledger
from ..money import fmt
from ..money_columns import normalize_amounts
from . import checks, csv_text, printed_times, walletrows
from .base import Extract, Importer, Probe, ReadOptions

HEADER = [
    "交易时间",
    "商户名称",
    "交易说明",
    "金额",
    "收/付款方式",
    "交易状态",
    "收/支",
    "交易分类",
    "交易订单号",
    "商家订单号",
    "备注",
]
ACCOUNT_MARK = "京东账号名"
# "416.87(已退款233.45)" / "468.32(已全额退款)", ASCII or full-width parentheses.
_ANNOTATED = re.compile(
    r"^\s*(?P<amount>[^(（]*?)\s*[(（]\s*(?:(?P<full>已全额退款)|已退款\s*[¥￥]?(?P<part>[\d,.]+))\s*[)）]\s*$"
)
_PARENTHESES = re.compile(r"[(（][^)）]*[)）]")


def _split_amounts(raw: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(amount as printed without annotation, fully refunded mask, partly refunded sum)."""
    parts = raw.astype("str").str.extract(_ANNOTATED)
    annotated = parts["amount"].notna()
    amount = parts["amount"].where(annotated, raw.astype("str"))
    full = parts["full"].notna()
    partial, _, valid = normalize_amounts(parts["part"].fillna(""))
    return amount, full, partial.where(valid, "")


def _comparable(rows: pd.DataFrame, partial: pd.Series) -> pd.DataFrame:
    """Rows as JD counts them in its totals (net of partial refunds, see module doc)."""
    adjusted = rows.copy()
    has_part = partial != ""
    net = [
        fmt(max(Decimal(a) - Decimal(p), Decimal(0)))
        for a, p in zip(rows.loc[has_part, "amount"], partial[has_part], strict=True)
    ]
    adjusted.loc[has_part, "amount"] = net
    neutral_kept = (rows["direction"] != ledger.NEUTRAL) | (rows["state"] == ledger.REFUND)
    adjusted["amount"] = adjusted["amount"].where(neutral_kept, "0.00")
    return adjusted


class JdWallet(Importer):
    """京东钱包账单 CSV (JD app bill export for personal reconciliation)."""

    platform = "jd"

    id = "jd"
    label = "JD wallet bill CSV / 京东钱包账单"

    def identify(self, probe: Probe) -> bool:
        lines = probe.head_lines
        if csv_text.header_first(lines, HEADER):
            return True
        if not any(line.startswith(ACCOUNT_MARK) for line in lines[:6]):
            return False
        return csv_text.find_line(lines, HEADER[:8], limit=60) is not None

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        frame, preamble = walletrows.table(probe, HEADER[:8])
        printed, full, partial = _split_amounts(frame["金额"])
        amount = walletrows.amounts(probe.name, frame, "金额", raw=printed)
        state, warnings = checks.states(frame["交易状态"])
        paid = state == ledger.SUCCESS
        state = state.mask(paid & (partial != ""), ledger.PARTIALLY_REFUNDED)
        state = state.mask(paid & full, ledger.REFUNDED)
        rows = walletrows.assemble(
            frame,
            time=printed_times.iso_times(
                frame["交易时间"], walletrows.TIME_FORMATS, probe.name, frame["source_row"]
            ),
            amount=amount,
            direction=checks.wallet_directions(frame["收/支"]),
            state=state,
            counterparty=walletrows.text(frame["商户名称"]),
            description=walletrows.text(frame["交易说明"]),
            method=walletrows.text(frame["收/付款方式"]),
            txn_id=walletrows.text(frame["交易订单号"]),
            merchant_order_id=walletrows.text(frame["商家订单号"]),
            category=walletrows.text(frame["交易分类"]),
        )
        rows["state"] = checks.settle_returns(rows, frame["交易状态"])
        # "支出：16笔(含4笔部分退款)，1648.43元": drop the aside so the totals parse.
        preamble = [_PARENTHESES.sub("", line) for line in preamble]
        count, sums = checks.declared_totals(preamble)
        warnings += checks.compare_totals(_comparable(rows, partial), count, sums)
        warnings += walletrows.id_warnings(rows)
        return Extract(rows, warnings)


IMPORTERS = [JdWallet()]
