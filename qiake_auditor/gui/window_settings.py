"""Watch words, the notice period and the window language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .. import app
from . import document_font, lang, messages

translate = QCoreApplication.translate  # the window's strings keep the MainWindow context


class SettingsCommands:
    """Mixin of :class:`~.main_window.MainWindow`.

    Settings stored in the workspace (watch words, notice days) or in QSettings.
    """

    def edit_watch_words(self) -> None:
        with app.Audit.open(self.workspace_path) as audit:
            words = audit.watch_words()
        answer = messages.edit_watch(words, self)
        if answer is None:
            return
        added, removed = answer
        with app.Audit.open(self.workspace_path) as audit:
            if added:
                audit.add_watch(added)
            for word in removed:
                audit.remove_watch(word)
        self.reload()

    def edit_settings(self) -> None:
        with app.Audit.open(self.workspace_path) as audit:
            notice = audit.decisions().notice_days
        answer = messages.ask_settings(lang.chosen(), notice, document_font.chosen(), self)
        if answer is None:
            return
        language, days, font = answer
        if font != document_font.chosen():
            problem = document_font.problem(font)
            if problem is not None:
                messages.error(
                    translate("MainWindow", "无法使用这个字体"), lang.error_text(problem), self
                )
            else:
                document_font.save(font)
        if days != notice:
            with app.Audit.open(self.workspace_path) as audit:
                audit.set_notice_days(days)
            self.reload()
        if language != lang.chosen():
            self.switch_language(language)

    def switch_language(self, language: str) -> None:
        """Store the choice; the application rebuilds the window in that language."""
        lang.save(language)
        self.language_changed.emit(language)
