"""A CSV header of a million fields is refused at once, naming its line.

Found by benchmarks/fuzz.py (a huge field of commas inserted into an Alipay bill's
header): Arrow's reader was handed a million column names and ran past 60 s and
9.8 GB. The fast readers now leave such a header to the tolerant parser, which
refuses any header or row wider than a statement can be.
"""

from __future__ import annotations

from pathlib import Path

from .child import read_in_child

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"


def _widened(name: str, line: int, fields: int) -> bytes:
    lines = (GOLDEN / name).read_bytes().split(b"\n")
    lines[line - 1] = lines[line - 1].rstrip(b"\r") + b"," * fields
    return b"\n".join(lines)


def test_wide_header_and_wide_row_are_refused_naming_the_line(tmp_path: Path) -> None:
    original = (GOLDEN / "alipay/alipay-2023.csv").read_bytes().split(b"\n")
    header = next(
        i
        for i, line in enumerate(original, 1)
        if "交易时间".encode() in line or "交易时间".encode("gb18030") in line
    )
    cases = {
        "header.csv": (_widened("alipay/alipay-2023.csv", header, 1_000_000), header),
        "row.csv": (_widened("alipay/alipay-2023.csv", header + 1, 1_000_000), header + 1),
        "ok.csv": ((GOLDEN / "alipay/alipay-2023.csv").read_bytes(), None),
    }
    for name, (data, _) in cases.items():
        (tmp_path / name).write_bytes(data)
    answers = read_in_child([tmp_path / name for name in cases])
    assert answers[str(tmp_path / "ok.csv")] == ("ok", None, None)
    for name in ("header.csv", "row.csv"):
        assert answers[str(tmp_path / name)] == (
            "refused",
            "statement.too_many_fields",
            cases[name][1],
        )
