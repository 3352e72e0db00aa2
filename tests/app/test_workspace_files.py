"""Only a qiake-auditor workspace, or a new path, is ever written; everything else is refused
with a message naming the path, and the file is left exactly as it was."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from qiake_auditor.app import Audit
from qiake_auditor.cli import main
from qiake_auditor.errors import UserError
from qiake_auditor.workspace import SCHEMA_VERSION, Workspace

DATA = Path(__file__).resolve().parents[1] / "data"


def refused(path: Path, message_id: str, **kwargs) -> None:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(UserError) as caught:
        Workspace(path, **kwargs)
    assert caught.value.message_id == message_id
    assert str(path) in caught.value.text("zh") and str(path) in caught.value.text("en")
    if before is not None:
        assert path.read_bytes() == before


def test_a_directory_is_refused(tmp_path):
    refused(tmp_path, "workspace.is_directory")


def test_a_text_file_and_an_empty_file_are_refused(tmp_path):
    text = tmp_path / "notes.sqlite"
    text.write_text("my notes", encoding="utf-8")
    refused(text, "workspace.not_sqlite")
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    refused(empty, "workspace.not_sqlite")


def test_another_programs_database_is_left_alone(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE files (name TEXT)")
        db.execute("INSERT INTO files VALUES ('mine')")
    db.close()
    refused(path, "workspace.foreign")


def test_a_workspace_from_a_newer_version_is_not_touched(tmp_path):
    path = tmp_path / "w.sqlite"
    Workspace(path).close()
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),)
        )
    db.close()
    refused(path, "workspace.newer")


def test_read_only_opening_writes_nothing(tmp_path):
    path = tmp_path / "w.sqlite"
    Workspace(path).close()
    before = path.read_bytes()
    with Audit.open(path, read_only=True) as audit:
        assert audit.snapshot().cases == []
        with pytest.raises(UserError) as caught:
            audit.add_watch(["x"])
        assert caught.value.message_id == "workspace.read_only"
    assert path.read_bytes() == before


def test_bad_workspaces_and_directories_exit_2_from_the_cli(tmp_path, capsys):
    text = tmp_path / "notes.sqlite"
    text.write_text("my notes", encoding="utf-8")
    assert main(["scan", "--workspace", str(text), "--lang", "zh"]) == 2
    assert "不是 qiake-auditor 工作区" in capsys.readouterr().err
    assert main(["scan", "--workspace", str(tmp_path), "--lang", "en"]) == 2
    assert "is a folder" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import", str(empty), "--workspace", str(tmp_path / "w.sqlite")]) == 2
    assert "no statement files" in capsys.readouterr().err


def test_a_schema_1_workspace_opens_with_everything_in_it(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(DATA / "workspaces" / "v1-demo.sqlite", path)
    with Audit.open(path) as audit:
        assert len(audit.workspace.files()) == 3
        assert audit.workspace.row_count() == 538
        snap = audit.snapshot()
        qiake = audit.find_case("洽客")
        assert qiake.cancelled_on == date(2025, 6, 20)  # stored by printed name in schema 1
        assert len(qiake.after) == 6 and str(qiake.after_totals["CNY"].paid) == "2125.00"
        assert "腾讯" in audit.watch_words() and "洽客" in audit.watch_words()
        assert "s0000000000" in audit.dismissed()
        assert any("watchlist" in s["flags"] for s in snap.streams if s["merchant"] == "腾讯视频")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            str(SCHEMA_VERSION),
        )
    db.close()
