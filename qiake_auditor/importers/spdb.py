"""SPDB (浦发银行) debit card XLS.

Row 1 names the account (``账号, <no>, 账户类型, 借记卡, 日期范围, …``), row 2 is the
header ``顺序号, 交易日期, 交易类型, 存入金额, 取出金额, 余额, 交易对手名称, 交易对手账号,
附言``. Cells are text; the date reads ``2025/12/03  14:06:51`` (two spaces), and
money in/out sit in 存入金额/取出金额. ``附言`` carries ``支付宝-<merchant>``.
"""

from __future__ import annotations

import pandas as pd

from ..errors import StatementError
from ..i18n import Listed
from . import bankrows, field_text, printed_times, sheet_rows
from .base import Extract, Importer, Probe, ReadOptions, Sheet

HEADER = ["顺序号", "交易日期", "交易类型", "存入金额", "取出金额", "交易对手名称"]
BANK = "浦发银行"


def _sheet(probe: Probe) -> tuple[Sheet, int] | tuple[None, None]:
    for sheet in probe.sheets:
        if not sheet.rows or not sheet.rows[0]:
            continue
        if field_text.cell_text(sheet.rows[0][0]).rstrip(":：") != "账号":
            continue
        header = sheet_rows.find_row(sheet.rows, HEADER, limit=5)
        if header is not None:
            return sheet, header
    return None, None


class SpdbDebit(Importer):
    id = "spdb-debit"
    label = "SPDB debit card XLS / 浦发银行借记卡交易明细"
    kinds = frozenset({"xls", "xlsx"})

    def identify(self, probe: Probe) -> bool:
        return _sheet(probe)[0] is not None

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        sheet, header = _sheet(probe)
        if sheet is None:
            raise StatementError.of(
                "statement.no_header_sheet",
                source=probe.name,
                columns=Listed(("顺序号", "交易日期", "存入金额")),
            )
        if header is None:
            raise StatementError.of(
                "statement.no_header_sheet",
                source=probe.name,
                columns=Listed(("顺序号", "交易日期", "存入金额")),
            )
        frame = sheet_rows.sheet_frame(sheet.rows, header, sheet.first_row)
        amount, direction = bankrows.two_columns(frame, "存入金额", "取出金额", probe.name, "row")
        note = (
            bankrows.text(frame["附言"])
            if "附言" in frame
            else pd.Series("", index=frame.index, dtype="str")
        )
        warnings: list[str] = []
        currency: pd.Series | str = "CNY"
        if "币种" in frame:
            currency, warnings = bankrows.currency_codes(frame["币种"])
        account = bankrows.row_cells(sheet.rows[0])[1] if len(sheet.rows[0]) > 1 else ""
        rows = bankrows.rows_frame(
            frame,
            time=printed_times.iso_times(
                bankrows.text(frame["交易日期"]),
                ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d", "%Y%m%d %H:%M:%S", "%Y%m%d"),
                probe.name,
                frame["source_row"],
                "row",
            ),
            amount=amount,
            direction=direction,
            currency=currency,
            counterparty=bankrows.first_filled(bankrows.text(frame["交易对手名称"]), note),
            description=note,
            category=bankrows.text(frame["交易类型"]),
            method=bankrows.card_method(BANK, account),
        )
        return Extract(rows, warnings)


IMPORTERS = [SpdbDebit()]
