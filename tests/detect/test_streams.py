"""Stream assembly over hand-built ledgers: the hard cases of recurring.md section 3."""

from __future__ import annotations

import numpy as np

from qiake_auditor.detect.scan import ScanSettings, scan

from .ledgers import ledger, monthly, row


def streams_of(rows, **settings) -> list[dict]:
    return scan(ledger(rows), ScanSettings(**settings))["streams"]


def only(rows, **settings) -> dict:
    found = streams_of(rows, **settings)
    assert len(found) == 1, [(s["merchant"], s["cadence"], s["amount"]) for s in found]
    return found[0]


def charges(stream: dict, role: str | None = None) -> list[tuple[str, str]]:
    return [
        (c["date"], c["amount"]) for c in stream["charges"] if role is None or c["role"] == role
    ]


def on(stream: dict, day: str) -> dict:
    return next(c for c in stream["charges"] if c["date"] == day)


def test_h5_promo_then_full_price_then_rise_is_one_stream():
    rows = [row("2024-05-08", "1.00", description="首月特惠")]
    rows += monthly([f"2024-{m:02d}-08" for m in range(6, 11)], "39.00")
    rows += monthly(["2024-11-08", "2024-12-08", "2025-01-08"], "49.00", description="价格调整")
    s = only(rows)
    assert s["cadence"] == "monthly" and s["count"] == 9 and s["amount"] == "49.00"
    assert charges(s, "trial") == [("2024-05-08", "1.00")]
    assert [p["amount"] for p in s["price_history"]] == ["39.00", "49.00"]
    assert s["price_history"][1]["from"] == "2024-11-08"
    assert {"trial_conversion", "price_increase"} <= set(s["flags"])
    rise = [c for c in s["charges"] if "price_increase" in c["flags"]]
    assert [(c["date"], c["cause"]) for c in rise] == [("2024-11-08", "new_purchase_or_upgrade")]
    assert s["total"] == "343.00"  # 1 + 5 * 39 + 3 * 49


def test_h6_trial_authorisation_then_monthly_on_the_8th():
    rows = [row("2024-05-01", "0.01", description="试用")]
    rows += monthly([f"2024-{m:02d}-08" for m in range(5, 11)], "299.00")
    s = only(rows)
    assert s["first_date"] == "2024-05-01" and s["count"] == 7
    first_paid = on(s, "2024-05-08")
    assert "trial_conversion" in first_paid["flags"] and first_paid["cause"] == "trial_conversion"
    assert s["next_expected"] == "2024-11-08"


def test_h7_failed_attempts_are_retries_of_one_occurrence():
    rows = monthly(["2024-06-10", "2024-07-10", "2024-08-10"])
    rows += [
        row("2024-09-10", "199.00", state="closed", description="余额不足"),
        row("2024-09-11", "199.00", state="closed"),
        row("2024-09-13", "199.00"),
    ]
    rows += monthly(["2024-10-10", "2024-11-10"])
    s = only(rows)
    assert s["cadence"] == "monthly" and s["count"] == 6 and s["total"] == "1194.00"
    assert charges(s, "retry") == [("2024-09-10", "199.00"), ("2024-09-11", "199.00")]
    assert [c["state"] for c in s["charges"] if c["role"] == "retry"] == ["closed", "closed"]
    assert "2024-09-10" in s["explanation"] and "重试成功" in s["explanation"]
    recovered = on(s, "2024-09-13")
    assert recovered["cause"] == "arrears_recovery"


def test_h8_refund_is_netted_against_its_occurrence():
    rows = [
        row("2024-03-15", "2980.00", txn_id="T1", description="洽客CRM 年付 自动续费"),
        row("2025-03-14", "2980.00", txn_id="T2", description="洽客CRM 年付 自动续费"),
        row(
            "2025-03-20",
            "2980.00",
            direction="income",
            state="refund",
            txn_id="T2_R",
            description="退款-洽客CRM",
            refund_of="k2",
        ),
    ]
    s = only(rows)
    assert s["cadence"] == "annual" and s["count"] == 2
    assert s["total"] == "5960.00" and s["net_total"] == "2980.00"
    assert charges(s, "refund") == [("2025-03-20", "2980.00")]


