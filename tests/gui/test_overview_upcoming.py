"""The upcoming-charges list of the monthly overview: overdue streams (a scheduled day
passed without the charge) come first with the day they were due, labelled as the cases
view labels them (逾期未出现 / overdue); a cancelled stream's next date is never shown."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qiake_auditor.gui import lang
from qiake_auditor.gui.overview_page import OverviewPage, upcoming_charges

from .test_cases_view import stream

pytestmark = pytest.mark.gui

AS_OF = "2026-01-10"
OVERDUE = dict(stream(1, "overdue", due="2025-12-15"), merchant="爱奇艺")
LATE_TOO = dict(stream(5, "overdue", due="2026-01-02"), merchant="腾讯视频")
ACTIVE = dict(stream(2, "active", next_expected="2026-01-20"), merchant="中国移动")
CANCELLED = dict(
    stream(3, "cancelled", next_expected="2026-01-15", due="2025-12-20", cancelled_on="2025-11-30"),
    merchant="深圳洽客科技有限公司",
)
# detected as overdue, but the user recorded a cancellation: nothing is due any more
CANCELLED_OVERDUE = dict(
    stream(4, "overdue", due="2025-12-28", cancelled_on="2025-12-01"), merchant="洽客科技"
)
STREAMS = [ACTIVE, CANCELLED, OVERDUE, CANCELLED_OVERDUE, LATE_TOO]


def test_overdue_streams_come_first_with_their_due_day_and_cancelled_ones_never():
    rows = upcoming_charges({"as_of": AS_OF, "streams": STREAMS}, 45)
    assert [(r["date"], r["merchant"], r["overdue"], r["status"]) for r in rows] == [
        ("2025-12-15", "爱奇艺", True, "overdue"),
        ("2026-01-02", "腾讯视频", True, "overdue"),
        ("2026-01-20", "中国移动", False, "active"),
    ]
    # an overdue day is listed whatever the window ahead; the charges ahead are not
    assert [r["merchant"] for r in upcoming_charges({"as_of": AS_OF, "streams": STREAMS}, 5)] == [
        "爱奇艺",
        "腾讯视频",
    ]


def test_rent_paid_to_a_person_and_income_are_not_expected_charges():
    rent = dict(stream(6, "active", next_expected="2026-01-15"), merchant="李建国", type="transfer")
    salary = dict(stream(7, "active", next_expected="2026-01-12"), merchant="云杉", type="income")
    rows = upcoming_charges({"as_of": AS_OF, "streams": [ACTIVE, rent, salary]}, 45)
    assert [r["merchant"] for r in rows] == ["中国移动"]


def show(qtbot, monkeypatch) -> OverviewPage:
    page = OverviewPage()
    qtbot.addWidget(page)
    monkeypatch.setattr(page.chart, "show_cases", lambda cases: None)  # the list, not the chart
    page.show_scan(SimpleNamespace(as_of=date.fromisoformat(AS_OF), streams=STREAMS, cases=[]))
    return page


def cells(page: OverviewPage) -> list[list[str]]:
    table = page.upcoming
    return [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]


def test_the_list_shows_overdue_charges_first_marked_as_in_the_cases_view(qtbot, monkeypatch):
    page = show(qtbot, monkeypatch)
    rows = cells(page)
    assert rows == [
        ["应于 2025-12-15", "爱奇艺", "¥25.00", "逾期未出现", "—"],
        ["应于 2026-01-02", "腾讯视频", "¥25.00", "逾期未出现", "—"],
        ["2026-01-20", "中国移动", "¥25.00", "进行中", "—"],
    ]
    first = page.upcoming.item(0, 0)
    assert first.toolTip() == "本应于 2025-12-15 扣款，至 2026-01-10 仍未出现"
    assert first.font().bold() and not page.upcoming.item(2, 0).font().bold()
    assert (
        page.upcoming.item(0, 1).foreground().color()
        != page.upcoming.item(2, 1).foreground().color()
    )
    assert (
        page.caption.text()
        == "2026-01-10 之后 45 天内预计的扣款：1 笔；另有 2 笔逾期未出现，列在最前"
    )
    assert not any("洽客" in r[1] for r in rows)


def test_in_english_the_overdue_rows_read_as_english(qtbot, monkeypatch):
    lang.install(QApplication.instance(), "en")
    page = show(qtbot, monkeypatch)
    rows = cells(page)
    assert [r[0] for r in rows] == ["due 2025-12-15", "due 2026-01-02", "2026-01-20"]
    assert [r[3] for r in rows] == ["overdue", "overdue", "active"]
    assert page.caption.text() == (
        "Charges expected within 45 days after 2026-01-10: 1; 2 more overdue, listed first"
    )
    assert page.upcoming.item(0, 0).toolTip() == (
        "A charge was due on 2025-12-15 and had not appeared by 2026-01-10"
    )


def test_a_width_the_user_set_in_the_list_is_kept_when_the_list_is_filled_again(qtbot, monkeypatch):
    from .test_header_columns import drag_edge

    page = show(qtbot, monkeypatch)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    header = page.upcoming.horizontalHeader()
    drag_edge(header, 3, 60)
    wide = header.sectionSize(3)
    assert page.columns.widths == {3: wide}
    page.show_scan(SimpleNamespace(as_of=date.fromisoformat(AS_OF), streams=STREAMS, cases=[]))
    assert header.sectionSize(3) == wide
    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
