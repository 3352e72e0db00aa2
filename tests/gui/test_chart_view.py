"""Charts are built and drawn on the chart thread; the window only paints the pixels."""

from __future__ import annotations

import threading

from qiake_auditor import charts
from qiake_auditor.gui.chart_view import ChartView


def test_a_chart_is_drawn_off_the_gui_thread_at_the_widgets_size(qtbot, monkeypatch) -> None:
    drawn_on: list[int] = []
    real = charts.cases_monthly

    def recording(*args, **kwargs):
        drawn_on.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(charts, "cases_monthly", recording)
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(520, 300)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(view.drawn, timeout=30_000):
        view.show_cases([])
        assert view.pending  # the call returned before the chart was drawn
    assert not view.pending
    assert drawn_on and drawn_on[0] != threading.get_ident()
    image = view._image
    ratio = view.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(520 * ratio), round(300 * ratio))
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
    assert view._image is None and view.showing == ""
