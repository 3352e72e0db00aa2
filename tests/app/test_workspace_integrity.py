"""The workspace is evidence: a changed original or row block is reported as damage, naming
the workspace and what changed; two imports of one file at once never fail."""

from __future__ import annotations

import random
import sqlite3
import threading

import pytest

from qiake_auditor.app import Audit
from qiake_auditor.app.demo import demo_files
from qiake_auditor.cli import main
from qiake_auditor.errors import UserError
from qiake_auditor.workspace import SQLITE_MAGIC, Workspace


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


def damaged_copy(workspace, tmp_path, name: str, cut: slice, noise: bool = False):
    """A copy of ``workspace`` with the bytes of ``cut`` dropped (or, with ``noise``,
    overwritten with random bytes), as a failed copy or a bad disk leaves it."""
    data = bytearray(workspace.read_bytes())
    if noise:
        start, stop, _ = cut.indices(len(data))
        data[cut] = random.Random(1).randbytes(stop - start)
    else:
        del data[cut]
    path = tmp_path / name
    path.write_bytes(bytes(data))
    return path


def said_by_check(path, lang: str, capsys) -> tuple[int, str]:
    code = main(["check", "--workspace", str(path), "--lang", lang])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal error" not in err and "内部错误" not in err
    return code, out + err


def test_a_file_of_random_bytes_is_no_workspace_and_bad_input(tmp_path, capsys):
    path = tmp_path / "w.sqlite"
    path.write_bytes(random.Random(1).randbytes(8192))
    code, said = said_by_check(path, "en", capsys)
    assert code == 2
    assert f"{path} is not a qiake-auditor workspace (not an SQLite database)" in said
    path.write_bytes(SQLITE_MAGIC + random.Random(2).randbytes(8192))  # the header alone
    code, said = said_by_check(path, "zh", capsys)
    assert code == 2 and str(path) in said and "工作区" in said


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_a_cut_off_workspace_is_bad_input_in_words_of_each_language(
    workspace, tmp_path, capsys, keep
):
    size = workspace.stat().st_size
    path = damaged_copy(workspace, tmp_path, "cut.sqlite", slice(int(size * keep), None))
    before = path.read_bytes()
    code, said = said_by_check(path, "zh", capsys)
    assert code == 2
    assert f"工作区 {path} 已损坏：数据库文件的内部结构被破坏" in said
    assert "malformed" not in said  # SQLite's English words are not the Chinese message
    code, said = said_by_check(path, "en", capsys)
    assert code == 2 and f"workspace {path} is damaged: the structure of the database" in said
    assert path.read_bytes() == before  # check is read-only, even on a damaged file


def test_a_workspace_overwritten_in_the_middle_is_said_part_by_part(workspace, tmp_path, capsys):
    size = workspace.stat().st_size
    middle = slice(size // 3, size // 3 + 20_000)
    path = damaged_copy(workspace, tmp_path, "noisy.sqlite", middle, noise=True)
    code, said = said_by_check(path, "en", capsys)
    assert code == 2  # was an internal error (1): reading a broken page raised at once
    lines = said.splitlines()
    assert lines and all(line.startswith(f"workspace {path} is damaged: ") for line in lines)
    assert len(set(lines)) == len(lines)  # each problem said once
    assert any("SQLite's integrity check found" in line for line in lines)
    # The other commands reach the damage on their own reads: bad input there too.
    for command in (["scan"], ["case", "list"]):
        assert main([*command, "--workspace", str(path), "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert f"workspace {path} is damaged" in err and "internal error" not in err


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
