"""The command line as a user meets it: one language per run, amounts with their currency,
sums that add up, and a mistyped workspace that is refused instead of created empty.

Expected figures were read by hand from qiake_auditor/resources/demo: the ICBC CSV has 43
records, the Alipay CSV 304, the WeChat XLSX 191 (538 in all); 洽客科技 charges ¥29.00 eleven
times (¥319.00) in the WeChat file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qiake_auditor.app.demo import demo_files
from qiake_auditor.cli import main
from qiake_auditor.i18n import label_in

from ..core.alipay_text import alipay_csv

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def demo_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = demo_files()
    if len(files) != 3:
        pytest.skip("the demo statements are not bundled")
    path = tmp_path_factory.mktemp("cli-user") / "workspace.sqlite"
    assert main(["import", *map(str, files), "--workspace", str(path), "--lang", "en"]) == 0
    return path


def test_a_multi_file_import_ends_with_a_total_that_adds_up(tmp_path: Path, capsys) -> None:
    files = demo_files()
    if len(files) != 3:
        pytest.skip("the demo statements are not bundled")
    ws = str(tmp_path / "ws.sqlite")
    assert main(["import", *map(str, files), "--workspace", ws, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "in all: 3 files, 538 rows read, 538 new, 0 files already imported" in out
    assert main(["import", *map(str, files), "--workspace", ws, "--lang", "zh"]) == 0
    assert "合计：3 个文件，读到 538 行，新增 0 行，3 个文件以前已导入" in capsys.readouterr().out


def test_import_names_the_format_in_the_chosen_language_only(tmp_path: Path, capsys) -> None:
    bill = alipay_csv(tmp_path / "支付宝交易明细(20240101-20240131).csv", ["jan"])
    ws = str(tmp_path / "ws.sqlite")
    assert main(["import", str(bill), "--workspace", ws, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    format_line = next(line for line in out.splitlines() if "format" in line)
    assert format_line.strip() == "format alipay-2023 (Alipay app CSV (2023+))"
    assert "1 row (1 new)" in out  # not "1 rows"
    assert "in all" not in out  # one file: no total line
    assert main(["import", str(bill), "--workspace", ws, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "格式 alipay-2023（支付宝交易流水证明）" in out
    assert "Alipay" not in out


def test_a_bilingual_label_splits_only_at_its_chinese_half() -> None:
    assert label_in("OFX 1.x / QFX (SGML)", "zh") == "OFX 1.x / QFX (SGML)"
    assert label_in("CCB XLS / 建设银行交易明细", "zh") == "建设银行交易明细"
    assert label_in("CCB XLS / 建设银行交易明细", "en") == "CCB XLS"
    assert label_in("SWIFT MT940 bank statement", "en") == "SWIFT MT940 bank statement"


def test_scan_table_shows_amounts_with_their_currency(demo_workspace: Path, capsys) -> None:
    assert main(["scan", "--workspace", str(demo_workspace), "--lang", "en"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "洽客科技  " in line)
    assert "¥29.00" in row and "¥319.00" in row, row


def test_lang_before_the_sub_command_is_understood(demo_workspace: Path, capsys) -> None:
    assert main(["--lang", "zh", "scan", "--workspace", str(demo_workspace)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("截至 ") and "recurring" not in out
    assert main(["--lang", "en", "case", "list", "--workspace", str(demo_workspace)]) == 0
    head = capsys.readouterr().out.splitlines()[0]
    assert head.split()[:3] == ["case", "merchant", "status"] and not CJK.search(head)


@pytest.mark.parametrize(
    "command",
    [
        ["scan"],
        ["case", "list"],
        ["case", "show", "洽客"],
        ["case", "set", "洽客", "--note", "x"],
        ["case", "log", "洽客", "--channel", "bank", "--summary", "x"],
    ],
)
def test_a_mistyped_workspace_is_refused_not_created(tmp_path: Path, capsys, command) -> None:
    typo = tmp_path / "typo.sqlite"
    assert main([*command, "--workspace", str(typo), "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert f"工作区 {typo} 不存在" in err, err
    assert not typo.exists()


def test_case_list_says_when_there_is_no_case(tmp_path: Path, capsys) -> None:
    bill = alipay_csv(tmp_path / "支付宝交易明细(20240101-20240131).csv", ["coffee"])
    ws = str(tmp_path / "ws.sqlite")
    assert main(["import", str(bill), "--workspace", ws]) == 0
    capsys.readouterr()
    assert main(["case", "list", "--workspace", ws, "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == (
        "no cases (the workspace holds no recurring or flagged charges)"
    )


def test_an_attachment_is_described_in_chinese(demo_workspace: Path, tmp_path: Path, capsys):
    shot = tmp_path / "截图.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 1992)  # 2,000 bytes
    args = ["case", "log", "洽客", "--channel", "merchant", "--summary", "电话要求退款"]
    assert (
        main([*args, "--attach", str(shot), "--workspace", str(demo_workspace), "--lang", "zh"])
        == 0
    )
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "截图.png" in line)
    assert line.endswith("（2,000 字节）") and "bytes" not in line, line


def test_an_out_path_that_cannot_be_written_is_refused_before_the_import(
    tmp_path: Path, capsys
) -> None:
    bill = alipay_csv(tmp_path / "支付宝交易明细(20240101-20240131).csv", ["jan"])
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder")
    ws = tmp_path / "ws.sqlite"
    out = not_a_folder / "ledger.csv"
    assert (
        main(["import", str(bill), "--workspace", str(ws), "--out", str(out), "--lang", "en"]) == 2
    )
    assert f"{out}: cannot be written" in capsys.readouterr().err
    assert not ws.exists()  # nothing imported, no workspace created
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([bill.name, "notes.txt"])


def test_a_ledger_that_fails_to_write_says_the_import_was_saved(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from qiake_auditor import exports

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exports, "write_ledger", disk_full)
    bill = alipay_csv(tmp_path / "支付宝交易明细(20240101-20240131).csv", ["jan"])
    ws = str(tmp_path / "ws.sqlite")
    out = tmp_path / "ledger.csv"
    assert main(["import", str(bill), "--workspace", ws, "--out", str(out), "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert f"账目没有写出到 {out}（磁盘空间不足）；导入已保存" in err  # ENOSPC in our words
    assert main(["import", str(bill), "--workspace", ws, "--json"]) == 0
    assert '"already_imported": true' in capsys.readouterr().out  # the import stood


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["scan", "--watch="], "--watch cannot be empty"),
        (["case", "set", "洽客", "--alias="], "--alias cannot be empty"),
        (["case", "set", "洽客", "--split", " "], "--split cannot be empty"),
        (
            ["case", "log", "洽客", "--channel", "bank", "--summary", " "],
            "--summary cannot be empty",
        ),
        (
            ["case", "set", "洽客", "--cancelled", "2999-01-01"],
            "--cancelled: 2999-01-01 is after today",
        ),
        (["scan", "--cancelled", "洽客=2999-01-01"], "--cancelled: 2999-01-01 is after today"),
        (
            ["case", "log", "洽客", "--channel", "bank", "--summary", "x", "--date", "2999-01-01"],
            "--date: 2999-01-01 is after today",
        ),
    ],
)
def test_empty_values_and_future_days_are_refused_before_anything_is_stored(
    demo_workspace: Path, capsys, command: list[str], message: str
) -> None:
    before = demo_workspace.read_bytes()
    assert main([*command, "--workspace", str(demo_workspace), "--lang", "en"]) == 2
    assert message in capsys.readouterr().err
    assert demo_workspace.read_bytes() == before


def test_formats_and_scan_notes_in_one_language(demo_workspace: Path, capsys) -> None:
    assert main(["--lang", "zh", "formats"]) == 0
    lines = dict(line.split(maxsplit=1) for line in capsys.readouterr().out.splitlines())
    assert lines["ccb-xls"] == "建设银行交易明细" and lines["ofx-1"] == "OFX 1.x / QFX (SGML)"
    assert main(["--lang", "en", "formats"]) == 0
    lines = dict(line.split(maxsplit=1) for line in capsys.readouterr().out.splitlines())
    assert lines["ccb-xls"] == "CCB XLS"
    assert main(["scan", "--workspace", str(demo_workspace), "--lang", "zh"]) == 0
    notes = [line for line in capsys.readouterr().out.splitlines() if line.startswith("* ")]
    assert notes and all(line.startswith("* 洽客科技：") or "有限公司：" in line for line in notes)


def test_a_case_log_entry_is_confirmed_in_the_chosen_language(demo_workspace: Path, capsys):
    args = ["case", "log", "洽客", "--channel", "bank", "--summary", "call", "--date", "2025-07-01"]
    assert main([*args, "--workspace", str(demo_workspace), "--lang", "en"]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith("added to the case log: QK-") and line.endswith(
        "  2025-07-01 bank call"
    ), line
    assert main([*args, "--workspace", str(demo_workspace), "--lang", "zh"]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith("已记入案件记录：QK-") and line.endswith("  2025-07-01 银行 call"), line


def test_scan_and_case_tell_what_the_import_of_their_files_warned(tmp_path: Path, capsys) -> None:
    import json

    bill = tmp_path / "us.csv"  # hand written: a bank CSV that does not say its currency
    bill.write_text(
        "Posting Date,Description,Amount\n"
        "01/05/2024,COFFEE SHOP,-3.50\n"
        "01/06/2024,PAYROLL,1200.00\n"
    )
    ws = str(tmp_path / "ws.sqlite")
    assert main(["scan", str(bill), "--workspace", ws, "--lang", "en", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["as_of"] == "2024-01-06"  # stdout stays one object
    assert "warning: us.csv: the file does not say its currency, so CNY was assumed" in (
        captured.err
    )
    assert main(["case", "list", str(bill), "--workspace", ws, "--lang", "zh"]) == 0
    assert "注意：us.csv：文件没有写明币种，已按人民币（CNY）记账" in capsys.readouterr().err


def test_case_show_lists_log_entries_with_single_spaces(tmp_path: Path, capsys) -> None:
    files = demo_files()
    if len(files) != 3:
        pytest.skip("the demo statements are not bundled")
    ws = str(tmp_path / "ws.sqlite")
    assert main(["import", *map(str, files), "--workspace", ws]) == 0
    assert main(["case", "set", "洽客", "--cancelled", "2025-06-20", "--workspace", ws]) == 0
    log = ["case", "log", "洽客", "--channel", "merchant", "--summary", "asked for a refund"]
    assert main([*log, "--date", "2025-07-01", "--outcome", "refused", "--workspace", ws]) == 0
    capsys.readouterr()
    assert main(["case", "show", "洽客", "--workspace", ws, "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    entries = out[out.index("case log:") + 1 :]
    decision = next(line for line in entries if line.endswith("cancelled on 2025-06-20"))
    assert re.fullmatch(r"  \d{4}-\d\d-\d\d cancelled on 2025-06-20", decision), decision
    assert "  2025-07-01 merchant asked for a refund → refused" in entries, entries
