"""Which streams make a case: money a company takes, not rent sent to a person or salary."""

from __future__ import annotations

from datetime import date

from qiake_auditor.app import Audit
from qiake_auditor.app.demo import demo_files


def test_rent_to_a_person_and_salary_are_no_case_and_the_qiake_totals_hold(tmp_path):
    with Audit.open(tmp_path / "w.sqlite") as audit:
        audit.import_files(demo_files())
        audit.snapshot()
        audit.set_case(audit.find_case("洽客"), cancelled=date(2025, 6, 20))
        snap = audit.snapshot()
        cases = snap.cases  # built from the open workspace (ids, log)
    streams = {s["merchant"]: s for s in snap.streams}
    rent = streams["李建国"]
    assert (rent["type"], rent["direction"]) == ("transfer", "expense")
    assert rent["explanation_zh"].startswith("转账：") and "扣费" not in rent["explanation_zh"]
    assert streams["上海云杉信息技术有限公司"]["type"] == "income"
    names = {n for case in cases for n in case.names}
    assert "李建国" not in names and "上海云杉信息技术有限公司" not in names
    assert "中国移动" in names  # a company's bill stays a case
    qiake = next(c for c in cases if c.key == "洽客")
    assert str(qiake.totals["CNY"].paid) == "5274.00"
    assert str(qiake.after_totals["CNY"].paid) == "2125.00" and len(qiake.after) == 6
    for stream in qiake.streams:  # cancelled: nothing more expected, nothing to cancel by
        assert stream["next_expected"] is None and stream["cancel_by"] is None
        assert "前取消" not in stream["explanation_zh"]
