"""Tabs left in the bytes for Arrow's split, then taken out of each field, give the fields
that taking them out of the whole bill first gives (checked against the csv module)."""

from __future__ import annotations

import csv
import io
import random

import pytest

from qiake_auditor.importers import big_bytes, csv_text, csvbytes


@pytest.mark.parametrize(
    ("text", "alike"),
    [
        (b"a,b\n1\t,2\t\n", True),  # Alipay: a tab after the order id
        (b'a,b\n"1\t","\t"\n', True),  # WeChat: tabs inside the quotes
        (b'a,b\nx\t"y,z\n', True),  # a quote inside a field is text either way
        (b'a,b\n\t"1,2",3\n', False),  # a line's first field: tab, then a quote
        (b'a,b\n1,\t\t"2"\n', False),  # after a comma, two tabs, then a quote
        (b'a,b\r\n1,2\r\n\t"3",4\r\n', False),
        (b'\t"a",b\n1,2\n', False),  # the header's first field
        (b"a,b\n1,2\n", True),
    ],
)
def test_tabs_split_alike_unless_they_keep_a_quote_from_opening_a_field(text, alike) -> None:
    assert csvbytes.tabs_split_alike(text) is alike


@pytest.mark.parametrize("size", [1, 2, 3, 7])
def test_a_tab_and_quote_across_slices_is_seen(monkeypatch, size) -> None:
    monkeypatch.setattr(big_bytes, "SLICE", size)
    assert not csvbytes.tabs_split_alike(b'a,b\n1,\t"2"\n')
    assert csvbytes.tabs_split_alike(b'a,b\n1,x\t"2"\n')


def test_only_the_region_is_looked_at() -> None:
    data = b'note\t"x\na,b\n1\t,2\n'
    start = data.index(b"a,b")
    assert csvbytes.tabs_split_alike(data, start)
    assert not csvbytes.tabs_split_alike(b'a,b\n\t"1",2\n', 0, 12)


def _bill(seed: int) -> bytes:
    """GB18030 lines with tabs after fields, inside quoted fields and inside text."""
    rng = random.Random(seed)
    lines = ["交易时间,交易对方,商品说明,金额,交易订单号"]
    for i in range(200):
        who = rng.choice(["洽客科技", "瑞幸咖啡", "美\t团", "中国移动"])
        what = rng.choice(["自动续费", '"年费,续费\t"', "会员\t", '"说明""引号"""'])
        lines.append(f"2024-01-{i % 28 + 1:02d} 10:00:00\t,{who}\t,{what},{i}.00\t,{2024000 + i}\t")
    return ("\n".join(lines) + "\n").encode("gb18030")


@pytest.mark.parametrize("seed", range(5))
def test_fields_equal_the_csv_module_on_the_bill_without_tabs(seed) -> None:
    data = _bill(seed)
    assert csvbytes.tabs_split_alike(data)
    # Arrow's split with the tabs in it (not the text path after it refused)
    assert csvbytes.parse_region(data, "gb18030", tabs_in_fields=True) is not None
    frame = csv_text.parse_csv_bytes(data, 0, "bill.csv")
    assert frame is not None
    expected = list(csv.reader(io.StringIO(data.decode("gb18030").replace("\t", ""))))
    assert list(frame.columns[:-1]) == expected[0]  # then source_row
    got = frame.drop(columns="source_row").astype(str).values.tolist()
    assert got == expected[1:]
    assert frame["source_row"].tolist() == list(range(2, len(expected) + 1))


def test_a_tab_before_an_opening_quote_still_reads_as_without_tabs() -> None:
    data = 'a,b\n\t"洽客,科技",1\n2,3\n'.encode("gb18030")
    assert not csvbytes.tabs_split_alike(data)
    frame = csv_text.parse_csv_bytes(data, 0, "bill.csv")
    assert frame.drop(columns="source_row").astype(str).values.tolist() == [
        ["洽客,科技", "1"],
        ["2", "3"],
    ]
