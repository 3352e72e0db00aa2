"""A hand-made case (the app layer's own dataclasses, filled by hand) and the demo case."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from qiake_auditor.app.cases import Case, Charge, LogEntry, totals_of
from qiake_auditor.outputs.evidence.package import Original
from qiake_auditor.vocab import CaseStatus, Channel

CSV = (
    "交易时间,交易对方,商品说明,金额,交易订单号,商家订单号\n"
    + "".join(
        f"2025-0{m}-12 02:00:00,深圳示例科技有限公司,会员自动续费,29.00,"
        f"42000000002025{m:02d}12000000000{m},ORD{m:04d}\n"
        for m in range(1, 8)
    )
    + '2025-08-12 02:00:00,=HYPERLINK("http://x"),@SUM(A1),29.00,4200000000202508120000000008,'
    "-ORD0008\n"
).encode("gbk")
SHA = hashlib.sha256(CSV).hexdigest()
CANCELLED = date(2025, 5, 20)
WHEN = datetime(2026, 1, 5, 20, 14, 3, tzinfo=timezone(timedelta(hours=8)))


def _charge(
    month: int,
    counterparty: str = "深圳示例科技有限公司",
    description: str = "会员自动续费",
    method: str = "招商银行储蓄卡(1111)",
    order: str | None = None,
) -> Charge:
    day = date(2025, month, 12)
    return Charge(
        row_id=month,
        dedup_key=f"k{month}",
        date=day,
        time=f"{day} 02:00:00",
        amount=Decimal("29.00"),
        currency="CNY",
        state="success",
        source="示例账单.csv",
        source_sha256=SHA,
        source_row=month + 1,
        format="alipay-2023",
        txn_id=f"42000000002025{month:02d}12000000000{month}",
        merchant_order_id=order or f"ORD{month:04d}",
        counterparty=counterparty,
        merchant="深圳示例科技有限公司",
        description=description,
        method=method,
        stream_id="s1",
        cadence="monthly",
        flags=["watchlist"],
        cause="auto_renewal",
        cause_reason_zh="每月12日",
        cause_reason_en="on day 12 each month",
        days_since_previous=None if month == 1 else 30,
        after_cancellation=day > CANCELLED,
    )


def make_case() -> Case:
    charges = [_charge(m) for m in range(1, 8)]
    charges.append(
        _charge(
            8,
            counterparty='=HYPERLINK("http://x")',
            description="@SUM(A1)",
            method="卡号 6222021234567890123 电话 13812345678",
            order="-ORD0008",
        )
    )
    for c in charges:
        c.after_cancellation = c.date > CANCELLED
        if c.after_cancellation:
            c.flags = ["after_cancellation", "watchlist"]
    after = [c for c in charges if c.after_cancellation]
    stream = {
        "id": "s1",
        "merchant": "深圳示例科技有限公司",
        "cadence": "monthly",
        "currency": "CNY",
        "amount": "29.00",
        "count": 8,
        "first_date": "2025-01-12",
        "last_date": "2025-08-12",
        "explanation_zh": "每月12日左右扣费。",
        "explanation_en": "Charged on day 12 each month.",
    }
    log = [
        LogEntry(
            1,
            "contact",
            "2025-05-20T10:00:00+08:00",
            CANCELLED,
            Channel.MERCHANT,
            "T-1",
            "电话客服要求取消，客服电话 13812345678",
            "答应取消",
        )
    ]
    return Case(
        id="QK-20260105-001",
        key="示例",
        merchant="深圳示例科技有限公司",
        legal_name="深圳示例科技有限公司",
        names=["深圳示例科技有限公司", "示例科技"],
        status=CaseStatus.DISPUTED,
        cancelled_on=CANCELLED,
        streams=[stream],
        charges=charges,
        refunds=[],
        totals=totals_of(charges),
        after=after,
        after_totals=totals_of(after),
        log=log,
    )


@pytest.fixture
def case() -> Case:
    return make_case()


@pytest.fixture
def originals() -> list[Original]:
    return [Original("示例账单.csv", SHA, lambda: CSV, "2026-01-05T20:00:00+08:00", "alipay-2023")]


def needs(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
