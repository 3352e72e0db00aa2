"""GUI speed: the real window, offscreen, on a 1,000,000-row Alipay bill.

Figures: ``start_s`` (a fresh process until the window is shown and painted, empty
workspace), ``open_s`` (switching to the transactions view with 1M rows and painting
it), ``sort_s`` (sorting by amount), ``filter_s`` (a text search, computed off the GUI
thread, until the table shows the result), ``max_block_ms`` (the longest stall of the
event loop during import, search and scan, from a 10 ms timer), ``import_ratio`` (the
window's import of the bill until its cases are shown, over the bare
``pandas.read_csv`` of the same file, measured in the same run). Ends with one JSON line.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/gui_speed.py [--rows N] [--keep DIR]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_speed import BARE, arguments, measure, statement

START = """
import sys, time
t0 = float(sys.argv[1])
from qiake_auditor.gui.app import make_application
from qiake_auditor.gui.main_window import MainWindow
app = make_application(["x"], "zh")
window = MainWindow(sys.argv[2])
window.show()
app.processEvents()
window.repaint()
print(time.time() - t0)
"""


class Stalls:
    """The longest gap between ticks of a 10 ms timer: how long the event loop blocked."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last - 0.010)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def wait(app, done, limit: float = 600.0) -> None:
    end = time.perf_counter() + limit
    while not done():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() > end:
            raise TimeoutError("the window did not finish")


def start_time(folder: Path) -> float:
    code = START
    runs = []
    for attempt in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code, str(time.time()), str(folder / f"start-{attempt}.sqlite")],
            check=True,
            capture_output=True,
            text=True,
        )
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return sorted(runs)[1]


def main() -> None:
    args = arguments(__doc__)
    from PySide6.QtCore import Qt

    from qiake_auditor.gui import messages
    from qiake_auditor.gui.app import make_application
    from qiake_auditor.gui.main_window import MainWindow

    class Quiet:
        def __getattr__(self, name):
            return lambda *a, **k: None

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start_s = start_time(folder)
        csv = statement(args.rows, folder, args.keep, args.plans)
        bare_s = measure(BARE, str(csv))[0]
        app = make_application(["x"], "zh")
        messages.install(Quiet())
        window = MainWindow(folder / "w.sqlite")
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        stalls = Stalls()
        stalls.start()
        t = time.perf_counter()
        window.import_files([csv])
        wait(app, lambda: not window.busy and window.view is not None)
        import_s = time.perf_counter() - t
        page = window.ledger_page
        t = time.perf_counter()
        window.tabs.setCurrentWidget(page)
        page.view.repaint()
        app.processEvents()
        open_s = time.perf_counter() - t
        t = time.perf_counter()
        page.view.sortByColumn(window.ledger_model.AMOUNT, Qt.SortOrder.DescendingOrder)
        page.view.repaint()
        app.processEvents()
        sort_s = time.perf_counter() - t
        t = time.perf_counter()
        page.search.setText("洽客")
        page.apply_search()
        wait(app, lambda: not page.filtering)
        page.view.repaint()
        filter_s = time.perf_counter() - t
        shown = window.ledger_model.rowCount()
        t = time.perf_counter()
        window.reload()  # a scan of the million rows
        wait(app, lambda: not window.busy)
        scan_s = time.perf_counter() - t
        stalls.stop()
        rows = window.ledger_model.data_rows()
        window.close()
    result = {
        "rows": rows,
        "start_s": round(start_s, 2),
        "open_s": round(open_s, 3),
        "sort_s": round(sort_s, 3),
        "filter_s": round(filter_s, 3),
        "max_block_ms": round(stalls.worst * 1000),
        "import_ratio": round(import_s / bare_s, 2),
        "import_s": round(import_s, 2),
        "bare_read_s": round(bare_s, 2),
        "scan_s": round(scan_s, 2),
        "filter_matches": shown,
    }
    print(f"start-up to a painted window: {start_s:.2f} s")
    print(
        f"transactions view opened:     {open_s:.3f} s; sort {sort_s:.3f} s; "
        f"text filter {filter_s:.3f} s ({shown} matches)"
    )
    print(
        f"import {import_s:.2f} s vs bare read_csv {bare_s:.2f} s: ratio "
        f"{import_s / bare_s:.2f}; rescan {scan_s:.2f} s"
    )
    print(f"longest event-loop stall: {stalls.worst * 1000:.0f} ms")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
