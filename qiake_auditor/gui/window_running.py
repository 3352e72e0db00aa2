"""Running work off the GUI thread: progress, Stop, and what a finished or failed task shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot

from ..errors import Cancelled, PasswordError, UnknownFormatError, UserError, warning_text
from ..i18n import text as core_text
from ..money import format_amount
from . import lang, messages, tasks, workers, workspaces
from .chart_process import chart_process

translate = QCoreApplication.translate  # the window's strings keep the MainWindow context


class RunningWork:
    """Mixin of :class:`~.main_window.MainWindow`.

    One task at a time; its result or error comes back here on the GUI thread.
    """

    @property
    def busy(self) -> bool:
        return self._task is not None

    def _run(self, kind: str, function, *args, **kwargs) -> bool:
        if self._task is not None:
            self.statusBar().showMessage(translate("MainWindow", "正在处理，请稍候…"), 3000)
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
        stop_says = {
            "import": translate("MainWindow", "停止正在进行的导入（保存之前停止，工作区保持原样）"),
            "evidence": translate("MainWindow", "停止生成证据包（不留下不完整的文件）"),
            "export": translate("MainWindow", "停止导出（不留下不完整的文件）"),
        }
        self.stop_button.setToolTip(stop_says.get(kind, ""))
        self.stop_button.setVisible(kind in stop_says)
        self._update_actions()
        self.busy_changed.emit(True)  # the transactions table starts taking its picture
        self.ledger_page.when_frozen(lambda: self._begin(task, kind))
        return True

    def _begin(self, task: workers.Task, kind: str) -> None:
        """Start ``task``, the table's picture taken; a window closed meanwhile starts
        nothing (its task would run after the user closed it)."""
        if self._closing:
            self._done()
            return
        workers.start(task)
        if kind not in ("evidence", "export"):
            chart_process().start()  # the chart process loads matplotlib meanwhile

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
            "import": translate("MainWindow", "正在导入"),
            "demo": translate("MainWindow", "正在打开演示"),
            "load": translate("MainWindow", "正在扫描"),
            "evidence": translate("MainWindow", "正在生成证据包"),
            "export": translate("MainWindow", "正在导出"),
        }.get(self._task_kind, translate("MainWindow", "正在处理"))
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
        if kind == "export":
            self.ledger_page.export_done(view)  # the path written (exports.write_view)
            return
        self._pending_import = None
        self.show_view(view)
        if kind in ("import", "demo"):
            workspaces.remember(self.workspace_path, demo=self.is_demo)
        if view.committed_before_cancel:
            messages.info(
                translate("MainWindow", "导入"),
                core_text("import.committed_before_cancel", lang.lang()),
                self,
            )
        elif kind == "import" and view.reports:
            messages.info(translate("MainWindow", "导入完成"), self._import_summary(view), self)
        self.loaded.emit()

    def _import_summary(self, view: tasks.View) -> str:
        lines = [core_text(note_id, lang.lang(), **fields) for note_id, fields in view.notes]
        for report in view.reports:
            if report.already_imported:
                lines.append(
                    translate(
                        "MainWindow", "{0}：已经导入过（{1} 行都已在工作区中，没有新增）"
                    ).format(report.source, f"{report.rows:,}")
                )
                continue
            spent = translate("MainWindow", "支出")
            totals = lang.amounts_separator().join(
                f"{spent} {format_amount(v, c)}" for c, v in sorted((report.expense or {}).items())
            )
            lines.append(
                translate(
                    "MainWindow", "{0}：{1}，{2} 行，新增 {3} 行，已有 {4} 行，{5} 至 {6}{7}"
                ).format(
                    report.source,
                    report.format,
                    f"{report.rows:,}",
                    f"{report.added:,}",
                    f"{max(report.rows - report.added, 0):,}",
                    report.first or "?",
                    report.last or "?",
                    translate("MainWindow", "，{0}").format(totals) if totals else "",
                )
            )
            lines += [f"  · {warning_text(w, lang.lang())}" for w in report.warnings[:10]]
        return "\n".join(lines)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._done()
        pending, self._pending_import = self._pending_import, None
        if self._task_kind == "export":  # the page says what became of the file
            self.ledger_page.export_failed(exc)
            return
        if isinstance(exc, Cancelled) and not isinstance(exc, tasks.ImportCancelled):
            self.statusBar().showMessage(
                translate("MainWindow", "已停止，没有写入任何文件。"), 8000
            )
            return
        if isinstance(exc, tasks.ImportCancelled):
            key = "import.cancelled" if exc.unchanged else "import.committed_before_cancel"
            messages.info(translate("MainWindow", "导入"), core_text(key, lang.lang()), self)
            if not exc.unchanged:
                self.reload()
            return
        if isinstance(exc, PasswordError) and pending is not None:
            password = messages.ask_text(
                translate("MainWindow", "需要密码"),
                translate("MainWindow", "{0}\n\n请输入账单邮件中给出的解压密码：").format(
                    lang.error_text(exc)
                ),
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
            messages.error(translate("MainWindow", "无法完成"), lang.error_text(exc), self)
        elif isinstance(exc, UserError):
            messages.error(
                translate("MainWindow", "无法导入"),
                lang.error_text(exc) + "\n\n" + translate("MainWindow", "工作区没有改变。"),
                self,
            )
        else:
            messages.error(
                translate("MainWindow", "内部错误"),
                translate("MainWindow", "出现了意外错误：{0}").format(lang.error_text(exc)),
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

    def stop(self) -> None:
        """Ask the running import to stop (before its commit, nothing is changed)."""
        if self._task is not None:
            self._task.cancel()
