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
    assert main(["import", str(jan), str(feb), "--workspace", ws, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "合计：2 个文件，读到 2 行，新增 0 行，2 个文件以前已导入" in out
    # one row of one file, its dates: a Chinese comma and 至 in Chinese
    assert "1 行（以前已导入，没有新行），2024-01-31 至 2024-01-31" in out


def test_a_warning_under_an_imported_file_has_a_chinese_colon(tmp_path, capsys) -> None:
    from qiake_auditor.cli import main

    bill = tmp_path / "us.csv"
    bill.write_text("Date,Description,Amount\n2024-01-05,Netflix,-15.49\n", encoding="utf-8")
    ws = str(tmp_path / "ws.sqlite")
    assert main(["import", str(bill), "--workspace", ws, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "\n  注意：us.csv：文件没有写明币种" in out and "注意:" not in out
