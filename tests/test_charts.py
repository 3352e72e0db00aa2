"""Charts from the scan dict: bars per charge, price steps, cancellation line, CJK text, PNG."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from matplotlib.colors import to_hex

from qiake_auditor import charts


def charge(day: str, amount: str, state: str = "success", flags=(), row: int = 2) -> dict:
    return {
        "source": "支付宝.csv",
        "source_row": row,
        "txn_id": f"t{row}",
        "date": day,
        "amount": amount,
        "state": state,
        "flags": list(flags),
        "cause": None,
    }


QIAKE = {
    "id": "qiake",
    "merchant": "深圳洽客科技有限公司",
    "names": ["洽客科技"],
    "type": "subscription",
    "cadence": "monthly",
    "currency": "CNY",
    "amount": "299.00",
    "count": 6,
    "total": "1594.00",
    "net_total": "1295.00",
    "first_date": "2025-03-15",
    "last_date": "2025-08-15",
    "next_expected": "2025-09-15",
    "status": "active",
    "confidence": 0.9,
    "flags": ["after_cancellation", "price_increase"],
    "explanation": "",
    "charges": [
        charge("2025-03-15", "199.00", row=2),
        charge("2025-04-15", "199.00", row=3),
        charge("2025-05-15", "299.00", row=4),
        charge("2025-06-15", "299.00", "refunded", row=5),
        charge("2025-07-15", "299.00", flags=["after_cancellation"], row=6),
        charge("2025-08-15", "299.00", flags=["after_cancellation"], row=7),
    ],
}


def test_timeline_has_one_bar_per_charge_coloured_by_state():
    figure = charts.stream_timeline(QIAKE, cancelled_on="2025-06-20")
    axes = figure.axes[0]
    bars = axes.containers[0]
    assert len(bars) == 6
    assert [b.get_height() for b in bars] == [199.0, 199.0, 299.0, 299.0, 299.0, 299.0]
    colours = [to_hex(b.get_facecolor()) for b in bars]
    assert colours[:3] == [charts.STATE_COLOURS["success"]] * 3
    assert colours[3] == charts.STATE_COLOURS["refunded"]
    assert colours[4:] == [charts.AFTER_CANCEL_COLOUR] * 2
    assert "深圳洽客科技有限公司" in axes.get_title(loc="left")


def test_timeline_marks_the_cancellation_and_the_price_step():
    figure = charts.stream_timeline(QIAKE, cancelled_on="2025-06-20")
    axes = figure.axes[0]
    vertical = [line for line in axes.lines if line.get_linestyle() == "--"]
    assert len(vertical) == 1
    assert vertical[0].get_xdata()[0] == date(2025, 6, 20)
    texts = [t.get_text() for t in axes.texts]
    # The amount is written where the price starts and where it changes, not on every bar.
    assert [t for t in texts if t[:1].isdigit()] == ["199.00", "299.00"]
    assert any("2025-06-20" in t for t in texts)


def test_charts_render_chinese_to_png_without_warnings(tmp_path):
    assert charts.cjk_family() is not None  # scripts/setup installs a CJK font
    timeline = charts.save(charts.stream_timeline(QIAKE, "2025-06-20"), tmp_path / "t.png")
    overview = charts.save(charts.overview({"streams": [QIAKE]}), tmp_path / "o.png")
    svg = charts.save(charts.overview({"streams": [QIAKE]}), tmp_path / "o.svg")
    for path in (timeline, overview):
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_monthly_totals_are_exact_and_net_of_refund_rows():
    stream = dict(QIAKE, charges=[*QIAKE["charges"], charge("2025-08-20", "100.00", "refund")])
    totals = charts.monthly_totals(stream)
    # refunded (money came back) counts nothing; a refund row is subtracted in its month.
    assert totals == {
        "2025-03": Decimal("199.00"),
        "2025-04": Decimal("199.00"),
        "2025-05": Decimal("299.00"),
        "2025-07": Decimal("299.00"),
        "2025-08": Decimal("199.00"),
    }


def test_overview_stacks_months_of_each_stream_and_handles_no_streams():
    other = dict(
        QIAKE,
        id="iq",
        merchant="爱奇艺",
        flags=[],
        net_total="50.00",
        charges=[charge("2025-07-03", "25.00"), charge("2025-08-03", "25.00")],
    )
    figure = charts.overview({"streams": [other, QIAKE]})
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == [
        "2025-03",
        "2025-04",
        "2025-05",
        "2025-07",
        "2025-08",
    ]
    first, second = axes.containers  # sorted by net total: 洽客 first
    assert [b.get_height() for b in first] == [199.0, 199.0, 299.0, 299.0, 299.0]
    assert [b.get_height() for b in second] == [0.0, 0.0, 0.0, 25.0, 25.0]
    assert [b.get_y() for b in second][3:] == [299.0, 299.0]
    empty = charts.overview({"streams": []}).axes[0]
    assert "no recurring charges" in empty.texts[0].get_text()


def test_timeline_without_charges_says_so():
    axes = charts.stream_timeline(dict(QIAKE, charges=[])).axes[0]
    assert axes.texts[0].get_text() == "没有扣款记录 no charges"


def test_overview_leaves_out_income_and_keeps_month_labels_apart():
    salary = dict(
        QIAKE,
        id="pay",
        merchant="上海云杉信息技术有限公司",
        type="income",
        direction="income",
        flags=[],
        net_total="333000.00",
        charges=[charge(f"2024-{m:02d}-10", "18500.00") for m in range(1, 13)]
        + [charge(f"2025-{m:02d}-10", "18500.00") for m in range(1, 7)],
    )
    figure = charts.overview({"streams": [salary, QIAKE]})
    axes = figure.axes[0]
    assert len(axes.containers) == 1  # only 洽客; the salary is not spending
    assert [t.get_text() for t in axes.get_legend().get_texts()] == ["深圳洽客科技有限公司 (CNY)"]
    many = dict(QIAKE, charges=salary["charges"])
    labels = [t.get_text() for t in charts.overview({"streams": [many]}).axes[0].get_xticklabels()]
    assert len(labels) == 9 and labels[:2] == ["2024-01", "2024-03"]
