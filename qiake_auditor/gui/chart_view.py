"""A widget that owns one matplotlib Figure and its Qt canvas.

Figures come from :mod:`qiake_auditor.charts` (no Qt there); this only draws them,
always on the GUI thread. matplotlib is imported when the first chart is drawn, not
when the window opens (it is a third of the start-up time).
"""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from . import lang


class ChartView(QWidget):
    """Shows one chart: a case's, a stream's, or the cases' monthly deductions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._figure = None
        self._canvas = None
        self.setMinimumHeight(180)
        self.showing: str = ""

    def _ensure(self) -> None:
        if self._canvas is not None:
            return
        # PySide6 is imported already, so matplotlib's Qt backend binds to it.
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from .. import charts

        charts.cjk_family()
        self._figure = Figure(figsize=(6, 3), layout="constrained")
        self._canvas = FigureCanvasQTAgg(self._figure)
        self._canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._canvas.setMinimumHeight(180)
        self._layout.addWidget(self._canvas)

    @property
    def figure(self):
        self._ensure()
        return self._figure

    @property
    def canvas(self):
        self._ensure()
        return self._canvas

    def show_cases(self, cases) -> None:
        """The monthly deductions of ``cases``, stacked by case."""
        from .. import charts

        charts.cases_monthly(cases, lang=lang.lang(), figure=self.figure)
        self.showing = ""
        self.canvas.draw_idle()

    def show_case(self, case, kind: str) -> None:
        """One chart of a case's charges (``kind``: timeline, monthly, cumulative, price)."""
        from .. import charts

        charts.case_chart(
            case.charges,
            kind,
            case.cancelled_on,
            title=case.merchant,
            figure=self.figure,
            lang=lang.lang(),
            missed=case.missed_dates,
        )
        self.showing = f"{case.merchant}:{kind}"
        self.canvas.draw_idle()

    def clear(self) -> None:
        self.showing = ""
        if self._canvas is None:
            return
        self._figure.clear()
        self._canvas.draw_idle()
