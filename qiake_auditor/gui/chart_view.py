"""A widget that shows one chart, drawn in the chart process.

Figures come from :mod:`qiake_auditor.charts` (no Qt there). Drawing one takes 0.1-0.3 s
of Python: on the GUI thread it froze the window, and on a thread beside it every cell
the window painted meanwhile waited for the GIL. Here the window's preparing thread
works out what the chart shows from the case (:mod:`qiake_auditor.chart_data`: reading
the case's charges is this process's), and the chart process
(:mod:`.chart_process`) draws it at the widget's size and sends back its pixels; the
widget paints them (scaled while a re-draw at a new size is on its way).

``save`` has the chart process write the chart shown as PNG, SVG or PDF; ``figure``
draws it here, as a matplotlib figure (for tests and callers that read its artists).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path

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

from .. import chart_data
from ..chart_data import ChartData
from ..chart_server import Draw, Drawn, figure_of
from ..thread_priority import lower_this_thread
from . import lang, workers
from .chart_process import ChartRequest, Reply, chart_process

log = logging.getLogger(__name__)
DRAW_AFTER_MS = 120
MakeData = Callable[[], ChartData]  # what the chart shows, worked out from a case


class _Signals(QObject):
    drawn = Signal(int, object, object)  # generation, QImage or None, ChartData or None


class _Latest:
    """The generation of the chart a view asked for last, read by its jobs' threads."""

    generation = 0


class _Job(QRunnable):
    """On the preparing thread: work out the chart's data, then hand it to the chart
    process, which delivers the picture (``done`` is set then)."""

    def __init__(self, make: MakeData, size: QSize, ratio: float, latest: _Latest) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the view keeps it until it has delivered
        self.signals = _Signals()
        self.done = threading.Event()
        self._make, self._size, self._ratio = make, size, ratio
        self._latest, self._generation = latest, latest.generation

    def _wanted(self) -> bool:
        return self._generation == self._latest.generation

    def run(self) -> None:
        lower_this_thread()
        if not self._wanted():
            self._deliver(None, None)
            return
        try:
            data = self._make()
        except Exception:  # a chart that cannot be drawn leaves its place blank, logged
            log.exception("chart not drawn")
            self._deliver(None, None)
            return
        chart_process().draw(
            ChartRequest(
                Draw(data, self._size.width(), self._size.height(), self._ratio),
                self._wanted,
                lambda reply: self._deliver(_image_of(reply, self._ratio), data),
            )
        )

    def _deliver(self, image: QImage | None, data: ChartData | None) -> None:
        try:
            with contextlib.suppress(RuntimeError):  # the application closed: nobody to show
                self.signals.drawn.emit(self._generation, image, data)
        finally:
            self.done.set()


# Jobs queued on the preparing thread, kept alive until run whatever happens to the view
# that asked (the pool does not own them: they are not deleted when run).
_queued: list[_Job] = []


def _image_of(reply: Reply | None, ratio: float) -> QImage | None:
    """The picture of a chart process's answer (None: no chart to show)."""
    if not isinstance(reply, Drawn):
        return None
    image = QImage(reply.rgba, reply.width, reply.height, QImage.Format.Format_RGBA8888)
    image = image.copy()  # its own pixels: the reply's bytes go
    image.setDevicePixelRatio(ratio)
    return image


class ChartView(QWidget):
    """Shows one chart: a case's, a stream's, or the cases' monthly deductions."""

    drawn = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.showing: str = ""
        self._make: MakeData | None = None
        self._latest = _Latest()  # the chart asked for last; older drawings are dropped
        self._drawn_generation = -1
        self._image: QImage | None = None
        self._data: ChartData | None = None  # what the picture shows
        self._jobs: list[_Job] = []
        # A chart is asked for a moment after it is wanted, and after the resizing ends:
        # working out its data (Python, on the preparing thread) would otherwise compete
        # for the GIL with the first painting of the new view, each of whose table cells
        # is a call into Python.
        self._draw_soon = QTimer(self)
        self._draw_soon.setSingleShot(True)
        self._draw_soon.setInterval(DRAW_AFTER_MS)
        self._draw_soon.timeout.connect(self._request)

    # --- what to show -------------------------------------------------------------
    def show_cases(self, cases) -> None:
        """The monthly deductions of ``cases``, stacked by case."""
        language = lang.lang()

        self._show(lambda: chart_data.monthly_layers(cases, language), "")

    def show_case(self, case, kind: str) -> None:
        """One chart of a case's charges (``kind``: timeline, monthly, cumulative, price)."""
        language = lang.lang()
        missed = case.missed_dates

        def make() -> ChartData:
            return chart_data.case_points(
                case.charges,
                kind,
                case.cancelled_on,
                title=case.merchant,
                lang=language,
                missed=missed,
                day_totals=case.day_totals,
            )

        self._show(make, f"{case.merchant}:{kind}")

    def clear(self) -> None:
        self._show(None, "")

    # --- the drawn result -----------------------------------------------------------
    @property
    def pending(self) -> bool:
        """A chart was asked for and its drawing has not arrived yet."""
        return self._drawn_generation != self._latest.generation

    @property
    def figure(self):
        """The chart shown as a new matplotlib figure, drawn here at the widget's size
        (blank when no chart is shown). The window saves charts with :meth:`save`, which
        draws them in the chart process."""
        self.wait()
        size = self._pixel_size()
        return figure_of(self._shown_data(), size.width(), size.height(), self.devicePixelRatioF())

    def save(self, path: Path) -> Path:
        """Write the chart shown to ``path`` (PNG, SVG or PDF by its suffix, whole or not
        at all), drawn in the chart process at the widget's size; raises OSError or
        ValueError as writing the file would."""
        self.wait()
        size = self._pixel_size()
        return chart_process().save(self._shown_data(), size.width(), size.height(), path)

    def _shown_data(self) -> ChartData | None:
        if self._make is not None and self._data is None:
            self._data = self._make()  # its drawing failed: made again, errors raised
        return self._data

    def wait(self, timeout: float = 60.0) -> None:
        """Block until the chart process has delivered the drawing asked for last (a
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
    def _show(self, make: MakeData | None, showing: str) -> None:
        self.showing = showing
        self._make = make
        self._latest.generation += 1
        self._data = None  # the new chart's, once it is drawn
        if make is None:
            self._image = None
            self._drawn_generation = self._latest.generation
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
        if self._make is None:
            return
        job = _Job(self._make, self._pixel_size(), self.devicePixelRatioF(), self._latest)
        job.signals.drawn.connect(self._on_drawn, Qt.ConnectionType.QueuedConnection)
        self._jobs = [j for j in self._jobs if not j.done.is_set()] + [job]
        _queued[:] = [j for j in _queued if not j.done.is_set()] + [job]
        workers.preparing_pool().start(job)

    def _on_drawn(self, generation: int, image: QImage | None, data: ChartData | None) -> None:
        self._jobs = [j for j in self._jobs if not j.done.is_set()]
        if generation != self._latest.generation:
            return  # a newer chart was asked for meanwhile
        self._image, self._data = image, data
        self._drawn_generation = generation
        self.update()
        self.drawn.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._make is not None:
            self._draw_soon.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        image = self._image
        if self._make is not None and (
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
