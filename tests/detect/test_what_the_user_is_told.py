"""What a stream tells the user holds on the as-of date: no next date or cancel-by date
once cancelled, no next date in the past, rent to a person is a transfer, a cancellation
names one merchant key, a renewal resumed after a pause is not arrears, trend labels."""

from __future__ import annotations

from datetime import date

from qiake_auditor.detect.scan import ScanSettings, scan
from qiake_auditor.vocab import Trend

from .ledgers import ledger, monthly, row


def streams_of(rows, **settings) -> list[dict]:
    return scan(ledger(rows), ScanSettings(**settings))["streams"]


def only(rows, **settings) -> dict:
    found = streams_of(rows, **settings)
    assert len(found) == 1, [(s["merchant"], s["cadence"], s["count"]) for s in found]
    return found[0]


def test_a_cancelled_annual_plan_charged_again_gets_no_next_date_and_no_cancel_by():
    rows = [
        row("2023-11-30", "1980.00", description="洽客CRM 年付 自动续费"),
        row("2024-11-30", "1980.00", description="洽客CRM 年付 自动续费"),
    ]
    s = only(rows, cancellations={"洽客科技": date(2024, 6, 20)}, as_of=date(2024, 12, 1))
    assert s["status"] == "cancelled" and "after_cancellation" in s["flags"]
    assert s["next_expected"] is None and s["cancel_by"] is None
    assert "前取消" not in s["explanation_zh"] and "预计下次" not in s["explanation_zh"]
    assert "cancel by" not in s["explanation_en"] and "expected" not in s["explanation_en"]
    assert "2024-06-20" in s["explanation_zh"] and "2024-11-30" in s["explanation_zh"]


def test_the_same_plan_not_cancelled_gets_both_dates():
    rows = [
        row("2023-11-30", "1980.00", description="洽客CRM 年付 自动续费"),
        row("2024-11-30", "1980.00", description="洽客CRM 年付 自动续费"),
    ]
    s = only(rows, as_of=date(2024, 12, 1))
    assert s["next_expected"] == "2025-11-30" and s["cancel_by"] == "2025-11-23"
    assert "请在2025-11-23前取消" in s["explanation_zh"]


def test_a_cancel_by_date_is_never_before_the_as_of_date():
    rows = [
        row("2023-12-05", "1980.00", description="洽客CRM 年付 自动续费"),
        row("2024-12-05", "1980.00", description="洽客CRM 年付 自动续费"),
    ]
    s = only(rows, as_of=date(2025, 12, 2))  # renewal in 3 days, notice period 7
    assert s["next_expected"] == "2025-12-05" and s["cancel_by"] == "2025-12-02"


def test_a_monthly_plan_charged_after_cancellation_expects_nothing_more():
    dates = [f"2024-{m:02d}-12" for m in range(1, 12)]
    s = only(monthly(dates, "29.00"), cancellations={"洽客": date(2024, 6, 20)})
    late = [c["date"] for c in s["charges"] if "after_cancellation" in c["flags"]]
    assert late == dates[6:]
    assert s["next_expected"] is None and s["next_window_days"] is None


def test_a_scheduled_day_just_passed_is_due_not_next():
    dates = [f"2024-{m:02d}-10" for m in range(1, 6)]
    s = only(monthly(dates), as_of=date(2024, 6, 12))  # within the tolerance
    assert s["next_expected"] is None and s["due"] == "2024-06-10"
    assert s["status"] == "overdue" and "overdue" not in s["flags"]  # no alarm yet
    assert "本应于2024-06-10" in s["explanation_zh"] and "尚未出现" in s["explanation_zh"]
    assert "has not appeared yet" in s["explanation_en"]
    s = only(monthly(dates), as_of=date(2024, 6, 10))
    assert s["status"] == "active" and s["next_expected"] == "2024-06-10" and s["due"] is None


