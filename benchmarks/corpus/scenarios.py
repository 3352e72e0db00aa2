"""Seeded generators for the 24 hard cases of recurring.md section 3.

Each ``hN(ctx)`` builds one hard case (one or a few gold streams) inside the export
window of a simulated user; :func:`background` adds a year or more of ordinary
spending with habit decoys (H12). Everything draws from ``ctx.rng`` (a numpy
Generator), so a seed reproduces a corpus exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from . import factory
from .builder import (
    ICBC_METHOD,
    OTHER_CARD,
    Case,
    Context,
    Stream,
    monthly_back,
    next_monthly,
    price,
)
from .factory import add_months, month_end
from .model import (
    ALIPAY,
    CLOSED,
    ICBC,
    PARTIAL,
    PENDING,
    REFUND,
    REFUNDED,
    TENPAY_COMPANY,
    WECHAT,
    Txn,
    money,
)
from .names import CITIES, INDUSTRIES, Merchant

__all__ = ["CASES", "ICBC_METHOD", "OTHER_CARD", "Case", "Context"]


# -- the hard cases ---------------------------------------------------------------------------


def h1(ctx: Context) -> Case:
    """Month-end anchor: charges on the last day of each month."""
    s = Stream(ctx, "H1", "month-end", "monthly")
    last = month_end(ctx.end.year, ctx.end.month)
    if last > ctx.end:
        last = add_months(ctx.end, -1, 31)
    dates = monthly_back(ctx, int(ctx.rng.integers(6, 13)), 31, last)
    amount = price(ctx)
    for day in dates:
        s.charge(day, amount)
    s.truth.next_expected = next_monthly(dates[-1], 31)
    return s.case()


def h2(ctx: Context) -> Case:
    """Processor date walking: a 29th-31st anchor moves to the 1st after a short month."""
    s = Stream(ctx, "H2", "walk-to-1st", "monthly")
    anchor = ctx.pick([29, 30, 31])
    n = int(ctx.rng.integers(6, 11))
    # start so that the walk happens inside the window: first month has the anchor day
    day = add_months(ctx.end, -n - 1, anchor)
    while day < ctx.start or day.day != anchor:
        day = add_months(day, 1, anchor)
    amount = price(ctx)
    dates: list[date] = []
    walked = False
    while day <= ctx.end and len(dates) < n:
        dates.append(day)
        if walked:
            day = add_months(day, 1, 1)
            continue
        following = add_months(day, 1, anchor)
        if following.day != anchor:  # short month: skipped, charged on the 1st after it
            day = add_months(following, 1, 1)
            walked = True
        else:
            day = following
    for d in dates:
        s.charge(d, amount)
    s.truth.next_expected = (
        add_months(dates[-1], 1, 1) if walked else add_months(dates[-1], 1, anchor)
    ).isoformat()
    s.truth.notes = "anchor re-estimated to the 1st after a skipped short month"
    return s.case()


def h3(ctx: Context) -> Case:
    """Sparse annual renewal: two charges a year apart (variant: one charge + keyword)."""
    one_hit = ctx.wants("one-hit-keyword", 0.25)
    s = Stream(ctx, "H3", "one-hit-keyword" if one_hit else "two-hits", "annual")
    s.item = s.merchant.product + " 年付 自动续费"
    amount = price(ctx, (980, 1280, 1980, 2980, 3680))
    if one_hit:
        first = ctx.end - timedelta(days=int(ctx.rng.integers(20, 330)))
        first = max(first, ctx.start)
        s.charge(first, amount)
        s.truth.status = "candidate"
        s.truth.next_expected = add_months(first, 12).isoformat()
        return s.case()
    latest_first = add_months(ctx.end, -12) - timedelta(days=3)
    span = (latest_first - ctx.start).days
    first = ctx.start + timedelta(days=int(ctx.rng.integers(0, max(span, 1))))
    second = add_months(first, 12) + timedelta(days=int(ctx.rng.integers(-2, 2)))
    s.charge(first, amount)
    s.charge(second, amount)
    s.truth.next_expected = add_months(second, 12).isoformat()
    return s.case()


def h4(ctx: Context) -> Case:
    """Leap-day annual: 2024-02-29, 2025-02-28 (and 2026-02-28 when covered)."""
    s = Stream(ctx, "H4", "leap-day", "annual")
    amount = price(ctx, (365, 698, 1280, 2980))
    dates = [
        d
        for d in (date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28))
        if ctx.start <= d <= ctx.end
    ]
    for d in dates:
        s.charge(d, amount)
    following = date(dates[-1].year + 1, 2, 28)
    s.truth.next_expected = following.isoformat()
    s.truth.alt_next = [date(dates[-1].year + 1, 3, 1).isoformat()]
    return s.case()


def h5(ctx: Context) -> Case:
    """Promo -> full price -> price rise; one stream, no split."""
    s = Stream(ctx, "H5", "promo-full-rise", "monthly")
    full = price(ctx, (25, 30, 39, 45, 68, 99))
    rise = money(full * Decimal(ctx.pick(["1.20", "1.25", "1.30", "1.50"])))
    rise = money(int(rise) if rise > 10 else rise)
    n_full, n_rise = int(ctx.rng.integers(4, 7)), int(ctx.rng.integers(2, 5))
    anchor = int(ctx.rng.integers(1, 29))
    dates = monthly_back(ctx, 1 + n_full + n_rise, anchor)
    n_rise = min(n_rise, len(dates) - 2)
    s.charge(
        dates[0],
        ctx.pick(["1.00", "0.99", "6.00"]),
        event="promo",
        item=s.merchant.product + "-首月特惠",
    )
    for d in dates[1 : len(dates) - n_rise]:
        s.charge(d, full)
    for k, d in enumerate(dates[len(dates) - n_rise :]):
        s.charge(
            d,
            rise,
            event="price_change" if k == 0 else "",
            item=s.item + ("（价格调整）" if k == 0 else ""),
            flags=("price_increase",) if k == 0 else (),
        )
    s.truth.events = ["promo", "price_change"]
    s.truth.expected_flags = ["price_increase"]
    s.truth.ok_flags = ["trial_conversion"]
    s.truth.next_expected = next_monthly(dates[-1], anchor)
    return s.case()


def h6(ctx: Context) -> Case:
    """Trial -> paid conversion: ¥0.01 authorisation, paid 7 days later, then monthly."""
    s = Stream(ctx, "H6", "trial-7d", "monthly")
    paid = price(ctx, (49, 99, 199, 299))
    n = int(ctx.rng.integers(4, 10))
    anchor = int(ctx.rng.integers(8, 29))
    dates = monthly_back(ctx, n, anchor)
    trial = dates[0] - timedelta(days=7)
    if trial < ctx.start:
        dates = dates[1:]
        trial = dates[0] - timedelta(days=7)
    s.charge(trial, "0.01", event="trial", item=s.merchant.product + "-7天免费试用")
    for k, d in enumerate(dates):
        s.charge(d, paid, flags=("trial_conversion",) if k == 0 else ())
    s.truth.events = ["trial"]
    s.truth.expected_flags = ["trial_conversion"]
    s.truth.next_expected = next_monthly(dates[-1], anchor)
    return s.case()


def h7(ctx: Context) -> Case:
    """Failed charge + retries: two closed attempts, success 3 days after the due date."""
    reanchor = ctx.wants("re-anchored", 0.5)
    s = Stream(
        ctx,
        "H7",
        "re-anchored" if reanchor else "anchor-kept",
        "monthly",
        platform=ALIPAY,
        method=ctx.pick(["余额", OTHER_CARD]),
    )
    amount = price(ctx)
    anchor = int(ctx.rng.integers(1, 25))
    n = int(ctx.rng.integers(6, 12))
    dates = monthly_back(ctx, n, anchor)
    fail_at = int(ctx.rng.integers(1, max(2, len(dates) - 2)))
    last = dates[-1]
    for k, d in enumerate(dates):
        if k < fail_at:
            s.charge(d, amount)
        elif k == fail_at:
            s.charge(d, amount, state=CLOSED, event="retry_failed", status_text="交易关闭")
            s.charge(
                d + timedelta(days=1),
                amount,
                state=CLOSED,
                event="retry_failed",
                status_text="交易关闭",
            )
            last = d + timedelta(days=3)
            s.charge(last, amount, cause="arrears_recovery")
        else:
            day = d + timedelta(days=3) if reanchor else d
            if day > ctx.end:
                break
            s.charge(day, amount)
            last = day
    s.truth.events = ["retry_failed"]
    s.truth.next_expected = next_monthly(last, last.day if reanchor else anchor)
    return s.case()


def h8(ctx: Context) -> Case:
    """Refund after an annual renewal (full, or partial)."""
    partial = ctx.wants("partial", 0.5)
    s = Stream(
        ctx,
        "H8",
        "partial" if partial else "full",
        "annual",
        method="余额" if ctx.chance(0.5) else None,
    )
    if s.method not in ("余额", "零钱"):
        s.method = "余额" if s.platform == ALIPAY else "零钱"
    amount = price(ctx, (980, 1980, 2980))
    latest_first = add_months(ctx.end, -12) - timedelta(days=10)
    first = ctx.start + timedelta(
        days=int(ctx.rng.integers(0, max(1, (latest_first - ctx.start).days)))
    )
    renewal = add_months(first, 12)
    back = money(amount * Decimal(ctx.pick(["0.5", "0.8333", "0.25"]))) if partial else amount
    s.charge(first, amount)
    refund_day = renewal + timedelta(days=int(ctx.rng.integers(3, 8)))
    if s.platform == ALIPAY:
        original = s.charge(renewal, amount, state=PARTIAL if partial else REFUNDED)
        refund = Txn(
            factory.at(refund_day, ctx.rng, 9, 20),
            back,
            "neutral",
            s.counterparty,
            platform=ALIPAY,
            item=f"退款-{s.item}",
            category="退款",
            method=s.method,
            state=REFUND,
            txn_id=original.txn_id + "_" + factory.digits(ctx.rng, 12),
            order_id=original.order_id,
            stream=s.truth.id,
            event="refund",
            econ=ctx.econ(),
            flags=("refund_partial",) if partial else (),
        )
    else:
        status = f"已退款￥{back:.2f}" if partial else "已全额退款"
        original = s.charge(
            renewal, amount, state=PARTIAL if partial else REFUNDED, status_text=status
        )
        refund = Txn(
            factory.at(refund_day, ctx.rng, 9, 20),
            back,
            "income",
            s.counterparty,
            platform=WECHAT,
            item=f"退款-{s.item}",
            category=f"{s.counterparty}-退款",
            method=s.method,
            state=REFUND,
            status_text=status,
            txn_id=factory.wechat_id(ctx.rng, renewal_dt(refund_day)),
            order_id=original.order_id,
            stream=s.truth.id,
            event="refund",
            econ=ctx.econ(),
            flags=("refund_partial",) if partial else (),
        )
    s.txns.append(refund)
    s.truth.events = ["refund"]
    s.truth.expected_flags = ["refund_partial"] if partial else []
    s.truth.notes = f"renewal {renewal} refunded {back} ({'partial' if partial else 'full'})"
    return s.case()


def renewal_dt(day: date) -> datetime:
    return datetime.combine(day, time(12))


def h9(ctx: Context) -> Case:
    """Name variants and intermediaries: legal name, brand name, 支付宝-/财付通- bank rows."""
    variant = ctx.which(["alipay-then-wechat", "wechat-card-tenpay", "alipay-card-truncated"])
    m = ctx.names.take()
    amount = price(ctx)
    anchor = int(ctx.rng.integers(1, 29))
    dates = monthly_back(ctx, int(ctx.rng.integers(6, 12)), anchor)
    if variant == "alipay-then-wechat":
        s = Stream(
            ctx,
            "H9",
            variant,
            "monthly",
            platform=ALIPAY,
            merchant=m,
            counterparty=m.legal,
            method=ICBC_METHOD,
        )
        switch = len(dates) // 2
        for k, d in enumerate(dates):
            if k < switch:
                s.charge(d, amount)
            else:
                s.charge(d, amount, platform=WECHAT, counterparty=m.brand, method="零钱")
    elif variant == "alipay-card-truncated":
        # ICBC cuts 交易场所 short (the ICBC sample has 广东三元麦当劳食品有)
        s = Stream(
            ctx,
            "H9",
            variant,
            "monthly",
            platform=ALIPAY,
            merchant=m,
            counterparty=m.legal,
            method=ICBC_METHOD,
        )
        keep = 4 + int(ctx.rng.integers(6, 10))
        for d in dates:
            txn = s.charge(d, amount, copy=False)
            lag = int(ctx.rng.integers(0, 3))
            if d + timedelta(days=lag) <= ctx.end:
                copy = factory.bank_copy(txn, lag, ctx.rng)
                s.txns.append(replace(copy, place=copy.place[:keep]))
    else:
        s = Stream(
            ctx,
            "H9",
            variant,
            "monthly",
            platform=WECHAT,
            merchant=m,
            counterparty=m.brand,
            method=ICBC_METHOD,
        )
        for d in dates:
            txn = s.charge(d, amount, copy=False)
            lag = int(ctx.rng.integers(0, 3))
            if d + timedelta(days=lag) > ctx.end:
                continue
            copy = factory.bank_copy(txn, lag, ctx.rng)
            if ctx.chance(0.5):  # only the payment company is named
                copy = replace(copy, place="", party=TENPAY_COMPANY)
            s.txns.append(copy)
    s.truth.names = [m.legal, m.brand]
    s.truth.next_expected = next_monthly(dates[-1], anchor)
    return s.case()


def h10(ctx: Context) -> Case:
    """The same charge in two exports: Alipay paid by the ICBC card + the bank's row."""
    s = Stream(ctx, "H10", "alipay+icbc", "monthly", platform=ALIPAY, method=ICBC_METHOD)
    amount = price(ctx)
    anchor = ctx.pick([int(ctx.rng.integers(1, 29)), 31])
    dates = monthly_back(ctx, int(ctx.rng.integers(6, 12)), anchor)
    for d in dates:
        s.charge(d, amount)
    s.truth.next_expected = next_monthly(dates[-1], anchor)
    return s.case()


