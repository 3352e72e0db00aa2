"""Merchant names: unwrap payment intermediaries and normalise legal names for grouping.

The ledger keeps ``counterparty`` exactly as printed; ``merchant`` is the name the
rows are grouped and shown under. A bank row that reads ``支付宝-深圳洽客科技有限公司``
belongs to 深圳洽客科技有限公司, and a row whose only named party is the payment
company itself (``深圳市财付通支付科技有限公司``) takes its merchant from the other text.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from . import vstr

# Payment platforms that stand between the user and the merchant, as banks print them.
INTERMEDIARY_PREFIX = re.compile(
    r"^(?:支付宝|财付通|微信支付|美团支付|京东支付|云闪付APP|云闪付|银联在线支付|银联|抖音支付|拼多多支付)"
    r"\s*[-－—_]\s*(?:支付宝外部商户\s*[-－—]\s*|消费\s*[-－—]\s*|支付宝\s*[-－—]\s*)*"
)
# Legal entities of the intermediaries: never a merchant of their own.
INTERMEDIARY_NAMES = (
    "财付通支付科技有限公司",
    "支付宝（中国）网络技术有限公司",
    "支付宝(中国)网络技术有限公司",
    "支付宝支付科技有限公司",
    "网银在线（北京）科技有限公司",
    "北京三快在线科技有限公司",
    "中国银联股份有限公司",
    "财付通",
    "支付宝",
    "微信支付",
)
_PLACEHOLDERS = {"", "/", "-", "--", "（空）", "(空)"}


def is_intermediary(name: str) -> bool:
    """True for a payment company's own name (``深圳市财付通支付科技有限公司``)."""
    name = name.strip()
    return any(name.endswith(entity) or name == entity for entity in INTERMEDIARY_NAMES)


def unwrap(name: str) -> str:
    """``支付宝-支付宝外部商户-便民微超`` -> ``便民微超``; other names unchanged."""
    return INTERMEDIARY_PREFIX.sub("", name.strip()).strip()


def resolve(frame: pd.DataFrame) -> pd.Series:
    """The merchant of each ledger row, as printed but without intermediaries.

    Names are worked out once per distinct value: a big statement repeats a few
    thousand counterparties a million times.
    """
    counterparty = frame["counterparty"].astype("str")
    codes, uniques = pd.factorize(counterparty)
    names = [unwrap(n) for n in uniques]
    # Masked names (中***融科技有限公司) say less than the memo they come with.
    weak_name = [n in _PLACEHOLDERS or is_intermediary(n) or "*" in n for n in names]
    weak = (
        pd.Series(weak_name, dtype=bool).to_numpy()[codes]
        if len(uniques)
        else np.zeros(0, dtype=bool)
    )
    result = vstr.spread(names, codes, frame)
    if len(uniques) and weak.any():
        # Only the payment company is named: take the merchant from the item/memo
        # text when it carries an intermediary prefix (支付宝-<merchant>).
        description = frame.loc[weak, "description"].astype("str").str.strip()
        wrapped = description.str.contains(INTERMEDIARY_PREFIX.pattern, regex=True)
        inner = description[wrapped].map(unwrap)
        inner = inner[~inner.isin(_PLACEHOLDERS)]
        result.loc[inner.index] = inner
        kept = result.index.isin(frame.index[weak]) & ~result.index.isin(inner.index)
        result[kept] = counterparty[kept].str.strip()
    return result
