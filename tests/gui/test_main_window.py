"""The main window, driven headless: demo data, drops, passwords, errors, decisions."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import pyzipper
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from qiake_auditor import demo
from qiake_auditor.workspace import Workspace

pytestmark = pytest.mark.gui

QIAKE = "深圳洽客科技有限公司"
ALIPAY_DEMO = "支付宝交易明细(20240601-20251130).csv"


def demo_file(name: str) -> Path:
    path = next((p for p in demo.demo_files() if p.name == name), None)
    assert path is not None, f"demo statement {name} missing from {demo.demo_dir()}"
    return path


def wait_loaded(qtbot, window, start) -> None:
    with qtbot.waitSignal(window.loaded, timeout=60000):
        assert start() is not False
    assert not window.busy


def drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(QPoint(300, 300)), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_window_opens_on_the_demo_statements(qtbot, window, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    with Workspace(window.workspace_path) as space:
        stored_rows = space.row_count()
        assert space.decisions("cancelled") == {QIAKE: "2025-06-20"}
    assert stored_rows > 100
    assert window.ledger_model.rowCount() == stored_rows
    assert window.files_list.count() == len(demo.demo_files()) == 3
    merchants = set(window.ledger_model.frame["merchant"])
    assert QIAKE in merchants
    assert f"{stored_rows} 笔交易" in window.counts_label.text()
    assert window.tabs.tabText(0) == "订阅与周期扣费"
    assert window.tabs.tabText(1) == "全部交易"
    # The stream charged most often after its cancellation is selected, with its chart.
    stream = window.selected_stream()
    assert "洽客" in stream["merchant"]
    assert "after_cancellation" in stream["flags"]
    assert window.chart.showing == stream["merchant"]
    assert window.charges.rowCount() == len(stream["charges"])
    alert_rows = [r for r in range(window.charges.rowCount())
                  if "取消后扣款" in window.charges.item(r, 5).text()]
    after = [c for c in stream["charges"] if "after_cancellation" in c["flags"]]
    assert len(alert_rows) == len(after) >= 1
    assert all(c["date"] > "2025-06-20" for c in after)
    assert "个取消后仍扣款" in window.counts_label.text()
    assert [k for k in message_mock.kinds() if k == "error"] == []


def test_dropping_a_statement_imports_it(qtbot, window, tmp_path, message_mock):
    copy = tmp_path / "我的账单.csv"
    shutil.copyfile(demo_file(ALIPAY_DEMO), copy)
    with qtbot.waitSignal(window.loaded, timeout=60000):
        drop(window, [copy])
    assert window.files_list.count() == 1
    assert "我的账单.csv" in window.files_list.item(0).text()
    assert set(window.ledger_model.frame["source"]) == {"我的账单.csv"}
    assert window.ledger_model.rowCount() > 100
    assert "error" not in message_mock.kinds()


def test_encrypted_zip_asks_for_the_password_through_the_seam(qtbot, window, tmp_path,
                                                               message_mock):
    archive = tmp_path / "alipay.zip"
    with pyzipper.AESZipFile(archive, "w", compression=pyzipper.ZIP_DEFLATED,
                             encryption=pyzipper.WZ_AES) as zipped:
        zipped.setpassword(b"123456")
        zipped.write(demo_file(ALIPAY_DEMO), "alipay.csv")
    message_mock.text_answers.append("123456")
    with qtbot.waitSignal(window.loaded, timeout=60000):
        drop(window, [archive])
    assert message_mock.kinds() == ["ask_text:secret"]
    assert window.files_list.count() == 1
    assert set(window.ledger_model.frame["source"]) == {"alipay.zip/alipay.csv"}


def test_a_bad_file_is_reported_by_name_and_changes_nothing(qtbot, window, tmp_path,
                                                            message_mock):
    bad = tmp_path / "not-a-statement.csv"
    bad.write_text("hello,world\n1,2\n", encoding="utf-8")
    window.import_files([bad])
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    kinds = message_mock.kinds()
    assert kinds == ["error"]
    assert "not-a-statement.csv" in message_mock.shown[0][2]
    assert window.ledger_model.rowCount() == 0
    with Workspace(window.workspace_path) as space:
        assert space.row_count() == 0


def test_recording_a_cancellation_rescans(qtbot, window, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    with Workspace(window.workspace_path) as space:
        space.remove_decision("cancelled", QIAKE)
    wait_loaded(qtbot, window, window.reload)
    row = window.streams_model.row_of_merchant(QIAKE)
    assert not window.streams_model.is_alert(row)
    window.streams_view.selectRow(row)
    message_mock.date_answers.append(date(2025, 3, 1))
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.record_cancellation()
    with Workspace(window.workspace_path) as space:
        assert space.decisions("cancelled")[QIAKE] == "2025-03-01"
    stream = window.selected_stream()
    assert stream["merchant"] == QIAKE
    assert "after_cancellation" in stream["flags"]
    assert window.streams_model.is_alert(window.streams_view.currentIndex().row())
    after = [c for c in stream["charges"] if "after_cancellation" in (c.get("flags") or [])]
    assert after and all(c["date"] > "2025-03-01" for c in after)


def test_without_the_detector_the_ledger_still_shows(qtbot, window, message_mock,
                                                     monkeypatch):
    monkeypatch.setattr(demo, "detector", lambda: None)
    wait_loaded(qtbot, window, window.open_demo)
    assert window.ledger_model.rowCount() > 100
    assert window.streams_model.rowCount() == 0
    assert "检测模块不可用" in window.counts_label.text()
    assert "检测模块不可用" in window.detail.toPlainText()
    assert "error" not in message_mock.kinds()


def test_adding_a_watch_word_is_stored(qtbot, window, message_mock):
    message_mock.text_answers.append("  洽客 ")
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.add_watch_word()
    with Workspace(window.workspace_path) as space:
        assert "洽客" in space.decisions("watch")
    assert window.snapshot.watch == ["洽客"]


def test_cancelling_the_question_stores_nothing(qtbot, window, message_mock):
    message_mock.text_answers.append(None)
    window.add_watch_word()
    assert not window.busy
    with Workspace(window.workspace_path) as space:
        assert space.decisions("watch") == {}


def test_ledger_search_and_jump_from_a_charge_to_its_ledger_row(qtbot, window,
                                                                message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    page = window.ledger_page
    total = window.ledger_model.rowCount()
    page.search.setText("洽客")
    page.apply_search()
    frame = window.ledger_model.frame
    shown = [frame.loc[window.ledger_model.source_row(r)]
             for r in range(window.ledger_model.rowCount())]
    assert 0 < len(shown) < total
    assert all("洽客" in "|".join(map(str, row.tolist())) for row in shown)
    expected = sum("洽客" in "|".join(map(str, r)) for r in frame.itertuples(index=False))
    assert len(shown) == expected
    assert page.matches.text() == f"{window.ledger_model.rowCount()} / {total} 笔"
    # Double-clicking the last charge of the selected stream shows its ledger row.
    stream = window.selected_stream()
    last = len(stream["charges"]) - 1
    charge = stream["charges"][last]
    window.charges.cellDoubleClicked.emit(last, 0)
    assert window.tabs.currentWidget() is page
    assert page.search.text() == "" and window.ledger_model.rowCount() == total
    row = window.ledger_view.currentIndex().row()
    shown = window.ledger_model.frame.loc[window.ledger_model.source_row(row)]
    assert (shown["source"], int(shown["source_row"])) == (charge["source"],
                                                           int(charge["source_row"]))
    assert shown["amount"] == charge["amount"]


def test_dismissing_a_stream_removes_it_after_the_rescan(qtbot, window, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    stream = window.selected_stream()
    before = window.streams_model.rowCount()
    message_mock.ask_answers.append(True)
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.dismiss_stream()
    with Workspace(window.workspace_path) as space:
        assert space.decisions("dismissed") == {stream["id"]: stream["merchant"]}
    assert window.streams_model.rowCount() == before - 1
    assert stream["id"] not in {s["id"] for s in window.streams_model.streams}


def test_a_detection_failure_still_shows_the_ledger_and_says_why(qtbot, window,
                                                                  message_mock, monkeypatch):
    class Broken:
        @staticmethod
        def settings_from_workspace(workspace, **overrides):
            return None

        @staticmethod
        def scan(rows, settings, **options):
            raise KeyError("_cents")

    monkeypatch.setattr(demo, "detector", lambda: Broken)
    wait_loaded(qtbot, window, window.open_demo)
    assert window.ledger_model.rowCount() > 100
    assert window.streams_model.rowCount() == 0
    assert message_mock.kinds() == ["warning"]
    assert "KeyError: '_cents'" in message_mock.shown[0][2]


def test_stopping_an_import_leaves_the_workspace_as_it_was(qtbot, window, message_mock):
    assert window.import_files(demo.demo_files())
    window.stop()
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    assert message_mock.kinds() == []
    with Workspace(window.workspace_path) as space:
        assert space.row_count() == 0
    assert window.statusBar().currentMessage() == "已停止，工作区没有改变。"


def test_the_overview_tab_charts_monthly_spend(qtbot, window, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    assert [window.tabs.tabText(i) for i in range(3)] == ["订阅与周期扣费", "全部交易", "每月总览"]
    axes = window.overview.figure.axes[0]
    assert axes.get_title(loc="left").startswith("周期扣费每月金额")
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert any("洽客" in text for text in legend)
    assert not any("上海云杉" in text for text in legend)  # the salary is income
    # Upcoming charges within 45 days of the demo's as-of date 2025-11-30, by date.
    table = window.overview.upcoming
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert all("2025-11-30" < r[0] <= "2026-01-14" for r in rows)
    assert ["2025-12-12", "洽客科技", "CNY 29.00", "已取消", "—"] in rows
    assert not any(r[1] == "上海云杉信息技术有限公司" for r in rows)


def test_activating_an_imported_file_lists_its_transactions(qtbot, window, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    item = window.files_list.item(0)
    name = item.data(Qt.ItemDataRole.UserRole)
    window.files_list.itemActivated.emit(item)
    assert window.tabs.currentWidget() is window.ledger_page
    frame = window.ledger_model.frame
    shown = {frame.at[window.ledger_model.source_row(r), "source"]
             for r in range(window.ledger_model.rowCount())}
    assert shown == {name}
    assert window.ledger_model.rowCount() == int((frame["source"] == name).sum())
    assert f"{window.ledger_model.rowCount()} 行" in item.text()


def test_open_export_and_save_chart_go_through_the_seam(qtbot, window, tmp_path,
                                                        message_mock):
    message_mock.file_answers.append([str(demo_file(ALIPAY_DEMO))])
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.choose_files()
    rows = window.ledger_model.rowCount()
    message_mock.file_answers.append(str(tmp_path / "out" / "账目.csv"))
    window.export_ledger()
    text = (tmp_path / "out" / "账目.csv").read_text(encoding="utf-8-sig")
    assert len(text.strip().splitlines()) == rows + 1
    assert text.startswith("source,source_sha256,source_row")
    message_mock.file_answers.append(str(tmp_path / "chart.svg"))
    window.save_chart()
    assert (tmp_path / "chart.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    message_mock.file_answers.append(None)  # the user closes the save dialog
    window.export_ledger()
    assert message_mock.kinds() == ["open_files", "save_file", "save_file", "save_file"]
