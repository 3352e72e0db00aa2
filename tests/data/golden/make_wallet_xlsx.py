"""Write the WeChat Pay XLSX golden fixtures (both layouts) with openpyxl.

Run from the repository root: ``.venv/bin/python tests/data/golden/make_wallet_xlsx.py``.
The output is byte-for-byte reproducible (fixed document dates and ZIP timestamps),
so the ``source_sha256`` in the expected ledgers stays valid after a re-run.

* ``wechat/wechat-2025.xlsx`` - the July 2025 layout: one sheet ``Sheet1``, header on
  row 17, text amounts ``¥12.34`` (one with a thousands separator), ids ending in a
  tab, one time stored as an Excel datetime cell.
* ``wechat/wechat-2026.xlsx`` - the March 2026 layout: a fourth note
  (``UTC+08:00``), header on row 18, numeric amount cells with the format
  ``¥#,##0.00``, one time as a datetime cell and one as a bare serial number, and a
  decoy sheet before ``Sheet1`` like the Power-Query copy Excel adds on re-save.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
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
NOTES_2025 = [
    "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易",
    "2. 本明细仅展示当前账单中的交易，不包括已删除的记录",
    "3. 本明细仅供个人对账使用",
]
NOTES_2026 = [
    "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易",
    "2. 若交易记录明细无有效内容，则代表该时间段内此微信号无交易。",
    "3. 本明细仅供个人对账使用",
    "4. 本账单中所有时间均为UTC+08:00时间",
]
SEPARATOR = "----------------------微信支付账单明细列表--------------------"
FIXED = dt.datetime(2024, 1, 1)


def preamble(totals: list[str], notes: list[str]) -> list[list[object]]:
    head = [
        "微信支付账单明细",
        "微信昵称：[测试]",
        "起始时间：[2025-08-01 00:00:00] 终止时间：[2025-08-31 23:59:59]",
        "导出类型：[全部]",
        "导出时间：[2025-09-01 09:00:00]",
        "",
    ]
    return [[text] for text in [*head, *totals, "注：", *notes, "", SEPARATOR]]


ROWS_2025: list[list[object]] = [
    [
        "2025-08-01 09:00:00",
        "商户消费",
        "深圳洽客科技有限公司",
        "会员连续包月",
        "支出",
        "¥12.34",
        "零钱",
        "支付成功",
        "4200002900202508010000000000\t",
        "QK2025080100001\t",
        "/",
    ],
    [
        dt.datetime(2025, 8, 2, 10, 30, 5),
        "商户消费",
        "京东商城平台商户",
        "京东-订单编号88",
        "支出",
        "¥1,020.00",
        "招商银行(1111)",
        "已退款￥20.00",
        "4200002900202508020000000001\t",
        "JD88\t",
        "/",
    ],
    [
        "2025-08-03 11:00:00",
        "退款",
        "京东商城平台商户",
        "京东-订单编号88",
        "收入",
        "¥20.00",
        "招商银行(1111)",
        "已退款￥20.00",
        "50300605572025080300000000000002\t",
        "JD88\t",
        "/",
    ],
    [
        "2025-08-04 12:00:00",
        "零钱充值",
        "工商银行(9876)",
        "/",
        "/",
        "¥500.00",
        "工商银行(9876)",
        "充值完成",
        "110250804100031243293946287587\t",
        "/\t",
        "/",
    ],
    [
        "2025-08-05 13:00:00",
        "其他",
        '点击底部"多多视频"',
        "/",
        "收入",
        "¥0.07",
        "/",
        "已到账",
        "160572459525080510106004542906137497131422937 ",
        "10101265586742508059275763431048   ",
        "/",
    ],
]

ROWS_2026: list[list[object]] = [
    [
        "2026-03-01 08:00:00",
        "商户消费",
        "深圳洽客科技有限公司",
        "会员连续包月",
        "支出",
        19.9,
        "零钱",
        "支付成功",
        "4200003000202603010000000000\t",
        "QK2026030100001\t",
        "/",
    ],
    [
        dt.datetime(2026, 3, 2, 9, 15, 30),
        "商户消费",
        "同程旅行",
        "机票",
        "支出",
        1234.5,
        "建设银行(2222)",
        "已全额退款",
        "4200003000202603020000000001\t",
        "TC0302\t",
        "/",
    ],
    [
        46084.5,
        "同程旅行-退款",
        "同程旅行",
        "机票",
        "收入",
        1234.5,
        "建设银行(2222)",
        "已全额退款",
        "50300605572026030300000000000003\t",
        "TC0302\t",
        "/",
    ],
    [
        "2026-03-04 10:00:00",
        "零钱提现",
        "招商银行(1111)",
        "/",
        "/",
        100.1,
        "零钱",
        "提现已到账",
        "207260304100077148235523883175\t",
        "/\t",
        "服务费¥0.10",
    ],
    [
        "2026-03-05 11:00:00",
        "转账",
        "朋友A",
        "转账备注:微信转账",
        "支出",
        88,
        "零钱",
        "对方已退还",
        "180000737626030510106004541373333333333333333",
        "/",
        "/",
    ],
    [
        "2026-03-06 12:00:00",
        "二维码收款",
        "用户B",
        "收款方备注:二维码收款",
        "收入",
        0.1,
        "零钱",
        "已收钱",
        "10000499012026030600751007550211\t",
        "/\t",
        "/",
    ],
]


def sheet_rows(totals: list[str], notes: list[str], rows: list[list[object]]) -> list[list[object]]:
    return [*preamble(totals, notes), HEADER, *rows]


def fill(ws, rows: list[list[object]], amount_format: str | None) -> None:
    header_row = None
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
        if row is HEADER:
            header_row = r
    if amount_format and header_row:
        for r in range(header_row + 1, len(rows) + 1):
            ws.cell(row=r, column=6).number_format = amount_format


def reproducible(book: Workbook) -> bytes:
    """Save with fixed document dates and ZIP member times."""
    book.properties.created = FIXED
    buffer = io.BytesIO()
    book.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data
                )
            dst.writestr(
                zipfile.ZipInfo(info.filename, (2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


def build_2025() -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = "Sheet1"
    totals = ["共5笔记录", "收入：2笔 20.07元", "支出：2笔 1032.34元", "中性交易：1笔 500.00元"]
    fill(ws, sheet_rows(totals, NOTES_2025, ROWS_2025), None)
    return reproducible(book)


def build_2026() -> bytes:
    book = Workbook()
    decoy = book.active
    decoy.title = "example-wechat-records"
    # Declared totals deliberately off by one expense row: the importer must warn.
    totals = ["共6笔记录", "收入：2笔 1234.60元", "支出：2笔 1254.40元", "中性交易：1笔 100.10元"]
    rows = sheet_rows(totals, NOTES_2026, ROWS_2026)
    decoy_rows = [[f"Column{i}" for i in range(1, 12)], *rows]
    for r, row in enumerate(decoy_rows, start=1):
        for c, value in enumerate(row, start=1):
            decoy.cell(row=r, column=c, value="¥9.99" if value in (19.9, 1234.5) else value)
    fill(book.create_sheet("Sheet1"), rows, "¥#,##0.00")
    return reproducible(book)


def main() -> None:
    (HERE / "wechat" / "wechat-2025.xlsx").write_bytes(build_2025())
    (HERE / "wechat" / "wechat-2026.xlsx").write_bytes(build_2026())


if __name__ == "__main__":
    main()
