"""Password-protected ZIP archives: AES (Alipay) and ZipCrypto (WeChat), right and wrong."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import pyzipper

from qiake_auditor.cli import main
from qiake_auditor.errors import StatementError
from qiake_auditor.importers.archive import members as archive_members
from qiake_auditor.workspace import Workspace

STATEMENT = (
    "日期,金额,对方\n2024-01-05,-30.00,深圳洽客科技有限公司\n"
    "2024-02-05,-30.00,深圳洽客科技有限公司\n"
)
SEED = "Date,Amount,Payee\n2023-12-01,-1.00,Seed shop\n"


def snapshot(workspace: Path) -> tuple:
    """Everything an import could change: stored files, rows, remembered column maps."""
    with Workspace(workspace) as ws:
        files = sorted((f.name, f.sha256, f.format) for f in ws.files())
        ledger = ws.ledger()
        return (files, len(ledger), sorted(ledger["dedup_key"]), ws.column_maps())


def seeded_workspace(tmp_path: Path) -> Path:
    """A workspace that already holds one statement, so "unchanged" means something."""
    seed = tmp_path / "seed.csv"
    seed.write_text(SEED, encoding="utf-8")
    workspace = tmp_path / "ws.sqlite"
    assert main(["import", str(seed), "--workspace", str(workspace)]) == 0
    return workspace


def aes_zip(path: Path, password: str, member: str = "账单202401.csv") -> Path:
    with pyzipper.AESZipFile(
        path, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
    ) as archive:
        archive.setpassword(password.encode("utf-8"))
        archive.writestr(member, STATEMENT.encode("utf-8"))
    return path


def zipcrypto_zip(tmp_path: Path, password: str, content: str = STATEMENT) -> Path:
    """A ZipCrypto archive written by Info-ZIP's ``zip -P`` (as WeChat's are)."""
    if shutil.which("zip") is None:
        pytest.skip("the zip command is not installed")
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "wechat.csv").write_text(content, encoding="utf-8")
    target = tmp_path / "wechat.zip"
    subprocess.run(["zip", "-q", "-P", password, str(target), "wechat.csv"], cwd=folder, check=True)
    with zipfile.ZipFile(target) as archive:
        assert archive.infolist()[0].flag_bits & 0x1  # really encrypted
    return target


def test_aes_archive_with_the_right_password(tmp_path: Path, capsys) -> None:
    archive = aes_zip(tmp_path / "alipay.zip", "123456")
    workspace = tmp_path / "ws.sqlite"
    out = tmp_path / "ledger.csv"
    assert (
        main(
            [
                "import",
                str(archive),
                "--workspace",
                str(workspace),
                "--password",
                "123456",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    with Workspace(workspace) as ws:
        (stored,) = ws.files()
        rows = ws.ledger()
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert (stored.name, stored.sha256) == ("alipay.zip", digest)
    assert set(rows["source"]) == {"alipay.zip/账单202401.csv"}
    assert set(rows["source_sha256"]) == {digest}
    assert sorted(rows["source_row"]) == [2, 3]
    assert rows["amount"].tolist() == ["30.00", "30.00"]
    assert set(rows["direction"]) == {"expense"}


def test_zipcrypto_archive_with_the_right_password(tmp_path: Path) -> None:
    archive = zipcrypto_zip(tmp_path, "654321")
    workspace = tmp_path / "ws.sqlite"
    assert (
        main(["import", str(archive), "--workspace", str(workspace), "--password", "654321"]) == 0
    )
    with Workspace(workspace) as ws:
        rows = ws.ledger()
    assert set(rows["source"]) == {"wechat.zip/wechat.csv"}
    assert len(rows) == 2


@pytest.mark.parametrize("kind", ["aes", "zipcrypto"])
def test_missing_password(tmp_path: Path, capsys, kind: str) -> None:
    workspace = seeded_workspace(tmp_path)
    archive = (
        aes_zip(tmp_path / "alipay.zip", "123456")
        if kind == "aes"
        else zipcrypto_zip(tmp_path, "123456")
    )
    before = snapshot(workspace)
    capsys.readouterr()
    assert main(["import", str(archive), "--workspace", str(workspace)]) == 2
    err = capsys.readouterr().err
    assert archive.name in err and "password-protected" in err and "--password" in err
    assert "Traceback" not in err
    assert snapshot(workspace) == before


@pytest.mark.parametrize("kind", ["aes", "zipcrypto"])
def test_wrong_password(tmp_path: Path, capsys, kind: str) -> None:
    workspace = seeded_workspace(tmp_path)
    archive = (
        aes_zip(tmp_path / "alipay.zip", "123456")
        if kind == "aes"
        else zipcrypto_zip(tmp_path, "123456")
    )
    before = snapshot(workspace)
    capsys.readouterr()
    assert (
        main(["import", str(archive), "--workspace", str(workspace), "--password", "000000"]) == 2
    )
    err = capsys.readouterr().err
    assert archive.name in err and "wrong password" in err and "Traceback" not in err
    assert snapshot(workspace) == before


def test_zipcrypto_wrong_password_that_passes_the_check_byte(tmp_path: Path, capsys) -> None:
    """ZipCrypto verifies one byte: ~1 wrong password in 256 decrypts to garbage instead."""
    # Long enough to be deflated: garbage then fails in zlib rather than at the CRC check.
    archive = zipcrypto_zip(tmp_path, "123456", STATEMENT + "2024-03-05,-1.00,x\n" * 200)
    lucky = None
    with zipfile.ZipFile(archive) as opened:
        for guess in range(20000):
            try:
                opened.read("wechat.csv", pwd=str(guess).encode())
            except RuntimeError:
                continue  # rejected by the check byte
            except Exception:  # any other failure is what we look for
                lucky = str(guess)
                break
    assert lucky is not None
    assert (
        main(
            [
                "import",
                str(archive),
                "--workspace",
                str(tmp_path / "ws.sqlite"),
                "--password",
                lucky,
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "wrong password" in err and "Traceback" not in err


def test_damaged_archive(tmp_path: Path, capsys) -> None:
    data = aes_zip(tmp_path / "a.zip", "1").read_bytes()
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(data[: len(data) // 2])
    assert (
        main(
            ["import", str(damaged), "--workspace", str(tmp_path / "ws.sqlite"), "--password", "1"]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "damaged.zip" in err and "ZIP" in err and "Traceback" not in err


def _zip_of(members: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_bomb_is_refused_before_it_inflates(tmp_path: Path) -> None:
    # 6 members of 200 MiB zeros (about 1.2 MB of ZIP) claim 1.2 GiB in all; the budget is
    # for the whole archive, so reading stops early, in a process that stays small.
    path = tmp_path / "bomb.zip"
    zeros = bytes(200 * 2**20)
    path.write_bytes(_zip_of({f"part{i}.csv": zeros for i in range(6)}))
    del zeros
    script = (
        "import resource, sys\n"
        "from qiake_auditor.errors import StatementError\n"
        "from qiake_auditor.ingest import read_statements\n"
        "try:\n"
        "    read_statements(sys.argv[1])\n"
        "except StatementError as exc:\n"
        "    print(exc)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    message, peak_kib = done.stdout.strip().rsplit("\n", 1)
    assert message.startswith("bomb.zip: ") and "decompression bomb" in message
    assert int(peak_kib) < 1024 * 1024


def test_member_that_is_no_statement_is_named_with_its_zip(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bills.zip"
    path.write_bytes(_zip_of({"notes.txt": b"just some notes\nnothing else\n"}))
    code = main(["import", str(path), "--workspace", str(tmp_path / "ws.sqlite")])
    err = capsys.readouterr().err
    assert code == 2 and "bills.zip/notes.txt" in err


def test_zip_needing_an_unknown_version_is_refused_as_damaged(tmp_path: Path, capsys) -> None:
    # Found by benchmarks/fuzz.py: NotImplementedError("zip file version 14.8"), exit 1.
    data = bytearray(_zip_of({"bill.csv": b"a,b\n1,2\n"}))
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 148  # version needed to extract
    path = tmp_path / "odd.zip"
    path.write_bytes(bytes(data))
    code = main(["import", str(path), "--workspace", str(tmp_path / "ws.sqlite")])
    err = capsys.readouterr().err
    assert code == 2 and "odd.zip" in err and "damaged" in err


def _member_csv(i: int) -> str:
    rows = f"2024-01-{1 + i % 28:02d},shop {i % 3},-{1 + i % 5}.50\n"
    if i % 4 == 0:  # a look-alike row twice in one member: two rows, two keys
        rows += rows
    return "Date,Description,Amount\n" + rows + ("\n" if i % 2 else "")


def test_many_members_of_one_layout_read_together_as_if_read_alone(tmp_path: Path) -> None:
    from qiake_auditor.importers.member_batches import BATCH_MIN
    from qiake_auditor.ingest import read_statements

    count = BATCH_MIN * 3
    bundle = tmp_path / "daily.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for i in range(count):
            archive.writestr(f"day{i:03d}.csv", _member_csv(i))
    (statement,) = read_statements(bundle)
    assert statement.source == f"daily.zip/day000.csv … day{count - 1:03d}.csv ({count} files)"
    rows = statement.rows
    expected = []
    for i in range(count):
        alone = tmp_path / f"day{i:03d}.csv"
        alone.write_text(_member_csv(i), encoding="utf-8")
        (single,) = read_statements(alone)
        expected.append(single.rows.assign(source=f"daily.zip/{alone.name}"))
    one_by_one = pd.concat(expected, ignore_index=True)
    columns = ["source", "source_row", "time", "amount", "counterparty", "dedup_key"]
    assert rows[columns].equals(one_by_one[columns])
    assert rows["dedup_key"].str.endswith(":1").sum() == len(range(0, count, 4))


def test_a_bad_member_among_many_is_named_with_its_line(tmp_path: Path) -> None:
    from qiake_auditor.ingest import read_statements

    bundle = tmp_path / "daily.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for i in range(20):
            text = _member_csv(i)
            if i == 13:
                text = "Date,Description,Amount\n2024-01-02,ok,-1.00\n2024-02-30,bad,-2.00\n"
            archive.writestr(f"day{i:03d}.csv", text)
    with pytest.raises(StatementError) as caught:
        read_statements(bundle)
    assert str(caught.value).startswith("daily.zip/day013.csv, line 3:")


def test_reading_an_archive_reports_progress_and_can_be_stopped(tmp_path: Path) -> None:
    from qiake_auditor.errors import Cancelled
    from qiake_auditor.ingest import read_statements
    from qiake_auditor.progress import Progress

    bundle = tmp_path / "mixed.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for i in range(12):
            archive.writestr(f"day{i:03d}.csv", _member_csv(i))
        archive.writestr("other.csv", "Date;Amount;Memo\n01.02.2024;-3,00;x\n")

    class Heard(Progress):
        def __init__(self, stop: bool) -> None:
            self.stop, self.reports = stop, []

        def report(self, fraction: float, text: str = "") -> None:
            self.reports.append((fraction, text))

        def cancelled(self) -> bool:
            return self.stop and bool(self.reports)

    heard = Heard(stop=False)
    assert len(read_statements(bundle, progress=heard)) == 2
    assert heard.reports == [(0.0, "mixed.zip: 0 / 13"), (12 / 13, "mixed.zip: 12 / 13")]
    with pytest.raises(Cancelled):
        read_statements(bundle, progress=Heard(stop=True))


def test_a_map_given_for_many_members_is_remembered(tmp_path: Path) -> None:
    bundle = tmp_path / "daily.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for i in range(12):
            archive.writestr(f"day{i:03d}.csv", f"Tag,Text,Summe\n2024-01-{i + 1:02d},x,-{i}.50\n")
    workspace = tmp_path / "w.sqlite"
    spec = "date=Tag,amount=Summe,currency=EUR"
    assert main(["import", str(bundle), "--workspace", str(workspace), "--map", spec]) == 0
    with Workspace(workspace) as ws:
        assert list(ws.column_maps().values()) == [
            {"date": "Tag", "amount": "Summe", "currency": "EUR"}
        ]
        assert set(ws.ledger()["currency"]) == {"EUR"} and len(ws.ledger()) == 12


class _NameWithoutFlag(zipfile.ZipInfo):
    """A member whose name is written in ``encoding`` with the UTF-8 flag off, as
    Info-ZIP on Linux writes UTF-8 names and Windows' zip writes GBK ones."""

    encoding = "utf-8"

    def _encodeFilenameFlags(self):  # zipfile's hook for the name's bytes and flags
        return self.filename.encode(self.encoding), self.flag_bits & ~0x800


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_member_names_without_the_utf8_flag_read_right(tmp_path, encoding):
    name = "微信支付账单.csv"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = _NameWithoutFlag("b/" + name)
        info.encoding = encoding
        archive.writestr(info, STATEMENT)
    data = buffer.getvalue()
    assert ("b/" + name).encode(encoding) in data
    with zipfile.ZipFile(io.BytesIO(data)) as check:
        assert not check.infolist()[0].flag_bits & 0x800
    found = archive_members("pack.zip", data, None)
    assert [member for member, _ in found] == [name]