def h11(ctx: Context) -> Case:
    """Several subscriptions under one merchant: split by amount and phase."""
    m = ctx.names.take()
    platform = ALIPAY if ctx.chance(0.6) else WECHAT
    case = Case()
    if ctx.wants("seats", 0.6):
        a = int(ctx.rng.integers(1, 15))
        b = a + int(ctx.rng.integers(6, 13))
        plan = [("seat-A", 199, a), ("seat-B", 199, b), ("add-on", 49, a)]
        variant = "seats"
    else:
        a = int(ctx.rng.integers(1, 28))
        plan = [("bundle-12", 12, a), ("bundle-25", 25, a), ("bundle-68", 68, a)]
        variant = "same-day-bundle"
    n = int(ctx.rng.integers(5, 11))
    for label, amount, anchor in plan:
        s = Stream(
            ctx,
            "H11",
            f"{variant}:{label}",
            "monthly",
            platform=platform,
            merchant=m,
            counterparty=m.legal,
            method="余额" if platform == ALIPAY else "零钱",
            item=f"{m.product}-{label}",
        )
        dates = monthly_back(ctx, n, anchor)
        for d in dates:
            s.charge(d, amount)
        s.truth.next_expected = next_monthly(dates[-1], anchor)
        case.extend(s.case())
    return case


