"""Charts are drawn in the chart process; the window works out their data and paints
the pixels it gets back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from decimal import Decimal

import pytest

from qiake_auditor import case_charts, chart_data
from qiake_auditor.app.charge_table import DayTotal
from qiake_auditor.chart_server import Draw, Drawn, Failed, answer
from qiake_auditor.gui import chart_process, lang
from qiake_auditor.gui.chart_process import ChartProcess, ChartRequest
from qiake_auditor.gui.chart_view import ChartView


class _Case:
    """What the monthly chart reads of a case."""

    def __init__(self, merchant: str, days: list[DayTotal]) -> None:
        self.merchant, self.day_totals = merchant, days


CASES = [
    _Case(
        "洽客",
        [
            DayTotal(date(2026, 1, 5), "CNY", False, Decimal("99.00"), 1),
            DayTotal(date(2026, 2, 5), "CNY", False, Decimal("99.00"), 1),
            DayTotal(date(2026, 3, 5), "CNY", True, Decimal("1980.00"), 1),
        ],
    ),
    _Case("视频会员", [DayTotal(date(2026, 2, 9), "CNY", False, Decimal("25.00"), 1)]),
]


def _not_here(*_args, **_kwargs):
    raise AssertionError("drawn in the window's process")


def test_a_chart_is_drawn_in_the_chart_process_at_the_widgets_size(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(case_charts, "draw_monthly", _not_here)  # this process only
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(520, 300)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(view.drawn, timeout=30_000):
        view.show_cases(CASES)
        assert view.pending  # the call returned before the chart was drawn
    assert not view.pending
    image = view._image
    assert image is not None
    ratio = view.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(520 * ratio), round(300 * ratio))
    # the same pixels as the chart drawn here from the same data
    monkeypatch.undo()
    here = answer(Draw(chart_data.monthly_layers(CASES, lang.lang()), 520, 300, ratio))
    assert bytes(image.constBits()) == here.rgba
    assert view.figure.get_size_inches().tolist() == [5.2, 3.0]

    with qtbot.waitSignal(view.drawn, timeout=30_000):
        view.resize(700, 360)  # drawn again at the new size once the resizing stops
    assert view._image.width() == round(700 * ratio)


def test_the_figure_asked_for_waits_for_the_drawing_under_way(qtbot) -> None:
    view = ChartView()
    qtbot.addWidget(view)
    view.show_cases([])
    figure = view.figure  # no signal waited for: the property waits itself
    assert not view.pending
    assert figure.axes, "the monthly chart has its axes"
    view.clear()
    assert view._image is None and view.showing == "" and not view.figure.axes


def test_a_chart_is_saved_by_the_chart_process(qtbot, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(case_charts, "draw_monthly", _not_here)  # this process only
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(520, 300)
    view.show_cases(CASES)
    assert view.save(tmp_path / "chart.svg") == tmp_path / "chart.svg"
    svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    assert view.save(tmp_path / "chart.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(OSError):
        view.save(tmp_path / "chart.pdf" / "chart.png")  # a file where its folder would be
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.pdf", "chart.svg"]


def _request(got: list, data=None) -> ChartRequest:
    chart = data or chart_data.monthly_layers(CASES, "en")
    return ChartRequest(Draw(chart, 300, 200), lambda: True, got.append)


def _wait_for(got: list, count: int, qtbot) -> None:
    qtbot.waitUntil(lambda: len(got) >= count, timeout=30_000)


def test_a_chart_process_that_died_is_started_again_for_the_next_chart(qtbot) -> None:
    process = ChartProcess()
    try:
        got: list = []
        process.draw(_request(got))
        _wait_for(got, 1, qtbot)
        first = process._child
        assert first is not None and isinstance(got[0], Drawn)
        first.kill()
        first.wait()
        process.draw(_request(got))
        _wait_for(got, 2, qtbot)
        assert isinstance(got[1], Drawn) and (got[1].width, got[1].height) == (300, 200)
        assert process.in_child and process._child is not first
    finally:
        process.close()
    assert first.poll() is not None


def test_the_chart_process_is_ready_once_matplotlib_is_loaded_there(qtbot) -> None:
    process = ChartProcess()
    try:
        process.start()
        assert process.ready.wait(60)
        assert process._child is not None and process._child.poll() is None
    finally:
        process.close()


@pytest.mark.parametrize(
    "command",
    [
        ["no such program"],
        [sys.executable, "-c", "import sys; sys.stdout.write('not a chart server')"],
        [sys.executable, "-c", "raise SystemExit(3)"],
    ],
)
def test_without_a_chart_process_charts_are_drawn_here(qtbot, tmp_path, command) -> None:
    process = ChartProcess([str(tmp_path / c) if c == "no such program" else c for c in command])
    try:
        process.start()
        assert process.ready.wait(60)
        got: list = []
        process.draw(_request(got))
        _wait_for(got, 1, qtbot)
        assert isinstance(got[0], Drawn) and (got[0].width, got[0].height) == (300, 200)
        assert not process.in_child
    finally:
        process.close()


def test_a_chart_process_that_hangs_is_stopped_and_the_chart_drawn_here(qtbot, monkeypatch) -> None:
    silent = (
        "import sys, time\n"
        "from qiake_auditor.chart_server import Ready, write_message\n"
        "write_message(sys.stdout.buffer, Ready())\n"
        "time.sleep(600)\n"
    )
    monkeypatch.setattr(chart_process, "ANSWER_WITHIN", 1.0)
    process = ChartProcess([sys.executable, "-c", silent])
    try:
        got: list = []
        process.draw(_request(got))
        _wait_for(got, 1, qtbot)  # killed after 1 s, started again, killed, drawn here
        assert isinstance(got[0], Drawn) and not process.in_child
    finally:
        process.close()


def test_a_chart_that_fails_in_the_child_leaves_its_place_blank(qtbot, caplog) -> None:
    process = ChartProcess()
    try:
        got: list = []
        money = chart_data.Point(date(2026, 1, 5), "no money", False, "", 1)  # type: ignore[arg-type]
        broken = chart_data.CasePoints("timeline", "CNY", (money,))
        process.draw(_request(got, broken))
        process.draw(_request(got))  # the child goes on
        _wait_for(got, 2, qtbot)
        assert isinstance(got[0], Failed) and "ValueError" in got[0].error
        assert isinstance(got[1], Drawn)
        assert process.in_child
        assert "chart not drawn" in caplog.text
    finally:
        process.close()


def test_a_chart_no_longer_wanted_is_not_drawn(qtbot) -> None:
    process = ChartProcess()
    try:
        got: list = []
        data = chart_data.monthly_layers(CASES, "en")
        process.draw(ChartRequest(Draw(data, 300, 200), lambda: False, got.append))
        _wait_for(got, 1, qtbot)
        assert got == [None]
    finally:
        process.close()


def test_the_window_never_loads_matplotlib_to_show_charts() -> None:
    """What the window draws runs in the chart process: the window's own Python never
    runs matplotlib beside it (and never pays for loading it)."""
    code = textwrap.dedent(
        """
        import sys
        from PySide6.QtWidgets import QApplication
        from qiake_auditor.gui.chart_view import ChartView
        from qiake_auditor.gui.chart_process import chart_process
        from qiake_auditor import chart_data
        app = QApplication([])
        view = ChartView()
        view.resize(400, 250)
        view.show()
        view.show_cases([])
        view.wait()
        child = chart_process()._child
        print(view._image is not None, "matplotlib" in sys.modules, child.pid != 0)
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "False", "True"]


def test_a_frozen_app_runs_its_chart_server_through_its_own_entry_point(qtbot, monkeypatch):
    """A frozen app (PyInstaller) has no interpreter to give ``-m`` to: the window starts
    the app itself with --chart-server, and the app's entry point serves the charts."""
    from qiake_auditor import chart_server

    assert chart_server.command() == [sys.executable, "-m", "qiake_auditor.chart_server"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert chart_server.command() == [sys.executable, "--chart-server"]
    monkeypatch.undo()
    as_frozen = "import sys; from qiake_auditor.gui.app import main; sys.exit(main(sys.argv[1:]))"
    process = ChartProcess([sys.executable, "-c", as_frozen, "--chart-server"])
    try:
        got: list = []
        process.draw(_request(got))
        _wait_for(got, 1, qtbot)
        assert isinstance(got[0], Drawn) and (got[0].width, got[0].height) == (300, 200)
        assert process.in_child  # drawn by the child, not here
    finally:
        process.close()
