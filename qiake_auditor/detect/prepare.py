"""Ledger rows -> the columns detection works on, all vectorised.

Adds day numbers, integer cents, the merchant grouping key (intermediaries unwrapped,
aliases and the catalogue applied, intermediary-only rows keyed by their description
or left out), and ``counted``: of the rows sharing a link_id (one payment seen in a
wallet and a bank export) only one is counted, preferably the wallet row.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .. import ledger, merchants
from ..linking import WALLETS
from ..money import minor_units
from . import normalize

EXTRA = ("row_id", "dedup_key", "refund_of")
# Bank memo words that say nothing about who was paid.
_GENERIC = re.compile(r"^(?:消费|支付|快捷支付|网上支付|网络支付|银联消费|转账|转支|POS消费|"
                      r"财付通|支付宝|微信支付|扣款|代扣|其他|/|-|)$", re.IGNORECASE)
REFUND_WORDS = re.compile(r"^退款|退款成功|^refund", re.IGNORECASE)
FEE_WORDS = re.compile(r"手续费|服务费|跨境交易费|货币转换费")


def prepare(rows: pd.DataFrame, aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """A copy of ``rows`` (one per dedup key) with the helper columns ``_*``."""
    frame = rows.copy()
    for column in (*ledger.LEDGER_COLUMNS, "dedup_key", "refund_of"):
        if column not in frame:
            frame[column] = ""
    if "row_id" not in frame:
        frame["row_id"] = np.arange(1, len(frame) + 1)
    text_columns = [c for c in (*ledger.LEDGER_COLUMNS, "dedup_key", "refund_of")
                    if c != "source_row"]
    for column in text_columns:
        frame[column] = frame[column].fillna("").astype("str")
    frame["source_row"] = pd.to_numeric(frame["source_row"], errors="coerce").fillna(0).astype(
        "int64")
    keyed = frame["dedup_key"] != ""
    frame = frame[~(keyed & frame["dedup_key"].duplicated())].reset_index(drop=True)
    frame["_day"] = (pd.to_datetime(frame["time"].str.slice(0, 10), format="%Y-%m-%d",
                                    errors="coerce")
                     .to_numpy().astype("datetime64[D]").astype("int64"))
    frame["_cents"] = minor_units(frame["amount"].where(frame["amount"] != "", "0.00"))
    family = frame["format"].str.partition("-")[0]
    frame["_wallet"] = family.isin(list(WALLETS)).to_numpy()
    frame["_counted"] = _counted(frame)
    frame["_key"] = _keys(frame, aliases)
    return frame


def _counted(frame: pd.DataFrame) -> np.ndarray:
    linked = frame["link_id"] != ""
    counted = np.ones(len(frame), dtype=bool)
    if not linked.any():
        return counted
    sub = frame.loc[linked, ["link_id", "_wallet"]].copy()
    sub["_order"] = np.arange(len(sub))
    sub = sub.sort_values(["link_id", "_wallet", "_order"], ascending=[True, False, True])
    keep = ~sub["link_id"].duplicated()
    counted[sub.index[~keep.to_numpy()].to_numpy()] = False
    return counted


def _keys(frame: pd.DataFrame, aliases: dict[str, str] | None) -> pd.Series:
    name = frame["merchant"].where(frame["merchant"] != "", frame["counterparty"])
    weak = name.map(_is_weak_cached(name.unique())).astype(bool)
    if weak.any():
        described = frame.loc[weak, "description"].map(merchants.unwrap)
        usable = ~described.str.fullmatch(_GENERIC) & ~described.map(
            _is_weak_cached(described.unique())).astype(bool)
        name = name.copy()
        name.loc[weak] = described.where(usable, "")
    keys = normalize.grouping_keys(name)
    keys = keys.where(name != "", "")
    return normalize.canonical_keys(keys, aliases).where(name != "", "")


def _is_weak_cached(names: np.ndarray) -> dict[str, bool]:
    return {n: (str(n).strip() in ("", "/", "-") or merchants.is_intermediary(str(n)))
            for n in names}


def display_names(frame: pd.DataFrame) -> pd.Series:
    """The printed name of each row's merchant (description for intermediary-only rows)."""
    name = frame["merchant"].where(frame["merchant"] != "", frame["counterparty"])
    weak = name.map(_is_weak_cached(name.unique())).astype(bool)
    return name.where(~weak, frame["description"].map(merchants.unwrap))
