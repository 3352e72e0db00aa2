"""Splitting a name off a case: it works where the detector can tell the names apart,
and is refused with the reason where it cannot (never silently ignored)."""

from __future__ import annotations

import pytest

from qiake_auditor.app import Audit
from qiake_auditor.app.demo import demo_files
from qiake_auditor.errors import UserError


@pytest.fixture
def audit(tmp_path):
    with Audit.open(tmp_path / "w.sqlite") as opened:
        opened.import_files(demo_files())
        yield opened


def case_of(audit: Audit, text: str):
    audit.snapshot()
    return audit.find_case(text)


def test_two_printings_of_one_company_cannot_be_split_and_nothing_is_recorded(audit):
    qiake = case_of(audit, "洽客")
    assert {"洽客科技", "深圳洽客科技有限公司"} <= set(qiake.names)
    with pytest.raises(UserError) as refused:
        audit.set_case(qiake, split=["洽客科技"])
    assert refused.value.message_id == "case.split_same_key"
    assert "洽客科技" in refused.value.text("zh") and "无法拆分" in refused.value.text("zh")
    assert "cannot split" in refused.value.text("en")
    assert audit.workspace.decision_history() == []
    after = case_of(audit, "洽客")
    assert after.names == qiake.names and str(after.totals["CNY"].paid) == "5274.00"
    assert [e.kind for e in after.log] == []


def test_a_name_the_case_does_not_have_is_refused(audit):
    qiake = case_of(audit, "洽客")
    with pytest.raises(UserError) as refused:
        audit.set_case(qiake, split=["腾讯视频"])
    assert refused.value.message_id == "case.split_unknown"
    assert audit.workspace.decision_history() == []


def test_a_refused_split_records_none_of_the_other_decisions_given_with_it(audit):
    qiake = case_of(audit, "洽客")
    with pytest.raises(UserError):
        audit.set_case(qiake, note="一起提交", split=["深圳洽客科技有限公司"])
    assert case_of(audit, "洽客").log == []


def test_a_merged_name_splits_off_again_into_its_own_case(audit):
    audit.set_case(case_of(audit, "洽客"), aliases=["腾讯视频"])
    merged = case_of(audit, "洽客")
    assert str(merged.totals["CNY"].paid) == "5724.00"
    audit.set_case(merged, split=["腾讯视频"])
    cases = {c.merchant: c for c in audit.snapshot().cases}
    assert str(cases["腾讯视频"].totals["CNY"].paid) == "450.00"
    assert str(case_of(audit, "洽客").totals["CNY"].paid) == "5274.00"
