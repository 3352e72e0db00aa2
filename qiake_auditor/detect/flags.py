"""What a stream is (subscription, bill, ...), what is odd about its charges, and why.

Types come from words in the rows (分期, 还款, 房租 ...) and the catalogue; habitual
spending (coffee, commute, groceries, top-ups) is dropped unless the text says the
charge renews by itself. Flags are per charge; each flagged charge also gets its most
likely cause with a short reason in both languages.
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd

from ..money import format_amount, from_cents
from . import normalize
from .cadence import describe_anchor
from .candidates import AUTO_RENEW, STRONG_AUTO
from .columns import ScanRows
from .prepare import per_value
from .streams import Stream, day_of

INSTALMENT = re.compile(r"分期|instal?ment", re.IGNORECASE)
TRANSFER = re.compile(
    r"还款|转账|转入|转出|余额宝|零钱通|理财|定投|基金申购|储蓄|定期存款|"
    r"transfer|repayment",
    re.IGNORECASE,
)
BILL = re.compile(
    r"房租|租金|物业|水费|电费|燃气|水电|供电|自来水|电网|暖气|供暖|宽带|"
    r"rent|utility|electricity",
    re.IGNORECASE,
)
HABIT = re.compile(
    r"咖啡|瑞幸|星巴克|库迪|外卖|饿了么|地铁|公交|出行|滴滴|打车|超市|便利|"
    r"菜市场|餐饮|美食|食堂|加油|充值|盒马|买菜|早餐|午餐|晚餐|奶茶|喜茶|蜜雪|"
    r"面包|水果|麦当劳|肯德基|luckin|starbucks|metro",
    re.IGNORECASE,
)
PERSON = re.compile(r"[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]\*+|\*[\u4e00-\u9fff]+")
SENT = re.compile(r"网转|汇款|汇出|跨行|转账|付款给个人")  # a bank or wallet transfer to a person
USAGE = re.compile(r"用量|按量|结算|流量|usage|metered", re.IGNORECASE)
BILL_TYPES = {"telecom", "utility"}

CAUSE_TEXT = {
    "auto_renewal": ("按既定周期自动续费", "an automatic renewal on the usual schedule"),
    "new_purchase_or_upgrade": ("新购或升级套餐", "a new purchase or a plan upgrade"),
    "usage_settlement": ("按用量结算", "a usage-based settlement"),
    "trial_conversion": (
        "试用/优惠期结束后转为正价",
        "a trial or promotion turning into full price",
    ),
    "organisation_purchase": (
        "由标记为单位的账户/卡支付",
        "paid from an account marked as company",
    ),
    "arrears_recovery": (
        "扣款失败后的补扣或一次补收多期",
        "recovery after failed attempts or several periods at once",
    ),
}


def stream_text(stream: Stream, rows: ScanRows) -> str:
    first = stream.members[:50]
    parts = [rows[c][first] for c in ("counterparty", "merchant", "description", "category")]
    return " ".join(" ".join(row) for row in zip(*parts, strict=True))


def classify(stream: Stream, rows: ScanRows) -> str | None:
    """The stream's type, or None for habitual spending that is not a recurring plan."""
    text = stream_text(stream, rows)
    entry = normalize.catalogue_entry(stream.key)
    if stream.direction == "income":
        return "income"
    if INSTALMENT.search(text):
        return "instalment"
    if TRANSFER.search(text) or stream.direction == "neutral":
        return "transfer"
    auto = bool(AUTO_RENEW.search(text))
    person = (
        not auto
        and entry is None
        and PERSON.fullmatch(rows["counterparty"][stream.members[0]].strip()) is not None
    )
    if person and stream.cadence in ("quarterly", "semiannual", "annual"):
        return None  # two transfers to a friend months apart are not a plan
    if person and (BILL.search(text) or SENT.search(text)):
        return "transfer"  # rent paid to a landlord: money sent to a person, not a company's bill
    if BILL.search(text) or (
        entry is not None and entry.type in BILL_TYPES and (auto or not HABIT.search(text))
    ):
        return "bill"
    if HABIT.search(text) and not STRONG_AUTO.search(text):
        return None
    if (
        not auto
        and entry is None
        and stream.variable
        and stream.cadence in ("weekly", "biweekly", "semimonthly")
    ):
        return None
    return "usage" if stream.variable else "subscription"


def charge_flags(
    stream: Stream,
    rows: ScanRows,
    watch_rows: np.ndarray,
    key_first_day: dict[str, int],
    ledger_first_day: int,
) -> None:
    """Per-charge flags of one stream (stream-level flags are their union)."""
    cents = rows["_cents"]
    days = rows["_day"]
    flags = stream.charge_flags

    def add(pos: int, flag: str) -> None:
        flags.setdefault(pos, set()).add(flag)

    if stream.cancelled_on is not None:
        for m in stream.members:
            if day_of(days[m]) > stream.cancelled_on:
                add(m, "after_cancellation")
    regular = stream.regular
    if stream.intro and regular:
        add(regular[0], "trial_conversion")
    for before, after in zip(stream.segments, stream.segments[1:], strict=False):
        if after.cents > before.cents and stream.type in ("subscription", "usage"):
            add(after.start, "price_increase")  # a raise of rent or income is no alarm
    for m in stream.duplicates:
        add(m, "duplicate_charge")
    for m in [*stream.unusual, *stream.multiples]:
        add(m, "unusual_amount")
    for occurrence, refunds in stream.refunds.items():
        refunded = int(cents[refunds].sum())
        if 0 < refunded < cents[occurrence]:
            add(occurrence, "refund_partial")
    first = stream.members[0]
    if key_first_day.get(stream.key) == days[first] and days[first] - ledger_first_day >= 60:
        add(first, "new_merchant")
    for m in stream.members:
        if watch_rows[m]:
            add(m, "watchlist")
    for pos_flags in flags.values():
        stream.flags |= pos_flags


