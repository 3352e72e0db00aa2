"""A widget that shows one chart, drawn off the GUI thread.

Figures come from :mod:`qiake_auditor.charts` (no Qt there). Building and drawing a
figure takes 0.1-0.3 s (and importing matplotlib 0.8 s the first time): on the GUI
thread that froze the window just as an import finished. Here one chart thread builds
the figure at the widget's size with matplotlib's Agg canvas and hands back its pixels;
the widget paints them (scaled while a re-draw at a new size is on its way).

One thread for every chart in the window, the one that also prepares the tables:
matplotlib's figures are not shared between threads, so at most one is drawn at a
time. ``figure`` gives the last drawn figure (to save it as PNG/SVG/PDF), waiting for
a draw still under way.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from . import lang, workers

log = logging.getLogger(__name__)
DRAW_AFTER_MS = 120
Draw = Callable[[Any], None]  # fills a matplotlib Figure


class _ChartThread:
    """Charts are built and drawn on the window's one preparing thread
    (:func:`.workers.preparing_pool`), between the tables' preparations: never two
    background threads wanting the GIL beside the window's."""

    def __init__(self) -> None:
        self.pool = workers.preparing_pool()
        self._warm: _Job | None = None
        self._running: list[_Job] = []  # kept alive until run, whatever happens to the view

    def start(self, job: _Job) -> None:
        self._running = [j for j in self._running if not j.done.is_set()] + [job]
        self.pool.start(job)

    def warm_up(self) -> None:
        """Import matplotlib and register the CJK font while the first task runs, before
        the first chart is needed (once)."""
        if self._warm is None:
            self._warm = _Job(None, QSize(), 1.0)
            self.pool.start(self._warm)


_thread: _ChartThread | None = None


def chart_thread() -> _ChartThread:
    global _thread
    if _thread is None:
        _thread = _ChartThread()
    return _thread