def h13(ctx: Context) -> Case:
    """Bank 代扣 due on the 1st, posted on the next business day (holidays, 调休)."""
    brand = ctx.names.take()
    city = ctx.pick(CITIES)
    legal = f"{city}{brand.brand[:2]}保险代理有限公司"
    m = Merchant(legal, legal, "保费")
    s = Stream(
        ctx,
        "H13",
        "business-day-shift",
        "monthly",
        type="bill",
        platform=ICBC,
        merchant=m,
        counterparty=legal,
        method="",
    )
    s.truth.alt_types = ["subscription"]
    amount = price(ctx, (128, 268, 368, 520))
    due = monthly_back(ctx, 16, 1, ctx.end - timedelta(days=10))
    last = None
    for d in due:
        posted = factory.next_business_day(d)
        if posted > ctx.end:
            break
        s.bank(posted, amount, summary="代扣", place=legal, party=legal, item="保费代扣")
        last = d
    s.truth.next_expected = factory.next_business_day(add_months(last, 1, 1)).isoformat()
    s.truth.alt_next = [add_months(last, 1, 1).isoformat()]
    return s.case()


def h14(ctx: Context) -> Case:
    """Pause then resume at the same anchor after two or three skipped months."""
    s = Stream(ctx, "H14", "gap", "monthly")
    amount = price(ctx)
    anchor = int(ctx.rng.integers(1, 29))
    gap = int(ctx.rng.integers(2, 4))
    before, after = int(ctx.rng.integers(4, 6)), int(ctx.rng.integers(3, 6))
    dates = monthly_back(ctx, before + gap + after, anchor)
    if len(dates) < gap + 5:
        dates = monthly_back(ctx, 20, anchor)
    after = min(after, len(dates) - gap - 2)
    keep = dates[: len(dates) - gap - after] + dates[len(dates) - after :]
    for d in keep:
        s.charge(d, amount)
    s.truth.events = ["gap"]
    s.truth.notes = f"paused for {gap} months"
    s.truth.next_expected = next_monthly(keep[-1], anchor)
    return s.case()


