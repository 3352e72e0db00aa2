"""Merchant grouping keys, intermediaries and the catalogue."""

from __future__ import annotations

import json

import pandas as pd

from qiake_auditor.detect import normalize
from qiake_auditor.detect.prepare import prepare
from qiake_auditor.detect.scan import ScanSettings, scan

from .ledgers import ledger, monthly, row


def test_printings_of_one_company_share_a_key():
    names = [
        "深圳洽客科技有限公司",
        "洽客科技",
        "深圳市洽客科技有限公司",
        "支付宝－深圳洽客科技有限公司",
        "财付通-洽客科技",
        "洽客科技（深圳）有限公司",
        "广东省深圳市洽客科技有限公司",
    ]
    keys = normalize.grouping_keys(pd.Series(names, dtype="str"))
    assert set(keys) == {"洽客"}


def test_width_case_and_brackets_do_not_matter():
    keys = normalize.grouping_keys(pd.Series(["ＱＱ音乐", "qq音乐", "Apple Inc.", "APPLE INC"]))
    assert keys.tolist() == ["qq音乐", "qq音乐", "apple", "apple"]


def test_different_companies_keep_different_keys():
    keys = normalize.grouping_keys(
        pd.Series(["北京爱奇艺科技有限公司", "深圳洽客科技有限公司", "中国移动", "中国联通"])
    )
    assert len(set(keys)) == 4
    assert keys.tolist()[2:] == ["中国移动", "中国联通"]


def test_catalogue_maps_brand_variants_to_one_key():
    keys = normalize.canonical_keys(
        normalize.grouping_keys(
            pd.Series(["爱奇艺VIP", "北京爱奇艺科技有限公司", "腾讯视频VIP", "Apple Services"])
        )
    )
    assert keys.tolist() == ["爱奇艺", "爱奇艺", "腾讯视频", "apple"]


def test_catalogue_has_types_and_no_contact_data():
    entries = normalize.catalogue()
    names = {e.name for e in entries}
    assert {
        "洽客科技",
        "钉钉",
        "企业微信",
        "飞书",
        "WPS",
        "腾讯云",
        "阿里云",
        "百度网盘",
        "爱奇艺",
        "腾讯视频",
        "优酷",
        "芒果TV",
        "哔哩哔哩",
        "QQ音乐",
        "网易云音乐",
        "Apple",
        "Microsoft",
        "Adobe",
        "中国移动",
        "中国联通",
        "中国电信",
    } <= names
    types = {e.type for e in entries}
    assert types <= {"saas", "membership", "cloud", "software", "telecom", "utility"}
    text = json.dumps([e.__dict__ for e in entries], ensure_ascii=False)
    assert "@" not in text and "电话" not in text and "http" not in text


def test_user_alias_joins_two_names():
    aliases = {"小洽": "深圳洽客科技有限公司"}
    assert normalize.canonical_key("小洽", aliases) == normalize.canonical_key("洽客科技")
    assert normalize.canonical_key("小洽") == "小洽"


def test_intermediary_only_bank_row_takes_the_description_or_nothing():
    rows = ledger(
        [
            row(
                "2024-06-30",
                "199.00",
                "深圳市财付通支付科技有限公司",
                description="洽客科技",
                source="bank.csv",
                fmt="icbc-debit-2024",
            ),
            row(
                "2024-07-30",
                "50.00",
                "深圳市财付通支付科技有限公司",
                description="消费",
                source="bank.csv",
                fmt="icbc-debit-2024",
            ),
        ]
    )
    frame = prepare(rows)
    assert frame["_key"].tolist() == ["洽客", ""]


def test_no_stream_is_named_after_an_intermediary():
    dates = ["2024-01-05", "2024-02-05", "2024-03-05", "2024-04-05", "2024-05-05"]
    rows = monthly(
        dates,
        "30.00",
        counterparty="深圳市财付通支付科技有限公司",
        description="消费",
        source="bank.csv",
        fmt="icbc-debit-2024",
    )
    rows += monthly(
        dates,
        "25.00",
        counterparty="支付宝（中国）网络技术有限公司",
        description="支付宝-腾讯视频",
        source="bank.csv",
        fmt="icbc-debit-2024",
    )
    out = scan(ledger(rows), ScanSettings())
    assert [s["merchant"] for s in out["streams"]] == ["腾讯视频"]
    assert out["streams"][0]["count"] == 5
