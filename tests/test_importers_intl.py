"""OFX, camt.053 and MT940: the real public samples, and the quirks each format has."""

from __future__ import annotations

from pathlib import Path

import pytest

from qiake_auditor import ledger
from qiake_auditor.errors import StatementError
from qiake_auditor.importers.mt940 import parse_86
from qiake_auditor.importers.ofx import ofx_time
from qiake_auditor.ingest import read_statements
from qiake_auditor.money_columns import sum_amounts
from tests.conftest import sample


def read_one(path: Path):
    (statement,) = read_statements(path)
    return statement


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def spent(rows) -> str:
    return str(sum_amounts(rows.loc[ledger.counts_as_spending(rows), "amount"]))


# --- OFX ---------------------------------------------------------------------------


def test_suncorp_ofx2_sample() -> None:
    statement = read_one(sample("ofx/suncorp.ofx"))
    rows = statement.rows
    assert statement.importer.id == "ofx-2"
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row.source_row, row.time, row.amount, row.currency, row.direction) == (
        1,
        "2013-12-15",
        "16.85",
        "AUD",
        "expense",
    )
    assert row.counterparty == "EFTPOS WDL HANDYWAY ALDI STORE"  # CDATA, padding trimmed
    assert row.description == "EFTPOS WDL HANDYWAY ALDI STORE   GEELONG WEST VICAU"
    assert (row.txn_id, row.category) == ("1", "DEBIT")


def test_ofxdownload_ofx1_one_line_sample() -> None:
    statement = read_one(sample("ofx/ofxdownload.ofx"))
    rows = statement.rows
    assert statement.importer.id == "ofx-1"
    assert len(rows) == 12
    assert rows["source_row"].tolist() == list(range(1, 13))
    assert set(rows["currency"]) == {"USD"} and set(rows["direction"]) == {"expense"}
    # 9.99+61.71+17.75+42.40+34.38+13.50+21.96+14.47+56.43+13.00+60.23+7.00
    assert spent(rows) == "352.82"
    first = rows.iloc[0]
    assert (first.time, first.amount, first.txn_id) == (
        "2013-12-01 00:00:00",
        "9.99",
        "320133350353869664",
    )
    assert first.counterparty == "SPOTIFY USA         28770130901"
    assert first.description == "2600720879  WWW.SPOTIFY.COM"
    assert rows.loc[3, "amount"] == "42.40"  # printed -42.4
    assert rows.loc[9, "amount"] == "13.00"  # printed -13
    assert rows.loc[11, "amount"] == "7.00"


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("20131201000000.000[-7:MST]", "2013-12-01 00:00:00"),
        ("20240215", "2024-02-15"),
        ("20240203083015", "2024-02-03 08:30:15"),
        ("20240203083015.123", "2024-02-03 08:30:15"),
        ("20240203083015[+8:CST]", "2024-02-03 08:30:15"),
        ("2024-02-03", None),
    ],
)
def test_ofx_dates_are_local_as_printed(printed: str, expected: str | None) -> None:
    assert ofx_time(printed) == expected


def test_ofx_bad_date_names_the_entry(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.ofx",
        "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1>"
        "<STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST>"
        "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240101<TRNAMT>-1<FITID>1</STMTTRN>"
        "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>01/02/2024<TRNAMT>-2<FITID>2</STMTTRN>"
        "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>",
    )
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    assert caught.value.row == 2
    assert "DTPOSTED '01/02/2024'" in str(caught.value) and "YYYYMMDD" in str(caught.value)


def test_ofx_without_statement_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path, "signon.ofx", "OFXHEADER:100\n\n<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>"
    )
    with pytest.raises(StatementError, match="STMTRS"):
        read_statements(path)


# --- camt.053 ------------------------------------------------------------------------


def test_camt053_minimal_sample() -> None:
    statement = read_one(sample("camt053/camt053.v2.minimal.xml"))
    row = statement.rows.iloc[0]
    assert statement.importer.id == "camt053" and len(statement.rows) == 1
    assert (row.source_row, row.time, row.amount, row.currency, row.direction, row.state) == (
        1,
        "2014-12-31",
        "8.85",
        "EUR",
        "income",
        "success",
    )
    assert row.counterparty == "NAME NAME"  # the debtor pays a CRDT entry
    assert row.description == "4654654654654654"  # structured creditor reference
    assert (row.method, row.category) == ("NL26VAYB8060476890", "544")
    # OPBD 18.15 CRDT + 8.85 = 27.00, but CLBD is 27.00 DBIT (in SEK): reported, not hidden.
    assert len(statement.warnings) == 1 and "-27.00 SEK" in statement.warnings[0]


CAMT_HEAD = (
    '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:'
    'camt.053.001.04"><BkToCstmrStmt><Stmt><Id>1</Id>'
)


def test_camt_refuses_entity_expansion(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
        + CAMT_HEAD[22:]
        + "<Ntry><AddtlNtryInf>&lol2;</AddtlNtryInf></Ntry>"
        "</Stmt></BkToCstmrStmt></Document>"
    )
    path = write(tmp_path, "bomb.xml", bomb)
    with pytest.raises(StatementError, match="DOCTYPE"):
        read_statements(path)


