"""Export evidence for a case: a dialog for what only the user knows, then the evidence
builder (:mod:`qiake_auditor.outputs.evidence.package`) on a worker thread.

The window decides nothing about the package: it passes the complainant's details and
choices on, and shows the package's path and SHA-256 when the builder is done.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from .. import app
from ..progress import NO_PROGRESS, Progress
from . import document_font, lang, messages

if TYPE_CHECKING:
    from ..app import Case


def _translate(text: str) -> str:
    return QCoreApplication.translate("Evidence", text)


@dataclass
class EvidenceAnswer:
    name: str = ""
    phone: str = ""
    address: str = ""
    account: str = ""
    email: str = ""
    business: bool = False
    punitive: bool = False
    lang: str = "zh"
    unmasked: bool = False
    extra: dict = field(default_factory=dict)
    font: str = ""  # the documents' font file chosen in the settings ("" = search)


class EvidenceDialog(QDialog):
    """Complainant details, consumer or business purchase, language, masking."""

    def __init__(self, case_name: str, attachments: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出证据包"))
        intro = QLabel(
            self.tr(
                "为“{0}”生成证据包：原始账单、扣费明细、图表、案件记录及附件、"
                "投诉信草稿，附 SHA-256 清单。"
            ).format(case_name),
            self,
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.address = QLineEdit(self)
        self.account = QLineEdit(self)
        self.email = QLineEdit(self)
        self.purpose = QComboBox(self)
        self.purpose.addItem(self.tr("个人消费"), False)
        self.purpose.addItem(self.tr("单位/经营用途"), True)
        self.punitive = QCheckBox(self.tr("主张消保法第五十五条的赔偿"), self)
        self.language = QComboBox(self)
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(lang.lang()), 0))
        self.unmasked = QCheckBox(self.tr("不遮挡账号和手机号（只在确实需要时勾选）"), self)
        files = QListWidget(self)
        files.addItems(attachments or [self.tr("（案件记录中没有附件）")])
        files.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("投诉人姓名"), self.name)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("在商户的账号"), self.account)
        form.addRow(self.tr("电子邮件"), self.email)
        form.addRow(self.tr("购买用途"), self.purpose)
        form.addRow("", self.punitive)
        form.addRow(self.tr("文书语言"), self.language)
        form.addRow("", self.unmasked)
        form.addRow(self.tr("包含的附件"), files)
        font = document_font.chosen() or self.tr("自动（系统中的中文字体，可在设置中更改）")
        form.addRow(self.tr("PDF 字体"), QLabel(font, self))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def answer(self) -> EvidenceAnswer:
        return EvidenceAnswer(
            self.name.text().strip(),
            self.phone.text().strip(),
            self.address.text().strip(),
            self.account.text().strip(),
            self.email.text().strip(),
            bool(self.purpose.currentData()),
            self.punitive.isChecked(),
            str(self.language.currentData()),
            self.unmasked.isChecked(),
        )


def builder():
    """The evidence builder's entry point, or None while it is not there."""
    try:
        module = importlib.import_module("qiake_auditor.outputs.evidence.package")
    except ImportError:
        return None
    return getattr(module, "build_from_audit", None)


def build(
    workspace: Path,
    case_id: str,
    out: Path,
    answer: EvidenceAnswer,
    progress: Progress = NO_PROGRESS,
):
    """On the worker: the case looked up again in its own Audit, then the package built."""
    from ..outputs.facts import Party

    build_from_audit = builder()
    with app.Audit.open(workspace) as audit:
        snapshot = audit.snapshot(lang=answer.lang)
        case = audit.find_case(case_id, snapshot)
        party = Party(
            answer.name,
            answer.phone,
            answer.address,
            answer.account,
            answer.email,
            answer.business,
            answer.punitive,
        )
        return build_from_audit(
            audit,
            case,
            out,
            party,
            lang=answer.lang,
            unmasked=answer.unmasked,
            font=document_font.choice(answer.font),
            progress=progress,
        )


def export(window, case: Case) -> bool:
    """Ask for what the package needs and build it in the background."""
    if builder() is None:
        messages.info(
            _translate("导出证据"),
            _translate(
                "这个版本还不能生成证据包：证据生成模块尚未就绪。\n"
                "你的案件记录、附件和原始账单都已保存在工作区中，之后可以再导出。"
            ),
            window,
        )
        return False
    attachments = [a.name for e in case.log for a in e.attachments]
    answer = messages.ask_evidence(case.merchant, attachments, window)
    if answer is None:
        return False
    answer.font = document_font.chosen()
    name = messages.save_file(_translate("保存证据包"), f"{case.id}.zip", "ZIP (*.zip)", window)
    if not name:
        return False
    out = Path(name) if name.lower().endswith(".zip") else Path(name + ".zip")
    return window.run_task("evidence", build, window.workspace_path, case.id, out, answer)


def show_result(window, result) -> None:
    messages.info(_translate("证据包已生成"), "\n".join(result.summary_lines(lang.lang())), window)


__all__ = ["EvidenceAnswer", "EvidenceDialog", "build", "builder", "export", "show_result"]
