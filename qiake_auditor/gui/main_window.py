"""The main window: cases (home), all transactions and the monthly overview in tabs.

All heavy work (import, scan, filters) runs off the GUI thread (:mod:`.workers`); the
window starts tasks, shows their progress and displays the :class:`~.tasks.View`
they return. Decisions go to the app layer (:class:`~qiake_auditor.app.Audit`), then
the workspace is scanned again. Every message to the user goes through :mod:`.messages`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QDragEnterEvent, QDropEvent, QKeySequence
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

from ..app import Audit, Case
from ..errors import Cancelled, PasswordError, UnknownFormatError, UserError
from ..i18n import text as core_text
from ..money import format_amount
from ..vocab import CaseStatus
from ..workspace import default_path
from . import lang, messages, tasks, workers, workspaces
from .case_detail import CaseDetail
from .cases_view import CasesView
from .ledger_page import LedgerPage
from .overview_page import OverviewPage


class MainWindow(QMainWindow):
    """The application window. ``loaded`` fires each time a view is shown."""

    loaded = Signal()
    busy_changed = Signal(bool)
    language_changed = Signal(str)

    def __init__(self, workspace: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace_path = Path(workspace) if workspace else default_path()
        self.view: tasks.View | None = None
        self._task: workers.Task | None = None
        self._task_kind = ""
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

    # -- construction -------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.new_workspace_action = a(
            self.tr("新建工作区…"),
            self.new_workspace,
            QKeySequence.StandardKey.New,
            self.tr("为一位客户或一件事新建一个工作区"),
        )
        self.open_workspace_action = a(
            self.tr("打开工作区…"), self.choose_workspace, "Ctrl+Shift+O"
        )
        self.open_action = a(
            self.tr("打开账单…"),
            self.choose_files,
            QKeySequence.StandardKey.Open,
            self.tr("导入支付宝、微信或银行导出的账单文件"),
        )
        self.demo_action = a(
            self.tr("演示数据"),
            self.open_demo,
            "Ctrl+Shift+D",
            self.tr("在单独的演示工作区中打开内置的演示账单"),
        )
        self.cancel_action = a(
            self.tr("记录取消日期…"),
            self.record_cancellation,
            "Ctrl+K",
            self.tr("记下你取消这项订阅的日期，之后的扣款会被标出"),
        )
        self.log_action = a(self.tr("添加联系记录…"), lambda: self.add_log_entry([]), "Ctrl+L")
        self.dismiss_action = a(
            self.tr("不是周期扣费"),
            self.dismiss_stream,
            None,
            self.tr("从列表中移除这一项（可以撤销）"),
        )
        self.undo_dismiss_action = a(
            self.tr("撤销忽略"), self.undo_dismiss, QKeySequence.StandardKey.Undo
        )
        self.restore_dismissed_action = a(self.tr("恢复所有已忽略的项"), self.restore_dismissed)
        self.watch_action = a(self.tr("关注词…"), self.edit_watch_words)
        self.settings_action = a(
            self.tr("设置…"), self.edit_settings, QKeySequence.StandardKey.Preferences
        )
        self.save_chart_action = a(
            self.tr("保存图表…"),
            self.save_chart,
            "Ctrl+Shift+S",
            self.tr("把当前图表存为 PNG、SVG 或 PDF"),
        )
        self.rescan_action = a(self.tr("重新扫描"), self.reload, QKeySequence.StandardKey.Refresh)
        self.export_action = a(self.tr("导出当前视图…"), self.export_view, "Ctrl+E")
        self.evidence_action = a(self.tr("导出证据…"), self.export_evidence, "Ctrl+Shift+E")
        self.find_action = a(self.tr("查找交易"), self.focus_search, QKeySequence.StandardKey.Find)
        self.about_action = a(self.tr("关于"), self.show_about)
        self.quit_action = a(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        self.language_actions = QActionGroup(self)
        for code, label in (("", self.tr("跟随系统")), ("zh", "简体中文"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setData(code)
            action.setChecked(code == lang.chosen())
            action.triggered.connect(lambda _c=False, code=code: self.switch_language(code))
            self.language_actions.addAction(action)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("文件(&F)"))
        for action in (self.new_workspace_action, self.open_workspace_action):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu(self.tr("最近的工作区"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        for action in (
            self.open_action,
            self.demo_action,
            self.export_action,
            self.save_chart_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        case_menu = menu.addMenu(self.tr("案件(&C)"))
        for action in (
            self.cancel_action,
            self.log_action,
            self.evidence_action,
            self.dismiss_action,
            self.undo_dismiss_action,
            self.restore_dismissed_action,
            self.rescan_action,
        ):
            case_menu.addAction(action)
        settings_menu = menu.addMenu(self.tr("设置(&S)"))
        settings_menu.addAction(self.watch_action)
        settings_menu.addAction(self.settings_action)
        language_menu = settings_menu.addMenu(self.tr("语言"))
        for action in self.language_actions.actions():
            language_menu.addAction(action)
        help_menu = menu.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.find_action)
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.open_action,
            self.demo_action,
            None,
            self.cancel_action,
            self.log_action,
            self.evidence_action,
            self.rescan_action,
            None,
            self.export_action,
            self.save_chart_action,
        ):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self.addToolBar(toolbar)

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
        self.cases_page.setSizes([190, 640])
        self.tabs.addTab(self.cases_page, self.tr("案件"))
        self.ledger_page = LedgerPage(self)
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
        self.files_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
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
        self.stop_button.setToolTip(self.tr("停止正在进行的导入（保存之前停止，工作区保持原样）"))
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
            (self.tr("演示工作区") if demo else self.tr("工作区")) + f"：{self.workspace_path}"
        )

    @property
    def is_demo(self) -> bool:
        return self.workspace_path == tasks.default_demo_path()

    # -- running work -------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None

    def _run(self, kind: str, function, *args, **kwargs) -> bool:
        if self._task is not None:
            self.statusBar().showMessage(self.tr("正在处理，请稍候…"), 3000)
            return False
        task = workers.Task(function, *args, **kwargs)
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(self._on_finished)
        task.signals.failed.connect(self._on_failed)
        self._task = task
        self._task_kind = kind
        self.progress_bar.setValue(0)
        self._on_progress(0.0, "")
        self.progress_bar.setVisible(True)
        self.stop_button.setVisible(kind in ("import", "evidence"))
        self._update_actions()
        self.busy_changed.emit(True)
        workers.start(task)
        return True

    def run_task(self, kind: str, function, *args, **kwargs) -> bool:
        """Run ``function`` on the worker; its result comes back to ``_on_finished``."""
        return self._run(kind, function, *args, **kwargs)

    def _done(self) -> None:
        self._task = None
        self.progress_bar.setVisible(False)
        self.stop_button.setVisible(False)
        self._update_actions()
        self.busy_changed.emit(False)

    @Slot(float, str)
    def _on_progress(self, fraction: float, _text: str) -> None:
        value = max(self.progress_bar.value(), int(fraction * 100))  # forward only
        self.progress_bar.setValue(value)
        phase = {
            "import": self.tr("正在导入"),
            "demo": self.tr("正在打开演示"),
            "load": self.tr("正在扫描"),
            "evidence": self.tr("正在生成证据包"),
        }.get(self._task_kind, self.tr("正在处理"))
        self.progress_bar.setFormat(f"{phase} %p%")

    @Slot(object)
    def _on_finished(self, view: tasks.View) -> None:
        kind = self._task_kind
        self._done()
        if kind == "evidence":
            from . import evidence

            evidence.show_result(self, view)
            self.reload()  # the package is recorded in the case log
            return
        self._pending_import = None
        self.show_view(view)
        if kind in ("import", "demo"):
            workspaces.remember(self.workspace_path, demo=self.is_demo)
        if view.committed_before_cancel:
            messages.info(
                self.tr("导入"), core_text("import.committed_before_cancel", lang.lang()), self
            )
        elif kind == "import" and view.reports:
            messages.info(self.tr("导入完成"), self._import_summary(view), self)
        self.loaded.emit()

    def _import_summary(self, view: tasks.View) -> str:
        lines = [core_text(note_id, lang.lang(), **fields) for note_id, fields in view.notes]
        for report in view.reports:
            if report.already_imported:
                lines.append(
                    self.tr("{0}：已经导入过（{1} 行都已在工作区中，没有新增）").format(
                        report.source, f"{report.rows:,}"
                    )
                )
                continue
            spent = self.tr("支出")
            totals = "；".join(
                f"{spent} {format_amount(v, c)}" for c, v in sorted((report.expense or {}).items())
            )
            lines.append(
                self.tr("{0}：{1}，{2} 行，新增 {3} 行，已有 {4} 行，{5} 至 {6}{7}").format(
                    report.source,
                    report.format,
                    f"{report.rows:,}",
                    f"{report.added:,}",
                    f"{max(report.rows - report.added, 0):,}",
                    report.first or "?",
                    report.last or "?",
                    f"，{totals}" if totals else "",
                )
            )
            lines += [f"  · {w}" for w in report.warnings[:10]]
        return "\n".join(lines)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._done()
        pending, self._pending_import = self._pending_import, None
        if isinstance(exc, Cancelled) and not isinstance(exc, tasks.ImportCancelled):
            self.statusBar().showMessage(self.tr("已停止，没有写入任何文件。"), 8000)
            return
        if isinstance(exc, tasks.ImportCancelled):
            key = "import.cancelled" if exc.unchanged else "import.committed_before_cancel"
            messages.info(self.tr("导入"), core_text(key, lang.lang()), self)
            if not exc.unchanged:
                self.reload()
            return
        if isinstance(exc, PasswordError) and pending is not None:
            password = messages.ask_text(
                self.tr("需要密码"),
                self.tr("{0}\n\n请输入账单邮件中给出的解压密码：").format(lang.error_text(exc)),
                secret=True,
                parent=self,
            )
            if password:
                self.import_files(pending, password)
            return
        if (
            isinstance(exc, UnknownFormatError)
            and pending is not None
            and len(pending) == 1
            and self._ask_mapping(pending[0])
        ):
            return
        if isinstance(exc, UserError) and self._task_kind != "import":
            messages.error(self.tr("无法完成"), lang.error_text(exc), self)
        elif isinstance(exc, UserError):
            messages.error(
                self.tr("无法导入"),
                lang.error_text(exc) + "\n\n" + self.tr("工作区没有改变。"),
                self,
            )
        else:
            messages.error(
                self.tr("内部错误"),
                self.tr("出现了意外错误：{0}").format(lang.error_text(exc)),
                self,
            )

    def _ask_mapping(self, path: Path) -> bool:
        from .mapping import preview

        shown = preview(path)
        if shown is None or not shown.header:
            return False
        mapping = messages.ask_mapping(
            shown.name, shown.header, shown.rows, shown.guessed, shown.fields, self
        )
        if mapping:
            self.import_files([path], column_map=mapping)
        return True

    # -- commands -----------------------------------------------------------------------

    def stop(self) -> None:
        """Ask the running import to stop (before its commit, nothing is changed)."""
        if self._task is not None:
            self._task.cancel()

    def reload(self) -> bool:
        """Scan the workspace again (after a decision changed)."""
        return self._run("load", tasks.load, self.workspace_path, lang.lang())

    def open_workspace(self, path: Path) -> bool:
        if self.busy:
            return False
        self.workspace_path = Path(path)
        self.view = None
        self._undo_dismiss.clear()
        self._update_title()
        workspaces.remember(self.workspace_path, demo=self.is_demo)
        return self.reload()

    def new_workspace(self) -> None:
        name = messages.save_file(
            self.tr("新建工作区"), "workspace.sqlite", self.tr("工作区 (*.sqlite)"), self
        )
        if name:
            path = Path(name) if name.endswith(".sqlite") else Path(name + ".sqlite")
            self.open_workspace(path)

    def choose_workspace(self) -> None:
        names = messages.open_files(self.tr("打开工作区"), self.tr("工作区 (*.sqlite)"), self)
        if names:
            self.open_workspace(Path(names[0]))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in workspaces.recent():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_workspace(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("（没有）")).setEnabled(False)

    def open_demo(self) -> bool:
        """The demo in its own fresh workspace; the user's workspace is not touched."""
        if self.busy:
            return False
        self.workspace_path = tasks.default_demo_path()
        self._update_title()
        return self._run("demo", tasks.open_demo, self.workspace_path, lang.lang())

    def import_files(
        self, paths, password: str | None = None, column_map: dict[str, str] | None = None
    ) -> bool:
        paths = [Path(p) for p in paths]
        if not paths:
            return False
        if self.is_demo:
            messages.info(
                self.tr("演示工作区"),
                self.tr(
                    "这是演示工作区。请先用“文件 ▸ 新建工作区…”或“打开工作区…”选择你自己的工作区。"
                ),
                self,
            )
            return False
        started = self._run(
            "import",
            tasks.import_files,
            self.workspace_path,
            paths,
            password,
            column_map,
            lang.lang(),
        )
        if started:
            self._pending_import = paths
        return started

    def choose_files(self) -> None:
        names = messages.open_files(
            self.tr("打开账单"),
            self.tr(
                "账单文件 (*.csv *.txt *.xls *.xlsx *.zip *.ofx *.qfx *.xml *.sta *.mt940)"
                ";;所有文件 (*)"
            ),
            self,
        )
        if names:
            self.import_files(names)

    # -- cases ----------------------------------------------------------------------------

    def selected_case(self) -> Case | None:
        case_id = self.cases_view.current_case_id()
        if not case_id or self.view is None:
            return None
        return next((c for c in self.view.snapshot.cases if c.id == case_id), None)

    def _case_selected(self, case_id: str) -> None:
        prepared = self.view.charges.get(case_id) if self.view is not None else None
        self.case_detail.show_case(self.selected_case(), "", prepared)
        self._update_actions()

    def _decide(self, action) -> bool:
        """Run one decision through the app layer on the selected case, then rescan."""
        case = self.selected_case()
        if case is None:
            messages.info(self.tr("案件"), self.tr("请先在列表中选一个案件。"), self)
            return False
        try:
            with Audit.open(self.workspace_path) as audit:
                action(audit, case)
        except (UserError, OSError) as exc:
            messages.error(self.tr("无法保存"), lang.error_text(exc), self)
            return False
        return self.reload()

    def set_status(self, status: str) -> None:
        status = CaseStatus(status)
        if (
            self._decide(lambda audit, case: audit.set_case(case, status=status))
            and status == CaseStatus.UNRECOGNISED
        ):
            messages.warning(
                self.tr("检查账户安全"),
                self.tr(
                    "你不认识这个商户。请尽快：修改支付宝/微信支付密码；在“免密支付/自动扣款”中"
                    "关闭所有不认识的授权；检查登录设备；联系平台或银行冻结可疑授权并申请退款。"
                ),
                self,
            )

    def record_cancellation(self) -> None:
        case = self.selected_case()
        if case is None:
            messages.info(self.tr("记录取消日期"), self.tr("请先在列表中选一个案件。"), self)
            return
        chosen = messages.ask_date(
            self.tr("记录取消日期"),
            self.tr("你是哪天取消 {0} 的自动续费的？\n此后的扣款会被标为“取消后仍扣款”。").format(
                case.merchant
            ),
            case.cancelled_on or date.today(),
            self,
        )
        if chosen is not None:
            self._decide(lambda audit, c: audit.set_case(c, cancelled=chosen))

    def clear_cancellation(self) -> None:
        self._decide(lambda audit, c: audit.set_case(c, clear_cancelled=True))

    def add_note(self) -> None:
        note = messages.ask_text(
            self.tr("添加备注"), self.tr("备注（会记入案件记录）："), parent=self
        )
        if note and note.strip():
            self._decide(lambda audit, c: audit.set_case(c, note=note))

    def merge_names(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        names = messages.ask_text(
            self.tr("合并名称"),
            self.tr("这个案件现在包括：{0}\n还有哪些名称属于同一家公司？（用逗号分隔）").format(
                "、".join(case.names)
            ),
            parent=self,
        )
        chosen = [n.strip() for n in (names or "").replace("，", ",").split(",") if n.strip()]
        if chosen:
            self._decide(lambda audit, c: audit.set_case(c, aliases=chosen))

    def split_names(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        names = messages.ask_text(
            self.tr("拆分名称"),
            self.tr(
                "这个案件现在包括：{0}\n哪些名称不属于它，应各成一个案件？（用逗号分隔）"
            ).format("、".join(case.names)),
            parent=self,
        )
        chosen = [n.strip() for n in (names or "").replace("，", ",").split(",") if n.strip()]
        if chosen:
            self._decide(lambda audit, c: audit.set_case(c, split=chosen))

    def set_checklist(self, ticked: list[str]) -> None:
        case = self.selected_case()
        if case is None:
            return
        with Audit.open(self.workspace_path) as audit:
            audit.set_checklist(case, ticked)
        case.checklist = list(ticked)

    def add_log_entry(self, attachments: list) -> None:
        case = self.selected_case()
        if case is None:
            messages.info(self.tr("案件记录"), self.tr("请先在列表中选一个案件。"), self)
            return
        answer = messages.ask_log_entry(list(attachments), self)
        if answer is None or not answer.summary:
            return
        self._decide(
            lambda audit, c: audit.log_entry(
                c,
                answer.channel,
                answer.summary,
                ticket=answer.ticket or None,
                outcome=answer.outcome or None,
                on=answer.on,
                attachments=answer.attachments,
            )
        )

    def save_attachment(self, attachment_id: int) -> None:
        case = self.selected_case()
        found = next(
            (a for e in (case.log if case else []) for a in e.attachments if a.id == attachment_id),
            None,
        )
        if found is None:
            return
        name = messages.save_file(self.tr("保存附件"), found.name, self.tr("所有文件 (*)"), self)
        if not name:
            return
        with Audit.open(self.workspace_path, read_only=True) as audit:
            Path(name).write_bytes(audit.attachment(attachment_id))

    def dismiss_stream(self) -> None:
        stream_id = self.cases_view.current_stream_id()
        case = self.selected_case()
        if stream_id is None and case is not None and len(case.streams) == 1:
            stream_id = str(case.streams[0].get("id", ""))
        if not stream_id:
            messages.info(self.tr("不是周期扣费"), self.tr("请先在案件下选中一项周期扣费。"), self)
            return
        with Audit.open(self.workspace_path) as audit:
            audit.dismiss(stream_id)
        self._undo_dismiss.append(stream_id)
        self.statusBar().showMessage(self.tr("已忽略。按 Ctrl+Z 撤销。"), 8000)
        self.reload()

    def undo_dismiss(self) -> None:
        if not self._undo_dismiss:
            return
        with Audit.open(self.workspace_path) as audit:
            audit.dismiss(self._undo_dismiss.pop(), undo=True)
        self.reload()

    def restore_dismissed(self) -> None:
        with Audit.open(self.workspace_path) as audit:
            for stream_id in audit.dismissed():
                audit.dismiss(stream_id, undo=True)
        self._undo_dismiss.clear()
        self.reload()

    def edit_watch_words(self) -> None:
        with Audit.open(self.workspace_path) as audit:
            words = audit.watch_words()
        answer = messages.edit_watch(words, self)
        if answer is None:
            return
        added, removed = answer
        with Audit.open(self.workspace_path) as audit:
            if added:
                audit.add_watch(added)
            for word in removed:
                audit.remove_watch(word)
        self.reload()

    def edit_settings(self) -> None:
        with Audit.open(self.workspace_path) as audit:
            notice = audit.decisions().notice_days
        answer = messages.ask_settings(lang.chosen(), notice, self)
        if answer is None:
            return
        language, days = answer
        if days != notice:
            with Audit.open(self.workspace_path) as audit:
                audit.set_notice_days(days)
            self.reload()
        if language != lang.chosen():
            self.switch_language(language)

    def switch_language(self, language: str) -> None:
        """Store the choice; the application rebuilds the window in that language."""
        lang.save(language)
        self.language_changed.emit(language)

    def export_evidence(self) -> None:
        from . import evidence

        case = self.selected_case()
        if case is None:
            messages.info(self.tr("导出证据"), self.tr("请先在列表中选一个案件。"), self)
            return
        evidence.export(self, case)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.ledger_page)
        self.ledger_page.search.setFocus()

    def save_chart(self) -> None:
        from .. import charts

        name = messages.save_file(
            self.tr("保存图表"), "chart.png", "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)", self
        )
        if not name:
            return
        try:
            showing = self.overview if self.tabs.currentWidget() is self.overview else self.chart
            charts.save(showing.figure, Path(name))
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
        self.view = view
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

    def _fill_files(self, view: tasks.View) -> None:
        self.files_list.clear()
        for stored in view.files:
            rows = view.file_rows.get(stored.name, 0)
            width = max(self.files_list.viewport().width() - 16, 120)
            name = self.files_list.fontMetrics().elidedText(
                stored.name, Qt.TextElideMode.ElideMiddle, width
            )
            item = QListWidgetItem(
                self.tr("{0}\n{1} · {2} 行").format(name, stored.format, f"{rows:,}")
            )
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
        name = str(item.data(Qt.ItemDataRole.UserRole))
        page = self.ledger_page
        found = page.source.findData(name)
        if found < 0:  # an archive: its members are named archive.zip/member
            page.search.setText(name)
        else:
            page.source.setCurrentIndex(found)
        page.apply_search(wait=True)
        self.tabs.setCurrentWidget(page)

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
        totals = "；".join(format_amount(v, c) for c, v in sorted(snap.spending.items())) or "—"
        text = self.tr("{0} 个账单 · {1} 笔交易 · 支出 {2} · {3} 个案件").format(
            len(view.files), f"{len(view.ledger):,}", totals, len(snap.cases)
        )
        after = snap.after_cancellation_total()
        if after:
            text += self.tr(" · 取消后仍扣 {0}").format(
                "；".join(format_amount(v, c) for c, v in sorted(after.items()))
            )
        self.counts_label.setText(text)

    def _update_actions(self) -> None:
        idle = self._task is None
        for action in (
            self.open_action,
            self.demo_action,
            self.watch_action,
            self.rescan_action,
            self.new_workspace_action,
            self.open_workspace_action,
            self.settings_action,
        ):
            action.setEnabled(idle)
        selected = idle and self.selected_case() is not None
        for action in (
            self.cancel_action,
            self.dismiss_action,
            self.log_action,
            self.evidence_action,
        ):
            action.setEnabled(selected)
        self.undo_dismiss_action.setEnabled(idle and bool(self._undo_dismiss))
        self.export_action.setEnabled(idle and self.view is not None)
        self.case_detail.actions_box.setEnabled(idle)

    # -- layout, drag and drop, closing ---------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.value("window/cases-splitter")
        if splitter is not None:
            self.cases_page.restoreState(splitter)

    def _save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/cases-splitter", self.cases_page.saveState())

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
        paths = [p for p in paths if p.exists()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_files(paths)  # folders too: the app layer imports their statements

    def closeEvent(self, event) -> None:
        if self._task is not None:
            self._task.cancel()
        QThreadPool.globalInstance().waitForDone(30000)
        self._save_layout()
        super().closeEvent(event)
