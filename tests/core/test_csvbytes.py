"""The byte-level CSV path must read exactly what decoding the whole text first reads."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from qiake_auditor.errors import StatementError
from qiake_auditor.importers import csv_text, csvbytes, text_encoding

HEADER = "时间,商户,备注,金额,单号"
# Two-byte GBK, a four-byte GB18030 character (𠀀) and the euro sign, which GBK lacks.
NAMES = ["瑞幸咖啡", "深圳洽客科技有限公司", "便利蜂𠀀", "Apple €", "/"]


def _lines(count: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for i in range(count):
        memo = "".join(rng.choice("订单续费会员月卡年费abc ") for _ in range(rng.randint(0, 9)))
        lines.append(
            f"2024-01-{1 + i % 28:02d} 10:00:00,{rng.choice(NAMES)},{memo}{i},"
            f"{rng.randint(1, 99999) / 100:.2f},T{i:08d}"
        )
    return lines


def _both_ways(text: str, encoding: str, header: int = 0):
    data = text.encode(encoding)
    fast = csv_text.parse_csv_bytes(data, header, "x.csv")
    slow = csv_text.parse_csv_text(
        csv_text.csv_region(text.replace("\r\n", "\n"), header), header, "x.csv"
    )
    return fast, slow


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8"])
def test_same_frame_as_the_text_path(encoding: str) -> None:
    text = "标题行\n" + HEADER + "\n" + "\n".join(_lines(5000)) + "\n\n"
    fast, slow = _both_ways(text, encoding, header=1)
    assert len(fast) == 5000
    assert fast.equals(slow)
    assert fast["source_row"].iloc[0] == 3  # line 3 of the file
    assert fast.loc[fast["单号"] == "T00000007", "商户"].iloc[0] in NAMES


def test_windows_line_ends_and_quoted_commas() -> None:
    text = (
        HEADER + "\r\n" + '2024-01-02 10:00:00,"洽客,科技",连续包月,199.00,T1\r\n'
        "2024-02-02 10:00:00,瑞幸咖啡,拿铁,9.90,T2\r\n"
    )
    fast, slow = _both_ways(text, "gb18030")
    assert fast.equals(slow)
    assert fast["商户"].tolist() == ["洽客,科技", "瑞幸咖啡"]
    assert fast["金额"].tolist() == ["199.00", "9.90"]


def test_mostly_distinct_and_repeated_columns_decode_alike() -> None:
    values = pa.array(
        [
            v.encode("gb18030")
            for v in ["洽客", "", "𠀀x", "瑞幸"] * 3000 + [f"订单{i}" for i in range(9000)]
        ],
        type=pa.binary(),
    )
    expected = [v.decode("gb18030") for v in values.to_pylist()]
    assert csvbytes.text_column(values, "gb18030").to_pylist() == expected
    assert csvbytes.text_column(values[12000:], "gb18030").to_pylist() == expected[12000:]
    assert csvbytes.decode_all(values[:5], "gb18030").to_pylist() == expected[:5]


def test_bad_bytes_still_name_their_line() -> None:
    lines = _lines(4000)  # the damage lies past the part that identification decodes
    data = ("\n".join([HEADER, *lines[:3499]]) + "\n").encode("gb18030")
    data += b"2024-01-01 10:00:00,\xff\xfe,x,1.00,T9\n" + "\n".join(lines[3500:]).encode("gb18030")
    assert len(data) > text_encoding.HEAD_BYTES * 2
    assert text_encoding.guess_encoding(data) == "gb18030"
    assert csvbytes.parse_region(data, "gb18030") is None
    with pytest.raises(StatementError) as caught:
        csv_text.parse_csv_bytes(data, 0, "x.csv")
    assert caught.value.row == 3501
    assert "not valid gb18030" in str(caught.value)


def test_ragged_rows_fall_back_to_the_tolerant_reader() -> None:
    text = (
        HEADER + "\n2024-01-02 10:00:00,洽客,月费,199.00,T1,extra\n"
        "2024-02-02 10:00:00,瑞幸咖啡,拿铁,9.90,T2\n"
    )
    assert csvbytes.parse_region(text.encode("gb18030"), "gb18030") is None
    frame = csv_text.parse_csv_bytes(text.encode("gb18030"), 0, "x.csv")
    assert frame["商户"].tolist() == ["洽客", "瑞幸咖啡"]
    assert frame["source_row"].tolist() == [2, 3]
