"""What the window adds on top of the flows: the cost summary, a case's price, retry and
refund panels, restoring one dismissed stream, the documents' font, the charts stacked
by case in one language, the watch-word and settings dialogs, keyboard shortcuts."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from qiake_auditor.app import Audit
from qiake_auditor.gui import document_font
from qiake_auditor.gui.dialogs import SettingsDialog, WatchDialog

from .test_main_window import qiake_item, wait_loaded

pytestmark = pytest.mark.gui

CHINESE_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def test_the_summary_line_gives_subscriptions_monthly_and_yearly_cost(qtbot, window):
    wait_loaded(qtbot, window, window.open_demo)
    summary = window.cases_view.summary.text()
    # 腾讯视频 ¥25 x 12 + 洽客 ¥29 x 12 + 洽客 ¥1,980 yearly (both charged after the cancellation)
    assert "3 项订阅仍在扣费，每月 ¥219.00，每年 ¥2,628.00" in summary
    paid = sum(c.totals["CNY"].paid for c in window.view.snapshot.cases)
    assert paid >= Decimal("5274.00")  # 洽客 alone took ¥5,274.00
    assert f"共付 ¥{paid:,.2f}" in summary
    assert "取消后仍被扣 ¥2,125.00" in summary
    detail = window.detail.toPlainText()
    assert "仍在扣费的订阅 2 项：每月 ¥194.00，每年 ¥2,328.00" in detail


def test_price_history_retries_and_refunds_panels(qtbot, window):
    wait_loaded(qtbot, window, window.open_demo)
    case, _item = qiake_item(window)
    stream = case.streams[1]  # 洽客科技 monthly, ¥29.00
    first = case.charges[0]
    changed = dataclasses.replace(
        case,
        streams=[
            dict(
                stream,
                price_history=[
                    {"from": "2025-01-12", "amount": "19.00", "count": 3},
                    {"from": "2025-04-12", "amount": "29.00", "count": 8},
                ],
                charges=[
                    *stream["charges"],
                    {
                        "date": "2025-03-12",
                        "amount": "29.00",
                        "state": "failed",
                        "role": "retry",
                        "source": "a.csv",
                        "source_row": 41,
                    },
                ],
            )
        ],
        refunds=[dataclasses.replace(first, state="refund", amount=Decimal("99.50"))],
    )
    detail = window.case_detail
    detail.show_case(changed, "")
    assert detail.side.tabText(detail.side.count() - 1) == "价格、重试、退款"
    titles = [box.title() for box in detail.history_boxes]
    assert titles == ["价格变化（1）", "失败与重试（1）", "退款（1）"]
    prices = detail.prices
    assert [prices.item(1, c).text() for c in range(5)] == [
        "洽客科技",
        "2025-04-12",
        "¥29.00",
        "8",
        "+¥10.00",
    ]
    assert [detail.attempts.item(0, c).text() for c in (0, 2, 3, 4, 5)] == [
        "2025-03-12",
        "¥29.00",
        "失败，之后重试成功",
        "a.csv",
        "41",
    ]
    assert detail.refunds.item(0, 1).text() == "¥99.50"
    assert detail.refunds.item(0, 3).text() == first.source
    assert detail.refunds.item(0, 4).text() == str(first.source_row)


def _dismiss(qtbot, window, merchant: str) -> str:
    for index in range(window.cases_view.tree.topLevelItemCount()):
        item = window.cases_view.tree.topLevelItem(index)
        for child in (item.child(i) for i in range(item.childCount())):
            if child.text(0) == merchant:
                window.cases_view.tree.setCurrentItem(child)
                stream_id = window.cases_view.current_stream_id()
                with qtbot.waitSignal(window.loaded, timeout=60000):
                    window.dismiss_stream()
                return stream_id
    raise AssertionError(f"no stream {merchant}")


def test_one_chosen_dismissed_stream_is_restored(qtbot, window, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    video = _dismiss(qtbot, window, "腾讯视频")
    mobile = _dismiss(qtbot, window, "中国移动")
    message_mock.choose_answers.append(1)  # the list is by merchant: 中国移动, 腾讯视频
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.restore_dismissed_action.trigger()
    kind, _title, listed = message_mock.shown[-1]
    assert kind == "choose"
    assert listed.splitlines() == ["中国移动 · 每月 · ¥100.00", "腾讯视频 · 每月 · ¥25.00"]
    shown = {s["id"] for s in window.view.snapshot.streams}
    assert video in shown and mobile not in shown
    with Audit.open(window.workspace_path, read_only=True) as audit:
        assert audit.dismissed() == {mobile}


def test_nothing_dismissed_says_so(qtbot, window, message_mock):
    wait_loaded(qtbot, window, window.open_demo)
    window.restore_dismissed()
    assert message_mock.shown[-1][0] == "info" and "没有已忽略的项" in message_mock.shown[-1][2]


def test_the_documents_font_is_checked_stored_and_passed_to_the_builder(
    qtbot, window, tmp_path, message_mock, monkeypatch
):
    not_a_font = tmp_path / "font.ttf"
    not_a_font.write_text("not a font", encoding="utf-8")
    wait_loaded(qtbot, window, window.open_demo)
    message_mock.settings_answers.append(("", 7, str(not_a_font)))
    window.edit_settings()
    assert message_mock.shown[-1][0] == "error" and str(not_a_font) in message_mock.shown[-1][2]
    assert document_font.chosen() == ""
    if not CHINESE_FONT.is_file():
        pytest.skip("no WenQuanYi font on this machine")
    message_mock.settings_answers.append(("", 7, str(CHINESE_FONT)))
    window.edit_settings()
    assert QSettings().value(document_font.SETTING) == str(CHINESE_FONT)

    from qiake_auditor.gui import evidence
    from qiake_auditor.gui.evidence import EvidenceAnswer

    if evidence.builder() is None:
        pytest.skip("the evidence builder is not in this tree")
    asked: list[str] = []
    real_choice = document_font.choice

    def recording_choice(path: str):
        asked.append(path)
        return real_choice(path)

    monkeypatch.setattr(document_font, "choice", recording_choice)
    message_mock.evidence_answers.append(EvidenceAnswer(name="张三"))
    message_mock.file_answers.append(str(tmp_path / "证据.zip"))
    with qtbot.waitSignal(window.loaded, timeout=120000):
        window.export_evidence()
    assert asked == [str(CHINESE_FONT)]
    assert (tmp_path / "证据.zip").is_file()


def test_the_settings_dialog_returns_language_notice_and_font(qtbot):
    dialog = SettingsDialog("en", 10, "/fonts/a.ttf")
    qtbot.addWidget(dialog)
    assert dialog.answer() == ("en", 10, "/fonts/a.ttf")
    dialog.font.clear()
    dialog.notice.setValue(3)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    assert dialog.answer() == ("zh", 3, "")


def test_the_watch_dialog_adds_and_removes_words(qtbot):
    dialog = WatchDialog(["洽客", "爱奇艺"])
    qtbot.addWidget(dialog)
    dialog.word.setText("优酷")  # QTest types ASCII only
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    buttons["添加"].click()
    dialog.list.setCurrentRow(0)
    dialog.list.item(0).setSelected(True)
    buttons["删除所选"].click()
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == ["爱奇艺", "优酷"]
    assert (dialog.added, dialog.removed) == (["优酷"], ["洽客"])


def _chart_words(figure) -> list[str]:
    import io

    from matplotlib.text import Text

    figure.savefig(io.BytesIO(), format="png")
    return [t.get_text() for t in figure.findobj(Text) if t.get_text().strip()]


def test_the_overview_stacks_the_cases_in_the_window_language(qtbot, window):
    wait_loaded(qtbot, window, window.open_demo)
    axes = window.overview.figure.axes[0]
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    names = [c.merchant for c in window.view.snapshot.cases]
    assert sorted(legend[:-1]) == sorted(names) and legend[-1] == "取消后扣款"
    words = _chart_words(window.overview.figure)
    for name in names:
        words = [w.replace(name, "") for w in words]
    assert not [w for w in words if re.search(r"[A-Za-z]{2,}", w.replace("CNY", ""))]
    window.case_detail.chart_kind.setCurrentIndex(1)  # cumulative
    assert "累计扣费" in window.chart.figure.axes[0].get_title(loc="left")


def test_the_english_window_draws_english_charts_and_summary(qtbot, tmp_path, qapp, message_mock):
    from qiake_auditor.gui import lang
    from qiake_auditor.gui.main_window import MainWindow

    lang.install(qapp, "en")
    window = MainWindow(tmp_path / "w.sqlite")
    qtbot.addWidget(window)
    window.show()
    wait_loaded(qtbot, window, window.open_demo)
    summary = window.cases_view.summary.text()
    assert "3 subscriptions still charging, ¥219.00 a month, ¥2,628.00 a year" in summary
    words = _chart_words(window.overview.figure) + _chart_words(window.chart.figure)
    names = [c.merchant for c in window.view.snapshot.cases] + ["深圳洽客科技有限公司"]
    for name in sorted(names, key=len, reverse=True):
        words = [w.replace(name, "") for w in words]
    assert not [w for w in words if re.search(r"[\u4e00-\u9fff]", w)]
    assert "after cancellation" in words
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)


def test_keyboard_shortcuts_reach_the_main_actions(qtbot, window):
    shortcuts = {
        window.open_action: "Ctrl+O",
        window.cancel_action: "Ctrl+K",
        window.log_action: "Ctrl+L",
        window.evidence_action: "Ctrl+Shift+E",
        window.export_action: "Ctrl+E",
        window.save_chart_action: "Ctrl+Shift+S",
        window.find_action: "Ctrl+F",
        window.demo_action: "Ctrl+Shift+D",
    }
    for action, keys in shortcuts.items():
        assert action.shortcut().toString() == keys, action.text()
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.overview
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0


def test_the_evidence_dialog_names_the_pdf_font_and_collects_the_answer(qtbot):
    from PySide6.QtWidgets import QLabel

    from qiake_auditor.gui.evidence import EvidenceDialog

    document_font.save("/fonts/chosen.ttc")
    dialog = EvidenceDialog("洽客科技", ["客服截图.png"])
    qtbot.addWidget(dialog)
    assert "/fonts/chosen.ttc" in [label.text() for label in dialog.findChildren(QLabel)]
    dialog.name.setText("张三")
    dialog.purpose.setCurrentIndex(1)
    answer = dialog.answer()
    assert (answer.name, answer.business, answer.lang) == ("张三", True, "zh")
