"""The import summary reads as one language: English punctuation in the English window."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from qiake_auditor.gui import lang
from qiake_auditor.gui.window_running import RunningWork
from qiake_auditor.ingest import FileReport

pytestmark = pytest.mark.gui

REPORT = FileReport(
    source="bill.csv",
    format="alipay",
    label="支付宝",
    rows=1200,
    added=1000,
    first="2025-01-01",
    last="2025-06-30",
    expense={"CNY": Decimal("1980.00"), "USD": Decimal("25.00")},
)


def summary(qapp, language: str) -> str:
    lang.install(qapp, language)
    view = SimpleNamespace(notes=[], reports=[REPORT])
    return RunningWork._import_summary(None, view)  # type: ignore[arg-type]


def test_the_english_summary_has_no_chinese_punctuation(qapp):
    text = summary(qapp, "en")
    assert text.startswith("bill.csv: alipay, 1,200 rows, 1,000 new, 200 already imported")
    assert text.endswith("2025-01-01 to 2025-06-30, spent ¥1,980.00; spent $25.00")
    assert not any(mark in text for mark in "，；：（）")


def test_the_chinese_summary_has_chinese_punctuation(qapp):
    text = summary(qapp, "zh")
    assert text == (
        "bill.csv：alipay，1,200 行，新增 1,000 行，已有 200 行，"
        "2025-01-01 至 2025-06-30，支出 ¥1,980.00；支出 $25.00"
    )
