"""Words the user reads, outside the window: message ids with a zh/en catalogue.

Core code raises :class:`~qiake_auditor.errors.UserError` with a message id and its
fields (``UserError.of("workspace.not_sqlite", path=p)``); every front end renders it
in the user's language with :func:`text`. The window uses Qt's ``.ts``/``.qm`` for its
own strings and this catalogue for what the core tells it, so a Chinese window never
shows an English error.
"""

from __future__ import annotations

import errno
import locale
import os

from ..fileio import ReplaceRefused
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


def label_in(label: str, lang: str) -> str:
    """One language of a bilingual label written ``English / 中文`` (importer labels).

    Split at the last " / " whose right side holds Chinese, so "OFX 1.x / QFX (SGML)"
    stays whole; a label with no Chinese part is the same in both languages. The one
    rule for the command line's format names and the messages' ``{label:zh}``
    (:class:`qiake_auditor.importers.base.FormatLabel`).
    """
    english, sep, chinese = label.rpartition(" / ")
    if not sep or not any("\u4e00" <= c <= "\u9fff" for c in chinese):
        return label
    return chinese if lang == "zh" else english


class Listed(tuple[str, ...]):
    """Names or values for a message field, joined as the message's language lists things
    (、 in Chinese, a comma in English) when :func:`text` fills the field in."""

    def joined(self, lang: str) -> str:
        return list_separator(lang).join(self)


_IN_USE = (32, 33)  # Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


class SystemReason(str):
    """Why the system refused a file (an OSError), for a message's ``{reason}`` field:
    common errors in our words in the message's language, others quoted as the system
    said them. As a plain string it is the system's own (English) words."""

    errno_name: str = ""

    @classmethod
    def of(cls, error: OSError) -> SystemReason:
        reason = cls(error.strerror or str(error) or type(error).__name__)
        reason.errno_name = errno.errorcode.get(error.errno or 0, "")
        if isinstance(error, ReplaceRefused):
            reason.errno_name = "replace_refused"
        elif getattr(error, "winerror", None) in _IN_USE:
            reason.errno_name = "in_use"
        return reason

    def words(self, lang: str) -> str:
        if f"os.reason.{self.errno_name}" in CATALOGUE:
            return text(f"os.reason.{self.errno_name}", lang)
        return text("os.reason.other", lang, said=str(self))


def text(message_id: str, lang: str = "zh", /, **fields: object) -> str:
    """The message in ``lang`` with its fields filled in; an unknown id is shown as it is.
    A :class:`Listed` field is joined in ``lang``, a :class:`SystemReason` worded in it."""
    entry = CATALOGUE.get(message_id)
    if entry is None:
        return message_id
    template = entry[0] if lang == "zh" else entry[1]
    shown = {k: _shown(v, lang) for k, v in fields.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):
        return template


def _shown(value: object, lang: str) -> object:
    if isinstance(value, Listed):
        return value.joined(lang)
    if isinstance(value, SystemReason):
        return value.words(lang)
    return value


def counted(message_id: str, count: int, lang: str = "zh", /, **fields: object) -> str:
    """``text()`` of ``message_id + ".one"`` when ``count`` is 1 and that id exists (English
    singular: "1 file"; Chinese has one form), else of ``message_id``; ``count`` is a field."""
    one = message_id + ".one"
    chosen = one if count == 1 and one in CATALOGUE else message_id
    return text(chosen, lang, count=count, **fields)


def list_separator(lang: str) -> str:
    """Between the items of a list in running text: 、 in Chinese, a comma in English."""
    return "、" if lang == "zh" else ", "


def label_separator(lang: str) -> str:
    """Between a label and its value: ： in Chinese, a colon and a space in English."""
    return "：" if lang == "zh" else ": "


def amounts_separator(lang: str) -> str:
    """Between the totals of two currencies: ； in Chinese, a semicolon in English."""
    return "；" if lang == "zh" else "; "
