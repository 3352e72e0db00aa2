"""Grouping keys for merchant names, and the catalogue of recurring-charge merchants.

Grouping needs one key per company however it is printed: 深圳洽客科技有限公司,
洽客科技 and 深圳市洽客科技有限公司 are one company. The key drops what varies between
printings (full/half width, case, brackets, city/province prefixes, legal-form and
trade words such as 有限公司/科技/网络技术); the name shown to the user is always one of
the printed names, never the key. Catalogue aliases and the user's own aliases map
several keys onto one.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..merchants import INTERMEDIARY_PREFIX

_CITIES = (
    "北京|上海|天津|重庆|深圳|广州|杭州|南京|苏州|成都|武汉|西安|长沙|郑州|济南|青岛|厦门|福州|"
    "合肥|南昌|昆明|贵阳|南宁|海口|三亚|沈阳|大连|长春|哈尔滨|石家庄|太原|呼和浩特|兰州|西宁|"
    "银川|乌鲁木齐|拉萨|宁波|无锡|东莞|佛山|珠海|中山|惠州|温州|嘉兴|绍兴|金华|台州|常州|"
    "南通|徐州|扬州|烟台|潍坊|泉州|漳州|洛阳|宜昌|襄阳|株洲|湘潭|岳阳|柳州|桂林|遵义|绵阳"
)
_PROVINCES = (
    "广东|浙江|江苏|山东|河南|河北|湖南|湖北|四川|福建|安徽|江西|云南|贵州|广西|海南|辽宁|"
    "吉林|黑龙江|山西|陕西|甘肃|青海|宁夏|新疆|西藏|内蒙古"
)
_REGION_PREFIX = re.compile(rf"^(?:(?:{_PROVINCES})(?:省|自治区)?|(?:{_CITIES})(?:市)?)+")
_BRACKETS = re.compile(r"[(\[【][^)\]】]*[)\]】]")
_LEGAL_SUFFIX = re.compile(
    r"(?:股份有限公司|有限责任公司|有限公司|分公司|公司|集团|股份|"
    r"网络技术|信息技术|网络科技|信息科技|科技|技术|网络|软件|信息|计算机系统|"
    r"文化传播|文化传媒|传媒|电子商务|商贸|贸易|服务|co\.?,?\s*ltd\.?|ltd\.?|inc\.?|"
    r"limited|corporation|corp\.?|llc)$"
)
_PUNCT = re.compile(r"[\s\-_·・.,，。、'\"“”‘’/|:：;；!！?？*&＆+]+")
_WRAPPER = re.compile(INTERMEDIARY_PREFIX.pattern.replace("－—", "—"))


def grouping_keys(names: pd.Series) -> pd.Series:
    """Normalised grouping key of each name (the work is done once per distinct name)."""
    names = names.fillna("").astype("str")
    codes, uniques = pd.factorize(names)
    unique = pd.Series(uniques, dtype="str")
    folded = unique.str.normalize("NFKC").str.lower().str.strip()
    keys = folded.str.replace(_WRAPPER, "", regex=True)
    keys = keys.str.replace(_BRACKETS, "", regex=True)
    keys = keys.str.replace(_REGION_PREFIX, "", regex=True)
    for _ in range(3):
        keys = keys.str.strip().str.replace(_LEGAL_SUFFIX, "", regex=True)
    keys = keys.str.replace(_PUNCT, "", regex=True)
    fallback = folded.str.replace(_PUNCT, "", regex=True)
    keys = keys.where(keys.str.len() >= 2, fallback)
    if not len(unique):
        return pd.Series([], index=names.index, dtype="str")
    return pd.Series(keys.to_numpy()[codes], index=names.index, dtype="str")


def grouping_key(name: str) -> str:
    """The grouping key of one name."""
    return str(grouping_keys(pd.Series([name], dtype="str")).iloc[0])


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    type: str
    legal: str
    aliases: tuple[str, ...]


@functools.cache
def catalogue() -> tuple[CatalogueEntry, ...]:
    """The bundled catalogue (resources/merchants.json): names, aliases, type; no contacts."""
    text = (importlib.resources.files("qiake_auditor.resources") / "merchants.json").read_text(
        encoding="utf-8"
    )
    return tuple(
        CatalogueEntry(
            m["name"], m.get("type", "saas"), m.get("legal", ""), tuple(m.get("aliases", ()))
        )
        for m in json.loads(text)["merchants"]
    )


@functools.cache
def _catalogue_keys() -> dict[str, CatalogueEntry]:
    pairs = [
        (alias, entry)
        for entry in catalogue()
        for alias in (entry.name, entry.legal, *entry.aliases)
        if alias
    ]
    keys = grouping_keys(pd.Series([a for a, _ in pairs], dtype="str"))
    found: dict[str, CatalogueEntry] = {}
    for key, (_, entry) in zip(keys, pairs, strict=True):
        found.setdefault(key, entry)
    return found


# What may follow a catalogued brand inside one name and still be that brand: a product,
# plan or trade word (洽客CRM, 洽客短信, 爱奇艺会员, 中国移动通信, 洽客科技短信). Any other
# Chinese character makes another name (洽客隆超市 is not 洽客).
_AFTER_BRAND = re.compile(
    r"[^\u4e00-\u9fff]|(?:大会员|超级会员|会员|黑胶|专业版|企业版|个人版|旗舰版|标准版|"
    r"高级版|基础版|年费|月费|年付|月付|包月|包年|连续|自动续费|短信|通信|通讯|话费|流量|宽带|"
    r"服务|订阅|套餐|充值|音乐|视频|网盘|云盘|云服务|科技|网络|信息|技术|软件|传媒|文化|"
    r"电子商务|有限|公司|集团|股份)"
)


@functools.lru_cache(maxsize=65536)
def catalogue_entry(key: str) -> CatalogueEntry | None:
    """Catalogue entry of a key: an exact alias, else the longest alias the key starts
    with where the rest of the key is a product or trade word of that brand."""
    known = _catalogue_keys()
    if key in known:
        return known[key]
    best = None
    for alias, entry in known.items():
        if (
            len(alias) >= 2
            and key.startswith(alias)
            and (best is None or len(alias) > best[0])
            and _AFTER_BRAND.match(key, len(alias))
        ):
            best = (len(alias), entry)
    return best[1] if best else None


def canonical_keys(keys: pd.Series, aliases: dict[str, str] | None = None) -> pd.Series:
    """One key per company: the user's aliases first, then the catalogue."""
    user = {grouping_key(a): grouping_key(t) for a, t in (aliases or {}).items() if a and t}
    codes, uniques = pd.factorize(keys)
    mapped = []
    for key in uniques:
        key = str(key)
        target = user.get(key)
        if target is None:
            entry = catalogue_entry(key) if key else None
            target = _entry_key(entry.name) if entry else key
        mapped.append(user.get(target, target))
    values = np.array(mapped, dtype=object)[codes] if len(uniques) else np.array([], dtype=object)
    return pd.Series(values, index=keys.index, dtype="str")


@functools.cache
def _entry_key(name: str) -> str:
    return grouping_key(name)


def canonical_key(name: str, aliases: dict[str, str] | None = None) -> str:
    """The canonical key of one printed name."""
    return str(canonical_keys(pd.Series([grouping_key(name)], dtype="str"), aliases).iloc[0])
