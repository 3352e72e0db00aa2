"""The main window, driven headless through its real flows: demo, drops, cases and their
decisions, the case log, restart, cancel, passwords, bad files, column mapping."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import pyzipper
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from qiake_auditor.app import Audit
from qiake_auditor.app import demo as app_demo
from qiake_auditor.gui.cases_view import FLAGS, NEXT, PAID, POS, STATUS
from qiake_auditor.gui.dialogs import LogEntryAnswer
from qiake_auditor.gui.main_window import MainWindow
from qiake_auditor.workspace import Workspace

pytestmark = pytest.mark.gui

ALIPAY_DEMO = "支付宝交易明细(20240601-20251130).csv"


def demo_file(name: str) -> Path:
    path = next((p for p in app_demo.demo_files() if p.name == name), None)
    assert path is not None, f"demo statement {name} missing from {app_demo.demo_dir()}"
    return path


def wait_loaded(qtbot, window, start) -> None:
    with qtbot.waitSignal(window.loaded, timeout=60000):
        assert start() is not False
    assert not window.busy


def drop(target, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(QPoint(30, 30)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)


def qiake_item(window):
    case = next(c for c in window.view.snapshot.cases if "洽客" in c.merchant)
    return case, window.cases_view.case_item(case.id)


def test_the_demo_opens_on_the_qiake_case_with_its_badge_and_totals(qtbot, window, message_mock):
    user_workspace = window.workspace_path
    wait_loaded(qtbot, window, window.open_demo)
    assert window.workspace_path == app_demo.default_demo_path() != user_workspace
    assert not user_workspace.exists()  # the user's workspace is never touched
    assert "演示工作区" in window.windowTitle()
    assert [window.tabs.tabText(i) for i in range(3)] == ["案件", "全部交易", "每月总览"]
    assert window.tabs.currentIndex() == 0
    case = window.selected_case()
    assert "洽客" in case.merchant
    _case, item = qiake_item(window)
    assert item.text(POS[PAID]) == "¥5,274.00"
    assert item.text(POS[FLAGS]).startswith("⚠ 取消后仍扣款 ¥2,125.00")
    assert item.childCount() == len(case.streams) == 3
    detail = window.detail.toPlainText()
    assert "¥5,274.00" in detail and "¥2,125.00" in detail and "取消后仍在扣款" in detail
    assert "取消后仍被扣 ¥2,125.00" in window.cases_view.summary.text()
    model = window.case_detail.charges_model
    after_rows = [
        r for r in range(model.rowCount()) if "取消后仍扣款" in model.data(model.index(r, 3))
    ]
    assert all(
        model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole) is not None
        for r in after_rows
    )
    assert len(after_rows) == len(case.after) >= 1
    # A cancelled stream shows no next charge.
    assert all(
        item.child(i).text(POS[NEXT]) == "—"
        for i in range(item.childCount())
        if item.child(i).text(POS[STATUS]) == "已取消"
    )
    assert window.files_list.count() == 3
    assert "error" not in message_mock.kinds()


def test_drop_import_decide_log_and_find_it_all_again_after_a_restart(
    qtbot, window, tmp_path, message_mock
):
    copies = []
    for source in app_demo.demo_files():
        copy = tmp_path / "bills" / source.name
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(source, copy)
        copies.append(copy)
    with qtbot.waitSignal(window.loaded, timeout=60000):
        drop(window, [tmp_path / "bills"])  # a folder: its statements
    assert window.files_list.count() == 3
    assert message_mock.kinds() == ["info"]  # the import summary, per file
    summary = message_mock.shown[0][2]
    assert all(p.name in summary for p in copies) and "新增" in summary
    case, item = qiake_item(window)
    assert case.cancelled_on is None and not case.after
    window.cases_view.select_case(case.id)
    assert window.selected_case().id == case.id
    # Record the cancellation: the after-cancellation badge and total appear.
    message_mock.date_answers.append(date(2025, 6, 20))
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.case_detail.buttons["cancel"].click()
    case, item = qiake_item(window)
    assert case.cancelled_on == date(2025, 6, 20)
    assert item.text(POS[FLAGS]).startswith("⚠ 取消后仍扣款 ¥2,125.00")
    assert window.selected_case().id == case.id
    assert "¥2,125.00" in window.detail.toPlainText()
    # A case-log entry with an attachment dropped on the log.
    shot = tmp_path / "客服截图.png"
    shot.write_bytes(b"\x89PNG fake screenshot bytes")
    message_mock.log_answers.append(
        LogEntryAnswer("merchant", "客服答应退款", "T-1001", "等待退款", date(2025, 12, 1), [shot])
    )
    with qtbot.waitSignal(window.loaded, timeout=60000):
        drop(window.case_detail.log, [shot])
    assert message_mock.shown[-1][0] == "ask_log_entry" and str(shot) in message_mock.shown[-1][2]
    case = window.selected_case()
    entry = next(e for e in case.log if e.kind == "contact")
    assert (entry.summary, entry.ticket, entry.outcome) == ("客服答应退款", "T-1001", "等待退款")
    assert [a.name for a in entry.attachments] == ["客服截图.png"]
    logged = [window.case_detail.log.item(i).text() for i in range(window.case_detail.log.count())]
    assert any("T-1001" in t for t in logged) and any("客服截图.png" in t for t in logged)
    # Status and the guidance checklist.
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.case_detail.buttons["disputed"].click()
    window.case_detail.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    # Restart from the workspace: everything is there again.
    path = window.workspace_path
    window.close()
    again = MainWindow(path)
    qtbot.addWidget(again)
    again.show()
    wait_loaded(qtbot, again, again.reload)
    case = again.selected_case()
    assert "洽客" in case.merchant and case.cancelled_on == date(2025, 6, 20)
    assert case.status == "disputed" and case.checklist == ["alipay_autorenew"]
    _case, item = qiake_item(again)
    assert item.text(POS[PAID]) == "¥5,274.00"
    assert item.text(POS[FLAGS]).startswith("⚠ 取消后仍扣款 ¥2,125.00")
    assert "¥5,274.00" in again.detail.toPlainText() and "¥2,125.00" in again.detail.toPlainText()
    entry = next(e for e in case.log if e.kind == "contact")
    with Audit.open(path, read_only=True) as audit:
        assert audit.attachment(entry.attachments[0].id) == shot.read_bytes()
    assert again.files_list.count() == 3
    assert again.case_detail.checklist.item(0).checkState() == Qt.CheckState.Checked
    # Saving the attachment back out gives the same bytes.
    message_mock.file_answers.append(str(tmp_path / "saved.png"))
    again.case_detail.attachment_requested.emit(entry.attachments[0].id)
    assert (tmp_path / "saved.png").read_bytes() == shot.read_bytes()
    again.close()


def test_stop_before_the_commit_leaves_the_workspace_as_it_was(qtbot, window, message_mock):
    wait_loaded(qtbot, window, lambda: window.import_files([demo_file(ALIPAY_DEMO)]))
    with Workspace(window.workspace_path) as space:
        rows_before, files_before = space.row_count(), len(space.files())
    message_mock.shown.clear()
    # Stop as soon as the import starts (before any commit can happen).
    window.busy_changed.connect(lambda busy: busy and window.stop())
    assert window.import_files(app_demo.demo_files())
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    assert message_mock.shown == [("info", "导入", "已停止，工作区没有改变。")]
    with Workspace(window.workspace_path) as space:
        assert (space.row_count(), len(space.files())) == (rows_before, files_before)


def test_an_import_already_saved_says_so_when_stopped(qtbot, window, message_mock, monkeypatch):
    from qiake_auditor.gui import tasks

    real = tasks.import_files

    def late_stop(*args, progress, **kwargs):
        original = progress.cancelled
        progress.cancelled = lambda: progress._done >= 0.75 or original()  # after the commit
        return real(*args, progress=progress, **kwargs)

    monkeypatch.setattr(tasks, "import_files", late_stop)
    wait_loaded(qtbot, window, lambda: window.import_files([demo_file(ALIPAY_DEMO)]))
    assert message_mock.shown[-1] == ("info", "导入", "导入在停止前已经完成并保存。")
    with Workspace(window.workspace_path) as space:
        assert space.row_count() == window.ledger_model.rowCount() > 100
    assert window.files_list.count() == 1


def test_the_progress_bar_only_moves_forward(qtbot, window, message_mock):
    values = []
    window.progress_bar.valueChanged.connect(values.append)
    wait_loaded(qtbot, window, lambda: window.import_files([demo_file(ALIPAY_DEMO)]))
    assert values and values == sorted(values)
    assert window.progress_bar.format().startswith("正在导入")


def test_encrypted_zip_asks_for_the_password_through_the_seam(
    qtbot, window, tmp_path, message_mock
):
    archive = tmp_path / "alipay.zip"
    with pyzipper.AESZipFile(
        archive, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
    ) as zipped:
        zipped.setpassword(b"123456")
        zipped.write(demo_file(ALIPAY_DEMO), "alipay.csv")
    message_mock.text_answers.append("123456")
    with qtbot.waitSignal(window.loaded, timeout=60000):
        drop(window, [archive])
    assert message_mock.kinds()[0] == "ask_text:secret"
    assert window.files_list.count() == 1
    assert set(window.ledger_model.frame["source"]) == {"alipay.zip/alipay.csv"}


def test_a_bad_file_is_reported_by_name_and_changes_nothing(qtbot, window, tmp_path, message_mock):
    bad = tmp_path / "not-a-statement.bin"
    bad.write_bytes(b"\x00\x01\x02binary" * 50)
    window.import_files([bad])
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    assert message_mock.kinds() == ["error"]
    assert "not-a-statement.bin" in message_mock.shown[0][2]
    assert "工作区没有改变" in message_mock.shown[0][2]
    assert window.ledger_model.rowCount() == 0
    with Workspace(window.workspace_path) as space:
        assert space.row_count() == 0


UNKNOWN = (
    "Buchungstag,Umsatz,Verwendungszweck,Empfaenger\n"
    "2025-01-05,-29.00,Abo Januar,Streamly\n2025-02-05,-29.00,Abo Februar,Streamly\n"
    "2025-03-05,-29.00,Abo Maerz,Streamly\n"
)


def test_an_unrecognised_file_opens_the_column_mapping_which_is_remembered(
    qtbot, window, tmp_path, message_mock
):
    first = tmp_path / "konto.csv"
    first.write_text(UNKNOWN, encoding="utf-8")
    message_mock.mapping_answers.append(
        {
            "date": "Buchungstag",
            "amount": "Umsatz",
            "description": "Verwendungszweck",
            "counterparty": "Empfaenger",
        }
    )
    window.import_files([first])
    qtbot.waitUntil(lambda: window.files_list.count() == 1 and not window.busy, timeout=60000)
    asked = message_mock.mapping_asked[0]
    assert asked["name"] == "konto.csv"
    assert asked["header"] == ["Buchungstag", "Umsatz", "Verwendungszweck", "Empfaenger"]
    assert asked["rows"][0] == ["2025-01-05", "-29.00", "Abo Januar", "Streamly"]
    assert window.ledger_model.rowCount() == 3
    # The next file with the same header imports without asking.
    second = tmp_path / "konto-april.csv"
    second.write_text(UNKNOWN + "2025-04-05,-29.00,Abo April,Streamly\n", encoding="utf-8")
    wait_loaded(qtbot, window, lambda: window.import_files([second]))
    assert message_mock.kinds().count("ask_mapping") == 1
    assert window.ledger_model.rowCount() == 4


def test_the_mapping_dialog_shows_the_preview_and_the_guess(qtbot, tmp_path):
    from qiake_auditor.gui.dialogs import MappingDialog
    from qiake_auditor.gui.mapping import preview

    path = tmp_path / "bank.csv"
    path.write_text("说明行\n交易日期,金额,摘要,其他\n2025-01-01,10.00,会员,x\n", encoding="utf-8")
    shown = preview(path)
    assert shown.header == ["交易日期", "金额", "摘要", "其他"]
    assert shown.guessed == {"date": "交易日期", "amount": "金额", "description": "摘要"}
    dialog = MappingDialog(shown.name, shown.header, shown.rows, shown.guessed, shown.fields)
    qtbot.addWidget(dialog)
    assert dialog.preview.item(0, 1).text() == "10.00"
    assert dialog.mapping() == {"date": "交易日期", "amount": "金额", "description": "摘要"}
    dialog.choices["counterparty"].setCurrentIndex(dialog.choices["counterparty"].findData("其他"))
    assert dialog.mapping()["counterparty"] == "其他"


def test_a_file_imported_twice_is_explained(qtbot, window, message_mock):
    wait_loaded(qtbot, window, lambda: window.import_files([demo_file(ALIPAY_DEMO)]))
    wait_loaded(qtbot, window, lambda: window.import_files([demo_file(ALIPAY_DEMO)]))
    assert "已经导入过" in message_mock.shown[-1][2]


def test_dismiss_and_undo(qtbot, window, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    case, item = qiake_item(window)
    stream = item.child(0)
    window.cases_view.tree.setCurrentItem(stream)
    stream_id = window.cases_view.current_stream_id()
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.dismiss_stream()
    case, item = qiake_item(window)
    assert stream_id not in {s["id"] for s in case.streams}
    assert window.undo_dismiss_action.isEnabled()
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.undo_dismiss_action.trigger()
    case, item = qiake_item(window)
    assert stream_id in {s["id"] for s in case.streams}


def test_marking_unknown_warns_about_account_security(qtbot, window, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.case_detail.buttons["unrecognised"].click()
    assert message_mock.shown[-1][0] == "warning" and "密码" in message_mock.shown[-1][2]
    assert window.selected_case().status == "unrecognised"
    assert "不认识这个商户" in window.detail.toPlainText()


def test_watch_words_are_listed_added_and_removed(qtbot, window, message_mock):
    message_mock.watch_answers.append((["爱奇艺"], ["洽客"]))
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.edit_watch_words()
    assert message_mock.shown[0] == ("edit_watch", "", "洽客")
    with Audit.open(window.workspace_path) as audit:
        assert audit.watch_words() == ["爱奇艺"]


def test_export_evidence_says_when_the_builder_is_not_there(
    qtbot, window, message_mock, monkeypatch
):
    from qiake_auditor.gui import evidence

    monkeypatch.setattr(evidence, "builder", lambda: None)
    wait_loaded(qtbot, window, window.open_demo)
    window.case_detail.buttons["export"].click()
    assert message_mock.shown[-1][0] == "info" and "证据" in message_mock.shown[-1][2]


def test_the_demo_workspace_refuses_imports_and_workspaces_are_recent(
    qtbot, window, tmp_path, message_mock
):
    from qiake_auditor.gui import workspaces

    wait_loaded(qtbot, window, window.open_demo)
    assert window.import_files([demo_file(ALIPAY_DEMO)]) is False
    assert message_mock.shown[-1][0] == "info"
    mine = tmp_path / "客户A.sqlite"
    message_mock.file_answers.append(str(mine))
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.new_workspace()
    assert window.workspace_path == mine and not window.is_demo
    assert workspaces.recent()[0] == mine and workspaces.last() == mine
    assert app_demo.default_demo_path() in workspaces.recent()


def test_activating_an_imported_file_lists_its_transactions(qtbot, window, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    item = window.files_list.item(0)
    name = item.data(Qt.ItemDataRole.UserRole)
    window.files_list.itemActivated.emit(item)
    assert window.tabs.currentWidget() is window.ledger_page
    frame = window.ledger_model.frame
    shown = {
        frame.at[window.ledger_model.source_row(r), "source"]
        for r in range(window.ledger_model.rowCount())
    }
    assert shown == {name}
    assert f"{window.ledger_model.rowCount()} 行" in item.text()


def test_a_charge_opens_its_ledger_row(qtbot, window, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    case = window.selected_case()
    last = len(case.charges) - 1
    model = window.case_detail.charges_model
    window.charges.doubleClicked.emit(model.index(model.view_row(last), 0))
    assert window.tabs.currentWidget() is window.ledger_page
    row = window.ledger_view.currentIndex().row()
    shown = window.ledger_model.frame.loc[window.ledger_model.source_row(row)]
    charge = case.charges[last]
    assert (shown["source"], int(shown["source_row"])) == (charge.source, charge.source_row)


def test_the_overview_charts_and_lists_upcoming_charges(qtbot, window, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    axes = window.overview.figure.axes[0]
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert any("洽客" in text for text in legend)
    table = window.overview.upcoming
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert all(r[0] >= "2025-11-30" for r in rows)
    assert not any(r[3] == "已取消" for r in rows)  # a cancelled stream expects nothing


def test_save_chart_offers_png_svg_and_pdf(qtbot, window, tmp_path, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    message_mock.file_answers.append(str(tmp_path / "chart.pdf"))
    window.save_chart()
    assert "PDF (*.pdf)" in message_mock.shown[-1][2] and "SVG (*.svg)" in message_mock.shown[-1][2]
    assert (tmp_path / "chart.pdf").read_bytes().startswith(b"%PDF")


def test_a_chart_that_cannot_be_saved_says_why_in_chinese(qtbot, window, tmp_path, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    (tmp_path / "a.csv").write_text("mine", encoding="utf-8")
    message_mock.file_answers.append(str(tmp_path / "a.csv" / "chart.png"))
    window.save_chart()
    kind, title, said = message_mock.shown[-1][:3]
    assert (kind, title) == ("error", "保存失败")
    assert said == f"{tmp_path / 'a.csv'}：已经有同名的文件或文件夹"  # where a folder must go
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "mine"  # the file untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]


def test_about_names_the_version_licence_and_places(qtbot, window, message_mock):
    window.show_about()
    kind, _title, html = message_mock.shown[-1]
    assert kind == "about" and "Apache-2.0" in html and str(window.workspace_path) in html


def test_export_evidence_from_the_window(qtbot, window, tmp_path, message_mock):
    from qiake_auditor.gui import evidence
    from qiake_auditor.gui.evidence import EvidenceAnswer

    if evidence.builder() is None:
        pytest.skip("the evidence builder is not in this tree")
    wait_loaded(qtbot, window, window.open_demo)
    message_mock.evidence_answers.append(EvidenceAnswer(name="张三", phone="13800000000"))
    message_mock.file_answers.append(str(tmp_path / "证据.zip"))
    with qtbot.waitSignal(window.loaded, timeout=120000):
        window.case_detail.buttons["export"].click()
    _kind, _title, text = next(m for m in message_mock.shown if m[1] == "证据包已生成")
    package = tmp_path / "证据.zip"
    assert package.is_file() and str(package) in text
    import hashlib

    assert hashlib.sha256(package.read_bytes()).hexdigest() in text
    case = window.selected_case()
    assert any(e.kind == "export" for e in case.log)
