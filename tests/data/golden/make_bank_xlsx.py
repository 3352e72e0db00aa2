"""Write the bank spreadsheet fixtures (CCB, CITIC, SPDB) as .xlsx with openpyxl.

The banks hand out BIFF8 .xls files; openpyxl cannot write those, but calamine reads
both and the importers identify by content, so an .xlsx with the same cells tests
the same code. Cell types follow the real files: CCB dates are text and amounts
numeric with 0.0 in the unused column; CITIC and SPDB amounts are text. Run from
the repository root: ``.venv/bin/python tests/data/golden/make_bank_xlsx.py``.
The expected ledgers beside the files were checked by hand against these rows.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
SP = "\u3000"  # the ideographic space in CCB's labels


def _save(path: Path, sheet_name: str, rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(_stable(buffer.getvalue()))


def _stable(data: bytes) -> bytes:
    """Fixed timestamps (zip entries, document properties) so reruns give the same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>2026-01-01T00:00:00Z",
                    content,
                )
            target.writestr(
                zipfile.ZipInfo(info.filename, (2026, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


def ccb() -> None:
    header = [
        "记账日          ",
        "交易日期          ",
        "交易时间                ",
        "支出                ",
        "收入                ",
        "账户余额          ",
        "币种          ",
        "摘要            ",
        "对方账号          ",
        "对方户名          ",
        "交易地点                ",
    ]
    rows = [
        ["China Construction Bank"] + [""] * 10,
        ["开户机构：", "深圳分行营业部"],
        [f"币{SP}{SP}种：", "人民币"],
        [f"账{SP}{SP}号：", "6217*********4321"],
        [],
        header,
        [
            "20260105",
            "20260105",
            "08:00:01",
            29.9,
            0.0,
            2970.1,
            "人民币",
            "消费",
            "20883313166*****0156",
            "深***科技有限公司",
            "支付宝-支付宝外部商户-深圳洽客科技有限公司",
        ],
        [
            "20260110",
            "20260110",
            "09:30:00",
            0.0,
            5000.0,
            7970.1,
            "人民币",
            "工资",
            "4400*****0001",
            "ABC科技有限公司",
            "",
        ],
        [
            "20260112",
            "20260111",
            "23:10:05",
            1234.5,
            0.0,
            6735.6,
            "人民币",
            "无卡自助交易",
            "802080*****0015",
            "中***网络有限公司",
            "中国铁路网络有限公司（云闪付APP）",
        ],
        ["以上数据仅供参考|具体内容请以柜台为准"],
    ]
    _save(HERE / "ccb" / "ccb-xls-layout.xlsx", "交易明细_4321_20260101_20260131.xls", rows)


def citic() -> None:
    rows = [
        ["本期账单明细(人民币)"],
        [
            "交易日期",
            "入账日期",
            "交易描述",
            "卡末四位",
            "交易币种",
            "结算币种",
            "交易金额",
            "结算金额",
        ],
        [
            "2026-02-05",
            "2026-02-06",
            "支付宝－深圳洽客科技有限公司",
            6688,
            "人民币",
            "人民币",
            "29.90",
            "29.90",
        ],
        [
            "2026-02-08",
            "2026-02-08",
            "财付通－京东商城平台商户",
            6688,
            "人民币",
            "人民币",
            "1,807.89",
            "1,807.89",
        ],
        [
            "2026-02-10",
            "2026-02-10",
            "0.2元现金奖励-笔笔返0.2元",
            6688,
            "人民币",
            "人民币",
            "-0.20",
            "-0.20",
        ],
        ["2026-02-15", "2026-02-16", "APPLE.COM/BILL", 1234, "美元", "人民币", "9.99", "72.06"],
        ["2026-02-20", "2026-02-20", "财付通还款", 6688, "人民币", "人民币", "-500.00", "-500.00"],
    ]
    _save(HERE / "citic" / "citic-credit-layout.xlsx", "本期账单明细(人民币)", rows)


def spdb() -> None:
    rows = [
        ["账号", "6225********7788", "账户类型", "借记卡", "日期范围", "20251201-20251231"],
        [
            "顺序号",
            "交易日期",
            "交易类型",
            "存入金额",
            "取出金额",
            "余额",
            "交易对手名称",
            "交易对手账号",
            "附言",
        ],
        [
            "1",
            "2025/12/03  14:06:51",
            "网上支付-支付宝",
            "",
            "29.90",
            "9,970.10",
            "支付宝（中国）网络技术有限公司",
            "2088****0001",
            "支付宝-深圳洽客科技有限公司",
        ],
        [
            "2",
            "2025/12/10  09:00:00",
            "代发工资",
            "8,000.00",
            "",
            "17,970.10",
            "ABC科技有限公司",
            "4400****0001",
            "12月工资",
        ],
        [
            "3",
            "2025/12/15  20:15:33",
            "网上支付-财付通",
            "",
            "45.00",
            "17,925.10",
            "",
            "",
            "财付通-美团平台商户",
        ],
    ]
    _save(HERE / "spdb" / "spdb-debit-layout.xlsx", "sheet", rows)


if __name__ == "__main__":
    ccb()
    citic()
    spdb()
