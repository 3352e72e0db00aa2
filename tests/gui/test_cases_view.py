"""The cases list: the "next charge" column never shows a passed day as next (an overdue
stream shows the day it was due, a cancelled one nothing), and two currencies are joined
with the window language's separator."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qiake_auditor.app import Case, Snapshot
from qiake_auditor.app.cases import Totals
from qiake_auditor.gui import lang
from qiake_auditor.gui.cases_view import (
    CASE_ROLE,
    CONFIDENCE,
    FLAGS,
    NAME,
    NEXT,
    PAID,
    POS,
    STATUS,
    CasesView,
)
from qiake_auditor.vocab import CaseStatus

pytestmark = pytest.mark.gui

AS_OF = date(2026, 1, 10)


def stream(number: int, status: str, **dates) -> dict:
    return {
        "id": f"s{number}",
        "merchant": f"商户{number}",
        "type": "subscription",
        "cadence": "monthly",
        "amount": "25.00",
        "currency": "CNY",
        "count": 6,
        "total": "150.00",
        "status": status,
        "flags": ["overdue"] if status == "overdue" else [],
        "next_expected": dates.get("next_expected"),
        "due": dates.get("due"),
        "cancelled_on": dates.get("cancelled_on"),
    }


def case(number: int, streams: list[dict], totals: dict[str, Totals] | None = None) -> Case:
    return Case(
        id=f"c{number}",
        key=f"k{number}",
        merchant=f"公司{number}",
        legal_name=f"公司{number}",
        names=[f"公司{number}"],
        status=CaseStatus.UNREVIEWED,
        cancelled_on=None,
        streams=streams,
        charges=[],
        refunds=[],
        totals=totals or {"CNY": Totals(paid=Decimal("150.00"))},
        after=[],
        after_totals={},
        log=[],
    )


OVERDUE = stream(1, "overdue", due="2025-12-15")
ACTIVE = stream(2, "active", next_expected="2026-02-03")
CANCELLED = stream(3, "cancelled", due="2025-12-20", cancelled_on="2025-11-30")
STALE = stream(4, "active", next_expected="2025-12-01")  # a next day already passed


def snapshot() -> Snapshot:
    return Snapshot(
        as_of=AS_OF,
        result=None,
        spending={},
        income={},
        transactions=0,
        built_cases=[
            case(1, [OVERDUE, ACTIVE]),
            case(2, [CANCELLED, STALE]),
            case(
                3,
                [ACTIVE],
                {"CNY": Totals(paid=Decimal("10.00")), "USD": Totals(paid=Decimal("2.50"))},
            ),
        ],
    )


@pytest.fixture
def view(qtbot):
    widget = CasesView()
    qtbot.addWidget(widget)
    widget.set_snapshot(snapshot())
    return widget


def next_texts(view: CasesView, case_id: str) -> tuple[str, list[str]]:
    item = view.case_item(case_id)
    assert item is not None
    return item.text(POS[NEXT]), [item.child(i).text(POS[NEXT]) for i in range(item.childCount())]


def test_an_overdue_stream_shows_the_day_it_was_due_never_a_passed_day_as_next(view):
    case_text, stream_texts = next_texts(view, "c1")
    assert stream_texts == ["应于 2025-12-15", "2026-02-03"]
    assert case_text == "应于 2025-12-15"  # the earliest: the charge already due
    assert "2025-12-15" in view.case_item("c1").child(0).toolTip(POS[NEXT])


def test_a_cancelled_stream_shows_nothing_and_a_passed_next_day_is_not_shown(view):
    assert next_texts(view, "c2") == ("—", ["—", "—"])


def test_sorting_by_the_next_charge_puts_due_days_first_and_none_last(view):
    view.tree.sortByColumn(POS[NEXT], Qt.SortOrder.AscendingOrder)
    order = [view.tree.topLevelItem(i).data(0, CASE_ROLE) for i in range(3)]
    assert order == ["c1", "c3", "c2"]


def test_in_english_the_due_day_and_the_currencies_read_as_english(qtbot):
    lang.install(QApplication.instance(), "en")
    widget = CasesView()
    qtbot.addWidget(widget)
    widget.set_snapshot(snapshot())
    assert next_texts(widget, "c1") == ("due 2025-12-15", ["due 2025-12-15", "2026-02-03"])
    assert widget.case_item("c3").text(POS[PAID]) == "¥10.00; $2.50"
    lang.install(QApplication.instance(), "zh")
    zh = CasesView()
    qtbot.addWidget(zh)
    zh.set_snapshot(snapshot())
    assert zh.case_item("c3").text(POS[PAID]) == "¥10.00；$2.50"


def test_the_columns_fit_a_narrow_list_flags_elided_first_then_minor_columns_hidden(view):
    view.resize(700, 300)
    view.show()
    tree, header = view.tree, view.tree.header()
    assert header.length() <= tree.viewport().width()  # no horizontal scrollbar needed
    hidden = {c for c in range(tree.columnCount()) if tree.isColumnHidden(c)}
    assert POS[CONFIDENCE] in hidden
    assert not hidden & {POS[c] for c in (NAME, FLAGS, STATUS, PAID, NEXT)}
    view.resize(2400, 300)
    QApplication.processEvents()  # the resize reaches the list
    assert not any(tree.isColumnHidden(c) for c in range(tree.columnCount()))
    assert header.length() <= tree.viewport().width()