def h15(ctx: Context) -> Case:
    """Charge after the user's recorded cancellation (the 洽客 case)."""
    annual = ctx.wants("annual", 0.35)
    s = Stream(ctx, "H15", "annual" if annual else "monthly", "annual" if annual else "monthly")
    s.truth.status = "cancelled"
    s.truth.expected_flags = ["after_cancellation"]
    if annual:
        amount = price(ctx, (980, 1980, 2980))
        latest_first = add_months(ctx.end, -12) - timedelta(days=3)
        first = ctx.start + timedelta(
            days=int(ctx.rng.integers(0, max(1, (latest_first - ctx.start).days)))
        )
        second = add_months(first, 12)
        cancelled = second - timedelta(days=int(ctx.rng.integers(10, 40)))
        s.charge(first, amount)
        s.charge(second, amount, flags=("after_cancellation",))
    else:
        amount = price(ctx)
        anchor = int(ctx.rng.integers(1, 29))
        dates = monthly_back(ctx, int(ctx.rng.integers(6, 12)), anchor)
        after = int(ctx.rng.integers(1, 4))
        cut = len(dates) - after
        cancelled = dates[cut - 1] + timedelta(days=int(ctx.rng.integers(3, 20)))
        for k, d in enumerate(dates):
            s.charge(d, amount, flags=("after_cancellation",) if k >= cut else ())
    s.truth.cancelled = cancelled.isoformat()
    case = s.case(**{s.counterparty: cancelled.isoformat()})
    if ctx.wants("lookalike", 0.3):
        case.extend(_lookalike(ctx, s.merchant))
    return case


def _lookalike(ctx: Context, cancelled: Merchant) -> Case:
    """Another company whose name starts with the cancelled one's brand (云帆 and
    云帆隆商贸): its charges after the cancellation date are not the cancelled plan's."""
    root = cancelled.brand
    for industry in sorted(INDUSTRIES, key=len, reverse=True):
        if root.endswith(industry):
            root = root[: -len(industry)]
            break
    other = Merchant(f"{root}隆商贸有限公司", f"{root}隆商贸", f"{root}隆会员")
    s = Stream(ctx, "H15", "lookalike", "monthly", merchant=other, counterparty=other.legal)
    anchor = int(ctx.rng.integers(1, 29))
    dates = monthly_back(ctx, int(ctx.rng.integers(6, 12)), anchor)
    amount = price(ctx)
    for d in dates:
        s.charge(d, amount)
    s.truth.next_expected = next_monthly(dates[-1], anchor)
    return s.case()


def h16(ctx: Context) -> Case:
    """Usage-based SaaS: monthly on a fixed day, amounts vary with a CV of about 12%."""
    s = Stream(ctx, "H16", "variable", "monthly", type="usage")
    s.truth.alt_types = ["subscription"]
    s.item = s.merchant.product + "-按量计费账单"
    base = float(ctx.pick([120, 200, 350, 800]))
    anchor = ctx.pick([3, 3, int(ctx.rng.integers(1, 29))])
    dates = monthly_back(ctx, int(ctx.rng.integers(6, 13)), anchor)
    for d in dates:
        s.charge(d, money(round(base * float(ctx.rng.lognormal(0, 0.12)), 2)))
    s.truth.notes = "variable amount; no price-change alerts expected"
    s.truth.next_expected = next_monthly(dates[-1], anchor)
    return s.case()


