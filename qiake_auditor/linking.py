"""Links between rows: one payment seen in a wallet and a bank export; refunds to originals.

A wallet row paid by bank card (``method`` like ``招商银行(1111)``) and the bank's row
for the same payment (``支付宝-…``/``财付通-…``, same amount, dates within two days)
get one ``link_id``, so totals count the payment once while both rows stay as
evidence. A refund row is tied to the purchase it returns money for by order id.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from operator import itemgetter

import pandas as pd

from . import ledger
from .importers.base import platforms
from .vstr import isin, replace_regex

WALLETS = {"alipay": "支付宝", "wechat": "财付通", "jd": "京东", "meituan": "美团"}
# What a bank prints for each wallet (full-width hyphen too).
BANK_MARKERS = {
    "alipay": re.compile(r"支付宝|alipay", re.IGNORECASE),
    "wechat": re.compile(r"财付通|微信|tenpay|wechat", re.IGNORECASE),
    "jd": re.compile(r"京东|网银在线"),
    "meituan": re.compile(r"美团|三快"),
}
_CARD_METHOD = re.compile(r"银行|信用卡|储蓄卡|借记卡|bank", re.IGNORECASE)
_WALLET_BALANCE = re.compile(r"余额|零钱|花呗|红包|月付|白条|先享后付")
MAX_DAYS = 2


def link_id(keys: list[str]) -> str:
    """A stable id for a set of rows that are one economic transaction."""
    return "L" + hashlib.sha1("|".join(sorted(keys)).encode()).hexdigest()[:12]


def wallet_bank_links(rows: pd.DataFrame) -> dict[str, str]:
    """dedup_key -> link_id for wallet/bank pairs of one payment."""
    fam = platforms(rows["format"])
    moved = rows["state"].isin(ledger.MONEY_MOVED_STATES) & (rows["direction"] != ledger.NEUTRAL)
    method = rows["method"].astype("str")
    wallet = rows[
        fam.isin(WALLETS)
        & moved
        & method.str.contains(_CARD_METHOD)
        & ~method.str.contains(_WALLET_BALANCE)
    ]
    bank = rows[~fam.isin(WALLETS) & moved]
    if wallet.empty or bank.empty:
        return {}
    bank_text = bank["counterparty"] + " " + bank["description"] + " " + bank["category"]
    pairs = []
    for name, marker in BANK_MARKERS.items():
        w = wallet[fam.loc[wallet.index] == name]
        b = bank[bank_text.str.contains(marker)]
        if w.empty or b.empty:
            continue
        merged = w.reset_index().merge(
            b.reset_index(), on=["amount", "currency", "direction"], suffixes=("_w", "_b")
        )
        if merged.empty:
            continue
        days = (
            pd.to_datetime(merged["time_b"].str.slice(0, 10))
            - pd.to_datetime(merged["time_w"].str.slice(0, 10))
        ).dt.days.abs()
        merged = merged.assign(days=days)
        merged = merged[merged["days"] <= MAX_DAYS]
        if merged.empty:
            continue
        merged["same_name"] = [
            bool(m) and m in f"{c} {d}"
            for m, c, d in zip(
                merged["merchant_w"], merged["counterparty_b"], merged["description_b"], strict=True
            )
        ]
        pairs.append(merged)
    if not pairs:
        return {}
    candidates = pd.concat(pairs)
    links: dict[str, str] = {}
    for _, group in candidates.groupby(["amount", "currency", "direction"], sort=False):
        for wallet_key, bank_key in _pair_in_order(group):
            links[wallet_key] = links[bank_key] = link_id([wallet_key, bank_key])
    return links


def _pair_in_order(group: pd.DataFrame) -> list[tuple[str, str]]:
    """One-to-one pairs of equal-amount wallet and bank rows, in time order.

    Payments do not overtake each other between wallet and bank, so the pairing
    never crosses: among such pairings take the most pairs, then the smallest total
    date shift (a bank row naming the merchant counts as closer). Two ¥4 metro fares
    a day booked a day later thus pair in order instead of crosswise.
    """
    wallet = group.drop_duplicates("dedup_key_w").sort_values(["time_w", "dedup_key_w"])
    bank = group.drop_duplicates("dedup_key_b").sort_values(["time_b", "dedup_key_b"])
    cost = {
        (w, b): 2 * d + (0 if same else 1)
        for w, b, d, same in zip(
            group["dedup_key_w"],
            group["dedup_key_b"],
            group["days"],
            group["same_name"],
            strict=True,
        )
    }
    w_keys, b_keys = list(wallet["dedup_key_w"]), list(bank["dedup_key_b"])
    # best[i][j]: (pairs, -cost) using the first i wallet rows and first j bank rows.
    best = [[(0, 0)] * (len(b_keys) + 1) for _ in range(len(w_keys) + 1)]
    for i in range(1, len(w_keys) + 1):
        row, above = best[i], best[i - 1]
        for j in range(1, len(b_keys) + 1):
            choice = max(above[j], row[j - 1])
            step = cost.get((w_keys[i - 1], b_keys[j - 1]))
            if step is not None:
                pairs, negative = above[j - 1]
                choice = max(choice, (pairs + 1, negative - step))
            row[j] = choice
    found = []
    i, j = len(w_keys), len(b_keys)
    while i and j:
        step = cost.get((w_keys[i - 1], b_keys[j - 1]))
        if step is not None and best[i][j] == (
            best[i - 1][j - 1][0] + 1,
            best[i - 1][j - 1][1] - step,
        ):
            found.append((w_keys[i - 1], b_keys[j - 1]))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return found


def refund_links(rows: pd.DataFrame) -> dict[str, str]:
    """refund row's dedup_key -> dedup_key of the purchase it refunds."""
    refund_mask = (rows["state"] == ledger.REFUND) | (
        rows["description"].str.startswith("退款") & (rows["direction"] != ledger.EXPENSE)
    )
    refunds = rows[refund_mask]
    if refunds.empty:
        return {}
    originals = rows[(rows["direction"] == ledger.EXPENSE) & ~refund_mask]
    fam = platforms(rows["format"])
    found: dict[str, str] = {}
    by_txn = {
        (f, t): k
        for f, t, k in zip(
            fam[originals.index], originals["txn_id"], originals["dedup_key"], strict=True
        )
        if t
    }
    by_order = {
        (f, o): k
        for f, o, k in zip(
            fam[originals.index],
            originals["merchant_order_id"],
            originals["dedup_key"],
            strict=True,
        )
        if o
    }
    for f, txn_id, order_id, key in zip(  # columns, not iterrows: 50,000 refunds in 0.1 s
        fam[refunds.index],
        refunds["txn_id"],
        refunds["merchant_order_id"],
        refunds["dedup_key"],
        strict=True,
    ):
        base = txn_id.partition("_")[0]
        original = by_txn.get((f, base)) if "_" in txn_id else None
        if original is None and order_id:
            original = by_order.get((f, order_id))
        if original is not None and original != key:
            found[key] = original
    found.update(
        _returns_by_amount(
            rows,
            refunds.drop(
                [i for i, k in zip(refunds.index, refunds["dedup_key"], strict=True) if k in found]
            ),
            fam,
            set(found.values()),
        )
    )
    return found


