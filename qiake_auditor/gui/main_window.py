"""The main window: imported files on the left, streams and ledger in tabs, status below.

All heavy work (import, scan) runs in :mod:`.workers`; the window only starts tasks,
shows their progress and displays the :class:`~.tasks.Snapshot` they return. Every
message to the user goes through :mod:`.messages`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .. import charts, demo
from ..errors import Cancelled, PasswordError, UserError
from ..money import fmt
from ..workspace import Workspace, default_path
from . import messages, tasks, workers
from .ledger_page import LedgerPage
from .overview_page import OverviewPage
from .stream_detail import StreamDetail
from .streams_model import ALERT, StreamsModel
from .tables import fit_columns, make_table

STATEMENT_FILTER = ("账单文件 (*.csv *.txt *.xls *.xlsx *.zip *.ofx *.qfx *.xml *.sta *.mt940)"
                    ";;所有文件 (*)")


def demo_workspace_path() -> Path:
    return Path(platformdirs.user_data_dir("qiake-auditor", appauthor=False)) / "demo.sqlite"


class MainWindow(QMainWindow):
    """The application window. ``loaded`` fires each time a snapshot is shown."""

    loaded = Signal()
    busy_changed = Signal(bool)

    def __init__(self, workspace: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace_path = Path(workspace) if workspace else default_path()
        self.snapshot: tasks.Snapshot | None = None
        self._task: workers.Task | None = None
        self._pending_import: list[Path] | None = None
        self._select_after_load: str | None = None
        self.scan_overrides: dict = {}
        self.setWindowTitle(self.tr("洽客审计 qiake-auditor — 周期扣费核查"))
        self.setAcceptDrops(True)
        self.resize(1360, 860)
        self._build_actions()
        self._build_central()
        self._build_files_dock()
        self._build_status()
        self._update_actions()

    # -- construction -------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(self.tr("打开账单…"), self.choose_files,
                                        QKeySequence.StandardKey.Open,
                                        self.tr("导入支付宝、微信或银行导出的账单文件"))
        self.demo_action = self._action(self.tr("演示数据"), self.open_demo, None,
                                        self.tr("打开内置的演示账单"))
        self.cancel_action = self._action(
            self.tr("记录取消日期…"), self.record_cancellation, None,
            self.tr("记下你取消这项订阅的日期，之后的扣款会被标出"))
        self.watch_action = self._action(self.tr("添加关注词…"), self.add_watch_word, None,
                                         self.tr("商户名含此词的扣款总会被列出"))
        self.dismiss_action = self._action(
            self.tr("不是周期扣费"), self.dismiss_stream, None,
            self.tr("从列表中移除这一项（可在工作区中恢复）"))
        self.save_chart_action = self._action(self.tr("保存图表…"), self.save_chart, None,
                                              self.tr("把当前图表存为 PNG 或 SVG"))
        self.rescan_action = self._action(self.tr("重新扫描"), self.reload,
                                          QKeySequence.StandardKey.Refresh)
        self.export_action = self._action(self.tr("导出账目…"), self.export_ledger)
        self.quit_action = self._action(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("文件(&F)"))
        for action in (self.open_action, self.demo_action, self.export_action,
                       self.save_chart_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        streams_menu = menu.addMenu(self.tr("订阅(&S)"))
        for action in (self.cancel_action, self.dismiss_action, self.watch_action,
                       self.rescan_action):
            streams_menu.addAction(action)
        help_menu = menu.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action(self.tr("关于"), self.show_about))

        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.open_action, self.demo_action, None, self.cancel_action,
                       self.dismiss_action, self.watch_action, self.rescan_action, None,
                       self.export_action, self.save_chart_action):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _build_central(self) -> None:
        self.tabs = QTabWidget(self)
        self.streams_model = StreamsModel(parent=self)
        self.streams_view = make_table(self.streams_model, self)
        self.streams_view.selectionModel().currentRowChanged.connect(self._stream_changed)
        self.stream_detail = StreamDetail(self)
        self.stream_detail.charge_activated.connect(self.show_ledger_row)
        # Short names for the parts tests and other code look at.
        self.detail = self.stream_detail.text
        self.charges = self.stream_detail.charges
        self.chart = self.stream_detail.chart
        page = QSplitter(Qt.Orientation.Vertical, self)
        page.addWidget(self.streams_view)
        page.addWidget(self.stream_detail)
        page.setSizes([250, 500])
        self.tabs.addTab(page, self.tr("订阅与周期扣费"))

        self.overview = OverviewPage(self)
        self.tabs.addTab(self.overview, self.tr("每月总览"))

        self.ledger_page = LedgerPage(self)
        self.ledger_model = self.ledger_page.model
        self.ledger_view = self.ledger_page.view
        self.tabs.insertTab(1, self.ledger_page, self.tr("全部交易"))
        self.setCentralWidget(self.tabs)

    def _build_files_dock(self) -> None:
        dock = QDockWidget(self.tr("已导入的账单"), self)
        dock.setObjectName("files-dock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        holder = QWidget(dock)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(4, 4, 4, 4)
        self.files_list = QListWidget(holder)
        self.files_list.setWordWrap(False)
        self.files_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files_list.setSpacing(3)
        self.files_list.itemActivated.connect(self._file_activated)
        layout.addWidget(self.files_list)
        hint = QLabel(self.tr("把账单文件拖到窗口里即可导入。\n所有数据只保存在本机。"), holder)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        dock.setWidget(holder)
        dock.setMinimumWidth(200)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.resizeDocks([dock], [230], Qt.Orientation.Horizontal)

    def _build_status(self) -> None:
        self.counts_label = QLabel(self.tr("把账单拖进来，或点“打开账单…”"), self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setVisible(False)
        self.stop_button = QPushButton(self.tr("停止"), self)
        self.stop_button.setToolTip(self.tr("停止正在进行的导入或扫描（工作区保持原样）"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setVisible(False)
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.progress_bar)
        self.statusBar().addPermanentWidget(self.stop_button)

    # -- running work -------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None

    def _run(self, function, *args, **kwargs) -> bool:
        if self._task is not None:
            self.statusBar().showMessage(self.tr("正在处理，请稍候…"), 3000)
            return False
        task = workers.Task(function, *args, **kwargs)
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(self._on_finished)
        task.signals.failed.connect(self._on_failed)
        self._task = task
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self.stop_button.setVisible(True)
        self._update_actions()
        self.busy_changed.emit(True)
        workers.start(task)
        return True

    def _done(self) -> None:
        self._task = None
        self.progress_bar.setVisible(False)
        self.stop_button.setVisible(False)
        self._update_actions()
        self.busy_changed.emit(False)

    @Slot(float, str)
    def _on_progress(self, fraction: float, text: str) -> None:
        self.progress_bar.setValue(int(fraction * 100))
        self.progress_bar.setFormat(f"{text} %p%" if text else "%p%")

    @Slot(object)
    def _on_finished(self, snapshot: tasks.Snapshot) -> None:
        self._done()
        self._pending_import = None
        self.show_snapshot(snapshot)
        warnings = [f"{r.source}: {w}" for r in snapshot.reports for w in r.warnings]
        if warnings:
            messages.warning(self.tr("导入提示"), "\n".join(warnings[:20]), self)
        if snapshot.scan_error:
            messages.warning(self.tr("检测出错"), self.tr(
                "账单已导入，但查找周期扣费时出错：\n{0}\n“全部交易”中仍可查看所有记录。").format(
                snapshot.scan_error), self)
        self.loaded.emit()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._done()
        pending, self._pending_import = self._pending_import, None
        if isinstance(exc, Cancelled):
            self.statusBar().showMessage(self.tr("已停止，工作区没有改变。"), 5000)
            return
        if isinstance(exc, PasswordError) and pending is not None:
            password = messages.ask_text(
                self.tr("需要密码"),
                self.tr("{0}\n\n请输入账单邮件中给出的解压密码：").format(exc), secret=True,
                parent=self)
            if password:
                self.import_files(pending, password)
            return
        if isinstance(exc, UserError):
            messages.error(self.tr("无法导入"), str(exc), self)
        else:
            messages.error(self.tr("内部错误"),
                           self.tr("出现了意外错误：{0}: {1}").format(type(exc).__name__, exc),
                           self)

    # -- commands -----------------------------------------------------------------------

    def stop(self) -> None:
        """Ask the running task to stop at its next progress check."""
        if self._task is not None:
            self._task.cancel()

    def reload(self) -> bool:
        """Re-read the workspace and rescan it (after a decision changed)."""
        return self._run(tasks.load, self.workspace_path, self.scan_overrides)

    def open_demo(self) -> bool:
        """Switch to a fresh demo workspace filled with the bundled demo statements."""
        self.workspace_path = demo_workspace_path()
        self.scan_overrides = demo.demo_overrides()
        self._select_after_load = None
        return self._run(tasks.open_demo, self.workspace_path)

    def import_files(self, paths: list[Path] | list[str], password: str | None = None) -> bool:
        paths = [Path(p) for p in paths]
        if not paths:
            return False
        started = self._run(tasks.import_files, self.workspace_path, paths, password,
                            self.scan_overrides)
        if started:
            self._pending_import = paths
        return started

    def choose_files(self) -> None:
        names = messages.open_files(self.tr("打开账单"), self.tr(STATEMENT_FILTER), self)
        if names:
            self.import_files(names)

    def selected_stream(self) -> dict | None:
        index = self.streams_view.currentIndex()
        if not index.isValid():
            return None
        return self.streams_model.stream(index.row())

    def record_cancellation(self) -> None:
        stream = self.selected_stream()
        if stream is None:
            messages.info(self.tr("记录取消日期"), self.tr("请先在列表中选一项订阅。"), self)
            return
        merchant = str(stream.get("merchant", ""))
        known = self.cancelled_on(stream)
        default = date.fromisoformat(known) if known else date.today()
        chosen = messages.ask_date(
            self.tr("记录取消日期"),
            self.tr("你是哪天取消 {0} 的自动续费的？\n"
                    "此后的扣款会被标为“取消后扣款”。").format(merchant),
            default, self)
        if chosen is None:
            return
        with Workspace(self.workspace_path) as space:
            space.set_decision("cancelled", merchant, chosen.isoformat())
        self._select_after_load = merchant
        self.reload()

    def add_watch_word(self) -> None:
        word = messages.ask_text(self.tr("添加关注词"),
                                 self.tr("商户名或说明中含有这个词的扣款都会被列出（例如 洽客）："),
                                 parent=self)
        word = (word or "").strip()
        if not word:
            return
        with Workspace(self.workspace_path) as space:
            space.set_decision("watch", word, "1")
        self.reload()

    def dismiss_stream(self) -> None:
        stream = self.selected_stream()
        if stream is None:
            return
        merchant = str(stream.get("merchant", ""))
        if not messages.ask(self.tr("不是周期扣费"),
                            self.tr("把 {0} 从周期扣费列表中移除？").format(merchant), self):
            return
        with Workspace(self.workspace_path) as space:
            space.set_decision("dismissed", str(stream.get("id", "")), merchant)
        self.reload()

    def save_chart(self) -> None:
        name = messages.save_file(self.tr("保存图表"), "chart.png", "PNG (*.png);;SVG (*.svg)",
                                  self)
        if not name:
            return
        try:
            showing = self.overview if self.tabs.currentWidget() is self.overview else self.chart
            charts.save(showing.figure, Path(name))
        except (OSError, ValueError) as exc:
            messages.error(self.tr("保存失败"), str(exc), self)
            return
        self.statusBar().showMessage(self.tr("图表已保存到 {0}").format(name), 5000)

    def export_ledger(self) -> None:
        if self.snapshot is None or self.snapshot.ledger.empty:
            messages.info(self.tr("导出账目"), self.tr("还没有导入任何账单。"), self)
            return
        name = messages.save_file(self.tr("导出账目"), "ledger.csv",
                                  "CSV (*.csv);;Excel (*.xlsx)", self)
        if not name:
            return
        from ..exports import write_ledger

        try:
            write_ledger(self.snapshot.ledger, Path(name))
        except (UserError, OSError) as exc:
            messages.error(self.tr("导出失败"), str(exc), self)
            return
        self.statusBar().showMessage(self.tr("已导出到 {0}").format(name), 5000)

    def show_about(self) -> None:
        messages.info(self.tr("关于"), self.tr(
            "洽客审计 qiake-auditor\n\n读取支付宝、微信支付和银行导出的账单，"
            "找出周期扣费与自动续费，说明原因并帮助维权。\n"
            "全部在本机离线处理，不上传任何数据。"), self)

    # -- showing a snapshot -------------------------------------------------------------

    def show_snapshot(self, snapshot: tasks.Snapshot) -> None:
        previous = self._select_after_load or (
            str(self.selected_stream().get("merchant")) if self.selected_stream() else None)
        self._select_after_load = None
        self.snapshot = snapshot
        self.ledger_page.set_frame(snapshot.ledger, snapshot.columns)
        self.streams_model.set_streams((snapshot.scan or {}).get("streams") or [])
        self._fill_files(snapshot)
        fit_columns(self.streams_view, 320)
        self.overview.show_scan(snapshot.scan)
        self._select_initial(previous)
        self._update_status()
        self._update_actions()

    def _fill_files(self, snapshot: tasks.Snapshot) -> None:
        self.files_list.clear()
        for stored in snapshot.files:
            rows = snapshot.file_rows.get(stored.name, 0)
            width = max(self.files_list.viewport().width() - 16, 120)
            name = self.files_list.fontMetrics().elidedText(
                stored.name, Qt.TextElideMode.ElideMiddle, width)
            item = QListWidgetItem(f"{name}\n{stored.format} · {rows} 行")
            item.setToolTip(self.tr("{0}\nSHA-256 {1}\n导入于 {2}\n双击查看这个账单的交易").format(
                stored.name, stored.sha256, stored.imported_at))
            item.setData(Qt.ItemDataRole.UserRole, stored.name)
            self.files_list.addItem(item)

    @Slot(QListWidgetItem)
    def _file_activated(self, item: QListWidgetItem) -> None:
        """Show the transactions of one imported file in 全部交易."""
        self.ledger_page.search.setText(str(item.data(Qt.ItemDataRole.UserRole)))
        self.ledger_page.apply_search()
        self.tabs.setCurrentWidget(self.ledger_page)

    def _select_initial(self, previous: str | None) -> None:
        model = self.streams_model
        row = model.row_of_merchant(previous) if previous else -1
        if row < 0:  # the stream charged most often after its cancellation
            alerts = [(-self._after_cancel_count(model.stream(r)), r)
                      for r in range(model.rowCount()) if model.is_alert(r)]
            row = min(alerts)[1] if alerts else -1
        if row < 0:
            watch = self.snapshot.watch if self.snapshot else []
            row = next((r for r in range(model.rowCount())
                        if any(w in str(model.stream(r).get("merchant", "")) for w in watch)), -1)
        if row < 0 and model.rowCount():
            row = 0
        if row >= 0:
            self.streams_view.selectRow(row)
            self.streams_view.scrollTo(model.index(row, 0))
            self._show_stream(model.stream(row))
        else:
            self._show_stream(None)

    @staticmethod
    def _after_cancel_count(stream: dict) -> int:
        return sum(1 for c in stream.get("charges") or [] if ALERT in (c.get("flags") or []))

    @Slot()
    def _stream_changed(self, current, _previous=None) -> None:
        stream = self.streams_model.stream(current.row()) if current.isValid() else None
        self._show_stream(stream)
        self._update_actions()

    def _show_stream(self, stream: dict | None) -> None:
        scan = self.snapshot.scan if self.snapshot else None
        if stream is None:
            if self.snapshot is not None and scan is None:
                message = self.tr("检测模块不可用：“全部交易”仍然显示了导入的账目。")
            elif self.snapshot is None or self.snapshot.ledger.empty:
                message = self.tr("把支付宝、微信或银行导出的账单拖到窗口里，或点“打开账单…”；"
                                  "想先看看效果，点“演示数据”。")
            else:
                message = self.tr("没有发现周期扣费。")
            self.stream_detail.show_nothing(message, scan)
            return
        self.stream_detail.show_stream(stream, self.cancelled_on(stream))

    def cancelled_on(self, stream: dict) -> str | None:
        """The cancellation date that applies to a stream (the detector's, else recorded)."""
        if stream.get("cancelled_on"):
            return str(stream["cancelled_on"])
        recorded = self.snapshot.cancellations if self.snapshot else {}
        return recorded.get(str(stream.get("merchant", "")))

    @Slot(str, int)
    def show_ledger_row(self, source: str, source_row: int) -> None:
        """Switch to 全部交易 with the ledger row of a charge selected."""
        if self.ledger_page.show_row(source, source_row):
            self.tabs.setCurrentWidget(self.ledger_page)

    def _update_status(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        ledger = snapshot.ledger
        streams = (snapshot.scan or {}).get("streams") or []
        alerts = sum(1 for s in streams if ALERT in (s.get("flags") or []))
        flagged = sum(1 for s in streams if s.get("flags"))
        totals = "  ".join(f"{currency} {fmt(amount)}"
                           for currency, amount in sorted(snapshot.spending.items())) or "0.00"
        text = self.tr("{0} 个账单 · {1} 笔交易 · 支出 {2} · {3} 个周期扣费 · {4} 个需注意").format(
            len(snapshot.files), len(ledger), totals, len(streams), flagged)
        if alerts:
            text += self.tr(" · {0} 个取消后仍扣款").format(alerts)
        if snapshot.scan is None:
            text += self.tr(" · 检测模块不可用")
        self.counts_label.setText(text)

    def _update_actions(self) -> None:
        idle = self._task is None
        for action in (self.open_action, self.demo_action, self.watch_action,
                       self.rescan_action):
            action.setEnabled(idle)
        selected = self.selected_stream() is not None
        self.cancel_action.setEnabled(idle and selected)
        self.dismiss_action.setEnabled(idle and selected)
        self.export_action.setEnabled(idle and self.snapshot is not None)

    # -- drag and drop ------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and any(u.isLocalFile() for u in mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [p for p in paths if p.is_file()]
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_files(files)

    def closeEvent(self, event) -> None:
        if self._task is not None:
            self._task.cancel()
        QThreadPool.globalInstance().waitForDone(10000)
        super().closeEvent(event)