def test_h8_partial_refund_found_by_txn_prefix_is_flagged():
    rows = [
        row("2024-03-15", "2980.00", txn_id="T1"),
        row("2025-03-14", "2980.00", txn_id="T2"),
        row(
            "2025-03-20",
            "2483.00",
            direction="income",
            state="refund",
            txn_id="T2_R",
            description="退款",
        ),
    ]
    s = only(rows)
    assert s["net_total"] == "3477.00"
    renewal = on(s, "2025-03-14")
    assert "refund_partial" in renewal["flags"]


def test_h11_several_subscriptions_at_one_merchant_stay_apart():
    months = range(1, 8)
    rows = monthly([f"2024-{m:02d}-05" for m in months], "199.00", description="席位A")
    rows += monthly([f"2024-{m:02d}-12" for m in months], "199.00", description="席位B")
    rows += monthly([f"2024-{m:02d}-05" for m in months], "49.00", description="短信包")
    found = streams_of(rows)
    assert sorted((s["amount"], s["anchor"], s["count"]) for s in found) == [
        ("199.00", "每月12日", 7),
        ("199.00", "每月5日", 7),
        ("49.00", "每月5日", 7),
    ]


def test_h11_app_store_bundle_on_one_day_is_three_streams():
    rows = []
    for amount in ("12.00", "25.00", "68.00"):
        rows += monthly(
            [f"2024-{m:02d}-20" for m in range(1, 6)],
            amount,
            counterparty="Apple",
            description="App Store",
        )
    assert sorted(s["amount"] for s in streams_of(rows)) == ["12.00", "25.00", "68.00"]


def test_h12_habits_are_not_subscriptions():
    rng = np.random.default_rng(5)
    rows = []
    day = np.datetime64("2024-01-01")
    for i in range(182):
        d = str(day + i)
        weekday = (i + 0) % 7  # 2024-01-01 is a Monday
        if weekday in (0, 2, 4):
            rows.append(row(d, "9.90", "瑞幸咖啡", description="生椰拿铁", category="餐饮美食"))
        if weekday < 5:
            rows.append(
                row(
                    d,
                    f"{rng.integers(25, 36)}.{rng.integers(0, 99):02d}",
                    "美团外卖",
                    description="外卖订单",
                    category="餐饮美食",
                )
            )
            rows.append(row(d, "4.00", "上海地铁", description="地铁出行", category="交通出行"))
            rows.append(row(d, "4.00", "上海地铁", description="地铁出行", category="交通出行"))
        if weekday == 5:
            rows.append(
                row(
                    d,
                    f"{rng.integers(160, 200)}.00",
                    "永辉超市",
                    description="购物",
                    category="日用百货",
                )
            )
    for m in range(1, 7):
        rows.append(
            row(
                f"2024-{m:02d}-0{1 + m % 3}",
                "100.00",
                "中国移动",
                description="话费充值",
                category="充值缴费",
            )
        )
    assert streams_of(rows) == []


def test_h14_pause_then_resume_is_one_stream():
    dates = [
        "2024-01-05",
        "2024-02-05",
        "2024-03-05",
        "2024-04-05",
        "2024-07-05",
        "2024-08-05",
        "2024-09-05",
    ]
    s = only(monthly(dates, "59.00", counterparty="爱奇艺"))
    assert s["count"] == 7 and s["missed"] == 2 and s["status"] == "active"
    assert "2024-05-05、2024-06-05前后未见扣费（暂停或跳过2期）" in s["explanation"]


def test_h16_usage_based_amounts_are_one_variable_stream_without_price_alerts():
    amounts = ["213.40", "198.10", "245.70", "181.00", "226.30", "204.90", "190.20"]
    rows = [
        row(f"2024-{m:02d}-03", a, "阿里云计算有限公司", description="云服务器按量结算")
        for m, a in zip(range(1, 8), amounts, strict=True)
    ]
    s = only(rows)
    assert s["cadence"] == "monthly" and s["count"] == 7 and s["variable"] is True
    assert "price_increase" not in s["flags"] and "unusual_amount" not in s["flags"]
    assert "181" in s["explanation"] and "245.70" in s["explanation"]


def test_h20_fx_priced_charges_stay_one_stream_and_fee_lines_are_not_a_stream():
    amounts = ["143.52", "145.10", "141.88", "144.02", "142.75"]
    rows = [
        row(
            f"2024-{m:02d}-11",
            a,
            "OPENAI *CHATGPT SUBSCR",
            description="境外消费",
            source="cmb.csv",
            fmt="cmb-credit",
        )
        for m, a in zip(range(1, 6), amounts, strict=True)
    ]
    rows += [
        row(
            f"2024-{m:02d}-11",
            "2.15",
            "跨境交易手续费",
            description="跨境交易手续费",
            source="cmb.csv",
            fmt="cmb-credit",
        )
        for m in range(1, 6)
    ]
    s = only(rows)
    assert s["count"] == 5 and s["cadence"] == "monthly"


