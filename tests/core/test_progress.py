"""Progress reported from inside long stages, and the Stop it lets the user give there."""

from __future__ import annotations

from pathlib import Path

import pytest

from qiake_auditor import app
from qiake_auditor.errors import Cancelled
from qiake_auditor.progress import Progress, Share, Uncancellable, part, stage, step

from .alipay_text import PREAMBLE


class Recorder(Progress):
    """Keeps every report; asks to stop once a report reaches ``stop_at``."""

    def __init__(self, stop_at: float | None = None) -> None:
        self.said: list[float] = []
        self.stop_at = stop_at

    def report(self, fraction: float, text: str = "") -> None:
        self.said.append(fraction)

    def cancelled(self) -> bool:
        return self.stop_at is not None and any(f >= self.stop_at for f in self.said)


def test_steps_map_onto_their_stage_and_its_parts() -> None:
    seen = Recorder()
    step(0.5)  # outside any stage: nothing
    with stage(seen, 0.2, 0.6):
        step(0.5)
        with part(0.5, 1.0):  # 0.4 .. 0.6
            step(0.5)
        step(2.0)  # clamped to the stage's end
    step(0.9)
    assert seen.said == pytest.approx([0.4, 0.5, 0.6])


def test_a_step_that_moves_the_bar_too_little_is_not_sent() -> None:
    seen = Recorder()
    with stage(seen, 0.0, 0.1):
        for i in range(1001):
            step(i / 1000)
    assert 40 <= len(seen.said) <= 60  # every 0.002 of the bar, not 1001 reports
    assert seen.said[-1] == pytest.approx(0.1, abs=0.002)


def test_a_step_hears_the_stop_and_uncancellable_work_does_not() -> None:
    stopped = Recorder(stop_at=0.0)
    stopped.said.append(0.0)
    with stage(stopped, 0.0, 1.0), pytest.raises(Cancelled):
        step(0.5)
    with stage(Uncancellable(stopped), 0.0, 1.0):
        step(0.5)  # past the point of no return: goes on
    assert stopped.said[-1] == 0.5


def test_a_share_reports_its_part_of_the_whole() -> None:
    seen = Recorder()
    Share(seen, 0.5, 0.7).report(0.5)
    Share(seen, 0.5, 0.7).report(3.0)
    assert seen.said == pytest.approx([0.6, 0.7])


def _bill(path: Path, rows: int) -> Path:
    lines = [
        f"2024-{1 + i % 12:02d}-{1 + i % 28:02d} 09:{i % 60:02d}:00,日用百货,"
        f"商户{i % 50},/,商品{i % 300},支出,{1 + i % 97}.50,余额,交易成功,"
        f"2024{i:015d}\t,M{i}\t,,"
        for i in range(rows)
    ]
    text = PREAMBLE.format(count=rows, total="0.00") + "\n".join(lines) + "\n"
    path.write_bytes(text.encode("gb18030"))
    return path


def test_reading_a_bill_moves_the_bar_forward_step_by_step(tmp_path: Path) -> None:
    bill = _bill(tmp_path / "bill.csv", 3000)
    seen = Recorder()
    with app.Audit.open(tmp_path / "w.sqlite") as audit:
        audit.snapshot([bill], progress=seen)
    reading = [f for f in seen.said if 0.04 < f < 0.5]  # inside the one file's read
    assert len(set(reading)) >= 10  # the parse's columns, finishing the rows...
    assert seen.said == sorted(seen.said)  # forward only
    assert seen.said[-1] == 1.0


def test_stop_during_the_read_is_heard_there_and_changes_nothing(tmp_path: Path) -> None:
    bill = _bill(tmp_path / "bill.csv", 3000)
    seen = Recorder(stop_at=0.1)  # reached inside the parse of the one file
    with app.Audit.open(tmp_path / "w.sqlite") as audit, pytest.raises(Cancelled):
        audit.snapshot([bill], progress=seen)
    assert max(seen.said) < 0.5  # stopped before the read had ended
    with app.Audit.open(tmp_path / "w.sqlite", read_only=True) as check:
        assert check.workspace.row_count() == 0


def test_stop_during_detection_after_the_commit_lets_the_import_stand(tmp_path: Path) -> None:
    bill = _bill(tmp_path / "bill.csv", 3000)
    seen = Recorder(stop_at=0.8)  # detection: the commit has started
    with app.Audit.open(tmp_path / "w.sqlite") as audit:
        snap = audit.snapshot([bill], progress=seen)
    assert snap.imported is not None
    assert any(0.8 <= f < 1.0 for f in seen.said)  # detection did report its steps
    with app.Audit.open(tmp_path / "w.sqlite", read_only=True) as check:
        assert check.workspace.row_count() == 3000
