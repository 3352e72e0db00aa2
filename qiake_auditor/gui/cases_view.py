"""The 案件 view (home screen): one row per company, expandable into its streams.

Everything shown comes from the app layer's :class:`~qiake_auditor.app.Case` and its
scan streams; labels from :mod:`qiake_auditor.vocab` in the window's language. The
after-cancellation badge is bold white on red, with the amount charged since.
"""

from __future__ import annotations

import contextlib
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..money import format_amount
from ..vocab import Cadence, CaseStatus, Flag, StreamStatus, StreamType
from . import lang
from .column_fit import fit_columns
from .header_columns import HeaderColumns

if TYPE_CHECKING:
    from ..app import Case, Snapshot

ALERT = Flag.AFTER_CANCELLATION
ALERT_BACKGROUND = "#c62828"
ALERT_PALE = "#fde2e1"
ALERT_TEXT = "#a4161a"
# Columns in their logical order (as the cells are built) and where each is shown:
# the name, its badges and status first, so the badge is seen at any window width.
NAME, TYPE, CADENCE, EACH, COUNT, PAID, FIRST, LAST, NEXT, STATUS, FLAGS, CONFIDENCE = range(12)
SHOWN = (NAME, FLAGS, STATUS, PAID, COUNT, FIRST, LAST, NEXT, TYPE, CADENCE, EACH, CONFIDENCE)
POS = {logical: shown for shown, logical in enumerate(SHOWN)}
# Each logical column's name, which the kept layout of the header goes by.
FIELDS = (
    "case",
    "type",
    "cadence",
    "each",
    "count",
    "paid",
    "first",
    "last",
    "next",
    "status",
    "flags",
    "confidence",
)
CASE_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
BADGE_ROLE = Qt.ItemDataRole.UserRole + 3  # a case's first badge: never elided
# At narrow widths the flags column is elided down to its first badge, then these
# columns are hidden, least important first (their facts are in the case detail).
HIDE_FIRST = tuple(POS[c] for c in (CONFIDENCE, TYPE, CADENCE, EACH, FIRST))


