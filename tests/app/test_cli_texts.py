"""Words the command line prints, in each language: Chinese punctuation in Chinese, English
plurals in English, and no text built outside the message catalogue."""

from __future__ import annotations

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
