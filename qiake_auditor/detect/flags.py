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

from . import normalize
from .cadence import describe_anchor
from .candidates import AUTO_RENEW, STRONG_AUTO
from .columns import column
from .prepare import per_value
from .streams import Stream, day_of

INSTALMENT = re.compile(r"分期|instal?ment", re.IGNORECASE)
TRANSFER = re.compile(r"还款|转账|转入|转出|余额宝|零钱通|理财|定投|基金申购|储蓄|定期存款|"
                      r"transfer|repayment", re.IGNORECASE)
BILL = re.compile(r"房租|租金|物业|水费|电费|燃气|水电|供电|自来水|电网|暖气|供暖|宽带|"
                  r"rent|utility|electricity", re.IGNORECASE)
HABIT = re.compile(r"咖啡|瑞幸|星巴克|库迪|外卖|饿了么|地铁|公交|出行|滴滴|打车|超市|便利|"
                   r"菜市场|餐饮|美食|食堂|加油|充值|盒马|买菜|早餐|午餐|晚餐|奶茶|喜茶|蜜雪|"
                   r"面包|水果|麦当劳|肯德基|luckin|starbucks|metro", re.IGNORECASE)
PERSON = re.compile(r"[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]\*+|\*[\u4e00-\u9fff]+")
USAGE = re.compile(r"用量|按量|结算|流量|usage|metered", re.IGNORECASE)
BILL_TYPES = {"telecom", "utility"}

CAUSE_TEXT = {
    "auto_renewal": ("按既定周期自动续费", "an automatic renewal on the usual schedule"),
    "new_purchase_or_upgrade": ("新购或升级套餐", "a new purchase or a plan upgrade"),
    "usage_settlement": ("按用量结算", "a usage-based settlement"),
    "trial_conversion": ("试用/优惠期结束后转为正价",
                         "a trial or promotion turning into full price"),
    "organisation_purchase": ("由标记为单位的账户/卡支付",
                              "paid from an account marked as company"),
    "arrears_recovery": ("扣款失败后的补扣或一次补收多期", "recovery after failed attempts or "
                                                         "several periods at once"),
}


def stream_text(stream: Stream, frame: pd.DataFrame) -> str:
    first = stream.members[:50]
    parts = [column(frame, c)[first] for c in ("counterparty", "merchant", "description",
                                               "category")]
    return " ".join(" ".join(row) for row in zip(*parts, strict=True))


def classify(stream: Stream, frame: pd.DataFrame) -> str | None:
    """The stream's type, or None for habitual spending that is not a recurring plan."""
    text = stream_text(stream, frame)
    entry = normalize.catalogue_entry(stream.key)
    if stream.direction == "income":
        return "income"
    if INSTALMENT.search(text):
        return "instalment"
    if TRANSFER.search(text) or stream.direction == "neutral":
        return "transfer"
    auto = bool(AUTO_RENEW.search(text))
    if (stream.cadence in ("quarterly", "semiannual", "annual") and not auto and entry is None
            and PERSON.fullmatch(column(frame, "counterparty")[stream.members[0]].strip())):
        return None  # two transfers to a friend months apart are not a plan
    if BILL.search(text) or (entry is not None and entry.type in BILL_TYPES
                             and (auto or not HABIT.search(text))):
        return "bill"
    if HABIT.search(text) and not STRONG_AUTO.search(text):
        return None
    if not auto and entry is None and stream.variable and stream.cadence in (
            "weekly", "biweekly", "semimonthly"):
        return None
    return "subscription"


def charge_flags(stream: Stream, frame: pd.DataFrame, watch_rows: np.ndarray,
                 key_first_day: dict[str, int], ledger_first_day: int) -> None:
    """Per-charge flags of one stream (stream-level flags are their union)."""
    cents = column(frame, "_cents")
    days = column(frame, "_day")
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
        if after.cents > before.cents and stream.type == "subscription":
            add(after.start, "price_increase")  # a raise of rent or income is no alarm
    for m in stream.duplicates:
        add(m, "duplicate_charge")
    for m in stream.unusual:
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


