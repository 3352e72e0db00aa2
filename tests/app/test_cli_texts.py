"""Words the command line prints, in each language: Chinese punctuation in Chinese, English
plurals in English, and no text built outside the message catalogue."""

from __future__ import annotations

import re
from decimal import Decimal

from qiake_auditor.app.cases import Totals, money_total


def test_totals_of_several_currencies_are_joined_in_the_language_of_the_text() -> None:
    totals = {"CNY": Totals(paid=Decimal("29.00")), "USD": Totals(paid=Decimal("12.00"))}
    assert money_total(totals, "zh") == "¥29.00；$12.00"
    assert money_total(totals, "en") == "¥29.00; $12.00"
    assert money_total({"CNY": Totals(paid=Decimal("5274.00"))}, "zh") == "¥5,274.00"


def test_a_bilingual_label_is_split_by_one_rule_for_the_cli_and_the_messages() -> None:
    from pathlib import Path

    from qiake_auditor.i18n import label_in
    from qiake_auditor.importers.base import FormatLabel, all_importers

    for importer in all_importers():
        label = FormatLabel(importer.label)
        assert f"{label:zh}" == label_in(importer.label, "zh"), importer.id
        assert f"{label:en}" == label_in(importer.label, "en"), importer.id
    package = Path(__file__).parents[2] / "qiake_auditor"
    splitting = [
        path.relative_to(package).as_posix()
        for path in sorted(package.rglob("*.py"))
        if 'rpartition(" / ")' in path.read_text(encoding="utf-8")
    ]
    assert splitting == ["i18n/__init__.py"]  # FormatLabel and the CLI both call label_in


def test_a_ledger_export_with_a_bad_direction_names_the_words_it_may_hold(tmp_path, capsys) -> None:
    from qiake_auditor.cli import main

    from ..core.alipay_text import alipay_csv

    bill = alipay_csv(tmp_path / "支付宝交易明细(20240101-20240131).csv", ["jan"])
    ledger = tmp_path / "ledger.csv"
    first = str(tmp_path / "first.sqlite")
    assert main(["import", str(bill), "--workspace", first, "--out", str(ledger)]) == 0
    edited = ledger.read_text(encoding="utf-8-sig").replace(",expense,", ",支出,")
    ledger.write_text(edited, encoding="utf-8-sig")
    capsys.readouterr()
    other = str(tmp_path / "other.sqlite")
    assert main(["import", str(ledger), "--workspace", other, "--lang", "zh"]) == 2
    zh = capsys.readouterr().err
    assert "ledger.csv 第 2 行：direction 的值 '支出' 不是 expense（支出）、income（收入）" in zh
    assert "neutral（不计收支）" in zh
    assert main(["import", str(ledger), "--workspace", other, "--lang", "en"]) == 2
    en = capsys.readouterr().err
    assert "ledger.csv, line 2: direction '支出' is not expense, income or neutral" in en