def test_camt_broken_xml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "cut.xml", CAMT_HEAD + '\n<Ntry><Amt Ccy="EUR">1.00</Amt>\n<Cdt')
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    assert caught.value.row == 4 and "well-formed" in str(caught.value)  # the cut tag


def test_camt_entry_without_date_names_the_entry(tmp_path: Path) -> None:
    entry = '<Ntry><Amt Ccy="EUR">{}</Amt><CdtDbtInd>DBIT</CdtDbtInd>{}</Ntry>'
    path = write(
        tmp_path,
        "nodate.xml",
        CAMT_HEAD
        + entry.format("1.00", "<BookgDt><Dt>2024-01-01</Dt></BookgDt>")
        + entry.format("2.00", "")
        + "</Stmt></BkToCstmrStmt></Document>",
    )
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    assert caught.value.row == 2 and caught.value.unit == "entry"
    assert "BookgDt" in str(caught.value)


def test_camt_balanced_statement_has_no_warning(tmp_path: Path) -> None:
    balance = (
        '<Bal><Tp><CdOrPrtry><Cd>{}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{}</Amt>'
        "<CdtDbtInd>{}</CdtDbtInd></Bal>"
    )
    entry = (
        '<Ntry><Amt Ccy="EUR">{}</Amt><CdtDbtInd>{}</CdtDbtInd><Sts>{}</Sts>'
        "<BookgDt><Dt>2024-01-0{}</Dt></BookgDt></Ntry>"
    )
    body = (
        balance.format("OPBD", "10.00", "DBIT")
        + balance.format("CLBD", "5.50", "CRDT")
        + entry.format("20.00", "CRDT", "BOOK", 1)
        + entry.format("4.50", "DBIT", "BOOK", 2)
        + entry.format("99.00", "DBIT", "PDNG", 3)
    )
    statement = read_one(
        write(tmp_path, "ok.xml", CAMT_HEAD + body + "</Stmt></BkToCstmrStmt></Document>")
    )
    assert statement.warnings == []  # -10.00 + 20.00 - 4.50 = 5.50; pending entry left out
    assert statement.rows["state"].tolist() == ["success", "success", "pending"]


# --- MT940 ---------------------------------------------------------------------------


def test_ing_mt940_sample() -> None:
    statement = read_one(sample("mt940/ing.sta"))
    rows = statement.rows
    assert statement.importer.id == "mt940"
    assert rows["source_row"].tolist() == [8, 12, 14, 16, 18, 20, 22]
    assert rows["amount"].tolist() == ["25.03", "3.03", "1.11", "20.00", "1.10", "3.68", "1.00"]
    assert rows["direction"].tolist() == ["expense"] * 5 + ["income"] * 2
    assert spent(rows) == "50.27"
    assert set(rows["currency"]) == {"EUR"}
    assert rows.loc[2, "txn_id"] == "TMG TANGO"
    assert rows.loc[0, "description"] == (
        "RC AFREKENING BETALINGSVERKEER BETREFT REKENING "
        "4715589 PERIODE: 01-10-2010 / 31-12-2010 ING Bank "
        "N.V. tarifering ING"
    )
    # 0.00 - 45.59 is not the printed closing balance 3.47: a warning naming the line.
    assert len(statement.warnings) == 1 and statement.warnings[0].startswith("line 26:")


def test_cmxl_mt940_sample_three_statements() -> None:
    statement = read_one(sample("mt940/mt940.sta"))
    rows = statement.rows
    assert len(rows) == 16 and statement.warnings == []  # every balance reconciles
    dem = rows[rows["currency"] == "DEM"]
    assert len(dem) == 11
    assert spent(dem) == "49309.44"
    assert dem.loc[dem["source_row"] == 7, "amount"].item() == "620.30"  # printed 620,3
    eur = rows[rows["currency"] == "EUR"]
    assert eur["source_row"].tolist() == [36, 38]
    miete = eur.iloc[0]
    # 'DR800,' is a debit with funds code R, not a reversal
    assert (miete.amount, miete.direction, miete.state) == ("800.00", "expense", "success")
    assert (miete.counterparty, miete.description, miete.category) == (
        "MUELLER",
        "Miete November",
        "DAUERAUFTRAG",
    )
    assert (miete.txn_id, miete.time) == ("55555", "2002-11-01")
    assert eur.iloc[1].direction == "income" and eur.iloc[1].amount == "3000.00"
    pln = rows[rows["currency"] == "PLN"]
    assert pln["source_row"].tolist() == [53, 62, 70]
    assert pln["amount"].tolist() == ["20000.00", "10000.00", "40.00"]
    assert pln.iloc[0].counterparty == "HUTA SZKLA TOPIC UL PRZEMYSLOWA 67 32-669 WROCLAW"


def test_mt940_structured_86_joins_wrapped_fields() -> None:
    name, purpose, posting = parse_86(["051?00UEBERWEISUNG?20Gehalt Oktob", "er?32MUELLER"])
    assert (name, purpose, posting) == ("MUELLER", "Gehalt Oktober", "UEBERWEISUNG")


