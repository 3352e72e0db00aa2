"""Regenerate the demo statements in qiake_auditor/resources/demo/ (deterministic).

``python -m benchmarks.corpus.demo [OUT_DIR]``

Three exports of one fictional person, 2024-06 .. 2025-11: an Alipay CSV, a WeChat
XLSX and an ICBC debit-card CSV. 深圳洽客科技有限公司 bills ¥199 at each month end via
Alipay, switches the user to an annual plan (¥1,980) on 2024-11-30 and renews it on
2025-11-30 although the user cancelled on 2025-06-20; its SMS add-on (WeChat,
「洽客科技」) keeps charging after the cancellation too. One monthly charge was paid
with the ICBC card, so it also appears on the bank statement as 支付宝-深圳洽客科技有限公司.
Around it: a few hundred ordinary rows (food, transport, groceries, a video
membership, phone bill, rent by bank transfer, salary).
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from . import factory, writers
from .model import ALIPAY, ALIPAY_COMPANY, ICBC, WECHAT, Txn, money

SEED = 20251130
START, END = date(2024, 6, 1), date(2025, 11, 30)
QIAKE = "深圳洽客科技有限公司"
QIAKE_BRAND = "洽客科技"
CANCELLED = "2025-06-20"
ALIPAY_CARD = "招商银行储蓄卡(1111)"
ICBC_CARD_METHOD = "工商银行储蓄卡(6688)"
ICBC_CARD = "6222****6688"
FILES = {
    "alipay": "支付宝交易明细(20240601-20251130).csv",
    "wechat": "微信支付账单流水文件(20240601-20251130)_20251201093015.xlsx",
    "icbc": "工商银行借记卡明细(20240601-20251130).csv",
}


def _days(start: date, end: date):
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


class _Builder:
    def __init__(self) -> None:
        self.rng = np.random.default_rng(SEED)
        self.rows: list[Txn] = []

    def add(
        self,
        day: date,
        amount,
        direction: str,
        counterparty: str,
        platform: str,
        *,
        item: str = "",
        category: str = "",
        method: str = "余额",
        hour=(7, 23),
        prefix: str = "",
        **extra,
    ) -> Txn:
        moment = factory.at(day, self.rng, *hour)
        txn = Txn(
            moment,
            money(amount),
            direction,
            counterparty,
            platform=platform,
            item=item,
            category=category,
            method=method,
            txn_id=factory.platform_id(self.rng, platform, moment),
            order_id=factory.order_id(self.rng, prefix, moment) if prefix else "",
            **extra,
        )
        self.rows.append(txn)
        return txn


def build() -> list[Txn]:
    """All demo rows, in no particular order."""
    b = _Builder()
    rng = b.rng
    # 洽客: monthly ¥199 at month end (Alipay), then annual ¥1,980.
    for k in range(5):  # 2024-06-30 .. 2024-10-31
        day = factory.month_end(2024, 6 + k)
        method = (
            ICBC_CARD_METHOD
            if day == date(2024, 8, 31)
            else (ALIPAY_CARD if k % 2 == 0 else "余额")
        )
        txn = b.add(
            day,
            199,
            "expense",
            QIAKE,
            ALIPAY,
            item="洽客CRM专业版-连续包月",
            category="商业服务",
            method=method,
            hour=(2, 5),
            prefix="QK",
            counter_account="qiake***@qiake.cn",
            stream="qiake-crm",
        )
        if method == ICBC_CARD_METHOD:
            b.rows.append(factory.bank_copy(txn, 1, rng))
    for day in (date(2024, 11, 30), date(2025, 11, 30)):
        b.add(
            day,
            1980,
            "expense",
            QIAKE,
            ALIPAY,
            item="洽客CRM专业版-年付 自动续费",
            category="商业服务",
            method=ALIPAY_CARD,
            hour=(2, 5),
            prefix="QK",
            counter_account="qiake***@qiake.cn",
            stream="qiake-crm",
        )
    # 洽客 SMS add-on on WeChat under the brand name, continues after the cancellation.
    day = date(2025, 1, 12)
    while day <= END:
        b.add(
            day,
            29,
            "expense",
            QIAKE_BRAND,
            WECHAT,
            item="洽客短信包-连续包月",
            category="商户消费",
            method="零钱",
            hour=(1, 4),
            prefix="QKSMS",
            stream="qiake-sms",
        )
        day = factory.add_months(day, 1, 12)
    # A real video membership the user keeps (WeChat, 连续包月, 15th).
    day = date(2024, 6, 15)
    while day <= END:
        b.add(
            day,
            25,
            "expense",
            "腾讯视频",
            WECHAT,
            item="腾讯视频VIP会员-连续包月",
            category="商户消费",
            method="零钱",
            hour=(0, 2),
            prefix="TXV",
        )
        day = factory.add_months(day, 1, 15)
    # Phone bill: 中国移动 auto top-up around the 3rd (Alipay).
    for k in range(18):
        day = factory.add_months(date(2024, 6, 3), k) + timedelta(days=int(rng.integers(0, 2)))
        b.add(
            day,
            100,
            "expense",
            "中国移动",
            ALIPAY,
            item="话费充值-自动充值",
            category="充值缴费",
            method="余额",
            prefix="CMCC",
        )
    # Everyday spending.
    for day in _days(START, END):
        workday = day.weekday() < 5
        if workday and rng.random() < 0.55:
            shop = ["美团外卖", "饿了么"][int(rng.integers(0, 2))]
            b.add(
                day,
                money(rng.uniform(18, 42)),
                "expense",
                shop,
                ALIPAY if shop == "饿了么" else WECHAT,
                item="外卖订单",
                category="餐饮美食" if shop == "饿了么" else "商户消费",
                method="余额" if shop == "饿了么" else "零钱",
                hour=(11, 13),
            )
        if workday and rng.random() < 0.25:
            b.add(
                day,
                money(rng.uniform(14, 38)),
                "expense",
                "滴滴出行",
                ALIPAY,
                item="快车行程",
                category="交通出行",
                method="花呗",
                hour=(18, 22),
            )
        if rng.random() < 0.12:
            b.add(
                day,
                9.9 if rng.random() < 0.7 else 13.9,
                "expense",
                "瑞幸咖啡",
                WECHAT,
                item="瑞幸咖啡订单",
                category="商户消费",
                method="零钱",
                hour=(8, 10),
            )
        if day.weekday() == 5 and rng.random() < 0.8:
            shop = ["盒马鲜生", "永辉超市"][int(rng.integers(0, 2))]
            b.add(
                day,
                money(rng.uniform(90, 260)),
                "expense",
                shop,
                ALIPAY,
                item="超市购物",
                category="日用百货",
                method=ALIPAY_CARD,
                hour=(10, 19),
            )
    # Bank: salary on the 10th, rent by transfer on the 5th.
    for k in range(18):
        month = factory.add_months(date(2024, 6, 1), k)
        b.rows.append(
            Txn(
                datetime(month.year, month.month, 10),
                money(18500),
                "income",
                "",
                platform=ICBC,
                summary="工资",
                place="",
                party="上海云杉信息技术有限公司",
                party_account="3100****2201",
            )
        )
        b.rows.append(
            Txn(
                datetime(month.year, month.month, 5),
                money(4500),
                "expense",
                "",
                platform=ICBC,
                summary="网转",
                place="手机银行",
                item="房租",
                party="李建国",
                party_account="6217****3390",
            )
        )
    # ICBC: an Alipay top-up and a few card payments through WeChat.
    for k in range(6):
        day = factory.add_months(date(2024, 7, 20), 3 * k)
        b.rows.append(
            Txn(
                datetime.combine(day, datetime.min.time()),
                money(500),
                "expense",
                "",
                platform=ICBC,
                summary="消费",
                place="支付宝-余额充值",
                party=ALIPAY_COMPANY,
            )
        )
    return b.rows


def write(out: Path) -> dict[str, Path]:
    """Write the three demo statements and demo.json into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    rows = build()
    exported = datetime(2025, 12, 1, 9, 30, 15)
    period = (
        datetime.combine(START, datetime.min.time()),
        datetime.combine(END, datetime.max.time().replace(microsecond=0)),
    )
    paths = {key: out / name for key, name in FILES.items()}
    writers.alipay_csv(
        paths["alipay"],
        [t for t in rows if t.platform == ALIPAY],
        writers.ExportMeta("李明", "liming***@163.com", *period, exported),
    )
    writers.wechat_xlsx(
        paths["wechat"],
        [t for t in rows if t.platform == WECHAT],
        writers.ExportMeta("李明", "明", *period, exported),
    )
    writers.icbc_debit_csv(
        paths["icbc"],
        [t for t in rows if t.platform == ICBC],
        writers.ExportMeta("李明", ICBC_CARD, *period, exported),
    )
    demo = {
        "cancelled": {QIAKE: CANCELLED},
        "as_of": END.isoformat(),
        "files": [FILES["alipay"], FILES["wechat"], FILES["icbc"]],
        "aliases": {QIAKE_BRAND: QIAKE},
    }
    (out / "demo.json").write_text(
        json.dumps(demo, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return paths


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    repo = Path(__file__).resolve().parents[2]
    out = Path(args[0]) if args else repo / "qiake_auditor" / "resources" / "demo"
    for path in write(out).values():
        print(f"{path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
