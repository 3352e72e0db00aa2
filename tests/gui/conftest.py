"""GUI test fixtures: a message recorder instead of dialogs, and a window helper."""

from __future__ import annotations

from datetime import date

import pytest

from qiake_auditor.gui import messages


class RecordingMessages:
    """Stands in for dialogs: records every message and answers from a script."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.text_answers: list[str | None] = []
        self.date_answers: list[date | None] = []
        self.ask_answers: list[bool] = []
        self.file_answers: list = []  # list[str] for open_files, str | None for save_file

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
