"""Every public sample, as users' copies of it really come, reads to the same ledger facts.

The variants (tests/sample_variants.py) are made from the sample's own bytes: re-saved by
Excel or WPS as CSV, as "Unicode Text" or as a workbook (and workbooks as CSV), other
encodings and line ends, a BOM, blank lines, a note below the table, the preamble deleted,
columns moved or added, amounts with ¥/￥, thousands separators or full-width digits,
dates slashed or without seconds, a password-protected ZIP. Each must
give the original's row count, per-direction counts and sums, first and last day and
counterparties (the originals' own figures are checked by hand in the importer tests), and
say the same warnings, unless the variant changed what they are about.
A copy cut off inside its last record is refused naming the file and the line, in
Chinese and in English. The samples are read from ../shared/samples (skipped when absent).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qiake_auditor.errors import PasswordError, StatementError
from qiake_auditor.importers.base import Probe
from qiake_auditor.ingest import read_statements
from tests.conftest import sample
from tests.sample_variants import Facts, Original, cut_off, variants

SAMPLES = {
    "alipay-app/example-alipay-records.csv": "alipay-2023",
    "alipay-web/example-alipay-records.csv": "alipay-web",
    "wechat-csv/微信支付账单(20200830-20200906).csv": "wechat-csv",
    "wechat-xlsx/example-wechat-records.xlsx": "wechat-xlsx-2026",
    "jd/example-jd-records.csv": "jd",
    "icbc/example-icbc-credit-records.csv": "icbc-credit",
    "icbc/example-icbc-debit-v2-records.csv": "icbc-debit-2024",
    "ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls": "ccb-xls",
    "citic/example-citic-records.xls": "citic-credit",
    "ofx/suncorp.ofx": "ofx-2",
    "ofx/ofxdownload.ofx": "ofx-1",
    "camt053/camt053.v2.minimal.xml": "camt053",
    "mt940/ing.sta": "mt940",
    "mt940/mt940.sta": "mt940",
    "generic-csv/statement.csv": "generic-csv",
}
# A text layout saved as a workbook is read by the workbook form of the same layout where
# there is one (the columns are the same), and a workbook saved as CSV by the text form;
# everywhere else by the original layout's importer.
WORKBOOK_FORM = {"generic-csv": "generic-xlsx", "wechat-csv": "wechat-xlsx-2025"}
TEXT_FORM = {"ccb-xls": "ccb-txt", "wechat-xlsx-2026": "wechat-csv"}
# Variants whose warnings are not the original's, for what they changed: the preamble's
# declared totals deleted, the ¥ sign telling the generic reader the currency, a sheet of
# another preamble saved as CSV (the WeChat sample's Power Query sheet comes first).
SAYS_OTHER = {"preamble-deleted", "yen-sign", "full-width-yen", "saved-as-csv", "saved-as-csv-ansi"}


def _original(path: Path, format_id: str) -> tuple[Original, Facts]:
    statement = read_statements(path)[0]
    assert statement.importer.id == format_id
    lines = frozenset(int(n) for n in statement.rows["source_row"])
    probe = Probe(path.name, path.read_bytes())
    original = Original(path.name, probe.data, format_id, probe.kind, lines)
    return original, Facts.of(format_id, statement.rows)


@pytest.mark.parametrize("relative", sorted(SAMPLES))
def test_every_variant_reads_to_the_same_facts(relative: str, tmp_path: Path) -> None:
    original, want = _original(sample(relative), SAMPLES[relative])
    warned = [str(w) for w in read_statements(sample(relative))[0].warnings]
    made = variants(original)
    assert len({v.name for v in made}) == len(made) >= 2
    wrong = []
    for variant in made:
        path = tmp_path / f"{variant.name}{variant.suffix}"
        path.write_bytes(variant.data)
        try:
            statements = read_statements(path, password=variant.password)
        except StatementError as exc:
            wrong.append(f"{variant.name}: {exc.text('en')}")
            continue
        assert len(statements) == 1, variant.name
        got = Facts.of(statements[0].importer.id, statements[0].rows)
        form = want.format
        if variant.suffix == ".xlsx":
            form = WORKBOOK_FORM.get(form, form)
        elif variant.suffix == ".csv" and original.kind != "text":
            form = TEXT_FORM.get(form, form)
        want_here = Facts(form, *list(vars(want).values())[1:])
        if got != want_here:
            wrong.append(f"{variant.name}: {got} instead of {want_here}")
        said = [str(w).replace(path.name, original.name) for w in statements[0].warnings]
        if variant.name not in SAYS_OTHER and said != warned:
            wrong.append(f"{variant.name} warned {said} instead of {warned}")
    assert wrong == []


# The CSV samples: one record per line, so a copy can be cut inside the last one.
TABLES = sorted(r for r, f in SAMPLES.items() if r.endswith(".csv"))


@pytest.mark.parametrize("relative", TABLES)
def test_a_copy_cut_inside_its_last_record_is_refused_naming_file_and_line(
    relative: str, tmp_path: Path
) -> None:
    original, _ = _original(sample(relative), SAMPLES[relative])
    data = cut_off(original)
    assert data is not None
    path = tmp_path / f"cut{original.suffix}"
    path.write_bytes(data)
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    last = max(original.data_lines)
    assert caught.value.row == last
    assert f"{path.name} 第 {last} 行" in caught.value.text("zh")
    assert f"{path.name}, line {last}" in caught.value.text("en")


def test_a_zipped_sample_without_its_password_is_refused_naming_the_archive(
    tmp_path: Path,
) -> None:
    original, _ = _original(sample("alipay-app/example-alipay-records.csv"), "alipay-2023")
    zipped = next(v for v in variants(original) if v.name == "zip-aes")
    path = tmp_path / "alipay.zip"
    path.write_bytes(zipped.data)
    with pytest.raises(PasswordError) as caught:
        read_statements(path)
    assert "alipay.zip" in caught.value.text("zh")
    assert "alipay.zip" in caught.value.text("en")
    with pytest.raises(PasswordError):
        read_statements(path, password="654321")
