"""WeChat Pay (微信支付) bills: the CSV (until mid-2025) and both XLSX layouts.

All three carry the same 11 columns and the same preamble with the record count
and per-direction totals; only the container and a few details moved:

* CSV: UTF-8 with BOM, CRLF, header on line 17, amounts ``¥28.16``, ids followed
  by a tab after the closing quote.
* XLSX v1 (July 2025): header on row 17, amounts are text ``¥12.34``.
* XLSX v2 (March 2026): a fourth note (``…UTC+08:00时间``), header on row 18,
  amounts are numeric cells. Files re-saved in Excel may carry extra sheets (a
  Power-Query copy before ``Sheet1``), so the bill's sheet is found by content.

A purchase that was refunded keeps its expense row with a changed status
(``已全额退款`` / ``已退款￥742.00``); the money back is a separate income row whose
交易类型 ends with ``退款``, read as state ``refund``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import ledger
from ..errors import StatementError
from ..i18n import Listed
from ..money import canonical
from . import checks, csv_text, field_text, printed_times, sheet_rows, walletrows
from .base import Extract, Importer, Probe, ReadOptions, Sheet

TITLE = "微信支付账单明细"
HEADER = [
    "交易时间",
    "交易类型",
    "交易对方",
    "商品",
    "收/支",
    "金额(元)",
    "支付方式",
    "当前状态",
    "交易单号",
    "商户单号",
    "备注",
]
V2_NOTE = "本账单中所有时间均为UTC+08:00时间"
AMOUNT = "金额(元)"
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def _rows(
    probe: Probe, frame: pd.DataFrame, time: pd.Series, amount_text: pd.Series, unit: str
) -> tuple[pd.DataFrame, list[str]]:
    """Ledger rows from a frame whose columns are text (time and amount given apart)."""
    amount = walletrows.amounts(
        probe.name, frame.assign(**{AMOUNT: amount_text}), AMOUNT, unit=unit
    )
    direction = checks.wallet_directions(frame["收/支"])
    category = walletrows.text(frame["交易类型"])
    state, warnings = checks.states(frame["当前状态"])
    money_back = category.str.endswith("退款") & (direction != ledger.EXPENSE)
    state = state.mask(money_back, ledger.REFUND)
    rows = walletrows.assemble(
        frame,
        time=printed_times.iso_times(
            time, walletrows.TIME_FORMATS, probe.name, frame["source_row"], unit
        ),
        amount=amount,
        direction=direction,
        state=state,
        counterparty=walletrows.text(frame["交易对方"]),
        description=walletrows.text(frame["商品"]),
        method=walletrows.text(frame["支付方式"]),
        txn_id=walletrows.text(frame["交易单号"]),
        merchant_order_id=walletrows.text(frame["商户单号"]),
        category=category,
    )
    rows["state"] = checks.settle_returns(rows, frame["当前状态"])
    return rows, warnings + walletrows.id_warnings(rows, unit)


class WeChatCsv(Importer):
    """微信支付账单明细 CSV, as e-mailed in a password ZIP until mid-2025."""

    platform = "wechat"

    id = "wechat-csv"
    label = "WeChat Pay CSV / 微信支付账单明细"

    def identify(self, probe: Probe) -> bool:
        return walletrows.titled(probe, TITLE, HEADER[:8]) or csv_text.header_first(
            probe.head_lines, HEADER
        )

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        frame, preamble = walletrows.table(probe, HEADER[:8])
        rows, warnings = _rows(probe, frame, frame["交易时间"], frame[AMOUNT], "line")
        count, sums = checks.declared_totals(preamble)
        warnings += checks.compare_totals(rows, count, sums)
        return Extract(rows, warnings)


def _bill_sheet(probe: Probe) -> tuple[Sheet, int] | None:
    """The sheet whose first filled row is the bill title, and its header index."""
    for sheet in probe.sheets:
        first = next(
            (row for row in sheet.rows[:5] if any(field_text.cell_text(c) for c in row)), None
        )
        if first is None or field_text.cell_text(first[0]) != TITLE:
            continue
        header = sheet_rows.find_row(sheet.rows, HEADER[:8], limit=60)
        if header is not None:
            return sheet, header
    return None


def _preamble(sheet: Sheet, header: int) -> list[str]:
    return [",".join(field_text.cell_text(c) for c in row) for row in sheet.rows[:header]]


def _is_v2(probe: Probe) -> bool | None:
    """True for the March 2026 layout, False for July 2025, None if not a WeChat sheet."""
    found = _bill_sheet(probe)
    if found is None:
        return None
    return any(V2_NOTE in line for line in _preamble(*found))


def _sheet_time(value: object) -> str:
    """A time cell as text: datetime cells and Excel serial numbers become ISO."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 < value < 2958466:
        moment = _EXCEL_EPOCH + dt.timedelta(days=float(value))
        moment = (moment + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    return field_text.cell_text(value)


def _sheet_amount(value: object) -> str:
    """A numeric amount cell as exact text; text cells (``¥12.34``) as printed."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        found = canonical(value)
        return found[0] if found else field_text.cell_text(value)
    return walletrows.cell(value)


class _WeChatXlsx(Importer):
    platform = "wechat"
    kinds = frozenset({"xlsx"})
    v2: bool

    def identify(self, probe: Probe) -> bool:
        return _is_v2(probe) is self.v2

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        found = _bill_sheet(probe)
        if found is None:
            raise StatementError.of(
                "statement.no_header_sheet",
                source=probe.name,
                columns=Listed(("交易时间", "交易类型", "交易对方")),
            )
        sheet, header = found
        raw = sheet_rows.sheet_frame(sheet.rows, header, sheet.first_row)
        frame = pd.DataFrame({"source_row": raw["source_row"]})
        for name in HEADER:
            frame[name] = raw[name].map(walletrows.cell).astype("str")
        time = raw["交易时间"].map(_sheet_time).astype("str")
        amount_text = raw[AMOUNT].map(_sheet_amount).astype("str")
        rows, warnings = _rows(probe, frame, time, amount_text, "row")
        count, sums = checks.declared_totals(_preamble(sheet, header))
        warnings += checks.compare_totals(rows, count, sums)
        return Extract(rows, warnings)


class WeChatXlsx2025(_WeChatXlsx):
    """XLSX bill from July 2025: header on row 17, amounts as text ``¥12.34``."""

    id = "wechat-xlsx-2025"
    label = "WeChat Pay XLSX (2025) / 微信支付账单流水文件"
    v2 = False


class WeChatXlsx2026(_WeChatXlsx):
    """XLSX bill from March 2026: UTC+08:00 note, header on row 18, numeric amounts."""

    id = "wechat-xlsx-2026"
    label = "WeChat Pay XLSX (2026) / 微信支付账单流水文件（新版）"
    v2 = True


IMPORTERS = [WeChatCsv(), WeChatXlsx2025(), WeChatXlsx2026()]
