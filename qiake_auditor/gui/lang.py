"""The window's language: chosen in the settings, else the system's; Qt translators.

The window's own strings are written in Chinese (the source language) and
translated to English by ``resources/i18n/qiake_auditor_en.qm``; what the core
says (errors, vocabularies) comes in the same language from
:mod:`qiake_auditor.i18n` and :mod:`qiake_auditor.vocab`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .. import i18n
from ..errors import UserError, os_error_text
from ..i18n import user_lang

LANGS = ("zh", "en")
SETTING = "ui/language"  # "zh", "en" or "" (follow the system)
_current = {"lang": "zh", "translators": []}


def i18n_dir() -> Path:
    """Where the .qm files are: package data, else the folder resources/i18n by path."""
    try:
        folder = Path(str(resources.files("qiake_auditor.resources") / "i18n"))
        if folder.is_dir():
            return folder
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[1] / "resources" / "i18n"


def chosen() -> str:
    """The language stored in the settings ('' when the system's is followed)."""
    value = str(QSettings().value(SETTING, "", type=str) or "")
    return value if value in LANGS else ""


def system_lang() -> str:
    name = QLocale.system().name()
    if name.lower().startswith("zh"):
        return "zh"
    if name in ("C", "en_US") or not name:
        return user_lang()  # QIAKE_LANG / LANG decide where Qt sees no locale
    return "en"


def wanted() -> str:
    return chosen() or system_lang()


def lang() -> str:
    """The language the window is shown in now."""
    return _current["lang"]


def install(app, language: str | None = None) -> str:
    """Load the translators of ``language`` (default: the wanted one); returns it."""
    language = language if language in LANGS else wanted()
    for translator in _current["translators"]:
        app.removeTranslator(translator)
    loaded = []
    if language == "zh":
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in ("qtbase_zh_CN", "qt_zh_CN"):
            translator = QTranslator(app)
            if translator.load(name, folder):
                loaded.append(translator)
    else:
        translator = QTranslator(app)
        if translator.load("qiake_auditor_en", str(i18n_dir())):
            loaded.append(translator)
    for translator in loaded:
        app.installTranslator(translator)
    _current["lang"] = language
    _current["translators"] = loaded
    return language


def list_separator() -> str:
    """Between the items of a list in running text, in the window's language (、 / ", ")."""
    return i18n.list_separator(lang())


def label_separator() -> str:
    """Between a label and its value, in the window's language (： / ": ")."""
    return i18n.label_separator(lang())


def amounts_separator() -> str:
    """Between the totals of two currencies, in the window's language (； / "; ")."""
    return i18n.amounts_separator(lang())


def paid_total(totals: dict) -> str:
    """What was paid in each currency ({currency: Totals}), joined in the window's language
    (the app layer's ``money_total`` with the window's language)."""
    from ..app.cases import money_total  # pandas behind it: not at start-up

    return money_total(totals, lang())


def save(language: str) -> None:
    QSettings().setValue(SETTING, language if language in LANGS else "")


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def error_text(exc: BaseException) -> str:
    """A core error in the window's language."""
    if isinstance(exc, UserError):
        return exc.text(lang())
    if isinstance(exc, OSError):
        return os_error_text(exc, lang())
    return f"{type(exc).__name__}: {exc}"
