"""The font the user chose for documents (the PDF report), kept in QSettings.

Empty means "find a Chinese font on this machine" (the report's own search); a chosen
file is checked by the report's font finder when chosen and again when a package is
built, so a font without Chinese glyphs is refused with its message, not embedded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..errors import UserError

SETTING = "documents/font"


def chosen() -> str:
    return str(QSettings().value(SETTING, "", type=str) or "")


def save(path: str) -> None:
    QSettings().setValue(SETTING, path)


def problem(path: str) -> UserError | None:
    """Why ``path`` cannot be the documents' font, or None when it can (or is empty)."""
    if not path:
        return None
    from ..outputs.report.fonts import find_cjk_font

    try:
        find_cjk_font(Path(path), search_system=False)
    except UserError as exc:
        return exc
    return None


def choice(path: str):
    """The builder's :class:`FontChoice` for ``path``; None lets the builder search."""
    if not path:
        return None
    from ..outputs.report.fonts import find_cjk_font

    return find_cjk_font(Path(path), search_system=False)
