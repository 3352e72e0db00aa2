"""The vectorised JSON records writer agrees with the standard library."""

from __future__ import annotations

import functools
import io
import json
import sys
from datetime import date
from types import SimpleNamespace

import pandas as pd
import pyarrow as pa
import pytest

from qiake_auditor import jsonout
from qiake_auditor.commands.scan import _print_json
from qiake_auditor.jsonout import records_json, records_json_bytes, records_json_chunks


def _compact(records: list[dict]) -> str:
    """What the fast path must print, byte for byte: the stdlib with no spaces."""
    return json.dumps(records, ensure_ascii=False, separators=(",", ":"))


def _ledger(rows: int) -> pd.DataFrame:
    """Text that needs escaping, Chinese, empty strings, ints and bools, over many rows."""
    texts = ['quote " inside', "back\\slash", "中文 ¥199.00", "", 'both \\" of them', "plain"]
    return pd.DataFrame(
        {
            "text": pd.Series([texts[i % len(texts)] for i in range(rows)], dtype="str"),
            "商户": pd.Series([f"商户{i}" for i in range(rows)], dtype="str"),
            "empty": pd.Series([""] * rows, dtype="str"),
            "row": list(range(26, 26 + rows)),
            "negative": [-(10**12) * i for i in range(rows)],
            "counted": [i % 3 != 0 for i in range(rows)],
        }
    )


def test_records_json_matches_json_module() -> None:
    frame = _ledger(6)
    assert records_json(frame) == _compact(frame.to_dict("records"))
    assert json.loads(records_json(frame)) == frame.to_dict("records")
    assert records_json(frame.iloc[2:]) == _compact(frame.iloc[2:].to_dict("records"))


@pytest.mark.parametrize("chunk_rows", [1, 3, 7, 10, 11, 1000])
def test_chunk_boundaries_do_not_change_the_output(chunk_rows: int) -> None:
    frame = _ledger(10)
    pieces = list(records_json_chunks(frame, chunk_rows=chunk_rows))
    assert b"".join(pieces).decode() == _compact(frame.to_dict("records"))
    assert len(pieces) == 2 + -(-10 // chunk_rows)  # "[", one per block, "]"


def test_a_slice_is_judged_by_its_own_rows() -> None:
    """A control character or a quote outside the slice must not change how it is written."""
    frame = pd.DataFrame(
        {"memo": pd.Series(["line\nbreak", 'a "quote"', "plain", "中文"], dtype="str")}
    )
    assert records_json(frame.iloc[2:]) == _compact(frame.iloc[2:].to_dict("records"))
    assert records_json(frame.iloc[1:]) == _compact(frame.iloc[1:].to_dict("records"))


def test_other_text_storages() -> None:
    frame = pd.DataFrame(
        {
            "object": pd.Series(['a "b"', None, 7], dtype=object),
            "arrow": pd.Series(["x\\y", "中", None], dtype=pd.ArrowDtype(pa.string())),
            "large": pd.Series(["", "z", "q"], dtype=pd.ArrowDtype(pa.large_string())),
            "missing": pd.Series(["s", None, "t"], dtype="str"),
        }
    )
    expected = [
        {"object": 'a "b"', "arrow": "x\\y", "large": "", "missing": "s"},
        {"object": "", "arrow": "中", "large": "z", "missing": ""},
        {"object": "7", "arrow": "", "large": "q", "missing": "t"},
    ]
    assert records_json(frame) == _compact(expected)


def test_control_characters_are_escaped() -> None:
    frame = pd.DataFrame({"memo": pd.Series(["line\nbreak", "tab\there"], dtype="str")})
    assert json.loads(records_json(frame)) == [{"memo": "line\nbreak"}, {"memo": "tab\there"}]


def test_a_control_character_in_a_later_block_sends_everything_to_the_stdlib() -> None:
    frame = _ledger(10)
    frame.loc[9, "text"] = "bell\x07"
    pieces = list(records_json_chunks(frame, chunk_rows=3))
    assert pieces == [json.dumps(frame.to_dict("records"), ensure_ascii=False).encode()]


def test_empty_frames() -> None:
    assert records_json(_ledger(4).iloc[:0]) == "[]"
    assert records_json_bytes(pd.DataFrame()) == b"[]"


def test_chunk_rows_must_be_positive() -> None:
    with pytest.raises(ValueError, match="chunk_rows"):
        records_json_chunks(_ledger(2), chunk_rows=0)


def _result(frame: pd.DataFrame) -> SimpleNamespace:
    return SimpleNamespace(
        as_of=date(2025, 6, 30),
        transactions=lambda: frame,
        stream_dicts=[{"merchant": "洽客", "amount": "19.90"}],
        flagged=[{"row_id": 3, "why": 'says "hi"'}],
    )


def _expected(frame: pd.DataFrame) -> dict:
    return {
        "as_of": "2025-06-30",
        "transactions": frame.to_dict("records"),
        "streams": [{"merchant": "洽客", "amount": "19.90"}],
        "flagged": [{"row_id": 3, "why": 'says "hi"'}],
    }


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """_print_json writes several blocks even for a test-sized frame."""
    monkeypatch.setattr(
        jsonout, "records_json_chunks", functools.partial(records_json_chunks, chunk_rows=4)
    )


@pytest.mark.usefixtures("small_blocks")
def test_print_json_to_a_binary_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = _ledger(10)
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stdout)
    stdout.write("before ")  # text already written must come out first
    _print_json(_result(frame))
    text = raw.getvalue().decode("utf-8")
    assert text.startswith("before {") and text.endswith("}\n")
    out = json.loads(text.removeprefix("before "))
    assert out == _expected(frame)
    assert list(out) == ["as_of", "transactions", "streams", "flagged"]


@pytest.mark.usefixtures("small_blocks")
def test_print_json_to_a_text_only_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = _ledger(10)
    text_only = io.StringIO()
    assert not hasattr(text_only, "buffer")
    monkeypatch.setattr(sys, "stdout", text_only)
    _print_json(_result(frame))
    out = json.loads(text_only.getvalue())
    assert out == _expected(frame)
    assert list(out) == ["as_of", "transactions", "streams", "flagged"]
