"""``qiake-auditor check``: verify a whole workspace (the workspace is evidence).

Every stored original against the SHA-256 taken at import, every row block against
its checksum, and SQLite's own integrity check. Read-only: nothing is changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import cli
from ..i18n import counted, text
from ..workspace import Workspace
from .common import add_lang, lang_of


def _add_parser(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser("check", help="verify every original and row block of a workspace")
    check.add_argument("--workspace", type=Path, help="workspace file (default: per-user data)")
    add_lang(check)


cli._PARSER_EXTENSIONS.append(_add_parser)


@cli.command("check")
def cmd_check(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    with Workspace(args.workspace, read_only=True) as workspace:
        problems = workspace.check()
        if not problems:
            files, rows = len(workspace.files()), workspace.row_count()
    if not problems:
        print(
            text(
                "check.intact",
                lang,
                files=counted("check.intact.files", files, lang),
                rows=counted("check.intact.rows", rows, lang),
            )
        )
        return cli.EXIT_OK
    for problem in problems:
        print(problem.text(lang))
    return cli.EXIT_BAD_INPUT  # a damaged workspace is bad input (README, "Exit status")
