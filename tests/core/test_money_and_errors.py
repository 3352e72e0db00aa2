"""Exact money parsing and sums."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pyarrow as pa
import pytest

from qiake_auditor.money import canonical, fmt
from qiake_auditor.money_columns import normalize_amounts, sum_amounts


def test_printed_amounts_become_canonical_text() -> None:
    raw = pd.Series(
        ["¥28.16", "￥1,020.00", "-0.20", " 222228.50 ", "12", "0.5", "CNY 123.18", "abc", ""]
    )
    amount, negative, valid = normalize_amounts(raw)
    assert list(amount) == [
        "28.16",
        "1020.00",
        "0.20",
        "222228.50",
        "12.00",
        "0.50",
        "123.18",
        "",
        "",
    ]
    assert list(negative) == [False, False, True, False, False, False, False, False, False]
    assert list(valid) == [True] * 7 + [False, False]


def test_full_width_amounts_are_their_ascii_numbers() -> None:
    # typed in full-width mode (Excel/WPS with a Chinese input method); "１２" used to stay
    # "１２.00", a canonical amount no sum could read
    raw = pd.Series(["４９．７４", "－１，２３４．５", "１２", "\u22125.00", "١٢", "x４"])
    amount, negative, valid = normalize_amounts(raw)
    assert list(amount) == ["49.74", "1234.50", "12.00", "5.00", "", ""]
    assert list(negative) == [False, True, False, True, False, False]
    assert list(valid) == [True, True, True, True, False, False]  # Arabic-Indic digits: no


def test_spreadsheet_numbers_do_not_pick_up_float_noise() -> None:
    assert canonical(28.16) == ("28.16", False)
    assert canonical(1234.5) == ("1234.50", False)
    assert canonical(12.0) == ("12.00", False)
    assert canonical(-5) == ("5.00", True)
    assert canonical("n/a") is None


def test_sums_are_exact() -> None:
    amounts = pd.Series(["0.10"] * 10 + ["0.20"] * 5 + ["1.005"])
    assert sum_amounts(amounts) == Decimal("3.005")
    assert sum_amounts(pd.Series([], dtype="str")) == Decimal("0.00")
    assert fmt(Decimal("5")) == "5.00"


def test_sums_mix_cents_and_longer_fractions_exactly() -> None:
    # Worked by hand: 0.1 * 3 = 0.30 (no float noise), + 1.005 + 2.10, big and small.
    amounts = pd.Series(
        ["0.10", "0.10", "0.10", "1.005", "2.10", "", None, "12345678901234567.00", "1.00"],
        dtype="str",
    )
    assert str(sum_amounts(amounts)) == "12345678901234571.405"
    assert str(sum_amounts(pd.Series(["3.1", "0.00"], dtype="str"))) == "3.10"
    assert str(sum_amounts(pd.Series(["199.00"] * 100_000, dtype="str"))) == "19900000.00"


def test_minor_units() -> None:
    from qiake_auditor.money_columns import minor_units

    assert list(minor_units(pd.Series(["199.00", "0.01", "12.5", "3"]))) == [19900, 1, 1250, 300]
    assert list(minor_units(pd.Series([], dtype="str"))) == []
    # a column of an Arrow-backed frame made of several chunks (two files' rows)
    chunked = pd.Series(
        pd.arrays.ArrowExtensionArray(pa.chunked_array([["29.00", "1.5"], ["1980.00"]])),
        index=[7, 3, 9],
    )
    assert list(minor_units(chunked)) == [2900, 150, 198000]
    assert str(sum_amounts(chunked)) == "2010.50"


def test_statement_errors_survive_pickling() -> None:
    import pickle

    from qiake_auditor.errors import StatementError, UnknownFormatError

    for error in (StatementError("a.csv", "bad amount", 26), UnknownFormatError("b.bin", "x")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and str(copy) == str(error) and copy.row == error.row


def test_what_the_system_said_of_a_file_is_worded_in_the_users_language(tmp_path) -> None:
    import errno

    from qiake_auditor.errors import os_error_text

    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    try:
        open(tmp_path / "a.csv" / "chart.png", "wb")  # noqa: SIM115 - it fails
    except OSError as error:
        found = error
    assert found.errno == errno.ENOTDIR
    target = str(tmp_path / "a.csv" / "chart.png")
    assert os_error_text(found, "zh") == f"{target}：路径中有一项不是文件夹"
    assert os_error_text(found, "en") == f"{target}: a part of the path is not a folder"
    unusual = OSError(errno.EIO, "Input/output error")
    assert os_error_text(unusual, "zh") == "系统提示：“Input/output error”"
    assert os_error_text(OSError("chart not saved"), "en") == "the system said: chart not saved"


def test_a_statement_that_cannot_be_opened_says_why_in_the_users_language(tmp_path) -> None:
    import pickle

    import pytest

    from qiake_auditor.errors import StatementError
    from qiake_auditor.ingest import read_statements

    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    with pytest.raises(StatementError) as caught:
        read_statements(tmp_path / "a.csv" / "bill.csv")
    error = caught.value
    assert "bill.csv" in error.text("zh") and "路径中有一项不是文件夹" in error.text("zh")
    assert "Not a directory" not in error.text("zh")
    assert "a part of the path is not a folder" in error.text("en")
    copy = pickle.loads(pickle.dumps(error))  # as a worker hands it to the window
    assert copy.text("zh") == error.text("zh") and copy.text("en") == error.text("en")


def test_a_workspace_that_cannot_be_made_says_why_in_the_users_language(tmp_path) -> None:
    import pytest

    from qiake_auditor.errors import UserError
    from qiake_auditor.workspace import Workspace

    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        Workspace(tmp_path / "a.csv" / "w.sqlite")
    # its folder would be made where a file of that name stands
    assert caught.value.text("zh").endswith("：已经有同名的文件或文件夹")
    assert caught.value.text("en").endswith(": a file or folder of that name exists")


def test_an_old_file_that_cannot_be_replaced_is_named_with_what_to_do(tmp_path, monkeypatch):
    """Windows refuses to replace a file another program holds open (Excel keeps the
    workbook it shows locked); Linux never does, so the refusal is staged."""
    import os

    from qiake_auditor import fileio
    from qiake_auditor.errors import os_error_text

    target = tmp_path / "导出.xlsx"
    target.write_bytes(b"the user's workbook")

    def refused(source, destination):
        raise PermissionError(13, "Access is denied", str(source), None, str(destination))

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(fileio.ReplaceRefused) as caught, fileio.atomic_path(target) as temporary:
        temporary.write_bytes(b"new")
    assert target.read_bytes() == b"the user's workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["导出.xlsx"]  # no temporary left
    assert os_error_text(caught.value, "zh") == (
        f"{target}：原来的文件不能被替换（它正被其他程序使用，例如在 Excel 或 WPS 中打开，"
        "或是只读的）；请关闭那个程序，或换一个文件名再试"
    )
    assert os_error_text(caught.value, "en").startswith(
        f"{target}: the old file cannot be replaced: another program has it open"
    )


def test_a_file_another_program_holds_is_said_so_on_windows() -> None:
    from qiake_auditor.errors import os_error_text

    shared = PermissionError(13, "The process cannot access the file because it is being used")
    shared.winerror = 32  # type: ignore[attr-defined]  # as Windows sets it (sharing violation)
    assert os_error_text(shared, "zh") == (
        "文件正被其他程序使用（例如在 Excel 或 WPS 中打开）：请关闭那个程序再试"
    )
    plain = PermissionError(13, "Permission denied")  # elsewhere: the system's refusal
    assert os_error_text(plain, "zh") == "没有权限"
