"""Crash handling: Python errors and hard crashes are logged, and offered at the next start.

``sys.excepthook`` appends the traceback to ``crash.log`` and tells the user where it
is; :mod:`faulthandler` writes a hard crash (a segfault in Qt) to ``fatal.log``. At
the next start a non-empty log is offered to the user, then set aside.
"""

from __future__ import annotations

import faulthandler
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .. import user_dirs

_fatal = {"file": None}


def log_dir() -> Path:
    return user_dirs.log_dir()


def crash_log_path() -> Path:
    return log_dir() / "crash.log"


def fatal_log_path() -> Path:
    return log_dir() / "fatal.log"


def enable_faulthandler() -> Path | None:
    """Point faulthandler at fatal.log (kept open for the whole run)."""
    path = fatal_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _fatal["file"] = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open for the run
    except OSError:
        return None
    faulthandler.enable(file=_fatal["file"], all_threads=True)
    return path


def report_crash(kind: type[BaseException], value: BaseException, trace) -> None:
    """The excepthook of the GUI: log the traceback to a file and tell the user."""
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
    messages.error(
        QCoreApplication.translate("Crash", "内部错误"),
        QCoreApplication.translate("Crash", "出现了意外错误：{0}: {1}\n详细信息已写入 {2}").format(
            kind.__name__, value, path
        ),
    )


def offer_previous(parent=None) -> Path | None:
    """If the last run left a crash log, show it to the user; then set it aside."""
    from . import messages

    for path in (crash_log_path(), fatal_log_path()):
        try:
            if not path.is_file() or path.stat().st_size == 0:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if path == fatal_log_path() and _fatal["file"] is not None:
            continue  # this run's own handle; only a past run's content counts
        seen = path.with_suffix(".seen.log")
        try:
            path.replace(seen)
        except OSError:
            seen = path
        messages.warning(
            QCoreApplication.translate("Crash", "上次运行出错"),
            QCoreApplication.translate(
                "Crash",
                "上次运行时程序出错了。日志保存在：\n{0}\n\n"
                "如需反馈，请附上这个文件。最后几行：\n{1}",
            ).format(seen, "\n".join(text.strip().splitlines()[-6:])),
            parent,
        )
        return seen
    return None
