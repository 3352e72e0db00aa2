"""OFX / QFX statements: version 1.x (SGML) and 2.x (XML), bank and credit-card accounts.

Both versions are read by one tag scanner instead of an XML parser: OFX 1.x leaves
leaf elements unclosed (``<TRNAMT>-9.99``) and is often written on a single line,
and banks mix in vendor tags (``INTU.BID``). A leaf's value is the text up to the
next tag, which is right for both versions. CDATA sections (2.x) are unwrapped
and XML entities decoded. ``TRNAMT`` is signed: negative is money out.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from .. import ledger
from ..errors import StatementError
from ..money_columns import normalize_amounts
from . import cut_off
from .base import Extract, Importer, Probe, ReadOptions, StatementFacts

_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_STATEMENT = re.compile(r"<(CCSTMTRS|STMTRS)>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
_STATEMENT_TAG = re.compile(r"<(/?)(?:CCSTMTRS|STMTRS)>", re.IGNORECASE)
_END = re.compile(r"</OFX>", re.IGNORECASE)
_TRANSACTION = re.compile(r"<STMTTRN>(.*?)</STMTTRN>", re.DOTALL | re.IGNORECASE)
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(?:\.\d+)?\s*(?:\[[^\]]*\])?")
_HEADER_CHARSET = re.compile(r"^CHARSET:\s*(\S+)", re.MULTILINE)
# What may stand before the <OFX> element: an XML declaration, processing instructions,
# comments (converters such as ofxstatement put the OFX 1 header lines inside one).
_PROLOGUE = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_BODY = re.compile(
    r"<OFX>\s*<SIGNONMSGSRSV1>|<OFX>.*?<(?:STMTRS|CCSTMTRS)>", re.IGNORECASE | re.DOTALL
)


def is_ofx_body(head: str) -> bool:
    """An OFX document by its body: ``<OFX>`` first after the prologue, with OFX content."""
    prologue = _PROLOGUE.match(head)  # matches always (it may match nothing)
    start = prologue.end() if prologue else 0
    return head[start : start + 5].upper() == "<OFX>" and _BODY.search(head, start) is not None


def leaf(block: str, tag: str) -> str:
    """The text of the first ``<TAG>`` in a block (up to the next tag), '' if absent."""
    match = re.search(rf"<{re.escape(tag)}>([^<]*)", block, re.IGNORECASE)
    return html.unescape(match.group(1)).strip() if match else ""


def aggregate(block: str, tag: str) -> str:
    """The inside of the first ``<TAG>...</TAG>`` aggregate, '' if absent."""
    match = re.search(
        rf"<{re.escape(tag)}>(.*?)</{re.escape(tag)}>", block, re.DOTALL | re.IGNORECASE
    )
    return match.group(1) if match else ""


def ofx_time(value: str) -> str | None:
    """``20131201000000.000[-7:MST]`` -> ``2013-12-01 00:00:00``, local as printed."""
    match = _DATE.fullmatch(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second = match.groups()
    date = f"{year}-{month}-{day}"
    if hour is None:
        return date
    return f"{date} {hour}:{minute}:{second or '00'}"


def _body_text(probe: Probe) -> str:
    """The file as text; an OFX 1.x header may name a Windows code page instead of UTF-8.

    A file saved again as UTF-16 (Notepad's "Unicode") is read as what its bytes are,
    whatever the header still says: UTF-16 of ASCII text is also valid cp1252 (NULs).
    """
    if probe.encoding.startswith("utf-16"):
        return probe.text
    try:
        return probe.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    charset = _HEADER_CHARSET.search(probe.head)
    if charset and charset.group(1).isdigit():
        try:
            return probe.data.decode(f"cp{charset.group(1)}")
        except (LookupError, UnicodeDecodeError):
            pass
    return probe.text


def _refuse_cut_off(probe: Probe, text: str) -> None:
    """Refuse a document without its closing ``</OFX>``: cut off in a download or copy
    (a statement cut in two was not found, a later one silently missing). The line of a
    statement left open is named: the last ``<STMTRS>``/``<CCSTMTRS>`` not closed."""
    if _END.search(text):
        return
    opened = list(_STATEMENT_TAG.finditer(text))
    start = None
    if opened and not opened[-1].group(1):  # the last statement tag opens one
        start = cut_off.line_of(text, opened[-1].start())
    raise cut_off.refusal(probe.name, text, kind="OFX", end="</OFX>", start=start)


def _transactions(probe: Probe) -> tuple[list[dict[str, str]], list[str]]:
    text = _CDATA.sub(lambda m: html.escape(m.group(1), quote=False), _body_text(probe))
    _refuse_cut_off(probe, text)
    statements = list(_STATEMENT.finditer(text))
    if not statements:
        raise StatementError.of("ofx.no_statement", source=probe.name)
    records: list[dict[str, str]] = []
    for statement in statements:
        body = statement.group(2)
        currency = leaf(body, "CURDEF").upper()
        account = leaf(aggregate(body, "BANKACCTFROM") or aggregate(body, "CCACCTFROM"), "ACCTID")
        for match in _TRANSACTION.finditer(body):
            txn = match.group(1)
            own = aggregate(txn, "CURRENCY")  # the amount is in this currency, not CURDEF
            records.append(
                {
                    "index": str(len(records) + 1),
                    "posted": leaf(txn, "DTPOSTED") or leaf(txn, "DTUSER"),
                    "amount": leaf(txn, "TRNAMT"),
                    "currency": (leaf(own, "CURSYM") if own else "").upper() or currency,
                    "fitid": leaf(txn, "FITID"),
                    "name": leaf(txn, "NAME"),
                    "memo": leaf(txn, "MEMO"),
                    "type": leaf(txn, "TRNTYPE").upper(),
                    "account": account,
                }
            )
    return records, []


def _facts(probe: Probe, records: list[dict[str, str]]) -> StatementFacts:
    """Account, period and ledger balance as the (first) statement prints them."""
    text = _body_text(probe)
    start, end = ofx_time(leaf(text, "DTSTART") or "x"), ofx_time(leaf(text, "DTEND") or "x")
    declared = {"closing": leaf(aggregate(text, "LEDGERBAL"), "BALAMT")}
    return StatementFacts(
        account=records[0]["account"] if records else "",
        period=(start[:10], end[:10]) if start and end else None,
        currency=records[0]["currency"] if records else "",
        declared={k: v for k, v in declared.items() if v},
    )


def read_ofx(probe: Probe) -> Extract:
    records, warnings = _transactions(probe)
    frame = pd.DataFrame(
        records,
        columns=[
            "index",
            "posted",
            "amount",
            "currency",
            "fitid",
            "name",
            "memo",
            "type",
            "account",
        ],
        dtype="str",
    )
    unit = "entry"
    times = frame["posted"].map(ofx_time)
    if times.isna().any():
        bad = int(times.isna().to_numpy().argmax())
        raise StatementError.of(
            "ofx.bad_date", source=probe.name, row=bad + 1, unit=unit, value=frame.at[bad, "posted"]
        )
    # The OFX spec allows a comma as the decimal point (European banks use it).
    printed = frame["amount"].str.strip()
    comma = printed.str.fullmatch(r"[+-]?\d*,\d{1,2}").fillna(False).astype(bool)
    amount, negative, valid = normalize_amounts(printed.mask(comma, printed.str.replace(",", ".")))
    if not valid.all():
        bad = int((~valid).to_numpy().argmax())
        raise StatementError.of(
            "ofx.bad_amount",
            source=probe.name,
            row=bad + 1,
            unit=unit,
            value=frame.at[bad, "amount"],
        )
    zero = amount.str.fullmatch(r"0\.0*").fillna(False).astype(bool)
    direction = pd.Series(ledger.INCOME, index=frame.index, dtype="str")
    direction = direction.mask(negative, ledger.EXPENSE).mask(zero, ledger.NEUTRAL)
    rows = pd.DataFrame(
        {
            "source_row": frame["index"].astype("int64"),
            "time": times.astype("str"),
            "amount": amount,
            "currency": frame["currency"],
            "direction": direction,
            "state": ledger.SUCCESS,
            "counterparty": frame["name"],
            "description": frame["memo"],
            "method": frame["account"],
            "txn_id": frame["fitid"],
            "merchant_order_id": "",
            "category": frame["type"],
        }
    )
    return Extract(rows, warnings, facts=_facts(probe, records))


class Ofx1(Importer):
    """OFX 1.x: ``OFXHEADER:100`` header lines, then SGML with unclosed leaf tags."""

    id = "ofx-1"
    row_unit = "entry"
    label = "OFX 1.x / QFX (SGML)"

    def identify(self, probe: Probe) -> bool:
        return probe.head.lstrip().startswith("OFXHEADER:") and "<OFX>" in probe.head.upper()

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        return read_ofx(probe)


class Ofx2(Importer):
    """OFX 2.x: an XML declaration and ``<?OFX OFXHEADER="200" ...?>``."""

    id = "ofx-2"
    row_unit = "entry"
    label = "OFX 2.x / QFX (XML)"

    def identify(self, probe: Probe) -> bool:
        head = probe.head.lstrip()
        if "<?OFX" in head[:2000].upper():
            return True
        return is_ofx_body(head)

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        return read_ofx(probe)


IMPORTERS = [Ofx1(), Ofx2()]
