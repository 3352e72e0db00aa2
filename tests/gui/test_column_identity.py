"""A table's kept column layout follows each column by its field name: a version that adds,
removes or reorders columns gives each kept width, hidden state and place to the same
column; names it no longer has are ignored; a layout kept by position (version 1) is read
as today's columns and kept again by name. Tables without field names still drop a layout
kept for another number of columns. Every table's rows have one height."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QTableView, QTableWidget

from qiake_auditor.gui.case_history_view import AttemptsTable, PriceTable, RefundsTable
from qiake_auditor.gui.header_columns import HeaderColumns
from qiake_auditor.gui.ledger_page import LedgerPage
from qiake_auditor.gui.tables import ROW_HEIGHT, make_table

pytestmark = pytest.mark.gui
NO_PARENT = QModelIndex()


class Fields(QAbstractTableModel):
    """A table whose columns are named, as LedgerModel's are."""

    def __init__(self, columns: tuple[str, ...]) -> None:
        super().__init__()
        self.COLUMNS = columns

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0

    def columnCount(self, parent=NO_PARENT) -> int:
        return len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None


def table(qtbot, columns: tuple[str, ...]) -> tuple[QTableView, HeaderColumns]:
    view = make_table(Fields(columns), name="named")
    qtbot.addWidget(view)
    chosen = view.horizontalHeader().findChild(HeaderColumns)
    assert chosen is not None and chosen.fields == list(columns)
    return view, chosen


def order(view: QTableView) -> list[str]:
    header, names = view.horizontalHeader(), view.model().COLUMNS
    return [names[header.logicalIndex(v)] for v in range(header.count())]


def test_a_kept_layout_follows_its_columns_into_a_changed_column_list(qtbot):
    view, chosen = table(qtbot, ("time", "amount", "merchant", "method", "source"))
    header = view.horizontalHeader()
    chosen.set_visible(3, False)  # method hidden
    header.resizeSection(2, 177)  # merchant's width, as a drag sets it
    header.moveSection(header.visualIndex(4), 0)  # source dragged to the front
    assert order(view) == ["source", "time", "amount", "merchant", "method"]
    kept = json.loads(QSettings().value("window/columns/named"))
    assert kept["widths"] == {"merchant": 177} and kept["visible"] == {"method": False}
    # The next version: amount removed, category added, merchant and method moved.
    again, chosen = table(qtbot, ("merchant", "time", "category", "method", "source"))
    header = again.horizontalHeader()
    assert chosen.widths == {0: 177} and header.sectionSize(0) == 177
    assert header.isSectionHidden(3) and not header.isSectionHidden(2)
    assert chosen.visible == {3: False}
    # The user's order of the columns kept; the new one at its own place (the third).
    assert order(again) == ["source", "time", "category", "merchant", "method"]


def test_a_layout_kept_by_position_is_read_as_todays_columns_and_kept_by_name(qtbot):
    settings = QSettings()
    old = {"version": 1, "columns": 12, "widths": {"0": 150}, "visible": {"5": False}}
    settings.setValue("window/columns/ledger", json.dumps({**old, "order": [11, *range(11)]}))
    page = LedgerPage()
    qtbot.addWidget(page)
    header = page.view.horizontalHeader()
    assert header.isSectionHidden(5) and header.sectionSize(0) == 150  # 商户 hidden
    assert header.logicalIndex(0) == 11  # 交易号 first
    kept = json.loads(settings.value("window/columns/ledger"))
    assert kept["version"] == 2
    assert kept["widths"] == {"time": 150} and kept["visible"] == {"merchant": False}
    assert kept["order"][:2] == ["txn_id", "time"]
    other = {"version": 1, "columns": 11, "widths": {"0": 150}}  # another version's list
    settings.setValue("window/columns/ledger", json.dumps(other))
    page = LedgerPage()
    qtbot.addWidget(page)
    assert (page.columns.widths, page.columns.visible, page.columns.order) == ({}, {}, [])


def test_names_the_table_no_longer_has_are_ignored(qtbot):
    kept = {
        "version": 2,
        "widths": {"gone": 300, "amount": 99, "time": "wide"},
        "visible": {"gone": False},
    }
    QSettings().setValue("window/columns/named", json.dumps(kept))
    _view, chosen = table(qtbot, ("time", "amount"))
    assert (chosen.widths, chosen.visible) == ({}, {})  # 'wide' is not a width: none read
    kept["widths"] = {"gone": 300, "amount": 99}
    kept["order"] = ["gone", "amount", "time", "time"]  # not an order
    QSettings().setValue("window/columns/named", json.dumps(kept))
    _view, chosen = table(qtbot, ("time", "amount"))
    assert (chosen.widths, chosen.visible, chosen.order) == ({1: 99}, {}, [])


def test_a_table_without_names_drops_a_layout_kept_for_other_columns(qtbot):
    made: list[QTableWidget] = []  # kept alive while the test reads their headers

    def unnamed(count: int) -> HeaderColumns:
        made.append(QTableWidget(0, count))
        qtbot.addWidget(made[-1])
        return HeaderColumns(made[-1].horizontalHeader(), "unnamed")

    chosen = unnamed(3)
    assert chosen.fields == ["0", "1", "2"]
    chosen.set_visible(1, False)
    assert unnamed(3).visible == {1: False}
    assert unnamed(4).visible == {}


