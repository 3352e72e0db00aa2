"""Masking, font discovery, citations, letters and charts on their own."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from qiake_auditor import charts
from qiake_auditor.errors import UserError
from qiake_auditor.masking import Masker, mask_account, mask_text
from qiake_auditor.outputs.evidence.tables import safe_text
from qiake_auditor.outputs.facts import CaseFacts, Party, citations_for, load_citations
from qiake_auditor.outputs.letters.drafts import KINDS, VARIANTS, build_letter
from qiake_auditor.outputs.report import fonts


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("6222021234567890123", "6222 **** **** 0123"),
        ("卡 6222 0212 3456 7890 扣款", "卡 6222 **** **** 7890 扣款"),
        ("13812345678", "138****5678"),
        ("110101199001011234", "110101********1234"),
        ("someone@example.com", "s***@example.com"),
        ("IBAN DE89370400440532013000", "IBAN DE89 **** 3000"),
        ("订单 QK2025113011553509", "订单 QK2025113011553509"),
        ("招商银行储蓄卡(1111)", "招商银行储蓄卡(1111)"),
        ("2025113022007388987188759518", "2025113022007388987188759518"),  # an order id stays
    ],
)
def test_mask_text(given, shown):
    assert mask_text(given) == shown


def test_masker_unmasked_keeps_everything():
    assert Masker(True).text("13812345678") == "13812345678"
    assert Masker().account("6222021234567890123") == mask_account("6222021234567890123")


@pytest.mark.parametrize("text", ["=1+1", "+cmd", "-2", "@SUM(A1)", "\t=x"])
def test_formula_text_is_escaped(text):
    assert safe_text(text) == "'" + text
    assert safe_text("深圳洽客") == "深圳洽客"


def test_only_verified_citations_with_dates_are_printed():
    every = load_citations()
    assert any(c["status"] != "verified" for c in every)  # the table keeps them, marked
    for use in ("merchant", "platform", "bank", "regulator", "report"):
        for item in citations_for(use):
            assert item["status"] == "verified" and item["checked_on"]
    ids = {c["id"] for c in citations_for("merchant")}
    assert "online-trade-18" not in ids and "consumer-55" not in ids
    assert "consumer-55" in {c["id"] for c in citations_for("merchant", punitive=True)}
    assert "consumer-26" not in {c["id"] for c in citations_for("merchant", business=True)}


def test_a_chosen_font_without_chinese_is_refused_with_a_message(tmp_path: Path):
    bogus = tmp_path / "not-a-font.ttf"
    bogus.write_bytes(b"nope")
    with pytest.raises(UserError) as raised:
        fonts.find_cjk_font(bogus)
    assert str(bogus) in raised.value.text("zh") and "字体" in raised.value.text("zh")
    assert str(bogus) in raised.value.text("en") and "Chinese glyphs" in raised.value.text("en")


def test_no_font_anywhere_says_what_to_do(monkeypatch):
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    with pytest.raises(UserError) as raised:
        fonts.find_cjk_font(search_system=False)
    message = raised.value.text("en")
    assert "--font" in message and "Microsoft YaHei" in message and "PingFang" in message
    assert "微软雅黑" in raised.value.text("zh") and fonts.FONT_ENV in raised.value.text("zh")


def test_the_system_font_covers_the_report_text():
    try:
        choice = fonts.find_cjk_font()
    except UserError:
        pytest.skip("no CJK font on this machine")
    assert fonts._covers(choice.path, choice.index)


def test_the_user_font_setting_is_used(monkeypatch):
    try:
        choice = fonts.find_cjk_font()
    except UserError:
        pytest.skip("no CJK font on this machine")
    monkeypatch.setenv(fonts.FONT_ENV, str(choice.path))
    assert fonts.find_cjk_font().path == choice.path


@pytest.mark.parametrize("kind", KINDS)
def test_each_letter_lists_the_claimed_charges(case, kind):
    facts = CaseFacts.of(case)
    letter = build_letter(kind, facts, Party(), "zh")
    text = letter.text()
    for charge in facts.claimed:
        assert charge.txn_id in text and charge.merchant_order_id in text
    assert ("【请填写：" in text) or ("[FILL IN:" in text)
    document = docx.Document(io.BytesIO(letter.docx_bytes()))
    assert document.tables


def test_platform_short_text_fits_the_form(case):
    letter = build_letter("platform", CaseFacts.of(case), Party(), "zh")
    assert 0 < len(letter.short) <= 300 and case.after[0].txn_id in letter.short


def test_business_purchase_gets_a_report_not_a_complaint(case):
    letter = build_letter("regulator", CaseFacts.of(case), Party(business=True), "zh")
    assert letter.title == "举报材料"
    assert "消费者权益保护法" not in letter.text()


@pytest.mark.parametrize("variant", VARIANTS)
def test_chargeback_variants(case, variant):
    text = build_letter("chargeback", CaseFacts.of(case), Party(), "en", variant=variant).text()
    assert "withdrawal of permission" in text and case.cancelled_on.isoformat() in text


@pytest.mark.parametrize("kind", charts.CASE_CHART_KINDS)
def test_case_charts_render_png_and_svg(case, kind):
    figure = charts.case_chart(case.charges, kind, case.cancelled_on, title=case.legal_name)
    assert charts.figure_bytes(figure, "png").startswith(b"\x89PNG")
    svg = charts.figure_bytes(figure, "svg")
    assert b"<svg" in svg
    assert svg.rstrip().endswith(b"</svg>")


def test_documents_join_the_totals_of_several_currencies_in_their_language():
    from decimal import Decimal

    from qiake_auditor.outputs.facts import money_totals

    totals = {"CNY": Decimal("29.00"), "USD": Decimal("12.00")}
    assert money_totals(totals, "zh") == "¥29.00；$12.00"
    assert money_totals(totals, "en") == "¥29.00; $12.00"
    assert money_totals({}, "zh") == "¥0.00"


def test_a_case_in_one_line_in_each_language(case):
    from qiake_auditor.outputs.facts import CaseFacts

    facts = CaseFacts.of(case)
    zh, en = facts.summary("zh"), facts.summary("en")
    assert zh.startswith(f"{case.legal_name}：{len(facts.charges)} 笔扣费，共 ¥")
    assert en.startswith(f"{case.legal_name}: {len(facts.charges)} charges, ¥")
    assert f"；{case.cancelled_on.isoformat()} 取消后仍扣 {len(facts.after)} 笔，共 ¥" in zh
    facts.charges = facts.charges[:1]
    assert f"{case.legal_name}: 1 charge, " in facts.summary("en")  # singular
