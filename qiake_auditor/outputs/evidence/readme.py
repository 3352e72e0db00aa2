"""README_zh.txt / README_en.txt inside the package: what is in it and how to check it."""

from __future__ import annotations

from ...i18n import counted
from ..facts import CaseFacts, mainland_merchant, money_totals, paid_by_card

REPORT_NAMES = {  # README language -> report language -> what the README calls it
    "zh": {"zh": "证据材料汇编（中文报告）", "en": "证据材料汇编（英文报告）"},
    "en": {"zh": "the evidence report (Chinese)", "en": "the evidence report (English)"},
}


def readme(
    lang: str, facts: CaseFacts, exhibits, previous, reports: dict[str, str] | None = None
) -> str:
    """``reports``: report language -> its path under data/ (default: one Chinese report)."""
    case = facts.case
    reports = reports or {"zh": "report/evidence_report.pdf"}
    attached = any(e.role == "attachment" for e in exhibits)
    refunded = facts.refunded_of(facts.charges)
    claim = facts.claim_words(facts.claimed, lang)
    if lang == "zh":
        lines = [
            f"证据包 {case.id}",
            "",
            f"商户：{case.legal_name}（账单上的名称：{'、'.join(case.names)}）",
            f"扣费 {len(facts.charges):,} 笔，共 {money_totals(facts.paid, lang)}；"
            f"{case.first} 至 {case.last}",
        ]
        if any(refunded.values()):
            lines.append(f"已退款 {money_totals(refunded, lang)}")
        if case.cancelled_on:
            lines.append(
                f"{case.cancelled_on.isoformat()} 取消后扣费 {len(facts.after):,} 笔，共 "
                f"{money_totals(facts.after_paid, lang)}"
            )
        lines.append(f"申请退还：{claim}")
        if previous:
            lines.append(f"本包为新版本，上一版证据包的 SHA-256：{previous[-1]}")
        lines += [
            "",
            "包内文件：",
            *(f"  data/{path}  {REPORT_NAMES['zh'][code]}" for code, path in reports.items()),
            "  data/originals/  原始账单，与导入时逐字节相同（未作任何修改）",
            *(["  data/attachments/  截图、邮件等附件"] if attached else []),
            "  data/tables/  涉诉交易明细（XLSX、CSV）",
            "  data/charts/  图表（PNG、SVG）",
            "  data/letters/  函件草稿（DOCX、TXT）",
            "  data/custody/  文件清单 manifest.json 与案件记录 case_log.csv",
            "",
            "证据目录：",
        ]
        lines += [f"  {e.id}  {e.path}  SHA-256 {e.sha256}" for e in exhibits]
        lines += _no_12315("zh", facts)
        lines += [
            "",
            "如何核验：manifest-sha256.txt 列出每个文件的 SHA-256。",
            "  Windows：certutil -hashfile 文件名 SHA256",
            "  macOS / Linux：shasum -a 256 文件名 或 sha256sum 文件名",
            "  BagIt：bagit.py --validate 解压后的文件夹",
            "  qiake-auditor verify 证据包.zip",
            "",
            "本材料由当事人自行整理，不构成法律意见；未经公证，哈希值只证明文件自计算之时起未被改动。",
        ]
        return "\r\n".join(lines) + "\r\n"
    lines = [
        f"Evidence package {case.id}",
        "",
        f"Merchant: {case.legal_name} (printed as: {', '.join(case.names)})",
        f"{counted('evidence.summary.charge_count', len(facts.charges), lang)}, "
        f"{money_totals(facts.paid, lang)} in all, {case.first} to {case.last}",
    ]
    if any(refunded.values()):
        lines.append(f"Refunded: {money_totals(refunded, lang)}")
    if case.cancelled_on:
        lines.append(
            f"{counted('evidence.summary.charge_count', len(facts.after), lang)} after the "
            f"cancellation of {case.cancelled_on.isoformat()}, "
            f"{money_totals(facts.after_paid, lang)}"
        )
    lines.append(f"Refund requested: {claim}")
    if previous:
        lines.append(f"This is a new version; the previous package's SHA-256: {previous[-1]}")
    lines += [
        "",
        "Contents:",
        *(f"  data/{path}  {REPORT_NAMES['en'][code]}" for code, path in reports.items()),
        "  data/originals/  the statements, byte for byte as exported (never modified)",
        *(["  data/attachments/  screenshots, e-mails and other attachments"] if attached else []),
        "  data/tables/  the itemised charges (XLSX, CSV)",
        "  data/charts/  PNG and SVG",
        "  data/letters/  letter drafts (DOCX, TXT)",
        "  data/custody/  manifest.json (what each file is) and case_log.csv",
        "",
        "Exhibits:",
    ]
    lines += [f"  {e.id}  {e.path}  SHA-256 {e.sha256}" for e in exhibits]
    lines += _no_12315("en", facts)
    lines += [
        "",
        "How to verify: manifest-sha256.txt lists the SHA-256 of every file.",
        "  Windows: certutil -hashfile FILE SHA256",
        "  macOS / Linux: shasum -a 256 FILE or sha256sum FILE",
        "  BagIt: bagit.py --validate EXTRACTED_FOLDER",
        "  qiake-auditor verify PACKAGE.zip",
        "",
        "Prepared by the account holder; not legal advice. Not notarised: a hash proves a "
        "file is unchanged only since it was computed.",
    ]
    return "\r\n".join(lines) + "\r\n"


def _no_12315(lang: str, facts: CaseFacts) -> list[str]:
    """Why a package for a merchant outside mainland China has no 12315 letter (L4), and
    where to go instead; nothing for a mainland merchant."""
    case = facts.case
    if mainland_merchant(case):
        return []
    card = any(paid_by_card(c) for c in facts.charges)
    if lang == "zh":
        instead = (
            "请向发卡银行提出争议交易/拒付（见 letters/ 中的 L3 与 L5），由银行按卡组织规则"
            "（如取消后的周期扣款）向商户追回。"
            if card
            else "请向支付平台投诉（见 letters/ 中的 L2），并直接联系商户（L1）。"
        )
        return [
            "",
            f"未附 12315 材料（L4）：商户名称 {case.legal_name} 没有中文名称，看起来不是中国大陆的"
            "经营者，而 12315 受理的是对大陆经营者的投诉与举报。" + instead,
            "如该商户实为大陆经营者，可用 qiake-auditor letter --kind regulator 生成 12315 材料。",
        ]
    instead = (
        "Dispute the charges with the card's bank instead (L3 and L5 in letters/): the bank "
        "raises a chargeback with the merchant under the card scheme's rules (for example "
        "recurring charges after a cancellation)."
        if card
        else "Complain to the payment platform instead (L2 in letters/) and to the merchant (L1)."
    )
    return [
        "",
        f"No 12315 letter (L4): the merchant {case.legal_name} has no Chinese name and looks "
        "like a business outside mainland China, and 12315 handles complaints and reports "
        "about mainland businesses. " + instead,
        "If the merchant is a mainland business after all, make the 12315 letter with "
        "qiake-auditor letter --kind regulator.",
    ]