def test_every_table_has_rows_of_one_height(qtbot):
    ledger = LedgerPage()
    qtbot.addWidget(ledger)
    tables = [ledger.view, PriceTable(), AttemptsTable(), RefundsTable()]
    for each in tables[1:]:
        qtbot.addWidget(each)
        each.setRowCount(2)
    assert {t.verticalHeader().defaultSectionSize() for t in tables} == {ROW_HEIGHT}
    assert [t.rowHeight(1) for t in tables[1:]] == [ROW_HEIGHT] * 3


# -- the cases tree, the overview's upcoming charges and a case's charges ---------------


KEPT_ALIVE: list = []  # the widgets whose headers a test reads


# The names of each table's columns, in the order shown (cases: the name, its flags and
# status first), written out by hand.
FIELDS = {
    "cases": [
        "case",
        "flags",
        "status",
        "paid",
        "count",
        "first",
        "last",
        "next",
        "type",
        "cadence",
        "each",
        "confidence",
    ],
    "upcoming": ["date", "merchant", "amount", "status", "cancel_by"],
    "charges": ["date", "amount", "state", "flags", "cause", "source", "source_row"],
}


def named_tables(qtbot):
    """The three tables that keep their layout by name since: (settings name, header,
    its columns' names in logical order)."""
    from qiake_auditor.gui.case_detail import CaseDetail
    from qiake_auditor.gui.cases_view import CasesView
    from qiake_auditor.gui.overview_page import OverviewPage

    cases, overview, detail = CasesView(), OverviewPage(), CaseDetail()
    for widget in (cases, overview, detail):
        qtbot.addWidget(widget)
    KEPT_ALIVE[:] = [cases, overview, detail]
    return [
        ("cases", cases.tree.header(), FIELDS["cases"]),
        ("upcoming", overview.upcoming.horizontalHeader(), FIELDS["upcoming"]),
        ("charges", detail.charges.horizontalHeader(), FIELDS["charges"]),
    ]


def test_the_cases_upcoming_and_charges_tables_keep_their_layout_by_name(qtbot):
    for name, header, fields in named_tables(qtbot):
        chosen = header.findChild(HeaderColumns)
        assert chosen.fields == fields, name
        titles = [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
        assert (
            titles[:2]
            == {
                "cases": ["案件 / 商户", "提示"],
                "upcoming": ["预计扣款日", "商户"],
                "charges": ["日期", "金额"],
            }[name]
        )
        chosen.set_visible(2, False)
        kept = json.loads(QSettings().value(f"window/columns/{name}"))
        assert kept["columns"] == fields and kept["visible"] == {fields[2]: False}


@pytest.mark.parametrize("name", ["cases", "upcoming", "charges"])
def test_a_changed_column_list_is_restored_onto_the_right_columns(qtbot, name):
    """Kept by a version whose columns were fewer, more and in another order: each width,
    hidden column and place goes to the column of its name."""
    fields = FIELDS[name]
    last, second = fields[-1], fields[1]
    older = ["gone", last, *fields[1:-1][::-1]]  # one that went, the first one not yet there
    QSettings().setValue(
        f"window/columns/{name}",
        json.dumps(
            {
                "version": 2,
                "columns": older,
                "widths": {last: 131, "gone": 400},
                "visible": {second: False, "gone": False},
                "order": [last, "gone", *fields[1:-1]],  # every column it had
            }
        ),
    )
    tables = {n: (h, f) for n, h, f in named_tables(qtbot)}
    header, names = tables[name]
    assert names == fields
    chosen = header.findChild(HeaderColumns)
    at = len(fields) - 1
    assert chosen.widths == {at: 131} and header.sectionSize(at) == 131
    assert chosen.visible == {1: False} and header.isSectionHidden(1)
    # the kept order, and the column that version did not have at its own place (first)
    shown = [fields[header.logicalIndex(v)] for v in range(len(fields))]
    assert shown == [fields[0], last, *fields[1:-1]]


def test_a_layout_those_tables_kept_by_position_is_read_as_their_columns(qtbot):
    """Kept before they had names: by position, for as many columns as they have."""
    settings = QSettings()
    positions = ["0", "1", "2", "3", "4"]
    state = {"version": 2, "columns": positions, "widths": {"2": 120}, "visible": {"3": False}}
    settings.setValue("window/columns/upcoming", json.dumps(state))
    settings.setValue("window/columns/charges", json.dumps({**state, "columns": [*positions, "5"]}))
    tables = {n: h for n, h, _f in named_tables(qtbot)}
    upcoming = tables["upcoming"].findChild(HeaderColumns)
    assert (upcoming.widths, upcoming.visible) == ({2: 120}, {3: False})
    kept = json.loads(settings.value("window/columns/upcoming"))
    assert kept["widths"] == {"amount": 120} and kept["visible"] == {"status": False}
    charges = tables["charges"].findChild(HeaderColumns)  # kept for six columns, not seven
    assert (charges.widths, charges.visible) == ({}, {})


def test_the_upcoming_table_and_the_mapping_preview_have_rows_of_one_height(qtbot):
    from qiake_auditor.gui.dialogs import MappingDialog
    from qiake_auditor.gui.overview_page import OverviewPage

    overview = OverviewPage()
    dialog = MappingDialog("x.csv", ["日期", "金额"], [["2025-01-01", "9.90"]] * 2, {}, ("date",))
    for widget in (overview, dialog):
        qtbot.addWidget(widget)
    overview.upcoming.setRowCount(2)
    assert overview.upcoming.rowHeight(1) == ROW_HEIGHT
    assert dialog.preview.rowHeight(1) == ROW_HEIGHT
