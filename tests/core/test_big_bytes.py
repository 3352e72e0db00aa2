"""Whole-file byte work done a slice at a time gives exactly what the one call gives.

The slice size is made tiny here so that separators, line ends and multi-byte
characters fall across slice borders.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from qiake_auditor.importers import big_bytes, csv_text
from qiake_auditor.vstr import spread
from qiake_auditor.workspace import _same_keys


@pytest.fixture(params=[1, 3, 7, 64])
def tiny_slices(request, monkeypatch) -> int:
    monkeypatch.setattr(big_bytes, "SLICE", request.param)
    monkeypatch.setattr(big_bytes, "DECODE_SLICE", request.param)
    # the margin is kept longer than any separator line, as the real one (64 KB) is
    monkeypatch.setattr(big_bytes, "_OVERLAP", 64)
    return request.param


def _bill(seed: int, encoding: str = "gb18030") -> bytes:
    """Lines of Chinese text with tabs, a ----- separator line somewhere, more lines after."""
    rng = random.Random(seed)
    lines = [f"{i},洽客科技\t,{rng.randint(1, 999)}.00\t,自动续费" for i in range(40)]
    lines.insert(rng.randint(5, 35), "-" * rng.randint(8, 30) + " ,,")
    return ("\n".join(lines) + "\n").encode(encoding)


@pytest.mark.parametrize("seed", range(6))
def test_search_finds_the_separator_the_one_call_finds(tiny_slices, seed) -> None:
    data = _bill(seed)
    pattern = csv_text._SEPARATOR_BYTES
    for start in (0, 5, len(data) // 2):
        expected = pattern.search(data, start)
        found = big_bytes.search(pattern, data, start)
        assert (found.span() if found else None) == (expected.span() if expected else None)


def test_search_without_a_match_is_none(tiny_slices) -> None:
    assert big_bytes.search(csv_text._SEPARATOR_BYTES, b"a,b\n1,2\n--\n") is None


@pytest.mark.parametrize("seed", range(4))
def test_without_count_and_recoding_equal_the_one_call(tiny_slices, seed) -> None:
    data = _bill(seed)
    for start, end in ((0, len(data)), (3, len(data) - 4), (10, 11)):
        assert big_bytes.without(data, b"\t", start, end) == data[start:end].replace(b"\t", b"")
        assert big_bytes.count(data, b"\n", start, end) == data.count(b"\n", start, end)
    expected = data.decode("gb18030").encode("utf-8")
    assert big_bytes.to_utf8(memoryview(data), "gb18030") == expected
    marked = b"\xef\xbb\xbf" + "洽客\n续费\n".encode()
    assert big_bytes.to_utf8(marked, "utf-8-sig") == "洽客\n续费\n".encode()


def test_a_bad_byte_still_fails_to_decode(tiny_slices) -> None:
    with pytest.raises(UnicodeDecodeError):
        big_bytes.to_utf8("洽客\n".encode() + b"\xff\n", "utf-8")


def test_spread_puts_each_text_on_its_row_and_minus_one_is_missing() -> None:
    like = pd.Series([0, 0, 0, 0], index=[10, 3, 7, 1])
    out = spread(["a", "b"], np.array([1, 0, -1, 1]), like)
    assert out.index.tolist() == [10, 3, 7, 1]
    assert out.iloc[[0, 1, 3]].tolist() == ["b", "a", "b"]
    assert pd.isna(out.iloc[2])
    assert str(out.dtype) == "str"
    from_series = spread(pd.Series(["x", "y"], dtype="str"), np.array([1, 1, 0, 0]), like)
    assert from_series.tolist() == ["y", "y", "x", "x"]


def test_same_keys_compares_content_whatever_the_arrow_chunks() -> None:
    chunked = pd.Series(pd.array(pa.chunked_array([["k1", "k2"], ["k3"]]), dtype="str"))
    assert _same_keys(chunked, pd.Index(["k1", "k2", "k3"]))
    assert not _same_keys(chunked, pd.Index(["k1", "k3", "k2"]))
