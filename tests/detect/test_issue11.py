"""Cadences every n months, n-th weekday, working-day shifts, usage bills, seats, arrears causes,
organisation purchases and the words used for income and transfers (issues 10 and 11)."""

from __future__ import annotations

from datetime import date, timedelta

from qiake_auditor.detect.scan import ScanSettings, scan

from .ledgers import ledger, monthly, row


def streams_of(rows, **settings) -> list[dict]:
    return scan(ledger(rows), ScanSettings(**settings))["streams"]


def only(rows, **settings) -> dict:
    found = streams_of(rows, **settings)
    assert len(found) == 1, [(s["merchant"], s["cadence"], s["amount"], s["count"]) for s in found]
    return found[0]


def month_ends(first: tuple[int, int], count: int) -> list[date]:
    year, month = first
    out = []
    for _ in range(count):
        nxt = date(year + month // 12, month % 12 + 1, 1)
        out.append(nxt - timedelta(days=1))
        year, month = nxt.year, nxt.month
    return out


def test_usage_bill_at_month_end_is_one_usage_stream_beside_the_fixed_plan():
    amounts = [
        "12.00",
        "47.50",
        "90.00",
        "23.10",
        "66.00",
        "31.40",
        "85.20",
        "18.00",
        "54.30",
        "72.90",
    ]
    rows = [
        row(d.isoformat(), a, "洽客科技", description="洽客短信通知服务费")
        for d, a in zip(month_ends((2024, 3), 10), amounts, strict=True)
    ]
    rows += monthly(
        [f"2024-{m:02d}-12" for m in range(3, 13)],
        "29.00",
        counterparty="洽客科技",
        description="洽客CRM基础版 连续包月",
    )
    found = streams_of(rows)
    assert len(found) == 2, [(s["cadence"], s["amount"], s["type"]) for s in found]
    usage = next(s for s in found if s["type"] == "usage")
    plan = next(s for s in found if s is not usage)
    assert usage["count"] == 10 and usage["cadence"] == "monthly"
    assert plan["type"] == "subscription" and plan["count"] == 10
    assert usage["usage"]["low"] == "12.00" and usage["usage"]["high"] == "90.00"
    assert usage["usage"]["median"] == "50.90"
    assert "按用量计费" in usage["explanation_zh"] and "2024-03-31" in usage["explanation_zh"]
    assert "billed by use" in usage["explanation_en"]
    assert "per month" in usage["explanation_en"]
    watched = [c for c in usage["charges"] if c["cause"]]
    assert watched and {c["cause"] for c in watched} == {"usage_settlement"}


def test_usage_bill_with_zero_months_stays_one_stream():
    ends = month_ends((2024, 1), 12)
    amounts = [
        "35.00",
        "12.00",
        None,
        "80.00",
        "44.40",
        None,
        "61.00",
        "15.50",
        "90.00",
        "27.00",
        "58.80",
        "39.90",
    ]
    rows = [
        row(d.isoformat(), a, "洽客科技", description="洽客短信通知服务费")
        for d, a in zip(ends, amounts, strict=True)
        if a
    ]
    s = only(rows)
    assert s["type"] == "usage" and s["count"] == 10 and s["cadence"] == "monthly"


def test_every_two_months_bill_is_bimonthly_with_a_prediction():
    dates = ["2024-01-18", "2024-03-18", "2024-05-17", "2024-07-18", "2024-09-18", "2024-11-18"]
    s = only(
        monthly(
            dates,
            "118.00",
            counterparty="中国电信股份有限公司深圳分公司",
            description="宽带费 两个月",
        ),
        as_of=date(2024, 12, 1),
    )
    assert s["cadence"] == "bimonthly" and s["count"] == 6
    assert s["next_expected"] == "2025-01-18"
    assert "每两个月" in s["explanation_zh"] and "every 2 months" in s["explanation_en"]


def test_every_four_months():
    dates = ["2023-02-10", "2023-06-10", "2023-10-10", "2024-02-10", "2024-06-10"]
    s = only(monthly(dates, "360.00", counterparty="某某云服务", description="云存储"))
    assert s["cadence"] == "fourmonthly"


def test_second_tuesday_of_each_month():
    # second Tuesdays of 2024-01 .. 2024-08
    dates = [
        "2024-01-09",
        "2024-02-13",
        "2024-03-12",
        "2024-04-09",
        "2024-05-14",
        "2024-06-11",
        "2024-07-09",
        "2024-08-13",
    ]
    s = only(
        monthly(dates, "68.00", counterparty="某会员俱乐部", description="月度会员"),
        as_of=date(2024, 8, 20),
    )
    assert s["cadence"] == "monthly_weekday"
    assert s["anchor"] == "每月第二个星期二"
    assert s["next_expected"] == "2024-09-10"


def test_bank_debit_moved_to_the_next_working_day_at_the_spring_festival():
    # due on the 1st; 2025-02-01 is in the Spring Festival break -> 02-05;
    # 2025-03-01 is a Saturday -> 03-03; 2025-06-01 a Sunday (and holiday) -> 06-03
    dates = [
        "2024-11-01",
        "2024-12-02",
        "2025-01-02",
        "2025-02-05",
        "2025-03-03",
        "2025-04-01",
        "2025-05-06",
        "2025-06-03",
        "2025-07-01",
    ]
    rows = monthly(
        dates,
        "88.00",
        counterparty="某保险公司",
        description="代扣保费",
        source="icbc.csv",
        fmt="icbc-debit",
        method="工商银行(1111)",
    )
    s = only(rows, as_of=date(2025, 7, 15))
    assert s["cadence"] == "monthly" and s["count"] == 9
    assert "工作日" in s["anchor"]
    assert s["next_expected"] == "2025-08-01"
    late = scan(ledger(rows), ScanSettings(as_of=date(2025, 9, 20)))["streams"][0]
    assert late["next_expected"] in ("2025-10-09", None)


def test_two_seats_same_price_different_phases_are_two_monthly_streams():
    seat_a = [f"2024-{m:02d}-05" for m in range(2, 12)]
    seat_b = [f"2024-{m:02d}-19" for m in range(4, 9)]
    found = streams_of(monthly(seat_a + seat_b, "199.00"))
    assert sorted((s["cadence"], s["count"]) for s in found) == [("monthly", 5), ("monthly", 10)]


def test_three_seats_and_a_repriced_seat():
    seat_a = [f"2024-{m:02d}-05" for m in range(1, 11)]
    seat_b = [f"2024-{m:02d}-12" for m in range(3, 9)]
    seat_c = [f"2024-{m:02d}-22" for m in range(2, 7)]
    rows = monthly(seat_a + seat_b, "199.00") + monthly(seat_c[:3], "199.00")
    rows += monthly([*seat_c[3:], "2024-07-22", "2024-08-22"], "249.00")
    found = streams_of(rows)
    assert sorted((s["cadence"], s["count"]) for s in found) == [
        ("monthly", 6),
        ("monthly", 3 + 4),
        ("monthly", 10),
    ]
    repriced = next(s for s in found if s["count"] == 7)
    assert [p["amount"] for p in repriced["price_history"]] == ["199.00", "249.00"]


def test_semimonthly_when_both_phases_start_and_stop_together():
    dates = [f"2024-{m:02d}-{d:02d}" for m in range(1, 7) for d in (1, 15)]
    s = only(monthly(dates, "50.00", counterparty="某健身房", description="私教课 自动续费"))
    assert s["cadence"] == "semimonthly"


def test_arrears_after_failed_attempts_names_the_dates():
    rows = monthly([f"2023-{m:02d}-06" for m in range(1, 5)], "199.00")
    rows += [
        row("2023-05-06", "199.00", state="closed"),
        row("2023-05-07", "199.00", state="closed"),
        row("2023-05-08", "199.00"),
    ]
    rows += monthly(["2023-06-06", "2023-07-06"], "199.00")
    s = only(rows, watch=["洽客"])
    charge = next(c for c in s["charges"] if c["date"] == "2023-05-08")
    assert charge["cause"] == "arrears_recovery"
    assert "2023-05-06、05-07" in charge["cause_reason"] and "05-08" in charge["cause_reason"]
    assert "2023-05-06" in charge["cause_reason_en"]


def test_arrears_retries_across_a_month_end_before_the_scheduled_day():
    rows = monthly(["2023-01-02", "2023-02-02", "2023-03-02"], "199.00")
    rows += [
        row("2023-03-31", "199.00", state="failed"),
        row("2023-04-01", "199.00", state="failed"),
        row("2023-04-04", "199.00"),
    ]
    rows += monthly(["2023-05-02", "2023-06-02"], "199.00")
    s = only(rows, watch=["洽客"])
    charge = next(c for c in s["charges"] if c["date"] == "2023-04-04")
    assert charge["cause"] == "arrears_recovery"


def test_double_charge_after_a_gap_uses_the_price_in_force_then():
    rows = monthly([f"2023-{m:02d}-10" for m in range(1, 8)], "199.00")
    rows += [row("2023-09-10", "398.00")]  # no charge in 2023-08
    rows += monthly(["2023-10-10", "2023-11-10", "2023-12-10", "2024-01-10"], "249.00")
    s = only(rows, watch=["洽客"])
    charge = next(c for c in s["charges"] if c["date"] == "2023-09-10")
    assert charge["cause"] == "arrears_recovery"
    assert "¥199.00" in charge["cause_reason"] and "2023-08" in charge["cause_reason"]
    assert "twice the ¥199.00 price then in force" in charge["cause_reason_en"]
    assert "2023-08" in charge["cause_reason_en"]


def test_three_periods_at_once():
    rows = monthly([f"2023-{m:02d}-10" for m in range(1, 6)], "99.00")
    rows += [row("2023-08-10", "297.00")]
    rows += monthly(["2023-09-10", "2023-10-10", "2023-11-10"], "99.00")
    s = only(rows, watch=["洽客"])
    charge = next(c for c in s["charges"] if c["date"] == "2023-08-10")
    assert charge["cause"] == "arrears_recovery"
    assert "3倍" in charge["cause_reason"] and "three times" in charge["cause_reason_en"]


def test_company_account_on_the_statement_is_an_organisation_purchase():
    rows = monthly([f"2024-{m:02d}-10" for m in range(1, 7)], "199.00", method="对公账户(8888)")
    s = only(rows, watch=["洽客"])
    assert {c["cause"] for c in s["charges"] if c["cause"]} == {"organisation_purchase"}
    reason = s["charges"][0]["cause_reason"]
    assert "对公" in reason and "8888" in reason


def test_income_and_transfers_are_not_described_as_charges():
    salary = [
        row(
            f"2024-{m:02d}-10",
            f"{8000 + m * 13}.00",
            "某某科技有限公司",
            description="工资",
            direction="income",
        )
        for m in range(1, 13)
    ]
    rent = monthly(
        [f"2024-{m:02d}-01" for m in range(1, 13)],
        "3200.00",
        counterparty="张三",
        description="转账-房租",
    )
    found = streams_of(salary + rent)
    income = next(s for s in found if s["type"] == "income")
    assert "扣费" not in income["explanation_zh"] and "收入" in income["explanation_zh"]
    assert "charge" not in income["explanation_en"]
    other = next(s for s in found if s is not income)
    assert other["type"] in ("transfer", "bill")
    assert "扣费" not in other["explanation_zh"]
    assert "charge" not in other["explanation_en"]
