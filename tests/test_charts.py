"""Charts from the scan dict: bars per charge, price steps, cancellation line, CJK text, PNG."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from matplotlib.colors import to_hex
from matplotlib.text import Text

from qiake_auditor import charts
from qiake_auditor.app.charge_table import day_totals_of


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


# -- one language per chart, and the monthly deductions stacked by case ------------------

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _charge(day: str, amount: str, after: bool = False, state: str = "success", currency="CNY"):
    return SimpleNamespace(
        date=date.fromisoformat(day),
        amount=Decimal(amount),
        currency=currency,
        state=state,
        after_cancellation=after,
        stream_id="s1",
    )


CASES = [
    SimpleNamespace(
        merchant="洽客科技",
        charges=[
            _charge("2025-05-30", "199.00"),
            _charge("2025-06-12", "29.00"),
            _charge("2025-07-12", "29.00", after=True),
            _charge("2025-07-30", "1980.00", after=True),
        ],
    ),
    SimpleNamespace(
        merchant="腾讯视频",
        charges=[
            _charge("2025-05-15", "25.00"),
            _charge("2025-07-15", "25.00"),
            _charge("2025-07-20", "9.00", state="failed"),  # not money taken
            _charge("2025-07-21", "5.00", currency="USD"),  # another currency: not this chart
        ],
    ),
]


def _texts(figure) -> list[str]:
    figure.savefig(io.BytesIO(), format="png")  # lays the ticks out; a missing glyph warns
    return [t.get_text() for t in figure.findobj(Text) if t.get_text().strip()]


def test_cases_stack_by_month_one_colour_and_legend_entry_per_case():
    figure = charts.cases_monthly(CASES, lang="zh")
    axes = figure.axes[0]
    qiake, hatched, video = axes.containers  # the hatch is drawn with its case
    # months 2025-05, 2025-06, 2025-07, by hand
    assert [b.get_height() for b in qiake] == [199.0, 29.0, 2009.0]
    assert [b.get_height() for b in video] == [25.0, 0.0, 25.0]
    assert [b.get_y() for b in video] == [199.0, 29.0, 2009.0]
    # the hatched part of 洽客 is what came after the cancellation, on top of its segment
    assert [b.get_height() for b in hatched] == [0.0, 0.0, 2009.0]
    colours = {to_hex(qiake[0].get_facecolor()), to_hex(video[0].get_facecolor())}
    assert len(colours) == 2 and charts.AFTER_CANCEL_COLOUR not in colours
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert legend == ["洽客科技", "腾讯视频", "取消后扣款"]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["2025-05", "2025-06", "2025-07"]


def test_cases_beyond_the_top_are_one_other_layer():
    many = [
        SimpleNamespace(merchant=f"商户{i}", charges=[_charge("2025-01-05", f"{100 - i}.00")])
        for i in range(5)
    ]
    legend = charts.cases_monthly(many, lang="en", top=3).axes[0].get_legend().get_texts()
    assert [t.get_text() for t in legend] == ["商户0", "商户1", "3 other cases"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_word_of_a_chart_is_in_one_language(lang):
    names = {"洽客科技", "腾讯视频", "深圳洽客科技有限公司"}
    figures = [
        charts.cases_monthly(CASES, lang=lang),
        charts.stream_timeline(QIAKE, "2025-06-20", lang=lang),
        charts.overview({"streams": [QIAKE]}, lang=lang),
        *(
            charts.case_chart(CASES[0].charges, kind, date(2025, 6, 20), "洽客科技", lang=lang)
            for kind in charts.CASE_CHART_KINDS
        ),
    ]
    for figure in figures:
        for shown in _texts(figure):
            for name in sorted(names, key=len, reverse=True):
                shown = shown.replace(name, "")
            if lang == "en":
                assert not CJK.search(shown), shown
            else:
                assert not LATIN_WORD.search(shown.replace("CNY", "")), shown


def test_a_chart_saves_as_png_svg_and_pdf(tmp_path):
    figure = charts.cases_monthly(CASES, lang="zh")
    png = charts.save(figure, tmp_path / "c.png").read_bytes()
    svg = charts.save(figure, tmp_path / "c.svg").read_text(encoding="utf-8")
    pdf = charts.save(figure, tmp_path / "c.pdf").read_bytes()
    assert png.startswith(b"\x89PNG") and "<svg" in svg and pdf.startswith(b"%PDF")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_timeline_marks_the_days_a_charge_was_due_and_none_came(lang):
    figure = charts.case_chart(
        CASES[1].charges, "timeline", None, "腾讯视频", lang=lang, missed=[date(2025, 6, 15)]
    )
    offsets = [tuple(c.get_offsets()[0]) for c in figure.axes[0].collections]
    assert any(x == pytest.approx(_day_number(date(2025, 6, 15))) and y == 0 for x, y in offsets)
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    expected = "按周期应扣而未扣" if lang == "zh" else "due on the schedule, not charged"
    assert legend == [expected]


def test_a_missed_day_outside_the_charges_is_not_drawn():
    figure = charts.case_chart(
        CASES[1].charges, "timeline", None, "腾讯视频", lang="en", missed=[date(2024, 1, 15)]
    )
    assert not figure.legends


def _day_number(day: date) -> float:
    from matplotlib.dates import date2num

    return float(date2num(day))


def _large_case() -> list:
    """1,200 charges over 300 days, several a day, some after the cancellation."""
    charges = []
    for k in range(1200):
        day = date(2025, 1, 1) + timedelta(days=k // 4)
        amount = ("29.00", "199.00", "0.10")[k % 3]
        charges.append(_charge(day.isoformat(), amount, after=day > date(2025, 8, 1)))
    charges.append(_charge("2025-03-03", "7.00", state="failed"))  # not money taken
    return charges


@pytest.mark.parametrize("kind", ["timeline", "monthly", "cumulative"])
def test_a_large_case_drawn_from_its_day_totals_is_the_same_chart(kind):
    charges = [c for c in _large_case() if c.state != "failed"]
    cancelled = date(2025, 8, 1)
    each = charts.case_chart(charges, kind, cancelled, "洽客科技", lang="zh")
    summed = charts.case_chart(
        charges, kind, cancelled, "洽客科技", lang="zh", day_totals=day_totals_of(_large_case())
    )

    def drawn(figure) -> list:
        axes = figure.axes[0]
        shapes = [(p.get_x(), p.get_height(), to_hex(p.get_facecolor())) for p in axes.patches]
        lines = [line.get_xydata().tolist() for line in axes.get_lines()]
        segments = [
            [s.tolist() for s in c.get_segments()]
            for c in axes.collections
            if hasattr(c, "get_segments")
        ]
        return [shapes, lines, segments]

    assert drawn(summed) == drawn(each)
    assert drawn(each) != [[], [], []]


def test_day_totals_sum_each_day_on_each_side_of_the_cancellation_by_hand():
    charges = [
        _charge("2025-07-31", "29.00"),
        _charge("2025-07-31", "0.10"),
        _charge("2025-08-02", "29.00", after=True),
        _charge("2025-08-02", "5.00", currency="USD", after=True),
        _charge("2025-08-02", "9.00", state="failed", after=True),
    ]
    assert [
        (str(d.date), d.currency, d.after_cancellation, str(d.amount), d.count)
        for d in day_totals_of(charges)
    ] == [
        ("2025-07-31", "CNY", False, "29.10", 2),
        ("2025-08-02", "CNY", True, "29.00", 1),
        ("2025-08-02", "USD", True, "5.00", 1),
    ]