def h17(ctx: Context) -> Case:
    """Semi-monthly (1st & 15th) vs bi-weekly (every 14 days from a Friday)."""
    if ctx.wants("semimonthly", 0.5):
        s = Stream(ctx, "H17", "semimonthly", "semimonthly")
        a = ctx.pick([1, 5, 10])
        b = a + 14
        amount = price(ctx, (30, 45, 60, 88))
        months = int(ctx.rng.integers(6, 9))
        firsts = monthly_back(ctx, months, a, ctx.end - timedelta(days=16))
        dates = sorted(d for f in firsts for d in (f, f.replace(day=b)) if d <= ctx.end)
        for d in dates:
            s.charge(d, amount)
        s.truth.next_expected = (
            add_months(dates[-1], 1, a) if dates[-1].day == b else dates[-1].replace(day=b)
        ).isoformat()
        return s.case()
    s = Stream(ctx, "H17", "biweekly", "biweekly")
    amount = price(ctx, (30, 45, 60, 88))
    n = int(ctx.rng.integers(12, 21))
    last = ctx.end - timedelta(days=int(ctx.rng.integers(0, 10)))
    while last.weekday() != 4:
        last -= timedelta(days=1)
    dates = [last - timedelta(days=14 * k) for k in range(n)][::-1]
    dates = [d for d in dates if d >= ctx.start]
    for d in dates:
        s.charge(d, amount)
    s.truth.next_expected = (dates[-1] + timedelta(days=14)).isoformat()
    return s.case()


def h18(ctx: Context) -> Case:
    """Quarterly renewals, a day or two either side of the anchor."""
    s = Stream(ctx, "H18", "quarterly", "quarterly")
    amount = price(ctx, (297, 597, 897))
    anchor = int(ctx.rng.integers(1, 29))
    n = int(ctx.rng.integers(4, 6))
    last = add_months(ctx.end - timedelta(days=5), 0, anchor)
    if last > ctx.end - timedelta(days=3):
        last = add_months(last, -1, anchor)
    dates = [add_months(last, -3 * k, anchor) for k in range(n)][::-1]
    dates = [d for d in dates if d >= ctx.start + timedelta(days=3)]
    for d in dates:
        s.charge(d + timedelta(days=int(ctx.rng.integers(-2, 3))), amount)
    s.truth.next_expected = add_months(dates[-1], 3, anchor).isoformat()
    return s.case()


def h19(ctx: Context) -> Case:
    """Upgrade with proration and a new anchor: ¥199 on the 5th -> prorated -> ¥299."""
    s = Stream(ctx, "H19", "upgrade-prorated", "monthly")
    old, new = ctx.pick([(199, 299), (99, 149), (49, 99)])
    anchor = int(ctx.rng.integers(1, 10))
    up_day = anchor + int(ctx.rng.integers(8, 16))
    n_old, n_new = int(ctx.rng.integers(3, 7)), int(ctx.rng.integers(2, 6))
    news = monthly_back(ctx, n_new, up_day)
    upgrade = add_months(news[0], -1, up_day)
    olds = monthly_back(ctx, n_old, anchor, upgrade - timedelta(days=1))
    for d in olds:
        s.charge(d, old)
    remaining = (add_months(olds[-1], 1, anchor) - upgrade).days
    prorated = money(Decimal(new - old) * Decimal(remaining) / Decimal(30))
    s.charge(upgrade, prorated, event="proration", item=s.merchant.product + "-升级补差价")
    for k, d in enumerate(news):
        s.charge(
            d,
            new,
            event="price_change" if k == 0 else "",
            flags=("price_increase",) if k == 0 else (),
        )
    s.truth.events = ["proration", "price_change"]
    s.truth.expected_flags = ["price_increase"]
    s.truth.ok_flags = ["unusual_amount"]
    s.truth.next_expected = next_monthly(news[-1], up_day)
    return s.case()


def h20(ctx: Context) -> Case:
    """FX-priced SaaS on the bank card: USD price, CNY amounts drift, separate fee lines."""
    name = ctx.names.take_foreign()
    m = Merchant(name, name, name)
    s = Stream(
        ctx, "H20", "usd-card", "monthly", platform=ICBC, merchant=m, counterparty=name, method=""
    )
    usd = float(ctx.pick([10, 15, 20, 25]))
    anchor = int(ctx.rng.integers(1, 29))
    rate = 7.18
    dates = monthly_back(ctx, int(ctx.rng.integers(6, 13)), anchor)
    for d in dates:
        rate = min(7.35, max(7.0, rate + float(ctx.rng.normal(0, 0.04))))
        posted = d + timedelta(days=int(ctx.rng.integers(1, 3)))
        if posted > ctx.end:
            break
        amount = money(round(usd * rate, 2))
        s.bank(posted, amount, summary="消费", place=name, party="", country="USA")
        if ctx.chance(0.7):
            s.bank(
                posted,
                money(round(float(amount) * 0.015, 2)),
                summary="跨境交易手续费",
                place="境外交易手续费",
                party="",
                member=False,
                role="ignore",
            )
    s.truth.notes = f"USD {usd:.2f} a month at a drifting exchange rate"
    s.truth.next_expected = next_monthly(dates[-1], anchor)
    return s.case()


