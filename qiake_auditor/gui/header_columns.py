"""What the user chose on a table's header: the widths they set by dragging a section's
edge (or double-clicking it), and the columns they showed or hid from the header's
context menu (every column listed with a check mark; the last one shown cannot go).

The table's own fitting (new data, a filter, the other language) leaves these alone:
it asks :attr:`HeaderColumns.widths` and :attr:`HeaderColumns.visible` first, and makes
its own changes inside :meth:`HeaderColumns.applying`. A named header keeps the choices
with the window layout in QSettings (``window/columns/<name>``) as soon as they are made,
so the window rebuilt in the other language and the next start find them again.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMenu

translate = QCoreApplication.translate


class HeaderColumns(QObject):
    """The user's column choices on one header (a child of it: see :func:`columns_of`)."""

    changed = Signal()  # a column shown or hidden, or the defaults restored: fit again

    def __init__(self, header: QHeaderView, name: str = "") -> None:
        super().__init__(header)
        self.header = header
        self.name = name
        self.widths: dict[int, int] = {}  # logical column -> width the user gave it
        self.visible: dict[int, bool] = {}  # logical column -> shown or hidden by the user
        self._pressed = False  # a mouse button is down on the header
        self._dragged: int | None = None  # the section the user is resizing
        self._applying = 0
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu_requested)
        header.sectionResized.connect(self._resized)
        header.viewport().installEventFilter(self)
        self._load()
        self.apply()

    # -- what the table asks ----------------------------------------------------------------

    @contextlib.contextmanager
    def applying(self) -> Iterator[None]:
        """Section changes made inside are the table's, not the user's."""
        self._applying += 1
        try:
            yield
        finally:
            self._applying -= 1

    def hidden(self) -> set[int]:
        """Columns the user hid."""
        return {c for c, shown in self.visible.items() if not shown}

    def shown(self) -> set[int]:
        """Columns the user asked to see (the table must not hide them to fit)."""
        return {c for c, shown in self.visible.items() if shown}

    def apply(self) -> None:
        """Show the user's choices on the header (after it was made or restored)."""
        header = self.header
        with self.applying():
            for column, shown in self.visible.items():
                header.setSectionHidden(column, not shown)
            for column, width in self.widths.items():
                header.resizeSection(column, width)

    # -- the user's changes -----------------------------------------------------------------

    def set_visible(self, column: int, shown: bool) -> None:
        """Show or hide a column as the user asked; the last one shown stays."""
        header = self.header
        if not shown and [c for c in range(header.count()) if not header.isSectionHidden(c)] == [
            column
        ]:
            return
        self.visible[column] = shown
        with self.applying():
            header.setSectionHidden(column, not shown)
        self._save()
        self.changed.emit()

    def show_all(self) -> None:
        self.visible = {c: True for c in range(self.header.count())}
        self.apply()
        self._save()
        self.changed.emit()

    def restore_defaults(self) -> None:
        """Forget the user's widths and shown or hidden columns: the table fits itself."""
        self.widths.clear()
        self.visible.clear()
        with self.applying():
            for column in range(self.header.count()):
                self.header.setSectionHidden(column, False)
        self._save()
        self.changed.emit()

    def menu(self) -> QMenu:
        """Every column with a check mark (shown), then "show all" and "defaults"."""
        header = self.header
        model = header.model()
        menu = QMenu(header)
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            title = model.headerData(column, header.orientation()) if model is not None else None
            action = menu.addAction(str(title if title is not None else column + 1))
            action.setCheckable(True)
            action.setChecked(column in shown)
            action.setEnabled(shown != [column])  # the last column shown stays
            action.toggled.connect(lambda on, c=column: self.set_visible(c, on))
        menu.addSeparator()
        every = menu.addAction(translate("HeaderColumns", "显示全部列"))
        every.setEnabled(len(shown) < header.count())
        every.triggered.connect(self.show_all)
        defaults = menu.addAction(translate("HeaderColumns", "恢复默认列宽和列"))
        defaults.setEnabled(bool(self.widths or self.visible))
        defaults.triggered.connect(self.restore_defaults)
        return menu

    def _menu_requested(self, position: QPoint) -> None:
        menu = self.menu()
        menu.exec(self.header.viewport().mapToGlobal(position))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self._pressed, self._dragged = True, None
        elif kind == QEvent.Type.MouseButtonRelease:
            self._pressed = False
            if self._dragged is not None:
                self._dragged = None
                self._save()
        return super().eventFilter(watched, event)

    def _resized(self, column: int, _old: int, new: int) -> None:
        if self._applying or not self._pressed:
            return  # the table's own fitting, or Qt's layout
        if self._dragged is None:
            header = self.header
            shown = [header.logicalIndex(v) for v in range(header.count())]
            shown = [c for c in shown if not header.isSectionHidden(c)]
            if header.stretchLastSection() and shown and column == shown[-1]:
                return  # the last section takes what is left: not the user's width
            self._dragged = column
        if column == self._dragged:
            self.widths[column] = new

    # -- kept with the window layout --------------------------------------------------------

    def _key(self) -> str:
        return f"window/columns/{self.name}"

    def _save(self) -> None:
        if not self.name:
            return
        state = {
            "widths": {str(c): w for c, w in self.widths.items()},
            "visible": {str(c): v for c, v in self.visible.items()},
        }
        QSettings().setValue(self._key(), json.dumps(state))

    def _load(self) -> None:
        if not self.name:
            return
        try:
            state = json.loads(str(QSettings().value(self._key(), "") or "{}"))
            count = self.header.count()
            widths = {int(c): int(w) for c, w in state.get("widths", {}).items()}
            visible = {int(c): bool(v) for c, v in state.get("visible", {}).items()}
        except (ValueError, TypeError, AttributeError):
            return  # a layout this version cannot read: the table fits itself
        self.widths = {c: w for c, w in widths.items() if 0 <= c < count and w > 0}
        self.visible = {c: v for c, v in visible.items() if 0 <= c < count}
        if (
            self.visible
            and all(not v for v in self.visible.values())
            and len(self.visible) == count
        ):
            self.visible.clear()  # never every column hidden


def columns_of(header: QHeaderView) -> HeaderColumns | None:
    """The user's column choices attached to ``header``, if any."""
    return header.findChild(HeaderColumns)