def test_h23_duplicate_charge_on_renewal_day():
    rows = monthly(["2024-05-31", "2024-06-30", "2024-07-31"])
    rows += [row("2024-08-31", "199.00", order="A1"), row("2024-08-31", "199.00", order="A2")]
    s = only(rows)
    assert s["count"] == 5
    dup = [c for c in s["charges"] if "duplicate_charge" in c["flags"]]
    assert len(dup) == 1 and dup[0]["date"] == "2024-08-31"
    assert dup[0]["cause"] == "new_purchase_or_upgrade"


def test_h10_linked_wallet_and_bank_rows_count_once():
    dates = ["2024-04-30", "2024-05-31", "2024-06-30", "2024-07-31"]
    rows = monthly(dates, method="招商银行储蓄卡(1111)")
    rows[2]["link_id"] = "L1"
    rows.append(
        row(
            "2024-07-01",
            "199.00",
            "支付宝-深圳洽客科技有限公司",
            description="支付宝快捷",
            source="cmb.csv",
            fmt="cmb-debit",
            link_id="L1",
            merchant="深圳洽客科技有限公司",
        )
    )
    out = scan(ledger(rows), ScanSettings())
    (s,) = out["streams"]
    assert s["count"] == 4 and s["total"] == "796.00"
    assert {c["source"] for c in s["charges"]} == {"alipay.csv"}
    counted = {t["source"]: t["counted"] for t in out["transactions"] if t["link_id"]}
    assert counted == {"alipay.csv": True, "cmb.csv": False}


def test_h21_recurring_non_subscriptions_are_typed():
    months = range(1, 7)
    rows = [
        row(
            f"2024-{m:02d}-05",
            "4500.00",
            "李建国",
            description="房租",
            fmt="icbc-debit",
            source="bank.csv",
        )
        for m in months
    ]
    rows += [
        row(
            f"2024-{m:02d}-10",
            "18500.00",
            "上海云杉信息技术有限公司",
            description="工资",
            direction="income",
            source="bank.csv",
            fmt="icbc-debit",
        )
        for m in months
    ]
    rows += [
        row(f"2024-{m:02d}-18", "833.25", "招商银行", description="手机分期 第{m}/12期")
        for m in months
    ]
    rows += [row(f"2024-{m:02d}-09", "3000.00", "花呗", description="花呗还款") for m in months]
    types = {s["merchant"]: s["type"] for s in streams_of(rows)}
    assert types == {
        "李建国": "transfer",  # rent paid to a person: a transfer, not a company's bill
        "上海云杉信息技术有限公司": "income",
        "招商银行": "instalment",
        "花呗": "transfer",
    }


def test_h19_upgrade_with_proration_and_new_anchor_is_one_stream():
    rows = monthly(["2024-01-05", "2024-02-05", "2024-03-05"], "199.00")
    rows.append(row("2024-03-18", "87.30", description="升级补差"))
    rows += monthly(["2024-04-18", "2024-05-18", "2024-06-18"], "299.00")
    s = only(rows)
    assert s["count"] == 7 and charges(s, "proration") == [("2024-03-18", "87.30")]
    assert s["next_expected"] == "2024-07-18"


def test_monthly_to_annual_switch_starts_a_new_stream():
    rows = monthly([f"2024-{m:02d}-05" for m in range(1, 7)], "99.00")
    rows += monthly(["2024-07-05", "2025-07-05"], "999.00")
    found = sorted((s["cadence"], s["amount"]) for s in streams_of(rows))
    assert found == [("annual", "999.00"), ("monthly", "99.00")]


def test_status_overdue_then_inactive():
    rows = monthly(["2024-01-10", "2024-02-10", "2024-03-10", "2024-04-10"])
    s = only(rows, as_of=np.datetime64("2024-05-20").astype(object))
    assert s["status"] == "overdue" and s["next_expected"] is None  # never a date passed
    assert s["due"] == "2024-05-10" and "overdue" in s["flags"]
    assert "本应于2024-05-10" in s["explanation"] and "已逾期" in s["explanation"]
    s = only(rows, as_of=np.datetime64("2024-07-01").astype(object))
    assert s["status"] == "inactive" and s["next_expected"] is None


