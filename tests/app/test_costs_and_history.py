"""Monthly and yearly cost of the subscriptions still charging, a case's price history
and failed attempts, and the list of dismissed streams (figures checked by hand)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from qiake_auditor.app import Audit
from qiake_auditor.app.case_history import attempts, price_changes, price_history
from qiake_auditor.app.costs import recurring_cost, still_charging
from qiake_auditor.app.demo import demo_files, open_demo
from qiake_auditor.vocab import Role


def _stream(**fields) -> dict:
    base = {"type": "subscription", "status": "active", "flags": [], "currency": "CNY"}
    return base | fields


def test_cost_counts_only_subscriptions_still_charging():
    streams = [
        _stream(cadence="monthly", amount="25.00"),  # 300 a year
        _stream(
            cadence="annual", amount="1980.00", status="cancelled", flags=["after_cancellation"]
        ),
        _stream(cadence="monthly", amount="199.00", status="cancelled"),  # stopped: out
        _stream(cadence="weekly", amount="10.00", status="overdue"),  # 520 a year
        _stream(cadence="irregular", amount="5.00"),  # no cost per period: out
        _stream(cadence="monthly", amount="4500.00", type="bill"),  # rent: not a subscription
        _stream(cadence="monthly", amount="9.99", currency="USD"),
    ]
    cost = recurring_cost(streams)
    assert cost.subscriptions == 4
    assert cost.yearly == {"CNY": Decimal("2800.00"), "USD": Decimal("119.88")}
    assert cost.monthly == {"CNY": Decimal("233.33"), "USD": Decimal("9.99")}
    assert not still_charging(streams[2])


def test_the_demo_costs_219_a_month_and_2628_a_year(tmp_path):
    audit, _ = open_demo(tmp_path / "demo.sqlite")
    with audit:
        snapshot = audit.snapshot()
        cost = snapshot.recurring_cost()
        # 腾讯视频 25 x 12 + 洽客 29 x 12 + 洽客 1,980 yearly, both charged after the cancellation
        assert cost.subscriptions == 3
        assert cost.yearly == {"CNY": Decimal("2628.00")}
        assert cost.monthly == {"CNY": Decimal("219.00")}
        qiake = next(c for c in snapshot.cases if "洽客" in c.merchant)
        assert qiake.recurring_cost.yearly == {"CNY": Decimal("2328.00")}


def test_price_history_and_attempts_of_a_case():
    case = SimpleNamespace(
        streams=[
            {
                "merchant": "某会员",
                "currency": "CNY",
                "price_history": [
                    {"from": "2024-01-05", "amount": "15.00", "count": 6},
                    {"from": "2024-07-05", "amount": "25.00", "count": 4},
                ],
                "charges": [
                    {
                        "date": "2024-08-05",
                        "amount": "25.00",
                        "state": "failed",
                        "role": "retry",
                        "source": "a.csv",
                        "source_row": 12,
                    },
                    {
                        "date": "2024-08-08",
                        "amount": "25.00",
                        "state": "success",
                        "role": "charge",
                        "source": "a.csv",
                        "source_row": 13,
                    },
                    {
                        "date": "2024-03-05",
                        "amount": "15.00",
                        "state": "closed",
                        "role": "failed",
                        "source": "a.csv",
                        "source_row": 7,
                    },
                ],
            }
        ]
    )
    steps = price_history(case)
    assert [(s.since, s.amount, s.charges, s.change) for s in steps] == [
        (date(2024, 1, 5), Decimal("15.00"), 6, None),
        (date(2024, 7, 5), Decimal("25.00"), 4, Decimal("10.00")),
    ]
    assert price_changes(case) == 1
    tried = attempts(case)
    assert [(a.date, a.role, a.source_row) for a in tried] == [
        (date(2024, 3, 5), Role.FAILED, 7),
        (date(2024, 8, 5), Role.RETRY, 12),
    ]


@pytest.fixture
def audit(tmp_path):
    with Audit.open(tmp_path / "w.sqlite") as opened:
        opened.import_files(demo_files())
        yield opened


def test_dismissed_streams_say_what_they_were_and_one_is_restored(audit):
    streams = {s["merchant"]: s for s in audit.snapshot().streams}
    video, mobile = streams["腾讯视频"], streams["中国移动"]
    audit.dismiss(video["id"], stream=video)
    audit.dismiss(mobile["id"], stream=mobile)
    audit.dismiss("s-old-decision")  # stored before descriptions: listed by its id
    listed = audit.dismissed_streams()
    assert [(s.id, s.merchant, s.cadence, s.amount) for s in listed] == [
        ("s-old-decision", "", "", ""),
        (mobile["id"], "中国移动", "monthly", "100.00"),
        (video["id"], "腾讯视频", "monthly", "25.00"),
    ]
    audit.dismiss(mobile["id"], undo=True)
    shown = {s["id"] for s in audit.snapshot().streams}
    assert mobile["id"] in shown and video["id"] not in shown
