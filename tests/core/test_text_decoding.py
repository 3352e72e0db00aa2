"""A whole text file is decoded a slice at a time (each decode call holds the GIL): the
text, its line ends and its errors are those of one decode of the whole file."""

from __future__ import annotations

import pytest

from qiake_auditor.errors import StatementError
from qiake_auditor.importers import big_bytes, text_encoding

TEXT = "交易时间,金额\r\n2025-03-15,1980.00 洽客\r\n\r\nrow😀 with a lone CR\rend\r\n"
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]


@pytest.fixture(params=[1, 2, 3, 7, 64])
def tiny_slices(request, monkeypatch) -> int:
    monkeypatch.setattr(big_bytes, "DECODE_SLICE", request.param)
    return request.param


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_sliced_decoding_gives_the_whole_text_with_unix_line_ends(tiny_slices, encoding):
    data = TEXT.encode(encoding)
    expected = "交易时间,金额\n2025-03-15,1980.00 洽客\n\nrow😀 with a lone CR\nend\n"
    assert text_encoding.decode_region(data, encoding, "bill.csv") == expected
    assert text_encoding._in_pieces(data, encoding) == expected  # not the one-call fallback


def test_western_text_and_an_empty_file(tiny_slices):
    assert text_encoding.decode_region("Café\r\n".encode("cp1252"), "cp1252", "a.sta") == "Café\n"
    assert text_encoding.decode_region(b"", "gb18030", "empty.csv") == ""


def test_bad_bytes_are_named_by_their_line_as_without_slices(tiny_slices):
    data = "洽客\n续费\n".encode() + b"\xff\xfe\nmore\n"
    with pytest.raises(StatementError) as bad:
        text_encoding.decode_region(data, "utf-8", "bill.csv", first_line=5)
    assert bad.value.message_id == "statement.bad_bytes"
    assert bad.value.row == 7  # line 5 + two lines before the bad bytes


def test_a_file_cut_inside_its_last_character_says_so(tiny_slices):
    data = "洽客\n续费".encode("gb18030")[:-1]
    with pytest.raises(StatementError) as cut:
        text_encoding.decode_region(data, "gb18030", "bill.csv")
    assert cut.value.message_id == "statement.cut_in_character"
    assert cut.value.row == 2
