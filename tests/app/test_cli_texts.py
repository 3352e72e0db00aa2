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
