# ruff: noqa: E501 - bilingual document wording reads better whole than cut at column 100
"""The five letter drafts of section 5.4 of the reference, filled from the case.

Every fact comes from the case (names as printed, each charge with its ids, count,
totals, first and last charge, cadence, cancellation and the charges after it, the
exhibits with short hashes); what only the user knows is a marked placeholder,
【请填写：…】 or [FILL IN: …], never invented. Citations come from the one table in
resources/legal and only verified ones are printed.
"""

from __future__ import annotations

import re

from ...i18n import counted
from ...masking import Masker
from ...vocab import Cadence
from ..facts import (
    CaseFacts,
    Party,
    channel_label,
    channel_of,
    citations_for,
    cite,
    joined,
    load_citations,
    mainland_merchant,
    money,
    money_totals,
    paid_by_card,
    sum_by_currency,
)
from .model import Letter

KINDS = ("merchant", "platform", "bank", "regulator", "chargeback")
VARIANTS = ("generic", "us-credit", "us-debit", "eu", "uk")
LETTER_IDS = {
    "merchant": "L1",
    "platform": "L2",
    "bank": "L3",
    "regulator": "L4",
    "chargeback": "L5",
}


_PROBLEM = {  # scenario: (complaint type, what the form text says happened), zh and en
    "A": (
        ("未经本人授权的扣款", "charges I never authorised"),
        ("在本人未开通、未授权的情况下扣款", "without my sign-up or authorisation"),
    ),
    "B": (
        ("未提醒自动续费", "auto-renewal without notice"),
        (
            "自动续费扣款（续费前未见显著提醒）",
            "by automatic renewal, with no prominent notice I saw",
        ),
    ),
    "C": (
        ("取消后仍扣款", "charged after cancellation"),
        ("在本人{day}取消自动续费后仍扣款", "after I cancelled on {day}"),
    ),
}


_CARD_NUMBER = re.compile(r"(?<!\d)(\d{15,19})(?!\d)")
_CARD = re.compile(r"^(.*?银行)(?:.*?(储蓄卡|借记卡|信用卡))?.*?[(（](\d{4})[)）]")


def _card_of(method: str) -> tuple[str, str, str]:
    """(issuing bank, last four digits, 借记卡/信用卡 or '') of a payment method as printed:
    '招商银行储蓄卡(1111)' and '工商银行(6688)' name their bank and card; anything else is
    given back as it is, to be filled in."""
    found = _CARD.match(method.strip())
    if not found:
        number = _CARD_NUMBER.search(method)  # a full card number printed: its last four
        return ("", number.group(1)[-4:], "") if number else (method.strip(), "", "")
    kind = {"储蓄卡": "借记卡"}.get(found.group(2) or "", found.group(2) or "")
    return (found.group(1), found.group(3), kind)


def card_groups(charges) -> list[tuple[str, str, str, list]]:
    """The card-paid ``charges`` per paying card: (bank, last four, 借记卡/信用卡 or '',
    its charges), in the order the cards first paid. A bank handles only its own cards,
    so each card gets its own dispute; charges whose card cannot be read from the
    payment method are one group, to be filled in."""
    groups: dict[tuple[str, str], list] = {}
    kinds: dict[tuple[str, str], str] = {}
    for charge in charges:
        if not paid_by_card(charge):
            continue
        issuer, last4, kind = _card_of(charge.method)
        key = (issuer, last4) if last4 else ("", "")
        groups.setdefault(key, []).append(charge)
        kinds[key] = kinds.get(key) or kind
    return [(b, n, kinds[(b, n)], found) for (b, n), found in groups.items()]


def _fill(lang: str, what: str) -> str:
    return f"【请填写：{what}】" if lang == "zh" else f"[FILL IN: {what}]"


