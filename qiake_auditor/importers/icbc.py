"""ICBC (工商银行) 网银 "明细查询文件下载" CSV: credit card, debit (v1) and debit (2024).

Every field is padded with spaces and a tab, every record ends with a comma, and
money in and out sit in separate 记账金额(收入)/(支出) columns with thousands
separators (in debit files the 交易金额 columns only hold ``-``). The file ends with
a ``合计金额`` (credit) or ``人民币合计`` (debit) footer whose totals are compared
with the rows read. There is no time of day: ``time`` is the date alone.
"""

from __future__ import annotations

import csv
import re

import pandas as pd

from ..errors import StatementError, StatementWarning
from ..i18n import Listed
from . import bankrows, csv_text, field_text, printed_times
from .base import Extract, Importer, Probe, ReadOptions

TITLE = "明细查询文件下载"
# Names present in all three layouts (parenthesised names vary in width, so not used here).
COMMON = ["交易日期", "摘要", "交易场所", "交易国家或地区简称", "记账币种", "余额", "对方户名"]
BANK = "工商银行"
_CARD = re.compile(r"卡号\s*[:：]\s*([0-9*xX]+)")
_DATE = re.compile(r"\d{4}-?\d{2}-?\d{2}|\d{4}/\d{1,2}/\d{1,2}")


def _layout(probe: Probe) -> str | None:
    """'credit', 'debit' or 'debit-2024' for an ICBC file, else None."""
    lines = probe.head_lines
    if not csv_text.titled(lines, TITLE, field_text.clean) and not csv_text.header_first(
        [_norm(line) for line in lines[:5]], COMMON
    ):
        return None
    header = csv_text.find_line(lines, COMMON, limit=30)
    if header is None:
        return None
    names = set(_header_names(lines[header]))
    if "记账日期" in names and "钞/汇" not in names:
        return "credit"
    if "钞/汇" in names:
        return "debit-2024" if {"交易详情", "对方账户"} <= names else "debit"
    return None


def _header_names(line: str) -> list[str]:
    return [_norm(c) for c in csv_text.split_simple(line)]


def _norm(name: str) -> str:
    return field_text.clean(name).replace("（", "(").replace("）", ")")


def _footer_label(line: str) -> str | None:
    """The 合计金额 / 人民币合计 label of a totals line, else None. It heads the 交易日期
    column, the first unless the columns were moved in a spreadsheet; a record has a
    date there instead."""
    cells = [field_text.clean(c) for c in line.split(",")]
    if any(_DATE.fullmatch(c) for c in cells):
        return None
    return next((c for c in cells if "合计" in c), None)


def _is_footer(line: str) -> bool:
    return _footer_label(line) is not None


def _end_of_records(lines: list[str], header: int) -> int:
    for index in range(header + 1, len(lines)):
        line = lines[index]
        if not line.strip(" \t,\u3000") or _is_footer(line):
            return index
    return len(lines)


class _Icbc(Importer):
    layout = ""

    def identify(self, probe: Probe) -> bool:
        return _layout(probe) == self.layout

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        lines = probe.lines
        header = csv_text.find_line(lines, COMMON, limit=30)
        if header is None:
            raise StatementError.of(
                "statement.no_header_row",
                source=probe.name,
                columns=Listed(("交易日期", "摘要", "交易场所")),
            )
        end = _end_of_records(lines, header)
        frame = csv_text.parse_csv_block(
            _drop_trailing_commas(lines, header, end), header, end, probe.name
        )
        frame.columns = [_norm(c) for c in frame.columns]
        for needed in ("记账金额(收入)", "记账金额(支出)"):
            if needed not in frame:
                raise StatementError.of(
                    "statement.header_lacks_column",
                    source=probe.name,
                    row=header + 1,
                    column=needed,
                )
        amount, direction = bankrows.two_columns(
            frame, "记账金额(收入)", "记账金额(支出)", probe.name, "line"
        )
        currency, warnings = bankrows.currency_codes(frame["记账币种"])
        place = bankrows.text(frame["交易场所"])
        if "交易详情" in frame:
            place = bankrows.joined(place, bankrows.text(frame["交易详情"]))
        rows = bankrows.rows_frame(
            frame,
            time=printed_times.iso_times(
                bankrows.text(frame["交易日期"]),
                ("%Y%m%d", "%Y/%m/%d"),
                probe.name,
                frame["source_row"],
            ),
            amount=amount,
            direction=direction,
            currency=currency,
            counterparty=bankrows.first_filled(bankrows.text(frame["对方户名"]), place),
            description=place,
            category=bankrows.text(frame["摘要"]),
            method=_method(lines[:header]),
        )
        warnings += _footer_warnings(rows, lines, header, end)
        return Extract(rows, warnings)


def _drop_trailing_commas(lines: list[str], header: int, end: int) -> list[str]:
    """Records end with one comma more than the header; drop it (pandas warns otherwise)."""
    if lines[header].rstrip(" \t").endswith(","):
        return lines
    body = []
    for line in lines[header + 1 : end]:
        line = line.rstrip(" \t")
        body.append(line[:-1] if line.endswith(",") else line)
    return [*lines[: header + 1], *body, *lines[end:]]


def _method(preamble: list[str]) -> str:
    for line in preamble:
        if match := _CARD.search(line):
            return bankrows.card_method(BANK, match.group(1))
    return BANK


def _footer_warnings(rows: pd.DataFrame, lines: list[str], header: int, end: int) -> list[str]:
    """Compare each 合计 line's 记账金额 totals with the rows of its currency."""
    names = _header_names(lines[header])
    income, expense = names.index("记账金额(收入)"), names.index("记账金额(支出)")
    footers = [line for line in lines[end:] if _is_footer(line)]
    if not footers:
        return [StatementWarning.of("icbc.no_totals_line")]
    warnings: list[str] = []
    for line in footers:
        try:
            cells = next(csv.reader([line.replace("\t", "")]))
        except csv.Error:  # a field past the csv module's limit: no quoting to honour
            cells = line.replace("\t", "").split(",")
        cells += [""] * (max(income, expense) + 1 - len(cells))
        label = _footer_label(line.replace("\t", "")) or field_text.clean(cells[0])
        word = label.removesuffix("合计")
        part = rows
        if word and word != label:
            part = rows[rows["currency"] == bankrows.currency_code(word, word)]
        warnings += bankrows.compare_footer(
            part, label, {"income": cells[income], "expense": cells[expense]}
        )
    return warnings


class IcbcCredit(_Icbc):
    """Credit card: 交易日期 and 记账日期, 记账金额 in the card's currency."""

    id = "icbc-credit"
    label = "ICBC credit card CSV / 工商银行信用卡明细查询文件下载"
    layout = "credit"


class IcbcDebit(_Icbc):
    """Debit card, layout before 2024 (钞/汇, no 交易详情)."""

    id = "icbc-debit"
    label = "ICBC debit card CSV / 工商银行借记卡明细查询文件下载"
    layout = "debit"


class IcbcDebit2024(_Icbc):
    """Debit card, 2024 layout with 交易详情 and 对方账户."""

    id = "icbc-debit-2024"
    label = "ICBC debit card CSV (2024) / 工商银行借记卡明细查询文件下载（2024）"
    layout = "debit-2024"


IMPORTERS = [IcbcCredit(), IcbcDebit(), IcbcDebit2024()]