def test_h24_two_keyword_charges_are_an_early_stream_and_one_annual_keyword_a_candidate():
    rows = monthly(
        ["2024-05-20", "2024-06-20"], "15.00", counterparty="哔哩哔哩", description="大会员连续包月"
    )
    s = only(rows)
    assert s["cadence"] == "monthly" and s["confidence"] < 0.8
    one = only([row("2025-03-14", "2980.00", description="洽客CRM 年付 自动续费")])
    assert one["cadence"] == "annual" or one["cadence"] == "irregular"
    assert one["count"] == 1 and one["confidence"] <= 0.5


def test_h19_explanation_names_the_new_anchor():
    rows = monthly(["2024-01-05", "2024-02-05", "2024-03-05"], "199.00")
    rows += monthly(["2024-04-18", "2024-05-18", "2024-06-18"], "299.00")
    s = only(rows)
    assert "每月5日左右" in s["explanation"] and "2024-04-18起改为每月18日" in s["explanation"]
    assert s["anchor"] == "每月18日"


def test_linked_bank_row_naming_only_the_intermediary_takes_the_wallet_merchant():
    rows = monthly(["2024-04-30", "2024-05-31", "2024-06-30"], method="招商银行储蓄卡(1111)")
    rows[0]["link_id"] = "L1"
    rows.append(
        row(
            "2024-05-01",
            "199.00",
            "深圳市财付通支付科技有限公司",
            description="消费",
            source="cmb.csv",
            fmt="cmb-debit",
            link_id="L1",
        )
    )
    out = scan(ledger(rows), ScanSettings())
    (s,) = out["streams"]
    assert s["count"] == 3 and s["merchant"] == "深圳洽客科技有限公司"
    # the bank copy is evidence, not a second flagged charge
    assert [f["source"] for f in out["flagged"]] == ["alipay.csv"] * 3


def test_streams_are_ordered_by_severity_then_money():
    rows = monthly(
        ["2024-01-10", "2024-02-10", "2024-03-10", "2024-04-10"],
        "999.00",
        counterparty="阿里云计算有限公司",
        description="ECS",
    )
    rows += monthly(
        ["2024-01-15", "2024-02-15", "2024-03-15", "2024-04-15"],
        "25.00",
        counterparty="爱奇艺",
        description="VIP",
    )
    out = scan(
        ledger(rows),
        ScanSettings(cancellations={"爱奇艺": np.datetime64("2024-03-01").astype(object)}),
    )
    assert [(s["merchant"], s["severity"]) for s in out["streams"]] == [
        ("爱奇艺", "high"),
        ("阿里云计算有限公司", "none"),
    ]


def test_duplicate_after_an_off_schedule_charge_is_flagged_on_the_right_row():
    dates = [
        "2024-01-10",
        "2024-02-10",
        "2024-03-10",
        "2024-04-10",
        "2024-05-10",
        "2024-06-10",
        "2024-07-10",
    ]
    rows = monthly(dates, "50.00", counterparty="爱奇艺", description="VIP")
    rows.insert(3, row("2024-03-24", "50.00", "爱奇艺", description="VIP 礼品卡"))
    rows.append(row("2024-07-10", "50.00", "爱奇艺", description="VIP", order="second"))
    s = only(rows)
    assert s["count"] == 8
    dup = [c for c in s["charges"] if "duplicate_charge" in c["flags"]]
    assert [(c["date"], c["source_row"]) for c in dup] == [("2024-07-10", 10)]  # the second


def test_unlinked_bank_copies_of_equal_wallet_payments_count_once():
    # metro fares: the same amount twice a day; the import's link ids pair two of the
    # four bank copies with the wrong wallet rows and leave one bank copy unlinked
    wallet = dict(
        counterparty="杭州地铁",
        description="地铁代扣",
        source="wx.xlsx",
        fmt="wechat-xlsx-2026",
        method="工商银行储蓄卡(6688)",
    )
    bank = dict(
        counterparty="深圳市财付通支付科技有限公司",
        description="财付通-杭州地铁",
        source="icbc.csv",
        fmt="icbc-debit-2024",
        method="工商银行(6688)",
    )
    rows = [
        row("2024-09-12", "4.00", **wallet),
        row("2024-09-12", "4.00", **wallet),
        row("2024-09-13", "4.00", **wallet),
        row("2024-09-13", "4.00", **wallet),
        row("2024-09-13", "4.00", **bank),
        row("2024-09-13", "4.00", **bank),
        row("2024-09-14", "4.00", **bank),
        row("2024-09-14", "4.00", **bank),
        row("2024-09-20", "4.00", **bank),
    ]  # no wallet row: a payment of its own
    rows[0]["link_id"] = rows[6]["link_id"] = "L1"
    rows[1]["link_id"] = rows[7]["link_id"] = "L2"
    out = scan(ledger(rows), ScanSettings())
    counted = [(t["source"], t["time"][:10]) for t in out["transactions"] if t["counted"]]
    assert counted == [("wx.xlsx", "2024-09-12")] * 2 + [("wx.xlsx", "2024-09-13")] * 2 + [
        ("icbc.csv", "2024-09-20")
    ]


