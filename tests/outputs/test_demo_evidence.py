"""Acceptance on the demo: `evidence --merchant 洽客` with the cancellation of 2025-06-20."""

from __future__ import annotations

import io
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from qiake_auditor import cli
from qiake_auditor.app import Audit
from qiake_auditor.demo import demo_files
from qiake_auditor.outputs.evidence.verify import verify

from .conftest import needs

AFTER = [
    ("2025-07-12", "29.00"),
    ("2025-08-12", "29.00"),
    ("2025-09-12", "29.00"),
    ("2025-10-12", "29.00"),
    ("2025-11-12", "29.00"),
    ("2025-11-30", "1980.00"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    workspace, out = folder / "ws.sqlite", folder / "qiake.zip"
    argv = [
        "evidence",
        *map(str, demo_files()),
        "--merchant",
        "洽客",
        "--cancelled",
        "2025-06-20",
        "--workspace",
        str(workspace),
        "--out",
        str(out),
        "--lang",
        "both",
    ]
    assert cli.main(argv) == 0
    with Audit.open(workspace) as audit:
        audit.snapshot()
        case = audit.find_case("洽客")
    return out, case, workspace


def read(out: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(out) as archive:
        return {i.filename.split("/", 1)[1]: archive.read(i) for i in archive.infolist()}


def test_the_case_is_the_one_the_acceptance_names(built):
    _, case, _ = built
    assert case.totals["CNY"].paid == Decimal("5274.00")
    assert case.after_totals["CNY"].paid == Decimal("2125.00")
    assert [(c.date.isoformat(), f"{c.amount:.2f}") for c in case.after] == AFTER


def test_package_validates_and_its_hash_is_in_the_case_log(built, capsys):
    out, case, _ = built
    assert verify(out).valid
    assert cli.main(["verify", str(out), "--lang", "en"]) == 0
    assert "valid" in capsys.readouterr().out
    import hashlib

    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    entries = [e for e in case.log if digest in e.summary]
    assert entries and entries[0].summary.startswith(f"evidence package {out.name}")
    assert entries[0].channel.value == "other"


def test_originals_are_byte_identical(built):
    out, case, workspace = built
    files = read(out)
    with Audit.open(workspace, read_only=True) as audit:
        stored = {f.name: audit.workspace.original(f.id) for f in audit.workspace.files()}
    sources = {c.source for c in case.charges}
    for name in sources:
        assert files[f"data/originals/{name}"] == stored[name]


def test_report_and_letters_carry_every_after_cancellation_charge(built, tmp_path):
    needs("pdftotext")
    out, case, _ = built
    files = read(out)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(files["data/report/evidence_report.pdf"])
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    for word in (
        "深圳洽客科技有限公司",
        "¥5,274.00",
        "¥2,125.00",
        "¥1,980.00",
        "2025-06-20",
        "金额",
        "支出",
        "日期",
        "自动续费",
    ):
        assert word in text, word
    for charge in case.charges:
        assert charge.txn_id in text and charge.merchant_order_id in text
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
    merchant = docx.Document(io.BytesIO(files["data/letters/L1_merchant_zh.docx"]))
    body = "\n".join(p.text for p in merchant.paragraphs) + " ".join(
        c.text for t in merchant.tables for r in t.rows for c in r.cells
    )
    assert "¥5,274.00" in body and "¥2,125.00" in body
    for charge in case.after:
        assert charge.txn_id in body and charge.merchant_order_id in body
    for name in (
        "L2_alipay_zh",
        "L2_wechat_zh",
        "L3_bank_zh",
        "L4_regulator_zh",
        "L5_chargeback_generic_en",
        "L1_merchant_en",
    ):
        assert f"data/letters/{name}.docx" in files and f"data/letters/{name}.txt" in files


def test_every_figure_equals_the_case(built):
    """One source of numbers: the tables sum to the case's totals."""
    out, case, _ = built
    files = read(out)
    xlsx = files["data/tables/flagged_transactions.xlsx"]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    rows = list(sheet.iter_rows(values_only=True))
    head, body = rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert head[0] == "row_id" and len(body) == len(case.charges)
    paid = sum(Decimal(str(r["amount"])).quantize(Decimal("0.01")) for r in body)
    after = sum(
        Decimal(str(r["amount"])).quantize(Decimal("0.01"))
        for r in body
        if r["after_cancellation"] == "Y"
    )
    claimed = sum(Decimal(str(r["refund_requested"])).quantize(Decimal("0.01")) for r in body)
    assert paid == case.totals["CNY"].paid
    assert after == claimed == case.after_totals["CNY"].paid
    readme = files["data/README_zh.txt"].decode()
    assert "¥5,274.00" in readme and "¥2,125.00" in readme


def test_changing_any_payload_byte_names_the_file(built, tmp_path, capsys):
    out, _, _ = built
    data = out.read_bytes()
    with zipfile.ZipFile(out) as archive:
        infos = [
            i
            for i in archive.infolist()
            if i.filename.endswith(
                ("evidence_report.pdf", ".xlsx", "L1_merchant_zh.txt", "manifest.json")
            )
        ]
    for info in infos:
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        broken = bytearray(data)
        broken[start + info.file_size // 3] ^= 0x20
        target = tmp_path / "broken.zip"
        target.write_bytes(bytes(broken))
        assert cli.main(["verify", str(target), "--lang", "en"]) == cli.EXIT_INVALID == 3
        said = capsys.readouterr().out
        assert "INVALID" in said and info.filename in said


def test_verify_says_valid_in_the_chosen_language(built, capsys):
    out, case, _ = built
    assert cli.main(["verify", str(out), "--lang", "zh"]) == 0
    said = capsys.readouterr().out.splitlines()[0]
    assert said.startswith(f"{out}：有效（") and said.endswith(f"个文件，{case.id}）")
    assert cli.main(["verify", str(out), "--lang", "en"]) == 0
    said = capsys.readouterr().out.splitlines()[0]
    assert said.startswith(f"{out}: valid (") and said.endswith(f" files, {case.id})")


def test_the_package_entry_of_the_case_log_reads_in_each_language(built, capsys):
    out, _, workspace = built
    assert cli.main(["case", "show", "洽客", "--workspace", str(workspace), "--lang", "zh"]) == 0
    zh = capsys.readouterr().out
    assert f" 证据包 {out.name}（第 1 版），sha256 " in zh and "evidence package" not in zh
    assert cli.main(["case", "show", "洽客", "--workspace", str(workspace), "--lang", "en"]) == 0
    assert f" evidence package {out.name} v1 sha256 " in capsys.readouterr().out


def test_a_second_export_is_a_new_version(built, tmp_path):
    out, _, workspace = built
    second = tmp_path / "again.zip"
    assert (
        cli.main(
            ["evidence", "--merchant", "洽客", "--workspace", str(workspace), "--out", str(second)]
        )
        == 0
    )
    files = read(second)
    import hashlib

    info = files["bag-info.txt"].decode()
    assert f"Previous-Package-SHA256: {hashlib.sha256(out.read_bytes()).hexdigest()}" in info
    assert "Package-Version: 2" in info
    assert verify(second).valid


def test_the_language_given_before_the_command_is_the_messages(built, tmp_path, capsys):
    _, _, workspace = built
    for language, words in (("zh", "扣费 18 笔，共 ¥5,274.00"), ("en", "18 charges, ¥5,274.00")):
        out = tmp_path / f"{language}.zip"
        argv = ["--lang", language, "evidence", "--merchant", "洽客", "--workspace"]
        assert cli.main([*argv, str(workspace), "--out", str(out)]) == 0
        assert words in capsys.readouterr().out


def test_letter_and_chart_commands(built, tmp_path):
    _, _, workspace = built
    for kind in ("merchant", "platform", "bank", "regulator", "chargeback"):
        target = tmp_path / f"{kind}.docx"
        assert (
            cli.main(
                [
                    "letter",
                    "--merchant",
                    "洽客",
                    "--kind",
                    kind,
                    "--workspace",
                    str(workspace),
                    "--out",
                    str(target),
                ]
            )
            == 0
        )
        assert docx.Document(str(target)).paragraphs
    text = tmp_path / "us.txt"
    assert (
        cli.main(
            [
                "letter",
                "--merchant",
                "洽客",
                "--kind",
                "chargeback",
                "--variant",
                "us-credit",
                "--lang",
                "en",
                "--workspace",
                str(workspace),
                "--out",
                str(text),
            ]
        )
        == 0
    )
    assert "1026.13" in text.read_text(encoding="utf-8-sig")
    for kind, suffix in (
        ("monthly", ".png"),
        ("cumulative", ".svg"),
        ("timeline", ".pdf"),
        ("price", ".png"),
    ):
        target = tmp_path / f"c{suffix}"
        assert (
            cli.main(
                [
                    "chart",
                    "--merchant",
                    "洽客",
                    "--kind",
                    kind,
                    "--workspace",
                    str(workspace),
                    "--out",
                    str(target),
                ]
            )
            == 0
        )
        assert target.stat().st_size > 1000


def test_attachments_and_unmasked_numbers(built, tmp_path):
    _, _, workspace = built
    shot = tmp_path / "客服截图.png"
    shot.write_bytes(b"\x89PNG not really an image, kept byte for byte")
    out = tmp_path / "with-attachment.zip"
    assert (
        cli.main(
            [
                "evidence",
                "--merchant",
                "洽客",
                "--workspace",
                str(workspace),
                "--out",
                str(out),
                "--attach",
                str(shot),
                "--phone",
                "13812345678",
            ]
        )
        == 0
    )
    files = read(out)
    assert files["data/attachments/客服截图.png"] == shot.read_bytes()
    letter = files["data/letters/L1_merchant_zh.txt"].decode("utf-8-sig")
    assert "138****5678" in letter and "13812345678" not in letter
    plain = tmp_path / "plain.txt"
    assert (
        cli.main(
            [
                "letter",
                "--merchant",
                "洽客",
                "--kind",
                "merchant",
                "--workspace",
                str(workspace),
                "--phone",
                "13812345678",
                "--unmasked",
                "--out",
                str(plain),
            ]
        )
        == 0
    )
    assert "13812345678" in plain.read_text(encoding="utf-8-sig")


def test_no_usable_font_is_a_clear_error(built, tmp_path, capsys):
    _, _, workspace = built
    bogus = tmp_path / "bogus.ttf"
    bogus.write_bytes(b"not a font")
    out = tmp_path / "never.zip"
    code = cli.main(
        [
            "evidence",
            "--merchant",
            "洽客",
            "--workspace",
            str(workspace),
            "--out",
            str(out),
            "--font",
            str(bogus),
        ]
    )
    assert code == cli.EXIT_BAD_INPUT and not out.exists()
    assert str(bogus) in capsys.readouterr().err


def test_an_existing_package_is_not_replaced_unless_asked(built, tmp_path, capsys):
    out, _, workspace = built
    sent = tmp_path / "sent.zip"
    sent.write_bytes(out.read_bytes())  # the package the user already sent
    argv = ["evidence", "--merchant", "洽客", "--workspace", str(workspace), "--out", str(sent)]
    capsys.readouterr()
    assert cli.main([*argv, "--lang", "en"]) == cli.EXIT_BAD_INPUT
    assert "already exists" in capsys.readouterr().err
    assert sent.read_bytes() == out.read_bytes()
    assert cli.main([*argv, "--replace"]) == 0
    assert sent.read_bytes() != out.read_bytes() and verify(sent).valid
