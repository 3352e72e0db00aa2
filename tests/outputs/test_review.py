"""What a recipient reads: refunds netted out of what is asked for, letters addressed to
the right party, ids and tickets never cut short, dates never broken across lines."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import docx
import pandas as pd

from qiake_auditor.app.cases import totals_of
from qiake_auditor.masking import Masker
from qiake_auditor.outputs.evidence import tables
from qiake_auditor.outputs.evidence.package import Original, build_package
from qiake_auditor.outputs.facts import CaseFacts, Party, joined
from qiake_auditor.outputs.letters.drafts import build_letter
from qiake_auditor.outputs.report.pdf import ReportInput, build_report
from qiake_auditor.outputs.report.wrap import wrap
from qiake_auditor.vocab import CaseStatus

from .conftest import CSV, SHA, make_case, needs

LONG_ORDER = "QK-ORDER-" + "0123456789" * 6  # 69 characters: wider than its column
LONG_TICKET = "TK-2025-000123456789-ABCDEFGHIJ"


def _refunded_case():
    """The hand-made case with ¥10.00 of the July charge (after the cancellation) refunded
    and one charge whose merchant order id is far wider than the table's column."""
    case = make_case()
    charges = list(case.charges)
    july = charges[6]
    refund = replace(
        july,
        row_id=99,
        dedup_key="r7",
        time="2025-07-15 10:00:00",
        date=july.date.replace(day=15),
        amount=Decimal("10.00"),
        state="refund",
        txn_id="4200000000202507150000000099",
        source_row=20,
        flags=[],
        after_cancellation=False,
    )
    charges[2] = replace(charges[2], merchant_order_id=LONG_ORDER)
    case.charges = charges
    case.after = [c for c in charges if c.after_cancellation]
    case.refunds = [refund]
    case.totals = totals_of(charges, [refund])
    case.log[0] = replace(case.log[0], ticket=LONG_TICKET)
    return case


def _pdf_text(data: bytes, tmp_path: Path, layout: bool = False) -> str:
    needs("pdftotext")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _printed_in_pieces(value: str, text: str) -> bool:
    """``value`` is in ``text`` whole, or as consecutive pieces of at least 8 characters (a
    wrapped table cell: pdftotext reads the row's other cells between its lines)."""
    rest, at = value, 0
    while rest:
        size = len(rest)
        while size >= 8 and text.find(rest[:size], at) < 0:
            size -= 1
        found = text.find(rest[:size], at)
        if found < 0 or (size < 8 and size != len(rest)):
            return False
        at = found + size
        rest = rest[size:]
    return True


def test_wrap_keeps_dates_amounts_and_ids_whole():
    def measure(char: str) -> float:
        return 2.0 if ord(char) > 0x2E80 else 1.0

    text = "您记录的取消日期为2025-06-20，之后仍被扣费5次，合计¥1,980.00（2025-07-12 02:40:19）"
    lines = wrap(text, 24, measure)
    assert "".join(lines) == text  # nothing dropped, nothing added
    assert all(sum(map(measure, line)) <= 24 for line in lines)
    for whole in ("2025-06-20", "¥1,980.00", "2025-07-12", "02:40:19"):
        assert any(whole in line for line in lines), (whole, lines)
    # an id wider than a line is carried on, never cut with an ellipsis
    lines = wrap(LONG_ORDER, 20, measure)
    assert "".join(lines) == LONG_ORDER and len(lines) == 4
    assert wrap("Alipay and WeChat Pay", 12, measure) == ["Alipay and", "WeChat Pay"]


