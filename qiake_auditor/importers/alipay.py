"""Alipay (支付宝) exports: app CSV (2023+ and 2021-2023 layouts) and the old web CSV.

All three are GBK text with padded fields and tab-suffixed order ids. The header row
is found by its names; the preamble (2023+) or footer (2021, web) carries the record
count and per-direction sums, which are compared with what was read.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import pandas as pd

from .. import parallel, progress
from ..errors import StatementError
from ..money_columns import normalize_amounts
from ..vstr import trim
from . import checks, csv_text, printed_times
from .base import Extract, Importer, Probe, ReadOptions

APP_2023 = [
    "交易时间",
    "交易分类",
    "交易对方",
    "对方账号",
    "商品说明",
    "收/支",
    "金额",
    "收/付款方式",
    "交易状态",
    "交易订单号",
    "商家订单号",
    "备注",
]
APP_2021 = [
    "收/支",
    "交易对方",
    "对方账号",
    "商品说明",
    "收/付款方式",
    "金额",
    "交易状态",
    "交易分类",
    "交易订单号",
    "商家订单号",
    "交易时间",
]
WEB = [
    "交易号",
    "商家订单号",
    "交易创建时间",
    "付款时间",
    "最近修改时间",
    "交易来源地",
    "类型",
    "交易对方",
    "商品名称",
    "金额（元）",
    "收/支",
    "交易状态",
    "服务费（元）",
    "成功退款（元）",
    "备注",
    "资金状态",
]

TITLE_MARK = "电子客户回单"  # the company name in the title changed in 2025; this did not


def _required(header: int | None, probe: Probe) -> int:
    """The header line that identify() found (read() is only called after it)."""
    if header is None:
        raise StatementError.of("alipay.no_header", source=probe.name)
    return header


def _header_and_end(lines: list[str], names: list[str]) -> tuple[int | None, int]:
    header = csv_text.find_line(lines, names)
    if header is None:
        return None, len(lines)
    end = next(
        (i for i in range(header + 1, len(lines)) if csv_text.is_separator(lines[i])), len(lines)
    )
    return header, end


def _build(
    probe: Probe,
    frame: pd.DataFrame,
    *,
    time: pd.Series,
    direction: pd.Series,
    amount_col: str,
    counterparty: str,
    description: str,
    method: str | None,
    txn_id: str,
    merchant_order_id: str,
    category: str | None,
    status: pd.Series,
) -> tuple[pd.DataFrame, list[str]]:
    def times() -> pd.Series | StatementError:
        # returned, not raised: a bad amount is reported first, as it is checked first
        try:
            return printed_times.iso_times(
                time, ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M"), probe.name, frame["source_row"]
            )
        except StatementError as error:
            return error

    texts = {
        "description": description,
        "counterparty": counterparty,
        "method": method,
        "txn_id": txn_id,
        "merchant_order_id": merchant_order_id,
        "category": category,
    }
    pieces: dict[str, Callable[[], Any]] = {
        "time": times,
        "amount": lambda: normalize_amounts(frame[amount_col]),
        "state": lambda: checks.states(status),
        **{name: partial(_text_of, frame, column) for name, column in texts.items()},
    }
    # Each column on its own, two at a time (both cores: Arrow lets go of the GIL).
    # The steps are shares of reading a million-row bill, after the parse's 0.7.
    results = parallel.calls(
        list(pieces.values()), done=lambda n: progress.step(0.7 + 0.25 * n / len(pieces))
    )
    made = dict(zip(pieces, results, strict=True))
    amount, _, valid = made.pop("amount")
    if not valid.all():
        bad = valid.idxmin()
        raise _bad_amount(probe, frame, amount_col, bad)
    if isinstance(made["time"], StatementError):
        raise made["time"]
    state, warnings = made.pop("state")
    rows = pd.DataFrame(
        {
            "source_row": frame["source_row"].astype("int64"),
            "time": made["time"],
            "amount": amount,
            "currency": "CNY",
            "direction": direction,
            "state": state,
            **{name: made[name] for name in texts},
        }
    )
    rows["state"] = checks.settle_returns(rows, status)
    return rows, warnings


def _text_of(frame: pd.DataFrame, column: str | None) -> pd.Series | str:
    return _text(frame[column]) if column else ""


def _text(column: pd.Series) -> pd.Series:
    """Trim padding; Alipay writes '/' for an empty value."""
    text = trim(column).str.strip('"')
    return text.mask(text == "/", "")


def _bad_amount(probe: Probe, frame: pd.DataFrame, column: str, index: int):
    from ..errors import StatementError

    return StatementError.of(
        "statement.bad_printed_amount",
        source=probe.name,
        row=int(frame.at[index, "source_row"]),
        column=column,
        value=frame.at[index, column].strip(),
        example="49.74",
    )


class AlipayApp2023(Importer):
    """App 交易流水证明 CSV since Feb 2023: 24-line preamble, then the header."""

    platform = "alipay"

    id = "alipay-2023"
    label = "Alipay app CSV (2023+) / 支付宝交易流水证明"

    def identify(self, probe: Probe) -> bool:
        lines = probe.head_lines
        if csv_text.header_first(lines, APP_2023):
            return True
        if not any(TITLE_MARK in line for line in lines[:60]):
            return False
        header = csv_text.find_line(lines, APP_2023[:7], limit=80)
        if header is None:
            return False
        # The 2021 header has the same names but starts with 收/支 and has no 备注; a bill
        # whose columns were moved or added to in a spreadsheet still has its 备注.
        names = csv_text.split_simple(lines[header])
        return names[0] == "交易时间" or "备注" in names

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        # The header sits in the first lines; the body can be a million lines, so it
        # is cut out of the text as one piece rather than split into lines.
        header = _required(csv_text.find_line(probe.head_lines, APP_2023[:7], limit=80), probe)
        frame = csv_text.parse_csv_bytes(probe.data, header, probe.name, check_cut=True)
        if frame is None:
            frame = csv_text.parse_csv_text(
                csv_text.csv_region(probe.text, header), header, probe.name, check_cut=True
            )
        direction = checks.wallet_directions(frame["收/支"])
        rows, warnings = _build(
            probe,
            frame,
            time=frame["交易时间"],
            direction=direction,
            amount_col="金额",
            counterparty="交易对方",
            description="商品说明",
            method="收/付款方式",
            txn_id="交易订单号",
            merchant_order_id="商家订单号",
            category="交易分类",
            status=frame["交易状态"],
        )
        count, sums = checks.declared_totals(probe.head_lines[:header])
        warnings += checks.compare_totals(rows, count, sums)
        return Extract(rows, warnings)


class AlipayApp2021(Importer):
    """App CSV of 2021 - Feb 2023: title first, header on line 2, totals at the bottom."""

    platform = "alipay"

    id = "alipay-2021"
    label = "Alipay app CSV (2021-2023) / 支付宝交易流水证明（旧版）"

    def identify(self, probe: Probe) -> bool:
        lines = probe.head_lines
        header = csv_text.find_line(lines, APP_2021[:7], limit=5)
        return (
            header is not None
            and TITLE_MARK in "".join(lines[:header])
            and csv_text.split_simple(lines[header])[0] == "收/支"
        )

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        lines = probe.lines
        header, end = _header_and_end(lines, APP_2021[:7])
        frame = csv_text.parse_csv_block(lines, _required(header, probe), end, probe.name)
        rows, warnings = _build(
            probe,
            frame,
            time=frame["交易时间"],
            direction=checks.wallet_directions(frame["收/支"]),
            amount_col="金额",
            counterparty="交易对方",
            description="商品说明",
            method="收/付款方式",
            txn_id="交易订单号",
            merchant_order_id="商家订单号",
            category="交易分类",
            status=frame["交易状态"],
        )
        count, sums = checks.declared_totals(lines[end:])
        warnings += checks.compare_totals(rows, count, sums)
        return Extract(rows, warnings)


class AlipayWeb(Importer):
    """The PC site's 交易记录明细查询 CSV/TXT (no longer offered, still on people's disks)."""

    platform = "alipay"

    id = "alipay-web"
    label = "Alipay web CSV / 支付宝交易记录明细查询"

    def identify(self, probe: Probe) -> bool:
        lines = probe.head_lines
        if csv_text.header_first(lines, WEB):
            return True
        return csv_text.titled(lines, "支付宝交易记录明细查询") and (
            csv_text.find_line(lines, ["交易号", "交易创建时间", "金额（元）"], limit=12)
            is not None
        )

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        lines = probe.lines
        header, end = _header_and_end(lines, ["交易号", "交易创建时间", "金额（元）"])
        frame = csv_text.parse_csv_block(lines, _required(header, probe), end, probe.name)
        paid = frame["付款时间"].str.strip()
        time = paid.where(paid != "", frame["交易创建时间"])
        status = frame["交易状态"].str.strip()
        refunded, _, has_refund = normalize_amounts(frame["成功退款（元）"])
        amount, _, _ = normalize_amounts(frame["金额（元）"])
        nonzero = ~refunded.str.fullmatch(r"0*\.?0*").fillna(True).astype(bool)
        partly = has_refund & nonzero & (status == "交易成功")
        full = partly & (refunded == amount)
        status = status.mask(partly, "已退款").mask(full, "已全额退款")
        rows, warnings = _build(
            probe,
            frame,
            time=time,
            direction=checks.wallet_directions(frame["收/支"]),
            amount_col="金额（元）",
            counterparty="交易对方",
            description="商品名称",
            method=None,
            txn_id="交易号",
            merchant_order_id="商家订单号",
            category="类型",
            status=status,
        )
        count, sums = checks.declared_totals(lines[end:])
        warnings += checks.compare_totals(rows, count, sums)
        return Extract(rows, warnings)


IMPORTERS = [AlipayApp2023(), AlipayApp2021(), AlipayWeb()]
