"""A decision that changes nothing is not recorded and not reported as saved."""

from __future__ import annotations

from datetime import date

import pytest

from qiake_auditor.app import Audit
from qiake_auditor.app.demo import demo_files
from qiake_auditor.errors import UserError
from qiake_auditor.vocab import Channel


@pytest.fixture
def audit(tmp_path):
    with Audit.open(tmp_path / "w.sqlite") as opened:
        opened.import_files(demo_files())
        yield opened


def qiake(audit: Audit):
    audit.snapshot()
    return audit.find_case("洽客")


def test_the_same_cancellation_twice_is_recorded_once(audit):
    first = audit.set_case(qiake(audit), cancelled=date(2025, 6, 20))
    assert len(first) == 1
    again = audit.set_case(qiake(audit), cancelled=date(2025, 6, 20))
    assert again == []
    log = [e for e in qiake(audit).log if e.kind == "decision"]
    assert len(log) == 1
    assert len(audit.workspace.decision_history()) == 1


def test_merging_a_name_the_case_already_has_changes_nothing(audit):
    case = qiake(audit)
    assert "洽客科技" in case.names
    assert audit.set_case(case, aliases=["洽客科技"]) == []
    assert audit.workspace.decision_history() == []
    assert [e for e in qiake(audit).log if e.kind == "decision"] == []


def test_a_folder_as_attachment_is_called_a_folder(audit, tmp_path):
    folder = tmp_path / "screenshots"
    folder.mkdir()
    with pytest.raises(UserError) as refused:
        audit.log_entry(qiake(audit), Channel("alipay"), "投诉", attachments=[folder])
    assert refused.value.message_id == "case.attachment_folder"
    assert "文件夹" in refused.value.text("zh") and "folder" in refused.value.text("en")
