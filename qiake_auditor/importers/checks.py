"""Helpers every importer shares: direction and state words, declared totals."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

import pandas as pd

from .. import ledger
from ..errors import StatementWarning
from ..money_columns import sum_amounts
from ..vocab import RowState
from ..vstr import map_distinct

# 收/支 words used by wallets; anything else (不计收支, 其他, /, blank) is neutral.
WALLET_DIRECTIONS = {"支出": ledger.EXPENSE, "收入": ledger.INCOME}

# Status words seen in wallet exports, by ledger state.
_STATE_WORDS: dict[str, tuple[str, ...]] = {
    ledger.SUCCESS: (
        "交易成功",
        "支付成功",
        "还款成功",
        "代付成功",
        "亲情卡付款成功",
        "充值成功",
        "收款成功",
        "转出成功",
        "提取成功",
        "退税成功",
        "已存入零钱",
        "已转账",
        "朋友已收钱",
        "对方已收钱",
        "已收钱",
        "已到账",
        "充值完成",
        "提现已到账",
        "已支付",
        "已完成",
    ),
    ledger.CLOSED: (
        "交易关闭",
        "已关闭",
        "已取消",
        "对方已退还",
        "已退还",
        "已退回",
        "退回成功",
        "对方已拒收",
        "已拒收",
    ),
    ledger.FAILED: ("支付失败", "交易失败", "扣款失败"),
    ledger.PENDING: (
        "等待确认收货",
        "等待对方发货",
        "等待对方确认收货",
        "等待付款",
        "处理中",
        "冻结成功",
        "待支付",
    ),
    ledger.REFUND: ("退款成功",),
    ledger.REFUNDED: ("已全额退款",),
}
_WORD_TO_STATE = {word: state for state, words in _STATE_WORDS.items() for word in words}

# Fallback rules for words not seen yet, tried in order.
_STATE_RULES = (
    ("失败", ledger.FAILED),
    ("关闭", ledger.CLOSED),
    ("退还", ledger.CLOSED),
    ("退回", ledger.CLOSED),
    ("全额退款", ledger.REFUNDED),
    ("已退款", ledger.PARTIALLY_REFUNDED),
    ("退款", ledger.REFUND),
    ("等待", ledger.PENDING),
    ("成功", ledger.SUCCESS),
    ("完成", ledger.SUCCESS),
)


def wallet_directions(raw: pd.Series) -> pd.Series:
    """收/支 column -> ledger direction."""
    return map_distinct(
        raw.fillna("").astype("str"), lambda w: WALLET_DIRECTIONS.get(w.strip(), ledger.NEUTRAL)
    ).astype("str")


class StateName(str):
    """A ledger state in a message: ``{default:zh}`` is 成功, ``{default:en}`` success."""

    def __format__(self, spec: str) -> str:
        return RowState(self).label("en" if spec == "en" else "zh")


def states(raw: pd.Series, default: str = ledger.SUCCESS) -> tuple[pd.Series, list[str]]:
    """Status words -> ledger states, with a warning per word never seen before."""
    text = raw.fillna("").astype("str").str.strip()
    uniques = text.unique()
    table: dict[str, str] = {}
    warnings: list[str] = []
    for word in uniques:
        state = _WORD_TO_STATE.get(word)
        if state is None:
            state = next((s for key, s in _STATE_RULES if key in word), None)
        if state is None:
            state = default
            if word and word != "/":
                warnings.append(
                    StatementWarning.of(
                        "statement.unknown_status", word=word, default=StateName(default)
                    )
                )
        table[word] = state
    return map_distinct(text, table.__getitem__).astype("str"), warnings


_COUNT = re.compile(r"共[：:]?\s*(\d+)\s*笔")
_DIRECTION_LINE = re.compile(
    r"^(收入|支出|不计收支|中性交易|其他|已收入|已支出)[：:]\s*(\d+)\s*笔[^\d]*?([\d,]+(?:\.\d+)?)\s*元"
)
_LABELS = {
    "收入": ledger.INCOME,
    "已收入": ledger.INCOME,
    "支出": ledger.EXPENSE,
    "已支出": ledger.EXPENSE,
    "不计收支": ledger.NEUTRAL,
    "中性交易": ledger.NEUTRAL,
    "其他": ledger.NEUTRAL,
}


def declared_totals(lines: list[str]) -> tuple[int | None, dict[str, tuple[int, Decimal]]]:
    """Record count and per-direction (count, sum) printed in a wallet preamble or footer."""
    count = None
    sums: dict[str, tuple[int, Decimal]] = {}
    for raw in lines:
        line = raw.strip().strip(",").strip()
        if count is None and (m := _COUNT.search(line)) and len(line) < 30:
            count = int(m.group(1))
        if m := _DIRECTION_LINE.match(line):
            sums[_LABELS[m.group(1)]] = (int(m.group(2)), Decimal(m.group(3).replace(",", "")))
    return count, sums


def compare_totals(
    rows: pd.DataFrame, count: int | None, sums: Mapping[str, tuple[int, Decimal]]
) -> list[str]:
    """Warnings where the rows read differ from the totals the file declares."""
    warnings: list[str] = []
    if count is not None and count != len(rows):
        warnings.append(
            StatementWarning.of(
                "statement.record_count_differs" + (".one" if count == 1 else ""),
                count=count,
                read=len(rows),
            )
        )
    for direction, (n, total) in sums.items():
        part = rows.loc[rows["direction"] == direction, "amount"]
        got = sum_amounts(part)
        if n != len(part) or got != total:
            warnings.append(totals_differ(direction, n, total, len(part), got))
    return warnings


def totals_differ(direction: str, count: int, total: Decimal, read: int, got: Decimal) -> str:
    """The warning that a direction's declared count or total is not what was read
    (English says "1 income row", not "1 income rows")."""
    return StatementWarning.of(
        f"statement.declared_totals_differ.{direction}" + (".one" if count == 1 else ""),
        count=count,
        total=total,
        read=read,
        got=got,
    )


# Status words of a payment the other side sent back (a transfer returned or refused, a
# withdrawal bounced back to the balance): WeChat 对方已退还 / 已退还 / 提现失败，已退回零钱,
# Alipay 退回成功 / 已退回, 对方已拒收. The money went out and came back in a second row.
RETURNED = re.compile(r"退还|退回|拒收")


def settle_returns(rows: pd.DataFrame, status: pd.Series) -> pd.Series:
    """States after pairing each sent-back payment with the row that brought it back.

    A returned payment whose return row (state ``refund``, same amount, currency and
    counterparty, not earlier) is in the file becomes ``refunded``: both rows count and
    net to zero, and linking ties the return to it. Without its return in the file it
    is ``closed``: nothing moved as far as this file shows.
    """
    state = rows["state"].copy()
    returned = status.fillna("").astype("str").str.contains(RETURNED) & (
        rows["direction"] == ledger.EXPENSE
    )
    if not returned.any():
        return state
    back = rows[(state == ledger.REFUND) & (rows["direction"] == ledger.INCOME)]
    waiting: dict[tuple[str, str, str], list[tuple[str, object]]] = {}
    for index, amount, currency, who, time in zip(
        back.index,
        back["amount"],
        back["currency"],
        back["counterparty"],
        back["time"],
        strict=True,
    ):
        waiting.setdefault((amount, currency, who), []).append((time, index))
    for entries in waiting.values():
        entries.sort()
    out = rows[returned].sort_values("time", kind="stable")
    for index, amount, currency, who, time in zip(
        out.index, out["amount"], out["currency"], out["counterparty"], out["time"], strict=True
    ):
        entries = waiting.get((amount, currency, who), [])
        at = next((i for i, (t, _) in enumerate(entries) if t >= time), None)
        if at is None:
            if state.at[index] in ledger.MONEY_MOVED_STATES:
                state.at[index] = ledger.CLOSED
        else:
            entries.pop(at)
            state.at[index] = ledger.REFUNDED
    return state