def draw_figure(draw: Draw | None, size: QSize, ratio: float):
    """A new figure of ``size`` pixels, filled by ``draw`` and drawn with Agg."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from .. import charts

    charts.cjk_family()
    dpi = 100.0
    width, height = size.width(), size.height()
    figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi * ratio, layout="constrained")
    FigureCanvasAgg(figure)
    if draw is not None:
        draw(figure)
    figure.canvas.draw()
    return figure


class _Signals(QObject):
    drawn = Signal(int, object, object)  # generation, QImage, figure


class _Job(QRunnable):
    def __init__(self, draw: Draw | None, size: QSize, ratio: float, generation: int = 0) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the view keeps it until it has delivered
        self.signals = _Signals()
        self.done = threading.Event()
        self._draw, self._size, self._ratio, self._generation = draw, size, ratio, generation

    def run(self) -> None:
        workers.behind_the_window()
        try:
            if self._size.isEmpty():  # a warm-up
                from .. import charts

                charts.cjk_family()
                return
            figure = draw_figure(self._draw, self._size, self._ratio)
            width, height = figure.canvas.get_width_height(physical=True)
            pixels = bytes(figure.canvas.buffer_rgba())
            image = QImage(pixels, width, height, QImage.Format.Format_RGBA8888).copy()
            image.setDevicePixelRatio(self._ratio)
            self._deliver(image, figure)
        except Exception:  # a chart that cannot be drawn leaves its place blank, logged
            log.exception("chart not drawn")
            self._deliver(None, None)
        finally:
            self.done.set()

    def _deliver(self, image: QImage | None, figure) -> None:
        with contextlib.suppress(RuntimeError):  # the application closed: nobody to show
            self.signals.drawn.emit(self._generation, image, figure)


class ChartView(QWidget):
    """Shows one chart: a case's, a stream's, or the cases' monthly deductions."""

    drawn = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.showing: str = ""
        self._draw: Draw | None = None
        self._generation = 0  # of the chart asked for last; older drawings are dropped
        self._drawn_generation = -1
        self._image: QImage | None = None
        self._figure = None
        self._jobs: list[_Job] = []
        # A chart is drawn a moment after it is asked for, and after the resizing ends:
        # the chart thread's Python would otherwise compete for the GIL with the first
        # painting of the new view (each of whose table cells is a call into Python).
        self._draw_soon = QTimer(self)
        self._draw_soon.setSingleShot(True)
        self._draw_soon.setInterval(DRAW_AFTER_MS)
        self._draw_soon.timeout.connect(self._request)

    # --- what to show -------------------------------------------------------------
    def show_cases(self, cases) -> None:
        """The monthly deductions of ``cases``, stacked by case."""
        language = lang.lang()

        def draw(figure) -> None:
            from .. import charts

            charts.cases_monthly(cases, lang=language, figure=figure)

        self._show(draw, "")

    def show_case(self, case, kind: str) -> None:
        """One chart of a case's charges (``kind``: timeline, monthly, cumulative, price)."""
        language = lang.lang()
        missed = case.missed_dates

        def draw(figure) -> None:
            from .. import charts

            charts.case_chart(
                case.charges,
                kind,
                case.cancelled_on,
                title=case.merchant,
                figure=figure,
                lang=language,
                missed=missed,
                day_totals=case.day_totals,
            )

        self._show(draw, f"{case.merchant}:{kind}")

    def clear(self) -> None:
        self._show(None, "")

    # --- the drawn result -----------------------------------------------------------
    @property
    def pending(self) -> bool:
        """A chart was asked for and its drawing has not arrived yet."""
        return self._drawn_generation != self._generation

    @property
    def figure(self):
        """The figure of the chart shown (to save it), drawn now if it is still on its way."""
        self.wait()
        if self._figure is None or self._drawn_generation != self._generation:
            self._figure = draw_figure(self._draw, self._pixel_size(), self.devicePixelRatioF())
            self._drawn_generation = self._generation
        return self._figure

    def wait(self, timeout: float = 60.0) -> None:
        """Block until the chart thread has delivered the drawing asked for last (a
        re-draw for a new size that is still waiting for the resizing to end included)."""
        if self._draw_soon.isActive():
            self._draw_soon.stop()
            self._request()
        for job in list(self._jobs):
            job.done.wait(timeout)
        QCoreApplication.sendPostedEvents(self)  # the queued 'drawn' signals

    def sizeHint(self) -> QSize:
        return QSize(600, 300)

    # --- internals ------------------------------------------------------------------
    def _show(self, draw: Draw | None, showing: str) -> None:
        self.showing = showing
        self._draw = draw
        self._generation += 1
        if draw is None:
            self._image, self._figure = None, None
            self._drawn_generation = self._generation
            self.update()
            return
        self._draw_soon.start()

    def _pixel_size(self) -> QSize:
        """The widget's size; a hidden or squeezed one is drawn at a size a chart fits
        (scaled when painted), so the layout never collapses."""
        if not self.isVisible():
            return self.sizeHint()
        return self.size().expandedTo(QSize(360, 180))

    def _request(self) -> None:
        if self._draw is None:
            return
        job = _Job(self._draw, self._pixel_size(), self.devicePixelRatioF(), self._generation)
        job.signals.drawn.connect(self._on_drawn, Qt.ConnectionType.QueuedConnection)
        self._jobs = [j for j in self._jobs if not j.done.is_set()] + [job]
        chart_thread().start(job)

    def _on_drawn(self, generation: int, image: QImage | None, figure) -> None:
        self._jobs = [j for j in self._jobs if not j.done.is_set()]
        if generation != self._generation:
            return  # a newer chart was asked for meanwhile
        self._image, self._figure = image, figure
        self._drawn_generation = generation
        self.update()
        self.drawn.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._draw is not None:
            self._draw_soon.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        image = self._image
        if self._draw is not None and (
            image is None or image.deviceIndependentSize().toSize() != self.size()
        ):
            self._draw_soon.start()  # drawn while hidden, at a guessed size

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self._image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.rect(), self._image)
        painter.end()
