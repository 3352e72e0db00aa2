"""What the user chose on a table header stays: a width set by dragging a section's edge
(or by resizing the section in code, as the drag does) survives refitting (new data, a
search, a narrower window, the window rebuilt in English), and the header's context menu
lists every column with a check mark to show or hide it (the last one shown stays), in
both languages. Qt's own sizing is never taken for the user's, and fitting reads the
first rows only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHeaderView, QMenu

from qiake_auditor.gui import lang
from qiake_auditor.gui.cases_view import CONFIDENCE, NAME, PAID, POS, CasesView
from qiake_auditor.gui.ledger_page import LedgerPage
from qiake_auditor.gui.tables import ROOM, fit_columns, make_table, user_columns

from .test_cases_view import snapshot
from .test_ledger_page import ROWS
from .test_models import ledger_frame

pytestmark = pytest.mark.gui

MERCHANT = 5  # the ledger's 商户 column


def shown_cases(qtbot, width: int, height: int) -> CasesView:
    """The cases list of the test snapshot, shown at ``width`` x ``height``."""
    view = CasesView()
    qtbot.addWidget(view)
    view.set_snapshot(snapshot())
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def drag_edge(header: QHeaderView, column: int, by: int) -> None:
    """Drag the right edge of ``column``'s section by ``by`` pixels, as the user does."""
    x = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    viewport = header.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(viewport, left, none, QPoint(x, y))
    QTest.mouseMove(viewport, QPoint(x + by // 2, y))
    QTest.mouseMove(viewport, QPoint(x + by, y))
    QTest.mouseRelease(viewport, left, none, QPoint(x + by, y))


def shown_page(qtbot) -> LedgerPage:
    page = LedgerPage()
    qtbot.addWidget(page)
    page.resize(1200, 500)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_ledger_column_the_user_widened_keeps_its_width_when_data_comes(qtbot, message_mock):
    page = shown_page(qtbot)
    header = page.view.horizontalHeader()
    before = header.sectionSize(MERCHANT)
    drag_edge(header, MERCHANT, 150)
    wide = header.sectionSize(MERCHANT)
    assert wide >= before + 140
    other = header.sectionSize(1)
    page.set_frame(ledger_frame(ROWS))  # the first ledger: the columns are fitted
    assert header.sectionSize(MERCHANT) == wide
    assert header.sectionSize(1) != other  # the others were fitted to their content


def test_the_users_widths_and_hidden_columns_survive_the_window_in_english(qtbot, message_mock):
    page = shown_page(qtbot)
    page.set_frame(ledger_frame(ROWS))
    header = page.view.horizontalHeader()
    drag_edge(header, MERCHANT, 120)
    wide = header.sectionSize(MERCHANT)
    page.columns.set_visible(2, False)  # 币种
    lang.install(QApplication.instance(), "en")  # the window is rebuilt in English
    again = shown_page(qtbot)
    again.set_frame(ledger_frame(ROWS))
    header = again.view.horizontalHeader()
    assert again.model.headerData(MERCHANT, Qt.Orientation.Horizontal) == "Merchant"
    assert header.sectionSize(MERCHANT) == wide
    assert header.isSectionHidden(2)
    texts = [a.text() for a in again.columns.menu().actions() if a.isCheckable()]
    assert texts[:3] == ["Time", "Amount", "Currency"]
    labels = [a.text() for a in again.columns.menu().actions() if a.text()][-2:]
    assert labels == ["Show all columns", "Restore default columns, widths and order"]


# The offscreen platform cannot raise the popup or give it the keyboard; harmless here.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_the_header_menu_lists_every_column_and_shows_a_hidden_one_again(qtbot, message_mock):
    page = shown_page(qtbot)
    page.set_frame(ledger_frame(ROWS))
    header = page.view.horizontalHeader()
    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    seen: list[list[tuple[str, bool]]] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append([(a.text(), a.isChecked()) for a in menu.actions() if a.isCheckable()])
        menu.close()

    QTimer.singleShot(100, read_and_close)
    header.customContextMenuRequested.emit(QPoint(10, 5))  # right click on the header
    qtbot.waitUntil(lambda: bool(seen))
    assert [t for t, _on in seen[0]] == [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())
    ]
    assert all(on for _t, on in seen[0])
    menu = page.columns.menu()
    merchant = next(a for a in menu.actions() if a.text() == "商户")
    merchant.setChecked(False)  # the user unticks 商户
    assert header.isSectionHidden(MERCHANT)
    menu = page.columns.menu()
    merchant = next(a for a in menu.actions() if a.text() == "商户")
    assert not merchant.isChecked()
    merchant.setChecked(True)
    assert not header.isSectionHidden(MERCHANT) and header.sectionSize(MERCHANT) > 20


def test_the_last_column_shown_cannot_be_hidden(qtbot, message_mock):
    page = shown_page(qtbot)
    page.set_frame(ledger_frame(ROWS))
    header = page.view.horizontalHeader()
    for column in range(1, header.count()):
        page.columns.set_visible(column, False)
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert shown == [0]
    last = next(a for a in page.columns.menu().actions() if a.isCheckable())
    assert last.isChecked() and not last.isEnabled()
    page.columns.set_visible(0, False)
    assert not header.isSectionHidden(0)
    page.columns.show_all()
    assert not any(header.isSectionHidden(c) for c in range(header.count()))


def test_a_case_column_the_user_sized_is_not_refitted_on_resize_or_new_data(qtbot):
    view = shown_cases(qtbot, 1400, 400)
    header = view.tree.header()
    drag_edge(header, POS[NAME], 90)
    wide = header.sectionSize(POS[NAME])
    assert view.columns.widths == {POS[NAME]: wide}
    view.resize(1000, 400)
    QApplication.processEvents()
    assert header.sectionSize(POS[NAME]) == wide
    view.set_snapshot(snapshot())  # a rescan
    assert header.sectionSize(POS[NAME]) == wide
    view.columns.restore_defaults()
    assert header.sectionSize(POS[NAME]) != wide


def test_a_case_column_hidden_to_fit_can_be_shown_from_the_menu_and_stays(qtbot):
    view = shown_cases(qtbot, 700, 300)
    tree = view.tree
    assert tree.isColumnHidden(POS[CONFIDENCE])  # too narrow: hidden to fit
    actions = {a.text(): a for a in view.columns.menu().actions() if a.isCheckable()}
    assert len(actions) == tree.columnCount()
    assert not actions["可信度"].isChecked() and actions["案件 / 商户"].isChecked()
    actions["可信度"].setChecked(True)
    assert not tree.isColumnHidden(POS[CONFIDENCE])
    view.resize(690, 300)
    QApplication.processEvents()
    assert not tree.isColumnHidden(POS[CONFIDENCE])  # the user's choice, not refitted away
    actions = {a.text(): a for a in view.columns.menu().actions() if a.isCheckable()}
    actions["已付合计"].setChecked(False)
    view.resize(2400, 300)
    QApplication.processEvents()
    assert tree.isColumnHidden(POS[PAID])  # hidden by the user: not shown again to fit


def test_copied_rows_hold_the_columns_shown(qtbot, message_mock):
    page = shown_page(qtbot)
    page.set_frame(ledger_frame(ROWS))
    page.columns.set_visible(2, False)  # 币种
    page.view.selectRow(0)
    header, first = (line.split("\t") for line in page.copy_rows().splitlines())
    assert header[:3] == ["时间", "金额", "收/支"] and "币种" not in header
    assert len(first) == len(header) == page.model.columnCount() - 1 and "CNY" not in first


def test_the_window_rebuilt_in_english_keeps_the_users_columns(qtbot, tmp_path, qapp, message_mock):
    from qiake_auditor.gui.app import Shell

    shell = Shell(qapp, tmp_path / "w.sqlite")
    old = shell.window
    qtbot.addWidget(old)
    old.resize(1400, 800)
    old.show()
    qtbot.waitUntil(lambda: not old.busy, timeout=30000)
    header = old.cases_view.tree.header()
    drag_edge(header, POS[NAME], 70)
    wide = header.sectionSize(POS[NAME])
    old.ledger_page.columns.set_visible(MERCHANT, False)
    old.switch_language("en")
    new = shell.window
    qtbot.addWidget(new)
    qtbot.waitUntil(lambda: not new.busy, timeout=30000)
    assert new.tabs.tabText(0) == "Cases"
    assert new.cases_view.tree.header().sectionSize(POS[NAME]) == wide
    assert new.ledger_page.view.horizontalHeader().isSectionHidden(MERCHANT)


def test_a_width_set_by_resizing_the_section_survives_every_refit_of_the_ledger(
    qtbot, message_mock
):
    page = shown_page(qtbot)
    page.set_frame(ledger_frame(ROWS))
    header = page.view.horizontalHeader()
    header.resizeSection(MERCHANT, 333)  # as the user's drag does, without a mouse
    assert page.columns.widths == {MERCHANT: 333}
    page.columns.set_visible(2, False)  # a column hidden: the table fits itself again
    assert header.sectionSize(MERCHANT) == 333
    page.search.setText("ROW")
    page.apply_search(wait=True)  # a search
    page.set_frame(ledger_frame(ROWS[:2]))  # new data
    page.columns.show_all()
    assert header.sectionSize(MERCHANT) == 333
    lang.install(QApplication.instance(), "en")  # a language switch: the page made again
    again = shown_page(qtbot)
    again.set_frame(ledger_frame(ROWS))
    assert again.view.horizontalHeader().sectionSize(MERCHANT) == 333
    again.columns.restore_defaults()
    assert again.view.horizontalHeader().sectionSize(MERCHANT) != 333  # fitted again


def test_a_case_column_resized_by_code_is_kept_on_a_rescan_and_a_narrower_list(qtbot):
    view = shown_cases(qtbot, 1400, 400)
    header = view.tree.header()
    header.resizeSection(POS[PAID], 211)
    view.set_snapshot(snapshot())
    view.resize(900, 400)
    QApplication.processEvents()
    assert header.sectionSize(POS[PAID]) == 211 and view.columns.widths == {POS[PAID]: 211}


def test_the_sections_qt_sizes_itself_are_not_taken_for_the_users_widths(qtbot, message_mock):
    """The stretched last section (on a resize, after a move), a new style's least width,
    a section hidden and shown: none of them is a width the user chose."""
    page = shown_page(qtbot)
    page.set_frame(ledger_frame(ROWS))
    header = page.view.horizontalHeader()
    page.resize(800, 500)
    page.resize(1500, 500)
    QApplication.processEvents()
    last = header.count() - 1
    header.moveSection(header.visualIndex(last), 0)  # the stretched one moved to the front
    QApplication.processEvents()
    with page.columns.applying():  # the table's own narrowest width
        header.resizeSection(1, header.minimumSectionSize())
    app = QApplication.instance()
    style, least = app.style().name(), header.minimumSectionSize()
    app.setStyle("Windows")  # a larger least width of a section: Qt widens the narrower
    assert header.minimumSectionSize() > least and header.sectionSize(1) > least
    QApplication.processEvents()
    app.setStyle(style)
    page.columns.set_visible(3, False)
    page.columns.set_visible(3, True)
    QApplication.processEvents()
    assert page.columns.widths == {}
    assert page.columns.order[0] == last  # the move is the user's


class CountingModel(QAbstractTableModel):
    """A million rows; counts the cells asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 1_000_000

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 4

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        self.asked += 1
        return f"row {index.row()} " + "x" * index.column() * 10

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return f"column {section}"
        return None


def test_fitting_measures_the_first_rows_only_and_pads_text_and_title_alike(qtbot):
    model = CountingModel()
    view = make_table(model)
    qtbot.addWidget(view)
    fit_columns(view, 400)
    assert model.asked <= 4 * view.horizontalHeader().resizeContentsPrecision()
    header, metrics = view.horizontalHeader(), view.fontMetrics()
    widest = metrics.horizontalAdvance("row 10 " + "x" * 30)
    assert widest + ROOM < header.sectionSize(3) <= widest + ROOM + 12
    user_columns(view).set_visible(1, False)  # the menu's change: no row more than a fit
    header.resizeSection(0, 40)
    fit_columns(view, {2: 50}, texts={0: ["a much longer text than any row"], 2: ["x" * 90]})
    assert header.sectionSize(0) == 40  # the user's
    assert header.sectionSize(2) == 50  # capped
    assert model.asked <= 8 * header.resizeContentsPrecision()
