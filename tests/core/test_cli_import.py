"""The import command: summary, --out ledger files, exit codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from openpyxl import load_workbook

from qiake_auditor.cli import main
from qiake_auditor.ledger import LEDGER_COLUMNS

from .alipay_text import alipay_csv

ID_PREFIXES = (
    "alipay-",
    "wechat-",
    "jd",
    "meituan",
    "icbc-",
    "ccb-",
    "cmb-",
    "citic-",
    "spdb-",
    "ofx",
    "camt053",
    "mt940",
    "generic",
    "ledger-",
)  # ledger-: the app's own export


def test_formats_lists_ids_by_source(capsys) -> None:
    assert main(["formats", "--json"]) == 0
    ids = [f["id"] for f in json.loads(capsys.readouterr().out)]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(ID_PREFIXES) for i in ids), ids
    for wanted in ("alipay-2023", "alipay-2021", "alipay-web"):
        assert wanted in ids


def test_import_writes_the_ledger_as_csv_and_xlsx(tmp_path: Path, capsys) -> None:
    bill = alipay_csv(tmp_path / "支付宝交易明细(20240101-20240331).csv", ["jan", "feb", "coffee"])
    ws = str(tmp_path / "ws.sqlite")
    assert main(["import", str(bill), "--workspace", ws, "--out", str(tmp_path / "l.csv")]) == 0
    out = capsys.readouterr().out
    assert "alipay-2023" in out and "3 rows (3 new)" in out and "expense ¥407.90" in out
    with open(tmp_path / "l.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == LEDGER_COLUMNS
    assert [r[2] for r in rows[1:]] == ["26", "27", "28"]  # physical lines of the records
    assert [r[5] for r in rows[1:]] == ["199.00", "199.00", "9.90"]
    assert rows[1][13] == "2024013122001400001"  # the id as text, tab removed, never a float
    assert (
        main(["import", str(bill), "--workspace", ws, "--out", str(tmp_path / "l.xlsx"), "--json"])
        == 0
    )
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert report["already_imported"] and report["added"] == 0 and report["rows"] == 3
    book = load_workbook(tmp_path / "l.xlsx", read_only=True)
    values = list(book.active.values)
    book.close()
    assert tuple(values[0]) == LEDGER_COLUMNS
    assert len(values) == 4 and float(values[3][5]) == 9.9
    assert values[1][13] == "2024013122001400001"


def test_bad_input_exits_2_with_file_and_line(tmp_path: Path, capsys) -> None:
    bill = alipay_csv(tmp_path / "bill.csv", ["jan"])
    bill.write_bytes(bill.read_bytes().replace(b"2024-01-31 09:00:01", b"31/13/2024"))
    code = main(["import", str(bill), "--workspace", str(tmp_path / "ws.sqlite")])
    err = capsys.readouterr().err
    assert code == 2
    assert "bill.csv, line 26" in err and "31/13/2024" in err and "Traceback" not in err
