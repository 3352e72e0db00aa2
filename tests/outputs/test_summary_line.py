"""A case in one line: currencies joined in the language, '1 charge' singular in English."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from qiake_auditor.app.cases import Totals

from .conftest import make_case


def test_the_summary_line_joins_currencies_in_the_language_and_counts_right() -> None:
    case = make_case()
    two = dataclasses.replace(
        case,
        totals={"CNY": Totals(Decimal("232.00")), "USD": Totals(Decimal("12.00"))},
        after=case.after[:1],
        after_totals={"CNY": Totals(Decimal("29.00"))},
    )
    assert two.summary_line("zh") == (
        "深圳示例科技有限公司：8 笔扣费，共 ¥232.00；$12.00；2025-05-20 取消后仍扣 1 笔，共 ¥29.00"
    )
    assert two.summary_line("en") == (
        "深圳示例科技有限公司: 8 charges, ¥232.00; $12.00 in all; "
        "1 charge after the cancellation of 2025-05-20, ¥29.00"
    )
