"""Ledger rows -> the columns detection works on, all vectorised.

Adds day numbers, integer cents, the merchant grouping key (intermediaries unwrapped,
aliases and the catalogue applied, intermediary-only rows keyed by their description
or left out), and ``counted``: of the rows sharing a link_id (one payment seen in a
wallet and a bank export) only one is counted, preferably the wallet row.
"""

from __future__ import annotations

import functools
import re
from datetime import date

import numpy as np
import pandas as pd

from .. import ledger, merchants, vstr
from ..importers.base import platform_of
from ..linking import BANK_MARKERS, WALLETS
from ..money_columns import minor_units
from . import normalize
from .cadence import EPOCH
from .columns import ScanRows

EXTRA = ("row_id", "dedup_key", "refund_of")
# Bank memo words that say nothing about who was paid.
_GENERIC = re.compile(
    r"^(?:消费|支付|快捷支付|网上支付|网络支付|银联消费|转账|转支|POS消费|"
    r"财付通|支付宝|微信支付|扣款|代扣|其他|/|-|)$",
    re.IGNORECASE,
)
REFUND_WORDS = re.compile(r"^退款|退款成功|^refund", re.IGNORECASE)
GIFT_WORDS = re.compile(r"红包|亲属卡|礼物|lucky money", re.IGNORECASE)
# A bank's fee line (跨境交易手续费); not a merchant's 服务费, which is what it sells.
FEE_WORDS = re.compile(r"手续费|跨境交易费|跨境服务费|货币转换费")


def prepare(
    rows: pd.DataFrame,
    aliases: dict[str, str] | None = None,
    distinct_keys: bool = False,
    until: date | None = None,
) -> pd.DataFrame:
    """A copy of ``rows`` (one per dedup key) with the helper columns ``_*``.

    ``distinct_keys``: the caller knows no dedup key repeats (workspace rows), which
    spares hashing a million keys to find out. ``until``: rows dated after this day
    are left out, as if the statements had been exported on it (undated rows stay).
    """
    frame = rows.copy()
    for column in (*ledger.LEDGER_COLUMNS, "dedup_key", "refund_of"):
        if column not in frame:
            frame[column] = ""
    if "row_id" not in frame:
        frame["row_id"] = np.arange(1, len(frame) + 1)
    text_columns = [
        c for c in (*ledger.LEDGER_COLUMNS, "dedup_key", "refund_of") if c != "source_row"
    ]
    for column in text_columns:
        if frame[column].dtype != "str" or frame[column].hasnans:
            frame[column] = frame[column].fillna("").astype("str")
    frame["source_row"] = (
        pd.to_numeric(frame["source_row"], errors="coerce").fillna(0).astype("int64")
    )
    if until is not None:
        frame = _until(frame, until)
    if not distinct_keys:
        frame = _first_of_each_key(frame)
    frame["_day"] = per_value(frame["time"].str.slice(0, 10), _day_numbers, np.int64)
    frame["_cents"] = per_value(
        frame["amount"], lambda u: minor_units(u.where(u != "", "0.00")), np.int64
    )
    frame["_wallet"] = per_value(
        frame["format"], lambda u: u.map(platform_of).isin(list(WALLETS)).to_numpy(), bool
    )
    frame["_counted"] = _counted(frame)
    frame["_key"] = _linked_keys(frame, _keys(frame, aliases))
    for name, flags in word_flags(frame).items():
        frame[name] = flags
    kid, _ = pd.factorize(frame["_key"])
    cur, _ = pd.factorize(frame["currency"])
    frame["_group"] = kid.astype("int64") * 1000 + cur  # merchant key x currency
    return frame


def _until(frame: pd.DataFrame, day: date) -> pd.DataFrame:
    """The rows dated on or before ``day`` (rows without a readable date kept)."""
    days = per_value(frame["time"].str.slice(0, 10), _day_numbers, np.int64)
    later = days > (day - EPOCH).days
    if not later.any():
        return frame
    return frame[~later].reset_index(drop=True)