COMPANY_ACCOUNT = re.compile(
    r"对公|单位账户|单位卡|公司账户|企业账户|corporate account", re.IGNORECASE
)
_ZH_TIMES = {1: "一次", 2: "两次", 3: "三次", 4: "四次"}
_TIMES = {2: ("2", "twice"), 3: ("3", "three times"), 4: ("4", "four times")}


def company_account(method: str, org_methods: frozenset[str] | set[str]) -> str:
    """'marked' (the user marked it a company account), 'statement' (the statement shows
    a company account, 对公) or '' for a personal one."""
    if any(word and word in method for word in org_methods):
        return "marked"
    return "statement" if COMPANY_ACCOUNT.search(method) else ""


def cause(
    pos: int, stream: Stream | None, rows: ScanRows, org_methods: set[str], flags: set[str]
) -> str:
    """The most likely cause of one flagged charge, from the facts at that charge."""
    if company_account(rows["method"][pos], org_methods):
        return "organisation_purchase"
    text = rows["description"][pos]
    if stream is None:
        return "auto_renewal" if AUTO_RENEW.search(text) else "new_purchase_or_upgrade"
    if stream.retries.get(pos) or pos in stream.multiples:
        return "arrears_recovery"
    if "trial_conversion" in flags:
        return "trial_conversion"
    if stream.variable or USAGE.search(text):
        return "usage_settlement"
    if flags & {"price_increase", "duplicate_charge", "new_merchant", "unusual_amount"}:
        return "new_purchase_or_upgrade"
    return "auto_renewal"


def assign_causes(stream: Stream, rows: ScanRows, org_methods: set[str]) -> None:
    """Cause of every flagged charge with its reason (zh, en) from the charge's own facts.

    Income and transfers are not charges: a watched salary or rent payment is flagged
    but has no cause (nobody "renewed" it)."""
    if stream.type in ("income", "transfer"):
        return
    for pos, flags in stream.charge_flags.items():
        name = cause(pos, stream, rows, org_methods, flags)
        stream.causes[pos] = (name, *reason(name, pos, stream, rows, flags, org_methods))


def _yuan(cents: int, currency: str = "CNY") -> str:
    return format_amount(from_cents(cents), currency)


def gap_before(pos: int, stream: Stream, rows: ScanRows) -> list[str]:
    """The months (YYYY-MM) of the schedule's empty slots just before this charge."""
    fit = stream.fit
    if fit is None or not fit.missed:
        return []
    slot, _ = fit.slot_of(int(rows["_day"][pos]))
    empty = []
    s = slot - 1
    missed = set(fit.missed)
    while s in missed:
        empty.append(fit.expected(s).isoformat()[:7])
        s -= 1
    return empty[::-1]