def _one_member_zip(compression: int, content: bytes) -> tuple[bytes, int]:
    """A ZIP of one member 账单.csv and the offset of the member's data in it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("账单.csv", content)
    data = buffer.getvalue()
    header = 30 + len("账单.csv".encode())  # the local header before the data
    return data, header


@pytest.mark.parametrize(
    ("compression", "message_id", "in_english"),
    [
        (zipfile.ZIP_STORED, "archive.member_checksum", "does not match the checksum"),
        (zipfile.ZIP_DEFLATED, "archive.member_unreadable", "damaged and cannot be unpacked"),
    ],
    ids=["stored, bytes changed", "deflated, bytes changed"],
)
def test_a_damaged_member_is_said_in_words(
    compression: int, message_id: str, in_english: str
) -> None:
    data, start = _one_member_zip(compression, STATEMENT.encode() * 40)
    damaged = bytearray(data)
    for offset in range(start + 2, start + 12):
        damaged[offset] ^= 0x5A
    with pytest.raises(StatementError) as caught:
        archive_members("bills.zip", bytes(damaged), None)
    error = caught.value
    assert error.message_id == message_id and error.source == "bills.zip"
    assert in_english in error.text("en") and "账单.csv" in error.text("en")
    zh = error.text("zh")
    assert "账单.csv" in zh and "损坏" in zh and "Error" not in zh and "CRC" not in zh