PEOPLE = ("李建国", "王秀英", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏")


def h21(ctx: Context) -> Case:
    """Recurring but not a subscription: rent, utilities, 花呗 repayment, instalment, salary."""
    kind = ctx.which(["rent", "utilities", "huabei", "instalment", "salary"])
    n = int(ctx.rng.integers(8, 15))
    if kind == "rent":
        person = ctx.pick(PEOPLE)
        s = Stream(
            ctx,
            "H21",
            kind,
            "monthly",
            type="transfer",
            platform=ICBC,
            merchant=Merchant(person, person, "房租"),
            counterparty=person,
            method="",
        )
        s.truth.alt_types = ["bill"]
        amount = money(ctx.pick([2800, 3500, 4200, 5600]))
        anchor = int(ctx.rng.integers(1, 6))
        for d in monthly_back(ctx, n, anchor):
            s.bank(
                d,
                amount,
                summary=ctx.pick(["网转", "跨行汇款"]),
                place="手机银行",
                party=person,
                item="房租",
            )
    elif kind == "utilities":
        city = ctx.pick(CITIES)
        legal = f"{city}燃气集团股份有限公司"
        s = Stream(
            ctx,
            "H21",
            kind,
            "monthly",
            type="bill",
            platform=ALIPAY,
            merchant=Merchant(legal, legal, "燃气费"),
            counterparty=legal,
            method="余额",
            item="燃气费-户号" + factory.digits(ctx.rng, 8),
        )
        s.category = "充值缴费"
        anchor = int(ctx.rng.integers(5, 20))
        base = float(ctx.pick([60, 90, 140]))
        for d in monthly_back(ctx, n, anchor):  # CV about 20%, inside the spec's 25%
            s.charge(
                d + timedelta(days=int(ctx.rng.integers(0, 3))),
                money(round(base * float(ctx.rng.lognormal(0, 0.2)), 2)),
            )
    elif kind == "huabei":
        s = Stream(
            ctx,
            "H21",
            kind,
            "monthly",
            type="transfer",
            platform=ALIPAY,
            merchant=Merchant("花呗", "花呗", "花呗还款"),
            counterparty="花呗",
            method=OTHER_CARD,
            item="花呗主动还款",
        )
        s.category = "信用借还"
        s.truth.alt_types = ["bill"]
        for d in monthly_back(ctx, n, 10):
            s.charge(
                d,
                money(round(float(ctx.rng.uniform(600, 3200)), 2)),
                direction="neutral",
                status_text="还款成功",
                item=f"花呗主动还款-{add_months(d, -1):%Y年%m月}账单",
            )
    elif kind == "instalment":
        s = Stream(
            ctx,
            "H21",
            kind,
            "monthly",
            type="instalment",
            platform=ICBC,
            merchant=Merchant("中国工商银行", "中国工商银行", "分期"),
            counterparty="中国工商银行",
            method="",
        )
        total = int(ctx.rng.integers(6, 13))
        amount = money(ctx.pick([416.67, 833.33, 1250.00]))
        anchor = int(ctx.rng.integers(10, 26))
        for k, d in enumerate(monthly_back(ctx, min(n, total), anchor)):
            s.bank(
                d,
                amount,
                summary="贷款还款",
                place="个人消费贷款",
                party="中国工商银行",
                item=f"消费分期 第{k + 1}/{total}期",
            )
    else:
        employer = ctx.names.take()
        s = Stream(
            ctx,
            "H21",
            kind,
            "monthly",
            type="income",
            platform=ICBC,
            merchant=employer,
            counterparty=employer.legal,
            method="",
        )
        base = float(ctx.pick([9000, 14500, 18500, 26000]))
        for d in monthly_back(ctx, n, 10):
            posted = factory.next_business_day(d)
            if posted > ctx.end:
                continue
            s.bank(
                posted,
                money(round(base + float(ctx.rng.normal(0, base * 0.02)), 2)),
                summary="工资",
                place="",
                party=employer.legal,
                direction="income",
            )
    return s.case()


def h22(ctx: Context) -> Case:
    """Neutral and non-final rows around a subscription: never counted as spend."""
    s = Stream(ctx, "H22", "non-final-rows", "monthly", platform=ALIPAY, method="余额")
    amount = price(ctx)
    anchor = int(ctx.rng.integers(1, 25))
    dates = monthly_back(ctx, int(ctx.rng.integers(6, 12)), anchor)
    for d in dates:
        s.charge(d, amount)
    mid = dates[len(dates) // 2] + timedelta(days=int(ctx.rng.integers(5, 12)))
    s.charge(
        mid,
        amount * 3,
        state=CLOSED,
        direction="neutral",
        member=False,
        role="ignore",
        item=s.merchant.product + "-团队版订单",
    )
    pend = dates[-2] + timedelta(days=int(ctx.rng.integers(4, 9)))
    s.charge(
        pend,
        money("58.00"),
        state=PENDING,
        member=False,
        role="ignore",
        item=s.merchant.product + "-周边商品",
    )
    s.truth.next_expected = next_monthly(dates[-1], anchor)
    s.truth.notes = "a closed order (不计收支) and a pending purchase from the same merchant"
    return s.case()


def h23(ctx: Context) -> Case:
    """Duplicate charge on renewal day: two identical rows, different order ids."""
    s = Stream(ctx, "H23", "double-charge", "monthly")
    amount = price(ctx)
    anchor = ctx.pick([int(ctx.rng.integers(1, 29)), 31])
    dates = monthly_back(ctx, int(ctx.rng.integers(5, 11)), anchor)
    dup = int(ctx.rng.integers(1, len(dates)))
    for k, d in enumerate(dates):
        s.charge(d, amount)
        if k == dup:
            s.charge(d, amount, event="duplicate", flags=("duplicate_charge",))
    s.truth.events = ["duplicate"]
    s.truth.expected_flags = ["duplicate_charge"]
    s.truth.next_expected = next_monthly(dates[-1], anchor)
    return s.case()


def h24(ctx: Context) -> Case:
    """Short history: two 连续包月 charges in the last two months."""
    s = Stream(ctx, "H24", "two-hits", "monthly")
    s.item = s.merchant.product + "-连续包月"
    amount = price(ctx)
    first = ctx.end - timedelta(days=int(ctx.rng.integers(35, 58)))
    second = add_months(first, 1)
    if second > ctx.end:
        second = ctx.end
    s.charge(first, amount)
    s.charge(second, amount)
    s.truth.status = "candidate"
    s.truth.next_expected = add_months(second, 1, first.day).isoformat()
    return s.case()


# -- issue 10/11 cases: usage bills, every n months, n-th weekday, arrears, seats, company --


def h25(ctx: Context) -> Case:
    """Usage bill at month end (短信通知服务费 ¥12-¥90), some months without use; often
    beside a fixed plan at the same merchant, which stays a stream of its own."""
    m = ctx.names.take()
    platform = ALIPAY if ctx.chance(0.6) else WECHAT
    method = "余额" if platform == ALIPAY else "零钱"
    zero = ctx.wants("zero-months", 0.4)
    s = Stream(
        ctx,
        "H25",
        "zero-months" if zero else "month-end",
        "monthly",
        type="usage",
        platform=platform,
        merchant=m,
        counterparty=m.legal,
        method=method,
        item=f"{m.brand}短信通知服务费",
    )
    s.truth.alt_types = ["subscription"]
    last = month_end(ctx.end.year, ctx.end.month)
    if last > ctx.end:
        last = add_months(ctx.end, -1, 31)
    dates = monthly_back(ctx, int(ctx.rng.integers(8, 14)), 31, last)
    skipped = set()
    if zero and len(dates) > 6:
        skipped = {int(k) for k in ctx.rng.choice(range(2, len(dates) - 2), 2, replace=False)}
    for k, d in enumerate(dates):
        if k not in skipped:
            s.charge(d, money(round(float(ctx.rng.uniform(12, 90)), 2)))
    s.truth.next_expected = next_monthly(dates[-1], 31)
    case = s.case()
    if ctx.chance(0.6):
        plan = Stream(
            ctx,
            "H25",
            "fixed-plan-beside",
            "monthly",
            platform=platform,
            merchant=m,
            counterparty=m.legal,
            method=method,
            item=f"{m.product}-连续包月",
        )
        anchor = int(ctx.rng.integers(3, 26))
        amount = price(ctx, (29, 49, 99))
        plan_dates = monthly_back(ctx, int(ctx.rng.integers(6, 12)), anchor)
        for d in plan_dates:
            plan.charge(d, amount)
        plan.truth.next_expected = next_monthly(plan_dates[-1], anchor)
        case.extend(plan.case())
    return case


def h26(ctx: Context) -> Case:
    """Every two months (broadband ¥118), or every four months."""
    four = ctx.wants("fourmonthly", 0.3)
    k = 4 if four else 2
    cadence = "fourmonthly" if four else "bimonthly"
    s = Stream(
        ctx, "H26", cadence, cadence, item=ctx.pick(["宽带续费", "云存储 续费", "会员 自动续费"])
    )
    s.truth.alt_types = ["bill"]  # 宽带 is a utility bill as much as a subscription
    amount = price(ctx, (118, 168, 240, 360))
    anchor = int(ctx.rng.integers(1, 29))
    day = add_months(ctx.end, 0, anchor)
    if day > ctx.end:
        day = add_months(day, -k, anchor)
    dates = []
    while day >= ctx.start and len(dates) < (4 if four else 7):
        dates.append(day)
        day = add_months(day, -k, anchor)
    for d in dates[::-1]:
        s.charge(d, amount)
    s.truth.next_expected = add_months(dates[0], k, anchor).isoformat()
    return s.case()


def _nth_weekday(year: int, month: int, n: int, weekday: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def h27(ctx: Context) -> Case:
    """The n-th weekday of each month (the second Tuesday ...)."""
    n, weekday = int(ctx.rng.integers(1, 5)), int(ctx.rng.integers(0, 5))
    s = Stream(ctx, "H27", f"weekday-{n}-{weekday}", "monthly_weekday")
    s.truth.alt_types = ["usage"]
    amount = price(ctx)
    month = date(ctx.end.year, ctx.end.month, 1)
    dates = []
    while len(dates) < int(ctx.rng.integers(6, 12)):
        day = _nth_weekday(month.year, month.month, n, weekday)
        if ctx.start <= day <= ctx.end:
            dates.append(day)
        elif day < ctx.start:
            break
        month = add_months(month, -1, 1)
    for d in dates[::-1]:
        s.charge(d, amount)
    nxt = add_months(date(dates[0].year, dates[0].month, 1), 1, 1)
    s.truth.next_expected = _nth_weekday(nxt.year, nxt.month, n, weekday).isoformat()
    return s.case()


def h28(ctx: Context) -> Case:
    """Arrears: a success after failed attempts (before the day, across a month end),
    or one charge of two/three periods at the price then in force, after a gap (also as
    the plan's second charge, with one charge before it to set the price)."""
    kind = ctx.which(["retry-month-end", "retry-after", "double", "triple", "double-early"])
    s = Stream(ctx, "H28", kind, "monthly", platform=ALIPAY, method=ctx.pick(["余额", OTHER_CARD]))
    amount = price(ctx)
    if kind == "retry-month-end":
        anchor = int(ctx.rng.integers(1, 4))
    else:
        anchor = int(ctx.rng.integers(5, 25))
    dates = monthly_back(ctx, int(ctx.rng.integers(8, 13)), anchor)
    at = 1 if kind == "double-early" else int(ctx.rng.integers(3, len(dates) - 2))
    rise = kind in ("double", "triple") and ctx.chance(0.5)
    later = money(float(amount) * 1.25) if rise else amount
    periods = 3 if kind == "triple" else 2
    k = 0
    while k < len(dates):
        d = dates[k]
        now = amount if k <= at else later
        if k == at and kind.startswith("retry"):
            start = d - timedelta(days=3) if kind == "retry-month-end" else d
            for j in range(2):
                s.charge(
                    start + timedelta(days=j),
                    now,
                    state=CLOSED,
                    event="retry_failed",
                    status_text="交易关闭",
                )
            s.charge(start + timedelta(days=3), now, cause="arrears_recovery")
        elif k == at:
            k += periods - 1  # no charge for the periods it then covers
            if k >= len(dates):
                break
            s.charge(
                dates[k], amount * periods, cause="arrears_recovery", flags=(), event="arrears"
            )
        else:
            s.charge(d, now, flags=("price_increase",) if rise and k == at + periods else ())
        k += 1
    s.truth.events = ["arrears"]
    s.truth.ok_flags = ["unusual_amount", "price_increase"]
    s.truth.next_expected = next_monthly(dates[-1], anchor)
    return s.case()


def h29(ctx: Context) -> Case:
    """Seats of one price at one merchant on different days, each with its own length:
    two monthly streams, never one semimonthly (variants: three seats, seats ending at
    different times, one seat repriced)."""
    m = ctx.names.take()
    platform = ALIPAY if ctx.chance(0.6) else WECHAT
    variant = ctx.which(["two-seats", "three-seats", "ends-apart", "repriced"])
    amount = price(ctx, (99, 199, 299))
    seats = 3 if variant == "three-seats" else 2
    first = int(ctx.rng.integers(1, 6))
    days = [first + 7 * i + int(ctx.rng.integers(0, 3)) for i in range(seats)]
    if seats == 2:
        days[1] = first + int(ctx.rng.integers(12, 17))
    case = Case()
    for i, day in enumerate(days):
        s = Stream(
            ctx,
            "H29",
            f"{variant}:seat-{i + 1}",
            "monthly",
            platform=platform,
            merchant=m,
            counterparty=m.legal,
            method="余额" if platform == ALIPAY else "零钱",
            item=f"{m.product}-席位",
        )
        end = (
            ctx.end
            if i == 0 or variant != "ends-apart"
            else add_months(ctx.end, -int(ctx.rng.integers(3, 6)), day)
        )
        dates = monthly_back(ctx, max(4, int(ctx.rng.integers(6, 11)) - 2 * i), day, end)
        repriced = variant == "repriced" and i == 1 and len(dates) > 4
        for k, d in enumerate(dates):
            now = amount
            if repriced and k >= len(dates) - 3:
                now = money(float(amount) * 1.25)
            s.charge(d, now, flags=("price_increase",) if repriced and k == len(dates) - 3 else ())
        s.truth.next_expected = next_monthly(dates[-1], day)
        s.truth.ok_flags = ["overdue"]
        case.extend(s.case())
    return case


def h30(ctx: Context) -> Case:
    """Bought by the user's organisation: paid from a company account (对公)."""
    s = Stream(
        ctx,
        "H30",
        "company-account",
        ctx.pick(["monthly", "annual"]),
        platform=ALIPAY,
        method=ctx.pick(["对公账户(8831)", "企业支付宝-对公账户"]),
    )
    amount = price(ctx, (199, 599, 1980, 2980)) if s.truth.cadence == "annual" else price(ctx)
    if s.truth.cadence == "annual":
        anchor_day = ctx.start + timedelta(days=int(ctx.rng.integers(5, 40)))
        dates = [anchor_day]
        while add_months(dates[-1], 12, anchor_day.day) <= ctx.end:
            dates.append(add_months(dates[-1], 12, anchor_day.day))
        if len(dates) < 2:
            dates = [anchor_day]
        s.truth.next_expected = add_months(dates[-1], 12, anchor_day.day).isoformat()
        s.item = s.merchant.product + " 年付 自动续费"
    else:
        anchor = int(ctx.rng.integers(1, 29))
        dates = monthly_back(ctx, int(ctx.rng.integers(5, 12)), anchor)
        s.truth.next_expected = next_monthly(dates[-1], anchor)
    for d in dates:
        s.charge(d, amount, cause="organisation_purchase")
    return s.case()


STREAMS_PER_CASE = {"H11": 3, "H25": 2, "H29": 2}


CASES: dict[str, Callable[[Context], Case]] = {
    "H1": h1,
    "H2": h2,
    "H3": h3,
    "H4": h4,
    "H5": h5,
    "H6": h6,
    "H7": h7,
    "H8": h8,
    "H9": h9,
    "H10": h10,
    "H11": h11,
    "H13": h13,
    "H14": h14,
    "H15": h15,
    "H16": h16,
    "H17": h17,
    "H18": h18,
    "H19": h19,
    "H20": h20,
    "H21": h21,
    "H22": h22,
    "H23": h23,
    "H24": h24,
    "H25": h25,
    "H26": h26,
    "H27": h27,
    "H28": h28,
    "H29": h29,
    "H30": h30,
}
