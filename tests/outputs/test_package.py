"""The evidence package of a hand-made case, opened as its recipient would."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import bagit
import docx
import openpyxl
import pytest

from qiake_auditor.outputs.evidence.package import AttachedFile, build_package
from qiake_auditor.outputs.evidence.verify import verify
from qiake_auditor.outputs.facts import Party

from .conftest import CSV, SHA, WHEN, needs


@pytest.fixture
def package(tmp_path: Path, case, originals):
    shot = b"\x89PNG screenshot bytes"
    attachments = [
        AttachedFile(
            "客服聊天.png",
            hashlib.sha256(shot).hexdigest(),
            lambda: shot,
            "2025-05-20",
            "客服答应取消",
        )
    ]
    result = build_package(
        case,
        tmp_path / "pkg.zip",
        originals,
        attachments,
        party=Party(name="张三", phone="13812345678", account="6222021234567890123"),
        lang="both",
        generated_at=WHEN,
    )
    return result


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def test_package_is_a_valid_bag_with_every_part(package, tmp_path: Path):
    files = members(package.path)
    root = f"{package.root}/"
    assert package.root == "QK-20260105-001-v1"
    for name in (
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "data/README_zh.txt",
        "data/README_en.txt",
        "data/report/evidence_report.pdf",
        "data/report/evidence_report_en.pdf",
        "data/originals/示例账单.csv",
        "data/attachments/客服聊天.png",
        "data/tables/flagged_transactions.xlsx",
        "data/tables/flagged_transactions.csv",
        "data/tables/all_transactions.csv",
        "data/charts/timeline.png",
        "data/charts/timeline.svg",
        "data/custody/manifest.json",
        "data/custody/case_log.csv",
        "data/letters/L1_merchant_zh.docx",
        "data/letters/L1_merchant_en.txt",
        "data/letters/L2_alipay_zh.docx",
        "data/letters/L3_bank_1111_zh.docx",
        "data/letters/L3_bank_0123_zh.docx",
        "data/letters/L4_regulator_zh.docx",
        "data/letters/L5_chargeback_generic_1111_en.docx",
        "data/letters/L5_chargeback_generic_0123_en.docx",
    ):
        assert root + name in files, name
    assert files[root + "data/originals/示例账单.csv"] == CSV  # byte for byte
    info = files[root + "bag-info.txt"].decode()
    assert "External-Identifier: QK-20260105-001" in info
    assert "Bag-Software-Agent: qiake-auditor" in info
    payload = {n: d for n, d in files.items() if n.startswith(root + "data/")}
    assert f"Payload-Oxum: {sum(map(len, payload.values()))}.{len(payload)}" in info
    assert f"{SHA}  data/originals/示例账单.csv" in files[root + "manifest-sha256.txt"].decode()
    # the Library of Congress validator agrees
    with zipfile.ZipFile(package.path) as archive:
        archive.extractall(tmp_path / "x")
    bag = bagit.Bag(str(tmp_path / "x" / package.root))
    bag.validate()
    assert bag.algorithms == ["sha256"]
    custody = json.loads(files[root + "data/custody/manifest.json"])
    by_path = {e["path"]: e for e in custody["files"]}
    original = by_path["data/originals/示例账单.csv"]
    assert original["sha256"] == SHA and original["role"] == "original"
    assert original["original_filename"] == "示例账单.csv" and original["imported_at"]
    assert by_path["data/tables/flagged_transactions.csv"]["derived_from"] == [SHA]
    assert hashlib.sha256(package.path.read_bytes()).hexdigest() == package.sha256


def test_verify_passes_then_names_each_changed_file(package, tmp_path: Path):
    assert verify(package.path).valid
    data = package.path.read_bytes()
    with zipfile.ZipFile(package.path) as archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
    for info in infos:
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        for offset in (start, start + info.compress_size // 2, start + info.compress_size - 1):
            broken = bytearray(data)
            broken[offset] ^= 0x01
            target = tmp_path / "broken.zip"
            target.write_bytes(bytes(broken))
            verdict = verify(target)
            assert not verdict.valid, (info.filename, offset)
            assert info.filename in verdict.names(), (info.filename, verdict.problems)


def test_verify_names_missing_and_extra_files(package, tmp_path: Path):
    files = members(package.path)
    root = package.root
    target = tmp_path / "edited.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in files.items():
            if name != f"{root}/data/charts/timeline.svg":
                archive.writestr(name, data)
        archive.writestr(f"{root}/data/originals/new.csv", b"x")
    verdict = verify(target)
    assert not verdict.valid
    kinds = {(p.kind, p.path) for p in verdict.problems}
    assert ("missing", f"{root}/data/charts/timeline.svg") in kinds
    assert ("extra", f"{root}/data/originals/new.csv") in kinds


def test_verify_says_each_problem_in_the_language_asked(package, tmp_path: Path):
    import re

    files = members(package.path)
    root = package.root
    target = tmp_path / "edited.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data + b"!" if name.endswith("timeline.svg") else data)
        archive.writestr("stray.txt", b"x")
    problems = verify(target).problems
    zh = [p.text("zh") for p in problems]
    en = [p.text("en") for p in problems]
    assert f"已被改动：{root}/data/charts/timeline.svg（SHA-256 不一致）" in zh
    assert "多出的文件：stray.txt（不在证据包文件夹内）" in zh
    assert f"altered: {root}/data/charts/timeline.svg (SHA-256 differs)" in en
    assert "extra: stray.txt (outside the bag folder)" in en
    for said in zh:  # no English words besides names, codes and the path
        rest = said.replace(root, "").replace("SHA-256", "")
        assert not re.search(r"[A-Za-z]{4,}", re.sub(r"[\w/.-]+\.(svg|txt)", "", rest)), said
    assert (
        verify(tmp_path / "edited.zip" / "none.zip")
        .problems[0]
        .text("zh")
        .startswith("无法读取（已损坏）：none.zip（无法打开：")
    )
    target.write_bytes(b"not a zip")
    assert verify(target).problems[0].text("zh") == (
        "无法读取（已损坏）：edited.zip（不是 ZIP 文件，或已损坏）"
    )


def test_a_changed_version_byte_in_the_central_directory_is_invalid_not_a_crash(
    package, tmp_path: Path
):
    data = bytearray(package.path.read_bytes())
    end = data.rfind(b"PK\x05\x06")  # the end record says where the central directory is
    entry = int.from_bytes(data[end + 16 : end + 20], "little")  # its first entry
    assert data[entry : entry + 4] == b"PK\x01\x02"
    data[entry + 6] = 0xEB  # "version needed to extract": 23.5, which zipfile refuses
    target = tmp_path / "b.zip"
    target.write_bytes(bytes(data))
    verdict = verify(target)
    assert not verdict.valid
    assert verdict.problems[0].text("zh") == "无法读取（已损坏）：b.zip（已损坏，无法解压）"


def test_any_byte_of_the_zip_changed_fails(package, tmp_path: Path):
    data = package.path.read_bytes()
    target = tmp_path / "b.zip"
    for offset in range(0, len(data), max(1, len(data) // 300)):
        broken = bytearray(data)
        broken[offset] ^= 0xFF
        target.write_bytes(bytes(broken))
        assert not verify(target).valid, offset


def test_flagged_xlsx_types_and_no_formulas(package):
    files = members(package.path)
    book = openpyxl.load_workbook(
        io.BytesIO(files[f"{package.root}/data/tables/flagged_transactions.xlsx"])
    )
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    head = rows[0]
    assert head[:4] == ("row_id", "exhibit_id", "channel", "txn_time_local")
    records = [dict(zip(head, r, strict=True)) for r in rows[1:]]
    assert len(records) == 8
    assert isinstance(records[0]["txn_time_local"], datetime)
    assert isinstance(records[0]["amount"], float | int) and records[0]["amount"] == 29
    assert sum(Decimal(str(r["refund_requested"])) for r in records) == Decimal("87.00")
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@")), cell.value
    last = records[-1]
    assert last["counterparty"] == '\'=HYPERLINK("http://x")'
    assert last["merchant_order_id"] == "'-ORD0008"
    assert last["after_cancellation"] == "Y" and last["exhibit_id"] == "E-01"
    assert last["source_sha256"] == SHA and last["source_row"] == 9
    assert "6222021234567890123" not in last["pay_method"]
    assert "6222 **** **** 0123" in last["pay_method"] and "138****5678" in last["pay_method"]
    text = files[f"{package.root}/data/tables/flagged_transactions.csv"].decode("utf-8-sig")
    for line in text.splitlines()[1:]:
        for value in line.split(","):
            assert not value.startswith(("=", "+", "-", "@"))


def test_letters_carry_every_charge_and_placeholders(package, case):
    files = members(package.path)
    root = package.root

    def read(name: str) -> tuple[str, str]:
        document = docx.Document(io.BytesIO(files[f"{root}/data/letters/{name}.docx"]))
        cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        body = "\n".join(p.text for p in document.paragraphs) + cells
        return body, files[f"{root}/data/letters/{name}.txt"].decode("utf-8-sig")

    for name in ("L1_merchant_zh", "L2_alipay_zh", "L4_regulator_zh", "L1_merchant_en"):
        body, text = read(name)
        for charge in case.after:
            assert charge.txn_id in body and charge.txn_id in text, name
        assert "¥87.00" in body
        assert "【请填写：" in text or "[FILL IN:" in text
        assert "13812345678" not in text and "6222021234567890123" not in text
    # a bank (and a chargeback) letter per paying card, each with only that card's charges:
    # 招商银行(1111) paid June and July after the cancellation, the card 6222…0123 August
    for name, months, total in (
        ("L3_bank_1111_zh", (6, 7), "争议金额合计：¥58.00"),
        ("L3_bank_0123_zh", (8,), "争议金额合计：¥29.00"),
        ("L5_chargeback_generic_1111_en", (6, 7), "account ending 1111 — total ¥58.00"),
        ("L5_chargeback_generic_0123_en", (8,), "account ending 0123 — total ¥29.00"),
    ):
        body, text = read(name)
        for charge in case.charges:
            shown = charge.date.month in months
            assert (charge.txn_id in body) is shown and (charge.txn_id in text) is shown, name
        assert total in text, name
        assert "¥87.00" not in text
        assert "【请填写：" in text or "[FILL IN:" in text
        assert "13812345678" not in text and "6222021234567890123" not in text
    merchant = files[f"{root}/data/letters/L1_merchant_zh.txt"].decode("utf-8-sig")
    assert "深圳示例科技有限公司" in merchant and "¥232.00" in merchant
    assert "第六十二条" in merchant and "法规核对日期" in merchant
    assert "第十八条" not in merchant  # unverified: never printed
    assert "三倍" not in merchant and "第五十五条" not in merchant  # no punitive claim by default
    assert "五日" not in merchant


def test_report_text_layer_and_fonts(package, case, tmp_path: Path):
    needs("pdftotext")
    files = members(package.path)
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(files[f"{package.root}/data/report/evidence_report.pdf"])
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    for word in (
        "金额",
        "支出",
        "日期",
        "自动续费",
        "深圳示例科技有限公司",
        "¥232.00",
        "¥87.00",
        "QK-20260105-001",
        "不构成法律意见",
        "SHA-256",
        SHA[:16],
        "2025-05-20",
    ):
        assert word in text, word
    for charge in case.charges:
        assert charge.txn_id in text and charge.merchant_order_id in text
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
    assert "13812345678" not in text and "138****5678" in text  # masked, still recognisable
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, check=True, text=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line.split("Identity-H")[-1] + " " for line in fonts)
    pages = text.count("\f")
    squeezed = text.replace(" ", "")
    assert all(f"第{n}页/共{pages}页" in squeezed for n in range(1, pages + 1))
    assert squeezed.count("QK-20260105-001") >= pages  # the case id on every page


def test_a_new_version_names_the_previous_package(tmp_path: Path, case, originals, package):
    again = build_package(
        case, tmp_path / "v2.zip", originals, previous=[package.sha256], generated_at=WHEN
    )
    info = members(again.path)[f"{again.root}/bag-info.txt"].decode()
    assert again.root == "QK-20260105-001-v2"
    assert f"Previous-Package-SHA256: {package.sha256}" in info
    assert verify(again.path).valid


def test_progress_is_reported_and_a_cancel_writes_nothing(tmp_path: Path, case, originals):
    from qiake_auditor.errors import Cancelled
    from qiake_auditor.progress import Progress

    class Recorder(Progress):
        def __init__(self, stop_at: float | None = None) -> None:
            self.seen: list[float] = []
            self.stop_at = stop_at

        def report(self, fraction: float, text: str = "") -> None:
            self.seen.append(fraction)

        def cancelled(self) -> bool:
            return self.stop_at is not None and self.seen[-1] >= self.stop_at

    done = Recorder()
    build_package(case, tmp_path / "a.zip", originals, generated_at=WHEN, progress=done)
    assert done.seen == sorted(done.seen) and done.seen[-1] == 1.0
    with pytest.raises(Cancelled):
        build_package(
            case, tmp_path / "b.zip", originals, generated_at=WHEN, progress=Recorder(stop_at=0.6)
        )
    assert not (tmp_path / "b.zip").exists()


def test_totals_are_per_currency_never_added_across(tmp_path: Path, case, originals):
    import copy

    from qiake_auditor.app.cases import totals_of

    dollars = copy.copy(case.charges[-1])
    dollars.currency, dollars.amount, dollars.txn_id = "USD", Decimal("12.50"), "USD-TXN-1"
    case.charges.append(dollars)
    case.after.append(dollars)
    case.totals, case.after_totals = totals_of(case.charges), totals_of(case.after)
    result = build_package(case, tmp_path / "fx.zip", originals, generated_at=WHEN)
    lines = "\n".join(result.summary_lines("en"))
    assert "¥232.00" in lines and "$12.50" in lines and "244.50" not in lines
    readme = members(result.path)[f"{result.root}/data/README_en.txt"].decode()
    assert "¥87.00; $12.50" in readme
    # in Chinese the currencies are joined with a Chinese semicolon
    readme = members(result.path)[f"{result.root}/data/README_zh.txt"].decode()
    assert "¥87.00；$12.50" in readme and "; $" not in readme
    lines = "\n".join(result.summary_lines("zh"))
    assert "；$12.50" in lines and "; $" not in lines


def test_attachments_keep_their_own_files_when_unpacked_on_windows(tmp_path: Path, case, originals):
    """Screenshots named alike but for case, and names Windows refuses or changes (a
    device name, a trailing dot, forbidden characters), each stay their own exhibit."""
    names = ["IMG_01.PNG", "img_01.png", "NUL.txt", "聊天记录. ", "a:b?.png", "...", r"C:\x\con"]
    attachments = [
        AttachedFile(name, hashlib.sha256(name.encode()).hexdigest(), name.encode, "", "")
        for name in names
    ]
    result = build_package(case, tmp_path / "p.zip", originals, attachments, charts=False)
    files = members(result.path)
    prefix = f"{result.root}/data/attachments/"
    stored = {n[len(prefix) :]: d for n, d in files.items() if n.startswith(prefix)}
    assert stored == {
        "IMG_01.PNG": b"IMG_01.PNG",
        "img_01-2.png": b"img_01.png",
        "_NUL.txt": b"NUL.txt",
        "聊天记录": "聊天记录. ".encode(),
        "a_b_.png": b"a:b?.png",
        "file": b"...",
        "_con": b"C:\\x\\con",
    }
    custody = json.loads(files[f"{result.root}/data/custody/manifest.json"])
    kept = {e["path"]: e.get("original_filename") for e in custody["files"]}
    assert kept["data/attachments/_NUL.txt"] == "NUL.txt"  # the user's own name recorded
    assert verify(result.path).valid
