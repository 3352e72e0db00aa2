"""The main window: cases (home), all transactions and the monthly overview in tabs.

All heavy work (import, scan, filters) runs off the GUI thread (:mod:`.workers`); the
window starts tasks, shows their progress and displays the :class:`~.tasks.View`
they return. Decisions go to the app layer (:class:`~qiake_auditor.app.Audit`), then
the workspace is scanned again. Every message to the user goes through :mod:`.messages`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
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
    QVBoxLayout,
    QWidget,
)

from ..money import format_amount
from ..user_dirs import default_workspace
from . import lang, messages, release, tasks, workers
from .case_commands import CaseCommands
from .case_detail import CaseDetail
from .cases_view import CasesView
from .ledger_page import LedgerPage
from .overview_page import OverviewPage
from .window_actions import WindowActions
from .window_running import RunningWork
from .window_settings import SettingsCommands
from .window_workspace import WorkspaceCommands

# The core starts loading this long after the window is shown: its first paint comes first.
WARM_UP_AFTER_SHOW_MS = 250


class MainWindow(
    WindowActions,
    RunningWork,
    WorkspaceCommands,
    CaseCommands,
    SettingsCommands,
    QMainWindow,
):
    """The application window. ``loaded`` fires each time a view is shown."""

    loaded = Signal()
    busy_changed = Signal(bool)
    language_changed = Signal(str)

    def __init__(self, workspace: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace_path = Path(workspace) if workspace else default_workspace()
        self.view: tasks.View | None = None
        self._task: workers.Task | None = None
        self._task_kind = ""
        self._closing = False
        self._pending_import: list[Path] | None = None
        self._undo_dismiss: list[str] = []
        self.setAcceptDrops(True)
        self.resize(1360, 860)
        self._build_actions()
        self._build_central()
        self._build_files_dock()
        self._build_status()
        self._update_title()
        self._update_actions()
        self._restore_layout()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # After the first paint: loading the core beside it (pandas, Arrow, each a long
        # hold of the GIL while its modules load) made the window appear 70-100 ms later.
        QTimer.singleShot(WARM_UP_AFTER_SHOW_MS, tasks.warm_up)

    def _build_central(self) -> None:
        self.tabs = QTabWidget(self)
        self.cases_view = CasesView(self)
        self.cases_view.case_selected.connect(self._case_selected)
        self.case_detail = CaseDetail(self)
        detail = self.case_detail
        detail.charge_activated.connect(self.show_ledger_row)
        detail.status_chosen.connect(self.set_status)
        detail.cancellation_requested.connect(self.record_cancellation)
        detail.cancellation_cleared.connect(self.clear_cancellation)
        detail.note_requested.connect(self.add_note)
        detail.merge_requested.connect(self.merge_names)
        detail.split_requested.connect(self.split_names)
        detail.dismiss_requested.connect(self.dismiss_stream)
        detail.log_requested.connect(self.add_log_entry)
        detail.attachment_requested.connect(self.save_attachment)
        detail.checklist_changed.connect(self.set_checklist)
        detail.export_requested.connect(self.export_evidence)
        self.chart = detail.chart
        self.charges = detail.charges
        self.detail = detail.text
        self.cases_page = QSplitter(Qt.Orientation.Vertical, self)
        self.cases_page.setObjectName("cases-splitter")
        self.cases_page.addWidget(self.cases_view)
        self.cases_page.addWidget(detail)
        self.cases_page.setSizes([240, 620])  # ~5 case rows at 1280x720, the detail the rest
        self.tabs.addTab(self.cases_page, self.tr("案件"))
        self.ledger_page = LedgerPage(self)
        self.busy_changed.connect(self.ledger_page.set_busy)
        self.ledger_model = self.ledger_page.model
        self.ledger_view = self.ledger_page.view
        self.tabs.addTab(self.ledger_page, self.tr("全部交易"))
        self.overview = OverviewPage(self)
        self.tabs.addTab(self.overview, self.tr("每月总览"))
        for index in range(3):
            self._action(
                f"tab{index}", lambda i=index: self.tabs.setCurrentIndex(i), f"Ctrl+{index + 1}"
            ).setParent(self)
            self.addAction(self.findChildren(QAction)[-1])
        self.setCentralWidget(self.tabs)

    def _build_files_dock(self) -> None:
        dock = QDockWidget(self.tr("已导入的账单"), self)
        dock.setObjectName("files-dock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        holder = QWidget(dock)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(4, 4, 4, 4)
        self.workspace_label = QLabel(holder)
        self.workspace_label.setWordWrap(True)
        layout.addWidget(self.workspace_label)
        self.files_list = QListWidget(holder)
        self.files_list.setWordWrap(False)
        self.files_list.setTextElideMode(Qt.TextElideMode.ElideNone)  # elided per line
        self.files_list.setSpacing(3)
        self.files_list.itemActivated.connect(self._file_activated)
        layout.addWidget(self.files_list)
        hint = QLabel(
            self.tr("把账单文件或文件夹拖到窗口里即可导入。\n所有数据只保存在本机。"), holder
        )
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
        self.progress_bar.setMaximumWidth(260)
        self.progress_bar.setVisible(False)
        self.stop_button = QPushButton(self.tr("停止"), self)
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setVisible(False)
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.progress_bar)
        self.statusBar().addPermanentWidget(self.stop_button)

    def _update_title(self) -> None:
        demo = self.is_demo
        name = self.workspace_path.name
        title = self.tr("洽客审计 — {0}").format(name)
        if demo:
            title = self.tr("洽客审计 — 演示工作区（不会改动你的数据）")
        self.setWindowTitle(title)
        self.workspace_label.setText(
            (self.tr("演示工作区：{0}") if demo else self.tr("工作区：{0}")).format(
                self.workspace_path
            )
        )

    @property
    def is_demo(self) -> bool:
        return self.workspace_path == tasks.default_demo_path()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.ledger_page)
        self.ledger_page.search.setFocus()

    def save_chart(self) -> None:
        name = messages.save_file(
            self.tr("保存图表"), "chart.png", "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)", self
        )
        if not name:
            return
        try:
            on_overview = self.tabs.currentWidget() is self.overview
            (self.overview.chart if on_overview else self.chart).save(Path(name))
        except (OSError, ValueError) as exc:
            messages.error(self.tr("保存失败"), lang.error_text(exc), self)
            return
        self.statusBar().showMessage(self.tr("图表已保存到 {0}").format(name), 5000)

    def export_view(self) -> None:
        if self.view is None or self.view.ledger.empty:
            messages.info(self.tr("导出"), self.tr("还没有导入任何账单。"), self)
            return
        self.ledger_page.export_view()

    def show_about(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        from .app import crash_log_path
        from .dialogs import about_text

        try:
            shown = version("qiake-auditor")
        except PackageNotFoundError:
            shown = "dev"
        messages.about(
            self.tr("关于"), about_text(shown, self.workspace_path, crash_log_path().parent), self
        )

    # -- showing a view -----------------------------------------------------------------

    def show_view(self, view: tasks.View) -> None:
        old, self.view = self.view, view
        self.case_detail.tables = view.charges  # large cases' charge tables made on demand
        self.ledger_page.set_frame(view.ledger, view.columns)
        self._fill_files(view)
        self.cases_view.set_snapshot(view.snapshot)
        self.overview.show_scan(view.snapshot)
        if self.cases_view.current_case_id() is None:
            first = view.snapshot.first_case()
            if first is not None:
                self.cases_view.select_case(first.id)
        case = self.selected_case()
        if case is None:
            message = (
                self.tr("没有发现周期扣费。")
                if not view.ledger.empty
                else self.tr(
                    "把支付宝、微信或银行导出的账单拖到窗口里，或点“打开账单…”；想先看看效果，点“演示数据”。"
                )
            )
            self.case_detail.show_case(None, message)
        else:
            self.case_detail.show_case(case, "", view.charges.get(case.id))
        self._update_status()
        self._update_actions()
        if old is not view:
            release.release(old)  # nothing shows the old view's cases any more

    def _fill_files(self, view: tasks.View) -> None:
        self.files_list.clear()
        metrics = self.files_list.fontMetrics()
        width = max(self.files_list.viewport().width() - 20, 120)
        for stored in view.files:
            rows = view.file_rows.get(stored.name, 0)
            # Both lines elided here, each to the list's width: Qt's own elision of a
            # two-line text that is too wide keeps only the first line.
            first, second = (
                self.tr("{0}\n{1} · {2} 行")
                .format(stored.name, stored.format, f"{rows:,}")
                .split("\n", 1)
            )
            lines = [
                metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width)
                for line in (first, second)
            ]
            item = QListWidgetItem("\n".join(lines))
            item.setSizeHint(QSize(width, metrics.lineSpacing() * 2 + 8))
            item.setToolTip(
                self.tr("{0}\nSHA-256 {1}\n导入于 {2}\n双击查看这个账单的交易").format(
                    stored.name, stored.sha256, stored.imported_at
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, stored.name)
            self.files_list.addItem(item)

    @Slot(QListWidgetItem)
    def _file_activated(self, item: QListWidgetItem) -> None:
        """Show the transactions of one imported file in 全部交易."""
        self.ledger_page.show_source(str(item.data(Qt.ItemDataRole.UserRole)))
        self.tabs.setCurrentWidget(self.ledger_page)

    @Slot(str, int)
    def show_ledger_row(self, source: str, source_row: int) -> None:
        """Switch to 全部交易 with the ledger row of a charge selected."""
        if self.ledger_page.show_row(source, source_row):
            self.tabs.setCurrentWidget(self.ledger_page)

    def _update_status(self) -> None:
        view = self.view
        if view is None:
            return
        snap = view.snapshot
        totals = (
            lang.amounts_separator().join(
                format_amount(v, c) for c, v in sorted(snap.spending.items())
            )
            or "—"
        )
        text = self.tr("{0} 个账单 · {1} 笔交易 · 支出 {2} · {3} 个案件").format(
            len(view.files), f"{len(view.ledger):,}", totals, len(snap.cases)
        )
        after = snap.after_cancellation_total()
        if after:
            text += self.tr(" · 取消后仍扣 {0}").format(
                lang.amounts_separator().join(format_amount(v, c) for c, v in sorted(after.items()))
            )
        self.counts_label.setText(text)

    def closeEvent(self, event) -> None:
        self._closing = True  # a task waiting for the table's picture is not started
        if self._task is not None:
            self._task.cancel()
        workers.wait_for_all(30000)
        self._save_layout()
        super().closeEvent(event)
