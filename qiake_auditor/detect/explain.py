"""One paragraph per stream, in Chinese and English, built from the stream's own numbers.

Both texts read the same fields (first date, anchor, count, price segments, retries,
refunds, next date, cancel-by date, causes), so they can never disagree with the
table or the chart.
"""

from __future__ import annotations

import numpy as np

from ..money import format_amount, from_cents
from ..vocab import Cadence, StreamType, Trend
from . import cadence as cad
from .columns import ScanRows
from .flags import CAUSE_TEXT
from .streams import Stream, counted, day_of


def trend(values: np.ndarray) -> Trend:
    """Rising / falling / steady: the later half's median against the earlier half's."""
    if len(values) < 4:
        return Trend.STEADY
    half = len(values) // 2
    early, late = float(np.median(values[:half])), float(np.median(values[-half:]))
    if late > 1.15 * early:
        return Trend.RISING
    if late < 0.85 * early:
        return Trend.FALLING
    return Trend.STEADY


_UNIT_ZH = {
    "monthly": "按月",
    "bimonthly": "每两个月",
    "quarterly": "按季",
    "fourmonthly": "每四个月",
    "semiannual": "每半年",
    "annual": "按年",
    "monthly_weekday": "按月",
    "irregular": "不定期",
}


# What one row of a stream is called, by stream type: (zh verb, en noun, en plural).
_WORDS = {
    "income": ("入账", "payment received", "payments received"),
    "transfer": ("转账", "transfer", "transfers"),
    "bill": ("缴费", "payment", "payments"),
}
_CHARGE = ("扣费", "charge", "charges")


def words(stream: Stream) -> tuple[str, str, str]:
    """收入 / 转账 / 账单 are not charges: income is received, transfers are sent."""
    return _WORDS.get(stream.type, _CHARGE)


def money(cents: int, currency: str) -> str:
    """¥199 / ¥213.40 / ¥1,980 / $20 (whole amounts without decimals, as people write them)."""
    return format_amount(from_cents(cents), currency, whole=True)