class _Item(QTreeWidgetItem):
    """Sorts by the value kept under SORT_ROLE (amounts as numbers, dates as text)."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        mine, theirs = self.data(column, SORT_ROLE), other.data(column, SORT_ROLE)
        if mine is not None and theirs is not None:
            return mine < theirs
        return self.text(column) < other.text(column)


def _paid(case: Case) -> float:
    return float(sum((t.paid for t in case.totals.values()), Decimal(0)))


def _amounts(per_currency: dict[str, Decimal]) -> str:
    return (
        lang.amounts_separator().join(format_amount(v, c) for c, v in sorted(per_currency.items()))
        or "—"
    )


def _cancelled(stream: dict) -> bool:
    return stream.get("status") == StreamStatus.CANCELLED or bool(stream.get("cancelled_on"))


def next_charge(stream: dict, as_of: str) -> str:
    """The next expected charge to show: none for a cancelled stream or a past date."""
    expected = str(stream.get("next_expected") or "")
    if not expected or _cancelled(stream) or (as_of and expected[:10] < as_of):
        return "—"
    return expected[:10]


def due_charge(stream: dict) -> str:
    """The scheduled day that passed without a charge (ISO date), '' when there is none or
    the stream was cancelled: it is shown as due, never as the next charge."""
    due = str(stream.get("due") or "")
    if not due or _cancelled(stream) or stream.get("status") != StreamStatus.OVERDUE:
        return ""
    return due[:10]


class CasesView(QWidget):
    """Filters, the case tree and the summary line. ``case_selected`` gives the case id."""

    case_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot: Snapshot | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("按名称筛选案件…"))
        self.search.setClearButtonEnabled(True)
        self.type_filter = QComboBox(self)
        self.type_filter.addItem(self.tr("全部类型"), "")
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("全部状态"), "")
        self.flag_filter = QComboBox(self)
        self.flag_filter.addItem(self.tr("全部提示"), "")
        language = lang.lang()
        for member in StreamType:
            if member not in (StreamType.INCOME, StreamType.TRANSFER):
                self.type_filter.addItem(member.label(language), member.value)
        for member in CaseStatus:
            self.status_filter.addItem(member.label(language), member.value)
        for member in Flag:
            self.flag_filter.addItem(member.label(language), member.value)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.tree = QTreeWidget(self)
        headers = self._header_texts()
        self.tree.setColumnCount(len(headers))
        self.tree.setHeaderLabels(headers)
        # The widths the user set, the columns they showed or hid (header menu), their order.
        self.columns = HeaderColumns(self.tree.header(), "cases", [FIELDS[c] for c in SHOWN])
        self.columns.changed.connect(self._fit_columns)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemExpanded.connect(self._fit_columns)
        self.tree.itemCollapsed.connect(self._fit_columns)
        self.tree.viewport().installEventFilter(self)
        self.search.textChanged.connect(self._apply_filter)
        for box in (self.type_filter, self.status_filter, self.flag_filter):
            box.currentIndexChanged.connect(self._apply_filter)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.type_filter)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.flag_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.tree)

    def _header_texts(self) -> list[str]:
        logical = [
            self.tr("案件 / 商户"),
            self.tr("类型"),
            self.tr("周期"),
            self.tr("每期金额"),
            self.tr("次数"),
            self.tr("已付合计"),
            self.tr("首次扣款"),
            self.tr("最近扣款"),
            self.tr("下次扣款"),
            self.tr("状态"),
            self.tr("提示"),
            self.tr("可信度"),
        ]
        return [logical[i] for i in SHOWN]

    # -- filling ----------------------------------------------------------------------------

    def set_snapshot(self, snapshot: Snapshot | None) -> None:
        keep = self.current_case_id()
        self.snapshot = snapshot
        self.tree.clear()
        cases = snapshot.cases if snapshot else []
        for case in cases:
            self.tree.addTopLevelItem(self._case_item(case))
        self._fit_columns()
        self._fill_summary()
        self._apply_filter()
        if keep:
            self.select_case(keep)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self, *_args) -> None:
        """Columns as wide as their content within the list's width, so that no
        horizontal scrollbar is needed: the flags elided first (never below a case's
        first badge), then the least important columns hidden. What the user chose on
        the header stays: the widths they set, the columns they hid or showed."""
        with self.columns.applying():
            self._fit_within()

    def _fit_within(self) -> None:
        tree, header, chosen = self.tree, self.tree.header(), self.columns
        hidden = chosen.hidden()
        for column in range(tree.columnCount()):
            tree.setColumnHidden(column, column in hidden)
        needed = {
            column: max(tree.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(tree.columnCount())
            if column not in hidden
        }
        if POS[NAME] in needed:
            needed[POS[NAME]] = min(max(needed[POS[NAME]], 160), 260)
        bold = QFont(tree.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        badges = [
            str(tree.topLevelItem(i).data(POS[FLAGS], BADGE_ROLE) or "")
            for i in range(tree.topLevelItemCount())
        ]
        least = max((metrics.horizontalAdvance(b) for b in badges if b), default=0) + 16
        fixed = {c: w for c, w in chosen.widths.items() if c in needed}
        shown = chosen.shown()
        fit = fit_columns(
            needed,
            tree.viewport().width(),
            POS[FLAGS],
            max(least, 120),
            tuple(c for c in HIDE_FIRST if c not in shown),
            fixed,
        )
        for column in range(tree.columnCount()):
            tree.setColumnHidden(column, column in fit.hidden or column in hidden)
            if column in fit.widths:
                tree.setColumnWidth(column, fit.widths[column])

    def _case_item(self, case: Case) -> QTreeWidgetItem:
        language = lang.lang()
        first = case.first.isoformat() if case.first else ""
        last = case.last.isoformat() if case.last else ""
        badges = self._badges(case.flags)
        if case.after:
            badges = [self.tr("⚠ 取消后仍扣款 {0}").format(lang.paid_total(case.after_totals))] + [
                b for b in badges if b != ALERT.label(language)
            ]
        cells = [
            case.merchant,
            self.tr("{0} 项").format(len(case.streams)) if case.streams else self.tr("单笔扣款"),
            "",
            "",
            str(len(case.charges)),
            lang.paid_total(case.totals),
            first,
            last,
            "",  # NEXT: set below with its sort key
            case.status.label(language),
            lang.list_separator().join(badges),
            "",
        ]
        item = _Item([cells[i] for i in SHOWN])
        self._set_next(item, case.streams)
        item.setData(0, CASE_ROLE, case.id)
        if badges:
            item.setData(POS[FLAGS], BADGE_ROLE, badges[0])
            item.setToolTip(POS[FLAGS], "\n".join(badges))  # the whole text, when elided
        item.setData(POS[COUNT], SORT_ROLE, len(case.charges))
        item.setData(POS[PAID], SORT_ROLE, _paid(case))
        item.setToolTip(0, "\n".join(case.names))
        bold = QFont()
        bold.setBold(True)
        item.setFont(0, bold)
        for column in (EACH, COUNT, PAID, CONFIDENCE):
            item.setTextAlignment(
                POS[column], Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        if case.after:
            for column in range(len(SHOWN)):
                item.setBackground(column, QBrush(QColor(ALERT_PALE)))
                item.setForeground(column, QBrush(QColor(ALERT_TEXT)))
            item.setBackground(POS[FLAGS], QBrush(QColor(ALERT_BACKGROUND)))
            item.setForeground(POS[FLAGS], QBrush(QColor("white")))
            item.setFont(POS[FLAGS], bold)
        for stream in case.streams:
            item.addChild(self._stream_item(stream))
        return item

    def _stream_item(self, stream: dict) -> QTreeWidgetItem:
        language = lang.lang()
        currency = str(stream.get("currency") or "CNY")

        def money(value) -> str:
            try:
                return format_amount(Decimal(str(value)), currency)
            except ArithmeticError:
                return str(value or "")

        confidence = stream.get("confidence")
        cells = [
            str(stream.get("merchant", "")),
            StreamType.label_of(stream.get("type"), language),
            Cadence.label_of(stream.get("cadence"), language),
            money(stream.get("amount")),
            str(stream.get("count", "")),
            money(stream.get("total")),
            str(stream.get("first_date") or ""),
            str(stream.get("last_date") or ""),
            "",  # NEXT: set below with its sort key
            StreamStatus.label_of(stream.get("status"), language),
            lang.list_separator().join(self._badges(stream.get("flags") or [])),
            f"{float(confidence):.0%}" if confidence is not None else "",
        ]
        item = _Item([cells[i] for i in SHOWN])
        self._set_next(item, [stream])
        if cells[FLAGS]:
            item.setToolTip(POS[FLAGS], cells[FLAGS])  # the whole text, when elided
        item.setData(0, CASE_ROLE, None)
        item.setData(0, Qt.ItemDataRole.UserRole + 2, str(stream.get("id", "")))
        for column, key in ((EACH, "amount"), (PAID, "total")):
            with contextlib.suppress(TypeError, ValueError):
                item.setData(POS[column], SORT_ROLE, float(stream.get(key) or 0))
        item.setData(POS[COUNT], SORT_ROLE, int(stream.get("count") or 0))
        for column in (EACH, COUNT, PAID, CONFIDENCE):
            item.setTextAlignment(
                POS[column], Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        if ALERT in (stream.get("flags") or []):
            item.setForeground(POS[FLAGS], QBrush(QColor(ALERT_TEXT)))
        return item

    def _set_next(self, item: QTreeWidgetItem, streams: list[dict]) -> None:
        """The earliest coming charge of ``streams``: a scheduled day that passed without a
        charge as "应于 <day>" (due), else the next expected day; "—" when none (cancelled)."""
        as_of = self._as_of()
        days = [(due, True) for due in map(due_charge, streams) if due]
        days += [(n, False) for n in (next_charge(s, as_of) for s in streams) if n != "—"]
        if not days:
            item.setText(POS[NEXT], "—")
            item.setData(POS[NEXT], SORT_ROLE, "9999")  # after every date
            return
        day, due = min(days)
        item.setText(POS[NEXT], self.tr("应于 {0}").format(day) if due else day)
        item.setData(POS[NEXT], SORT_ROLE, day)
        if due:
            late = self.tr("本应于 {0} 扣款，至 {1} 仍未出现").format(day, as_of)
            item.setToolTip(POS[NEXT], late)

    def _badges(self, flags) -> list[str]:
        return [Flag.label_of(f, lang.lang()) for f in flags]

    def _as_of(self) -> str:
        snap = self.snapshot
        return snap.as_of.isoformat() if snap and snap.as_of else ""

    def _fill_summary(self) -> None:
        snap = self.snapshot
        if snap is None or not snap.cases:
            self.summary.setText(self.tr("还没有案件：导入账单后，这里按公司列出周期扣费。"))
            return
        cost = snap.recurring_cost()
        paid: dict[str, Decimal] = {}
        for case in snap.cases:
            for currency, totals in case.totals.items():
                paid[currency] = paid.get(currency, Decimal(0)) + totals.paid
        after = snap.after_cancellation_total()
        text = self.tr("{0} 个案件 · {1} 项订阅仍在扣费，每月 {2}，每年 {3} · 共付 {4}").format(
            len(snap.cases),
            cost.subscriptions,
            _amounts(cost.monthly),
            _amounts(cost.yearly),
            _amounts(paid),
        )
        if after:
            shown = self.tr("取消后仍被扣 {0}").format(_amounts(after))
            text += f" · <b style='color:{ALERT_TEXT}'>{shown}</b>"
        self.summary.setText(text)

    # -- filters and selection --------------------------------------------------------------

    def _apply_filter(self, *_args) -> None:
        text = self.search.text().strip()
        kind = self.type_filter.currentData()
        status = self.status_filter.currentData()
        flag = self.flag_filter.currentData()
        cases = {c.id: c for c in (self.snapshot.cases if self.snapshot else [])}
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            case = cases.get(item.data(0, CASE_ROLE))
            shown = case is not None
            if shown and text:
                shown = case.matches(text)
            if shown and kind:
                shown = any(s.get("type") == kind for s in case.streams)
            if shown and status:
                shown = case.status == status
            if shown and flag:
                shown = flag in case.flags
            item.setHidden(not shown)

    def visible_cases(self) -> list[str]:
        return [
            self.tree.topLevelItem(i).data(0, CASE_ROLE)
            for i in range(self.tree.topLevelItemCount())
            if not self.tree.topLevelItem(i).isHidden()
        ]

    def current_case_id(self) -> str | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.data(0, CASE_ROLE) if item is not None else None

    def current_stream_id(self) -> str | None:
        item = self.tree.currentItem()
        if item is None or item.parent() is None:
            return None
        return item.data(0, Qt.ItemDataRole.UserRole + 2)

    def select_case(self, case_id: str) -> bool:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.data(0, CASE_ROLE) == case_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def case_item(self, case_id: str) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.data(0, CASE_ROLE) == case_id:
                return item
        return None

    def _current_changed(self, current, _previous=None) -> None:
        case_id = self.current_case_id()
        if case_id:
            self.case_selected.emit(case_id)
