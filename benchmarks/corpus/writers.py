"""Write synthetic transactions in the real export layouts (see formats.md 1.1, 2.1, 2.3, 5.1).

Each writer takes the transactions of one statement, writes them newest first like
the apps do, and returns the ``source_row`` of every input transaction (same order
as given) using the importers' numbering: physical line for CSV, sheet row for XLSX.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from .model import CLOSED, PARTIAL, PENDING, REFUND, REFUNDED, SUCCESS, Txn


@dataclass
class ExportMeta:
    """Who exported what, for the preamble."""

    owner: str
    account: str  # Alipay login, WeChat nickname, or bank card number (masked)
    start: datetime
    end: datetime
    exported_at: datetime


def _newest_first(txns: Sequence[Txn]) -> list[int]:
    return sorted(range(len(txns)), key=lambda i: (txns[i].time, i), reverse=True)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _direction_word(txn: Txn, neutral: str) -> str:
    return {"expense": "支出", "income": "收入"}.get(txn.direction, neutral)


def _totals(txns: Sequence[Txn]) -> dict[str, tuple[int, Decimal]]:
    sums: dict[str, tuple[int, Decimal]] = {}
    for txn in txns:
        n, total = sums.get(txn.direction, (0, Decimal("0.00")))
        sums[txn.direction] = (n + 1, total + txn.amount)
    return sums


def _total_line(label: str, sums: dict[str, tuple[int, Decimal]], direction: str) -> str:
    n, total = sums.get(direction, (0, Decimal("0.00")))
    return f"{label}：{n}笔 {total:.2f}元"


# -- Alipay app CSV (2023+) ------------------------------------------------------------

ALIPAY_HEADER = [
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
ALIPAY_NOTES = [
    "1.本回单内容可表明支付宝受理了相应支付交易申请，因系统原因或通讯故障等偶发因素导致本回单与"
    "实际交易结果不符时，以实际交易情况为准；",
    "2.请勿将本回单作为收款方发货的凭据使用，请查证账户实际到账情况后再进行发货操作；",
    "3.支付宝快捷支付等非余额支付方式可能既产生支付宝交易也同步产生银行交易，因此请勿使用本回单"
    "进行重复记账；",
    "4.本回单如经任何涂改、编造，均立即失去效力；",
    "5.部分账单如：充值提现、账户转存或者个人设置收支等不计入为收入或者支出，记为不计收支类；",
    "6.因统计逻辑不同，明细金额直接累加后，可能会和下方统计金额不一致，请以实际交易金额为准；",
    "7.禁止将本回单用于非法用途；",
    "8.本明细仅展示当前账单中的交易，不包括已删除的记录；",
    "9.本明细仅供个人对账使用。",
]
_ALIPAY_STATUS = {
    SUCCESS: "交易成功",
    CLOSED: "交易关闭",
    PENDING: "等待确认收货",
    REFUND: "退款成功",
    REFUNDED: "交易关闭",
    PARTIAL: "交易成功",
}


def _pad(value: str, width: int = 20) -> str:
    return value.ljust(width)


def alipay_csv(path: Path, txns: Sequence[Txn], meta: ExportMeta) -> list[int]:
    """支付宝交易明细 CSV, 2023+ layout: GBK, 24-line preamble, padded, tab-suffixed ids."""
    sums = _totals(txns)
    lines = [
        "-" * 84,
        "导出信息：",
        f"姓名：{meta.owner}",
        f"支付宝账户：{meta.account}",
        f"起始时间：[{_stamp(meta.start)}]    终止时间：[{_stamp(meta.end)}]",
        "导出交易类型：[全部]",
        f"导出时间：[{_stamp(meta.exported_at)}]",
        f"共{len(txns)}笔记录",
        _total_line("收入", sums, "income"),
        _total_line("支出", sums, "expense"),
        _total_line("不计收支", sums, "neutral"),
        "",
        "特别提示：",
        *ALIPAY_NOTES,
        "",
        "-" * 24 + "支付宝（中国）网络技术有限公司  电子客户回单" + "-" * 24,
        ",".join(_pad(name) for name in ALIPAY_HEADER) + ",",
    ]
    rows = [0] * len(txns)
    for index in _newest_first(txns):
        txn = txns[index]
        rows[index] = len(lines) + 1
        fields = [
            _pad(_stamp(txn.time)),
            _pad(txn.category or "其他"),
            _pad(txn.counterparty or "/"),
            _pad(txn.counter_account or "/"),
            _pad(txn.item or "/"),
            _pad(_direction_word(txn, "不计收支")),
            _pad(f"{txn.amount:.2f}"),
            _pad(txn.method),
            _pad(txn.status_text or _ALIPAY_STATUS[txn.state]),
            f"{txn.txn_id}\t",
            f"{txn.order_id}\t" if txn.order_id else _pad("") + "\t",
            _pad(""),
        ]
        lines.append(",".join(fields) + ",")
    Path(path).write_bytes(("\n".join(lines) + "\n").encode("gbk"))
    return rows


# -- WeChat Pay: CSV (until mid-2025) and XLSX (March 2026 layout) ------------------------

WECHAT_HEADER = [
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
WECHAT_SEPARATOR = "----------------------微信支付账单明细列表--------------------"


def _wechat_status(txn: Txn, refund_amount: Decimal | None = None) -> str:
    if txn.status_text:
        return txn.status_text
    if txn.state == PARTIAL:
        return f"已退款￥{refund_amount or Decimal('0.00'):.2f}"
    return {
        SUCCESS: "支付成功",
        CLOSED: "支付失败",
        PENDING: "处理中",
        REFUND: "已全额退款",
        REFUNDED: "已全额退款",
    }[txn.state]


def _wechat_preamble(txns: Sequence[Txn], meta: ExportMeta, notes: list[str]) -> list[str]:
    sums = _totals(txns)
    return [
        "微信支付账单明细",
        f"微信昵称：[{meta.account}]",
        f"起始时间：[{_stamp(meta.start)}] 终止时间：[{_stamp(meta.end)}]",
        "导出类型：[全部]",
        f"导出时间：[{_stamp(meta.exported_at)}]",
        "",
        f"共{len(txns)}笔记录",
        _total_line("收入", sums, "income"),
        _total_line("支出", sums, "expense"),
        _total_line("中性交易", sums, "neutral"),
        "注：",
        *notes,
    ]


def _wechat_values(txn: Txn) -> list[str]:
    return [
        _stamp(txn.time),
        txn.category or "商户消费",
        txn.counterparty or "/",
        txn.item or "/",
        _direction_word(txn, "/"),
        "",  # amount: written by each layout
        txn.method,
        _wechat_status(txn),
        f"{txn.txn_id}\t",
        f"{txn.order_id}\t" if txn.order_id else "/",
        "/",
    ]


def _csv_cell(value: str) -> str:
    if any(ch in value for ch in ',"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def wechat_csv(path: Path, txns: Sequence[Txn], meta: ExportMeta) -> list[int]:
    """微信支付账单 CSV: UTF-8 with BOM, CRLF, 16-line preamble padded to 11 fields."""
    notes = [
        "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易",
        "2. 本明细仅展示当前账单中的交易，不包括已删除的记录",
        "3. 本明细仅供个人对账使用",
    ]
    preamble = [*_wechat_preamble(txns, meta, notes), "", WECHAT_SEPARATOR]
    lines = [line + "," * 10 for line in preamble]
    lines.append(",".join(WECHAT_HEADER))
    rows = [0] * len(txns)
    for index in _newest_first(txns):
        txn = txns[index]
        rows[index] = len(lines) + 1
        values = _wechat_values(txn)
        values[5] = f"¥{txn.amount:.2f}"
        cells = [_csv_cell(v) for v in values]
        # ids are quoted with the tab inside, as in real exports
        cells[8] = f'"{values[8]}"'
        cells[9] = f'"{values[9]}"' if values[9] != "/" else "/"
        lines.append(",".join(cells))
    data = "\r\n".join(lines) + "\r\n"
    Path(path).write_bytes(b"\xef\xbb\xbf" + data.encode("utf-8"))
    return rows


def wechat_xlsx(path: Path, txns: Sequence[Txn], meta: ExportMeta) -> list[int]:
    """微信支付账单流水文件 XLSX, March-2026 layout: header row 18, numeric ¥ amounts."""
    from openpyxl import Workbook

    notes = [
        "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易",
        "2. 若交易记录明细无有效内容，则代表该时间段内此微信号无交易。",
        "3. 本明细仅供个人对账使用",
        "4. 本账单中所有时间均为UTC+08:00时间",
    ]
    preamble = [*_wechat_preamble(txns, meta, notes), "", WECHAT_SEPARATOR]
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for number, text in enumerate(preamble, start=1):
        if text:
            sheet.cell(row=number, column=1, value=text)
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=11)
    header_row = len(preamble) + 1
    for column, name in enumerate(WECHAT_HEADER, start=1):
        sheet.cell(row=header_row, column=column, value=name)
    rows = [0] * len(txns)
    row = header_row
    for index in _newest_first(txns):
        txn = txns[index]
        row += 1
        rows[index] = row
        for column, value in enumerate(_wechat_values(txn), start=1):
            if column == 6:
                cell = sheet.cell(row=row, column=column, value=float(txn.amount))
                cell.number_format = "¥#,##0.00"
            else:
                sheet.cell(row=row, column=column, value=value)
    sheet.column_dimensions["A"].width = 20
    book.properties.creator = "微信支付"
    book.properties.created = book.properties.modified = meta.exported_at
    buffer = io.BytesIO()
    book.save(buffer)
    Path(path).write_bytes(_fixed_zip_times(buffer.getvalue(), meta.exported_at))
    return rows


def _fixed_zip_times(data: bytes, moment: datetime) -> bytes:
    """Rewrite an XLSX with fixed member timestamps so regeneration is byte-identical."""
    stamp = moment.timetuple()[:6]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"<dcterms:modified([^>]*)>[^<]*<",
                    rb"<dcterms:modified\1>"
                    + moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                    + rb"<",
                    content,
                )
            dst.writestr(
                zipfile.ZipInfo(info.filename, date_time=stamp),
                content,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()


# -- ICBC debit card CSV, 2024 layout (debit v2) ------------------------------------------

ICBC_HEADER = [
    "交易日期",
    "摘要",
    "交易详情",
    "交易场所",
    "交易国家或地区简称",
    "钞/汇",
    "交易金额(收入)",
    "交易金额(支出)",
    "交易币种",
    "记账金额(收入)",
    "记账金额(支出)",
    "记账币种",
    "余额",
    "对方户名",
    "对方账户",
]


def _thousands(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def _cell(value: str, width: int, quoted: bool) -> str:
    text = value.ljust(width) + "\t"
    return f'"{text}"' if quoted else text


def icbc_debit_csv(
    path: Path,
    txns: Sequence[Txn],
    meta: ExportMeta,
    opening_balance: Decimal = Decimal("20000.00"),
) -> list[int]:
    """工商银行 明细查询文件下载 CSV (debit, 2024): padded + tab fields, 人民币合计 footer."""
    lines = [
        "明细查询文件下载",
        "",
        f'卡号: {meta.account},"卡别名: "',
        "",
        '子账户序号: 00000,子账户类别: 活期,"子账户别名: "',
        "",
        ",".join(ICBC_HEADER),
    ]
    balances: dict[int, Decimal] = {}
    balance = opening_balance
    for index in sorted(range(len(txns)), key=lambda i: (txns[i].time, i)):
        txn = txns[index]
        balance += txn.amount if txn.direction == "income" else -txn.amount
        balances[index] = balance
    income = expense = Decimal("0.00")
    rows = [0] * len(txns)
    for index in _newest_first(txns):
        txn = txns[index]
        rows[index] = len(lines) + 1
        is_income = txn.direction == "income"
        if is_income:
            income += txn.amount
        else:
            expense += txn.amount
        cells = [
            _cell(txn.time.strftime("%Y-%m-%d"), 10, False),
            _cell(txn.summary, 16, True),
            _cell(txn.item, 30, True),
            _cell(txn.place, 60, True),
            _cell(txn.country, 20, True),
            _cell("钞", 8, False),
            _cell("-", 20, True),
            _cell("-", 20, True),
            _cell("-", 14, False),
            _cell(_thousands(txn.amount) if is_income else "", 20, True),
            _cell("" if is_income else _thousands(txn.amount), 20, True),
            _cell("人民币", 10, False),
            _cell(_thousands(balances[index]), 19, True),
            _cell(txn.party, 70, True),
            _cell(txn.party_account, 19, True),
        ]
        lines.append(",".join(cells) + ",")
    lines.append(" ")
    totals = f'"{_thousands(income):<18}\t","{_thousands(expense):<18}\t",'
    lines.append("人民币合计" + "," * 9 + totals)
    Path(path).write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return rows


WRITERS = {
    "alipay-2023": alipay_csv,
    "wechat-csv": wechat_csv,
    "wechat-xlsx-2026": wechat_xlsx,
    "icbc-debit-2024": icbc_debit_csv,
}
