"""Exports are written whole or not at all, with the permissions of any new file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from qiake_auditor.fileio import atomic_path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_export_gets_the_permissions_of_a_plain_new_file(tmp_path: Path) -> None:
    plain = tmp_path / "plain.csv"
    plain.write_text("x", encoding="utf-8")
    with atomic_path(tmp_path / "ledger.csv") as temporary:
        temporary.write_text("a,b\n", encoding="utf-8")
    assert (tmp_path / "ledger.csv").read_text(encoding="utf-8") == "a,b\n"
    assert _mode(tmp_path / "ledger.csv") == _mode(plain)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.csv", "plain.csv"]


def test_a_failed_export_leaves_the_old_file_and_no_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "ledger.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ledger.csv"]