def test_the_import_total_counts_one_file_and_one_row_in_the_singular(tmp_path, capsys) -> None:
    from qiake_auditor.cli import main

    from ..core.alipay_text import alipay_csv

    jan = alipay_csv(tmp_path / "支付宝交易明细(20240101-20240131).csv", ["jan"])
    feb = alipay_csv(tmp_path / "支付宝交易明细(20240201-20240229).csv", ["feb"])
    ws = str(tmp_path / "ws.sqlite")
    assert main(["import", str(jan), "--workspace", ws]) == 0
    capsys.readouterr()
    assert main(["import", str(jan), str(feb), "--workspace", ws, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "in all: 2 files, 2 rows read, 1 new, 1 file already imported" in out
    assert "\n  1 row (already imported, no new rows), 2024-01-31 .. 2024-01-31\n" in out
    assert main(["import", str(jan), str(feb), "--workspace", ws, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "合计：2 个文件，读到 2 行，新增 0 行，2 个文件以前已导入" in out
    # one row of one file, its dates: a Chinese comma and 至 in Chinese
    assert "1 行（以前已导入，没有新行），2024-01-31 至 2024-01-31" in out


def test_an_attachment_of_one_byte_is_one_byte_in_english(tmp_path, capsys) -> None:
    from qiake_auditor.cli import main

    from ..core.alipay_text import alipay_csv

    bill = alipay_csv(tmp_path / "支付宝交易明细(20240101-20240331).csv", ["jan", "feb", "mar"])
    ws = str(tmp_path / "ws.sqlite")
    assert main(["import", str(bill), "--workspace", ws]) == 0
    (tmp_path / "note.txt").write_bytes(b"x")
    (tmp_path / "big.txt").write_bytes(b"y" * 1234)
    capsys.readouterr()
    logged = ["case", "log", "洽客", "--workspace", ws, "--channel", "merchant"]
    attach = ["--attach", str(tmp_path / "note.txt"), "--attach", str(tmp_path / "big.txt")]
    assert main([*logged, "--summary", "called", *attach, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^  note\.txt  sha256 [0-9a-f]{64}  \(1 byte\)$", out, re.M), out
    assert re.search(r"^  big\.txt  sha256 [0-9a-f]{64}  \(1,234 bytes\)$", out, re.M), out
    assert main([*logged, "--summary", "打过电话", *attach, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^  note\.txt  sha256 [0-9a-f]{64}（1 字节）$", out, re.M), out


def test_a_warning_under_an_imported_file_has_a_chinese_colon(tmp_path, capsys) -> None:
    from qiake_auditor.cli import main

    bill = tmp_path / "us.csv"
    bill.write_text("Date,Description,Amount\n2024-01-05,Netflix,-15.49\n", encoding="utf-8")
    ws = str(tmp_path / "ws.sqlite")
    assert main(["import", str(bill), "--workspace", ws, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "\n  注意：us.csv：文件没有写明币种" in out and "注意:" not in out


def test_check_scan_and_case_show_speak_one_language_with_english_singulars(
    tmp_path, capsys
) -> None:
    from qiake_auditor.cli import main

    from ..core.alipay_text import alipay_csv

    bill = alipay_csv(tmp_path / "支付宝交易明细(20240101-20240331).csv", ["jan", "feb", "mar"])
    one = alipay_csv(tmp_path / "支付宝交易明细(20240305-20240305).csv", ["coffee"])
    ws = str(tmp_path / "ws.sqlite")
    small = str(tmp_path / "small.sqlite")
    assert main(["import", str(one), "--workspace", small]) == 0
    assert main(["import", str(bill), "--workspace", ws]) == 0
    capsys.readouterr()

    assert main(["check", "--workspace", small, "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "workspace intact: 1 original and 1 ledger row match their checksums\n"
    )
    assert main(["check", "--workspace", ws, "--lang", "zh"]) == 0
    assert capsys.readouterr().out == "工作区完好：1 个原始文件、3 行账目均与校验值一致\n"

    assert main(["scan", "--workspace", ws, "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "as of 2024-03-31: 1 recurring stream, 3 flagged charges"
    assert out[1].split()[:3] == ["merchant", "type", "cadence"]
    assert main(["scan", "--workspace", ws, "--lang", "zh"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "截至 2024-03-31：1 个周期性收支，3 笔标记扣费"
    assert out[1].split()[:3] == ["商户", "类型", "周期"]

    assert main(["case", "set", "洽客", "--workspace", ws, "--cancelled", "2024-02-15"]) == 0
    assert (
        main(
            [
                *("case", "log", "洽客", "--workspace", ws, "--channel", "merchant"),
                *("--summary", "打电话要求退款", "--date", "2024-04-02"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["case", "show", "洽客", "--workspace", ws, "--lang", "zh"]) == 0
    zh = capsys.readouterr().out
    assert "\n状态：未核对\n" in zh and "\n首次至最近：2024-01-31 至 2024-03-31\n" in zh
    assert "\n2024-02-15 取消后的扣费：\n" in zh and "\n案件记录：\n" in zh
    assert "  日期  " in zh and "status" not in zh and "case log" not in zh
    assert main(["case", "show", "洽客", "--workspace", ws, "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert "\nstatus: unreviewed\n" in en and "\nfirst .. last: 2024-01-31 .. 2024-03-31\n" in en
    assert "\ncharges after the cancellation of 2024-02-15:\n" in en and "\ncase log:\n" in en
    assert "  date  " in en and "状态" not in en and "案件记录" not in en


def test_command_modules_take_their_words_from_the_catalogue() -> None:
    """No zh/en pair chosen inline (``"状态：" if lang == "zh" else "status: "``) in the
    command line's modules: their words are message ids of i18n/catalogue.py."""
    import re
    from pathlib import Path

    package = Path(__file__).parents[2] / "qiake_auditor"
    modules = [*sorted((package / "commands").glob("*.py")), package / "cli.py"]
    modules.append(package / "outputs" / "cli.py")
    inline = re.compile(r"""if (?:lang == ["']zh["']|zh) else""")
    found = [
        f"{path.name}:{number}"
        for path in modules
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if inline.search(line) and "explanation_" not in line  # a field of the data, per lang
    ]
    assert found == []


# ASCII punctuation straight after a Chinese character, in the Chinese of a message.
_ASCII_AFTER_CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef][,:;()!?]")
# Notation that is not prose: MT940 syntax such as "RD金额,类型", and "date=列名,amount=..."
# (the --map option's syntax, commas between FIELD=COLUMN pairs).
_NOTATION = {"mt940.bad_statement_line"}
_MAP_SYNTAX = re.compile(r"\w+=[^,\s]+,")


def test_chinese_messages_use_chinese_punctuation() -> None:
    from qiake_auditor.i18n.catalogue import CATALOGUE
    from qiake_auditor.i18n.cli_help import HELP_ZH

    fields = re.compile(r"\{[^{}]*\}")  # {value!r}, {count:,}: not text
    bad = [
        message_id
        for message_id, (zh, _) in CATALOGUE.items()
        if message_id not in _NOTATION and _ASCII_AFTER_CJK.search(fields.sub("X", zh))
    ]
    bad += [zh for zh in HELP_ZH.values() if _ASCII_AFTER_CJK.search(_MAP_SYNTAX.sub("", zh))]
    assert bad == []


def test_formats_takes_lang_after_the_sub_command_too(capsys) -> None:
    from qiake_auditor.cli import main

    assert main(["formats", "--lang", "zh"]) == 0
    assert re.search(r"^alipay-2023 +支付宝交易流水证明$", capsys.readouterr().out, re.M)
    assert main(["formats", "--lang", "en"]) == 0
    assert re.search(r"^alipay-2023 +Alipay app CSV \(2023\+\)$", capsys.readouterr().out, re.M)


def test_names_and_choices_in_a_refusal_are_listed_as_its_language_lists(tmp_path) -> None:
    from types import SimpleNamespace

    import pytest

    from qiake_auditor.app import Audit
    from qiake_auditor.errors import UserError

    def case(name: str) -> SimpleNamespace:
        return SimpleNamespace(
            names=[name], key=name, id=name, merchant=name, matches=lambda t: t in name
        )

    snap = SimpleNamespace(cases=[case("洽客科技"), case("洽客网络")])
    with Audit.open(tmp_path / "ws.sqlite") as audit, pytest.raises(UserError) as refused:
        audit.find_case("洽客", snap)
    assert refused.value.text("zh") == "'洽客' 匹配多个案件：洽客科技、洽客网络；请写得更具体"
    assert refused.value.text("en") == (
        "'洽客' matches several cases: 洽客科技, 洽客网络; be more specific"
    )


def test_a_bad_status_lists_the_choices_in_the_language_asked(tmp_path, capsys) -> None:
    from qiake_auditor.cli import main

    from ..core.alipay_text import alipay_csv

    ws = str(tmp_path / "ws.sqlite")
    bill = alipay_csv(tmp_path / "支付宝交易明细(20240101-20240331).csv", ["jan", "feb", "mar"])
    assert main(["import", str(bill), "--workspace", ws]) == 0
    capsys.readouterr()
    assert main(["case", "set", "洽客", "--status", "x", "--workspace", ws, "--lang", "zh"]) == 2
    assert "不是以下之一：unreviewed、authorised、unrecognised" in capsys.readouterr().err
    assert main(["case", "set", "洽客", "--status", "x", "--workspace", ws, "--lang", "en"]) == 2
    assert "is not one of: unreviewed, authorised, unrecognised" in capsys.readouterr().err
