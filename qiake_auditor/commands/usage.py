"""The command line's own words in the user's language: mistakes (exit 2) and ``--help``.

argparse words its errors in English and binds its own gettext at import, so a
Chinese run would end in ``error: argument --lang: invalid choice``. The parser class
made here prints the usage line as argparse does, then the mistake by message id: the
common shapes are recognised and filled in, anything else keeps argparse's wording
under a translated prefix. ``--help`` in Chinese takes its words from
:mod:`qiake_auditor.i18n.cli_help`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from ..i18n import LANGS, list_separator, text, user_lang
from ..i18n.cli_help import ARGPARSE_ZH, HELP_ZH

_SHAPES = (  # (argparse's wording, message id); each names the fields the id fills in
    (
        r"argument (?P<option>\S+?): invalid choice: '?(?P<value>.*?)'? "
        r"\(choose from (?P<choices>.*)\)",
        "usage.bad_choice",
    ),
    (
        r"argument (?P<option>\S+?): invalid (?P<kind>int|float) value: '(?P<value>.*)'",
        "usage.not_a_number",
    ),
    (r"argument (?P<option>\S+?): expected one argument", "usage.needs_value"),
    (
        r"argument (?P<option>\S+?): ignored explicit argument '(?P<value>.*)'",
        "usage.takes_no_value",
    ),
    (r"the following arguments are required: (?P<names>.*)", "usage.missing"),
    (r"unrecognized arguments: (?P<names>.*)", "usage.unknown"),
)
_SUB_COMMAND_DESTS = re.compile(r"\b(?:case_)?command\b")  # the dest argparse names


def lang_from_argv(argv: Sequence[str]) -> str:
    """The language asked for on this command line (``--lang zh`` / ``--lang=zh``), before
    parsing: the parser's own errors must already be in it. The last valid value counts; a
    value argparse will refuse (``--lang fr``) falls back to the system's language."""
    asked = None
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGS:
            asked = value
    return user_lang(asked)


def localised_message(message: str, lang: str) -> str:
    """argparse's English ``message`` in ``lang`` (unchanged wording when unrecognised)."""
    sep = list_separator(lang)
    for pattern, message_id in _SHAPES:
        found = re.fullmatch(pattern, message)
        if found is None:
            continue
        fields = found.groupdict()
        if "choices" in fields:
            fields["choices"] = sep.join(c.strip(" '") for c in fields["choices"].split(","))
        if "names" in fields:
            fields["names"] = sep.join(n.strip() for n in fields["names"].split(", "))
        for key in ("option", "names"):
            if key in fields:
                fields[key] = _SUB_COMMAND_DESTS.sub("COMMAND", fields[key])
        return text(message_id, lang, **fields)
    return text("usage.other", lang, detail=message)


def parser_class(lang: str) -> type[argparse.ArgumentParser]:
    """An ArgumentParser whose errors and ``--help`` (its sub-commands' too) are in ``lang``."""

    class LocalisedParser(argparse.ArgumentParser):
        def format_usage(self) -> str:
            return _usage_prefix(super().format_usage(), lang)

        def format_help(self) -> str:
            if lang != "zh":
                return super().format_help()
            _help_in_chinese(self)
            return _chinese_headings(self, _usage_prefix(super().format_help(), lang))

        def error(self, message: str) -> NoReturn:
            self.print_usage(sys.stderr)
            detail = localised_message(message, lang)
            hint = text("usage.hint", lang, prog=self.prog)
            self.exit(2, text("error.prefix", lang, message=detail) + "\n" + hint + "\n")

    return LocalisedParser


def _usage_prefix(shown: str, lang: str) -> str:
    prefix = "usage: "
    if lang != "zh" or not shown.startswith(prefix):
        return shown
    return ARGPARSE_ZH[prefix] + shown[len(prefix) :]


def _chinese_headings(parser: argparse.ArgumentParser, shown: str) -> str:
    """argparse ends each heading with an ASCII colon ("选项:"): a Chinese one instead."""
    for group in parser._action_groups:
        if group.title:
            shown = shown.replace(f"\n{group.title}:\n", f"\n{group.title}：\n")
    return shown


def _help_in_chinese(parser: argparse.ArgumentParser) -> None:
    """Swap the English help texts of ``parser`` for their Chinese (those known)."""

    def zh(english: str | None) -> str | None:
        if english is None:
            return None
        return HELP_ZH.get(english) or ARGPARSE_ZH.get(english) or english

    parser.description = zh(parser.description)
    parser.epilog = zh(parser.epilog)
    for group in parser._action_groups:
        group.title = zh(group.title)
    for action in parser._actions:
        action.help = zh(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = zh(choice.help)