def _first_of_each_key(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows passed twice (same dedup key) kept once; rows without a key all kept."""
    codes, uniques = pd.factorize(frame["dedup_key"])
    if len(uniques) == len(frame):
        return frame
    first = np.zeros(len(frame), dtype=bool)
    first[np.unique(codes, return_index=True)[1]] = True
    keep = first | (frame["dedup_key"] == "").to_numpy()
    return frame[keep].reset_index(drop=True)


def word_flags(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """Rows whose text holds gift, fee, refund or renewal words: one regex pass over the
    descriptions for all of them, the separate patterns only on the rows that matched."""
    from .candidates import AUTO_RENEW

    patterns = {
        "_gift": GIFT_WORDS,
        "_fee": FEE_WORDS,
        "_refund_word": REFUND_WORDS,
        "_auto": AUTO_RENEW,
    }
    union = "|".join(f"(?:{p.pattern})" for p in patterns.values())
    description = frame["description"]
    any_hit = description.str.contains(union, case=False, regex=True).to_numpy()
    hits = np.flatnonzero(any_hit)
    out = {}
    for name, pattern in patterns.items():
        flags = np.zeros(len(frame), dtype=bool)
        if len(hits):
            flags[hits] = description.iloc[hits].str.contains(pattern).to_numpy()
        out[name] = flags
    out["_gift"] |= per_value(
        frame["category"], lambda u: u.str.contains(GIFT_WORDS).to_numpy(), bool
    )  # WeChat: 交易类型 微信红包 with item "/"
    out["_auto"] |= per_value(
        frame["counterparty"], lambda u: u.str.contains(AUTO_RENEW).to_numpy(), bool
    )
    return out


def per_value(values: pd.Series, work, dtype: type = object) -> np.ndarray:
    """``work`` applied to the distinct values only, spread back over the rows
    (``dtype`` is the type of the empty result for no rows)."""
    codes, uniques = pd.factorize(values)
    if not len(uniques):
        return np.zeros(len(values), dtype=dtype)
    return np.asarray(work(pd.Series(uniques, dtype="str")))[codes]


def _day_numbers(dates: pd.Series) -> np.ndarray:
    parsed = pd.to_datetime(dates, format="%Y-%m-%d", errors="coerce")
    days = parsed.to_numpy().astype("datetime64[D]").astype("int64")
    return np.where(parsed.isna().to_numpy(), -(10**9), days)


def _counted(frame: pd.DataFrame) -> np.ndarray:
    """One counted row per payment: of linked rows the wallet row, and a bank row paid
    through a wallet (财付通-/支付宝-...) whose wallet statement holds the same payment."""
    copies, judged = _bank_copies(frame)
    counted = ~copies
    linked = (frame["link_id"] != "").to_numpy() & ~judged
    if not linked.any():
        return counted
    sub = frame.loc[(frame["link_id"] != "").to_numpy(), ["link_id", "_wallet"]].copy()
    sub = sub[~judged[sub.index.to_numpy()]]
    sub["_order"] = np.arange(len(sub))
    sub = sub.sort_values(["link_id", "_wallet", "_order"], ascending=[True, False, True])
    keep = ~sub["link_id"].duplicated()
    counted[sub.index[~keep.to_numpy()].to_numpy()] = False
    return counted


COPY_WINDOW = (-1, 3)  # bank posting day minus wallet day


def _bank_copies(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Bank rows that repeat a wallet row (same platform, direction and amount, posted
    0-3 days later), matched one to one in date order.

    The link ids of the import already pair most of them; with many equal amounts on
    nearby days (metro fares) a pairing can shift by a row and leave one bank copy
    unlinked, which would count a payment twice. Returns (copies, judged): judged are
    the bank rows this matching decided on (their link ids are then not needed).
    """
    copies = np.zeros(len(frame), dtype=bool)
    judged = np.zeros(len(frame), dtype=bool)
    wallet = frame["_wallet"].to_numpy()
    moved = (
        frame["state"].isin(ledger.MONEY_MOVED_STATES) & (frame["direction"] != ledger.NEUTRAL)
    ).to_numpy()
    bank = np.flatnonzero(~wallet & moved)
    if not len(bank) or not (wallet & moved).any():
        return copies, judged
    family = per_value(frame["format"], lambda u: u.map(platform_of).to_numpy())
    text = frame["counterparty"].iloc[bank] + " " + frame["description"].iloc[bank]
    days = frame["_day"].to_numpy()
    cents = frame["_cents"].to_numpy()
    direction = frame["direction"].to_numpy()
    for name, marker in BANK_MARKERS.items():
        ours = bank[text.str.contains(marker).to_numpy()]
        theirs = np.flatnonzero(wallet & moved & (family == name))
        if not len(ours) or not len(theirs):
            continue
        judged[ours] = True
        pool: dict[tuple, list[int]] = {}
        for w in theirs[np.argsort(days[theirs], kind="stable")]:
            pool.setdefault((direction[w], cents[w]), []).append(int(days[w]))
        for b in ours[np.argsort(days[ours], kind="stable")]:
            waiting = pool.get((direction[b], cents[b]))
            while waiting and days[b] - waiting[0] > COPY_WINDOW[1]:
                waiting.pop(0)  # too old to be this bank row's wallet payment
            if waiting and COPY_WINDOW[0] <= days[b] - waiting[0] <= COPY_WINDOW[1]:
                waiting.pop(0)
                copies[b] = True
    return copies, judged


def _keys(frame: pd.DataFrame, aliases: dict[str, str] | None) -> pd.Series:
    name = frame["merchant"].where(frame["merchant"] != "", frame["counterparty"])
    weak = per_value(name, lambda u: np.array([_weak(n) for n in u], dtype=bool), bool)
    if weak.any():
        described = per_value(
            frame.loc[weak, "description"],
            lambda u: np.array([_usable(merchants.unwrap(d)) for d in u], dtype=object),
        ).astype("str")
        name = name.copy()
        name.loc[weak] = described
    codes, uniques = pd.factorize(name)
    distinct = pd.Series(uniques, dtype="str")
    keys = normalize.canonical_keys(normalize.grouping_keys(distinct), aliases)
    return vstr.spread(keys.where(distinct != "", "").tolist(), codes, frame)


def _linked_keys(frame: pd.DataFrame, keys: pd.Series) -> pd.Series:
    """A bank row linked to a wallet row takes the wallet row's merchant (the bank row may
    name only 财付通/支付宝, or a truncated name)."""
    linked = np.flatnonzero((frame["link_id"] != "").to_numpy())
    if not len(linked):
        return keys
    sub = pd.DataFrame(
        {
            "link": frame["link_id"].iloc[linked].to_numpy(),
            "key": keys.iloc[linked].to_numpy(),
            "wallet": frame["_wallet"].to_numpy()[linked],
        }
    )
    wallet = sub[sub["wallet"] & (sub["key"] != "")].drop_duplicates("link")
    better = sub["link"].map(dict(zip(wallet["link"], wallet["key"], strict=True)))
    found = better.notna().to_numpy()
    keys = keys.copy()
    keys.iloc[linked[found]] = better[found].to_numpy()
    return keys


def _weak(name: str) -> bool:
    return name.strip() in ("", "/", "-") or merchants.is_intermediary(name)


def _usable(text: str) -> str:
    return "" if _GENERIC.fullmatch(text) or _weak(text) else text


def display_names(rows: ScanRows, positions) -> list[str]:
    """The printed merchant name of some rows (the description for intermediary-only rows)."""
    merchant, counterparty, description = (
        rows[c][positions] for c in ("merchant", "counterparty", "description")
    )
    names = [m or c for m, c in zip(merchant, counterparty, strict=True)]
    return [_unwrapped(d) if _weak_name(n) else n for n, d in zip(names, description, strict=True)]


@functools.lru_cache(maxsize=65536)
def _weak_name(name: str) -> bool:
    return _weak(name)


@functools.lru_cache(maxsize=65536)
def _unwrapped(text: str) -> str:
    return merchants.unwrap(text)
