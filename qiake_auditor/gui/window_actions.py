"""The window's actions, menus, toolbar and shortcuts, and which of them are enabled."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from . import lang

translate = QCoreApplication.translate  # the window's strings keep the MainWindow context


class WindowActions:
    """Mixin of :class:`~.main_window.MainWindow`.

    Builds every QAction of the window; the slots live in the other mixins.
    """

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
            translate("MainWindow", "新建工作区…"),
            self.new_workspace,
            QKeySequence.StandardKey.New,
            translate("MainWindow", "为一位客户或一件事新建一个工作区"),
        )
        self.open_workspace_action = a(
            translate("MainWindow", "打开工作区…"), self.choose_workspace, "Ctrl+Shift+O"
        )
        self.open_action = a(
            translate("MainWindow", "打开账单…"),
            self.choose_files,
            QKeySequence.StandardKey.Open,
            translate("MainWindow", "导入支付宝、微信或银行导出的账单文件"),
        )
        self.demo_action = a(
            translate("MainWindow", "演示数据"),
            self.open_demo,
            "Ctrl+Shift+D",
            translate("MainWindow", "在单独的演示工作区中打开内置的演示账单"),
        )
        self.cancel_action = a(
            translate("MainWindow", "记录取消日期…"),
            self.record_cancellation,
            "Ctrl+K",
            translate("MainWindow", "记下你取消这项订阅的日期，之后的扣款会被标出"),
        )
        self.log_action = a(
            translate("MainWindow", "添加联系记录…"), lambda: self.add_log_entry([]), "Ctrl+L"
        )
        self.dismiss_action = a(
            translate("MainWindow", "不是周期扣费"),
            self.dismiss_stream,
            None,
            translate("MainWindow", "从列表中移除这一项（可以撤销）"),
        )
        self.undo_dismiss_action = a(
            translate("MainWindow", "撤销忽略"), self.undo_dismiss, QKeySequence.StandardKey.Undo
        )
        self.restore_dismissed_action = a(
            translate("MainWindow", "恢复已忽略的项…"), self.restore_dismissed
        )
        self.watch_action = a(translate("MainWindow", "关注词…"), self.edit_watch_words)
        self.settings_action = a(
            translate("MainWindow", "设置…"),
            self.edit_settings,
            QKeySequence.StandardKey.Preferences,
        )
        self.save_chart_action = a(
            translate("MainWindow", "保存图表…"),
            self.save_chart,
            "Ctrl+Shift+S",
            translate("MainWindow", "把当前图表存为 PNG、SVG 或 PDF"),
        )
        self.rescan_action = a(
            translate("MainWindow", "重新扫描"), self.reload, QKeySequence.StandardKey.Refresh
        )
        self.export_action = a(translate("MainWindow", "导出当前视图…"), self.export_view, "Ctrl+E")
        self.evidence_action = a(
            translate("MainWindow", "导出证据…"), self.export_evidence, "Ctrl+Shift+E"
        )
        self.find_action = a(
            translate("MainWindow", "查找交易"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.about_action = a(translate("MainWindow", "关于"), self.show_about)
        self.quit_action = a(
            translate("MainWindow", "退出"), self.close, QKeySequence.StandardKey.Quit
        )
        self.language_actions = QActionGroup(self)
        for code, label in (
            ("", translate("MainWindow", "跟随系统")),
            ("zh", "简体中文"),
            ("en", "English"),
        ):
            action = QAction(label, self, checkable=True)
            action.setData(code)
            action.setChecked(code == lang.chosen())
            action.triggered.connect(lambda _c=False, code=code: self.switch_language(code))
            self.language_actions.addAction(action)

        menu = self.menuBar()
        file_menu = menu.addMenu(translate("MainWindow", "文件(&F)"))
        for action in (self.new_workspace_action, self.open_workspace_action):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "最近的工作区"))
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
        case_menu = menu.addMenu(translate("MainWindow", "案件(&C)"))
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
        settings_menu = menu.addMenu(translate("MainWindow", "设置(&S)"))
        settings_menu.addAction(self.watch_action)
        settings_menu.addAction(self.settings_action)
        language_menu = settings_menu.addMenu(translate("MainWindow", "语言"))
        for action in self.language_actions.actions():
            language_menu.addAction(action)
        help_menu = menu.addMenu(translate("MainWindow", "帮助(&H)"))
        help_menu.addAction(self.find_action)
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(translate("MainWindow", "工具栏"), self)
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
