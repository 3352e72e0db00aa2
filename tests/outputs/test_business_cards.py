"""Letters for a company's purchase, one bank dispute per paying card, and no 12315 letter
for a merchant outside mainland China (the demo built from the CLI, and hand-made cases)."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from dataclasses import replace
from decimal import Decimal

import docx
import pandas as pd
import pytest

from qiake_auditor import cli
from qiake_auditor.demo import demo_files
from qiake_auditor.masking import Masker
from qiake_auditor.outputs.evidence.readme import readme
from qiake_auditor.outputs.facts import CaseFacts, Party, load_citations, mainland_merchant
from qiake_auditor.outputs.letters.drafts import build_letter, package_letters

from .conftest import make_case, needs

COMPANY = "深圳示例贸易有限公司"


@pytest.fixture(scope="module")
def company_package(tmp_path_factory):
    """The demo's 洽客 case bought by a company, no cancellation (every charge claimed), in
    both languages: two cards paid (招商银行 1111 through Alipay, 工商银行 6688)."""
    folder = tmp_path_factory.mktemp("business")
    out = folder / "b.zip"
    argv = [
        "evidence",
        *map(str, demo_files()),
        "--merchant",
        "洽客",
        "--workspace",
        str(folder / "ws.sqlite"),
        "--out",
        str(out),
        "--lang",
        "both",
        "--business",
        "--punitive",
        "--variant",
        "us-credit",
        "--name",
        COMPANY,
    ]
    assert cli.main(argv) == 0
    with zipfile.ZipFile(out) as archive:
        return {i.filename.split("/", 1)[1]: archive.read(i) for i in archive.infolist()}


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _quoted() -> list[str]:
    """The citations' own wording, which a company's letter quotes unchanged."""
    return [i[k] for i in load_citations() for k in ("paraphrase_zh", "paraphrase_en")]


def _own_words(text: str) -> str:
    for quote in _quoted():
        text = text.replace(quote, "")
    return text


def test_company_letters_speak_for_the_company(company_package):
    letters = {n.rsplit("/", 1)[1]: d for n, d in company_package.items() if "data/letters/" in n}
    for name, data in letters.items():
        if not name.endswith(".docx"):
            continue
        text = _docx_text(data)
        own = _own_words(text)
        if name.endswith("_zh.docx"):
            assert "本人" not in own, name
            assert (
                f"申请单位：{COMPANY}" in text
                and "统一社会信用代码：【请填写：统一社会信用代码】" in text
            )
            assert "申请人" not in text and "消费者权益保护法" not in text, name
            assert "申请单位（盖章）" in text, name
        else:
            assert not re.search(r"\b(I|my|me)\b", own), (name, re.findall(r".{30}\bI\b.{30}", own))
            assert f"From: {COMPANY} (unified social credit code [FILL IN:" in text
            assert f"For and on behalf of {COMPANY}" in text
    merchant = _docx_text(letters["L1_merchant_zh.docx"])
    assert "本单位账户扣费 18 笔" in merchant
    assert "第五十五条" not in merchant and "三倍" not in merchant  # --punitive: consumers only
    request = next(line for line in merchant.splitlines() if line.startswith("3. 依据"))
    assert "个人信息保护法" not in request and "第六十二条" in request
    # an individual's right to their data is not cited for a company (citations.json scope)
    assert "个人信息保护法" not in merchant
    assert "We do not know" not in _docx_text(letters["L1_merchant_en.docx"])  # not scenario A
    assert "made 18 charges to our account" in _docx_text(letters["L1_merchant_en.docx"])
    regulator = _docx_text(letters["L4_regulator_zh.docx"])
    assert regulator.startswith("举报材料") and "被举报人：深圳洽客科技有限公司" in regulator
    assert "消费者协会" not in regulator and "投诉（诉求）" not in regulator
    assert "12315“投诉”只受理消费者的投诉" in regulator
    # a company's card: the consumer-credit variant (FCBA / Regulation Z) is not claimed
    chargebacks = [n for n in letters if n.startswith("L5_") and n.endswith(".docx")]
    assert chargebacks and all(n.startswith("L5_chargeback_generic_") for n in chargebacks)
    for name in chargebacks:
        assert "Fair Credit Billing" not in _docx_text(letters[name])
    # the card-scheme citation the bank letter quotes keeps its own words (本人)
    bank = _docx_text(letters["L3_bank_1111_zh.docx"])
    assert "持卡人本人" in bank


def test_one_bank_letter_and_chargeback_per_card(company_package):
    names = sorted(n.rsplit("/", 1)[1] for n in company_package if "data/letters/" in n)
    banks = [n for n in names if n.startswith(("L3", "L5")) and n.endswith(".txt")]
    assert banks == [
        "L3_bank_1111_en.txt",
        "L3_bank_1111_zh.txt",
        "L3_bank_6688_en.txt",
        "L3_bank_6688_zh.txt",
        "L5_chargeback_generic_1111_en.txt",
        "L5_chargeback_generic_6688_en.txt",
    ]
    table = next(n for n in company_package if n.endswith("flagged_transactions.csv"))
    flagged = pd.read_csv(io.BytesIO(company_package[table]), dtype=str, encoding="utf-8-sig")
    flagged["amount"] = flagged["amount"].map(Decimal)
    cards = {"1111": "招商银行", "6688": "工商银行"}
    for last4, issuer in cards.items():
        mine = flagged[flagged["pay_method"].str.contains(f"({last4})", regex=False)]
        others = flagged[~flagged.index.isin(mine.index)]
        total = f"¥{sum(mine['amount'], Decimal('0')):,.2f}"
        zh = _docx_text(company_package[f"data/letters/L3_bank_{last4}_zh.docx"])
        assert f"致：{issuer}" in zh and f"卡号后四位：{last4}" in zh
        assert f"争议金额合计：{total}" in zh
        assert f"共从本单位账户扣费 {len(mine)} 笔，合计 {total}" in zh
        assert "多张银行卡" not in zh  # each letter is for its bank only
        assert all(i in zh for i in mine["platform_txn_id"].dropna())
        assert not any(i in zh for i in others["platform_txn_id"].dropna())
        en = _docx_text(company_package[f"data/letters/L5_chargeback_generic_{last4}_en.docx"])
        assert f"account ending {last4} — total {total}" in en and f"To: {issuer}," in en
        assert sum(i in en for i in others["platform_txn_id"].dropna()) == 0
    # by hand, from the demo's statements: four charges by card 1111, one by card 6688
    assert len(flagged[flagged["pay_method"].str.contains("(1111)", regex=False)]) == 4
    assert len(flagged[flagged["pay_method"].str.contains("(6688)", regex=False)]) == 1


def test_a_card_that_paid_nothing_claimed_gets_no_dispute():
    """After a cancellation only the later charges are claimed: a card that paid only
    before it has nothing to dispute, and the package stems stay L3_bank_zh."""
    case = make_case()  # cancelled 2025-05-20; months 6-8 are after it
    case.charges = [
        replace(c, method="工商银行储蓄卡(6688)" if c.date.month < 3 else "招商银行储蓄卡(1111)")
        for c in case.charges
    ]
    case.after = [c for c in case.charges if c.after_cancellation]
    stems = [s for s, _ in package_letters(CaseFacts.of(case), Party(), "zh", Masker(), [])]
    assert [s for s in stems if s[:2] in ("L3", "L5")] == ["L3_bank_zh", "L5_chargeback_generic_en"]
    letter = dict(package_letters(CaseFacts.of(case), Party(), "zh", Masker(), []))["L3_bank_zh"]
    assert "致：招商银行" in letter.text() and "6688" not in letter.text()


def _foreign_case():
    case = make_case()
    case.legal_name = "NOTION LABS INC"
    case.names = ["NOTION LABS INC"]
    case.charges = [
        replace(c, format="icbc-debit", method="工商银行(6688)", counterparty="NOTION LABS INC")
        for c in case.charges
    ]
    case.after = [c for c in case.charges if c.after_cancellation]
    return case


def test_no_12315_letter_for_a_merchant_outside_mainland_china():
    case = _foreign_case()
    facts = CaseFacts.of(case)
    stems = [s for s, _ in package_letters(facts, Party(), "both", Masker(), [])]
    assert "L4_regulator_zh" not in stems
    assert "L3_bank_zh" in stems and "L5_chargeback_generic_en" in stems
    zh, en = readme("zh", facts, [], []), readme("en", facts, [], [])
    assert "未附 12315 材料（L4）：商户名称 NOTION LABS INC 没有中文名称" in zh
    assert "请向发卡银行提出争议交易/拒付（见 letters/ 中的 L3 与 L5）" in zh
    assert "No 12315 letter (L4): the merchant NOTION LABS INC has no Chinese name" in en
    assert "Dispute the charges with the card's bank instead (L3 and L5" in en
    # a mainland merchant keeps its 12315 letter and the README says nothing of it
    facts = CaseFacts.of(make_case())
    assert "L4_regulator_zh" in [s for s, _ in package_letters(facts, Party(), "zh", Masker(), [])]
    assert "12315" not in readme("zh", facts, [], []) and "12315" not in readme("en", facts, [], [])


@pytest.mark.parametrize(
    ("names", "currency", "mainland"),
    [
        (["深圳洽客科技有限公司", "洽客科技"], "CNY", True),
        (["NOTION LABS INC"], "CNY", False),
        (["JETBRAINS S.R.O."], "CNY", False),
        (["ZOOM.US 888-799-9666"], "CNY", False),
        (["ADOBE *CREATIVE CLOUD"], "CNY", False),
        (["FIGMA MONTHLY"], "USD", False),
        (["FIGMA MONTHLY"], "CNY", True),  # nothing says it is foreign: 12315 stays open
        (["QIAKE", "洽客"], "CNY", True),
    ],
)
def test_mainland_merchant(names, currency, mainland):
    case = make_case()
    case.legal_name, case.names = names[0], names
    case.charges = [replace(c, currency=currency) for c in case.charges]
    assert mainland_merchant(case) is mainland


def test_a_person_still_speaks_for_themself():
    """Without --business nothing of the company wording appears."""
    facts = CaseFacts.of(make_case())
    zh = build_letter("merchant", facts, Party(), "zh").text()
    en = build_letter("merchant", facts, Party(), "en").text()
    assert "共从本人账户扣费" in zh and "申请人：" in zh and "本单位" not in zh
    assert "to my account" in en and not re.search(r"\b(we|our|us)\b", _own_words(en))
    assert "《个人信息保护法》第四十五条" in zh


def test_company_report_declares_for_the_company(company_package, tmp_path):
    needs("pdftotext")
    said = {}
    for code, name in (("zh", "evidence_report.pdf"), ("en", "evidence_report_en.pdf")):
        pdf = tmp_path / name
        pdf.write_bytes(company_package[f"data/report/{name}"])
        out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
        said[code] = " ".join(out.stdout.decode().split())
    assert "本单位声明：本材料所附账单为本单位从支付平台/银行导出的原始文件" in said["zh"]
    assert "本人声明" not in said["zh"] and "单位（盖章）" in said["zh"]
    assert f"申请单位名称 {COMPANY}" in said["zh"]
    assert (
        "We declare that the attached statements are the original files we exported" in said["en"]
    )
    assert "I declare" not in said["en"] and f"Company name {COMPANY}" in said["en"]


def test_a_card_with_one_charge_says_on_that_day(company_package):
    """Card 6688 paid one charge (2024-08-31): its letters say on that day, not from it to it."""
    zh = company_package["data/letters/L3_bank_6688_zh.txt"].decode("utf-8-sig")
    en = company_package["data/letters/L3_bank_6688_en.txt"].decode("utf-8-sig")
    assert "于 2024-08-31，深圳洽客科技有限公司" in zh and "至 2024-08-31" not in zh
    assert "On 2024-08-31 深圳洽客科技有限公司" in en and "to 2024-08-31" not in en