def test_a_new_price_seen_twice_right_after_the_stream_continues_it():
    rows = [row("2024-11-27", "1.00", description="首月特惠")]
    rows += monthly(["2024-12-27", "2025-01-27", "2025-02-27", "2025-03-27"], "25.00")
    rows += monthly(["2025-04-27", "2025-05-27"], "37.00", description="价格调整")
    s = only(rows)
    assert s["count"] == 7 and s["amount"] == "37.00" and "price_increase" in s["flags"]
    assert [p["amount"] for p in s["price_history"]] == ["25.00", "37.00"]
    assert s["next_expected"] == "2025-06-27"


def test_upgrade_with_proration_and_two_charges_at_the_new_price():
    rows = monthly(["2024-11-03", "2024-12-03", "2025-01-03", "2025-02-03", "2025-03-03"], "49.00")
    rows.append(row("2025-03-14", "33.33", description="升级补差价"))
    rows += monthly(["2025-04-14", "2025-05-14"], "99.00")
    s = only(rows)
    assert s["count"] == 8 and charges(s, "proration") == [("2025-03-14", "33.33")]
    assert "price_increase" in s["flags"] and s["next_expected"] == "2025-06-14"


def test_income_raise_and_small_first_repayment_raise_no_alarm():
    rows = [
        row(
            f"2024-{m:02d}-10",
            "9000.00",
            "上海云杉信息技术有限公司",
            description="工资",
            direction="income",
            fmt="icbc-debit",
            source="bank.csv",
        )
        for m in range(1, 7)
    ]
    rows += [
        row(
            f"2024-{m:02d}-10",
            "9800.00",
            "上海云杉信息技术有限公司",
            description="工资",
            direction="income",
            fmt="icbc-debit",
            source="bank.csv",
        )
        for m in range(7, 10)
    ]
    (s,) = streams_of(rows)
    assert s["type"] == "income" and s["flags"] == [] and s["count"] == 9


def test_red_packets_are_never_a_plan():
    rows = [
        row(
            d,
            "52.00",
            "陈静",
            description="/",
            category="微信红包",
            source="wx.csv",
            fmt="wechat-csv",
        )
        for d in ("2024-03-01", "2024-03-16", "2024-04-01", "2024-04-16", "2024-05-01")
    ]
    assert streams_of(rows) == []


def test_two_shop_purchases_a_quarter_apart_need_the_exact_same_amount():
    near = [
        row("2024-04-29", "516.71", "小米之家", description="网购订单"),
        row("2024-07-31", "516.65", "小米之家", description="网购订单"),
    ]
    assert streams_of(near) == []
    same = [
        row("2024-04-29", "516.70", "小米之家", description="网购订单"),
        row("2024-07-29", "516.70", "小米之家", description="网购订单"),
    ]
    assert [s["cadence"] for s in streams_of(same)] == ["quarterly"]


def test_biweekly_stream_from_a_friday_with_next_date():
    start = np.datetime64("2024-01-05")
    rows = [
        row(str(start + 14 * i), "45.00", "保洁到家", description="保洁服务-包月自动续费")
        for i in range(10)
    ]
    s = only(rows)
    assert (s["cadence"], s["count"], s["next_expected"]) == ("biweekly", 10, "2024-05-24")
    assert s["anchor"] == "每14天（周五）" and s["next_window_days"] == 2


def test_trailing_proration_moves_the_predicted_renewal_to_its_day():
    rows = monthly(["2024-01-05", "2024-02-05", "2024-03-05"], "199.00")
    rows.append(row("2024-03-18", "87.30", description="升级补差"))
    s = only(rows, as_of=np.datetime64("2024-03-20").astype(object))
    assert charges(s, "proration") == [("2024-03-18", "87.30")]
    assert s["next_expected"] == "2024-04-18" and s["status"] == "active"
    assert "此后可能改在每期18日前后扣费" in s["explanation"]
    # a later regular charge on the old day means no move
    rows.append(row("2024-04-05", "199.00"))
    s = only(rows)
    assert s["next_expected"] == "2024-05-05"