class _Context:
    def __init__(
        self,
        facts: CaseFacts,
        party: Party,
        lang: str,
        masker: Masker,
        exhibits: list[tuple[str, str, str]],
    ) -> None:
        self.f, self.case, self.party, self.lang, self.mask = facts, facts.case, party, lang, masker
        self.exhibits = exhibits  # (id, path, sha256)

    def fill(self, what: str) -> str:
        return _fill(self.lang, what)

    def v(self, value: str, what: str, masked: bool = True) -> str:
        if not value:
            return self.fill(what)
        return self.mask.text(value) if masked else value

    def charge_rows(
        self, charges, with_method: bool = False
    ) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
        """The charges table; ``with_method``: also how each was paid (the bank letter)."""
        zh = self.lang == "zh"
        head: tuple[str, ...] = (
            ("序号", "扣费时间", "渠道", "金额", "交易订单号/交易单号", "商户单号", "取消后")
            if zh
            else (
                "#",
                "Date and time",
                "Channel",
                "Amount",
                "Transaction id",
                "Merchant order id",
                "After cancellation",
            )
        )
        yes, no = ("是", "否") if zh else ("yes", "no")
        rows: list[tuple[str, ...]] = [
            (
                str(i),
                c.time[:19],
                channel_label(channel_of(c), self.lang),
                money(c.amount, c.currency),
                c.txn_id,
                c.merchant_order_id,
                yes if c.after_cancellation else no,
            )
            for i, c in enumerate(charges, 1)
        ]
        if with_method:
            head = (*head[:3], "支付方式" if zh else "Paid with", *head[3:])
            rows = [
                (*r[:3], self.mask.text(c.method), *r[3:])
                for r, c in zip(rows, charges, strict=True)
            ]
        return head, rows

    def facts_text(self, to_merchant: bool = False, charges=None) -> str:
        """The facts paragraph; ``to_merchant``: the letter is addressed to the merchant
        itself (贵司 / your company), else the merchant is named (a platform, a bank or the
        regulator did not take the money); ``charges``: only these (one card's, for its
        bank), else all the case's."""
        f, case = self.f, self.case
        cadence = joined((Cadence.label_of(c, self.lang) for c in f.cadences()), self.lang)
        mine = f.charges if charges is None else charges
        paid = f.paid if charges is None else sum_by_currency(mine)
        after = f.after if charges is None else [c for c in mine if c.after_cancellation]
        after_paid = f.after_paid if charges is None else sum_by_currency(after)
        refunded = f.refunded_of(mine)
        first, last = (
            (case.first, case.last)
            if charges is None or not mine
            else (min(c.date for c in mine), max(c.date for c in mine))
        )
        printed = [n for n in case.names if n != case.legal_name or to_merchant]
        if self.lang == "zh":
            who = "贵司" if to_merchant else case.legal_name
            also = "" if to_merchant else "也"
            shown = f"（账单上{also}显示为：{'、'.join(printed)}）" if printed else ""
            text = (
                f"{f'于 {first}' if first == last else f'自 {first} 至 {last}'}，{who}{shown}"
                f"共从本人账户扣费 {len(mine)} 笔，合计 {money_totals(paid, 'zh')}，扣费周期为"
                f"{cadence or '不定期'}。"
            )
            if any(refunded.values()):
                text += f"其中已退款 {money_totals(refunded, 'zh')}。"
            if case.cancelled_on:
                text += (
                    f"本人已于 {case.cancelled_on.isoformat()} 取消自动续费/解除代扣"
                    f"（取消方式：{self.fill('取消方式，如 App 内关闭自动续费、联系客服')}），"
                    f"此后{'贵司' if to_merchant else '该商户'}仍扣费 {len(after)} 笔，"
                    f"合计 {money_totals(after_paid, 'zh')}。"
                )
            return text
        who = "your company" if to_merchant else case.legal_name
        also = "" if to_merchant else "also "
        shown = f" ({also}printed on my statements as {joined(printed, 'en')})" if printed else ""
        text = (
            f"{f'On {first}' if first == last else f'From {first} to {last}'} {who}{shown} made {self.charges_word(len(mine))} to my account, "
            f"{money_totals(paid, 'en')} in all, billed {cadence or 'irregularly'}."
        )
        if any(refunded.values()):
            text += f" Of this, {money_totals(refunded, 'en')} has been refunded."
        if case.cancelled_on:
            text += (
                f" I cancelled the automatic renewal / withdrew the payment authority on "
                f"{case.cancelled_on.isoformat()} (how: "
                f"{self.fill('how you cancelled')}); after that "
                f"{'you' if to_merchant else 'the merchant'} still made "
                f"{self.charges_word(len(after))}, {money_totals(after_paid, 'en')} in all."
            )
        return text

    def charges_word(self, count: int) -> str:
        return counted("evidence.summary.charge_count", count, self.lang)

    def exhibit_rows(self) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
        head = (
            ("编号", "文件", "SHA-256（前16位）")
            if self.lang == "zh"
            else ("Exhibit", "File", "SHA-256 (first 16)")
        )
        return head, [(i, p, s[:16]) for i, p, s in self.exhibits]

    def citations(self, letter: Letter, use: str) -> None:
        items = citations_for(use, self.party.business, self.party.punitive)
        if not items:
            return
        letter.h("依据" if self.lang == "zh" else "Basis")
        for item in items:
            para = item["paraphrase_zh" if self.lang == "zh" else "paraphrase_en"]
            checked = (
                f"（法规核对日期 {item['checked_on']}）"
                if self.lang == "zh"
                else f" (checked on {item['checked_on']})"
            )
            letter.p(
                f"{cite(item, self.lang)}：{para}{checked}"
                if self.lang == "zh"
                else f"{cite(item, self.lang)}: {para}{checked}"
            )

    def sender(self, letter: Letter) -> None:
        p = self.party
        if p.business:  # the complainant is the company that bought, with its registration
            self._company_sender(letter)
            return
        if self.lang == "zh":
            letter.p(
                f"申请人：{self.v(p.name, '姓名', masked=False)}　联系电话："
                f"{self.v(p.phone, '电话')}　通讯地址：{self.v(p.address, '地址', masked=False)}"
            )
            letter.p(
                f"账号：{self.mask.account(p.account) or self.fill('在商户/平台的账号或登录手机号')}"
                f"　案件编号：{self.case.id}　日期：{self.f.today.isoformat()}"
            )
        else:
            letter.p(
                f"From: {self.v(p.name, 'your name', masked=False)}, "
                f"{self.v(p.address, 'your address', masked=False)}, phone "
                f"{self.v(p.phone, 'your phone')}"
            )
            letter.p(
                f"Account: {self.mask.account(p.account) or self.fill('account id / card last 4')}"
                f" · Case {self.case.id} · Date {self.f.today.isoformat()}"
            )

    def _company_sender(self, letter: Letter) -> None:
        p = self.party
        if self.lang == "zh":
            letter.p(
                f"申请单位：{self.v(p.name, '单位名称', masked=False)}　统一社会信用代码："
                f"{self.fill('统一社会信用代码')}　联系人：{self.fill('经办人姓名')}"
            )
            letter.p(
                f"联系电话：{self.v(p.phone, '电话')}　通讯地址："
                f"{self.v(p.address, '单位地址', masked=False)}"
            )
            letter.p(
                f"账号：{self.mask.account(p.account) or self.fill('单位在商户/平台的账号或登录手机号')}"
                f"　案件编号：{self.case.id}　日期：{self.f.today.isoformat()}"
            )
        else:
            letter.p(
                f"From: {self.v(p.name, 'company name', masked=False)} (unified social credit "
                f"code {self.fill('unified social credit code')}), "
                f"{self.v(p.address, 'company address', masked=False)}, phone "
                f"{self.v(p.phone, 'phone')}, contact {self.fill('contact person')}"
            )
            letter.p(
                f"Account: {self.mask.account(p.account) or self.fill('company account id / card last 4')}"
                f" · Case {self.case.id} · Date {self.f.today.isoformat()}"
            )

    def footer(self, letter: Letter) -> None:
        if self.lang == "zh":
            letter.h("附件目录")
            letter.table(*self.exhibit_rows())
            letter.p(
                "以上附件的 SHA-256 哈希值见证据包 manifest-sha256.txt，可用 "
                "certutil -hashfile / shasum -a 256 核对。本函件由当事人依据账单自行整理，"
                "不构成法律意见。"
            )
            signed = (
                f"申请单位（盖章）：{self.fill('单位名称并加盖公章')}\n经办人（签名）：{self.fill('签名')}"
                if self.party.business
                else f"申请人（签名）：{self.fill('签名')}"
            )
            letter.p(f"此致\n\n{signed}\n日期：{self.fill('寄送日期')}")
        else:
            letter.h("Enclosures")
            letter.table(*self.exhibit_rows())
            letter.p(
                "The SHA-256 of each enclosure is listed in the package's "
                "manifest-sha256.txt (check with certutil -hashfile or shasum -a 256). "
                "Prepared by the account holder from the statements; not legal advice."
            )
            signed = (
                f"For and on behalf of {self.v(self.party.name, 'company name', masked=False)}:\n"
                f"{self.fill('signature, name and position')}"
                if self.party.business
                else self.fill("signature")
            )
            letter.p(f"Yours faithfully,\n\n{signed}\nDate: {self.fill('date sent')}")


