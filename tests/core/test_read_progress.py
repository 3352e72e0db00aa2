"""Reading one statement reports its stages, forward only, and can be stopped between them."""

from __future__ import annotations

import pytest

from qiake_auditor.app import demo as app_demo
from qiake_auditor.errors import Cancelled
from qiake_auditor.ingest import read_statements
from qiake_auditor.progress import Progress


class Recorder(Progress):
    def __init__(self, stop_after: int | None = None) -> None:
        self.seen: list[float] = []
        self.stop_after = stop_after

    def report(self, fraction: float, text: str = "") -> None:
        self.seen.append(fraction)

    def cancelled(self) -> bool:
        return self.stop_after is not None and len(self.seen) >= self.stop_after


def _alipay():
    return next(p for p in app_demo.demo_files() if p.name.startswith("支付宝"))


def test_one_statement_reports_each_stage_of_its_reading_forward() -> None:
    progress = Recorder()
    statements = read_statements(_alipay(), progress=progress)
    assert len(statements) == 1 and len(statements[0].rows) > 0
    assert progress.seen == sorted(progress.seen)
    assert len(set(progress.seen)) >= 4  # file read, identified, parsed, rows made
    assert progress.seen[0] < 0.1 and progress.seen[-1] == 1.0


def test_a_stop_asked_during_the_reading_stops_it() -> None:
    with pytest.raises(Cancelled):
        read_statements(_alipay(), progress=Recorder(stop_after=2))
