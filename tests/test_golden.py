"""Golden-file tests: every statement in tests/data/golden imports to its expected ledger.

A fixture ``NAME.EXT`` sits beside ``NAME.EXT.expected.csv``, the canonical ledger CSV
(``import --out``) checked by hand. A fixture without an expected file fails, so
nothing is left untested by accident. Fixtures that need options (a password, a
column map) name them in ``NAME.EXT.options.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qiake_auditor.cli import main

GOLDEN = Path(__file__).parent / "data" / "golden"
SIDE_FILES = (".expected.csv", ".options.json", ".md", ".py")  # .py: fixture generators
FIXTURES = sorted(
    p
    for p in GOLDEN.rglob("*")
    if p.is_file() and not p.name.endswith(SIDE_FILES) and "__pycache__" not in p.parts
)  # a generator imported by a test leaves its bytecode beside it


def _options(fixture: Path) -> list[str]:
    side = fixture.with_name(fixture.name + ".options.json")
    if not side.exists():
        return []
    options = json.loads(side.read_text(encoding="utf-8"))
    args = []
    if "password" in options:
        args += ["--password", options["password"]]
    if "map" in options:
        args += ["--map", options["map"]]
    return args


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: str(p.relative_to(GOLDEN)))
def test_fixture_imports_to_expected_ledger(fixture: Path, tmp_path: Path) -> None:
    expected = fixture.with_name(fixture.name + ".expected.csv")
    assert expected.exists(), f"{expected.name} is missing: write it and check it by hand"
    out = tmp_path / "ledger.csv"
    code = main(
        [
            "import",
            str(fixture),
            "--workspace",
            str(tmp_path / "ws.sqlite"),
            "--out",
            str(out),
            *_options(fixture),
        ]
    )
    assert code == 0
    assert out.read_text(encoding="utf-8-sig") == expected.read_text(encoding="utf-8-sig")


def regenerate(fixture: Path, tmp: Path) -> None:
    """Write NAME.EXT.expected.csv from the current code (then read it by hand!)."""
    out = fixture.with_name(fixture.name + ".expected.csv")
    main(
        [
            "import",
            str(fixture),
            "--workspace",
            str(tmp / f"{fixture.name}.sqlite"),
            "--out",
            str(out),
            *_options(fixture),
        ]
    )


if __name__ == "__main__":  # python -m tests.test_golden FILE...: draft expected files
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for name in sys.argv[1:]:
            regenerate(Path(name), Path(folder))
