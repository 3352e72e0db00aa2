"""ISO 20022 bank-to-customer statements: camt.053 (also the entry lists of camt.052/054).

Elements are matched by local name, so every schema version (001.02 ... 001.08) reads
the same way. ``Amt`` is always positive; ``CdtDbtInd`` gives the direction. The XML
parser is the standard library's, so documents with a DOCTYPE (entity expansion,
"billion laughs") are refused before parsing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from xml.etree.ElementTree import Element
from xml.parsers.expat import errors as expat_errors

import pandas as pd

from .. import ledger
from ..errors import StatementError, StatementWarning
from ..money_columns import normalize_amounts
from . import cut_off, limits
from .base import Extract, Importer, Probe, ReadOptions

_CAMT = re.compile(r"camt\.05[234]\.001\.\d\d")
_CONTAINERS = ("Stmt", "Rpt", "Ntfctn")
_STATES = {"BOOK": ledger.SUCCESS, "PDNG": ledger.PENDING, "INFO": ledger.PENDING}
_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?")


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def child(node: Element | None, *path: str) -> Element | None:
    """The first descendant reached by following direct children with these local names."""
    for name in path:
        if node is None:
            return None
        node = next((c for c in node if local(c.tag) == name), None)
    return node


def children(node: Element | None, name: str) -> list[Element]:
    return [] if node is None else [c for c in node if local(c.tag) == name]


def text(node: Element | None, *path: str) -> str:
    found = child(node, *path)
    return (found.text or "").strip() if found is not None else ""


def descendant_text(node: Element | None, name: str) -> str:
    """Text of the first descendant with this local name (any depth), '' if none."""
    if node is None:
        return ""
    for found in node.iter():
        if local(found.tag) == name and (found.text or "").strip():
            return (found.text or "").strip()
    return ""


# expat's error codes said in words (its own text is English): a document that stops
# before its end, and a closing tag that does not match; the rest is "not well-formed".
_XML_PROBLEMS = {
    expat_errors.codes[expat_errors.XML_ERROR_NO_ELEMENTS]: "statement.broken_xml.cut_off",
    expat_errors.codes[expat_errors.XML_ERROR_UNCLOSED_TOKEN]: "statement.broken_xml.cut_off",
    expat_errors.codes[expat_errors.XML_ERROR_PARTIAL_CHAR]: "statement.broken_xml.cut_off",
    expat_errors.codes[expat_errors.XML_ERROR_UNCLOSED_CDATA_SECTION]: (
        "statement.broken_xml.cut_off"
    ),
    expat_errors.codes[expat_errors.XML_ERROR_TAG_MISMATCH]: "statement.broken_xml.mismatched",
}


def parse(probe: Probe) -> Element:
    """Parse the document; refuse DTDs and entity declarations outright."""
    limits.refuse_dtd(probe.name, probe.data, probe.text if probe.kind == "text" else "")
    # A document saved again as UTF-16 (Notepad's "Unicode") still declares UTF-8, which
    # expat takes over the BOM and refuses: such a file is parsed from its decoded text.
    utf16 = probe.kind == "text" and probe.encoding.startswith("utf-16")
    try:
        return ET.fromstring(probe.text if utf16 else probe.data)
    except ET.ParseError as exc:
        line, column = exc.position if exc.position else (None, 0)
        problem = _XML_PROBLEMS.get(exc.code, "statement.broken_xml.not_allowed")
        if problem == "statement.broken_xml.cut_off":
            line = cut_off.last_line(probe.text)  # "stops here": where the text ends
        raise StatementError.of(
            problem, source=probe.name, row=line, column=column + 1, expected="camt.053"
        ) from exc
    except (LookupError, ValueError) as exc:
        # The XML declaration names an encoding Python lacks ("QTF-8"), a codec that is
        # not text ("base64") or one expat cannot take ("utf-32"): found by the fuzz run.
        raise StatementError.of(
            "statement.broken_xml", source=probe.name, row=1, expected="camt.053"
        ) from exc


def entry_time(entry: Element) -> str:
    """Booking date (or value date) as printed, without a zone: Dt or DtTm."""
    for holder in ("BookgDt", "ValDt"):
        node = child(entry, holder)
        value = text(node, "Dt") or text(node, "DtTm")
        match = _DATE_TIME.match(value)
        if match:
            return match.group(1) + (f" {match.group(2)}" if match.group(2) else "")
    return ""


def _state(entry: Element) -> str:
    """``<Sts>BOOK</Sts>`` (up to version 05) or ``<Sts><Cd>BOOK</Cd></Sts>`` (06+)."""
    node = child(entry, "Sts")
    if node is None:
        return ""
    return (text(node, "Cd") or text(node, "Prtry") or (node.text or "").strip()).upper()


def _bank_code(entry: Element) -> str:
    code = child(entry, "BkTxCd")
    domain = child(code, "Domn")
    if domain is not None:
        parts = [text(domain, "Cd"), text(domain, "Fmly", "Cd"), text(domain, "Fmly", "SubFmlyCd")]
        return "-".join(p for p in parts if p)
    return text(code, "Prtry", "Cd")


def _counterparty(details: Element | None, credit: bool) -> str:
    parties = child(details, "RltdPties")
    for role in ("Dbtr", "UltmtDbtr") if credit else ("Cdtr", "UltmtCdtr"):
        party = child(parties, role)
        name = text(party, "Nm") or text(party, "Pty", "Nm")
        if name:
            return name
    return ""


def _description(entry: Element, details: Element | None) -> str:
    remittance = child(details, "RmtInf")
    parts = [(u.text or "").strip() for u in children(remittance, "Ustrd")]
    if not any(parts):
        parts = [text(s, "CdtrRefInf", "Ref") for s in children(remittance, "Strd")]
    parts = [" ".join(p for p in parts if p)]
    parts += [text(details, "AddtlTxInf"), text(entry, "AddtlNtryInf")]
    return " | ".join(p for p in parts if p)


def _ids(entry: Element, details: Element | None) -> tuple[str, str]:
    refs = child(details, "Refs")
    end_to_end = text(refs, "EndToEndId")
    if end_to_end.upper() == "NOTPROVIDED":
        end_to_end = ""
    servicer = text(entry, "AcctSvcrRef") or text(refs, "AcctSvcrRef")
    if servicer:
        return servicer, end_to_end
    return end_to_end, ""


def _account(statement: Element) -> str:
    ident = child(statement, "Acct", "Id")
    return text(ident, "IBAN") or text(ident, "Othr", "Id")


def _entry(entry: Element, index: int, account: str) -> dict[str, object]:
    amount_node = child(entry, "Amt")
    indicator = text(entry, "CdtDbtInd").upper()
    credit = indicator == "CRDT"
    details = next((n for n in entry.iter() if local(n.tag) == "TxDtls"), None)
    txn_id, order_id = _ids(entry, details)
    reversal = text(entry, "RvslInd").lower() in ("true", "1")
    return {
        "index": index,
        "time": entry_time(entry),
        "amount": (amount_node.text or "").strip() if amount_node is not None else "",
        "currency": (amount_node.get("Ccy", "") if amount_node is not None else "").upper(),
        "indicator": indicator,
        "credit": credit,
        "reversal": reversal,
        "status": _state(entry),
        "counterparty": _counterparty(details, credit),
        "description": _description(entry, details),
        "method": account,
        "txn_id": txn_id,
        "merchant_order_id": order_id,
        "category": _bank_code(entry),
    }


def _balance_warning(statement: Element, entries: list[dict], name: str) -> list[str]:
    """Opening booked balance + booked entries should equal the closing booked balance."""
    balances = {}
    for bal in children(statement, "Bal"):
        code = text(bal, "Tp", "CdOrPrtry", "Cd")
        amount = child(bal, "Amt")
        if amount is None or code not in ("OPBD", "CLBD"):
            continue
        value = Decimal((amount.text or "0").strip())
        sign = -1 if text(bal, "CdtDbtInd").upper() == "DBIT" else 1
        balances[code] = (sign * value, amount.get("Ccy", ""))
    if "OPBD" not in balances or "CLBD" not in balances:
        return []
    booked = [e for e in entries if e["status"] in ("", "BOOK")]
    moved = sum((Decimal(e["amount"]) * (1 if e["credit"] else -1) for e in booked), Decimal(0))
    (opening, open_ccy), (closing, close_ccy) = balances["OPBD"], balances["CLBD"]
    if open_ccy != close_ccy or opening + moved != closing:
        return [
            StatementWarning.of(
                "camt.balance_differs",
                statement=name,
                opening=opening,
                opening_currency=open_ccy,
                moved=moved,
                closing=closing,
                closing_currency=close_ccy,
            )
        ]
    return []


class Camt053(Importer):
    """ISO 20022 camt.053 BankToCustomerStatement XML (any version 001.02-001.08)."""

    id = "camt053"
    row_unit = "entry"
    label = "ISO 20022 camt.053 bank statement (XML) / ISO 20022 camt.053 银行对账单（XML）"

    def identify(self, probe: Probe) -> bool:
        head = probe.head[:8000]
        return ("<Document" in head and bool(_CAMT.search(head))) or (
            "BkToCstmrStmt" in head and "<Ntry" in probe.head
        )

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        root = parse(probe)
        records: list[dict] = []
        warnings: list[str] = []
        statements = [n for n in root.iter() if local(n.tag) in _CONTAINERS]
        if not statements:
            raise StatementError.of("camt.no_statement", source=probe.name)
        for statement in statements:
            account = _account(statement)
            entries = [
                _entry(e, len(records) + i + 1, account)
                for i, e in enumerate(children(statement, "Ntry"))
            ]
            _check_amounts(entries, probe.name)
            warnings += _balance_warning(statement, entries, text(statement, "Id"))
            records += entries
        return Extract(self._rows(records, probe.name), warnings)

    def _rows(self, records: list[dict], name: str) -> pd.DataFrame:
        frame = pd.DataFrame(records, columns=list(_entry_columns()))
        for record in records:
            if not record["time"]:
                raise StatementError.of(
                    "camt.entry_without_date", source=name, row=record["index"], unit="entry"
                )
            if record["indicator"] not in ("CRDT", "DBIT"):
                raise StatementError.of(
                    "camt.bad_indicator",
                    source=name,
                    row=record["index"],
                    unit="entry",
                    value=record["indicator"],
                )
        amount, _, _ = normalize_amounts(frame["amount"].astype("str"))
        credit = frame["credit"].astype(bool)
        reversal = frame["reversal"].astype(bool)
        status = frame["status"].astype("str")
        state = status.map(_STATES).fillna(ledger.SUCCESS).astype("str")
        # A reversed debit comes back as a credit: money returned, like a refund.
        state = state.mask(reversal & credit & (state == ledger.SUCCESS), ledger.REFUND)
        return pd.DataFrame(
            {
                "source_row": frame["index"].astype("int64"),
                "time": frame["time"].astype("str"),
                "amount": amount,
                "currency": frame["currency"].astype("str"),
                "direction": credit.map({True: ledger.INCOME, False: ledger.EXPENSE}).astype("str"),
                "state": state,
                "counterparty": frame["counterparty"].astype("str"),
                "description": frame["description"].astype("str"),
                "method": frame["method"].astype("str"),
                "txn_id": frame["txn_id"].astype("str"),
                "merchant_order_id": frame["merchant_order_id"].astype("str"),
                "category": frame["category"].astype("str"),
            }
        )


def _entry_columns() -> tuple[str, ...]:
    return (
        "index",
        "time",
        "amount",
        "currency",
        "indicator",
        "credit",
        "reversal",
        "status",
        "counterparty",
        "description",
        "method",
        "txn_id",
        "merchant_order_id",
        "category",
    )


def _check_amounts(entries: list[dict], name: str) -> None:
    for entry in entries:
        if not re.fullmatch(r"\d+(?:\.\d+)?", entry["amount"]):
            raise StatementError.of(
                "camt.bad_amount",
                source=name,
                row=entry["index"],
                unit="entry",
                value=entry["amount"],
            )


IMPORTERS = [Camt053()]
