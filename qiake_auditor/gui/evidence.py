"""Export evidence for a case: the window's side of the evidence builder.

The builder lives in :mod:`qiake_auditor.outputs.evidence` (written by another part of
the project). Until it offers its entry point, the action says plainly that the
package cannot be made yet, and changes nothing.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication

from ..app import Case
from . import messages

ENTRY_POINT = "build_package"


def builder():
    """The evidence builder's entry point, or None while it is not there."""
    try:
        module = importlib.import_module("qiake_auditor.outputs.evidence")
    except ImportError:
        return None
    return getattr(module, ENTRY_POINT, None)


def export(window, case: Case) -> bool:
    """Ask for what the package needs and build it, or say it is not available."""
    build = builder()
    if build is None:
        messages.info(QCoreApplication.translate("Evidence", "导出证据"),
                      QCoreApplication.translate(
                          "Evidence", "这个版本还不能生成证据包：证据生成模块尚未就绪。\n"
                          "你的案件记录、附件和原始账单都已保存在工作区中，之后可以再导出。"),
                      window)
        return False
    messages.info(QCoreApplication.translate("Evidence", "导出证据"),
                  QCoreApplication.translate("Evidence", "证据生成模块的接口与本窗口不匹配，"
                                                         "无法导出。"),
                  window)
    return False