def test_mt940_bad_statement_line_names_the_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.sta",
        ":20:X\n:25:1\n:28C:1\n:60F:C240101EUR1,00\n"
        ":61:240102D1,NTRFNONREF\n:61:2401XXD1,NTRF\n:62F:C240102EUR0,00\n-\n",
    )
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    assert caught.value.row == 6 and "YYMMDD" in str(caught.value)


def test_mt940_statement_info_after_closing_is_not_a_transaction(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "info.sta",
        ":20:X\n:25:1\n:28C:1\n:60F:C240101EUR1,00\n"
        ":61:240102D1,NTRFNONREF\n:86:Shop\n:62F:C240102EUR0,00\n:86:totals\n-\n",
    )
    rows = read_one(path).rows
    assert rows["description"].tolist() == ["Shop"]


GOLDEN_DIR = Path(__file__).parent / "data" / "golden"


def test_ofx_written_by_a_converter_is_identified_by_its_body() -> None:
    # ofxstatement writes the OFX 1 header lines inside an XML comment before an OFX 2 body.
    statement = read_one(GOLDEN_DIR / "ofx/converter-comment-header.ofx")
    assert statement.importer.id == "ofx-2"
    assert statement.rows["amount"].tolist() == ["9.99", "250.00"]


def test_mt940_cosmetic_type_code_is_read_with_a_warning() -> None:
    statement = read_one(GOLDEN_DIR / "mt940/cosmetic-type.sta")
    assert statement.rows["amount"].tolist() == ["12.99", "100.00"]
    assert statement.rows["direction"].tolist() == ["expense", "income"]
    assert len(statement.warnings) == 1 and "line 5" in statement.warnings[0]
    assert "'S   '" in statement.warnings[0]


@pytest.mark.parametrize(
    "body, line",
    [
        (":61:241399D1,NTRFNONREF\n", 5),  # value date 2024-13-99
        (":61:240230D1,NTRFNONREF\n", 5),  # 30 February
        (":61:240102D" + "9" * 200 + ",NTRFNONREF\n", 5),  # 200-digit amount
    ],
)
def test_mt940_strict_on_dates_and_amounts(tmp_path: Path, body: str, line: int) -> None:
    path = write(
        tmp_path,
        "bad.sta",
        ":20:X\n:25:1\n:28C:1\n:60F:C240101EUR1,00\n" + body + ":62F:C240102EUR0,00\n-\n",
    )
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    assert caught.value.row == line and caught.value.source == "bad.sta"


def test_mt940_impossible_balance_date_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.sta",
        ":20:X\n:25:1\n:28C:1\n:60F:C241399EUR1,00\n"
        ":61:240102D1,NTRFNONREF\n:62F:C240102EUR0,00\n-\n",
    )
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    assert caught.value.row == 4


@pytest.mark.parametrize("posted", ["20241399", "20240230", "20240101250000"])
def test_ofx_impossible_date_names_the_entry(tmp_path: Path, posted: str) -> None:
    text = (GOLDEN_DIR / "ofx/converter-comment-header.ofx").read_text(encoding="utf-8")
    path = write(tmp_path, "bad.ofx", text.replace("<DTPOSTED>20240510", f"<DTPOSTED>{posted}"))
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    assert caught.value.source == "bad.ofx" and caught.value.row == 2


@pytest.mark.parametrize(
    "encoding, padding", [("utf-16", ""), ("utf-8", "<!--" + "x" * 8000 + "-->")]
)
def test_doctype_is_refused_in_utf16_and_after_a_long_comment(
    tmp_path: Path, encoding: str, padding: str
) -> None:
    text = (GOLDEN_DIR / "camt/v2-plain-status.xml").read_text(encoding="utf-8")
    end = text.index("?>") + 2
    hostile = (
        text[:end].replace('encoding="UTF-8"', "")
        + padding
        + '<!DOCTYPE x [<!ENTITY a "boom">]>'
        + text[end:]
    )
    path = tmp_path / "hostile.xml"
    path.write_bytes(hostile.encode(encoding))
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    assert "DOCTYPE" in str(caught.value) and caught.value.source == "hostile.xml"


def test_statement_facts_beside_the_rows() -> None:
    from qiake_auditor.importers.base import Probe, ReadOptions, identify

    path = GOLDEN_DIR / "ofx/converter-comment-header.ofx"
    probe = Probe(path.name, path.read_bytes())
    facts = identify(probe).read(probe, ReadOptions()).facts
    assert facts.account == "LT601010012345678901"
    assert facts.period == ("2024-05-01", "2024-05-31")
    assert facts.declared == {"closing": "240.01"} and facts.currency == "EUR"
    path = GOLDEN_DIR / "mt940/cosmetic-type.sta"
    probe = Probe(path.name, path.read_bytes())
    facts = identify(probe).read(probe, ReadOptions()).facts
    assert facts.account == "NL91ABNA0417164300"
    assert facts.declared == {"opening": "500.00", "closing": "587.01"}
