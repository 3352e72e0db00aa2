"""SWIFT MT940 customer statements (``.sta``, ``.940``): one or more statements per file.

A statement is a run of ``:tag:`` fields; a field continues on the following lines
until the next tag. Each ``:61:`` statement line becomes one ledger row whose
``source_row`` is the physical line of the tag; the ``:86:`` right after it carries
the counterparty and purpose. Opening balance plus the lines is compared with the
closing balance, and a difference is reported as a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from .. import ledger
from ..errors import StatementError, StatementWarning
from ..money_columns import normalize_amounts
from . import cut_off
from .base import Extract, Importer, Probe, ReadOptions, StatementFacts

_TAG = re.compile(r"^:(\d{2}[A-Z]?):(.*)$")
_BALANCE = re.compile(r"([CD])(\d{6})([A-Z]{3})(\d+,\d*)")
# value date, entry date, mark (RC/RD before C/D: 'DR800,' is D + funds code R), funds code,
# amount, transaction type, customer reference, bank reference, supplementary details.
# What the ledger uses is matched strictly; the rest of the first line (type code and
# references, cosmetic here) is read leniently, with a warning when it is off the spec.
_LINE = re.compile(
    r"(?P<value>\d{6})(?P<entry>\d{4})?(?P<mark>RC|RD|C|D)(?P<funds>[A-Z])?"
    r"(?P<amount>\d+,\d*)(?P<rest>[^\n]*)(?:\n(?P<extra>.*))?",
    re.DOTALL,
)
_REST = re.compile(r"(?P<type>[NFS][A-Z0-9]{3})(?P<ref>(?:(?!//).)*)(?://(?P<bank>.*))?")
_LOOSE_REST = re.compile(r"(?P<type>.{0,4})(?P<ref>(?:(?!//).)*)(?://(?P<bank>.*))?")
# The standard's amount field: 15 characters including the decimal comma.
MAX_AMOUNT_CHARS = 15
_SUBFIELD = re.compile(r"\?(\d{2})")
_END = re.compile(r"^-(?:XXX|\})?\s*$|^-}")


@dataclass
class _Statement:
    currency: str = ""
    account: str = ""
    opening: Decimal | None = None
    moved: Decimal = Decimal(0)
    opening_line: int = 0


@dataclass
class _Field:
    tag: str
    line: int
    text: list[str] = field(default_factory=list)


def fields(lines: list[str]) -> list[_Field]:
    """The tagged fields of the file; bank preambles and SWIFT envelopes are skipped."""
    found: list[_Field] = []
    current: _Field | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if line.startswith("{1:") or "{4:" in line:  # SWIFT envelope: {1:...}{2:...}{4:
            found.append(_Field("{4:", number))  # its message ends with -}
            current = None
        if "{4:" in line:
            line = line.split("{4:", 1)[1]
            if not line.strip():
                continue
        match = _TAG.match(line)
        if match:
            current = _Field(match.group(1), number, [match.group(2)])
            found.append(current)
        elif _END.match(line.strip()) or line.startswith("{5:"):
            found.append(_Field("-", number))
            current = None
        elif current is not None:
            current.text.append(line)
    return found


def amount_of(printed: str) -> Decimal:
    """``11,8`` -> 11.80 (comma decimal, optional fraction)."""
    whole, _, fraction = printed.partition(",")
    return Decimal(f"{whole or 0}.{fraction or 0}")


def parse_86(text: list[str]) -> tuple[str, str, str]:
    """(counterparty, description, posting text) from an ``:86:`` field.

    The German DFUE layout has ``?NN`` sub-fields: ``?00`` posting text, ``?20``-``?29``
    and ``?60``-``?63`` purpose, ``?32``/``?33`` name. Its lines wrap mid-word, so they
    are joined without a space. Free text is joined with spaces.
    """
    joined = "".join(text)
    if re.match(r"^\s*\d{3}\?", joined):
        parts = _SUBFIELD.split(joined)
        sub: dict[int, str] = {}
        for key, value in zip(parts[1::2], parts[2::2], strict=False):
            sub[int(key)] = sub.get(int(key), "") + value
        purpose = [sub[k] for k in sorted(sub) if 20 <= k <= 29 or 60 <= k <= 63]
        name = "".join(sub.get(k, "") for k in (32, 33))
        return _squash(name), _squash(_join_purpose(purpose)), _squash(sub.get(0, ""))
    return "", _squash(" ".join(line.strip() for line in text)), ""


def _join_purpose(chunks: list[str]) -> str:
    """Purpose sub-fields are 27 characters wide: a full one was cut mid-word."""
    out, previous = "", ""
    for chunk in chunks:
        out += chunk if not out or len(previous) >= 27 else " " + chunk.lstrip()
        previous = chunk
    return out


def _squash(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def _year(yy: str) -> str:
    return ("19" if int(yy) >= 80 else "20") + yy


def _date(yymmdd: str) -> str:
    return f"{_year(yymmdd[:2])}-{yymmdd[2:4]}-{yymmdd[4:6]}"


def _real_date(probe: Probe, item: _Field, yymmdd: str) -> str:
    """The ISO date of a YYMMDD field; a date no calendar has is refused, naming the line."""
    iso = _date(yymmdd)
    try:
        dt.date.fromisoformat(iso)
    except ValueError:
        raise StatementError.of(
            "mt940.bad_date", source=probe.name, row=item.line, tag=item.tag, value=yymmdd
        ) from None
    return iso


def _amount(probe: Probe, item: _Field, printed: str) -> str:
    if len(printed) > MAX_AMOUNT_CHARS:
        raise StatementError.of(
            "mt940.amount_too_long",
            source=probe.name,
            row=item.line,
            tag=item.tag,
            length=len(printed),
            limit=MAX_AMOUNT_CHARS,
        )
    return printed


def _lines(probe: Probe) -> list[str]:
    """The file's lines. MT940 is ASCII by the standard; European banks write umlauts in
    Latin-1/cp1252, which the GBK guess of the probe would turn into Chinese characters."""
    if probe.encoding.startswith(("utf-8", "utf-16")):
        return probe.lines
    text = probe.data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _refuse_cut_off(probe: Probe, lines: list[str], found: list[_Field]) -> None:
    """Refuse a file that stops inside a statement (a ``:20:`` without its closing balance
    ``:62F:``, or ``:62M:`` where a statement goes on in the next message) or inside a
    SWIFT envelope (``{4:`` without its ``-}``). A closing balance cut short ('D',
    'C240131EUR100') on the file's last field counts as cut too. Checked before any field
    is read, so a line cut mid-way is called cut off, not a bad statement line."""
    statement: _Field | None = None
    envelope: _Field | None = None
    for item in found:
        if item.tag == "{4:":
            envelope = envelope or item
        elif item.tag == "20":
            statement = item
        elif item.tag in ("62F", "62M"):
            whole = item is not found[-1] or _BALANCE.fullmatch("".join(item.text).strip())
            statement = None if whole else statement
        elif item.tag == "-":
            statement = envelope = None
    opened = statement or envelope
    if opened is not None:
        text = "\n".join(lines)
        raise cut_off.refusal(probe.name, text, kind="MT940", end=":62F:", start=opened.line)


class Mt940(Importer):
    """SWIFT MT940, with or without a bank preamble or the {1:}{2:}{4: envelope."""

    id = "mt940"
    label = "SWIFT MT940 bank statement / SWIFT MT940 银行对账单"

    def identify(self, probe: Probe) -> bool:
        head = probe.head
        return all(
            re.search(rf"^(?:{{4:)?:{tag}:", head, re.MULTILINE) for tag in ("20", "25", r"60[FM]")
        )

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        lines = _lines(probe)
        found = fields(lines)
        _refuse_cut_off(probe, lines, found)
        records: list[dict] = []
        warnings: list[str] = []
        facts = StatementFacts()
        statement = _Statement()
        last_line: dict | None = None
        for item in found:
            body = "\n".join(item.text)
            if item.tag == "20" or item.tag == "-":
                last_line = None
                if item.tag == "20":
                    statement = _Statement()
                continue
            if item.tag == "25":
                statement.account = body.strip()
                facts.account = facts.account or statement.account
            elif item.tag in ("60F", "60M"):
                sign, _, currency, amount = self._balance(probe, item, body)
                statement.currency = currency
                statement.opening = sign * amount_of(amount)
                statement.moved = Decimal(0)
                statement.opening_line = item.line
                facts.currency = facts.currency or currency
                facts.declared.setdefault("opening", f"{statement.opening}")
            elif item.tag == "61":
                last_line = self._line(probe, item, body.strip(), statement, warnings)
                records.append(last_line)
            elif item.tag == "86" and last_line is not None:
                name, purpose, posting = parse_86(item.text)
                last_line["counterparty"] = name
                last_line["description"] = " ".join(p for p in (purpose, last_line["extra"]) if p)
                if posting:
                    last_line["category"] = posting
                last_line = None
            elif item.tag in ("62F", "62M"):
                last_line = None
                sign, _, currency, amount = self._balance(probe, item, body)
                closing = sign * amount_of(amount)
                facts.declared["closing"] = f"{closing}"
                if statement.opening is not None and statement.opening + statement.moved != closing:
                    warnings.append(
                        StatementWarning.of(
                            "mt940.balance_differs",
                            line=item.line,
                            closing=closing,
                            currency=currency,
                            opening=statement.opening,
                            opening_line=statement.opening_line,
                            moved=statement.moved,
                        )
                    )
            else:
                last_line = None
        return Extract(self._frame(records), warnings, facts=facts)

    def _balance(self, probe: Probe, item: _Field, body: str) -> tuple[int, str, str, str]:
        match = _BALANCE.match(body.strip())
        if not match:
            raise StatementError.of(
                "mt940.bad_balance",
                source=probe.name,
                row=item.line,
                tag=item.tag,
                value=body.strip(),
            )
        mark, date, currency, amount = match.groups()
        _real_date(probe, item, date)
        return (-1 if mark == "D" else 1), date, currency, _amount(probe, item, amount)

    def _line(
        self, probe: Probe, item: _Field, body: str, statement: _Statement, warnings: list[str]
    ) -> dict:
        match = _LINE.fullmatch(body)
        if not match:
            raise StatementError.of(
                "mt940.bad_statement_line",
                source=probe.name,
                row=item.line,
                value=body.splitlines()[0],
            )
        time = _real_date(probe, item, match.group("value"))
        _amount(probe, item, match.group("amount"))
        rest = match.group("rest").rstrip()
        parts = _REST.fullmatch(rest)
        if parts is None:
            parts = _LOOSE_REST.fullmatch(rest)
            assert parts is not None  # the loose pattern takes any text
            warnings.append(
                StatementWarning.of("mt940.odd_transaction_type", line=item.line, value=rest[:4])
            )
        mark = match.group("mark")
        credit = mark in ("C", "RD")  # RD: reversal of a debit = money back
        value = amount_of(match.group("amount"))
        statement.moved += value if credit else -value
        ref = parts.group("ref").strip()
        ref = "" if ref.upper() == "NONREF" else ref
        bank = (parts.group("bank") or "").strip()
        return {
            "source_row": item.line,
            "time": time,
            "amount": match.group("amount").replace(",", "."),
            "currency": statement.currency,
            "direction": ledger.INCOME if credit else ledger.EXPENSE,
            "state": ledger.REFUND if mark == "RD" else ledger.SUCCESS,
            "counterparty": "",
            "description": "",
            "extra": _squash(match.group("extra") or ""),
            "method": statement.account,
            "txn_id": bank or ref,
            "merchant_order_id": ref if bank else "",
            "category": parts.group("type").strip(),
        }

    def _frame(self, records: list[dict]) -> pd.DataFrame:
        columns = list(ledger.IMPORTER_COLUMNS)
        frame = pd.DataFrame(records, columns=[*columns, "extra"])
        no_86 = frame["description"].astype("str") == ""
        frame.loc[no_86, "description"] = frame.loc[no_86, "extra"]
        frame["amount"] = normalize_amounts(frame["amount"].astype("str"))[0]
        return frame[columns]


IMPORTERS = [Mt940()]
