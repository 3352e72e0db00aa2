"""Realistic Chinese merchant names for synthetic streams, unique per simulated user.

A legal name is city + brand + industry + 有限公司; the short brand name the wallets
sometimes print (「洽客科技」 for 深圳洽客科技有限公司) is brand + industry. Brands are
never reused within one user, so alias normalisation cannot merge two streams.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CITIES = (
    "深圳",
    "北京",
    "上海",
    "杭州",
    "广州",
    "成都",
    "南京",
    "武汉",
    "苏州",
    "厦门",
    "西安",
    "长沙",
)
BRANDS = (
    "云帆",
    "星河",
    "青禾",
    "蓝鲸",
    "智链",
    "极光",
    "微澜",
    "锦程",
    "凌云",
    "朗坤",
    "启明",
    "远航",
    "鼎新",
    "易达",
    "融信",
    "华拓",
    "知行",
    "驰骋",
    "聚点",
    "慧眼",
    "飞鸿",
    "栖云",
    "海豚",
    "橙果",
    "墨舟",
    "简道",
    "纵横",
    "卓越",
    "睿思",
    "天衡",
    "明途",
    "新宇",
    "乐享",
    "优品",
    "百川",
    "千寻",
    "万象",
    "拾光",
    "悦读",
    "森林",
)
INDUSTRIES = ("科技", "网络科技", "信息技术", "软件技术", "数据科技", "云计算")
PRODUCTS = (
    "CRM专业版",
    "云盘会员",
    "协作办公",
    "设计工具",
    "企业邮箱",
    "财务SaaS",
    "云服务器",
    "短信包",
    "营销助手",
    "在线课程",
    "会员服务",
    "智能客服",
)
FOREIGN = (
    "OPENAI *CHATGPT SUBSCR",
    "NOTION LABS INC",
    "FIGMA MONTHLY",
    "GITHUB INC",
    "MIDJOURNEY INC",
    "ADOBE *CREATIVE CLOUD",
    "DROPBOX*PLUS",
    "CANVA* PRO",
    "JETBRAINS S.R.O.",
    "ZOOM.US 888-799-9666",
)


@dataclass(frozen=True)
class Merchant:
    legal: str
    brand: str  # short name as wallets sometimes print it
    product: str


class NamePool:
    """Draws merchant names without repeating a brand."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.brands = list(rng.permutation(BRANDS))
        self.foreign = list(rng.permutation(FOREIGN))

    def take(self) -> Merchant:
        brand = self.brands.pop()
        city = CITIES[int(self.rng.integers(len(CITIES)))]
        industry = INDUSTRIES[int(self.rng.integers(len(INDUSTRIES)))]
        product = PRODUCTS[int(self.rng.integers(len(PRODUCTS)))]
        return Merchant(
            f"{city}{brand}{industry}有限公司", f"{brand}{industry}", f"{brand}{product}"
        )

    def take_foreign(self) -> str:
        return self.foreign.pop()
