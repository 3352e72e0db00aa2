"""The workspace is evidence: a changed original or row block is reported as damage, naming
the workspace and what changed; two imports of one file at once never fail."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from qiake_auditor.app import Audit
from qiake_auditor.app.demo import demo_files
from qiake_auditor.cli import main
from qiake_auditor.errors import UserError
from qiake_auditor.workspace import Workspace


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "w.sqlite"
    with Audit.open(path) as audit:
        audit.import_files(demo_files())
    return path


def flip_byte(path, table: str, column: str, offset: int) -> None:
    with sqlite3.connect(path) as db:
        row_id, blob = db.execute(f"SELECT id, {column} FROM {table} ORDER BY id").fetchone()
        data = bytearray(blob)
        data[offset] ^= 0x01
        db.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (bytes(data), row_id))
    db.close()


def test_an_intact_workspace_checks_out(workspace, capsys):
    assert main(["check", "--workspace", str(workspace), "--lang", "en"]) == 0
    assert "3 originals and 538 ledger rows match" in capsys.readouterr().out


def test_a_changed_row_block_is_damage_not_silent_data(workspace, capsys):
    flip_byte(workspace, "row_blocks", "data", 2000)
    with Workspace(workspace) as space, pytest.raises(UserError) as caught:
        space.ledger()
    assert caught.value.message_id == "workspace.rows_changed"
    assert str(workspace) in caught.value.text("zh") and "checksum" in caught.value.text("en")
    capsys.readouterr()
    assert main(["check", "--workspace", str(workspace), "--lang", "zh"]) == 2
    said = capsys.readouterr().out
    assert "已损坏" in said and "校验值" in said and "checksum" not in said
    assert main(["scan", "--workspace", str(workspace), "--lang", "en"]) == 2
    assert "is damaged" in capsys.readouterr().err


def test_a_changed_original_is_reported(workspace, capsys):
    flip_byte(workspace, "files", "original", 100)
    with Workspace(workspace) as space:
        [problem] = space.check()
    assert "no longer matches its SHA-256" in problem.text("en")
    assert "SHA-256 不再一致" in problem.text("zh")
    assert main(["check", "--workspace", str(workspace)]) == 2


def test_the_same_file_imported_twice_at_once(tmp_path):
    path = tmp_path / "w.sqlite"
    Workspace(path).close()
    errors: list[BaseException] = []
    added: list[int] = []

    def one_import() -> None:
        try:
            with Audit.open(path) as audit:
                result = audit.import_files(demo_files()[:1])
                added.append(sum(r.added for r in result.reports))
        except BaseException as exc:  # collected, asserted below
            errors.append(exc)

    threads = [threading.Thread(target=one_import) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(added) == [0, 43]  # one stored the rows, the other found them there
    with Workspace(path) as space:
        assert space.row_count() == 43 and len(space.files()) == 1
