"""The figures every output prints, computed once from a :class:`~qiake_auditor.app.Case`.

The report, the tables, the letters and the CLI summary all read a :class:`CaseFacts`,
so one number is never computed twice (a test compares them with the case's own).
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path

from ..app.cases import Case
from ..i18n import amounts_separator
from ..money import format_amount
from ..vocab import CaseStatus

PACKAGE_RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def channel_of(charge) -> str:
    """alipay / wechat / bank: where a charge was printed (from the importer id)."""
    fmt = str(getattr(charge, "format", "") or "").lower()
    if fmt.startswith("alipay"):
        return "alipay"
    if fmt.startswith(("wechat", "tenpay")):
        return "wechat"
    return "bank"


def paid_by_card(charge) -> bool:
    """Did a bank card pay this charge (a bank statement's row, or a wallet row whose
    method names a card)? Only those can be disputed with the bank or charged back."""
    method = str(getattr(charge, "method", "") or "")
    return (
        channel_of(charge) == "bank"
        or "银行" in method
        or "卡" in method
        or "card" in method.lower()
    )


_CJK = re.compile("[\u4e00-\u9fff]")


def mainland_merchant(case) -> bool:
    """Can the merchant be taken for a business in mainland China (12315 handles those)?
    Not when none of its names as printed holds a Chinese character and it charged in a
    currency other than CNY or its name is a foreign company's (NOTION LABS INC, paid by
    card abroad); a Chinese name, or a Latin name charged in CNY only, keeps the 12315
    route open."""
    names = [n for n in (case.legal_name, *case.names) if n]
    if any(_CJK.search(n) for n in names):
        return True
    foreign_money = any(c.currency != "CNY" for c in case.charges)
    return not (foreign_money or any(_FOREIGN_FORM.search(n) for n in names))


# company forms and descriptors that mainland businesses do not carry in a Latin name
_FOREIGN_FORM = re.compile(
    r"\b(INC|LLC|L\.L\.C|CORP|CORPORATION|GMBH|S\.R\.O|B\.V|PTE|PTY|PLC|SARL|S\.A)\b\.?"
    r"|\*|\.US\b|\.IO\b",
    re.IGNORECASE,
)


CHANNEL_LABELS = {
    "alipay": ("支付宝", "Alipay"),
    "wechat": ("微信支付", "WeChat Pay"),
    "bank": ("银行卡", "Bank card"),
}


def channel_label(channel: str, lang: str) -> str:
    zh, en = CHANNEL_LABELS.get(channel, (channel, channel))
    return zh if lang == "zh" else en


def joined(items, lang: str) -> str:
    """Items in running text: 支付宝、微信支付 in Chinese, 'Alipay and WeChat Pay' or
    'a, b and c' in English."""
    items = [str(i) for i in items]
    if lang == "zh" or len(items) < 2:
        return "、".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def money(amount: Decimal, currency: str = "CNY") -> str:
    return format_amount(amount, currency)


def money_totals(totals: dict[str, Decimal], lang: str) -> str:
    """'¥5,274.00', or per currency (never added across) '¥5,274.00；$12.00' in Chinese and
    '¥5,274.00; $12.00' in English."""
    if not totals:
        return money(Decimal("0.00"))
    return amounts_separator(lang).join(money(v, c) for c, v in totals.items())


def sum_by_currency(charges) -> dict[str, Decimal]:
    found: dict[str, Decimal] = OrderedDict()
    for charge in charges:
        found[charge.currency] = found.get(charge.currency, Decimal("0.00")) + charge.amount
    return dict(sorted(found.items()))


@dataclass
class Party:
    """What only the user knows: given on the command line or in the window."""

    name: str = ""
    phone: str = ""
    address: str = ""
    account: str = ""  # the user's account / card at the merchant or bank
    email: str = ""
    business: bool = False  # bought for a company: 12315 投诉 is closed, 举报 stays open
    punitive: bool = False  # the user opts in to claiming 消保法 第五十五条 damages


@dataclass
class CaseFacts:
    case: Case
    generated_at: datetime
    charges: list = field(default_factory=list)
    after: list = field(default_factory=list)
    _refund_map: tuple[dict[int, Decimal], list] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @classmethod
    def of(cls, case, generated_at: datetime | None = None) -> CaseFacts:
        when = generated_at or datetime.now().astimezone()
        return cls(case, when, list(case.charges), list(case.after))

    @property
    def today(self) -> date:
        return self.generated_at.date()

    @property
    def paid(self) -> dict[str, Decimal]:
        return {c: t.paid for c, t in self.case.totals.items() if t.paid}

    @property
    def refunded(self) -> dict[str, Decimal]:
        return {c: t.refunded for c, t in self.case.totals.items() if t.refunded}

    @property
    def after_paid(self) -> dict[str, Decimal]:
        return {c: t.paid for c, t in self.case.after_totals.items()}

    @property
    def claimed(self) -> list:
        """The charges a refund is asked for: those after the cancellation, else all."""
        return self.after if self.case.cancelled_on and self.after else self.charges

    @property
    def claimed_total(self) -> dict[str, Decimal]:
        """What is still owed on the claimed charges: paid less what already came back."""
        return self.owed(self.claimed)

    def refund_of(self, charge) -> Decimal:
        """What the merchant already refunded of one charge (tied by order id)."""
        return self._refunds()[0].get(id(charge), Decimal("0.00"))

    def refunded_of(self, charges) -> dict[str, Decimal]:
        """Refunds of ``charges`` per currency: those tied to one of them by order id, and,
        when ``charges`` are all the case's charges, the refunds tied to none."""
        tied, loose = self._refunds()
        found: dict[str, Decimal] = {}
        for charge in charges:
            back = tied.get(id(charge))
            if back:
                found[charge.currency] = found.get(charge.currency, Decimal("0.00")) + back
        if len(charges) == len(self.charges):
            for refund in loose:
                found[refund.currency] = found.get(refund.currency, Decimal("0.00")) + refund.amount
        return dict(sorted(found.items()))

    def owed(self, charges) -> dict[str, Decimal]:
        """Paid on ``charges`` less their refunds, per currency (never below zero)."""
        back = self.refunded_of(charges)
        return {
            c: max(v - back.get(c, Decimal("0.00")), Decimal("0.00"))
            for c, v in sum_by_currency(charges).items()
        }

    def claim_words(self, charges, lang: str) -> str:
        """'6 笔款项，共计 ¥2,125.00' and, when some came back, what is still owed: the one
        wording of a refund request (report, letters, form texts)."""
        from ..i18n import counted, text

        number = counted("outputs.claim.charges", len(charges), lang)
        back = self.refunded_of(charges)
        total = money_totals(sum_by_currency(charges), lang)
        if not any(back.values()):
            return text("outputs.claim", lang, charges=number, total=total)
        return text(
            "outputs.claim.net",
            lang,
            charges=number,
            total=total,
            refunded=money_totals(back, lang),
            net=money_totals(self.owed(charges), lang),
        )

    def _refunds(self) -> tuple[dict[int, Decimal], list]:
        """(refunded amount per charge, refunds tied to no charge of the case), worked out once."""
        if self._refund_map is None:
            by_order: dict[str, object] = {}
            by_txn: dict[str, object] = {}
            for charge in self.charges:
                if charge.merchant_order_id:
                    by_order.setdefault(charge.merchant_order_id, charge)
                if charge.txn_id:
                    by_txn.setdefault(charge.txn_id, charge)
            tied: dict[int, Decimal] = {}
            loose = []
            for refund in self.case.refunds:
                order, txn = refund.merchant_order_id, refund.txn_id
                charge = (by_order.get(order) if order else None) or (
                    by_txn.get(txn) if txn else None
                )
                if charge is None:
                    loose.append(refund)
                else:  # a charge marked 已退款 with no refund row is its own refund: all back
                    tied[id(charge)] = tied.get(id(charge), Decimal("0.00")) + refund.amount
            self._refund_map = (tied, loose)
        return self._refund_map

    @property
    def scenario(self) -> str:
        """The reference's scenario code: A the user does not recognise the merchant (never
        signed up), C charged after a cancellation, else B (renewed without notice)."""
        if self.case.status == CaseStatus.UNRECOGNISED:
            return "A"
        return "C" if self.case.cancelled_on and self.after else "B"

    def by_channel(self, charges=None) -> dict[str, list]:
        found: dict[str, list] = {}
        for charge in self.charges if charges is None else charges:
            found.setdefault(channel_of(charge), []).append(charge)
        return found

    def by_year(self, charges=None) -> dict[int, list]:
        found: dict[int, list] = {}
        for charge in self.charges if charges is None else charges:
            found.setdefault(charge.date.year, []).append(charge)
        return dict(sorted(found.items()))

    def cadences(self) -> list[str]:
        return sorted({str(s.get("cadence")) for s in self.case.streams if s.get("cadence")})

    def summary(self, lang: str = "zh") -> str:
        """'深圳洽客科技有限公司：18 笔扣费，共 ¥5,274.00；2025-06-20 取消后仍扣 6 笔，共 …'."""
        from ..i18n import counted, text

        case = self.case
        said = text(
            "case.summary",
            lang,
            name=case.legal_name,
            charges=counted("case.summary.charges", len(self.charges), lang),
            total=money_totals(self.paid, lang),
        )
        if case.cancelled_on:
            said += text(
                "case.summary.after",
                lang,
                day=case.cancelled_on.isoformat(),
                charges=counted("case.summary.after_charges", len(self.after), lang),
                total=money_totals(self.after_paid, lang),
            )
        return said