def merchant(ctx: _Context) -> Letter:
    f, zh = ctx.f, ctx.lang == "zh"
    unrecognised = f.scenario == "A"
    title = (
        ("关于未经授权扣款、退还款项及调取授权记录的函", "Unauthorised charges: refund and records")
        if unrecognised
        else (
            "关于取消自动续费、退还扣款及调取授权记录的函",
            "Request to stop automatic renewal, refund charges and provide records",
        )
    )
    letter = Letter("merchant", ctx.lang, title[0] if zh else title[1])
    letter.p(f"致：{ctx.case.legal_name}" if zh else f"To: {ctx.case.legal_name}")
    ctx.sender(letter)
    letter.h("一、事实" if zh else "1. Facts")
    letter.p(ctx.facts_text(to_merchant=True))
    if unrecognised:
        letter.p(
            "本人不认识贵司，从未开通贵司的服务，也未授权贵司扣款。"
            if zh
            else "I do not know your company; I never signed up for your service or "
            "authorised you to charge me."
        )
    letter.table(*ctx.charge_rows(f.charges))
    letter.h("二、请求" if zh else "2. Requests")
    claim = f.claim_words(f.claimed, ctx.lang)
    if zh:
        letter.p("1. 立即停止扣费、解除代扣/自动续费，并书面确认；")
        letter.p(f"2. 将下列 {claim}，原路退回；")
        letter.table(*ctx.charge_rows(f.claimed))
        letter.p(
            "3. 依据《电子商务法》第六十二条"
            + ("" if ctx.party.business else "、《个人信息保护法》第四十五条")
            + "，提供"
            + (
                "贵司所称本人授权扣款（签约）的记录"
                if unrecognised
                else "本人开通自动续费的授权记录"
            )
            + "（时间、方式、页面与协议版本）以及每次续费前提醒的发送记录。"
        )
        if ctx.party.punitive and not ctx.party.business:  # 消保法: consumers only
            letter.p(
                "4. 本人认为贵司存在欺诈行为，依《消费者权益保护法》第五十五条保留主张增加赔偿的权利。"
                f"{ctx.fill('支持欺诈主张的事实与证据')}"
            )
    else:
        letter.p(
            "1. Stop charging at once, end the automatic renewal / payment authority and "
            "confirm in writing;"
        )
        letter.p(f"2. Refund the following charges to the original payment method: {claim};")
        letter.table(*ctx.charge_rows(f.claimed))
        letter.p(
            "3. Provide the record of how "
            + (
                "you say I authorised these charges"
                if unrecognised
                else "the automatic renewal was authorised"
            )
            + " (time, method, page and agreement version) and the log of renewal reminders sent."
        )
    ctx.citations(letter, "merchant")
    letter.h("三、期限" if zh else "3. Deadline")
    letter.p(
        f"请于收到本函后 {ctx.fill('天数，建议 7 天')} 内答复。逾期未处理的，本人将向支付平台、发卡银行及"
        "市场监督管理部门反映。"
        if zh
        else f"Please reply within {ctx.fill('number of days, 7 suggested')} of receiving this "
        "letter; otherwise I will raise the matter with the payment platform, my bank and "
        "the market regulator."
    )
    ctx.footer(letter)
    return letter


