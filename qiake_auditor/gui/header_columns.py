"""What the user chose on a table's header: the widths they gave columns (dragging a
section's edge, double-clicking it), the columns they showed or hid from the header's
context menu (every column listed with a check mark; the last one shown cannot go) and
the order they dragged the sections into. One :class:`HeaderColumns` on each table's
header, the same for every table of the window.

The table's own fitting (new data, a filter, the other language) leaves these alone:
it asks :attr:`HeaderColumns.widths` and :attr:`HeaderColumns.visible` first, and makes
its own changes inside :meth:`HeaderColumns.applying`. Any other change of a section is
the user's, but those Qt makes itself: the section it stretches to the header's end, a
section it resizes to its contents or stretches by its resize mode, a section hidden, a
section widened to the least width a section may have.
A named header keeps the choices with the window layout in QSettings
(``window/columns/<name>``) as soon as they are made (a drag once the mouse is
released), so the window rebuilt in the other language and the next start find them.
They are kept by each column's field name (the model's ``COLUMNS``, or the ``fields``
given), so a version that adds, removes or reorders columns still gives each kept width
and hidden state to its own column; a kept name the table no longer has is ignored.
A table without field names keeps its columns by position ("0", "1", ...), and drops
what was kept for another number of columns; a layout kept by position for as many
columns as a table that has names now is read as its columns and kept by name.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMenu

translate = QCoreApplication.translate
# Of what is kept in window/columns/<name>: 2 keys columns by field name; 1 (and a state
# without a version) by position, read as positions of this version's columns.
STATE_VERSION = 2


class HeaderColumns(QObject):
    """The user's column choices on one header (a child of it: see :func:`columns_of`)."""

    changed = Signal()  # a column shown or hidden, or the defaults restored: fit again

    def __init__(
        self, header: QHeaderView, name: str = "", fields: Sequence[str] | None = None
    ) -> None:
        super().__init__(header)
        self.header = header
        self.name = name
        self.fields = _fields(header, fields)  # logical column -> its stable name
        self.widths: dict[int, int] = {}  # logical column -> width the user gave it
        self.visible: dict[int, bool] = {}  # logical column -> shown or hidden by the user
        self.order: list[int] = []  # logical columns in the order the user put them; [] as made
        self._pressed = False  # a mouse button is down on the header: saved on release
        self._unsaved = False
        self._applying = 0
        self._stretched = self._last_shown()  # the section Qt stretches to the end
        # A fixed default size: else a change of style resizes every section of the
        # default size, which would look like the user's widths.
        header.setDefaultSectionSize(header.defaultSectionSize())
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu_requested)
        header.sectionResized.connect(self._resized)
        header.sectionMoved.connect(self._moved)
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
            for visual, column in enumerate(self.order):
                header.moveSection(header.visualIndex(column), visual)
            for column, shown in self.visible.items():
                header.setSectionHidden(column, not shown)
            for column, width in self.widths.items():
                header.resizeSection(column, width)

    # -- the user's changes -----------------------------------------------------------------

    def set_visible(self, column: int, shown: bool) -> None:
        """Show or hide a column as the user asked; the last one shown stays."""
        header = self.header
        if not shown and self.shown_columns() == [column]:
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
        """Forget the user's widths, shown or hidden columns and order: the table's own."""
        header = self.header
        self.widths.clear()
        self.visible.clear()
        self.order.clear()
        with self.applying():
            for column in range(header.count()):
                header.moveSection(header.visualIndex(column), column)
                header.setSectionHidden(column, False)
        self._save()
        self.changed.emit()

    def menu(self) -> QMenu:
        """Every column with a check mark (shown), then "show all" and "defaults"."""
        header = self.header
        model = header.model()
        menu = QMenu(header)
        shown = self.shown_columns()
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
        defaults = menu.addAction(translate("HeaderColumns", "恢复默认的列、列宽和顺序"))
        defaults.setEnabled(bool(self.widths or self.visible or self.order))
        defaults.triggered.connect(self.restore_defaults)
        return menu

    def _menu_requested(self, position: QPoint) -> None:
        menu = self.menu()
        menu.exec(self.header.viewport().mapToGlobal(position))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self._pressed = True
        elif kind == QEvent.Type.MouseButtonRelease:
            self._pressed = False
            if self._unsaved:
                self._save()
        return super().eventFilter(watched, event)

    def shown_columns(self) -> list[int]:
        """The columns shown, in the order shown: what copying and exporting the
        table's rows write."""
        header = self.header
        visuals = (header.logicalIndex(v) for v in range(header.count()))
        return [c for c in visuals if not header.isSectionHidden(c)]

    def _last_shown(self) -> int:
        shown = self.shown_columns()
        return shown[-1] if shown and self.header.stretchLastSection() else -1

    def _resized(self, column: int, old: int, new: int) -> None:
        header = self.header
        stretched, self._stretched = self._stretched, self._last_shown()
        if self._applying or new <= 0 or header.isSectionHidden(column):
            return  # the table's own fitting, or a column hidden
        if column in (stretched, self._stretched):
            return  # the section Qt stretches to the end (or did, before a move): not a width
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            return  # sized by Qt (to its contents, or stretched)
        if old < new == header.minimumSectionSize():
            return  # widened by Qt to the least width of a section (a new style's)
        self.widths[column] = new
        self._changed_by_user()

    def _moved(self, _column: int, _old: int, _new: int) -> None:
        if self._applying:
            return
        header = self.header
        order = [header.logicalIndex(v) for v in range(header.count())]
        self.order = [] if order == list(range(header.count())) else order
        self._changed_by_user()

    def _changed_by_user(self) -> None:
        """Saved now, or once the mouse dragging a section is released."""
        if self._pressed:
            self._unsaved = True
        else:
            self._save()

    # -- kept with the window layout --------------------------------------------------------

    def _key(self) -> str:
        return f"window/columns/{self.name}"

    def _save(self) -> None:
        self._unsaved = False
        if not self.name:
            return
        names = self.fields
        state = {
            "version": STATE_VERSION,
            "columns": names,
            "widths": {names[c]: w for c, w in self.widths.items()},
            "visible": {names[c]: v for c, v in self.visible.items()},
            "order": [names[c] for c in self.order],
        }
        QSettings().setValue(self._key(), json.dumps(state, ensure_ascii=False))

    def _load(self) -> None:
        """The choices kept for this header, each given to the column of its name; none
        if they cannot be read. A layout kept by position (version 1, or version 2 of a
        table that had no names then) for as many columns is read as this version's
        columns and kept again by name at once."""
        if not self.name:
            return
        count = self.header.count()
        positions = _positions(count)
        at = {name: c for c, name in enumerate(self.fields)}
        by_position = False  # read as this version's columns: kept again by name
        try:
            state = json.loads(str(QSettings().value(self._key(), "") or "{}"))
            version = state.get("version", 1)
            if version == 1:  # by position, as this version's columns
                if state.get("columns", count) != count:
                    return  # kept for another version's columns: which is which is unknown
                at, by_position = {name: c for c, name in enumerate(positions)}, True
            elif version != STATE_VERSION:
                return
            elif state.get("columns") == positions != self.fields:
                # kept by position before this table had names, for as many columns
                at, by_position = {name: c for c, name in enumerate(positions)}, True
            elif self.fields == positions and state.get("columns") != self.fields:
                return  # kept by position, for another number of columns
            widths = {str(c): int(w) for c, w in state.get("widths", {}).items()}
            visible = {str(c): bool(v) for c, v in state.get("visible", {}).items()}
            order = [str(c) for c in state.get("order", [])]
        except (ValueError, TypeError, AttributeError):
            return  # a layout this version cannot read: the table fits itself
        self.widths = {at[c]: w for c, w in widths.items() if c in at and w > 0}
        self.visible = {at[c]: v for c, v in visible.items() if c in at}
        if len(set(order)) == len(order):
            self.order = _placed([at[c] for c in order if c in at], count)
        if count and all(not self.visible.get(c, True) for c in range(count)):
            self.visible.clear()  # never every column hidden
        if by_position and state:
            self._save()  # by name from now on


def _positions(count: int) -> list[str]:
    return [str(c) for c in range(count)]


def _fields(header: QHeaderView, fields: Sequence[str] | None) -> list[str]:
    """Each logical column's stable name: ``fields``, the model's ``COLUMNS``, else its
    position."""
    count = header.count()
    if fields is None:
        fields = getattr(header.model(), "COLUMNS", None)
    names = [str(f) for f in fields] if fields is not None else []
    if len(names) != count or len(set(names)) != count:
        return _positions(count)
    return names


def _placed(kept: list[int], count: int) -> list[int]:
    """The kept order of columns, with each column it does not name (a new one) at its
    own place; [] when that is the table's own order."""
    order = list(kept)
    for column in range(count):
        if column not in kept:
            order.insert(min(column, len(order)), column)
    return [] if order == list(range(count)) else order


def columns_of(header: QHeaderView) -> HeaderColumns | None:
    """The user's column choices attached to ``header``, if any."""
    return header.findChild(HeaderColumns)