def test_a_pending_purchase_after_the_last_renewal_does_not_move_the_plan():
    rows = monthly(["2024-01-05", "2024-02-05", "2024-03-05"], "199.00")
    rows.append(row("2024-03-18", "87.30", state="pending", description="等待确认收货"))
    s = only(rows, as_of=np.datetime64("2024-03-20").astype(object))
    assert s["next_expected"] == "2024-04-05" and charges(s, "proration") == []


def test_a_plan_taken_up_again_after_half_a_year_is_still_found():
    rows = monthly(["2024-01-08", "2024-02-08", "2024-03-08"], "30.00", counterparty="爱奇艺")
    rows += monthly(["2024-10-08", "2024-11-08", "2024-12-08"], "30.00", counterparty="爱奇艺")
    found = streams_of(rows)
    assert sorted((s["first_date"], s["count"]) for s in found) == [
        ("2024-01-08", 3),
        ("2024-10-08", 3),
    ]
    assert [s["status"] for s in found if s["first_date"] == "2024-01-08"] == ["inactive"]


def test_drifting_usage_amounts_raise_no_price_alarm():
    amounts = ["730.99", "739.99", "756.98", "770.35", "956.48", "789.10", "725.11", "788.47"]
    rows = [
        row(f"2024-{m:02d}-03", a, "武汉慧眼网络科技有限公司", description="云服务")
        for m, a in zip(range(3, 11), amounts, strict=True)
    ]
    s = only(rows, watch=[])
    assert s["variable"] is True and s["flags"] == []
    assert "¥725.11至¥956.48之间" in s["explanation"]


def test_varying_transfers_among_many_are_no_plan_but_a_fixed_monthly_transfer_is():
    rng = np.random.default_rng(4)
    others = [
        row(
            str(np.datetime64("2024-01-01") + int(d)),
            f"{rng.integers(200, 400)}.00",
            "余额宝",
            description="余额宝-转入",
            direction="neutral",
        )
        for d in sorted(rng.choice(np.arange(12, 180, 1), size=14, replace=False))
    ]
    varying = [
        row(
            f"2024-{m:02d}-10",
            f"{1100 + 13 * m}.00",
            "余额宝",
            description="余额宝-转入",
            direction="neutral",
        )
        for m in range(1, 7)
    ]
    assert streams_of(others + varying) == []
    fixed = [
        row(f"2024-{m:02d}-10", "1000.00", "余额宝", description="余额宝-转入", direction="neutral")
        for m in range(1, 7)
    ]
    s = only(others + fixed)
    assert (s["type"], s["cadence"], s["count"]) == ("transfer", "monthly", 6)


def test_repayments_of_widely_varying_amounts_are_one_transfer_stream():
    amounts = [
        "2735.57",
        "1351.90",
        "1220.00",
        "612.18",
        "3021.79",
        "3050.37",
        "2209.76",
        "1441.57",
        "2698.30",
        "2260.66",
    ]
    months = [
        "2024-06",
        "2024-07",
        "2024-08",
        "2024-09",
        "2024-10",
        "2024-11",
        "2024-12",
        "2025-01",
        "2025-02",
        "2025-03",
    ]
    rows = [
        row(f"{m}-10", a, "花呗", description=f"花呗主动还款-{m}账单", direction="neutral")
        for m, a in zip(months, amounts, strict=True)
    ]
    s = only(rows)
    assert (s["type"], s["cadence"], s["count"], s["flags"]) == ("transfer", "monthly", 10, [])


def test_a_skipped_month_is_reported_with_the_day_it_was_due():
    # 15th of each month, Jan-Aug 2025, nothing in April: the schedule expected 2025-04-15.
    dates = [f"2025-{m:02d}-15" for m in (1, 2, 3, 5, 6, 7, 8)]
    (stream,) = streams_of(monthly(dates))
    assert stream["missed"] == 1
    assert stream["missed_dates"] == ["2025-04-15"]


def test_a_regular_stream_has_no_missed_dates():
    (stream,) = streams_of(monthly([f"2025-{m:02d}-15" for m in range(1, 9)]))
    assert stream["missed"] == 0 and stream["missed_dates"] == []
