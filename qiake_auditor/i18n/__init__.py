"""Words the user reads, outside the window: message ids with a zh/en catalogue.

Core code raises :class:`~qiake_auditor.errors.UserError` with a message id and its
fields (``UserError.of("workspace.not_sqlite", path=p)``); every front end renders it
in the user's language with :func:`text`. The window uses Qt's ``.ts``/``.qm`` for its
own strings and this catalogue for what the core tells it, so a Chinese window never
shows an English error.
"""

from __future__ import annotations

import locale
import os

from .catalogue import CATALOGUE

LANGS = ("zh", "en")


def user_lang(explicit: str | None = None) -> str:
    """``explicit`` if given, else ``QIAKE_LANG``, else the system locale (zh for any zh_*)."""
    if explicit in LANGS:
        return explicit
    chosen = os.environ.get("QIAKE_LANG", "")
    if chosen in LANGS:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        found = locale.getlocale()[0] or ""
    except ValueError:
        found = ""
    return "zh" if found.lower().startswith(("zh", "chinese")) else "en"


def text(message_id: str, lang: str = "zh", /, **fields: object) -> str:
    """The message in ``lang`` with its fields filled in; an unknown id is shown as it is."""
    entry = CATALOGUE.get(message_id)
    if entry is None:
        return message_id
    template = entry[0] if lang == "zh" else entry[1]
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):
        return template