def reason(
    name: str,
    pos: int,
    stream: Stream,
    rows: ScanRows,
    flags: set[str],
    org_methods: frozenset[str] | set[str] = frozenset(),
) -> tuple[str, str]:
    """Why this cause: the concrete facts behind it, in Chinese and English."""
    cents = rows["_cents"]
    days = rows["_day"]
    cur = stream.currency
    money = _yuan(cents[pos], cur)
    on = day_of(days[pos]).isoformat()
    if name == "organisation_purchase":
        method = rows["method"][pos]
        if company_account(method, org_methods) == "marked":
            return (
                f"{on}由您标记为单位账户的“{method}”支付{money}",
                f"{money} paid on {on} with {method}, which you marked as a company account",
            )
        return (
            f"{on}账单显示由对公/单位账户“{method}”支付{money}",
            f"{money} paid on {on} from {method}, a company account on the statement",
        )
    if name == "arrears_recovery":
        failed = stream.retries.get(pos, [])
        if failed:
            first = day_of(days[failed[0]]).isoformat()
            rest = [day_of(days[f]).isoformat()[5:] for f in failed[1:]]
            dates = "、".join([first, *rest])
            times = _ZH_TIMES.get(len(failed), f"{len(failed)}次")
            return (
                f"{dates} {times}扣款失败后，{on[5:]} 补扣成功{money}",
                f"after {len(failed)} failed attempt(s) on {', '.join([first, *rest])}, "
                f"{money} was taken on {on}",
            )
        periods, level = stream.multiples.get(pos, (0, 0))
        gap = gap_before(pos, stream, rows)
        zh_times, en_times = _TIMES.get(periods, (str(periods), f"{periods} times"))
        zh = f"{on}扣费{money}，为当时价格{_yuan(level, cur)}的{zh_times}倍"
        en = f"charged {money}, {en_times} the {_yuan(level, cur)} price then in force"
        if gap:
            shown = "、".join(gap[:3])
            zh += f"，此前{shown}未扣费"
            en += f", after no charge in {', '.join(gap[:3])}"
        return zh + "，可能一次补收多期", en + ": several periods at once"
    if name == "trial_conversion":
        trial = stream.intro[0] if stream.intro else pos
        return (
            f"{day_of(days[trial]).isoformat()}试用/优惠期后首次按正价扣费{money}",
            f"first full-price charge ({money}) after the trial of "
            f"{day_of(days[trial]).isoformat()}",
        )
    if name == "usage_settlement":
        return (
            f"按用量计费，本次{money}（平时{_yuan(stream.segments[0].low, cur)}至"
            f"{_yuan(stream.segments[0].high, cur)}）"
            if stream.segments
            else f"金额随用量变化（本次{money}）",
            f"billed by use: {money} this time"
            + (
                f" (usually {_yuan(stream.segments[0].low, cur)} to "
                f"{_yuan(stream.segments[0].high, cur)})"
                if stream.segments
                else ""
            ),
        )
    if name == "new_purchase_or_upgrade":
        if "duplicate_charge" in flags:
            return f"同一周期内第二笔{money}", f"a second {money} in the same cycle"
        if "price_increase" in flags:
            return f"价格升至{money}", f"the price rose to {money}"
        if "new_merchant" in flags:
            return "此前从未向该商户付款", "the first payment ever to this merchant"
        return f"金额{money}与平时不同", f"{money} differs from the usual amount"
    if stream.fit is None:
        return "商品说明写明自动续费", "its description says it renews automatically"
    rule_zh, rule_en = describe_anchor(stream.fit, "zh"), describe_anchor(stream.fit, "en")
    gap = gap_before(pos, stream, rows)
    if gap:  # one period's price after a pause: the plan resumed, nothing was made up for
        shown = "、".join(gap[:3]) + ("等" if len(gap) > 3 else "")
        return (
            f"{shown}未扣费后，{on}恢复续费（{rule_zh}），金额{money}为一期价格，并非补收欠费",
            f"the renewal resumed on {on} ({rule_en}) after no charge in "
            f"{', '.join(gap[:3])}{' ...' if len(gap) > 3 else ''}; {money} is one period's "
            "price, not a recovery of the skipped periods",
        )
    return rule_zh, rule_en


def watch_mask(frame: pd.DataFrame, words: list[str]) -> np.ndarray:
    """Rows whose counterparty, merchant or description contains a watched word."""
    words = [w.strip() for w in words if w and w.strip()]
    if not words:
        return np.zeros(len(frame), dtype=bool)
    pattern = "|".join(re.escape(w) for w in words)
    hit = np.array(frame["description"].str.contains(pattern, case=False, regex=True), dtype=bool)
    for name in ("counterparty", "merchant"):
        hit |= per_value(
            frame[name], lambda u: u.str.contains(pattern, case=False, regex=True).to_numpy(), bool
        )
    return hit


def not_charges(frame: pd.DataFrame, positions: np.ndarray) -> np.ndarray:
    """Which of these expense rows are no company's charge: a transfer, a repayment or a
    move between the user's own accounts, or money sent to a person (rent to a landlord),
    told by the words that make a stream a transfer (see :func:`classify`).

    Each text column's distinct values are searched once for all the words (a hundred
    thousand watched rows repeat a few names and categories)."""
    texts = ("counterparty", "merchant", "description", "category")
    part = frame[[*texts, "_key"]].iloc[positions]  # not every column of the frame
    transfer, renewal, sent, person = (np.zeros(len(part), dtype=bool) for _ in range(4))
    for column in texts:
        codes, uniques = pd.factorize(part[column])
        if not len(uniques):
            continue
        values = pd.Series(uniques, dtype="str")
        transfer |= values.str.contains(TRANSFER).to_numpy(bool)[codes]
        renewal |= values.str.contains(AUTO_RENEW).to_numpy(bool)[codes]
        sent |= (values.str.contains(SENT) | values.str.contains(BILL)).to_numpy(bool)[codes]
        if column == "counterparty":
            person = values.str.strip().str.fullmatch(PERSON).to_numpy(bool)[codes]
    uncatalogued = per_value(
        part["_key"], lambda keys: [normalize.catalogue_entry(k) is None for k in keys], bool
    )
    return transfer | (person & ~renewal & uncatalogued & sent)


def cancellation_for(
    key: str, cancellations: dict[str, date], aliases: dict[str, str] | None = None
) -> date | None:
    """The user's cancellation date for a merchant key.

    A cancellation names a case: its name is normalised the way cases are grouped
    (catalogue and the user's aliases) and must give the same key. Never a part of a
    name: a cancellation of 洽客 says nothing about 洽客隆超市, nor the reverse.
    """
    for name, when in cancellations.items():
        if key and normalize.canonical_key(name, aliases) == key:
            return when
    return None
