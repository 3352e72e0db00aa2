"""GUI test fixtures: a message recorder instead of dialogs, private settings and data
folders, and a window helper."""

from __future__ import annotations

import os
from datetime import date

import pytest

from qiake_auditor.gui import messages


@pytest.fixture(scope="session", autouse=True)
def private_places(tmp_path_factory):
    """Settings, the demo workspace and crash logs in a temporary folder, never the user's."""
    root = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(root / name.lower())
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(root / "ini"))
    yield root


@pytest.fixture(autouse=True)
def chinese_window(request):
    """Every test starts with the Chinese window and no stored settings."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from qiake_auditor.gui import lang

    app = QApplication.instance()
    app.setOrganizationName("qiake-auditor-tests")
    app.setApplicationName("qiake-auditor-tests")
    QSettings().clear()
    lang.install(app, "zh")
    yield
    lang.install(app, "zh")
    QSettings().clear()


class RecordingMessages:
    """Stands in for dialogs: records every message and answers from a script."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.text_answers: list[str | None] = []
        self.date_answers: list[date | None] = []
        self.ask_answers: list[bool] = []
        self.file_answers: list = []  # list[str] for open_files, str | None for save_file
        self.log_answers: list = []
        self.mapping_answers: list = []
        self.mapping_asked: list[dict] = []
        self.watch_answers: list = []
        self.settings_answers: list = []
        self.choose_answers: list = []  # the index chosen, or None
        self.evidence_answers: list = []

    def _record(self, kind: str, title: str, text: str) -> None:
        self.shown.append((kind, title, text))

    def info(self, title, text, parent=None):
        self._record("info", title, text)

    def warning(self, title, text, parent=None):
        self._record("warning", title, text)

    def error(self, title, text, parent=None):
        self._record("error", title, text)

    def ask(self, title, text, parent=None):
        self._record("ask", title, text)
        return self.ask_answers.pop(0)

    def ask_text(self, title, label, secret=False, default="", parent=None):
        self._record("ask_text" + (":secret" if secret else ""), title, label)
        return self.text_answers.pop(0)

    def ask_date(self, title, label, default, parent=None):
        self._record("ask_date", title, label)
        return self.date_answers.pop(0)

    def open_files(self, title, filters, parent=None):
        self._record("open_files", title, filters)
        return self.file_answers.pop(0)

    def save_file(self, title, suggested, filters, parent=None):
        self._record("save_file", title, filters)
        return self.file_answers.pop(0)

    def ask_log_entry(self, attachments, parent=None):
        self._record("ask_log_entry", "", "\n".join(map(str, attachments)))
        return self.log_answers.pop(0)

    def ask_mapping(self, name, header, rows, guessed, fields, parent=None):
        self._record("ask_mapping", name, ",".join(header))
        self.mapping_asked.append(
            {"name": name, "header": header, "rows": rows, "guessed": guessed}
        )
        return self.mapping_answers.pop(0)

    def edit_watch(self, words, parent=None):
        self._record("edit_watch", "", ",".join(words))
        return self.watch_answers.pop(0)

    def ask_settings(self, language, notice_days, font, parent=None):
        self._record("ask_settings", language, f"{notice_days} {font}")
        return self.settings_answers.pop(0)

    def choose(self, title, label, items, parent=None):
        self._record("choose", title, "\n".join(items))
        return self.choose_answers.pop(0)

    def ask_evidence(self, case_name, attachments, parent=None):
        self._record("ask_evidence", case_name, "\n".join(attachments))
        return self.evidence_answers.pop(0)

    def about(self, title, html, parent=None):
        self._record("about", title, html)

    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.shown]


@pytest.fixture
def message_mock():
    recorder = RecordingMessages()
    previous = messages.install(recorder)
    yield recorder
    messages.install(previous)


@pytest.fixture
def window(qtbot, tmp_path, message_mock):
    from qiake_auditor.gui.main_window import MainWindow

    win = MainWindow(tmp_path / "workspace.sqlite")
    qtbot.addWidget(win)
    win.show()
    yield win
    qtbot.waitUntil(lambda: not win.busy, timeout=30000)
    qtbot.waitUntil(lambda: not win.ledger_page.filtering, timeout=30000)
