"""``--help`` in Chinese: every parser's help texts, argparse's headings and usage prefix."""

from __future__ import annotations

import argparse

import pytest

from qiake_auditor import cli
from qiake_auditor.i18n.cli_help import ARGPARSE_ZH, HELP_ZH


def _parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def _help_texts(parser: argparse.ArgumentParser):
    if parser.description:
        yield parser.prog, parser.description
    if parser.epilog:
        yield parser.prog, parser.epilog
    for action in parser._actions:
        if action.help not in (None, argparse.SUPPRESS):
            yield parser.prog, action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield parser.prog, choice.help


def _all_parsers(lang: str) -> list[argparse.ArgumentParser]:
    """The CLI's parsers and the window's (qiake-auditor-gui)."""
    from qiake_auditor.gui import app

    cli._load_extensions()
    return [*_parsers(cli.build_parser(lang)), app.build_parser(lang)]


def test_every_help_text_has_its_chinese() -> None:
    known = HELP_ZH.keys() | ARGPARSE_ZH.keys()
    missing = [
        (prog, t) for p in _all_parsers("en") for prog, t in _help_texts(p) if t not in known
    ]
    # a value list ("unreviewed | authorised | ...") reads the same in both languages
    missing = [(prog, t) for prog, t in missing if " | " not in t]
    assert not missing


def test_chinese_help_shows_none_of_the_english_texts(capsys) -> None:
    english = {t for p in _all_parsers("en") for _, t in _help_texts(p)} - {
        t for t in HELP_ZH if t == HELP_ZH[t]
    }
    for parser in _all_parsers("zh"):
        shown = parser.format_help()
        assert shown.startswith("用法："), parser.prog
        assert "显示本帮助并退出" in shown and "options" not in shown, parser.prog
        assert "\n选项：\n" in shown and "选项:" not in shown, parser.prog  # a Chinese colon
        for text in english:
            if " | " not in text:
                assert text not in shown, (parser.prog, text)


@pytest.mark.parametrize(
    ("argv", "wanted"),
    [
        (
            ["--lang", "zh", "scan", "--help"],
            "按这一天判断状态（默认：最近一笔交易的日期；不保存）",
        ),
        (["case", "log", "--help", "--lang", "zh"], "工单号或投诉编号"),
        (["evidence", "--help", "--lang", "zh"], "PDF 使用的中文"),
        (["verify", "--help", "--lang", "zh"], "退出码：0 证据包有效；3 无效"),
        (["verify", "--help", "--lang", "en"], "Exit status: 0 the package is valid, 3 it is"),
        (["--lang", "zh", "--help"], "3 verify 发现证据包无效；1 内部错误"),
        (["--lang", "en", "--help"], "3 verify found the evidence package not valid"),
    ],
)
def test_help_is_printed_in_chinese(argv: list[str], wanted: str, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 0
    assert wanted in " ".join(capsys.readouterr().out.split())  # as wrapped to the width


def test_english_help_stays_english(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QIAKE_LANG", "zh")
    with pytest.raises(SystemExit):
        cli.main(["scan", "--help", "--lang", "en"])
    out = capsys.readouterr().out
    assert out.startswith("usage: ") and "judge status on this date" in out
    assert "按这一天" not in out