def _returns_by_amount(
    rows: pd.DataFrame, refunds: pd.DataFrame, fam: pd.Series, taken: set[str]
) -> dict[str, str]:
    """Refunds without a shared id, tied to a refunded payment of the same amount.

    A returned transfer (WeChat 转账 ``对方已退还`` and its ``转账-退款`` row) shares no id
    with its return: the pair is the one of the same platform, amount, currency and
    counterparty, the payment not later than the return, nearest in time first.
    """
    paid = rows[
        (rows["direction"] == ledger.EXPENSE)
        & rows["state"].isin((ledger.REFUNDED, ledger.PARTIALLY_REFUNDED))
        & ~rows["dedup_key"].isin(taken)
    ]
    if refunds.empty or paid.empty:
        return {}
    # per (platform, amount, currency, counterparty): the payments as (time, key), sorted
    pool: dict[tuple, list[tuple[str, str]]] = {}
    for f, amount, currency, who, time, key in zip(
        fam[paid.index],
        paid["amount"],
        paid["currency"],
        paid["counterparty"],
        paid["time"],
        paid["dedup_key"],
        strict=True,
    ):
        pool.setdefault((f, amount, currency, who), []).append((time, key))
    for each in pool.values():
        each.sort()
    found = {}
    for f, amount, currency, who, time, key in zip(
        fam[refunds.index],
        refunds["amount"],
        refunds["currency"],
        refunds["counterparty"],
        refunds["time"],
        refunds["dedup_key"],
        strict=True,
    ):
        payments = pool.get((f, amount, currency, who), [])
        if not payments:
            continue
        # the latest payment not after the return (by a search, not a scan of all of
        # them: a thousand look-alike refunded payments made the scan quadratic)
        at = bisect.bisect_right(payments, time, key=itemgetter(0))
        if at:
            found[key] = payments.pop(at - 1)[1]
    return found


def candidates(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows that can take part in any link (a small part of a big wallet bill).

    Bank rows; card-paid wallet rows when a bank statement is present; refunds and
    the rows sharing an order id with a refund.
    """
    fam = platforms(rows["format"])
    bank = ~fam.isin(WALLETS)
    card_paid = rows["method"].str.contains(_CARD_METHOD) if bank.any() else False
    refund = (rows["state"] == ledger.REFUND) | rows["description"].str.startswith("退款")
    # a refund's id is its order's id, then "_" and more: cut in Arrow (pandas' split
    # loops in Python)
    refund_ids = set(replace_regex(rows.loc[refund, "txn_id"], "(?s)_.*", "")) | set(
        rows.loc[refund, "merchant_order_id"]
    )
    refund_ids = {i for i in refund_ids if isinstance(i, str) and i}
    # Arrow's hash kernel: pandas tested each of a million ids against the set in Python
    related = isin(rows["txn_id"], refund_ids) | isin(rows["merchant_order_id"], refund_ids)
    refunded = isin(rows["state"], (ledger.REFUNDED, ledger.PARTIALLY_REFUNDED))
    return rows.loc[bank | card_paid | refund | related | refunded]
