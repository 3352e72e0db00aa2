"""A folder given to import: what it skipped, named and counted, and files inside it that
share a name or their bytes told apart (issue 7 §4, issue 10)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qiake_auditor.app.inputs import expand_inputs
from qiake_auditor.cli import main
from qiake_auditor.i18n import text
from qiake_auditor.ingest import source_names

DEMO = Path(__file__).parents[1] / "qiake_auditor" / "resources" / "demo"
ALIPAY = DEMO / "支付宝交易明细(20240601-20251130).csv"
ICBC = DEMO / "工商银行借记卡明细(20240601-20251130).csv"


def skipped_note(folder: Path, lang: str) -> str:
    _, notes = expand_inputs([folder])
    (skipped,) = [text(i, lang, **f) for i, f in notes if i.startswith("input.directory_skipped")]
    return skipped


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    bills = tmp_path / "bills"
    bills.mkdir()
    shutil.copyfile(ALIPAY, bills / ALIPAY.name)
    (bills / "readme.txt").write_text("exported from the phone\n", encoding="utf-8")
    (bills / "demo.json").write_text("{}", encoding="utf-8")
    (bills / ".DS_Store").write_bytes(b"\0\1")  # hidden: the user does not see it
    return bills


def test_every_skipped_file_is_counted_and_named_in_both_languages(folder: Path) -> None:
    assert skipped_note(folder, "en") == (
        f"{folder}: skipped 2 files that are not statements: demo.json, readme.txt"
    )
    assert (
        skipped_note(folder, "zh") == f"{folder}：跳过了 2 个不是账单的文件：demo.json、readme.txt"
    )


def test_one_skipped_file_is_singular_in_english(folder: Path) -> None:
    (folder / "demo.json").unlink()
    assert skipped_note(folder, "en").endswith("skipped 1 file that is not a statement: readme.txt")


def test_many_skipped_files_name_a_few_and_count_the_rest(folder: Path) -> None:
    (folder / "notes").mkdir()
    for index in range(4):
        (folder / "notes" / f"n{index}.txt").write_text("x", encoding="utf-8")
    en, zh = skipped_note(folder, "en"), skipped_note(folder, "zh")
    assert en.endswith(
        "skipped 6 files that are not statements: demo.json, notes/n0.txt, notes/n1.txt and 3 more"
    )
    assert zh.endswith(
        "跳过了 6 个不是账单的文件：demo.json、notes/n0.txt、notes/n1.txt 等（另有 3 个）"
    )


def test_names_shared_by_files_in_two_folders_are_told_apart(tmp_path: Path) -> None:
    paths = [tmp_path / "2024" / "a.csv", tmp_path / "2025" / "a.csv", tmp_path / "b.csv"]
    assert source_names(paths) == ["2024/a.csv", "2025/a.csv", "b.csv"]
    deeper = [tmp_path / "x" / "same" / "a.csv", tmp_path / "y" / "same" / "a.csv"]
    assert source_names(deeper) == ["x/same/a.csv", "y/same/a.csv"]


def test_nested_namesakes_get_distinct_headings_and_a_copy_is_the_same_file(
    tmp_path: Path, capsys
) -> None:
    bills = tmp_path / "bills"
    for sub in ("old", "new", "copy"):
        (bills / sub).mkdir(parents=True)
    shutil.copyfile(ALIPAY, bills / "old" / "bill.csv")
    shutil.copyfile(ICBC, bills / "new" / "bill.csv")  # other bytes, the same name
    shutil.copyfile(ALIPAY, bills / "copy" / "bill.csv")  # the same bytes as old/bill.csv
    workspace = tmp_path / "w.sqlite"
    assert main(["import", str(bills), "--workspace", str(workspace), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    headings = [line for line in out.splitlines() if line.endswith("bill.csv")]
    assert headings == ["copy/bill.csv", "new/bill.csv", "old/bill.csv"]
    first = out[out.index("copy/bill.csv\n") : out.index("new/bill.csv\n")]
    assert "304 rows (304 new)" in first and "the same file" not in first  # copy/ sorts first
    twin = out[out.index("old/bill.csv\n") :]
    assert "already imported, no new rows" in twin and " new)" not in twin
    assert "old/bill.csv: the same file as copy/bill.csv (the same bytes), imported once" in twin

    assert main(["import", str(bills), "--workspace", str(workspace), "--lang", "zh"]) == 0
    again = capsys.readouterr().out
    assert "old/bill.csv：与 copy/bill.csv 是同一个文件（内容完全相同），只导入一次" in again


def test_the_same_path_given_twice_is_imported_once(tmp_path: Path) -> None:
    from qiake_auditor.ingest import import_paths
    from qiake_auditor.workspace import Workspace

    with Workspace(tmp_path / "w.sqlite") as workspace:
        reports, _ = import_paths([ALIPAY, ALIPAY], workspace)
        first, second = reports
        assert (first.added, first.already_imported) == (304, False)
        assert (second.added, second.already_imported) == (0, True)
        assert second.warnings[-1].endswith("the same bytes), imported once")
        assert len(workspace.files()) == 1 and len(workspace.ledger()) == 304


def test_one_file_given_twice_keeps_its_name(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    assert source_names([path, path]) == ["a.csv", "a.csv"]
