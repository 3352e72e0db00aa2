"""The user's decisions on the selected case, sent to the app layer, then a rescan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .. import app
from ..errors import UserError
from ..fileio import atomic_path
from ..money import format_amount
from ..vocab import Cadence, CaseStatus
from . import lang, messages

if TYPE_CHECKING:
    from ..app import Case
    from ..app.dismissed import DismissedStream

translate = QCoreApplication.translate  # the window's strings keep the MainWindow context


class CaseCommands:
    """Mixin of :class:`~.main_window.MainWindow`.

    Every decision goes through :class:`~qiake_auditor.app.Audit`; no rule lives here.
    """

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
            messages.info(
                translate("MainWindow", "案件"),
                translate("MainWindow", "请先在列表中选一个案件。"),
                self,
            )
            return False
        try:
            with app.Audit.open(self.workspace_path) as audit:
                action(audit, case)
        except (UserError, OSError) as exc:
            messages.error(translate("MainWindow", "无法保存"), lang.error_text(exc), self)
            return False
        return self.reload()

    def set_status(self, status: str) -> None:
        status = CaseStatus(status)
        if (
            self._decide(lambda audit, case: audit.set_case(case, status=status))
            and status == CaseStatus.UNRECOGNISED
        ):
            messages.warning(
                translate("MainWindow", "检查账户安全"),
                translate(
                    "MainWindow",
                    "你不认识这个商户。请尽快：修改支付宝/微信支付密码；在“免密支付/自动扣款”中"
                    "关闭所有不认识的授权；检查登录设备；联系平台或银行冻结可疑授权并申请退款。",
                ),
                self,
            )

    def record_cancellation(self) -> None:
        case = self.selected_case()
        if case is None:
            messages.info(
                translate("MainWindow", "记录取消日期"),
                translate("MainWindow", "请先在列表中选一个案件。"),
                self,
            )
            return
        chosen = messages.ask_date(
            translate("MainWindow", "记录取消日期"),
            translate(
                "MainWindow", "你是哪天取消 {0} 的自动续费的？\n此后的扣款会被标为“取消后仍扣款”。"
            ).format(case.merchant),
            case.cancelled_on or date.today(),
            self,
        )
        if chosen is not None:
            self._decide(lambda audit, c: audit.set_case(c, cancelled=chosen))

    def clear_cancellation(self) -> None:
        self._decide(lambda audit, c: audit.set_case(c, clear_cancelled=True))

    def add_note(self) -> None:
        note = messages.ask_text(
            translate("MainWindow", "添加备注"),
            translate("MainWindow", "备注（会记入案件记录）："),
            parent=self,
        )
        if note and note.strip():
            self._decide(lambda audit, c: audit.set_case(c, note=note))

    def merge_names(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        names = messages.ask_text(
            translate("MainWindow", "合并名称"),
            translate(
                "MainWindow", "这个案件现在包括：{0}\n还有哪些名称属于同一家公司？（用逗号分隔）"
            ).format(lang.list_separator().join(case.names)),
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
            translate("MainWindow", "拆分名称"),
            translate(
                "MainWindow",
                "这个案件现在包括：{0}\n哪些名称不属于它，应各成一个案件？（用逗号分隔）",
            ).format(lang.list_separator().join(case.names)),
            parent=self,
        )
        chosen = [n.strip() for n in (names or "").replace("，", ",").split(",") if n.strip()]
        if chosen:
            self._decide(lambda audit, c: audit.set_case(c, split=chosen))

    def set_checklist(self, ticked: list[str]) -> None:
        case = self.selected_case()
        if case is None:
            return
        with app.Audit.open(self.workspace_path) as audit:
            audit.set_checklist(case, ticked)
        case.checklist = list(ticked)

    def add_log_entry(self, attachments: list) -> None:
        case = self.selected_case()
        if case is None:
            messages.info(
                translate("MainWindow", "案件记录"),
                translate("MainWindow", "请先在列表中选一个案件。"),
                self,
            )
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
        name = messages.save_file(
            translate("MainWindow", "保存附件"),
            found.name,
            translate("MainWindow", "所有文件 (*)"),
            self,
        )
        if not name:
            return
        with app.Audit.open(self.workspace_path, read_only=True) as audit:
            data = audit.attachment(attachment_id)
        try:
            with atomic_path(Path(name)) as temporary:
                temporary.write_bytes(data)
        except OSError as exc:
            messages.error(translate("MainWindow", "保存失败"), lang.error_text(exc), self)

    def dismiss_stream(self) -> None:
        stream_id = self.cases_view.current_stream_id()
        case = self.selected_case()
        if stream_id is None and case is not None and len(case.streams) == 1:
            stream_id = str(case.streams[0].get("id", ""))
        if not stream_id:
            messages.info(
                translate("MainWindow", "不是周期扣费"),
                translate("MainWindow", "请先在案件下选中一项周期扣费。"),
                self,
            )
            return
        stream = next((s for s in case.streams if s.get("id") == stream_id), None) if case else None
        with app.Audit.open(self.workspace_path) as audit:
            audit.dismiss(stream_id, stream=stream)
        self._undo_dismiss.append(stream_id)
        self.statusBar().showMessage(translate("MainWindow", "已忽略。按 Ctrl+Z 撤销。"), 8000)
        self.reload()

    def undo_dismiss(self) -> None:
        if not self._undo_dismiss:
            return
        with app.Audit.open(self.workspace_path) as audit:
            audit.dismiss(self._undo_dismiss.pop(), undo=True)
        self.reload()

    def restore_dismissed(self) -> None:
        """List the dismissed streams; the one the user chooses is shown again."""
        with app.Audit.open(self.workspace_path, read_only=True) as audit:
            dismissed = audit.dismissed_streams()
        if not dismissed:
            messages.info(
                translate("MainWindow", "恢复已忽略的项"),
                translate("MainWindow", "没有已忽略的项。"),
                self,
            )
            return
        language = lang.lang()
        labels = [dismissed_label(stream, language) for stream in dismissed]
        chosen = messages.choose(
            translate("MainWindow", "恢复已忽略的项"),
            translate("MainWindow", "选择要重新显示的一项："),
            labels,
            self,
        )
        if chosen is None:
            return
        stream_id = dismissed[chosen].id
        with app.Audit.open(self.workspace_path) as audit:
            audit.dismiss(stream_id, undo=True)
        if stream_id in self._undo_dismiss:
            self._undo_dismiss.remove(stream_id)
        self.reload()

    def export_evidence(self) -> None:
        from . import evidence

        case = self.selected_case()
        if case is None:
            messages.info(
                translate("MainWindow", "导出证据"),
                translate("MainWindow", "请先在列表中选一个案件。"),
                self,
            )
            return
        evidence.export(self, case)


def dismissed_label(stream: DismissedStream, language: str) -> str:
    """ "腾讯视频 · 每月 · ¥25.00"; a decision stored without a description shows its id."""
    if not stream.merchant:
        return stream.id
    parts = [stream.merchant, Cadence.label_of(stream.cadence, language)]
    if stream.amount:
        parts.append(format_amount(Decimal(stream.amount), stream.currency or "CNY"))
    return " · ".join(p for p in parts if p)
