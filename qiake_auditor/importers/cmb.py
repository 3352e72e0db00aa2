"""CMB (招商银行) PC 专业版 交易记录 CSV.

Six ``#`` comment lines (title, export time, ``账    号: [一卡通:6214********1234 …]``,
``币    种: [  人民币]``, date range, filter), an empty ``""`` line, then the header
``交易日期,交易时间,收入,支出,余额,交易类型,交易备注``. Dates are ``YYYYMMDD``, fields
may be quoted with a leading tab, and a few trailing lines follow the records
(``# 收入合计: N 笔，共 X 元`` when present, compared with what was read). The file
may be UTF-8 (with BOM) or GBK; the shared decoder sniffs both.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd

from .. import ledger
from ..errors import StatementError
from ..i18n import Listed
from ..money_columns import sum_amounts
from . import bankrows, checks, csv_text, field_text, printed_times
from .base import Extract, Importer, Probe, ReadOptions

TITLE = "招商银行交易记录"
HEADER = ["交易日期", "交易时间", "收入", "支出", "余额", "交易类型"]
BANK = "招商银行"
_BRACKET = r"\s*[:：]\s*\[([^\]]*)\]"
_ACCOUNT = re.compile(r"账\s*号" + _BRACKET)
_CURRENCY = re.compile(r"币\s*种" + _BRACKET)
_DATE = re.compile(r"\d{8}")
_TOTAL = re.compile(r"(收入|支出)合计\s*[:：]\s*(\d+)\s*笔[^\d]*([\d,]+(?:\.\d+)?)\s*元")


def _first_cell(line: str) -> str:
    return field_text.clean(line.split(",", 1)[0])


def _preamble(lines: list[str], pattern: re.Pattern[str]) -> str:
    for line in lines:
        if match := pattern.search(line):
            return match.group(1).strip()
    return ""


class CmbCsv(Importer):
    id = "cmb-csv"
    label = "CMB CSV / 招商银行交易记录（PC 专业版）"

    def identify(self, probe: Probe) -> bool:
        lines = probe.head_lines
        first = next((field_text.clean(line) for line in lines[:5] if field_text.clean(line)), "")
        return (
            first.startswith("#")
            and TITLE in first
            and csv_text.find_line(lines, HEADER, limit=20) is not None
        )

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        lines = probe.lines
        header = csv_text.find_line(lines, HEADER, limit=20)
        if header is None:
            raise StatementError.of(
                "statement.no_header_line",
                source=probe.name,
                columns=Listed(("交易日期", "交易时间", "收入", "支出")),
            )
        end = next(
            (
                i
                for i in range(header + 1, len(lines))
                if not _DATE.fullmatch(_first_cell(lines[i]))
            ),
            len(lines),
        )
        late = next(
            (i for i in range(end, len(lines)) if _DATE.fullmatch(_first_cell(lines[i]))), None
        )
        if late is not None:
            raise StatementError.of("statement.line_after_records", source=probe.name, row=end + 1)
        frame = csv_text.parse_csv_block(lines, header, end, probe.name)
        amount, direction = bankrows.two_columns(frame, "收入", "支出", probe.name, "line")
        when = bankrows.joined(bankrows.text(frame["交易日期"]), bankrows.text(frame["交易时间"]))
        remark = (
            bankrows.text(frame["交易备注"])
            if "交易备注" in frame
            else pd.Series("", index=frame.index, dtype="str")
        )
        preamble = lines[:header]
        account = re.findall(r"[0-9*]{8,}", _preamble(preamble, _ACCOUNT))
        rows = bankrows.rows_frame(
            frame,
            time=printed_times.iso_times(
                when, ("%Y%m%d %H:%M:%S", "%Y%m%d"), probe.name, frame["source_row"]
            ),
            amount=amount,
            direction=direction,
            currency=bankrows.currency_code(_preamble(preamble, _CURRENCY)),
            counterparty=remark,
            description=remark,
            category=bankrows.text(frame["交易类型"]),
            method=bankrows.card_method(BANK, account[0] if account else ""),
        )
        return Extract(rows, _totals(rows, lines[end:]))


def _totals(rows: pd.DataFrame, trailer: list[str]) -> list[str]:
    """Compare ``收入合计/支出合计: N 笔，共 X 元`` lines with the rows read."""
    warnings: list[str] = []
    directions = {"收入": ledger.INCOME, "支出": ledger.EXPENSE}
    for line in trailer:
        if not (match := _TOTAL.search(line)):
            continue
        direction = directions[match.group(1)]
        count, total = int(match.group(2)), Decimal(match.group(3).replace(",", ""))
        part = rows.loc[rows["direction"] == direction, "amount"]
        got = sum_amounts(part)
        if count != len(part) or got != total:
            warnings.append(checks.totals_differ(direction, count, total, len(part), got))
    return warnings


IMPORTERS = [CmbCsv()]