def texts(stream: Stream, rows: ScanRows, name: str, total: int, net: int) -> tuple[str, str]:
    """(Chinese, English) explanation of one stream."""
    days = rows["_day"]
    cents = rows["_cents"]
    cur = stream.currency

    def d(pos: int) -> str:
        return day_of(days[pos]).isoformat()

    first, count = d(stream.members[0]), len(stream.members)
    verb, noun, nouns = words(stream)
    kind = StreamType(stream.type)
    zh: list[str] = []
    en: list[str] = []
    if stream.fit is not None and count > 1:
        start_fit = stream.anchor_changes[0][1] if stream.anchor_changes else stream.fit
        rule = cad.describe_anchor(start_fit, "zh")
        if stream.type in _WORDS:
            zh.append(f"{kind.label('zh')}：自{first}起，{name}在{rule}左右{verb}共{count}次")
            en.append(
                f"{kind.label('en')}: {count} {nouns} "
                f"{'from' if stream.type == 'income' else 'to'} {name} "
                f"{cad.describe_anchor(start_fit, 'en')} (approximately) since {first}"
            )
        else:
            zh.append(f"自{first}起，{name}在{rule}左右{verb}共{count}次")
            en.append(
                f"{count} {nouns} from {name} {cad.describe_anchor(start_fit, 'en')} "
                f"(approximately) since {first}"
            )
        for pos, _, new in stream.anchor_changes:
            zh.append(f"{d(pos)}起改为{cad.describe_anchor(new, 'zh')}")
            en.append(f"{cad.describe_anchor(new, 'en')} since {d(pos)}")
    else:
        unit = "" if stream.fit is None else f"，按商品说明应为{_UNIT_ZH[stream.cadence]}续费"
        unit_en = "" if stream.fit is None else f" ({stream.cadence} by its description)"
        zh.append(f"{first}，{name}扣费{count}次，商品说明显示为自动续费{unit}（仅一次，待确认）")
        en.append(
            f"{count} charge from {name} on {first}; its description says it renews "
            f"automatically{unit_en} (one charge only, to be confirmed)"
        )
    for pos in stream.intro:
        zh.append(f"{d(pos)}首期为{money(cents[pos], cur)}（试用/优惠价）")
        en.append(f"introductory charge {money(cents[pos], cur)} on {d(pos)} (trial/promotion)")
    segs = stream.segments
    if stream.type == "usage" and segs:
        s = segs[0]
        values = cents[stream.regular or stream.members]
        per = round(float(values.mean()))
        unit = Cadence.label_of(stream.cadence, "zh")
        unit_en = Cadence.label_of(stream.cadence, "en")
        heading = trend(values)
        per_unit = "month" if cad.MONTHS.get(stream.cadence) == 1 else "cycle"
        zh.append(
            f"按用量计费：自{first}起{unit}结算，金额在{money(s.low, cur)}至"
            f"{money(s.high, cur)}之间，中位数{money(s.cents, cur)}，平均每期"
            f"{money(per, cur)}，趋势{heading.label('zh')}"
        )
        en.append(
            f"billed by use: settled {unit_en} since {first}, between {money(s.low, cur)} "
            f"and {money(s.high, cur)}, median {money(s.cents, cur)}, on average "
            f"{money(per, cur)} per {per_unit}, trend {heading.label('en')}"
        )
    elif stream.variable and segs:
        s = segs[0]
        zh.append(
            f"金额在{money(s.low, cur)}至{money(s.high, cur)}之间（按用量），"
            f"中位数{money(s.cents, cur)}"
        )
        en.append(
            f"amounts between {money(s.low, cur)} and {money(s.high, cur)} (usage-based), "
            f"median {money(s.cents, cur)}"
        )
    elif len(segs) == 1:
        zh.append(f"每次{money(segs[0].cents, cur)}")
        en.append(f"{money(segs[0].cents, cur)} each time")
    elif segs:
        prices, prices_en = [], []
        for i, s in enumerate(segs):
            start = d(s.start)
            if i == 0:
                until = d(_last_before(stream, segs[1].start))[:7]
                prices.append(f"至{until}每次{money(s.cents, cur)}")
                prices_en.append(f"{money(s.cents, cur)} until {until}")
            else:
                rise = s.cents > segs[i - 1].cents
                prices.append(f"{start}起为{money(s.cents, cur)}（{'涨价' if rise else '降价'}）")
                prices_en.append(
                    f"{money(s.cents, cur)} since {start} "
                    f"({'price increase' if rise else 'price decrease'})"
                )
        zh.append("，".join(prices))
        en.append(", ".join(prices_en))
    if stream.fit is not None and stream.fit.missed:
        held = {stream.fit.slot_of(int(days[m]))[0] for m in stream.members}
        gaps = [
            stream.fit.expected(slot).isoformat() for slot in stream.fit.missed if slot not in held
        ]
    else:
        gaps = []
    if gaps:
        shown = "、".join(gaps[:3]) + ("等" if len(gaps) > 3 else "")
        zh.append(f"{shown}前后未见{verb}（暂停或跳过{len(gaps)}期）")
        en.append(
            f"no {noun} around {', '.join(gaps[:3])}{' ...' if len(gaps) > 3 else ''} "
            f"({counted(len(gaps), 'cycle')} paused or skipped)"
        )
    for pos, (periods, level) in sorted(stream.multiples.items()):
        zh.append(
            f"{d(pos)}一次{verb}{money(cents[pos], cur)}，为当时价格{money(level, cur)}"
            f"的{periods}倍（补收多期）"
        )
        en.append(
            f"{money(cents[pos], cur)} on {d(pos)}, {periods} times the "
            f"{money(level, cur)} price then in force (several periods at once)"
        )
    for pos in stream.proration:
        zh.append(f"{d(pos)}另有一笔{money(cents[pos], cur)}（按比例补差/升级）")
        en.append(f"a prorated {money(cents[pos], cur)} on {d(pos)} (upgrade)")
        if pos == stream.reanchor and stream.fit is not None:
            nxt = cad.one_period_after(int(days[pos]), stream.fit.cadence).isoformat()
            zh[-1] += f"，此后可能改在每期{d(pos)[8:]}日前后扣费（按{nxt}预计）"
            en[-1] += f"; renewals may move to that day (next expected from it: {nxt})"
    for occurrence, failed in sorted(stream.retries.items()):
        dates = "、".join(d(f) for f in failed)
        times = "一次" if len(failed) == 1 else f"共{len(failed)}次"
        zh.append(f"{dates}{times}扣款失败，{d(occurrence)[5:]}重试成功")
        en.append(
            f"{counted(len(failed), 'failed attempt')} on {', '.join(d(f) for f in failed)}, "
            f"retried successfully on {d(occurrence)}"
        )
    for pos in stream.failed:
        zh.append(f"{d(pos)}扣款失败且未见重试")
        en.append(f"a failed attempt on {d(pos)} with no successful retry")
    for pos in stream.duplicates:
        zh.append(f"{d(pos)}重复扣款{money(cents[pos], cur)}")
        en.append(f"duplicate charge of {money(cents[pos], cur)} on {d(pos)}")
    for pos in stream.unusual:
        zh.append(f"{d(pos)}金额异常（{money(cents[pos], cur)}）")
        en.append(f"unusual amount {money(cents[pos], cur)} on {d(pos)}")
    for occurrence, refunds in sorted(stream.refunds.items()):
        back = int(cents[refunds].sum())
        zh.append(f"{d(refunds[0])}退款{money(back, cur)}（对应{d(occurrence)}的扣费）")
        en.append(
            f"refund of {money(back, cur)} on {d(refunds[0])} for the charge of {d(occurrence)}"
        )
    zh.append(f"合计{money(total, cur)}，净额{money(net, cur)}")
    en.append(f"total {money(total, cur)}, net {money(net, cur)}")
    if stream.cancelled_on is not None:
        late = [m for m in stream.members if day_of(days[m]) > stream.cancelled_on]
        zh.append(
            f"您记录的取消日期为{stream.cancelled_on.isoformat()}"
            + (
                f"，之后仍被扣费{len(late)}次（{'、'.join(d(m) for m in late)}）"
                if late
                else "，之后未再扣费"
            )
        )
        en.append(
            f"you recorded a cancellation on {stream.cancelled_on.isoformat()}"
            + (
                ", yet it was charged "
                + ("once more" if len(late) == 1 else f"{len(late)} more times")
                + f" ({', '.join(d(m) for m in late)})"
                if late
                else "; no charge since"
            )
        )
    if stream.next_expected is not None:
        nxt = stream.next_expected.isoformat()
        zh.append(f"预计下次{verb} {nxt}（±{stream.window}天）")
        en.append(f"next {noun} expected {nxt} (±{stream.window} days)")
    elif stream.due is not None:
        due = stream.due.isoformat()
        if "overdue" in stream.flags:
            zh.append(f"本应于{due}（±{stream.window}天）{verb}，目前已逾期")
            en.append(f"a {noun} was due on {due} (±{stream.window} days) and is overdue")
        else:
            zh.append(f"本应于{due}（±{stream.window}天）{verb}，尚未出现")
            en.append(f"a {noun} was due on {due} (±{stream.window} days) and has not appeared yet")
    elif stream.status == "inactive":
        zh.append(f"{d(stream.members[-1])}后未再{verb}，视为已停止")
        en.append(f"no {noun} since {d(stream.members[-1])}, so it looks stopped")
    if stream.cancel_by is not None:
        zh.append(f"如不想续订，请在{stream.cancel_by.isoformat()}前取消")
        en.append(f"to avoid the renewal, cancel by {stream.cancel_by.isoformat()}")
    by_cause: dict[str, list[int]] = {}
    for pos, (cause, *_) in sorted(stream.causes.items()):
        by_cause.setdefault(cause, []).append(pos)
    for cause, positions in by_cause.items():
        if cause != "auto_renewal" and len(positions) <= 3:
            for p in positions:  # each unusual charge with its own reason
                _, why, why_en = stream.causes[p]
                zh.append(f"{d(p)}的{verb}最可能的原因：{CAUSE_TEXT[cause][0]}（{why}）")
                en.append(f"the {noun} of {d(p)} is most likely {CAUSE_TEXT[cause][1]} ({why_en})")
            continue
        when = "、".join(d(p) for p in positions[:3])
        when_en = ", ".join(d(p) for p in positions[:3])
        if len(positions) > 3:
            when = f"{when}等{len(positions)}笔"
            when_en = f"{when_en} and others ({len(positions)})"
        _, why, why_en = stream.causes[positions[0]]
        zh.append(f"标记的{verb}（{when}）最可能的原因：{CAUSE_TEXT[cause][0]}（{why}）")
        en.append(
            f"the flagged {noun if len(positions) == 1 else noun + 's'} of {when_en} "
            f"{'is' if len(positions) == 1 else 'are'} most likely "
            f"{CAUSE_TEXT[cause][1]} ({why_en})"
        )
    return "；".join(zh) + "。", _sentence("; ".join(en)) + "."


def _last_before(stream: Stream, start: int) -> int:
    regular = stream.regular
    index = regular.index(start)
    return regular[max(index - 1, 0)]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
