"""CITIC (中信银行) credit card 本期账单明细 XLS.

One sheet per settlement currency, titled ``本期账单明细(人民币)`` in A1, header on
row 2. Amounts are text cells (``'5.90'``, ``'-0.20'``) and signed the card way:
positive is spending, negative is a repayment, refund or cash-back (money in).
There is no counterparty column: the 交易描述 text (``支付宝－<merchant>`` with a
full-width hyphen) serves as both counterparty and description.
"""

from __future__ import annotations

import pandas as pd

from .. import ledger
from ..errors import StatementError
from . import bankrows, field_text, printed_times, sheet_rows
from .base import Extract, Importer, Probe, ReadOptions, Sheet

TITLE = "本期账单明细"
HEADER = ["交易日期", "交易描述", "卡末四位", "结算金额"]
BANK = "中信银行"


def _sheets(probe: Probe) -> list[tuple[Sheet, int]]:
    found = []
    for sheet in probe.sheets:
        if not sheet.rows or not sheet.rows[0]:
            continue
        if not field_text.cell_text(sheet.rows[0][0]).startswith(TITLE):
            continue
        header = sheet_rows.find_row(sheet.rows, HEADER, limit=5)
        if header is not None:
            found.append((sheet, header))
    return found


def _title_currency(title: str) -> str:
    """``本期账单明细(人民币)`` -> ``CNY``."""
    inner = title.replace("（", "(").replace("）", ")").partition("(")[2].partition(")")[0]
    return bankrows.currency_code(inner)


class CiticCredit(Importer):
    id = "citic-credit"
    label = "CITIC credit card XLS / 中信银行信用卡本期账单明细"
    kinds = frozenset({"xls", "xlsx"})

    def identify(self, probe: Probe) -> bool:
        return bool(_sheets(probe))

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        parts, warnings = [], []
        for sheet, header in _sheets(probe):
            frame = sheet_rows.sheet_frame(sheet.rows, header, sheet.first_row)
            if frame.empty:
                continue
            rows, notes = self._rows(probe, sheet, frame)
            parts.append(rows)
            warnings += notes
        if not parts:
            raise StatementError.of("citic.no_rows", source=probe.name)
        return Extract(pd.concat(parts, ignore_index=True), warnings)

    def _rows(self, probe: Probe, sheet: Sheet, frame: pd.DataFrame):
        amount, direction = bankrows.signed_column(
            frame, "结算金额", probe.name, "row", positive=ledger.EXPENSE
        )
        default = _title_currency(field_text.cell_text(sheet.rows[0][0]))
        warnings: list[str] = []
        if "结算币种" in frame:
            currency, warnings = bankrows.currency_codes(frame["结算币种"], default)
        else:
            currency = default
        text = bankrows.text(frame["交易描述"])
        card = bankrows.text(frame["卡末四位"])
        method = (BANK + "(" + card + ")").where(card != "", BANK)
        dates = bankrows.text(frame["交易日期"]).str.slice(0, 10)
        rows = bankrows.rows_frame(
            frame,
            time=printed_times.iso_times(
                dates, ("%Y%m%d", "%Y/%m/%d"), probe.name, frame["source_row"], "row"
            ),
            amount=amount,
            direction=direction,
            currency=currency,
            counterparty=text,
            description=text,
            category="",
            method=method,
        )
        return rows, warnings


IMPORTERS = [CiticCredit()]