def test_claim_is_net_of_refunds_everywhere(tmp_path):
    case = _refunded_case()
    facts = CaseFacts.of(case)
    after = sum(c.amount for c in case.charges if c.after_cancellation)
    assert after == Decimal("87.00")  # July, August: 3 charges of ¥29 after 2025-05-20
    assert facts.claimed_total == {"CNY": Decimal("77.00")}
    assert facts.refund_of(case.charges[6]) == Decimal("10.00")
    assert facts.refund_of(case.charges[5]) == Decimal("0.00")
    # all charges claimed (no cancellation): every refund of the case is taken off
    assert facts.owed(case.charges) == {"CNY": Decimal("222.00")}  # 8 × 29 − 10

    records = tables.flagged_records(facts, {SHA: "E-01"}, Masker())
    asked = {r["merchant_order_id"]: r["refund_requested"] for r in records}
    assert asked["ORD0007"] == Decimal("19.00") and asked["ORD0006"] == Decimal("29.00")
    assert asked["ORD0001"] == Decimal("0.00")  # before the cancellation: not claimed

    zh = _pdf_text(build_report(ReportInput(facts, Party(), "zh")), tmp_path)
    assert "3 笔款项，共计 ¥87.00，扣除已退款 ¥10.00 后尚应退还 ¥77.00" in zh
    assert "商户退款" in zh and "¥10.00" in zh
    en = _pdf_text(build_report(ReportInput(facts, Party(), "en")), tmp_path)
    assert "3 charges, ¥87.00 in all, less ¥10.00 already refunded: ¥77.00 still owed" in " ".join(
        en.split()
    )
    for kind in ("merchant", "platform", "regulator"):
        letter = build_letter(kind, facts, Party(), "zh")
        document = docx.Document(io.BytesIO(letter.docx_bytes()))
        said = "\n".join(p.text for p in document.paragraphs)
        assert "尚应退还 ¥77.00" in said, kind
    bank = build_letter("bank", facts, Party(), "en")
    said = "\n".join(p.text for p in docx.Document(io.BytesIO(bank.docx_bytes())).paragraphs)
    assert "Total disputed: ¥77.00" in said


def test_long_ids_and_tickets_are_printed_whole(tmp_path):
    facts = CaseFacts.of(_refunded_case())
    for lang in ("zh", "en"):
        data = build_report(ReportInput(facts, Party(), lang))
        text = _pdf_text(data, tmp_path)
        assert "…" not in text
        assert _printed_in_pieces(LONG_ORDER, text) and _printed_in_pieces(LONG_TICKET, text)
        pages = text.count("\f")
        assert 5 <= pages <= 8, pages


def test_letters_name_the_merchant_to_everyone_but_the_merchant():
    facts = CaseFacts.of(make_case())
    for lang, you in (("zh", "贵司"), ("en", "your company")):
        merchant = build_letter("merchant", facts, Party(), lang).txt_bytes().decode("utf-8-sig")
        assert you in merchant
        for kind in ("platform", "bank", "chargeback"):
            if kind == "chargeback" and lang == "zh":
                continue
            text = build_letter(kind, facts, Party(), lang).txt_bytes().decode("utf-8-sig")
            assert you not in text, (kind, lang)
            assert "深圳示例科技有限公司" in text
    regulator = build_letter("regulator", facts, Party(), "zh").txt_bytes().decode("utf-8-sig")
    assert "贵司" not in regulator.split("依据")[0]


def test_platform_form_text_says_cancelled_only_when_it_was():
    case = make_case()
    case.cancelled_on = None
    for c in case.charges:
        c.after_cancellation = False
    case.after = []
    facts = CaseFacts.of(case)
    zh = build_letter("platform", facts, Party(), "zh").short
    en = build_letter("platform", facts, Party(), "en").short
    assert "取消" not in zh and "续费前未见显著提醒" in zh and len(zh) <= 300
    assert "cancel" not in en and "、" not in en and "8 charges" in en


def test_english_lists_read_as_sentences():
    assert joined(["Alipay", "WeChat Pay"], "en") == "Alipay and WeChat Pay"
    assert joined(["a", "b", "c"], "en") == "a, b and c"
    assert joined(["支付宝", "微信支付"], "zh") == "支付宝、微信支付"


def test_every_file_the_tables_name_is_in_the_package(tmp_path, case):
    """all_transactions.csv lists a bank's copy of a wallet payment: its statement is an
    exhibit too, so every row of the package can be checked against an original in it."""
    bank_bytes = "交易日期,摘要,金额\n2025-01-13,支付宝-深圳示例科技有限公司,29.00\n".encode()
    bank_sha = hashlib.sha256(bank_bytes).hexdigest()
    rows = pd.DataFrame(
        [
            {"source": "示例账单.csv", "source_sha256": SHA, "source_row": "2", "amount": "29.00"},
            {"source": "银行.csv", "source_sha256": bank_sha, "source_row": "2", "amount": "29.00"},
        ]
    )
    originals = [
        Original("示例账单.csv", SHA, lambda: CSV, "", "alipay-2023"),
        Original("银行.csv", bank_sha, lambda: bank_bytes, "", "icbc-debit"),
        Original("无关.csv", "0" * 64, lambda: b"x", "", "icbc-debit"),
    ]
    out = tmp_path / "p.zip"
    build_package(case, out, originals, all_rows=rows, charts=False)
    names = zipfile.ZipFile(out).namelist()
    assert any(n.endswith("data/originals/银行.csv") for n in names)
    assert not any(n.endswith("无关.csv") for n in names)


