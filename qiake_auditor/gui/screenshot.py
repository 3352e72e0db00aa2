"""Save a screenshot of the window on the demo data: ``python -m qiake_auditor.gui.screenshot``.

Used for docs/screenshot.png; runs under Xvfb or the offscreen platform alike.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer


def take(out: Path, width: int = 1360, height: int = 860, tab: int = 0) -> Path:
    from . import messages
    from .app import make_application
    from .main_window import MainWindow
    from .tasks import default_demo_path

    app = make_application([sys.argv[0]])
    window = MainWindow(default_demo_path())
    window.resize(width, height)
    window.show()
    loop = QEventLoop()
    window.loaded.connect(loop.quit)
    QTimer.singleShot(120_000, loop.quit)
    previous = messages.install(_Silent())
    try:
        window.open_demo()
        loop.exec()
    finally:
        messages.install(previous)
    window.tabs.setCurrentIndex(tab)
    for _ in range(10):
        app.processEvents()
    for chart in (window.chart, window.overview.chart):
        chart.wait()  # drawn by the chart process, at the size they have now
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise OSError(f"cannot write {out}")
    window.close()
    return out


class _Silent:
    """No dialogs while taking the picture."""

    def __getattr__(self, name: str):
        return lambda *args, **kwargs: None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshot.png"))
    parser.add_argument("--tab", type=int, default=0, help="0 streams, 1 all transactions")
    args = parser.parse_args(argv)
    print(take(args.out, tab=args.tab))
    return 0


if __name__ == "__main__":
    sys.exit(main())