def platform(ctx: _Context, channel: str) -> Letter:
    zh = ctx.lang == "zh"
    name = channel_label(channel, ctx.lang)
    charges = [c for c in ctx.f.charges if channel_of(c) == channel] or ctx.f.charges
    after = [c for c in charges if c.after_cancellation]
    claimed = after if ctx.case.cancelled_on and after else charges
    claim = ctx.f.claim_words(claimed, ctx.lang)
    owed = money_totals(ctx.f.owed(claimed), ctx.lang)
    letter = Letter(
        "platform",
        ctx.lang,
        f"{name}交易投诉：{ctx.case.legal_name}"
        if zh
        else f"{name} transaction complaint: {ctx.case.legal_name}",
    )
    ctx.sender(letter)
    # the case's scenario, C only when this platform's charges include some after it
    code = "A" if ctx.f.scenario == "A" else ("C" if ctx.case.cancelled_on and after else "B")
    problem, what = (part[0 if zh else 1] for part in _PROBLEM[code])
    letter.h("投诉类型" if zh else "Problem")
    letter.p(problem)
    letter.h("事实" if zh else "Facts")
    letter.p(ctx.facts_text())
    letter.table(*ctx.charge_rows(charges))
    letter.h("请求" if zh else "Requests")
    if zh:
        letter.p(
            f"1. 协助退还上表中 {claim}；2. 解除本人与该商户的代扣/自动续费协议；"
            "3. 提供该代扣协议的签约时间与授权方式；4. 依《电子商务法》第五十三条提供相关交易记录。"
        )
        letter.p(f"是否已联系商户：{ctx.fill('日期与结果')}")
    else:
        letter.p(
            f"1. Help recover the charges above ({claim}); 2. end my "
            "payment authority for this merchant; 3. tell me when and how it was "
            "signed; 4. provide the transaction records."
        )
        letter.p(f"Merchant contacted: {ctx.fill('date and result')}")
    ctx.citations(letter, "platform")
    what = what.format(day=ctx.case.cancelled_on)
    shown = [c.txn_id for c in claimed[:6] if c.txn_id]
    while True:  # the form takes 300 characters: fewer ids rather than one cut in half
        ids = ("、" if zh else ", ").join(shown)
        if len(shown) < len(claimed):
            ids += "等" if zh else " and others"
        if zh:
            short = (
                f"{ctx.case.legal_name}{what}{len(claimed)}笔，应退{owed}，交易单号{ids}。"
                f"请退款并解除代扣，提供签约授权记录。案件{ctx.case.id}"
            )
        else:
            short = (
                f"{ctx.case.legal_name} made {ctx.charges_word(len(claimed))} {what} ({owed} "
                f"owed); ids {ids}. Please refund, end the authority and show the sign-up "
                f"record. Case {ctx.case.id}"
            )
        if ctx.party.business:  # counted as the company says it (本单位 is longer)
            short = _company_voice(short, ctx.lang, _kept(ctx))
        if len(short) <= 300 or not shown:
            break
        shown.pop()
    letter.short = short[:300]
    ctx.footer(letter)
    return letter


