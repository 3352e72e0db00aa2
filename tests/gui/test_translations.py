"""The window's translations: every string marked in the code is in the .ts, none
unfinished, the shipped .qm is up to date, and switching the language rebuilds the window."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from qiake_auditor.gui import lang

pytestmark = pytest.mark.gui

TS = lang.i18n_dir() / "qiake_auditor_en.ts"
GUI = Path(lang.__file__).parent


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def test_no_ts_entry_is_unfinished_or_empty():
    tree = ET.parse(TS)
    messages = list(tree.iter("message"))
    assert len(messages) > 150
    for message in messages:
        translation = message.find("translation")
        source = message.find("source").text
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        assert (translation.text or "").strip(), source
        # the same {n} placeholders on both sides
        assert sorted(p for p in range(10) if f"{{{p}}}" in source) == sorted(
            p for p in range(10) if f"{{{p}}}" in translation.text
        ), source


def test_every_marked_string_of_the_code_is_in_the_ts(tmp_path):
    tool = _tool("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [tool, *sorted(map(str, GUI.glob("*.py"))), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )

    def sources(path: Path) -> set[tuple[str, str]]:
        return {
            (c.find("name").text, m.find("source").text)
            for c in ET.parse(path).iter("context")
            for m in c.iter("message")
        }

    assert sources(fresh) - sources(TS) == set()


def test_the_qm_is_newer_than_the_ts():
    qm = TS.with_suffix(".qm")
    assert qm.is_file() and qm.stat().st_size > 1000


def test_english_window_and_qt_chinese_strings(qtbot, tmp_path, qapp):
    from PySide6.QtCore import QCoreApplication

    from qiake_auditor.gui.main_window import MainWindow

    assert lang.install(qapp, "en") == "en"
    window = MainWindow(tmp_path / "w.sqlite")
    qtbot.addWidget(window)
    assert [window.tabs.tabText(i) for i in range(3)] == [
        "Cases",
        "All transactions",
        "Monthly overview",
    ]
    assert window.ledger_page.search.placeholderText().startswith("Search")
    assert window.case_detail.buttons["cancel"].text() == "Record cancellation date…"
    lang.install(qapp, "zh")
    # Qt's own dialog strings come in Chinese.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_switching_the_language_rebuilds_the_window(qtbot, tmp_path, qapp, message_mock):
    from qiake_auditor.gui.app import Shell

    shell = Shell(qapp, tmp_path / "w.sqlite")
    old = shell.window
    qtbot.addWidget(old)
    old.show()
    old.switch_language("en")
    new = shell.window
    qtbot.addWidget(new)
    assert new is not old and lang.lang() == "en" and lang.chosen() == "en"
    assert new.tabs.tabText(0) == "Cases"
    qtbot.waitUntil(lambda: not new.busy, timeout=30000)
    new.switch_language("zh")
    newer = shell.window
    qtbot.addWidget(newer)
    assert newer.tabs.tabText(0) == "案件"
    qtbot.waitUntil(lambda: not newer.busy, timeout=30000)


def test_core_errors_are_shown_in_the_window_language(qapp):
    from qiake_auditor.errors import UserError

    error = UserError.of("input.missing", path="a.csv")
    lang.install(qapp, "en")
    assert lang.error_text(error) == "a.csv: no such file"
    lang.install(qapp, "zh")
    assert lang.error_text(error) == "a.csv：文件不存在"


def test_no_english_translation_has_chinese_punctuation():
    mixed = [
        message.find("source").text
        for message in ET.parse(TS).iter("message")
        if any(mark in (message.find("translation").text or "") for mark in "，；：（）、。！？")
    ]
    assert mixed == []


def test_the_about_text_uses_the_window_language_colon(qapp, tmp_path):
    from qiake_auditor.gui.dialogs import about_text

    lang.install(qapp, "en")
    english = about_text("1.0", tmp_path / "w.sqlite", tmp_path / "logs")
    lang.install(qapp, "zh")
    chinese = about_text("1.0", tmp_path / "w.sqlite", tmp_path / "logs")
    assert "Licence: Apache-2.0" in english and "：" not in english
    assert "许可证：Apache-2.0" in chinese


def test_charges_after_the_cancellation_are_counted_in_english(qtbot, tmp_path, qapp):
    from qiake_auditor.gui.main_window import MainWindow

    lang.install(qapp, "en")
    try:
        window = MainWindow(tmp_path / "w.sqlite")
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.loaded, timeout=60_000):
            window.open_demo()
        qtbot.waitUntil(lambda: not window.busy, timeout=30_000)
        text = window.case_detail.text.toPlainText()
        assert "After you cancelled on 2025-06-20, you were charged 6 more times" in text
        assert "time(s)" not in text
        case = window.selected_case()
        case.after = case.after[:1]
        window.case_detail.case = None  # shown again, now with one charge after
        window.case_detail.show_case(case, "")
        assert "you were charged once more" in window.case_detail.text.toPlainText()
        qtbot.waitUntil(lambda: not window.ledger_page.loading, timeout=30_000)
    finally:
        lang.install(qapp, "zh")
