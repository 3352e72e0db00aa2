"""A panic of the spreadsheet reader (Rust) leaves no Rust text on the user's screen.

The reader panics on an .xls whose CODEPAGE record is cut short (hand-built below, in a
sound container): Rust writes "thread '<unnamed>' panicked at …/calamine-…/src/utils.rs"
to descriptor 2 before Python hears of it. The user sees only the project's message
naming the file; whatever else goes to stderr meanwhile still gets there.
"""

from __future__ import annotations

import os
import threading

import pytest

from qiake_auditor.cli import main
from qiake_auditor.errors import StatementError
from qiake_auditor.importers.base import Probe
from qiake_auditor.importers.panic_report import panic_report_hidden

from . import biff_files

CODEPAGE = 0x0042
RUST_WORDS = ("panicked", "calamine", "RUST_BACKTRACE", "thread '", ".rs:")


def panicking_xls() -> bytes:
    """A workbook whose globals hold a CODEPAGE record with no bytes (it needs two)."""
    return biff_files.xls(biff_files.workbook(shared=biff_files.record(CODEPAGE, b"")))


def test_the_reader_really_panics_and_its_report_is_not_shown(capfd) -> None:
    with pytest.raises(StatementError) as caught:
        Probe("账单.xls", panicking_xls()).sheets  # noqa: B018
    error = caught.value
    assert type(error.__cause__).__name__ == "PanicException"  # a real Rust panic
    assert error.message_id == "statement.xls_damaged.sheet_data" and error.source == "账单.xls"
    assert error.text("zh").startswith("账单.xls：这个 .xls 文件已损坏")
    assert str(error).startswith("账单.xls: this .xls file is damaged")
    out, err = capfd.readouterr()
    assert err == "" and out == ""


def test_import_of_the_panicking_file_says_only_the_projects_message(tmp_path, capfd) -> None:
    bill = tmp_path / "账单.xls"
    bill.write_bytes(panicking_xls())
    ws = str(tmp_path / "ws.sqlite")
    assert main(["import", str(bill), "--workspace", ws, "--lang", "en"]) == 2
    err = capfd.readouterr().err
    assert err.startswith("error: 账单.xls: this .xls file is damaged"), err
    assert not [word for word in RUST_WORDS if word in err], err
    assert main(["import", str(bill), "--workspace", ws, "--lang", "zh"]) == 2
    err = capfd.readouterr().err
    assert err.startswith("错误：账单.xls：这个 .xls 文件已损坏"), err
    assert not [word for word in RUST_WORDS if word in err], err


def test_reads_on_several_threads_at_once_keep_it_hidden(capfd) -> None:
    sound = biff_files.xls(biff_files.workbook())
    results: list[str] = []

    def read(data: bytes) -> None:
        try:
            Probe("账单.xls", data).sheets  # noqa: B018
            results.append("read")
        except StatementError as exc:
            results.append(str(exc.message_id))

    threads = [
        threading.Thread(target=read, args=(panicking_xls() if i % 2 else sound,)) for i in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["read"] * 4 + ["statement.xls_damaged.sheet_data"] * 4
    assert capfd.readouterr().err == ""
    os.write(2, b"after\n")  # descriptor 2 is the terminal's again
    assert capfd.readouterr().err == "after\n"


class PanicException(BaseException):
    """Named as pyo3's exception is (the hiding goes by the name)."""


def test_other_text_written_meanwhile_still_reaches_stderr(capfd) -> None:
    with panic_report_hidden():
        os.write(2, b"a warning of another thread\n")
    assert capfd.readouterr().err == "a warning of another thread\n"
    report = (
        b"\nthread '<unnamed>' (4242) panicked at src/utils.rs:48:25:\n"
        b"range end index 2 out of range for slice of length 0\n"
        b"note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n"
    )
    with pytest.raises(PanicException), panic_report_hidden():
        os.write(2, b"before the panic\n")
        os.write(2, report)
        raise PanicException("range end index 2 out of range")
    assert capfd.readouterr().err == "before the panic\n"
    # Without a panic nothing is dropped, even text that looks like a report.
    with pytest.raises(ValueError), panic_report_hidden():
        os.write(2, report)
        raise ValueError("not a panic")
    assert capfd.readouterr().err == report.decode()


def test_a_process_without_a_descriptor_2_reads_as_before(capfd) -> None:
    saved = os.dup(2)
    os.close(2)
    try:
        with pytest.raises(StatementError) as caught:
            Probe("账单.xls", panicking_xls()).sheets  # noqa: B018
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    assert caught.value.message_id == "statement.xls_damaged.sheet_data"