def _claimed(ctx: _Context, charges) -> list:
    """Of ``charges``, those a refund is asked for: after the cancellation, else all."""
    after = [c for c in charges if c.after_cancellation] if ctx.case.cancelled_on else []
    return after or list(charges)


def bank(ctx: _Context, card: list | None = None) -> Letter:
    """The dispute to one card's bank with ``card`` (its charges, from :func:`card_groups`),
    or, without, one letter listing every card that paid."""
    zh = ctx.lang == "zh"
    cards = card or [c for c in ctx.f.charges if paid_by_card(c)] or ctx.f.charges
    claimed = [c for c in cards if c.after_cancellation] if ctx.case.cancelled_on else cards
    claimed = claimed or cards
    total = money_totals(ctx.f.owed(claimed), ctx.lang)
    letter = Letter(
        "bank",
        ctx.lang,
        "争议交易申请及止付请求"
        if zh
        else "Disputed transactions and request to block recurring charges",
    )
    used = sorted({_card_of(c.method) for c in claimed if paid_by_card(c)})
    # one card that names its bank and number: the letter is addressed to that bank
    paying = card_groups(claimed)  # one card, however its method was printed
    issuer, last4, kind = paying[0][:3] if len(paying) == 1 and paying[0][1] else ("", "", "")
    letter.p(
        f"致：{issuer or ctx.fill('发卡银行名称')}"
        if zh
        else f"To: {issuer or ctx.fill('issuing bank')}"
    )
    ctx.sender(letter)
    kinds = {"借记卡": "debit", "信用卡": "credit"}
    letter.p(
        f"卡号后四位：{last4 or ctx.fill('卡号后四位')}　卡类型：{kind or ctx.fill('信用卡/借记卡')}"
        if zh
        else f"Card ending: {last4 or ctx.fill('last 4 digits')} · type: "
        f"{kinds.get(kind) or ctx.fill('credit/debit')}"
    )
    if len(used) > 1 and card is None:
        listed = "、".join(f"{b}({n})" if n else ctx.mask.text(b) for b, n, _ in used)
        letter.p(
            f"以下扣款分别由本人的多张银行卡支付：{listed}。发卡银行只处理本行卡的交易：请按卡分别提交，"
            "每份只保留该卡的交易（见表中支付方式一栏）。"
            if zh
            else f"These charges were paid with several of my cards ({listed}). A bank "
            "handles only its own cards: send each bank the charges of its card (see the "
            "payment method column)."
        )
    letter.h("争议交易" if zh else "Disputed transactions")
    letter.p(ctx.facts_text(charges=None if card is None else cards))
    letter.table(*ctx.charge_rows(claimed, with_method=True))
    letter.p(f"争议金额合计：{total}" if zh else f"Total disputed: {total}")
    if zh:
        letter.p(
            "请求：1. 对上列交易按争议交易处理并退回；2. 对该商户今后的周期性扣款止付；"
            "3. 保存上述交易的全部记录与验证信息。请告知贵行受理争议的期限，本人将尽快补充材料。"
        )
    else:
        letter.p(
            "Requests: 1. treat the charges above as disputed and credit them; 2. block "
            "future recurring charges from this merchant; 3. preserve all records of these "
            "transactions. Please tell me your time limit for disputes."
        )
    ctx.citations(letter, "bank")
    ctx.footer(letter)
    return letter


