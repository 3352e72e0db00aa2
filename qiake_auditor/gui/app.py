"""Entry point of ``qiake-auditor-gui``: the window, or a headless audit without a display."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .crash import crash_log_path, report_crash

ORGANISATION = "qiake-auditor"
APPLICATION = "qiake-auditor"
__all__ = ["crash_log_path", "main", "make_application", "report_crash"]


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The window's command line; its ``--help`` and mistakes in ``lang`` (default: the
    one asked for with ``--lang``, else the system's), as the CLI's."""
    from ..commands.usage import parser_class
    from ..i18n import user_lang

    parser = parser_class(user_lang(lang))(
        prog="qiake-auditor-gui",
        description="Open the qiake-auditor window: find recurring deductions in Alipay, "
        "WeChat Pay and bank statements.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the bundled demo statements in the demo's own workspace",
    )
    parser.add_argument("--workspace", type=Path, help="workspace file (default: the last one)")
    parser.add_argument("--lang", choices=("zh", "en"), help="window language")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("demo-output"),
        help="where the headless demo writes (no display only)",
    )
    parser.add_argument("files", nargs="*", type=Path, help="statement files to import")
    return parser


def has_display() -> bool:
    """False on a Linux machine with no X/Wayland display and no Qt platform chosen."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_headless(args: argparse.Namespace) -> int:
    """What the app does without a screen: the CLI's demo audit, or its import of the files."""
    from .. import cli
    from ..i18n import text, user_lang

    lang = user_lang()  # no window: the command line's language
    print(text("headless.no_display", lang))
    if args.files:
        argv = ["import", *map(str, args.files)]
        if args.workspace:
            argv += ["--workspace", str(args.workspace)]
        return cli.main(argv)
    print(text("headless.demo", lang, folder=f"{args.out}/"))
    return cli.main(["demo", "--out", str(args.out)])


def make_application(argv: Sequence[str], language: str | None = None):
    from PySide6.QtWidgets import QApplication

    from . import lang

    app = QApplication.instance() or QApplication(list(argv))
    # The window's Python code waits for the GIL whenever a worker holds it: a model's
    # data(), a timer, and PySide's look for a Python override before each virtual call
    # of a widget made in Python (event, paintEvent...), so a few times per widget
    # painted. A busy worker asked to hand the GIL over after 0.2 ms (Python's default
    # is 5 ms) keeps those waits short. Measured with gui_speed, four runs each: longest
    # stall 21-45 ms at 0.2 ms, 44-102 ms at 1 ms, the import no slower.
    sys.setswitchinterval(0.0002)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    lang.install(app, language)
    app.setApplicationDisplayName(app.translate("App", "洽客审计"))
    return app


class Shell:
    """Keeps the one window; rebuilds it in the new language when the user switches."""

    def __init__(self, app, workspace: Path | None) -> None:
        self.app = app
        self.window = None
        self.open(workspace)

    def open(self, workspace: Path | None, geometry=None):
        from .main_window import MainWindow

        window = MainWindow(workspace)
        window.language_changed.connect(self._switch)
        if geometry is not None:
            window.restoreGeometry(geometry)
        self.window = window
        return window

    def _switch(self, language: str) -> None:
        from . import lang

        old = self.window
        lang.install(self.app, language or None)
        workspace, geometry = old.workspace_path, old.saveGeometry()
        window = self.open(workspace, geometry)
        window.show()
        old.close()
        old.deleteLater()
        window.reload()


def main(argv: Sequence[str] | None = None) -> int:
    from ..chart_server import FLAG

    if list(sys.argv[1:] if argv is None else argv)[:1] == [FLAG]:  # a frozen app's charts
        from ..chart_server import main as serve

        serve()
        return 0
    from ..commands.usage import lang_from_argv

    args = build_parser(lang_from_argv(sys.argv[1:] if argv is None else argv)).parse_args(argv)
    if not has_display():
        return run_headless(args)
    app = make_application([sys.argv[0]], args.lang)
    from . import crash, workspaces

    crash.offer_previous()
    crash.enable_faulthandler()
    sys.excepthook = report_crash
    workspace = args.workspace or workspaces.last()
    shell = Shell(app, workspace)
    window = shell.window
    window.show()
    if args.demo:
        window.open_demo()
    elif args.files:
        window.import_files(args.files)
    else:
        window.reload()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
