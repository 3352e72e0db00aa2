"""The words of the charts (titles, axes, legends), zh and en, for :mod:`qiake_auditor.charts`.

A chart is drawn in one language (the window's, the document's); without one it
shows both, as the headless demo's charts do.
"""

from __future__ import annotations

CHART_MESSAGES: dict[str, tuple[str, str]] = {
    "chart.amount": ("金额（{currency}）", "amount ({currency})"),
    "chart.amount_plain": ("金额", "amount"),
    "chart.no_charges": ("没有扣款记录", "no charges"),
    "chart.no_streams": ("没有发现周期扣费", "no recurring charges found"),
    "chart.cancelled": ("已取消 {day}", "cancelled {day}"),
    "chart.after_cancellation": ("取消后扣款", "after cancellation"),
    "chart.charge": ("扣款", "charge"),
    "chart.missed": ("按周期应扣而未扣", "due on the schedule, not charged"),
    "chart.overview_title": ("周期扣费每月金额", "Monthly recurring spend"),
    "chart.by_case_title": (
        "每月扣款（按案件，{currency}）",
        "Monthly deductions by case ({currency})",
    ),
    "chart.other_cases": ("其他 {count} 个案件", "{count} other cases"),
    "chart.kind.timeline": ("每笔扣费", "Each charge"),
    "chart.kind.monthly": ("每月扣费", "Charges per month"),
    "chart.kind.cumulative": ("累计扣费", "Cumulative charges"),
    "chart.kind.price": ("每次金额", "Amount per charge"),
    "chart.state.success": ("扣款成功", "charged"),
    "chart.state.pending": ("处理中", "pending"),
    "chart.state.refunded": ("已退款", "refunded"),
    "chart.state.partially_refunded": ("部分退款", "part refunded"),
    "chart.state.refund": ("退款", "refund"),
    "chart.state.closed": ("已关闭", "closed"),
    "chart.state.failed": ("失败", "failed"),
    "chart.cadence.weekly": ("每周", "weekly"),
    "chart.cadence.biweekly": ("每两周", "every two weeks"),
    "chart.cadence.semimonthly": ("每半月", "twice a month"),
    "chart.cadence.monthly": ("每月", "monthly"),
    "chart.cadence.monthly_weekday": ("每月", "monthly"),
    "chart.cadence.bimonthly": ("每两个月", "every two months"),
    "chart.cadence.quarterly": ("每季", "quarterly"),
    "chart.cadence.fourmonthly": ("每四个月", "every four months"),
    "chart.cadence.semiannual": ("每半年", "every six months"),
    "chart.cadence.annual": ("每年", "yearly"),
    "chart.cadence.yearly": ("每年", "yearly"),
    "chart.cadence.daily": ("每天", "daily"),
    "chart.cadence.irregular": ("不定期", "irregular"),
}