def regulator(ctx: _Context) -> Letter:
    f, business = ctx.f, ctx.party.business
    letter = Letter("regulator", "zh", "举报材料" if business else "投诉及举报材料")
    ctx.lang = "zh"
    letter.p(
        "提交渠道：全国12315平台“举报”（单位可以举报；12315“投诉”只受理消费者的投诉）；亦可用于12345"
        if business
        else "提交渠道：全国12315平台（亦可用于12345、消费者协会）"
    )
    ctx.sender(letter)
    letter.p(
        f"{'被举报人' if business else '被投诉/举报人'}：{ctx.case.legal_name}　统一社会信用代码：{ctx.fill('统一社会信用代码')}"
        f"　地址：{ctx.fill('注册地址（国家企业信用信息公示系统）')}　网站/App：{ctx.fill('网站或App名称')}"
    )
    letter.h("事实经过")
    letter.p(ctx.facts_text())
    letter.table(*ctx.charge_rows(f.charges))
    if not business:
        letter.h("一、投诉（诉求）")
        letter.p(
            f"1. 退还 {f.claim_words(f.claimed, 'zh')}；"
            "2. 停止扣费并解除自动续费；3. 提供开通授权及续费提醒记录。"
        )
    letter.h("二、举报" if not business else "举报内容")
    letter.p(
        "涉嫌违反：以自动续费方式提供服务，未在续费前以显著方式提请注意、未提供简便的取消方式"
        "（请监管部门依现行规定认定）。支持事实：见上表扣费记录"
        + (f"，及 {ctx.case.cancelled_on} 取消后仍发生的 {len(f.after)} 笔扣费" if f.after else "")
        + "。请依法查处。"
    )
    ctx.citations(letter, "regulator")
    ctx.footer(letter)
    return letter


