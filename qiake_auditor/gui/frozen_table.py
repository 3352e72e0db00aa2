"""A table that shows a greyed picture of itself while the window works.

Painted live, each of a large table's cells is a call into Python that waits for the
busy worker to hand over the GIL (0.2-0.6 s per paint). So while a task runs, the
table is replaced by a picture of itself. The picture is taken in strips, one per turn
of the event loop: a 1600x1000 window's table took 15-25 ms in one piece, 40-60 ms
beside another thread, and the window answered nothing meanwhile. Work that must not
run beside the taking (a task) waits for it through :meth:`FrozenTable.when_frozen`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap, QRegion
from PySide6.QtWidgets import QAbstractItemView, QLabel, QStackedWidget, QWidget

STRIP_PX = 160  # the height of the table drawn in one turn of the event loop (~6 rows)
VEIL = QColor(255, 255, 255, 110)  # greyed: the picture is not live


@dataclass
class _Taking:
    """A picture being taken: the pixmap so far and the next strip's top."""

    picture: QPixmap
    top: int = 0


class FrozenTable(QStackedWidget):
    """``view`` live, or its picture (:meth:`freeze` / :meth:`thaw`)."""

    def __init__(self, view: QAbstractItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.addWidget(view)
        self.addWidget(self.picture)
        self._taking: _Taking | None = None
        self._waiting: list[Callable[[], None]] = []

    @property
    def frozen(self) -> bool:
        """The picture is shown (taken in full)."""
        return self.currentWidget() is self.picture

    def freeze(self) -> None:
        """Show the table's picture; taken first, a strip per turn, unless shown already."""
        if self.frozen or self._taking is not None:
            return
        if self.view.size().isEmpty():  # never laid out: nothing to picture
            self.picture.clear()
            self.setCurrentWidget(self.picture)
            return
        ratio = self.view.devicePixelRatioF()
        picture = QPixmap(self.view.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(self.view.palette().base().color())  # opaque, as the table is
        self._taking = _Taking(picture)
        self._take_strip()

    def thaw(self) -> None:
        """Show the live table again (a picture being taken is dropped)."""
        self._taking = None
        self.setCurrentWidget(self.view)
        self._call_waiting()

    def when_frozen(self, then: Callable[[], None]) -> None:
        """Call ``then`` once no picture is being taken (at once when none is)."""
        if self._taking is None:
            then()
        else:
            self._waiting.append(then)

    def _take_strip(self) -> None:
        taking = self._taking
        if taking is None:  # thawed meanwhile
            return
        width, height = self.view.width(), self.view.height()
        strip = QRect(0, taking.top, width, min(STRIP_PX, height - taking.top))
        self.view.render(taking.picture, QPoint(0, taking.top), QRegion(strip))
        taking.top += STRIP_PX
        if taking.top < height:
            QTimer.singleShot(0, self, self._take_strip)
            return
        veil = QPainter(taking.picture)
        veil.fillRect(QRect(0, 0, width, height), VEIL)
        veil.end()
        self.picture.setPixmap(taking.picture)
        self.setCurrentWidget(self.picture)
        self._taking = None
        self._call_waiting()

    def _call_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()
