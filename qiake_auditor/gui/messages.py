"""The one seam for user-facing messages, questions and file choosers.

Logic calls :func:`info`, :func:`warning`, :func:`error`, :func:`ask`,
:func:`ask_text`, :func:`ask_date`, :func:`choose`, :func:`open_files`, :func:`save_file` and the
window's own dialogs (:func:`ask_log_entry`, :func:`ask_mapping`, :func:`edit_watch`,
:func:`ask_settings`, :func:`about`);
only :class:`DialogMessages` opens real dialogs. Tests install a recorder with
:func:`install` so nothing ever blocks.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)


class DialogMessages:
    """Messages shown as modal dialogs (the application's default)."""

    def info(self, title: str, text: str, parent: QWidget | None = None) -> None:
        QMessageBox.information(parent, title, text)

    def warning(self, title: str, text: str, parent: QWidget | None = None) -> None:
        QMessageBox.warning(parent, title, text)

    def error(self, title: str, text: str, parent: QWidget | None = None) -> None:
        QMessageBox.critical(parent, title, text)

    def ask(self, title: str, text: str, parent: QWidget | None = None) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, text, buttons)
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(
        self,
        title: str,
        label: str,
        secret: bool = False,
        default: str = "",
        parent: QWidget | None = None,
    ) -> str | None:
        mode = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
        text, ok = QInputDialog.getText(parent, title, label, mode, default)
        return text if ok else None

    def choose(
        self, title: str, label: str, items: list[str], parent: QWidget | None = None
    ) -> int | None:
        chosen, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
        return items.index(chosen) if ok and chosen in items else None

    def open_files(self, title: str, filters: str, parent: QWidget | None = None) -> list[str]:
        names, _chosen = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return list(names)

    def save_file(
        self, title: str, suggested: str, filters: str, parent: QWidget | None = None
    ) -> str | None:
        name, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return name or None

    def ask_date(
        self, title: str, label: str, default: date, parent: QWidget | None = None
    ) -> date | None:
        dialog = QDialog(parent)
        dialog.setWindowTitle(title)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(label))
        editor = QDateEdit(QDate(default.year, default.month, default.day))
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        layout.addWidget(editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = editor.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def ask_log_entry(self, attachments: list, parent: QWidget | None = None):
        from .dialogs import LogEntryDialog

        dialog = LogEntryDialog(list(attachments), parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_mapping(
        self,
        name: str,
        header: list[str],
        rows: list[list[str]],
        guessed: dict[str, str],
        fields: tuple[str, ...],
        parent: QWidget | None = None,
    ) -> dict[str, str] | None:
        from .dialogs import MappingDialog

        dialog = MappingDialog(name, header, rows, guessed, fields, parent)
        return dialog.mapping() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def edit_watch(self, words: list[str], parent: QWidget | None = None):
        from .dialogs import WatchDialog

        dialog = WatchDialog(words, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.added, dialog.removed

    def ask_settings(
        self, language: str, notice_days: int, font: str, parent: QWidget | None = None
    ):
        from .dialogs import SettingsDialog

        dialog = SettingsDialog(language, notice_days, font, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()

    def about(self, title: str, html: str, parent: QWidget | None = None) -> None:
        QMessageBox.about(parent, title, html)

    def ask_evidence(self, case_name: str, attachments: list[str], parent: QWidget | None = None):
        from .evidence import EvidenceDialog

        dialog = EvidenceDialog(case_name, attachments, parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None


_current: DialogMessages = DialogMessages()


def install(messages) -> object:
    """Replace the message sink (tests); returns the previous one."""
    global _current
    previous, _current = _current, messages
    return previous


def current():
    return _current


def info(title: str, text: str, parent: QWidget | None = None) -> None:
    _current.info(title, text, parent)


def warning(title: str, text: str, parent: QWidget | None = None) -> None:
    _current.warning(title, text, parent)


def error(title: str, text: str, parent: QWidget | None = None) -> None:
    _current.error(title, text, parent)


def ask(title: str, text: str, parent: QWidget | None = None) -> bool:
    return _current.ask(title, text, parent)


def ask_text(
    title: str, label: str, secret: bool = False, default: str = "", parent: QWidget | None = None
) -> str | None:
    return _current.ask_text(title, label, secret, default, parent)


def ask_date(title: str, label: str, default: date, parent: QWidget | None = None) -> date | None:
    return _current.ask_date(title, label, default, parent)


def choose(title: str, label: str, items: list[str], parent: QWidget | None = None) -> int | None:
    """The index of the item the user chose, or None."""
    return _current.choose(title, label, items, parent)


def open_files(title: str, filters: str, parent: QWidget | None = None) -> list[str]:
    return _current.open_files(title, filters, parent)


def save_file(
    title: str, suggested: str, filters: str, parent: QWidget | None = None
) -> str | None:
    return _current.save_file(title, suggested, filters, parent)


def ask_log_entry(attachments: list, parent: QWidget | None = None):
    """A new case-log entry (:class:`.dialogs.LogEntryAnswer`) or None."""
    return _current.ask_log_entry(attachments, parent)


def ask_mapping(
    name: str,
    header: list[str],
    rows: list[list[str]],
    guessed: dict[str, str],
    fields: tuple[str, ...],
    parent: QWidget | None = None,
) -> dict[str, str] | None:
    return _current.ask_mapping(name, header, rows, guessed, fields, parent)


def edit_watch(words: list[str], parent: QWidget | None = None):
    """(added, removed) watch words, or None."""
    return _current.edit_watch(words, parent)


def ask_settings(language: str, notice_days: int, font: str, parent: QWidget | None = None):
    """(language or "", notice days, document font file or ""), or None."""
    return _current.ask_settings(language, notice_days, font, parent)


def about(title: str, html: str, parent: QWidget | None = None) -> None:
    _current.about(title, html, parent)


def ask_evidence(case_name: str, attachments: list[str], parent: QWidget | None = None):
    """What the evidence package needs from the user (:class:`.evidence.EvidenceAnswer`)."""
    return _current.ask_evidence(case_name, attachments, parent)
