"""Structured statements (MT940, OFX, camt.053) cut off in a download or copy are refused
naming the file, the line where it stops and the statement the cut fell in (cut_off.py),
in zh and en; a refusal leaves the workspace as it was. The cuts are made by code from
the golden fixtures (whose ledgers test_golden checks by hand) and from the public
samples when present; the messages below are written out by hand.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from qiake_auditor.cli import main
from qiake_auditor.errors import StatementError
from qiake_auditor.ingest import read_statements
from tests.conftest import DATA

GOLDEN = DATA / "golden"
SAMPLES = Path("/work/shared/samples")
CUT_IDS = {"statement.cut_off", "statement.cut_off.in_statement", "statement.broken_xml.cut_off"}
# A prefix too short to be told from any other text, or one that stops inside a UTF-8
# character (text_encoding refuses that before any importer, saying it looks cut off).
BEFORE_IDS = {"statement.unknown_layout", "statement.cut_in_character"}
# The sweeps cut at every third byte: each kind of place (a tag, a value, a line end) is
# still hit many times in every file, at a third of the time.
STRIDE = 3


def refused(path: Path) -> StatementError:
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    return caught.value


def cut(tmp_path: Path, source: Path, size: int, name: str | None = None) -> Path:
    path = tmp_path / (name or f"cut{source.suffix}")
    path.write_bytes(source.read_bytes()[:size])
    return path


def line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


# --- MT940 ------------------------------------------------------------------------------

ENVELOPE = GOLDEN / "mt940" / "envelope.sta"


def test_mt940_cut_inside_its_second_statement_is_refused_in_both_languages(
    tmp_path: Path,
) -> None:
    data = ENVELOPE.read_bytes()
    # Cut after the second statement's only :61: line: its :86: and :62F: are gone.
    size = data.index(b":86:\xe6\xb7\xb1")  # the line after ':61:240301D30,NMSCQK2024'
    error = refused(cut(tmp_path, ENVELOPE, size, "对账单.sta"))
    assert error.message_id == "statement.cut_off.in_statement"
    assert error.row == 24 == line_at(data, size - 1)  # the :61: line, the last one left
    assert error.fields["start"] == 20 == line_at(data, data.index(b":20:STMT2402"))
    assert error.text("en") == (
        "对账单.sta, line 24: the file stops here, inside the MT940 statement that begins "
        "on line 20 and before its closing :62F:, so it was cut off (an incomplete "
        "download or copy?) and nothing of it was imported; export or download the "
        "statement again"
    )
    assert error.text("zh") == (
        "对账单.sta 第 24 行：文件在这里中断：从第 20 行开始的 MT940 账单还没有到结尾的 "
        ":62F: 就结束了，文件不完整（下载或复制没有完成？），因此没有导入任何内容；"
        "请重新导出或下载账单"
    )


def test_mt940_cut_inside_an_amount_is_cut_off_not_a_bad_line_nor_a_smaller_amount(
    tmp_path: Path,
) -> None:
    data = ENVELOPE.read_bytes()
    start = data.index(b":61:240207DR250,50")
    for printed in (b":61:240207DR25", b":61:240207DR250,", b":61:240207DR250,5"):
        # 'DR25' was 'not a statement line'; '250,' would have been read as 250.00
        error = refused(cut(tmp_path, ENVELOPE, start + len(printed)))
        assert error.message_id == "statement.cut_off.in_statement", printed
        assert error.row == line_at(data, start) and error.fields["start"] == 2


def test_mt940_closing_balance_cut_short_at_the_end_is_cut_off(tmp_path: Path) -> None:
    data = ENVELOPE.read_bytes()
    start = data.index(b":62F:D240207EUR143,70")
    for printed in (b":62F:", b":62F:D", b":62F:D240207EUR", b":62F:D240207EUR143"):
        error = refused(cut(tmp_path, ENVELOPE, start + len(printed)))
        assert error.message_id == "statement.cut_off.in_statement", printed
        assert error.row == line_at(data, start)


def test_mt940_cut_inside_the_next_swift_envelope_is_cut_off(tmp_path: Path) -> None:
    data = ENVELOPE.read_bytes()
    second = data.index(b"{1:", 10)  # the second message's basic header
    for size in (second + 3, data.index(b"{4:", second) + 3, data.index(b":20:STMT2402")):
        error = refused(cut(tmp_path, ENVELOPE, size))
        assert error.message_id == "statement.cut_off.in_statement"
        assert error.fields["start"] == line_at(data, second)


def test_mt940_without_a_line_end_or_end_mark_after_its_closing_balance_is_read(
    tmp_path: Path,
) -> None:
    source = GOLDEN / "mt940" / "cosmetic-type.sta"
    data = source.read_bytes()
    end = data.index(b":62F:")
    whole = data[: data.index(b"\n", end)].rstrip(b"\r")  # up to the balance, no '-'
    path = tmp_path / "whole.sta"
    path.write_bytes(whole)
    assert len(read_statements(path)[0].rows) == len(read_statements(source)[0].rows)


def _mt940_open_spans(data: bytes) -> list[tuple[int, int]]:
    """Byte spans in which a cut falls inside a statement: from the end of its ':20:'
    to the decimal comma of its closing balance, found here by hand-written searches
    (a balance cut after its comma, '143,7' of '143,70', is still a balance: the
    balance check warns of it)."""
    spans, at = [], 0
    while (begin := data.find(b":20:", at)) >= 0:
        close = data.index(b":62F:", begin)
        comma = data.index(b",", close)
        spans.append((begin + len(b":20:"), comma))
        at = comma
    return spans


@pytest.mark.parametrize(
    "source",
    [
        *sorted((GOLDEN / "mt940").glob("*.sta")),
        SAMPLES / "mt940" / "ing.sta",
        SAMPLES / "mt940" / "mt940.sta",
    ],
    ids=lambda p: p.name,
)
def test_every_cut_inside_an_mt940_statement_is_refused_as_cut_off(
    tmp_path: Path, source: Path
) -> None:
    if not source.exists():
        pytest.skip(f"{source} is absent")
    data = source.read_bytes()
    for begin, end in _mt940_open_spans(data):
        for size in range(begin, end, STRIDE):
            path = cut(tmp_path, source, size)
            with pytest.raises(StatementError) as caught:
                read_statements(path)
            assert caught.value.message_id in CUT_IDS | BEFORE_IDS, (size, str(caught.value))
            if caught.value.message_id in CUT_IDS:
                assert caught.value.row == line_at(data[:size].rstrip(), size)


# --- OFX --------------------------------------------------------------------------------

CARD = GOLDEN / "ofx" / "card-xml.qfx"


def test_ofx_cut_between_its_statements_is_refused_not_read_in_part(tmp_path: Path) -> None:
    data = CARD.read_bytes()
    size = data.index(b"</CCSTMTTRNRS>") + len(b"</CCSTMTTRNRS>\n")  # the USD card is gone
    error = refused(cut(tmp_path, CARD, size, "账单.qfx"))  # was read as 2 of 3 entries
    assert error.message_id == "statement.cut_off" and error.row == 10
    assert error.text("en") == (
        "账单.qfx, line 10: the file stops here, before the </OFX> that closes a complete "
        "OFX file, so it was cut off (an incomplete download or copy?) and nothing of it "
        "was imported; export or download the statement again"
    )
    assert error.text("zh") == (
        "账单.qfx 第 10 行：文件在这里中断：还没有到 OFX 文件结尾的 </OFX> 就结束了，"
        "文件不完整（下载或复制没有完成？），因此没有导入任何内容；请重新导出或下载账单"
    )


def test_ofx_cut_inside_an_entry_names_the_statement_not_a_missing_one(tmp_path: Path) -> None:
    data = CARD.read_bytes()
    size = data.index(b"<TRNAMT>-12,34")  # inside the USD card's one entry
    error = refused(cut(tmp_path, CARD, size))  # was 'an OFX file without a statement'
    assert error.message_id == "statement.cut_off.in_statement"
    assert error.row == 14 and error.fields["start"] == 12
    assert error.text("en").startswith(
        "cut.qfx, line 14: the file stops here, inside the OFX statement that begins on "
        "line 12 and before its closing </OFX>, so it was cut off"
    )
    assert error.text("zh").startswith(
        "cut.qfx 第 14 行：文件在这里中断：从第 12 行开始的 OFX 账单还没有到结尾的 </OFX> 就结束了"
    )


@pytest.mark.parametrize(
    "source",
    [
        *sorted((GOLDEN / "ofx").glob("*.ofx")),
        CARD,
        SAMPLES / "ofx" / "suncorp.ofx",
        SAMPLES / "ofx" / "ofxdownload.ofx",
    ],
    ids=lambda p: p.name,
)
def test_every_ofx_cut_before_its_end_is_refused_as_cut_off(tmp_path: Path, source: Path) -> None:
    if not source.exists():
        pytest.skip(f"{source} is absent")
    data = source.read_bytes()
    end = data.upper().rindex(b"</OFX>")
    said = set()
    for size in [*range(1, end, STRIDE), end + len(b"</OFX")]:
        with pytest.raises(StatementError) as caught:
            read_statements(cut(tmp_path, source, size))
        said.add(caught.value.message_id)
        assert caught.value.message_id in CUT_IDS | BEFORE_IDS, (size, str(caught.value))
    assert {"statement.cut_off", "statement.cut_off.in_statement"} <= said
    whole = cut(tmp_path, source, end + len(b"</OFX>"))
    assert len(read_statements(whole)[0].rows) == len(read_statements(source)[0].rows)


# --- camt.053 ---------------------------------------------------------------------------

TWO = GOLDEN / "camt" / "v8-two-statements.xml"


def test_camt_cut_mid_element_says_cut_off_on_its_last_line_in_both_languages(
    tmp_path: Path,
) -> None:
    data = TWO.read_bytes()
    size = data.rindex(b"<Amt") + len(b"<Am")  # inside the last entry's amount tag
    error = refused(cut(tmp_path, TWO, size, "账单.xml"))
    assert error.message_id == "statement.broken_xml.cut_off"
    assert error.row == line_at(data, size)
    en, zh = error.text("en"), error.text("zh")
    assert en == (
        f"账单.xml, line {error.row}: broken XML (the file ends before the document does): "
        "the file stops here, cut off (an incomplete download or copy?), so nothing of it "
        "was imported; export or download the statement again (expected a well-formed "
        "camt.053 document)"
    )
    assert zh == (
        f"账单.xml 第 {error.row} 行：XML 格式损坏（文档还没有结束文件就结束了）：文件在这里"
        "中断，不完整（下载或复制没有完成？），因此没有导入任何内容；请重新导出或下载账单"
        "（应当是格式正确的 camt.053 文件）"
    )


@pytest.mark.parametrize(
    "source",
    [*sorted((GOLDEN / "camt").glob("*.xml")), SAMPLES / "camt053" / "camt053.v2.minimal.xml"],
    ids=lambda p: p.name,
)
def test_every_camt_cut_is_refused_as_cut_off(tmp_path: Path, source: Path) -> None:
    if not source.exists():
        pytest.skip(f"{source} is absent")
    data = source.read_bytes()
    end = data.rindex(b"</Document>") + len(b"</Document")
    for size in range(1, end, STRIDE):
        with pytest.raises(StatementError) as caught:
            read_statements(cut(tmp_path, source, size))
        assert caught.value.message_id in CUT_IDS | BEFORE_IDS, (size, str(caught.value))


# --- the workspace after a refusal (the import command) --------------------------------


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("source", "marker"),
    [(ENVELOPE, b":86:\xe6\xb7\xb1"), (CARD, b"<TRNAMT>-12,34"), (TWO, b"</Stmt>")],
    ids=["mt940", "ofx", "camt053"],
)
def test_a_cut_statement_leaves_the_workspace_as_it_was(
    tmp_path: Path, capsys, source: Path, marker: bytes
) -> None:
    ws = tmp_path / "ws.sqlite"
    good = tmp_path / f"good{source.suffix}"
    good.write_bytes(source.read_bytes())
    assert main(["import", str(good), "--workspace", str(ws), "--lang", "en"]) == 0
    capsys.readouterr()
    before, files = digest(ws), sorted(p.name for p in tmp_path.iterdir())
    data = source.read_bytes()
    broken = cut(tmp_path, source, data.rindex(marker), f"cut{source.suffix}")
    files.append(broken.name)
    for lang, words in (("en", "cut off"), ("zh", "不完整")):
        assert main(["import", str(broken), "--workspace", str(ws), "--lang", lang]) == 2
        err = capsys.readouterr().err
        assert f"cut{source.suffix}" in err and words in err, err
        assert digest(ws) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(files)  # no journal left
    fresh = tmp_path / "fresh.sqlite"  # a refused first import makes no workspace at all
    assert main(["import", str(broken), "--workspace", str(fresh), "--lang", "en"]) == 2
    assert not fresh.exists()


def test_a_cut_statement_in_a_zip_is_named_with_its_archive(tmp_path: Path) -> None:
    import zipfile

    data = ENVELOPE.read_bytes()
    archive = tmp_path / "bills.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("good.sta", data)
        zipped.writestr("cut.sta", data[: data.index(b":62F:D240207")])
    error = refused(archive)
    assert error.message_id == "statement.cut_off.in_statement"
    assert error.text("en").startswith("bills.zip/cut.sta, line 15: the file stops here")
    assert error.text("zh").startswith("bills.zip/cut.sta 第 15 行：文件在这里中断")
