"""The gui-scripts entry point: display detection and the headless fallback."""

from __future__ import annotations

import pytest

from qiake_auditor.gui import app

pytestmark = pytest.mark.gui


@pytest.fixture
def no_display(monkeypatch):
    monkeypatch.setattr(app.sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)


def test_display_detection(monkeypatch, no_display):
    assert app.has_display() is False
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert app.has_display() is True


def test_without_a_display_the_demo_runs_headless(no_display, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("QIAKE_LANG", "zh")  # the demo speaks the user's language
    out = tmp_path / "out"
    assert app.main(["--demo", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("没有可用的显示器（") and "no display" not in printed
    assert "读取了 3 个演示账单：" in printed and "demo statements" not in printed
    assert (out / "ledger.csv").exists() and (out / "streams.txt").exists()


def test_without_a_display_given_files_are_imported_by_the_cli(
    no_display, tmp_path, capsys, monkeypatch
):
    from qiake_auditor.app import demo

    monkeypatch.setenv("QIAKE_LANG", "en")

    statement = demo.demo_files()[0]
    workspace = tmp_path / "w.sqlite"
    assert app.main(["--workspace", str(workspace), str(statement)]) == 0
    printed = capsys.readouterr().out
    assert statement.name in printed and "new)" in printed
    assert printed.startswith("no display (DISPLAY / WAYLAND_DISPLAY are not set)")
    assert workspace.exists()


def test_a_crash_is_logged_and_shown_through_the_message_seam(message_mock):
    try:
        raise ValueError("row 7 is odd")
    except ValueError as exc:
        app.report_crash(ValueError, exc, exc.__traceback__)
    log = app.crash_log_path().read_text(encoding="utf-8")
    assert "ValueError: row 7 is odd" in log and "Traceback" in log
    assert message_mock.kinds() == ["error"]
    assert "ValueError: row 7 is odd" in message_mock.shown[0][2]
    assert str(app.crash_log_path()) in message_mock.shown[0][2]


def test_a_crash_log_of_the_last_run_is_offered_once_at_the_next_start(message_mock):
    from qiake_auditor.gui import crash

    log = crash.crash_log_path()
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("Traceback (most recent call last):\nKeyError: 'x'\n", encoding="utf-8")
    seen = crash.offer_previous()
    assert seen is not None and seen.is_file() and not log.exists()
    assert message_mock.kinds() == ["warning"]
    assert str(seen) in message_mock.shown[0][2] and "KeyError" in message_mock.shown[0][2]
    assert crash.offer_previous() is None  # offered once
    seen.unlink()


def test_the_window_opens_without_pandas_arrow_or_matplotlib(tmp_path):
    """Start-up loads none of them (0.4 s of a 0.9 s start): a fresh process builds the
    window on an empty workspace; the first task loads them on its worker."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from qiake_auditor.gui.app import make_application\n"
        "from qiake_auditor.gui.main_window import MainWindow\n"
        "app = make_application(['x'], 'zh')\n"
        f"window = MainWindow({str(tmp_path / 'w.sqlite')!r})\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'matplotlib') if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_core_loaded_in_the_background_is_left_out_of_later_collections():
    """A full collection of the cyclic GC walked the ~110,000 objects of pandas, Arrow
    and matplotlib, holding the GIL (a stall of the window): once the warm-up has
    loaded them, they are frozen, while what a task makes is still collected."""
    import os
    import subprocess
    import sys

    code = (
        "import gc, weakref\n"
        "from qiake_auditor.gui import tasks\n"
        "tasks.warm_up()\n"
        "tasks._warm.join()\n"
        "import pandas\n"
        "tracked = {id(o) for o in gc.get_objects()}\n"
        "class Node: pass\n"
        "a, b = Node(), Node()\n"
        "a.b, b.a = b, a\n"
        "gone = weakref.ref(a)\n"
        "del a, b\n"
        "gc.collect()\n"
        "print(gc.get_freeze_count() > 50_000, id(vars(pandas)) in tracked,"
        " id(pandas.read_csv) in tracked, gone() is None)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.split() == ["True", "False", "False", "True"]
