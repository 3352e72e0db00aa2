"""The window's own dialogs: a case-log entry, the column mapping, watch words, settings,
About. Each is opened through :mod:`.messages` (so tests answer instead), and each only
collects what the user says; the window hands it to the app layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..vocab import Channel
from . import lang
from .tables import set_row_height


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


@dataclass
class LogEntryAnswer:
    channel: str
    summary: str
    ticket: str = ""
    outcome: str = ""
    on: date | None = None
    attachments: list[Path] = field(default_factory=list)


class LogEntryDialog(QDialog):
    """A dated contact: channel, ticket number, summary, outcome, attached files."""

    def __init__(self, attachments: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加联系记录"))
        self.setAcceptDrops(True)
        self.channel = QComboBox(self)
        for member in Channel:
            self.channel.addItem(member.label(lang.lang()), member.value)
        today = date.today()
        self.on = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.ticket = QLineEdit(self)
        self.ticket.setPlaceholderText(self.tr("工单号或投诉编号（可不填）"))
        self.summary = QTextEdit(self)
        self.summary.setPlaceholderText(self.tr("联系了谁、说了什么"))
        self.summary.setMinimumHeight(80)
        self.outcome = QLineEdit(self)
        self.files = QListWidget(self)
        for path in attachments:
            self.files.addItem(str(path))
        add = QPushButton(self.tr("添加附件…"), self)
        add.clicked.connect(self._add_files)
        form = QFormLayout()
        form.addRow(self.tr("渠道"), self.channel)
        form.addRow(self.tr("日期"), self.on)
        form.addRow(self.tr("编号"), self.ticket)
        form.addRow(self.tr("经过"), self.summary)
        form.addRow(self.tr("结果"), self.outcome)
        form.addRow(self.tr("附件（可拖入）"), self.files)
        form.addRow("", add)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def _add_files(self) -> None:
        from . import messages

        for name in messages.open_files(self.tr("选择附件"), self.tr("所有文件 (*)"), self):
            self.files.addItem(name)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and Path(url.toLocalFile()).is_file():
                self.files.addItem(url.toLocalFile())
        event.acceptProposedAction()

    def answer(self) -> LogEntryAnswer:
        chosen = self.on.date()
        return LogEntryAnswer(
            str(self.channel.currentData()),
            self.summary.toPlainText().strip(),
            self.ticket.text().strip(),
            self.outcome.text().strip(),
            date(chosen.year(), chosen.month(), chosen.day()),
            [Path(self.files.item(i).text()) for i in range(self.files.count())],
        )


class MappingDialog(QDialog):
    """The columns of an unrecognised statement: a preview and one choice per field."""

    def __init__(
        self,
        name: str,
        header: list[str],
        rows: list[list[str]],
        guessed: dict[str, str],
        fields: tuple[str, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("指定账单的列"))
        self.resize(900, 520)
        intro = QLabel(
            self.tr(
                "没有认出 {0} 的格式。请告诉程序哪一列是日期、金额等（至少要有日期和金额，"
                "或借方/贷方）。下次遇到同样表头的文件会自动使用这个设置。"
            ).format(name),
            self,
        )
        intro.setWordWrap(True)
        preview = QTableWidget(len(rows), len(header), self)
        preview.setHorizontalHeaderLabels(header)
        set_row_height(preview)
        for r, row in enumerate(rows):
            for c, value in enumerate(row[: len(header)]):
                preview.setItem(r, c, QTableWidgetItem(value))
        preview.resizeColumnsToContents()
        self.preview = preview
        self.choices: dict[str, QComboBox] = {}
        form = QFormLayout()
        names = {
            "date": self.tr("日期"),
            "time": self.tr("时间"),
            "amount": self.tr("金额"),
            "debit": self.tr("借方（支出）"),
            "credit": self.tr("贷方（收入）"),
            "direction": self.tr("收/支"),
            "counterparty": self.tr("交易对方"),
            "description": self.tr("摘要"),
            "currency": self.tr("币种"),
            "id": self.tr("流水号"),
        }
        for name_ in fields:
            box = QComboBox(self)
            box.addItem(self.tr("（无）"), "")
            for column in header:
                box.addItem(column, column)
            box.setCurrentIndex(max(box.findData(guessed.get(name_, "")), 0))
            self.choices[name_] = box
            form.addRow(names.get(name_, name_), box)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        split = QHBoxLayout()
        split.addWidget(preview, 3)
        split.addLayout(form, 2)
        layout.addLayout(split)
        layout.addWidget(_buttons(self))

    def mapping(self) -> dict[str, str]:
        return {f: str(b.currentData()) for f, b in self.choices.items() if b.currentData()}


class WatchDialog(QDialog):
    """The watch words: add and remove."""

    def __init__(self, words: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关注词"))
        self.removed: list[str] = []
        self.added: list[str] = []
        intro = QLabel(self.tr("商户名或说明中含有这些词的扣款总会被列出。"), self)
        self.list = QListWidget(self)
        self.list.addItems(words)
        self.word = QLineEdit(self)
        self.word.setPlaceholderText(self.tr("新的关注词，例如 洽客"))
        add = QPushButton(self.tr("添加"), self)
        add.clicked.connect(self._add)
        remove = QPushButton(self.tr("删除所选"), self)
        remove.clicked.connect(self._remove)
        row = QHBoxLayout()
        row.addWidget(self.word, 1)
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(_buttons(self))

    def _add(self) -> None:
        word = self.word.text().strip()
        if word and not self.list.findItems(word, Qt.MatchFlag.MatchExactly):
            self.list.addItem(word)
            self.added.append(word)
        self.word.clear()

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.removed.append(item.text())
            self.list.takeItem(self.list.row(item))


class SettingsDialog(QDialog):
    """Language, the notice period before a renewal, and the font of the documents."""

    def __init__(
        self, language: str, notice_days: int, font: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.language = QComboBox(self)
        self.language.addItem(self.tr("跟随系统"), "")
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.notice = QSpinBox(self)
        self.notice.setRange(0, 90)
        self.notice.setValue(notice_days)
        self.notice.setSuffix(self.tr(" 天"))
        self.font = QLineEdit(font, self)
        self.font.setPlaceholderText(self.tr("自动（系统中的中文字体）"))
        self.font.setClearButtonEnabled(True)
        self.font.setMinimumWidth(320)
        browse = QPushButton(self.tr("选择…"), self)
        browse.clicked.connect(self._browse_font)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font, 1)
        font_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("续费前提前提醒"), self.notice)
        form.addRow(self.tr("文档字体（PDF 报告）"), font_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def _browse_font(self) -> None:
        from . import messages

        names = messages.open_files(
            self.tr("选择文档字体"), self.tr("字体文件 (*.ttf *.ttc *.otf)"), self
        )
        if names:
            self.font.setText(names[0])

    def answer(self) -> tuple[str, int, str]:
        """(language or "", notice days, font file or "")."""
        return (
            str(self.language.currentData() or ""),
            int(self.notice.value()),
            self.font.text().strip(),
        )


def about_text(version: str, workspace: Path, logs: Path) -> str:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    name = translate("About", "洽客审计 qiake-auditor")
    what = translate(
        "About",
        "读取支付宝、微信支付和银行导出的账单，找出周期扣费与自动续费，说明原因并帮助维权。",
    )
    offline = translate("About", "全部在本机离线处理，不上传任何数据。")
    licence = translate("About", "许可证")
    where = translate("About", "当前工作区")
    logs_word = translate("About", "日志与崩溃记录")
    colon = lang.label_separator()
    return (
        f"<h3>{name} {version}</h3><p>{what}</p><p>{offline}</p>"
        f"<p>{licence}{colon}Apache-2.0</p>"
        f"<p>{where}{colon}{workspace}<br>{logs_word}{colon}{logs}</p>"
    )
