"""The lower half of the 案件 view: one case explained, its charges, chart, actions, log.

The detail only shows a :class:`~qiake_auditor.app.Case` and asks the window to act
(signals); the window records decisions through the app layer and rescans.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..money import format_amount
from ..vocab import Cadence, CaseStatus, Channel, Flag
from . import lang, tasks, workers
from .case_history_view import AttemptsTable, PriceTable, RefundsTable
from .case_widgets import ChargesModel, LogList
from .charge_columns import ChargeColumns, charge_columns
from .chart_view import ChartView
from .guidance import GUIDANCE
from .tables import fit_columns, make_table, user_columns

if TYPE_CHECKING:
    from ..app import Case

ALERT = Flag.AFTER_CANCELLATION
ALERT_TEXT = "#a4161a"


class CaseDetail(QWidget):
    """Explanation, member charges, chart, actions, case log and the guidance checklist."""

    charge_activated = Signal(str, int)  # source, source_row
    status_chosen = Signal(str)  # a CaseStatus value
    cancellation_requested = Signal()
    cancellation_cleared = Signal()
    note_requested = Signal()
    merge_requested = Signal()
    split_requested = Signal()
    dismiss_requested = Signal()
    log_requested = Signal(list)  # attachments to start with
    attachment_requested = Signal(int)  # attachment id to save
    checklist_changed = Signal(list)
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.charges_model = ChargesModel(self)
        self.charges = make_table(self.charges_model, self, name="charges")
        self._longest: list[str] = []  # the shown charges' longest text in each column
        user_columns(self.charges).changed.connect(self._fit_charges)
        self.charges.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.charges.setToolTip(self.tr("双击一笔扣款，在“全部交易”中查看原始记录"))
        self.charges.doubleClicked.connect(lambda index: self._activated(index.row(), 0))
        self.charges_loading = QLabel(self)
        self.charges_loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.charges_stack = QStackedWidget(self)
        self.charges_stack.addWidget(self.charges)
        self.charges_stack.addWidget(self.charges_loading)
        self.tables: tasks.ChargeTables | None = None  # the view's, set by the window
        self._charges_task: workers.Task | None = None
        self.chart = ChartView(self)

        self.buttons: dict[str, QPushButton] = {}
        actions = QGroupBox(self.tr("处理这个案件"), self)
        grid = QGridLayout(actions)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setSpacing(4)
        entries = [
            ("authorised", self.tr("我授权过"), lambda: self.status_chosen.emit("authorised")),
            ("unrecognised", self.tr("我不认识"), lambda: self.status_chosen.emit("unrecognised")),
            ("disputed", self.tr("正在争议"), lambda: self.status_chosen.emit("disputed")),
            ("resolved", self.tr("已解决"), lambda: self.status_chosen.emit("resolved")),
            ("cancel", self.tr("记录取消日期…"), self.cancellation_requested.emit),
            ("uncancel", self.tr("清除取消日期"), self.cancellation_cleared.emit),
            ("note", self.tr("添加备注…"), self.note_requested.emit),
            ("merge", self.tr("合并名称…"), self.merge_requested.emit),
            ("split", self.tr("拆分名称…"), self.split_requested.emit),
            ("dismiss", self.tr("不是周期扣费"), self.dismiss_requested.emit),
            ("log", self.tr("添加联系记录…"), lambda: self.log_requested.emit([])),
            ("export", self.tr("导出证据…"), self.export_requested.emit),
        ]
        for index, (key, text, slot) in enumerate(entries):
            button = QPushButton(text, actions)
            button.clicked.connect(slot)
            grid.addWidget(button, index // 6, index % 6)
            self.buttons[key] = button
        self.log = LogList(self)
        self.log.setToolTip(self.tr("把截图、邮件或聊天记录拖到这里，作为新记录的附件"))
        self.log.itemActivated.connect(self._log_activated)
        self.log.files_dropped.connect(self.log_requested.emit)
        self.checklist = QListWidget(self)
        self.checklist.setWordWrap(True)
        for step, text in GUIDANCE:
            item = QListWidgetItem(QCoreApplication.translate("Guidance", text))
            item.setData(Qt.ItemDataRole.UserRole, step)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.checklist.addItem(item)
        self.checklist.itemChanged.connect(self._checklist_changed)

        self.side = QTabWidget(self)
        self.chart_kind = QComboBox(self)
        for kind, label in (
            ("timeline", self.tr("每笔扣费")),
            ("cumulative", self.tr("累计扣费")),
            ("monthly", self.tr("每月扣费")),
            ("price", self.tr("每次金额（价格变化）")),
        ):
            self.chart_kind.addItem(label, kind)
        self.chart_kind.currentIndexChanged.connect(self._draw_chart)
        chart_page = QWidget(self)
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.setContentsMargins(2, 2, 2, 2)
        chart_layout.addWidget(self.chart_kind, 0, Qt.AlignmentFlag.AlignLeft)
        chart_layout.addWidget(self.chart, 1)
        self.side.addTab(chart_page, self.tr("图表"))
        log_page = QWidget(self)
        log_layout = QVBoxLayout(log_page)
        log_layout.setContentsMargins(2, 2, 2, 2)
        log_layout.addWidget(self.log)
        self.side.addTab(log_page, self.tr("案件记录"))
        self.side.addTab(self.checklist, self.tr("停止扣费的步骤"))
        history = QWidget(self)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(2, 2, 2, 2)
        self.prices = PriceTable(self)
        self.attempts = AttemptsTable(self)
        self.refunds = RefundsTable(self)
        self.history_boxes: list[QGroupBox] = []
        for table in (self.prices, self.attempts, self.refunds):
            box = QGroupBox(history)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(2, 2, 2, 2)
            box_layout.addWidget(table)
            history_layout.addWidget(box)
            self.history_boxes.append(box)
        self.side.addTab(history, self.tr("价格、重试、退款"))
        self._name_history_boxes(0, 0, 0)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.text)
        left.addWidget(self.charges_stack)
        left.setSizes([170, 200])
        middle = QSplitter(Qt.Orientation.Horizontal, self)
        middle.addWidget(left)
        middle.addWidget(self.side)
        middle.setSizes([560, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(middle, 1)
        layout.addWidget(actions)
        self.actions_box = actions
        self.show_case(None, "")

    # -- showing ----------------------------------------------------------------------------

    def show_case(
        self, case: Case | None, empty_message: str, prepared: ChargeColumns | None = None
    ) -> None:
        if case is not None and case is self.case:
            return  # already shown (a selection and a refresh can ask twice)
        self.case = case
        self._prepared = prepared
        for button in self.buttons.values():
            button.setEnabled(case is not None)
        self._name_history_boxes(
            self.prices.show_case(case), self.attempts.show_case(case), self.refunds.show_case(case)
        )
        if case is None:
            self.text.setHtml(f"<p>{escape(empty_message)}</p>")
            self.charges_model.set_charges([], lang.lang())
            self.log.clear()
            self.chart.clear()
            return
        self.buttons["uncancel"].setEnabled(case.cancelled_on is not None)
        self.buttons["dismiss"].setEnabled(bool(case.streams))
        self.text.setHtml(self._html(case))
        self._fill_charges(case)
        self._fill_log(case)
        self._fill_checklist(case)
        self._draw_chart()

    def _draw_chart(self, *_args) -> None:
        """The chosen chart of the shown case's charges, in the window's language."""
        if self.case is None or not self.case.charges:
            self.chart.clear()
            return
        self.chart.show_case(self.case, str(self.chart_kind.currentData()))

    def _name_history_boxes(self, price_changes: int, attempts: int, refunds: int) -> None:
        """Each table's title says how many rows it holds."""
        titles = (
            self.tr("价格变化（{0}）").format(price_changes),
            self.tr("失败与重试（{0}）").format(attempts),
            self.tr("退款（{0}）").format(refunds),
        )
        for box, title in zip(self.history_boxes, titles, strict=True):
            box.setTitle(title)

    def _html(self, case: Case) -> str:
        language = lang.lang()
        alarm = self.tr("取消后仍在扣款！")
        parts = [
            f"<h3 style='margin:2px'>{escape(case.merchant)} "
            f"<span style='color:#666;font-weight:normal'>{escape(case.id)} · "
            f"{escape(case.status.label(language))}</span></h3>"
        ]
        others = [n for n in case.names if n != case.merchant]
        if others:
            also = self.tr("账单上也写作：{0}").format(lang.list_separator().join(others))
            parts.append(f"<p style='color:#666'>{escape(also)}</p>")
        # the window's words escaped, then the amount put in bold
        paid = escape(self.tr("共付 {0}（{1} 笔扣费）")).format(
            f"<b>{escape(lang.paid_total(case.totals))}</b>", len(case.charges)
        )
        if case.refunds:
            back = lang.amounts_separator().join(
                format_amount(t.refunded, c) for c, t in case.totals.items()
            )
            paid += escape(self.tr("，退回 {0}").format(back))
        parts.append(f"<p>{paid}</p>")
        cost = case.recurring_cost
        if cost.subscriptions:
            costs = self.tr("仍在扣费的订阅 {0} 项：每月 {1}，每年 {2}").format(
                cost.subscriptions,
                lang.amounts_separator().join(
                    format_amount(v, c) for c, v in sorted(cost.monthly.items())
                ),
                lang.amounts_separator().join(
                    format_amount(v, c) for c, v in sorted(cost.yearly.items())
                ),
            )
            parts.append(f"<p>{escape(costs)}</p>")
        if case.cancelled_on:
            after = lang.paid_total(case.after_totals) or format_amount(0, "CNY")
            if case.after:
                told = (
                    self.tr("你在 {0} 取消后，又被扣了 {1} 笔，共 {2}。")
                    if len(case.after) != 1
                    else self.tr("你在 {0} 取消后，又被扣了 1 笔，共 {2}。")  # English singular
                ).format(case.cancelled_on.isoformat(), len(case.after), after)
                parts.append(f"<p style='color:{ALERT_TEXT}'><b>{alarm}</b> {escape(told)}</p>")
            else:
                told = self.tr("已记录取消日期：{0}；此后没有扣款。").format(
                    case.cancelled_on.isoformat()
                )
                parts.append(f"<p>{escape(told)}</p>")
        if case.status == CaseStatus.UNRECOGNISED:
            warn = self.tr(
                "你不认识这个商户：请尽快修改支付密码、检查免密支付和登录设备，"
                "并联系支付平台或银行冻结可疑授权。"
            )
            parts.append(f"<p style='color:{ALERT_TEXT}'>{escape(warn)}</p>")
        key = "explanation_en" if language == "en" else "explanation_zh"
        for stream in case.streams:
            explanation = str(stream.get(key) or stream.get("explanation") or "")
            if explanation:
                parts.append(f"<p>{escape(explanation)}</p>")
        notes = case.notes
        if notes:
            shown = "<br>".join(escape(f"{n.on.isoformat()} {n.summary}") for n in notes)
            parts.append(f"<p><b>{escape(self.tr('备注：'))}</b>{shown}</p>")
        return "".join(parts)

    def _fill_charges(self, case: Case) -> None:
        """The case's charges; a large case's table is made on a worker (``tables``), its
        place saying so meanwhile."""
        self._rows = case.charges  # a large case's are made on the worker, not here
        prepared = self._prepared
        if prepared is None and self.tables is not None and len(self._rows) > tasks.SMALL_CASE:
            self.charges_model.set_charges([], lang.lang())
            self.charges_loading.setText(
                self.tr("正在整理 {0} 笔扣款…").format(f"{len(self._rows):,}")
            )
            self.charges_stack.setCurrentWidget(self.charges_loading)
            task = workers.Task(self.tables.make, case.id)
            task.signals.finished.connect(lambda made: self._charges_made(case, made))
            self._charges_task = task
            workers.after_paint(self, lambda: self._start_charges(case, task), first=True)
            return
        self._show_charges(prepared or charge_columns(case.charge_fields(), lang.lang()))

    def _start_charges(self, case: Case, task: workers.Task) -> None:
        """Make the charges table of ``case`` unless another case is shown by now."""
        if case is self.case and task is self._charges_task:
            workers.start_preparing(task)

    def _charges_made(self, case: Case, made: ChargeColumns | None) -> None:
        if case is self.case and made is not None:
            self._charges_task = None
            self._show_charges(made)

    def _show_charges(self, prepared: ChargeColumns) -> None:
        self.charges_model.set_charges(self._rows, lang.lang(), prepared)
        self.charges_stack.setCurrentWidget(self.charges)
        self._longest = prepared.longest
        self._fit_charges()

    def _fit_charges(self) -> None:
        """Each column as wide as its longest text (flags, cause and file capped), from the
        texts found once on the worker; the widths the user set are kept."""
        texts = {column: [text] for column, text in enumerate(self._longest)}
        widest = {column: 170 if column in (3, 4, 5) else 400 for column in texts}
        fit_columns(self.charges, widest, texts=texts)

    def _fill_log(self, case: Case) -> None:
        language = lang.lang()
        self.log.clear()
        clip = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for entry in sorted(case.log, key=lambda e: (e.on, e.id), reverse=True):
            channel = entry.channel.label(language) if entry.channel else ""
            head = " · ".join(p for p in (entry.on.isoformat(), channel, entry.ticket) if p)
            lines = [head, entry.text(language)]  # a decision's words in the window's language
            if entry.outcome:
                lines.append(self.tr("结果：{0}").format(entry.outcome))
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.log.addItem(item)
            for attachment in entry.attachments:
                child = QListWidgetItem(
                    clip,  # an icon: the paperclip emoji is a box in most CJK fonts
                    self.tr("{0}（{1} 字节，SHA-256 {2}…）双击保存").format(
                        attachment.name, f"{attachment.size:,}", attachment.sha256[:12]
                    ),
                )
                child.setData(Qt.ItemDataRole.UserRole + 1, attachment.id)
                self.log.addItem(child)
        if not case.log:
            self.log.addItem(
                QListWidgetItem(self.tr("还没有记录。点“添加联系记录…”，或把截图拖到这里。"))
            )

    def _fill_checklist(self, case: Case) -> None:
        self.checklist.blockSignals(True)
        for index in range(self.checklist.count()):
            item = self.checklist.item(index)
            ticked = item.data(Qt.ItemDataRole.UserRole) in case.checklist
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.checklist.blockSignals(False)

    def ticked(self) -> list[str]:
        return [
            self.checklist.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.checklist.count())
            if self.checklist.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _checklist_changed(self, _item) -> None:
        self.checklist_changed.emit(self.ticked())

    def _log_activated(self, item: QListWidgetItem) -> None:
        attachment = item.data(Qt.ItemDataRole.UserRole + 1)
        if attachment is not None:
            self.attachment_requested.emit(int(attachment))

    def _activated(self, row: int, _column: int = 0) -> None:
        if 0 <= row < self.charges_model.rowCount():
            charge = self._rows[self.charges_model.source_row(row)]
            self.charge_activated.emit(charge.source, int(charge.source_row))


def channel_choices(language: str) -> list[tuple[str, str]]:
    return [(member.value, member.label(language)) for member in Channel]


def cadence_label(value: str, language: str) -> str:
    return Cadence.label_of(value, language)
