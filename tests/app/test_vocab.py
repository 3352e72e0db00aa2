"""Every value the detector can emit has a Chinese and an English label, declared once."""

from __future__ import annotations

import re
from datetime import date

from qiake_auditor.app import Audit
from qiake_auditor.app.demo import demo_files
from qiake_auditor.detect import cadence, flags, report
from qiake_auditor.i18n.catalogue import CATALOGUE
from qiake_auditor.vocab import (
    VOCABULARIES,
    Cadence,
    Cause,
    Flag,
    Role,
    Severity,
    StreamStatus,
    StreamType,
    Trend,
)


def test_every_member_of_every_vocabulary_has_both_labels():
    for vocabulary in VOCABULARIES:
        for member in vocabulary:
            zh, en = member.label("zh"), member.label("en")
            assert zh and en, member
            assert re.search(r"[\u4e00-\u9fff]", zh) or zh.isdigit(), (member, zh)
            assert not re.search(r"[\u4e00-\u9fff]", en), (member, en)


def test_the_detectors_own_tables_use_only_declared_values():
    assert set(cadence.PERIOD_DAYS) <= {c.value for c in Cadence}
    assert set(flags.CAUSE_TEXT) <= {c.value for c in Cause}
    assert {f.value for f in Flag} >= report.HIGH | report.MEDIUM
    assert set(report.SEVERITY_RANK) == {s.value for s in Severity}


def test_what_a_scan_emits_is_declared(tmp_path):
    with Audit.open(tmp_path / "w.sqlite") as audit:
        audit.import_files(demo_files())
        audit.snapshot()
        audit.set_case(audit.find_case("洽客"), cancelled=date(2025, 6, 20))
        snap = audit.snapshot()
    for stream in snap.streams:
        assert StreamType(stream["type"]) and Cadence(stream["cadence"])
        assert StreamStatus(stream["status"]) and Severity(stream["severity"])
        for flag in stream["flags"]:
            assert Flag(flag)
        for charge in stream["charges"]:
            assert Role(charge["role"])
            if charge["cause"]:
                assert Cause(charge["cause"])
            for flag in charge["flags"]:
                assert Flag(flag)
        if stream["usage"]:
            assert Trend(stream["usage"]["trend"])


def test_every_trend_the_detector_can_give_is_declared():
    import numpy as np

    from qiake_auditor.detect.explain import trend

    seen = {
        trend(np.array(values))
        for values in ([10, 10, 30, 30], [30, 30, 10, 10], [10, 11, 10, 11], [10])
    }
    assert seen == set(Trend)
    assert Trend in VOCABULARIES


def test_catalogue_messages_name_the_same_fields_in_both_languages():
    field = re.compile(r"{(\w+)")
    for message_id, (zh, en) in CATALOGUE.items():
        assert set(field.findall(zh)) == set(field.findall(en)), message_id
