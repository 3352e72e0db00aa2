"""A widget that owns one matplotlib Figure and its Qt canvas.

Figures come from :mod:`qiake_auditor.charts` (no Qt there); this only draws them,
always on the GUI thread.
"""

from __future__ import annotations

# PySide6 is imported above, so matplotlib's Qt backend binds to it.
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from .. import charts


class ChartView(QWidget):
    """Shows a stream's timeline or the overview of all streams."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        charts.cjk_family()
        self.figure = Figure(figsize=(6, 3), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.showing: str = ""

    def show_stream(self, stream: dict, cancelled_on: str | None = None) -> None:
        charts.stream_timeline(stream, cancelled_on, figure=self.figure)
        self.showing = str(stream.get("merchant", ""))
        self.canvas.draw_idle()

    def show_overview(self, scan: dict | None) -> None:
        charts.overview(scan or {}, figure=self.figure)
        self.showing = ""
        self.canvas.draw_idle()

    def clear(self) -> None:
        self.figure.clear()
        self.showing = ""
        self.canvas.draw_idle()
