"""Mistakes on the command line: exit 2 and the mistake told in the chosen language.

argparse's own wording is English; these runs would have printed
``error: argument --lang: invalid choice: 'fr'`` in a Chinese session.
"""

from __future__ import annotations

import pytest

from qiake_auditor.cli import main
from qiake_auditor.commands.usage import lang_from_argv

CASES = [  # (arguments, the Chinese message, the English message)
    (
        ["scan", "--lang", "fr"],
        "错误：--lang：'fr' 不是可选的值（可选：zh、en）",
        "error: --lang: 'fr' is not one of: zh, en",
    ),
    (
        ["scan", "--notice-days", "x"],
        "错误：--notice-days：'x' 不是数字",
        "error: --notice-days: 'x' is not a number",
    ),
    (["scan", "--as-of"], "错误：--as-of 后面需要一个值", "error: --as-of needs a value after it"),
    (
        ["case", "log", "洽客"],
        "错误：缺少：--channel、--summary",
        "error: missing: --channel, --summary",
    ),
    (["case"], "错误：缺少：COMMAND", "error: missing: COMMAND"),
    (["scan", "--bogus"], "错误：无法识别的参数：--bogus", "error: not understood: --bogus"),
    (
        ["scan", "--json=3"],
        "错误：--json 不带值（给了 '3'）",
        "error: --json takes no value (got '3')",
    ),
]


@pytest.mark.parametrize(("argv", "zh", "en"), CASES)
def test_a_bad_command_line_is_told_in_the_chosen_language(
    argv: list[str], zh: str, en: str, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    for lang, expected in (("zh", zh), ("en", en)):
        monkeypatch.setenv("QIAKE_LANG", lang)
        with pytest.raises(SystemExit) as stopped:
            main(argv)
        assert stopped.value.code == 2
        err = capsys.readouterr().err
        assert expected in err.splitlines(), err
        usage = "用法：" if lang == "zh" else "usage: "
        assert err.splitlines()[0].startswith(usage)  # argparse's usage line, translated


def test_an_unknown_sub_command_lists_the_commands_in_chinese(capsys, monkeypatch) -> None:
    monkeypatch.setenv("QIAKE_LANG", "zh")
    with pytest.raises(SystemExit):
        main(["scann"])
    err = capsys.readouterr().err
    assert "错误：COMMAND：'scann' 不是可选的值（可选：formats、import、demo、scan、" in err
    assert "用 qiake-auditor --help 查看用法" in err


def test_the_language_is_read_from_the_command_line_before_parsing(monkeypatch) -> None:
    monkeypatch.setenv("QIAKE_LANG", "en")
    assert lang_from_argv(["--lang", "zh", "scan"]) == "zh"
    assert lang_from_argv(["scan", "--lang=zh"]) == "zh"
    assert lang_from_argv(["--lang", "zh", "scan", "--lang", "fr"]) == "zh"  # last valid one
    assert lang_from_argv(["scan", "--lang", "fr"]) == "en"  # refused: the system's