def cause(pos: int, stream: Stream | None, frame: pd.DataFrame, org_methods: set[str],
          flags: set[str]) -> str:
    """The most likely cause of one flagged charge."""
    method = column(frame, "method")[pos]
    if any(word and word in method for word in org_methods):
        return "organisation_purchase"
    text = column(frame, "description")[pos]
    if stream is None:
        return "auto_renewal" if AUTO_RENEW.search(text) else "new_purchase_or_upgrade"
    cents = column(frame, "_cents")
    level = stream.segments[-1].cents if stream.segments else int(cents[pos])
    multiple = level > 0 and cents[pos] >= 2 * level * 0.97 and not stream.variable and (
        abs(cents[pos] / level - round(cents[pos] / level)) <= 0.03)
    if stream.retries.get(pos) or multiple:
        return "arrears_recovery"
    if "trial_conversion" in flags:
        return "trial_conversion"
    if stream.variable or USAGE.search(text):
        return "usage_settlement"
    if flags & {"price_increase", "duplicate_charge", "new_merchant", "unusual_amount"}:
        return "new_purchase_or_upgrade"
    return "auto_renewal"


def assign_causes(stream: Stream, frame: pd.DataFrame, org_methods: set[str]) -> None:
    """Cause of every flagged charge with its reason (zh, en) from the charge's own facts."""
    for pos, flags in stream.charge_flags.items():
        name = cause(pos, stream, frame, org_methods, flags)
        stream.causes[pos] = (name, *reason(name, pos, stream, frame, flags))


def reason(name: str, pos: int, stream: Stream, frame: pd.DataFrame,
           flags: set[str]) -> tuple[str, str]:
    """Why this cause: the concrete fact behind it, in Chinese and English."""
    cents = column(frame, "_cents")
    days = column(frame, "_day")
    money = f"{int(cents[pos]) // 100}.{int(cents[pos]) % 100:02d}".removesuffix(".00")
    if name == "organisation_purchase":
        method = column(frame, "method")[pos]
        return f"由单位账户/卡“{method}”支付", f"paid with {method}, marked as a company account"
    if name == "arrears_recovery":
        failed = stream.retries.get(pos, [])
        if failed:
            first = day_of(days[failed[0]]).isoformat()
            return (f"此前{len(failed)}次扣款失败（首次{first}）后补扣",
                    f"taken after {len(failed)} failed attempt(s) since {first}")
        level = stream.segments[-1].cents if stream.segments else cents[pos]
        times = round(cents[pos] / max(level, 1))
        return (f"金额¥{money}约为平时的{times}倍，可能一次补收多期",
                f"¥{money} is about {times} times the usual amount: several periods at once")
    if name == "trial_conversion":
        trial = stream.intro[0] if stream.intro else pos
        return (f"{day_of(days[trial]).isoformat()}试用/优惠期后首次按正价扣费¥{money}",
                f"first full-price charge (¥{money}) after the trial of "
                f"{day_of(days[trial]).isoformat()}")
    if name == "usage_settlement":
        return f"金额随用量变化（本次¥{money}）", f"the amount follows usage (¥{money} this time)"
    if name == "new_purchase_or_upgrade":
        if "duplicate_charge" in flags:
            return f"同一周期内第二笔¥{money}", f"a second ¥{money} in the same cycle"
        if "price_increase" in flags:
            return f"价格升至¥{money}", f"the price rose to ¥{money}"
        if "new_merchant" in flags:
            return "此前从未向该商户付款", "the first payment ever to this merchant"
        return f"金额¥{money}与平时不同", f"¥{money} differs from the usual amount"
    if stream.fit is None:
        return "商品说明写明自动续费", "its description says it renews automatically"
    return describe_anchor(stream.fit, "zh"), describe_anchor(stream.fit, "en")


def watch_mask(frame: pd.DataFrame, words: list[str]) -> np.ndarray:
    """Rows whose counterparty, merchant or description contains a watched word."""
    words = [w.strip() for w in words if w and w.strip()]
    if not words:
        return np.zeros(len(frame), dtype=bool)
    pattern = "|".join(re.escape(w) for w in words)
    hit = np.array(frame["description"].str.contains(pattern, case=False, regex=True),
                   dtype=bool)
    for name in ("counterparty", "merchant"):
        hit |= per_value(frame[name], lambda u: u.str.contains(pattern, case=False,
                                                               regex=True).to_numpy(), bool)
    return hit


def cancellation_for(key: str, cancellations: dict[str, date],
                     aliases: dict[str, str] | None = None) -> date | None:
    """The user's cancellation date for a merchant key (names compared as keys)."""
    for name, when in cancellations.items():
        other = normalize.canonical_key(name, aliases)
        if other and (other == key or (len(other) >= 2 and other in key)):
            return when
    return None
