"""CCB (建设银行) 网银 交易明细: the XLS download and the TXT variant.

The XLS starts with ``China Construction Bank`` in A1, then 开户机构/币种/账号 lines
whose labels contain ideographic spaces (``币　　种：``), a blank row and the
header (cells padded with spaces). Dates are text ``YYYYMMDD`` beside a text
``HH:MM:SS``; 支出/收入 are numeric cells with ``0.0`` in the unused one. The
sheet ends with ``以上数据仅供参考|具体内容请以柜台为准``. The TXT variant has the
same columns, comma-separated, after three metadata lines.
"""

from __future__ import annotations

import re

import pandas as pd

from ..errors import StatementError
from ..i18n import Listed
from . import bankrows, csv_text, field_text, printed_times, sheet_rows
from .base import Extract, Importer, Probe, ReadOptions

MARK = "China Construction Bank"
HEADER = ["记账日", "交易日期", "支出", "收入", "摘要"]
FOOTER = "以上数据仅供参考"
BANK = "建设银行"
_LABEL_SPACES = re.compile(r"[\s\u3000]+")


def _label(cell: str) -> str:
    """``账　　号：`` -> ``账号``."""
    return _LABEL_SPACES.sub("", cell).rstrip(":：")


def _preamble_value(rows: list[list[str]], label: str) -> str:
    for cells in rows:
        for index, cell in enumerate(cells):
            if _label(cell) == label:
                rest = [c for c in cells[index + 1 :] if c]
                if rest:
                    return rest[0]
                # TXT: ``账　　号：6217****1234`` in one field
                return re.sub(r"^[^：:]*[：:]", "", cell).strip()
    return ""


def _txt_value(line: str, label: str) -> str:
    head, sep, value = line.partition("：") if "：" in line else line.partition(":")
    return value.strip(" \t,\u3000") if sep and _label(head) == label else ""


def _build(
    probe: Probe, frame: pd.DataFrame, unit: str, currency_default: str, method: str
) -> Extract:
    """Ledger rows from the header-named frame (text or sheet cells)."""
    frame.columns = [field_text.clean(str(c)) for c in frame.columns]
    first = bankrows.text(frame[frame.columns[0]])
    frame = frame.loc[~first.str.contains("记账日") & ~first.str.startswith(FOOTER)]
    date_column = "交易日期" if "交易日期" in frame else "记账日"
    dates = bankrows.text(frame[date_column]).str.slice(0, 10)
    when = dates
    if "交易时间" in frame:
        when = bankrows.joined(dates, bankrows.text(frame["交易时间"]))
    time = printed_times.iso_times(
        when,
        (
            "%Y%m%d %H:%M:%S",
            "%Y%m%d",
            "%Y%m%d %H%M%S",
            "%Y-%m-%d %H%M%S",
            "%Y/%m/%d %H:%M:%S",
            "%Y/%m/%d",
        ),
        probe.name,
        frame["source_row"],
        unit,
    )
    amount, direction = bankrows.two_columns(frame, "收入", "支出", probe.name, unit)
    warnings: list[str] = []
    if "币种" in frame:
        currency, warnings = bankrows.currency_codes(frame["币种"], currency_default)
    else:
        currency = pd.Series(currency_default, index=frame.index, dtype="str")
    place = (
        bankrows.text(frame["交易地点"])
        if "交易地点" in frame
        else pd.Series("", index=frame.index, dtype="str")
    )
    name = bankrows.text(frame["对方户名"]) if "对方户名" in frame else place
    rows = bankrows.rows_frame(
        frame,
        time=time,
        amount=amount,
        direction=direction,
        currency=currency,
        counterparty=bankrows.first_filled(name, place),
        description=place,
        category=bankrows.text(frame["摘要"]),
        method=method,
    )
    return Extract(rows.reset_index(drop=True), warnings)


class CcbXls(Importer):
    """The 网银 XLS download (BIFF8; an .xlsx re-save reads the same)."""

    id = "ccb-xls"
    label = "CCB XLS / 建设银行交易明细"
    kinds = frozenset({"xls", "xlsx"})

    def _sheet(self, probe: Probe):
        for sheet in probe.sheets:
            if sheet.rows and sheet.rows[0] and field_text.cell_text(sheet.rows[0][0]) == MARK:
                header = sheet_rows.find_row(sheet.rows, HEADER, limit=20)
                if header is not None:
                    return sheet, header
        return None, None

    def identify(self, probe: Probe) -> bool:
        return self._sheet(probe)[0] is not None

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        sheet, header = self._sheet(probe)
        if sheet is None:
            raise StatementError.of(
                "statement.no_header_sheet",
                source=probe.name,
                columns=Listed(("记账日", "交易日期", "支出", "收入")),
            )
        end = next(
            (
                i
                for i in range(header + 1, len(sheet.rows))
                if sheet.rows[i] and field_text.cell_text(sheet.rows[i][0]).startswith(FOOTER)
            ),
            len(sheet.rows),
        )
        preamble = [bankrows.row_cells(r) for r in sheet.rows[:header]]
        frame = sheet_rows.sheet_frame(sheet.rows, header, sheet.first_row, end)
        currency = bankrows.currency_code(_preamble_value(preamble, "币种"))
        method = bankrows.card_method(BANK, _preamble_value(preamble, "账号"))
        return _build(probe, frame, "row", currency, method)


class CcbTxt(Importer):
    """The 网银 TXT download: 账号/date range/currency lines, then the same columns."""

    id = "ccb-txt"
    label = "CCB TXT / 建设银行交易明细（文本）"

    def identify(self, probe: Probe) -> bool:
        lines = probe.head_lines
        header = csv_text.find_line(lines, HEADER, limit=12)
        return header is not None and any(_txt_value(line, "账号") for line in lines[:header])

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        lines = probe.lines
        header = csv_text.find_line(lines, HEADER, limit=12)
        if header is None:
            raise StatementError.of(
                "statement.no_header_line",
                source=probe.name,
                columns=Listed(("记账日", "交易日期", "支出", "收入")),
            )
        end = next(
            (
                i
                for i in range(header + 1, len(lines))
                if field_text.clean(lines[i]).startswith(FOOTER)
            ),
            len(lines),
        )
        frame = csv_text.parse_csv_block(lines, header, end, probe.name)
        account = next((v for line in lines[:header] if (v := _txt_value(line, "账号"))), "")
        currency = next((v for line in lines[:header] if (v := _txt_value(line, "币种"))), "")
        return _build(
            probe,
            frame,
            "line",
            bankrows.currency_code(currency),
            bankrows.card_method(BANK, account),
        )


IMPORTERS = [CcbXls(), CcbTxt()]
