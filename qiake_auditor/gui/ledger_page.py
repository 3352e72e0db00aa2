"""The 全部交易 tab: filters over the ledger table, selection totals, copy and export.

Filters are computed by :mod:`.ledger_filter` on a worker thread (Arrow lets go of
the GIL), after a short pause in typing, so a million rows stay responsive; the
result is applied to the model's numpy row order. A large ledger's display columns
are made on a worker too, after the window has shown its cases: until then the
page says so and the table, greyed, keeps what it showed before; nothing in it can be
selected, copied, filtered or exported, and a row or file asked for meanwhile is shown
once the new table is there (see :attr:`LedgerPage.loading`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDoubleValidator,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..money import format_amount
from ..vocab import Direction, RowState
from . import lang, workers
from .frozen_table import FrozenTable
from .header_columns import HeaderColumns
from .ledger_model import LedgerModel
from .sortmodel import FilteredOrder
from .tables import fit_columns, make_table, user_columns

if TYPE_CHECKING:  # pandas and Arrow load with the first ledger (on the worker)
    import pandas as pd

    from .ledger_filter import Criteria

PREPARE_HERE = 100_000  # ledger rows whose columns are made at once, on the GUI thread


@dataclass(frozen=True)
class _Export:
    """An export on its way: where to, how many rows, what the target was before."""

    path: Path
    rows: int
    before: tuple[int, int] | None  # size and modification time, None: no file


def _file_state(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


class LedgerPage(QWidget):
    """Filter bar, match count, the ledger table and the selection's totals."""

    filtered = Signal()
    loaded = Signal()  # the table shows the ledger last given to set_frame

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LedgerModel(parent=self)
        self.view = make_table(self.model, self, multi=True, name="ledger")
        self.columns: HeaderColumns = user_columns(self.view)  # what the user chose
        self.columns.changed.connect(self._fit_columns)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索商户、说明、交易号、金额…"))
        self.search.setClearButtonEnabled(True)
        self.merchant = QLineEdit(self)
        self.merchant.setPlaceholderText(self.tr("商户"))
        self.merchant.setClearButtonEnabled(True)
        self.use_dates = QCheckBox(self.tr("日期"), self)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for editor in (self.date_from, self.date_to):
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
            editor.setEnabled(False)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        self.direction = QComboBox(self)
        self.direction.addItem(self.tr("全部收支"), "")
        for member in Direction:
            self.direction.addItem(member.label(lang.lang()), member.value)
        self.state = QComboBox(self)
        self.state.addItem(self.tr("全部状态"), "")
        for member in RowState:
            self.state.addItem(member.label(lang.lang()), member.value)
        self.source = QComboBox(self)
        self.source.addItem(self.tr("全部账单"), "")
        self.amount_min = QLineEdit(self)
        self.amount_max = QLineEdit(self)
        for editor, hint in (
            (self.amount_min, self.tr("最小金额")),
            (self.amount_max, self.tr("最大金额")),
        ):
            editor.setPlaceholderText(hint)
            editor.setValidator(QDoubleValidator(0, 1e12, 2, editor))
            editor.setMaximumWidth(110)
        self.clear_button = QPushButton(self.tr("清除筛选"), self)
        self.clear_button.clicked.connect(self.clear_filters)
        self.matches = QLabel(self)
        self.preparing = QLabel(self.tr("正在准备交易表…"), self)
        self.preparing.setStyleSheet("font-weight: bold; padding: 4px 0")
        self.preparing.hide()
        self.selection_label = QLabel(self)
        self.copy_button = QPushButton(self.tr("复制所选行"), self)
        self.copy_button.clicked.connect(self.copy_rows)
        self.export_button = QPushButton(self.tr("导出当前视图…"), self)
        self.export_button.clicked.connect(self.export_view)
        QShortcut(QKeySequence.StandardKey.Copy, self.view, self.copy_rows)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.apply_search)
        for editor in (self.search, self.merchant, self.amount_min, self.amount_max):
            editor.textChanged.connect(lambda _text: self._timer.start())
        for box in (self.direction, self.state, self.source):
            box.currentIndexChanged.connect(lambda _i: self._timer.start())
        for editor in (self.date_from, self.date_to):
            editor.dateChanged.connect(lambda _d: self._timer.start())
        self.use_dates.toggled.connect(lambda _on: self._timer.start())
        self._task: workers.Task | None = None
        self._generation = 0
        # Tasks preparing a large ledger's columns, by the number of their set_frame call
        # (a later one wins; an earlier one is kept until it ends).
        self._preparing: dict[int, workers.Task] = {}
        self._frames = 0
        self._wanted_row: tuple[str, int] | None = None  # show_row asked while loading
        self._wanted_source: str | None = None  # show_source asked while loading
        self._export: _Export | None = None  # an export the window's worker is writing

        filters = QGridLayout()
        filters.addWidget(self.search, 0, 0, 1, 3)
        filters.addWidget(self.merchant, 0, 3)
        filters.addWidget(self.source, 0, 4, 1, 2)
        filters.addWidget(self.matches, 0, 6)
        row = QHBoxLayout()
        for widget in (
            self.use_dates,
            self.date_from,
            QLabel("–", self),
            self.date_to,
            self.direction,
            self.state,
            self.amount_min,
            QLabel("–", self),
            self.amount_max,
            self.clear_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        filters.addLayout(row, 1, 0, 1, 7)
        for column, stretch in ((0, 3), (3, 2), (4, 2)):
            filters.setColumnStretch(column, stretch)
        bottom = QHBoxLayout()
        bottom.addWidget(self.selection_label, 1)
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 6, 0)
        layout.addLayout(filters)
        layout.addWidget(self.preparing)
        # While the window works (an import, a scan, this table's preparation) the table
        # shows a picture of itself (see frozen_table).
        self.table_stack = FrozenTable(self.view, self)
        self._busy = False
        layout.addWidget(self.table_stack)
        layout.addLayout(bottom)
        self._selection_changed()

    def set_busy(self, busy: bool) -> None:
        """The window started or ended a task: the table is a picture meanwhile.

        At the end the live table comes back on the next turn of the event loop: a
        task's result usually brings a new ledger first, whose preparation keeps the
        picture already shown (thawing, then grabbing the old rows again, took 20-30 ms).
        """
        self._busy = busy
        self._update_buttons()  # no export beside the window's task
        if busy:
            self._freeze_or_thaw()
        else:
            QTimer.singleShot(0, self._freeze_or_thaw)

    def when_frozen(self, then: Callable[[], None]) -> None:
        """Call ``then`` once the table's picture is taken: a task started beside the
        taking would make each strip wait for the GIL."""
        self.table_stack.when_frozen(then)

    @property
    def frozen_picture(self) -> bool:
        return self.table_stack.frozen

    def _freeze_or_thaw(self) -> None:
        if not (self._busy or self.loading):
            self.table_stack.thaw()
        else:
            self.table_stack.freeze()

    # -- data -------------------------------------------------------------------------------

    def set_frame(self, frame: pd.DataFrame, prepared=None) -> None:
        """Show a ledger; without its ``prepared`` columns a large one is prepared on a
        worker and shown when ready (:attr:`loading` meanwhile, then :attr:`loaded`)."""
        self._frames += 1
        if prepared is not None or len(frame) <= PREPARE_HERE:
            self._show_frame(frame, prepared)
            return
        number, language = self._frames, lang.lang()
        from . import ledger_columns

        task = workers.Task(lambda progress: ledger_columns.prepare(frame, language))
        task.signals.finished.connect(lambda made: self._prepared(number, frame, made))
        task.signals.failed.connect(lambda _exc: self._prepared(number, frame, None))
        self._preparing[number] = task
        self._show_loading()
        # Started once the window has shown the rest of the view: run beside that
        # work, the worker's share of the GIL would slow it down several times.
        workers.after_paint(self, lambda: self._start_preparing(number))

    def _start_preparing(self, number: int) -> None:
        task = self._preparing.get(number)
        if task is None:
            return
        if number != self._frames:
            del self._preparing[number]  # a later ledger came first: this one is not shown
            return
        workers.start_preparing(task)

    @property
    def loading(self) -> bool:
        """The ledger last given to set_frame is still being prepared."""
        return self._frames in self._preparing

    def _prepared(self, number: int, frame: pd.DataFrame, made) -> None:
        self._preparing.pop(number, None)
        if number != self._frames:
            return  # a later ledger is on its way or shown
        self._show_frame(frame, made)  # made None (it failed): prepared here, errors shown
        source, self._wanted_source = self._wanted_source, None
        if source is not None:
            self.show_source(source)
        wanted, self._wanted_row = self._wanted_row, None
        if wanted is not None:
            self.show_row(*wanted)

    def _filter_widgets(self) -> list[QWidget]:
        return [
            self.search,
            self.merchant,
            self.use_dates,
            self.direction,
            self.state,
            self.source,
            self.amount_min,
            self.amount_max,
            self.clear_button,
        ]

    def _show_loading(self) -> None:
        """Say that the table is being prepared and let nothing shown before be acted on:
        the old rows stay greyed, without selection, filters or a count of theirs."""
        loading = self.loading
        self._freeze_or_thaw()
        self.preparing.setVisible(loading)
        self.view.setEnabled(not loading)
        for widget in self._filter_widgets():
            widget.setEnabled(not loading)
        dates = self.use_dates.isChecked() and not loading
        self.date_from.setEnabled(dates)
        self.date_to.setEnabled(dates)
        if loading:
            self.view.clearSelection()
            self.matches.clear()
        self._selection_changed()

    def _show_frame(self, frame: pd.DataFrame, prepared) -> None:
        import pandas as pd

        from . import ledger_columns

        first = self.model.data_rows() == 0
        if prepared is None:  # the model alone would label them in Chinese
            prepared = ledger_columns.prepare(frame, lang.lang())
        self.model.set_frame(frame, prepared)
        self._show_loading()
        if first:  # later ledgers keep the widths (the user's too): no jump on a rescan
            self._fit_columns()
        current = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(self.tr("全部账单"), "")
        raw = self.model.prepared.raw if self.model.prepared is not None else None
        names = raw["source"].values if raw else pd.unique(frame["source"].astype("str"))
        for name in sorted(str(n) for n in names):
            self.source.addItem(name, name)
        found = self.source.findData(current)
        self.source.setCurrentIndex(max(found, 0))
        self.source.blockSignals(False)
        span = self.model.prepared.span
        if span[0] and not self.use_dates.isChecked():
            for editor, value in zip((self.date_from, self.date_to), span, strict=True):
                editor.blockSignals(True)
                editor.setDate(QDate.fromString(value[:10], "yyyy-MM-dd"))
                editor.blockSignals(False)
        # A filter kept from before is applied again: here for a small ledger, on a
        # worker for a large one (the rows show unfiltered meanwhile, see `filtering`).
        self.apply_search(wait=len(frame) <= PREPARE_HERE)
        self.loaded.emit()

    def _fit_columns(self) -> None:
        """Columns as wide as their first rows' texts, but those whose width the user set."""
        fit_columns(self.view, 280)

    def criteria(self) -> Criteria:
        from .ledger_filter import Criteria

        def number(editor: QLineEdit) -> float | None:
            text = editor.text().strip().replace(",", "")
            try:
                return float(text) if text else None
            except ValueError:
                return None

        dates = self.use_dates.isChecked()
        return Criteria(
            text=self.search.text(),
            merchant=self.merchant.text(),
            date_from=self.date_from.date().toString("yyyy-MM-dd") if dates else "",
            date_to=self.date_to.date().toString("yyyy-MM-dd") if dates else "",
            direction=str(self.direction.currentData() or ""),
            state=str(self.state.currentData() or ""),
            source=str(self.source.currentData() or ""),
            amount_min=number(self.amount_min),
            amount_max=number(self.amount_max),
        )

    def set_dates(self, first: str, last: str) -> None:
        """Filter on a date range (YYYY-MM-DD)."""
        self.date_from.setDate(QDate.fromString(first, "yyyy-MM-dd"))
        self.date_to.setDate(QDate.fromString(last, "yyyy-MM-dd"))
        self.use_dates.setChecked(True)

    def clear_filters(self) -> None:
        for widget in (
            self.search,
            self.merchant,
            self.amount_min,
            self.amount_max,
            self.direction,
            self.state,
            self.source,
            self.use_dates,
        ):
            widget.blockSignals(True)
        self.search.clear()
        self.merchant.clear()
        self.amount_min.clear()
        self.amount_max.clear()
        for box in (self.direction, self.state, self.source):
            box.setCurrentIndex(0)
        self.use_dates.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for widget in (
            self.search,
            self.merchant,
            self.amount_min,
            self.amount_max,
            self.direction,
            self.state,
            self.source,
            self.use_dates,
        ):
            widget.blockSignals(False)
        self.apply_search(wait=True)

    def apply_search(self, wait: bool = False) -> None:
        """Compute the filter off the GUI thread (``wait``: here, now) and show it."""
        self._timer.stop()
        criteria = self.criteria()
        prepared, rows = self.model.prepared, self.model.data_rows()
        self._generation += 1
        if prepared is None:  # no ledger shown yet: nothing to filter
            self._show_mask(self._generation, None)
            return
        from .ledger_filter import mask

        if wait or criteria.empty():
            self._show_mask(self._generation, mask(prepared, criteria, rows))
            return
        generation, model = self._generation, self.model

        def filtered(progress) -> tuple[np.ndarray | None, FilteredOrder | None]:
            found = mask(prepared, criteria, rows)
            return found, model.filtered_order(found)

        task = workers.Task(filtered)
        task.signals.finished.connect(lambda done: self._show_mask(generation, *done))
        self._task = task
        workers.start(task)

    def _show_mask(
        self, generation: int, found: np.ndarray | None, shown: FilteredOrder | None = None
    ) -> None:
        if generation != self._generation:
            return  # a later filter is on its way
        self._task = None
        self.model.set_filter(found, shown)
        total, shown = self.model.data_rows(), self.model.rowCount()
        self.matches.setText(
            self.tr("{0} / {1} 笔").format(f"{shown:,}", f"{total:,}")
            if found is not None
            else self.tr("共 {0} 笔").format(f"{total:,}")
        )
        self._selection_changed()
        self.filtered.emit()

    @property
    def filtering(self) -> bool:
        return self._task is not None or self._timer.isActive()

    # -- selection --------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """Data rows of the selected view rows, in view order."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.source_row(r) for r in rows]

    def _update_buttons(self) -> None:
        self.copy_button.setEnabled(bool(self.selected_rows()) and not self.loading)
        self.export_button.setEnabled(not self.loading and not self._busy)

    def _selection_changed(self, *_args) -> None:
        rows = self.selected_rows()
        self._update_buttons()
        if self.loading:
            self.selection_label.clear()
            return
        if not rows:
            self.selection_label.setText(self.tr("选中多行可查看合计（Ctrl+C 复制）"))
            return
        from ..money_columns import sum_amounts

        picked = self.model.frame.iloc[rows]
        parts = []
        for currency, group in picked.groupby("currency", sort=True):
            out = sum_amounts(group.loc[group["direction"] == "expense", "amount"])
            back = sum_amounts(group.loc[group["direction"] == "income", "amount"])
            parts.append(
                self.tr("支出 {0} · 收入 {1}").format(
                    format_amount(out, str(currency)), format_amount(back, str(currency))
                )
            )
        joined = lang.amounts_separator().join(parts)
        self.selection_label.setText(self.tr("已选 {0} 笔：{1}").format(f"{len(rows):,}", joined))

    def copy_rows(self) -> str:
        """Copy the selected rows (with the header) as tab-separated text: the columns
        shown, in the order shown (:meth:`shown_columns`), as they are shown."""
        view_rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not view_rows or self.loading:
            return ""
        shown, header = self.shown_columns()
        rows = [[r[c] for c in shown] for r in self.model.row_texts(view_rows)]
        lines = ["\t".join(header)] + ["\t".join(r) for r in rows]
        text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        return text

    def shown_columns(self) -> tuple[list[int], list[str]]:
        """The columns the user sees, in the order shown (hidden and moved ones from the
        header), and their titles as shown: what copying and exporting rows write."""
        shown = self.columns.shown_columns()
        titles = [str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in shown]
        return shown, titles

    def view_frame(self) -> pd.DataFrame:
        """The rows shown now, in the order shown."""
        return self.model.frame.iloc[self.model.order()]

    def export_view(self) -> bool:
        """Write the view to a CSV or XLSX file on the window's worker: its rows
        (filtered, in the order shown) and its columns (those shown, in the order shown,
        under their titles), by the same choice of columns as copying
        (:meth:`shown_columns`). The rows, order and columns are those of this moment;
        the window's progress bar and Stop follow the export, and :meth:`export_done`
        or :meth:`export_failed` says how it ended."""
        from . import messages

        title = self.tr("导出当前视图")
        if self.loading:  # the button is disabled meanwhile; the rows shown are older ones
            messages.info(title, self.tr("交易表还在准备中，请稍后再导出。"), self)
            return False
        # What is written, taken now (cheap: the frame shown is never changed in place,
        # a new ledger replaces it; the order is copied, a filter or sort replaces it).
        frame, order = self.model.frame, self.model.order().copy()
        if not len(order):
            messages.info(title, self.tr("当前视图中没有交易。"), self)
            return False
        path = self._export_path(title, len(order))
        if path is None:
            return False
        shown, titles = self.shown_columns()
        fields = [self.model.COLUMNS[c] for c in shown]
        from ..exports import write_view

        export = _Export(path, len(order), _file_state(path))
        run = getattr(self.window(), "run_task", None)  # the main window's worker
        if run is None:
            raise LookupError("the ledger page exports through the main window's worker")
        if not run("export", write_view, frame, path, fields, titles, lang.lang(), order=order):
            return False  # the window is busy, and says so
        self._export = export
        return True

    def _export_path(self, title: str, rows: int) -> Path | None:
        """The file the user names, checked before any work: a view too large for one
        XLSX sheet is offered as CSV instead (asked again, so the save dialog still asks
        before replacing a file)."""
        from ..errors import UserError
        from ..exports import check_ledger_path
        from . import messages

        suggested, filters = "transactions.csv", "CSV (*.csv);;Excel (*.xlsx)"
        while True:
            name = messages.save_file(title, suggested, filters, self)
            if not name:
                return None
            try:
                return check_ledger_path(Path(name), rows)
            except UserError as exc:
                if exc.message_id != "export.xlsx_too_many_rows":
                    messages.error(self.tr("导出失败"), lang.error_text(exc), self)
                    return None
                question = self.tr("{0}\n\n改为导出 CSV 吗？").format(lang.error_text(exc))
                if not messages.ask(title, question, self):
                    return None
                suggested, filters = Path(name).with_suffix(".csv").name, "CSV (*.csv)"

    def export_done(self, path: Path) -> None:
        """The window's worker wrote the export."""
        from . import messages

        export, self._export = self._export, None
        rows = export.rows if export is not None else 0
        messages.info(
            self.tr("导出当前视图"),
            self.tr("已导出 {0} 笔交易到 {1}").format(f"{rows:,}", path),
            self,
        )

    def export_failed(self, exc: BaseException) -> None:
        """The export was stopped or failed: say so, and what became of the file (its
        state looked at now, not assumed)."""
        from ..errors import Cancelled, UserError
        from . import messages

        export, self._export = self._export, None
        if export is None:
            return
        now = _file_state(export.path)
        if now is None:
            left = self.tr("没有写入文件 {0}。").format(export.path)
        elif now == export.before:
            left = self.tr("{0} 保持原样，没有改动。").format(export.path)
        else:  # changed meanwhile by someone else: nothing can be said of it
            left = str(export.path)
        if isinstance(exc, Cancelled):
            messages.info(self.tr("导出当前视图"), self.tr("已停止导出。{0}").format(left), self)
            return
        said = (
            lang.error_text(exc)
            if isinstance(exc, UserError | OSError)
            else self.tr("出现了意外错误：{0}").format(lang.error_text(exc))
        )
        messages.error(self.tr("导出失败"), said + "\n\n" + left, self)

    def show_source(self, name: str) -> None:
        """Show the rows of one imported file (an archive's members by their name);
        while the ledger is being prepared, once it is shown."""
        if self.loading:
            self._wanted_source = name
            return
        found = self.source.findData(name)
        if found < 0:  # an archive: its members are named archive.zip/member
            self.search.setText(name)
        else:
            self.source.setCurrentIndex(found)
        self.apply_search(wait=True)

    def show_row(self, source: str, source_row: int) -> bool:
        """Select the ledger row read from ``source`` at ``source_row`` (clears the filters);
        while the ledger is being prepared, once it is shown."""
        if self.loading:
            self._wanted_row = (source, source_row)
            return True
        frame = self.model.frame
        hits = np.flatnonzero(
            (frame["source"].to_numpy() == source) & (frame["source_row"].to_numpy() == source_row)
        )
        if not len(hits):
            return False
        if not self.criteria().empty():
            self.clear_filters()
        row = self.model.view_row(int(hits[0]))
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True