_VARIANT_TEXT = {
    "generic": (
        "Dispute of recurring charges after withdrawal of permission",
        "I ask you to dispute these charges under the card scheme's rules for "
        "cancelled recurring transactions.",
    ),
    "us-credit": (
        "Notice of billing error",
        "Pursuant to the Fair Credit Billing Act (15 U.S.C. §1666) and Regulation Z "
        "(12 C.F.R. §1026.13), I dispute the charges below as billing errors.",
    ),
    "us-debit": (
        "Notice of error and stop-payment order",
        "Under Regulation E (12 C.F.R. §1005.11) I report the transfers below as errors, "
        "and under §1005.10(c) I ask you to stop all further preauthorised transfers "
        "to this merchant.",
    ),
    "eu": (
        "Refund request for payee-initiated payments",
        "Under the national law implementing the Payment Services Directive (EU) 2015/2366, "
        "I ask for a refund of the payments below, made after I withdrew my consent.",
    ),
    "uk": (
        "Cancellation of a continuous payment authority and refund",
        "I cancelled the continuous payment authority held by this merchant; under the "
        "Payment Services Regulations 2017 the payments below were not authorised.",
    ),
}


def chargeback(ctx: _Context, variant: str = "generic", card: list | None = None) -> Letter:
    """The English chargeback request; ``card``: one card's charges (its issuer and last
    four filled in when the payment method names them), else the case's claimed charges."""
    ctx.lang = "en"
    if ctx.party.business:  # FCBA, Regulation E, PSD2 refunds and the PSRs protect consumers
        variant = "generic"
    title, basis = _VARIANT_TEXT.get(variant, _VARIANT_TEXT["generic"])
    f = ctx.f
    claimed = f.claimed if card is None else _claimed(ctx, card)
    total = money_totals(f.owed(claimed), ctx.lang)
    paying = card_groups(claimed)
    issuer, last4 = paying[0][:2] if card is not None and len(paying) == 1 else ("", "")
    letter = Letter(
        "chargeback",
        "en",
        f"{title} — account ending {last4 or ctx.fill('last 4')} — total {total}",
    )
    ctx.sender(letter)
    letter.p(
        f"To: {issuer}, {ctx.fill('billing-inquiries address')}"
        if issuer
        else f"To: {ctx.fill('card issuer, billing-inquiries address')}"
    )
    letter.h("Statement of dispute")
    letter.p(basis)
    letter.table(*ctx.charge_rows(claimed))
    letter.h("Facts")
    letter.p(ctx.facts_text(charges=card))
    if ctx.case.cancelled_on:
        letter.p(
            f"These are recurring charges made after withdrawal of permission on "
            f"{ctx.case.cancelled_on.isoformat()}."
        )
    letter.h("Request")
    letter.p(
        "Please reverse or credit the charges listed, block future recurring charges from "
        "this merchant, send me any documents you rely on if you disagree (including the "
        "merchant's authorisation), and confirm in writing."
    )
    letter.p(f"Statement dates on which the charges appeared: {ctx.fill('statement dates')}")
    ctx.footer(letter)
    return letter


_EN_VOICE = (
    (re.compile(r"\bI\b"), "we"),
    (re.compile(r"\bmy\b"), "our"),
    (re.compile(r"\bme\b"), "us"),
)


def _company_voice(text: str, lang: str, kept: list[str]) -> str:
    """A letter's own wording said by a company: 本人 becomes 本单位, 'I'/'my'/'me' become
    'we'/'our'/'us'; names and values in ``kept`` (the merchant's, the user's) stay as
    they are."""
    if not kept:
        return _voiced(text, lang)
    pattern = re.compile(
        "(" + "|".join(re.escape(k) for k in sorted(kept, key=len, reverse=True)) + ")"
    )
    return "".join(
        part if number % 2 else _voiced(part, lang)
        for number, part in enumerate(pattern.split(text))
    )


def _voiced(text: str, lang: str) -> str:
    if lang == "zh":
        return text.replace("本人", "本单位")
    for pattern, word in _EN_VOICE:
        text = pattern.sub(word, text)
    return re.sub(r"(^|[.:]\s+)we\b", lambda m: m.group(1) + "We", text)


def _kept(ctx: _Context) -> list[str]:
    """What a company's letter prints as it is: names, the user's values, quoted law."""
    p = ctx.party
    quoted = [i[k] for i in load_citations() for k in ("paraphrase_zh", "paraphrase_en")]
    return [k for k in (*ctx.case.names, ctx.case.legal_name, p.name, p.address, *quoted) if k]