def load_citations() -> list[dict]:
    """Every entry of resources/legal/citations.json (printed or not)."""
    try:
        path = Path(str(resources.files("qiake_auditor.resources") / "legal" / "citations.json"))
        if not path.is_file():
            raise FileNotFoundError(path)
    except (ModuleNotFoundError, TypeError, FileNotFoundError):
        path = PACKAGE_RESOURCES / "legal" / "citations.json"
    return json.loads(path.read_text(encoding="utf-8"))["citations"]


def citations_for(use: str, business: bool = False, punitive: bool = False) -> list[dict]:
    """The verified citations for one document kind (``merchant``, ``report``, ...).

    Unverified and secondary-source items are never printed; consumer-law items are
    left out for a business purchase; 三倍赔偿 only when the user opts in.
    """
    found = []
    for item in load_citations():
        if item.get("status") != "verified" or not item.get("checked_on"):
            continue
        uses = item.get("use") or []
        if use not in uses and not (punitive and "punitive" in uses and use != "report"):
            continue
        if business and "b2b" not in (item.get("scope") or []):
            continue
        found.append(item)
    return found


def cite(item: dict, lang: str) -> str:
    if lang == "zh":
        return f"{item['instrument_zh']}{item['article_zh']}"
    return f"{item['instrument_en']}, {item['article_en']}"