def test_rent_paid_to_a_person_is_a_transfer_without_causes_even_when_watched():
    rent = [
        row(
            f"2024-{m:02d}-05",
            "4500.00",
            "李建国",
            description="房租",
            fmt="icbc-debit",
            source="bank.csv",
        )
        for m in range(1, 13)
    ]
    s = only(rent, watch=["李建国"])
    assert s["type"] == "transfer"
    assert "扣费" not in s["explanation_zh"] and "转账" in s["explanation_zh"]
    assert "charge" not in s["explanation_en"]
    assert all(c["cause"] is None for c in s["charges"])
    assert all("watchlist" in c["flags"] for c in s["charges"])


def test_rent_to_a_company_stays_a_bill():
    rent = monthly(
        [f"2024-{m:02d}-05" for m in range(1, 9)],
        "4500.00",
        counterparty="上海安居物业管理有限公司",
        description="房租",
    )
    assert only(rent)["type"] == "bill"


def _two_merchants():
    qiake = monthly([f"2024-{m:02d}-12" for m in range(1, 10)], "29.00")
    shop = monthly(
        [f"2024-{m:02d}-20" for m in range(1, 10)],
        "68.00",
        counterparty="洽客隆商贸有限公司",
        description="洽客隆会员-连续包月",
    )
    return qiake + shop


def test_a_cancellation_of_one_merchant_does_not_reach_a_longer_name_containing_it():
    found = {s["merchant"]: s for s in streams_of(_two_merchants(), watch=[])}
    assert set(found) == {"深圳洽客科技有限公司", "洽客隆商贸有限公司"}
    found = {
        s["merchant"]: s
        for s in streams_of(_two_merchants(), cancellations={"洽客": date(2024, 6, 1)}, watch=[])
    }
    assert found["深圳洽客科技有限公司"]["status"] == "cancelled"
    assert "after_cancellation" in found["深圳洽客科技有限公司"]["flags"]
    other = found["洽客隆商贸有限公司"]
    assert other["status"] == "active" and other["cancelled_on"] is None
    assert "after_cancellation" not in other["flags"]


def test_a_cancellation_of_the_longer_name_does_not_reach_the_shorter_one():
    out = scan(
        ledger(_two_merchants()),
        ScanSettings(cancellations={"洽客隆商贸有限公司": date(2024, 6, 1)}, watch=[]),
    )
    found = {s["merchant"]: s for s in out["streams"]}
    assert found["洽客隆商贸有限公司"]["status"] == "cancelled"
    assert found["深圳洽客科技有限公司"]["cancelled_on"] is None
    assert "after_cancellation" not in found["深圳洽客科技有限公司"]["flags"]
    late = [f for f in out["flagged"] if "after_cancellation" in f["flags"]]
    assert {f["stream"] for f in late} == {found["洽客隆商贸有限公司"]["id"]}


def test_a_cancellation_under_another_printing_of_the_same_company_applies():
    rows = monthly([f"2024-{m:02d}-12" for m in range(1, 10)], "29.00")
    s = only(rows, cancellations={"深圳市洽客科技有限公司": date(2024, 6, 1)})
    assert s["status"] == "cancelled" and "after_cancellation" in s["flags"]


def test_a_renewal_resumed_after_a_pause_at_the_usual_price_is_not_arrears():
    dates = ["2024-01-05", "2024-02-05", "2024-03-05", "2024-04-05"]
    dates += ["2024-07-05", "2024-08-05", "2024-09-05"]
    s = only(monthly(dates, "59.00", counterparty="爱奇艺"), watch=["爱奇艺"])
    resumed = next(c for c in s["charges"] if c["date"] == "2024-07-05")
    assert resumed["cause"] == "auto_renewal"
    assert "2024-05、2024-06未扣费后" in resumed["cause_reason"]
    assert "并非补收" in resumed["cause_reason"]
    assert "after no charge in 2024-05, 2024-06" in resumed["cause_reason_en"]
    assert "not a recovery" in resumed["cause_reason_en"]
    ordinary = next(c for c in s["charges"] if c["date"] == "2024-08-05")
    assert ordinary["cause"] == "auto_renewal" and "未扣费" not in ordinary["cause_reason"]


