"""Workspaces, the demo, importing statements (menu and drop) and the saved window layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from . import lang, messages, tasks, workspaces

translate = QCoreApplication.translate  # the window's strings keep the MainWindow context


class WorkspaceCommands:
    """Mixin of :class:`~.main_window.MainWindow`.

    Which workspace the window shows and what is imported into it.
    """

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
            translate("MainWindow", "新建工作区"),
            "workspace.sqlite",
            translate("MainWindow", "工作区 (*.sqlite)"),
            self,
        )
        if name:
            path = Path(name) if name.endswith(".sqlite") else Path(name + ".sqlite")
            self.open_workspace(path)

    def choose_workspace(self) -> None:
        names = messages.open_files(
            translate("MainWindow", "打开工作区"),
            translate("MainWindow", "工作区 (*.sqlite)"),
            self,
        )
        if names:
            self.open_workspace(Path(names[0]))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in workspaces.recent():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_workspace(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(translate("MainWindow", "（没有）")).setEnabled(False)

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
                translate("MainWindow", "演示工作区"),
                translate(
                    "MainWindow",
                    "这是演示工作区。请先用“文件 ▸ 新建工作区…”或“打开工作区…”选择你自己的工作区。",
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
            translate("MainWindow", "打开账单"),
            translate(
                "MainWindow",
                "账单文件 (*.csv *.txt *.xls *.xlsx *.zip *.ofx *.qfx *.xml *.sta *.mt940)"
                ";;所有文件 (*)",
            ),
            self,
        )
        if names:
            self.import_files(names)

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
