"""The vectorised JSON records writer agrees with the standard library."""

from __future__ import annotations

import json

import pandas as pd

from qiake_auditor.jsonout import records_json


def test_records_json_matches_json_module() -> None:
    frame = pd.DataFrame({
        "text": pd.Series(['quote " inside', "back\\slash", "中文 ¥199.00", ""], dtype="str"),
        "row": [26, 27, 28, 29],
        "counted": [True, False, True, True],
    })
    assert json.loads(records_json(frame)) == frame.to_dict("records")
    assert json.loads(records_json(frame.iloc[2:])) == frame.iloc[2:].to_dict("records")
    assert records_json(frame.iloc[:0]) == "[]"


def test_control_characters_are_escaped() -> None:
    frame = pd.DataFrame({"memo": pd.Series(["line\nbreak", "tab\there"], dtype="str")})
    assert json.loads(records_json(frame)) == [{"memo": "line\nbreak"}, {"memo": "tab\there"}]
