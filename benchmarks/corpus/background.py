"""Ordinary spending around the streams, with habit decoys (H12) that look periodic.

Decoys carry ``role="decoy"`` and a ``decoy`` key: coffee, lunch delivery, metro,
groceries, rides, and the user-initiated phone top-up (``topup``, which may be
reported as a manual recurring bill but never as a subscription). One-off purchases,
red packets and 余额宝 moves are ordinary rows without a stream.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import factory
from .builder import ICBC_METHOD, OTHER_CARD, Context
from .model import ALIPAY, SUCCESS, WECHAT, Txn, money

SHOPS = (
    "优衣库官方旗舰店",
    "小米之家",
    "名创优品",
    "当当网",
    "网易严选",
    "屈臣氏",
    "无印良品",
    "迪卡侬",
    "京东商城",
    "拼多多平台商户",
    "华为终端有限公司",
    "周大福",
)


def _days(start: date, end: date):
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def _row(
    ctx: Context,
    txns: list[Txn],
    day: date,
    amount,
    counterparty: str,
    platform: str,
    *,
    item: str,
    category: str,
    method: str,
    hours=(7, 23),
    decoy: str = "",
    direction: str = "expense",
    state: str = SUCCESS,
) -> None:
    moment = factory.at(day, ctx.rng, *hours)
    txn = Txn(
        moment,
        money(amount),
        direction,
        counterparty,
        platform=platform,
        item=item,
        category=category,
        method=method,
        state=state,
        txn_id=factory.platform_id(ctx.rng, platform, moment),
        econ=ctx.econ(),
        role="decoy" if decoy else "",
        decoy=decoy,
    )
    txns.append(txn)
    if method == ICBC_METHOD and direction == "expense":
        lag = int(ctx.rng.integers(0, 2))
        if day + timedelta(days=lag) <= ctx.end:
            txns.append(factory.bank_copy(txn, lag, ctx.rng))


def background(
    ctx: Context, density: float = 1.0, *, all_habits: bool = False, metro_trips: int = 1
) -> tuple[list[Txn], list[str]]:
    """Rows of everyday life over the whole window; returns (rows, decoy keys used).

    ``all_habits`` turns on every habit (metro and rides are otherwise drawn per user);
    ``metro_trips`` is rides a workday (the spec's fixture has two).
    """
    rng = ctx.rng
    txns: list[Txn] = []
    city = ctx.pick(["深圳", "北京", "上海", "杭州", "广州", "成都"])
    coffee_platform = ALIPAY if ctx.chance(0.5) else WECHAT
    lunch = ctx.pick(["美团外卖", "饿了么"])
    lunch_platform = WECHAT if lunch == "美团外卖" else ALIPAY
    use_metro = ctx.chance(0.5) or all_habits
    use_rides = ctx.chance(0.5) or all_habits
    grocer = ctx.pick(["盒马鲜生", "永辉超市", "沃尔玛", "山姆会员商店"])
    grocery_day = int(rng.integers(5, 7))
    card = ctx.pick(["零钱", "余额", ICBC_METHOD, OTHER_CARD])
    decoys = ["coffee", "lunch", "groceries", "topup"]
    if use_metro:
        decoys.append("metro")
    if use_rides:
        decoys.append("rides")
    topup_platform = ALIPAY if ctx.chance(0.6) else WECHAT
    for day in _days(ctx.start, ctx.end):
        workday = factory.is_business_day(day)
        if day.weekday() in (0, 2, 4) and rng.random() < 0.8 * density:
            price = 9.9 if rng.random() < 0.75 else ctx.pick([13.9, 15.9, 19.9])
            _row(
                ctx,
                txns,
                day,
                price,
                "瑞幸咖啡",
                coffee_platform,
                item="瑞幸咖啡订单",
                category="餐饮美食" if coffee_platform == ALIPAY else "商户消费",
                method="余额" if coffee_platform == ALIPAY else "零钱",
                hours=(8, 10),
                decoy="coffee",
            )
        if workday and rng.random() < 0.6 * density:
            _row(
                ctx,
                txns,
                day,
                round(float(rng.uniform(25, 35)), 2),
                lunch,
                lunch_platform,
                item=f"{lunch}订单",
                category="餐饮美食" if lunch_platform == ALIPAY else "商户消费",
                method="余额" if lunch_platform == ALIPAY else "零钱",
                hours=(11, 13),
                decoy="lunch",
            )
        for trip in range(metro_trips if use_metro and workday else 0):
            if rng.random() < 0.9 * density:
                _row(
                    ctx,
                    txns,
                    day,
                    4,
                    f"{city}地铁",
                    WECHAT,
                    item="地铁代扣",
                    category="商户消费",
                    method=card if card in ("零钱", ICBC_METHOD) else "零钱",
                    hours=(8, 9) if trip == 0 else (18, 20),
                    decoy="metro",
                )
        if use_rides and rng.random() < 0.15 * density:
            _row(
                ctx,
                txns,
                day,
                round(float(rng.uniform(14, 48)), 2),
                "滴滴出行",
                ALIPAY,
                item="快车行程",
                category="交通出行",
                method="花呗",
                hours=(18, 23),
                decoy="rides",
            )
        if day.weekday() == grocery_day and rng.random() < 0.85:
            _row(
                ctx,
                txns,
                day,
                round(float(rng.normal(180, 35)), 2),
                grocer,
                ALIPAY,
                item="超市购物",
                category="日用百货",
                method=card if card in ("余额", ICBC_METHOD, OTHER_CARD) else "余额",
                hours=(10, 20),
                decoy="groceries",
            )
        topup = rng.random() < (0.85 if day.day == 1 else 0.15 if day.day in (2, 3) else 0)
        if topup:
            _row(
                ctx,
                txns,
                day,
                ctx.pick([50, 100, 100, 100]),
                "中国移动",
                topup_platform,
                item="话费充值",
                category="充值缴费",
                method="余额" if topup_platform == ALIPAY else "零钱",
                decoy="topup",
            )
        if rng.random() < 0.06 * density:
            _row(
                ctx,
                txns,
                day,
                round(float(rng.uniform(30, 600)), 2),
                ctx.pick(SHOPS),
                ALIPAY,
                item="网购订单",
                category="日用百货",
                method=ctx.pick(["余额", "花呗", OTHER_CARD]),
            )
        if rng.random() < 0.04 * density:
            _row(
                ctx,
                txns,
                day,
                ctx.pick([6.66, 8.88, 20, 52, 66, 200]),
                ctx.pick(["张伟", "王芳", "刘洋", "陈静"]),
                WECHAT,
                item="/",
                category="微信红包",
                method="零钱",
                direction=ctx.pick(["expense", "income"]),
            )
        if rng.random() < 0.03 * density:
            _row(
                ctx,
                txns,
                day,
                round(float(rng.uniform(100, 2000)), 2),
                "余额宝",
                ALIPAY,
                item="余额宝-转入",
                category="投资理财",
                method="余额",
                direction="neutral",
            )
    return txns, decoys
