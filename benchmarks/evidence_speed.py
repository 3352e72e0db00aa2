"""How long the evidence package of a 10,000-charge case takes to build (target: <= 10 s).

The case is made here with the application layer's own dataclasses: 10,000 charges of
one company over about 27 years of daily-ish renewals in two streams, from one
statement of ~1.5 MB, with a cancellation halfway. Prints the build time, the package
size, the number of report pages and the verify time.

    .venv/bin/python benchmarks/evidence_speed.py [--charges 10000]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qiake_auditor.app.cases import Case, Charge, totals_of
from qiake_auditor.outputs.evidence.package import Original, build_package
from qiake_auditor.outputs.evidence.verify import verify
from qiake_auditor.vocab import CaseStatus


def make_case(count: int) -> tuple[Case, Original]:
    start = date(2000, 1, 1)
    lines = ["交易时间,交易对方,商品说明,金额,交易订单号,商家订单号"]
    charges = []
    cancelled = start + timedelta(days=count // 2)
    for index in range(count):
        day = start + timedelta(days=index)
        amount = Decimal("29.00") if index % 2 else Decimal("199.00")
        txn = f"{day:%Y%m%d}22{index:018d}"
        order = f"QK{day:%Y%m%d}{index:08d}"
        lines.append(f"{day} 02:00:00,深圳洽客科技有限公司,自动续费,{amount},{txn},{order}")
        charges.append(
            Charge(
                row_id=index,
                dedup_key=str(index),
                date=day,
                time=f"{day} 02:00:00",
                amount=amount,
                currency="CNY",
                state="success",
                source="支付宝交易明细.csv",
                source_sha256="",
                source_row=index + 2,
                format="alipay-2023",
                txn_id=txn,
                merchant_order_id=order,
                counterparty="深圳洽客科技有限公司",
                merchant="深圳洽客科技有限公司",
                description="自动续费",
                method="招商银行储蓄卡(1111)",
                stream_id=f"s{index % 2}",
                cadence="daily",
                flags=["watchlist"],
                cause="auto_renewal",
                days_since_previous=None if index == 0 else 1,
                after_cancellation=day > cancelled,
            )
        )
    data = ("\n".join(lines) + "\n").encode("gbk")
    digest = hashlib.sha256(data).hexdigest()
    for charge in charges:
        charge.source_sha256 = digest
    after = [c for c in charges if c.after_cancellation]
    case = Case(
        id="QK-20260101-001",
        key="洽客",
        merchant="洽客科技",
        legal_name="深圳洽客科技有限公司",
        names=["深圳洽客科技有限公司", "洽客科技"],
        status=CaseStatus.DISPUTED,
        cancelled_on=cancelled,
        streams=[],
        charges=charges,
        refunds=[],
        totals=totals_of(charges),
        after=after,
        after_totals=totals_of(after),
        log=[],
    )
    return case, Original("支付宝交易明细.csv", digest, lambda: data, "", "alipay-2023")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--charges", type=int, default=10_000)
    args = parser.parse_args()
    case, original = make_case(args.charges)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "package.zip"
        began = time.perf_counter()
        result = build_package(case, out, [original], lang="zh")
        took = time.perf_counter() - began
        with zipfile.ZipFile(out) as archive:
            report = archive.read(f"{result.root}/data/report/evidence_report.pdf")
        pages = report.count(b"/Type /Page\n") or report.count(b"/Type /Page")
        began = time.perf_counter()
        verdict = verify(out)
        checked = time.perf_counter() - began
    print(f"charges: {args.charges:,}")
    print(f"build time: {took:.2f} s (target <= 10 s) {'OK' if took <= 10 else 'TOO SLOW'}")
    print(
        f"package size: {result.size / 1e6:.2f} MB ({result.size:,} bytes), "
        f"{result.files} files, report ~{pages} pages"
    )
    print(f"verify: {'valid' if verdict.valid else 'INVALID'} in {checked:.2f} s")
    return 0 if took <= 10 and verdict.valid else 1


if __name__ == "__main__":
    sys.exit(main())