def test_an_unrecognised_merchant_is_scenario_a(tmp_path):
    """The user says they never signed up: the report and the platform letter say so and
    cite the verified burden-of-proof rule, not the renewal-notice one."""
    case = make_case()
    case.status = CaseStatus.UNRECOGNISED
    case.cancelled_on = None
    case.after = []
    for c in case.charges:
        c.after_cancellation = False
    facts = CaseFacts.of(case)
    assert facts.scenario == "A"
    zh = "".join(_pdf_text(build_report(ReportInput(facts, Party(), "zh")), tmp_path).split())
    assert "A：申请人不认识该商户，未开通其服务、未授权其扣款" in zh
    assert "由发卡行、非银行支付机构对交易系持卡人本人或其授权承担举证责任" in zh
    assert "申请人未见商户在开通服务前" not in zh
    assert "（尚无记录）" not in zh  # the hand-made case has a contact in its log
    letter = build_letter("platform", facts, Party(), "zh")
    said = [p.text for p in docx.Document(io.BytesIO(letter.docx_bytes())).paragraphs]
    assert "未经本人授权的扣款" in said
    assert "在本人未开通、未授权的情况下扣款" in letter.short
    merchant = build_letter("merchant", facts, Party(), "zh").txt_bytes().decode("utf-8-sig")
    assert merchant.startswith("关于未经授权扣款、退还款项及调取授权记录的函")
    assert "本人不认识贵司，从未开通贵司的服务，也未授权贵司扣款。" in merchant
    assert "取消自动续费" not in merchant
    case.status = CaseStatus.DISPUTED
    assert CaseFacts.of(case).scenario == "B"


def test_counts_have_thousands_separators():
    from qiake_auditor.i18n import counted

    assert counted("evidence.summary.charge_count", 10000, "en") == "10,000 charges"
    assert counted("evidence.summary.charge_count", 1, "en") == "1 charge"
    assert counted("outputs.claim.charges", 4999, "zh") == "4,999 笔款项"


def test_readme_lists_what_the_package_holds(tmp_path, originals):
    out = tmp_path / "p.zip"
    build_package(_refunded_case(), out, originals, lang="both", charts=False)
    bag = zipfile.ZipFile(out)
    names = bag.namelist()
    root = names[0].split("/")[0]
    zh = bag.read(f"{root}/data/README_zh.txt").decode("utf-8")
    en = bag.read(f"{root}/data/README_en.txt").decode("utf-8")
    for report in ("data/report/evidence_report.pdf", "data/report/evidence_report_en.pdf"):
        assert f"{root}/{report}" in names
        assert report in zh and report in en
    assert "申请退还：3 笔款项，共计 ¥87.00，扣除已退款 ¥10.00 后尚应退还 ¥77.00" in zh
    assert "Refunded: ¥10.00" in en
    assert "data/attachments/" not in zh and "data/attachments/" not in en  # none attached


