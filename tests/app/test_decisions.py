"""Decisions are typed, logged, applied by every scan, and never change another case."""

from __future__ import annotations

from datetime import date

import pytest

from qiake_auditor.app import Audit
from qiake_auditor.app.demo import demo_files
from qiake_auditor.vocab import CaseStatus, Channel


@pytest.fixture
def audit(tmp_path):
    with Audit.open(tmp_path / "w.sqlite") as opened:
        opened.import_files(demo_files())
        yield opened


def case_of(audit: Audit, text: str):
    audit.snapshot()
    return audit.find_case(text)


def test_a_decision_on_one_case_leaves_the_others_alone(audit):
    before = {c.key: (c.cancelled_on, c.status) for c in audit.snapshot().cases}
    audit.set_case(
        case_of(audit, "腾讯视频"), cancelled=date(2025, 8, 1), status=CaseStatus.AUTHORISED
    )
    after = {c.key: (c.cancelled_on, c.status) for c in audit.snapshot().cases}
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {case_of(audit, "腾讯视频").key}
    assert case_of(audit, "腾讯视频").status is CaseStatus.AUTHORISED


def test_every_decision_is_a_case_log_entry(audit):
    qiake = case_of(audit, "洽客")
    audit.set_case(
        qiake, cancelled=date(2025, 6, 20), status=CaseStatus.DISPUTED, note="第一次联系"
    )
    log = case_of(audit, "洽客").log
    assert [e.kind for e in log] == ["decision", "decision", "note"]
    history = audit.workspace.decision_history()
    assert [(k, v) for k, _key, v, _p, _t in history] == [
        ("cancelled", "2025-06-20"),
        ("case_status", "disputed"),
    ]


def test_watch_words_default_switch_off_and_removal(audit):
    assert audit.watch_words() == ["洽客"]
    audit.add_watch(["腾讯"])
    assert audit.watch_words() == ["洽客", "腾讯"]
    audit.remove_watch("洽客")
    audit.remove_watch("腾讯")
    assert audit.watch_words() == []
    snap = audit.snapshot()
    assert not any("watchlist" in s["flags"] for s in snap.streams)


def test_dismiss_and_undo(audit):
    stream = next(s for s in audit.snapshot().streams if s["merchant"] == "腾讯视频")
    audit.dismiss(stream["id"])
    assert stream["id"] not in {s["id"] for s in audit.snapshot().streams}
    audit.dismiss(stream["id"], undo=True)
    assert stream["id"] in {s["id"] for s in audit.snapshot().streams}


def test_merge_a_name_into_a_case_and_split_it_off_again(audit):
    qiake = case_of(audit, "洽客")
    assert {"洽客科技", "深圳洽客科技有限公司"} <= set(qiake.names)
    audit.set_case(qiake, aliases=["腾讯视频"])  # a mistaken merge
    merged = case_of(audit, "洽客")
    assert "腾讯视频" in merged.names and str(merged.totals["CNY"].paid) == "5724.00"
    assert not [c for c in audit.snapshot().cases if c.merchant == "腾讯视频"]
    audit.set_case(merged, split=["腾讯视频"])
    cases = {c.merchant: c for c in audit.snapshot().cases}
    assert str(cases["腾讯视频"].totals["CNY"].paid) == "450.00"
    assert str(case_of(audit, "洽客").totals["CNY"].paid) == "5274.00"


def test_cancel_before_the_commit_leaves_the_workspace_as_it_was(tmp_path):
    from qiake_auditor.errors import Cancelled
    from qiake_auditor.progress import Progress

    class StopAtCommit(Progress):
        def __init__(self) -> None:
            self.seen = 0.0

        def report(self, fraction: float, text: str = "") -> None:
            self.seen = max(self.seen, fraction)

        def cancelled(self) -> bool:
            return self.seen >= 0.9  # after reading, checking and linking

    with Audit.open(tmp_path / "w.sqlite") as audit:
        with pytest.raises(Cancelled):
            audit.import_files(demo_files(), progress=StopAtCommit())
        assert audit.workspace.row_count() == 0 and audit.workspace.files() == []
        audit.import_files(demo_files())  # and the same import works afterwards
        assert audit.workspace.row_count() == 538


def test_log_entry_channels_are_the_vocabulary(audit):
    entry = audit.log_entry(
        case_of(audit, "洽客"),
        Channel.REGULATOR,
        "12315 投诉已受理",
        ticket="1231520251201",
        on=date(2025, 12, 1),
    )
    assert entry.channel is Channel.REGULATOR and entry.channel.label("zh") == "12315"
    with pytest.raises(ValueError):
        audit.log_entry(case_of(audit, "洽客"), "fax", "x")
