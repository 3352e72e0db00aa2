"""Entry point of ``qiake-auditor-gui``: the window, or a headless audit without a display."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

ORGANISATION = "qiake-auditor"
APPLICATION = "qiake-auditor"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qiake-auditor-gui",
        description="洽客审计: find recurring deductions in Alipay / WeChat Pay / bank statements")
    parser.add_argument("--demo", action="store_true",
                        help="open the bundled demo statements in a fresh demo workspace")
    parser.add_argument("--workspace", type=Path, help="workspace file (default: per-user data)")
    parser.add_argument("--out", type=Path, default=Path("demo-output"),
                        help="where the headless demo writes (no display only)")
    parser.add_argument("files", nargs="*", type=Path, help="statement files to import")
    return parser


def has_display() -> bool:
    """False on a Linux machine with no X/Wayland display and no Qt platform chosen."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_headless(args: argparse.Namespace) -> int:
    """What the app does without a screen: the demo audit, or a CLI import of the files."""
    print("没有可用的显示器 (no display: DISPLAY / WAYLAND_DISPLAY are not set); "
          "running headless instead.")
    if args.files:
        from .. import cli

        argv = ["import", *map(str, args.files)]
        if args.workspace:
            argv += ["--workspace", str(args.workspace)]
        return cli.main(argv)
    from ..demo import run_headless_demo

    print(f"运行演示审计 running the demo audit into {args.out}/")
    return run_headless_demo(args.out)


def install_translations(app) -> list:
    """Qt's own zh_CN strings (dialog buttons etc.) when the locale is Chinese."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    locale = QLocale.system()
    if not locale.name().startswith("zh") and not os.environ.get("LANG", "").startswith("zh"):
        return []
    installed = []
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    own = Path(__file__).resolve().parents[2] / "resources" / "i18n"
    translator = QTranslator(app)
    if translator.load("qiake_auditor_zh_CN", str(own)):
        app.installTranslator(translator)
        installed.append(translator)
    return installed


def crash_log_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("qiake-auditor", appauthor=False)) / "crash.log"


def report_crash(kind: type[BaseException], value: BaseException, trace) -> None:
    """The excepthook of the GUI: log the traceback to a file and tell the user, never die
    silently (under pythonw there is no console to print to)."""
    import traceback

    from . import messages

    text = "".join(traceback.format_exception(kind, value, trace))
    path = crash_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as log:
            log.write(text + "\n")
    except OSError:
        pass
    if sys.__stderr__ is not None:
        print(text, file=sys.__stderr__)
    messages.error("内部错误 Internal error",
                   f"出现了意外错误：{kind.__name__}: {value}\n详细信息已写入 {path}")


def make_application(argv: Sequence[str]):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(list(argv))
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("洽客审计")
    install_translations(app)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not has_display():
        return run_headless(args)
    app = make_application([sys.argv[0]])
    sys.excepthook = report_crash
    from .main_window import MainWindow, demo_workspace_path

    window = MainWindow(demo_workspace_path() if args.demo else args.workspace)
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