def _as_company(letter: Letter, ctx: _Context) -> Letter:
    """The letter of a business purchase: the company speaks, not a person."""
    kept = _kept(ctx)
    lang = letter.lang

    def voice(text: str) -> str:
        return _company_voice(text, lang, kept)

    letter.title = voice(letter.title)
    letter.blocks = [
        block if block[0] == "t" else (block[0], voice(block[1])) for block in letter.blocks
    ]
    letter.short = voice(letter.short)
    return letter


def build_letter(
    kind: str,
    facts: CaseFacts,
    party: Party,
    lang: str = "zh",
    masker: Masker | None = None,
    exhibits: list[tuple[str, str, str]] | None = None,
    variant: str = "generic",
    channel: str | None = None,
    card: list | None = None,
) -> Letter:
    """One draft; ``card``: the charges of one paying card (bank and chargeback letters)."""
    letter = _build(kind, facts, party, lang, masker, exhibits, variant, channel, card)
    if party.business:
        return _as_company(letter, _Context(facts, party, letter.lang, Masker(), []))
    return letter


def _build(kind, facts, party, lang, masker, exhibits, variant, channel, card) -> Letter:
    ctx = _Context(facts, party, lang, masker or Masker(), exhibits or [])
    if kind == "merchant":
        return merchant(ctx)
    if kind == "platform":
        channels = [c for c in facts.by_channel() if c != "bank"]
        return platform(ctx, channel or (channels[0] if channels else "alipay"))
    if kind == "bank":
        return bank(ctx, card)
    if kind == "regulator":
        return regulator(ctx)
    if kind == "chargeback":
        return chargeback(ctx, variant, card)
    raise ValueError(f"unknown letter kind {kind!r}")


def package_letters(
    facts: CaseFacts,
    party: Party,
    lang: str,
    masker: Masker,
    exhibits: list[tuple[str, str, str]],
    variant: str = "generic",
) -> list[tuple[str, Letter]]:
    """(file stem, letter) for every draft a package carries in the chosen language(s).

    A bank dispute and a chargeback go to one card's issuer, so several paying cards get
    one of each (stem L3_bank_<last four>_zh), each with only that card's charges; no
    12315 letter for a merchant that is not a mainland business (see
    :func:`~qiake_auditor.outputs.facts.mainland_merchant`)."""
    langs = ("zh", "en") if lang == "both" else (lang,)
    found: list[tuple[str, Letter]] = []
    # a bank can dispute, and a card scheme charge back, only what a card paid
    claimed = {id(c) for c in facts.claimed}  # a card that paid none of them has no dispute
    cards = [g for g in card_groups(facts.charges) if any(id(c) in claimed for c in g[3])]
    named = _card_stems(cards)
    variant = "generic" if party.business else variant
    for code in langs:
        found.append(
            (f"L1_merchant_{code}", build_letter("merchant", facts, party, code, masker, exhibits))
        )
        for channel in [c for c in facts.by_channel() if c != "bank"]:  # the wallets used
            found.append(
                (
                    f"L2_{channel}_{code}",
                    build_letter("platform", facts, party, code, masker, exhibits, channel=channel),
                )
            )
        for stem, (*_, charges) in zip(named, cards, strict=True):
            found.append(
                (
                    f"L3_bank{stem}_{code}",
                    build_letter("bank", facts, party, code, masker, exhibits, card=charges),
                )
            )
    if mainland_merchant(facts.case):
        found.append(
            ("L4_regulator_zh", build_letter("regulator", facts, party, "zh", masker, exhibits))
        )
    for stem, (*_, charges) in zip(named, cards, strict=True):
        found.append(
            (
                f"L5_chargeback_{variant}{stem}_en",
                build_letter(
                    "chargeback",
                    facts,
                    party,
                    "en",
                    masker,
                    exhibits,
                    variant=variant,
                    card=charges,
                ),
            )
        )
    return found


def _card_stems(cards: list[tuple[str, str, str, list]]) -> list[str]:
    """'' for one card; '_6688', '_1111' (and '_card2' for one whose number is not printed)
    when several cards paid, unique within the package."""
    if len(cards) < 2:
        return [""] * len(cards)
    stems: list[str] = []
    for number, (_, last4, _, _) in enumerate(cards, 1):
        stem = f"_{last4}" if last4 else f"_card{number}"
        stems.append(stem if stem not in stems else f"{stem}_{number}")
    return stems
