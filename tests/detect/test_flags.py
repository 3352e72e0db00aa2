"""Flags and causes: after_cancellation, watchlist, organisation purchase, arrears."""

from __future__ import annotations

from datetime import date

from qiake_auditor.detect.scan import ScanSettings, scan

from .ledgers import ledger, monthly, row


def test_h15_charge_after_user_cancellation_is_flagged_with_both_dates():
    rows = [
        row("2024-03-15", "2980.00", description="洽客CRM 年付"),
        row("2025-03-14", "2980.00", description="洽客CRM 年付"),
    ]
    out = scan(ledger(rows), ScanSettings(cancellations={"洽客科技": date(2025, 2, 20)}))
    (s,) = out["streams"]
    assert s["status"] == "cancelled" and "after_cancellation" in s["flags"]
    late = [c for c in s["charges"] if "after_cancellation" in c["flags"]]
    assert [c["date"] for c in late] == ["2025-03-14"]
    assert "2025-02-20" in s["explanation"] and "2025-03-14" in s["explanation"]
    assert "2025-02-20" in s["explanation_en"]
    flagged = {(f["source_row"], tuple(f["flags"])) for f in out["flagged"]}
    assert (3, ("after_cancellation", "watchlist")) in flagged


def test_cancellation_without_later_charge_has_no_flag_and_no_prediction():
    rows = monthly(["2024-01-10", "2024-02-10", "2024-03-10"], counterparty="爱奇艺")
    out = scan(ledger(rows), ScanSettings(cancellations={"爱奇艺": date(2024, 3, 20)}))
    (s,) = out["streams"]
    assert s["status"] == "cancelled" and s["next_expected"] is None
    assert "after_cancellation" not in s["flags"]


def test_watchlist_flags_a_single_charge_outside_any_stream():
    rows = [
        row("2024-05-02", "88.00", "深圳洽客科技有限公司", description="洽客短信包"),
        row("2024-05-03", "12.00", "便利蜂", description="早餐"),
    ]
    out = scan(ledger(rows), ScanSettings())
    assert out["streams"] == []
    assert [(f["source_row"], f["flags"], f["stream"]) for f in out["flagged"]] == [
        (2, ["watchlist"], None)
    ]
    assert out["flagged"][0]["cause"] == "new_purchase_or_upgrade"


def test_watchlist_is_editable():
    rows = [
        row("2024-05-02", "88.00", "深圳洽客科技有限公司"),
        row("2024-05-03", "30.00", "钉钉", description="钉钉专业版"),
    ]
    out = scan(ledger(rows), ScanSettings(watch=["钉钉"]))
    assert [f["source_row"] for f in out["flagged"]] == [3]


def test_organisation_method_is_the_cause():
    rows = monthly(["2024-01-10", "2024-02-10", "2024-03-10"], method="公司招商银行(8888)")
    out = scan(ledger(rows), ScanSettings(org_methods={"公司招商银行(8888)"}))
    causes = {c["cause"] for c in out["streams"][0]["charges"]}
    assert causes == {"organisation_purchase"}


def test_a_charge_covering_two_periods_is_arrears_recovery():
    rows = monthly(
        ["2024-01-10", "2024-02-10", "2024-03-10", "2024-04-10", "2024-06-10"],
        counterparty="爱奇艺",
        description="VIP",
    )
    rows.insert(4, row("2024-05-12", "398.00", "爱奇艺", description="VIP 补扣"))
    rows.append(row("2024-07-10", "199.00", "爱奇艺", description="VIP"))
    out = scan(ledger(rows), ScanSettings(watch=["爱奇艺"]))
    (s,) = out["streams"]
    double = next(c for c in s["charges"] if c["date"] == "2024-05-12")
    assert double["cause"] == "arrears_recovery" and "unusual_amount" in double["flags"]


def test_habit_rows_are_not_flagged_when_not_watched():
    rows = [row(f"2024-01-{d:02d}", "9.90", "瑞幸咖啡", description="拿铁") for d in range(1, 29)]
    out = scan(ledger(rows), ScanSettings())
    assert out["streams"] == [] and out["flagged"] == []


def test_each_unusual_cause_has_its_own_reason_in_the_explanation():
    rows = monthly(["2024-01-10", "2024-02-10", "2024-03-10"])
    rows += [row("2024-04-10", "199.00", state="failed"), row("2024-04-12", "199.00")]
    rows += monthly(["2024-05-10", "2024-06-10"], "249.00")
    (s,) = scan(ledger(rows), ScanSettings())["streams"]
    retry = next(c for c in s["charges"] if c["date"] == "2024-04-12")
    assert retry["cause"] == "arrears_recovery"
    assert retry["cause_reason"] == "2024-04-10 一次扣款失败后，04-12 补扣成功¥199.00"
    rise = next(c for c in s["charges"] if c["date"] == "2024-05-10")
    assert rise["cause_reason_en"] == "the price rose to ¥249.00"
    assert "2024-04-12的扣费最可能的原因：扣款失败后的补扣或一次补收多期" in s["explanation"]
    assert "（价格升至¥249.00）" in s["explanation"]
    assert "(on day 10 each month)" in s["explanation_en"]


def test_new_merchant_is_flagged_on_its_first_charge_only_after_some_history():
    history = [row(f"2024-01-{d:02d}", "12.00", "便利蜂", description="早餐") for d in (3, 9)]
    rows = history + monthly(
        ["2024-04-20", "2024-05-20", "2024-06-20"],
        "88.00",
        counterparty="杭州新橙科技有限公司",
        description="会员",
    )
    (s,) = scan(ledger(rows), ScanSettings())["streams"]
    first = [c for c in s["charges"] if "new_merchant" in c["flags"]]
    assert [c["date"] for c in first] == ["2024-04-20"]
    assert first[0]["cause"] == "new_purchase_or_upgrade"
    (s,) = scan(ledger(rows[2:]), ScanSettings())["streams"]  # no history before it
    assert "new_merchant" not in s["flags"]
