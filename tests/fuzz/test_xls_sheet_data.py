"""Damaged sheet data inside a sound .xls is refused naming the file, never a crash.

The spreadsheet reader reserves memory for what a DIMENSIONS record declares and lays
out the grid up to the farthest cell: with one number broken the allocation fails and
the process is aborted (no exception to catch). Its parse errors all read "Cannot
detect file format"; the user is told in their language that the sheet data is damaged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qiake_auditor.errors import StatementError
from qiake_auditor.importers import base, xls_records
from qiake_auditor.importers.base import Probe

from . import biff_files
from .child import read_in_child


def _refusal(data: bytes) -> StatementError:
    """The refusal of reading ``data`` as an import does (only for files the reader
    survives: the ones that abort it are checked alone here, and read in a child)."""
    with pytest.raises(StatementError) as caught:
        Probe("账单.xls", data).sheets  # noqa: B018
    return caught.value


def _checked(data: bytes) -> StatementError:
    with pytest.raises(StatementError) as caught:
        xls_records.check_sheet_data("账单.xls", data)
    return caught.value


def test_a_sound_hand_built_workbook_reads() -> None:
    data = biff_files.xls(biff_files.workbook())
    xls_records.check_sheet_data("账单.xls", data)
    (sheet,) = Probe("账单.xls", data).sheets
    assert sheet.name == "明细"
    assert sheet.rows == [["交易日期", "金额"], ["2025-01-05", 199.0], ["2025-02-05", 199.0]]


def test_a_dimensions_record_asking_for_billions_of_cells_is_refused() -> None:
    dims = biff_files.dimensions(0, 2**31, 0, 40)
    error = _checked(biff_files.xls(biff_files.workbook(dims=dims)))
    assert error.message_id == "statement.xls_damaged.dimensions"
    assert error.text("zh").startswith("账单.xls：这个 .xls 文件已损坏（工作表 明细 声明有 ")
    assert "2,147,483,648 行 × 40 列" in error.text("zh")
    assert str(error).startswith("账单.xls: this .xls file is damaged (its sheet 明细 declares")


def test_a_dimensions_record_whose_end_is_before_its_start_is_refused() -> None:
    dims = biff_files.dimensions(9, 5, 0, 3)  # the row count wraps round to 4 billion
    error = _checked(biff_files.xls(biff_files.workbook(dims=dims)))
    assert error.message_id == "statement.xls_damaged.dimensions"


def test_the_largest_xls_sheet_still_passes_the_dimensions_check() -> None:
    dims = biff_files.dimensions(0, 65_536, 0, 256)
    xls_records.check_sheet_data("账单.xls", biff_files.xls(biff_files.workbook(dims=dims)))


def test_a_cell_at_the_far_corner_is_refused_before_the_grid_is_laid_out() -> None:
    cells = [*biff_files.CELLS, biff_files.label(65_535, 65_535, "x")]
    error = _checked(biff_files.xls(biff_files.workbook(cells=cells)))
    assert error.message_id == "statement.sheet_too_large"
    assert error.source == "账单.xls" and "明细" in error.text("zh")


def test_a_record_cut_short_is_damaged_sheet_data_in_both_languages() -> None:
    cells = [*biff_files.CELLS, biff_files.record(biff_files.NUMBER, b"\x03\x00\x01")]
    error = _refusal(biff_files.xls(biff_files.workbook(cells=cells)))
    assert error.message_id == "statement.xls_damaged.sheet_data"
    assert error.text("zh") == (
        "账单.xls：这个 .xls 文件已损坏（文件结构完好，但其中的工作表数据无法解析），无法读取；"
        "文件可能不完整，请重新导出或下载账单"
    )
    assert str(error).startswith("账单.xls: this .xls file is damaged (its structure holds")
    assert "Cannot detect" not in error.text("zh") + str(error)


def test_a_panic_inside_the_reader_is_damaged_sheet_data(monkeypatch) -> None:
    class PanicException(BaseException):  # what pyo3 raises for a Rust panic
        pass

    def panics(_: object) -> None:
        raise PanicException("range end index 2 out of range for slice of length 0")

    monkeypatch.setattr(base.python_calamine.CalamineWorkbook, "from_filelike", panics)
    error = _refusal(biff_files.xls(biff_files.workbook()))
    assert error.message_id == "statement.xls_damaged.sheet_data"
    assert error.source == "账单.xls"


def test_an_office_file_without_a_workbook_and_an_encrypted_one() -> None:
    error = _refusal(biff_files.renamed("WordDocument"))
    assert error.message_id == "statement.xls_no_workbook"
    assert error.text("zh").startswith("账单.xls：这个文件不是 Excel 表格")
    assert _refusal(biff_files.renamed("EncryptedPackage")).message_id == (
        "statement.sheet_password"
    )


def test_broken_sheet_numbers_are_refused_end_to_end_without_aborting(tmp_path: Path) -> None:
    # Without the check the reader asks for 3.4 TB and 137 GB here and the process is
    # aborted (measured by hand, 2026-12-02); the child then fails instead of answering.
    broken = {
        "dimensions": biff_files.workbook(dims=biff_files.dimensions(0, 2**31, 0, 200)),
        "far_cell": biff_files.workbook(cells=[biff_files.label(65_535, 65_535, "x")]),
    }
    paths = []
    for name, stream in broken.items():
        path = tmp_path / f"{name}.xls"
        path.write_bytes(biff_files.xls(stream))
        paths.append(path)
    answers = read_in_child(paths)
    assert answers[str(paths[0])] == ("refused", "statement.xls_damaged.dimensions", None)
    assert answers[str(paths[1])] == ("refused", "statement.sheet_too_large", None)