def test_two_periods_after_a_pause_are_arrears_naming_the_gap():
    rows = monthly([f"2024-{m:02d}-05" for m in range(1, 6)], "59.00", counterparty="爱奇艺")
    rows += [row("2024-07-05", "118.00", "爱奇艺")]  # nothing in 2024-06
    rows += monthly(["2024-08-05", "2024-09-05"], "59.00", counterparty="爱奇艺")
    s = only(rows, watch=["爱奇艺"])
    charge = next(c for c in s["charges"] if c["date"] == "2024-07-05")
    assert charge["cause"] == "arrears_recovery"
    assert "2倍" in charge["cause_reason"] and "2024-06未扣费" in charge["cause_reason"]


def test_usage_trend_is_a_declared_value_with_its_label_in_both_texts():
    amounts = ["12.00", "15.00", "14.00", "18.00", "40.00", "55.00", "62.00", "90.00"]
    rows = [
        row(f"2024-{m:02d}-28", a, "洽客科技", description="洽客短信通知服务费")
        for m, a in zip(range(1, 9), amounts, strict=True)
    ]
    s = only(rows)
    assert s["type"] == "usage" and s["usage"]["trend"] == "rising"
    assert Trend(s["usage"]["trend"]) is Trend.RISING
    assert f"趋势{Trend.RISING.label('zh')}" in s["explanation_zh"]
    assert f"trend {Trend.RISING.label('en')}" in s["explanation_en"]


def test_a_catalogued_brand_takes_its_product_names_but_not_a_longer_name():
    from qiake_auditor.detect.normalize import canonical_key

    for printed in ("洽客CRM", "洽客科技-短信", "深圳市洽客科技有限公司", "支付宝-深圳洽客"):
        assert canonical_key(printed) == "洽客", printed
    assert canonical_key("爱奇艺会员") == canonical_key("爱奇艺")
    assert canonical_key("洽客隆商贸有限公司") == "洽客隆"
    assert canonical_key("洽客隆超市") not in ("洽客", "洽客隆")


def test_a_fixed_monthly_bank_transfer_to_a_person_is_a_transfer_not_a_subscription():
    rows = [
        row(
            f"2024-{m:02d}-03",
            "1500.00",
            "王秀英",
            description="手机银行",
            category="网转",
            fmt="icbc-debit",
            source="bank.csv",
        )
        for m in range(1, 10)
    ]
    s = only(rows)
    assert s["type"] == "transfer" and "扣费" not in s["explanation_zh"]


def test_arrears_as_the_second_charge_of_a_plan_after_a_gap():
    rows = monthly(["2024-01-10"], "99.00", counterparty="爱奇艺")
    rows += [row("2024-03-10", "198.00", "爱奇艺")]  # nothing in 2024-02
    rows += monthly([f"2024-{m:02d}-10" for m in range(4, 11)], "99.00", counterparty="爱奇艺")
    s = only(rows, watch=["爱奇艺"])
    charge = next(c for c in s["charges"] if c["date"] == "2024-03-10")
    assert charge["cause"] == "arrears_recovery"
    assert "¥99.00的2倍" in charge["cause_reason"] and "2024-02未扣费" in charge["cause_reason"]


def test_a_second_charge_at_twice_the_first_that_stays_there_is_a_new_price():
    rows = monthly(["2024-01-10"], "99.00", counterparty="爱奇艺")
    rows += monthly([f"2024-{m:02d}-10" for m in range(2, 9)], "198.00", counterparty="爱奇艺")
    s = only(rows, watch=["爱奇艺"])
    assert all(c["cause"] != "arrears_recovery" for c in s["charges"])