def test_letter_placeholders_are_highlighted_in_the_docx():
    from docx.enum.text import WD_COLOR_INDEX

    letter = build_letter("merchant", CaseFacts.of(make_case()), Party(name="张三"), "zh")
    document = docx.Document(io.BytesIO(letter.docx_bytes()))
    runs = [r for p in document.paragraphs for r in p.runs]
    marked = [r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert "【请填写：电话】" in marked and "【请填写：签名】" in marked
    assert all(t.startswith("【请填写：") and t.endswith("】") for t in marked)
    said = "\n".join(p.text for p in document.paragraphs)
    assert said.count("【请填写：") == len(marked)  # every placeholder is marked
    assert "张三" in said and "张三" not in marked


def test_xlsx_times_read_back_to_the_second():
    """A charge's time in flagged_transactions.xlsx is the statement's, to the second (six
    decimals of a day were 86 ms steps: 01:00:27 read back as 01:00:26.986)."""
    import random
    from datetime import datetime, timedelta

    import openpyxl

    from qiake_auditor.outputs.evidence.xlsx import Sheet

    sheet = Sheet("t")
    sheet.header(["time"])
    rng = random.Random(7)
    times = [datetime(2000, 1, 1) + timedelta(seconds=rng.randrange(10**9)) for _ in range(500)]
    times.append(datetime(2023, 12, 7, 1, 0, 27))
    for when in times:
        sheet.append([when])
    book = openpyxl.load_workbook(io.BytesIO(sheet.to_bytes()))
    assert [r[0] for r in book.active.iter_rows(min_row=2, values_only=True)] == times


def test_each_report_gets_charts_in_its_own_language(tmp_path, originals, monkeypatch):
    """charts/ speak the package's first language (Chinese for a package in both, English
    for an English one: they kept 07月 / 2025年 ticks and both languages' labels); the
    Chinese report shows those charts, the English report charts drawn in English."""
    from qiake_auditor import charts as charts_module
    from qiake_auditor.outputs.evidence import package

    drawn: list[str | None] = []
    real_chart = charts_module.case_chart

    def chart(*args, **kwargs):
        drawn.append(kwargs.get("lang"))
        return real_chart(*args, **kwargs)

    given: dict[str, list[bytes]] = {}
    real_report = package.build_report

    def report(data):
        given[data.lang] = data.charts
        return real_report(data)

    monkeypatch.setattr(charts_module, "case_chart", chart)
    monkeypatch.setattr(package, "build_report", report)

    def folder(lang: str) -> tuple[list[bytes], str]:
        out = tmp_path / f"p_{lang}.zip"
        build_package(make_case(), out, originals, lang=lang)
        bag = zipfile.ZipFile(out)
        root = bag.namelist()[0].split("/")[0]
        pngs = [bag.read(f"{root}/data/charts/{k}.png") for k in ("timeline", "cumulative")]
        svg = bag.read(f"{root}/data/charts/timeline.svg").decode("utf-8")
        return pngs, " ".join(re.findall(r"<!-- (.*?) -->", svg))

    pngs, words = folder("both")
    assert drawn == ["zh", "en", "zh", "en"]  # one drawing less than with bilingual charts/
    assert "每笔扣费" in words and "05月" in words and "2025年" in words
    assert "Each charge" not in words and "May" not in words
    assert len(given["zh"]) == len(given["en"]) == 2
    assert given["zh"] == pngs and given["en"] != pngs
    drawn.clear()
    pngs, words = folder("en")
    assert drawn == ["en", "en"]
    assert "Each charge" in words and "May" in words and "月" not in words and "扣费" not in words
    assert given["en"] == pngs


def test_summary_says_nothing_about_a_cancellation_that_was_not_recorded(tmp_path):
    case = make_case()
    case.cancelled_on = None
    case.after = []
    case.streams = []
    for c in case.charges:
        c.after_cancellation = False
    text = _pdf_text(build_report(ReportInput(CaseFacts.of(case), Party(), "zh")), tmp_path)
    summary = text.split("二、当事人与账户")[0]
    assert "取消后扣费" not in summary and "【请填写：取消日期】" in summary
    assert "未发现按固定周期重复的扣费" in text  # an empty section 5 says so
    case.status = CaseStatus.UNRECOGNISED
    text = _pdf_text(build_report(ReportInput(CaseFacts.of(case), Party(), "zh")), tmp_path)
    assert "取消日期" not in text.split("二、当事人与账户")[0]


def test_no_bank_letter_when_no_card_paid():
    """Charges paid from a WeChat balance cannot be disputed with a bank or charged back."""
    from qiake_auditor.outputs.letters.drafts import package_letters

    case = make_case()
    case.charges = [replace(c, method="零钱", format="wechat-csv") for c in case.charges]
    stems = [s for s, _ in package_letters(CaseFacts.of(case), Party(), "both", Masker(), [])]
    assert stems == [
        "L1_merchant_zh",
        "L2_wechat_zh",
        "L1_merchant_en",
        "L2_wechat_en",
        "L4_regulator_zh",
    ]
    stems = [s for s, _ in package_letters(CaseFacts.of(make_case()), Party(), "zh", Masker(), [])]
    # the hand-made case's last charge names another card (its full number): two disputes
    assert [s for s in stems if s[:2] in ("L3", "L5")] == [
        "L3_bank_1111_zh",
        "L3_bank_0123_zh",
        "L5_chargeback_generic_1111_en",
        "L5_chargeback_generic_0123_en",
    ]


def test_platform_form_text_fits_300_characters_with_whole_ids():
    case = make_case()
    long_name = "深圳市前海某某某某某某某某某某某某某某某某某某网络科技股份有限公司" * 2
    case.legal_name = long_name
    case.charges = [replace(c, txn_id=f"4200{c.row_id:024d}" * 2) for c in case.charges]
    case.after = [c for c in case.charges if c.after_cancellation]
    facts = CaseFacts.of(case)
    for lang, party in [(code, Party(business=b)) for code in ("zh", "en") for b in (False, True)]:
        short = build_letter("platform", facts, party, lang).short
        assert len(short) <= 300, len(short)
        assert ("本单位" in short or "we" in short) if party.business else "本单位" not in short
        assert short.endswith(case.id)  # the end is never cut off
        ids = [c.txn_id for c in case.after]
        shown = [i for i in ids if i in short]
        assert shown and all(i in short for i in ids[: len(shown)])
        assert ("等" if lang == "zh" else "and others") in short  # says some are left out


def test_a_card_only_case_gets_no_wallet_letter(tmp_path):
    """Charges printed only on a bank statement: no letter to Alipay or WeChat Pay (one to
    Alipay was made for them), and the summary says they went through a bank card."""
    from qiake_auditor.outputs.letters.drafts import package_letters

    case = make_case()
    case.charges = [replace(c, format="icbc-debit", method="工商银行(6688)") for c in case.charges]
    case.after = [c for c in case.charges if c.after_cancellation]
    facts = CaseFacts.of(case)
    stems = [s for s, _ in package_letters(facts, Party(), "en", Masker(), [])]
    assert stems == ["L1_merchant_en", "L3_bank_en", "L4_regulator_zh", "L5_chargeback_generic_en"]
    en = " ".join(_pdf_text(build_report(ReportInput(facts, Party(), "en")), tmp_path).split())
    assert "made 8 charges through a bank card, ¥232.00 in all" in en


def test_bank_letter_is_addressed_to_the_card_that_paid():
    case = make_case()
    case.charges = [replace(c, method="招商银行储蓄卡(1111)") for c in case.charges]
    case.after = [c for c in case.charges if c.after_cancellation]
    facts = CaseFacts.of(case)
    text = build_letter("bank", facts, Party(), "zh").txt_bytes().decode("utf-8-sig")
    assert "致：招商银行" in text and "卡号后四位：1111　卡类型：借记卡" in text
    assert "支付方式" in text and "招商银行储蓄卡(1111)" in text
    en = build_letter("bank", facts, Party(), "en").txt_bytes().decode("utf-8-sig")
    assert "To: 招商银行" in en and "Card ending: 1111 · type: debit" in en
    case = make_case()
    case.charges = [
        replace(c, method="工商银行储蓄卡(6688)") if c.row_id % 2 else c for c in case.charges
    ]
    case.after = [c for c in case.charges if c.after_cancellation]
    text = build_letter("bank", CaseFacts.of(case), Party(), "zh").txt_bytes().decode("utf-8-sig")
    assert "致：【请填写：发卡银行名称】" in text
    assert "多张银行卡支付：" in text and "工商银行(6688)、招商银行(1111)" in text
    # the hand-made case's last charge names a full card number: it is masked everywhere
    text = build_letter("bank", CaseFacts.of(make_case()), Party(), "zh").txt_bytes()
    assert "6222021234567890123" not in text.decode("utf-8-sig")
    assert "6222 **** **** 0123" in text.decode("utf-8-sig")


def test_letter_command_refuses_a_letter_to_a_party_that_took_no_money():
    import argparse

    import pytest

    from qiake_auditor.errors import UserError
    from qiake_auditor.outputs.cli import _check_letter_fits

    case = make_case()  # Alipay rows, paid by card
    facts = CaseFacts.of(case)

    def args(kind, platform=None):
        return argparse.Namespace(kind=kind, platform=platform, lang="en")

    _check_letter_fits(args("platform"), facts)
    _check_letter_fits(args("bank"), facts)
    with pytest.raises(UserError) as said:
        _check_letter_fits(args("platform", "wechat"), facts)
    assert "charges went through WeChat Pay" in said.value.text("en")
    case.charges = [replace(c, method="余额") for c in case.charges]
    for kind in ("bank", "chargeback"):
        with pytest.raises(UserError) as said:
            _check_letter_fits(args(kind), CaseFacts.of(case))
        assert "没有一笔由银行卡支付" in said.value.text("zh")
