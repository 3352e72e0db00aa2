"""Cases: what a user disputes is a company, not a stream.

A case gathers every stream and one-off charge of one counterparty (the normalised
merchant key after the catalogue and the user's aliases) under every name it was
printed with, with its totals per currency, the user's decisions and the case log.
Everything here is computed from the scan's prepared ledger rows, so each figure
traces back to ``source`` + ``source_row``; the report, the letters and the window
all read the same :class:`Case`.
"""

from __future__ import annotations

import functools
import json
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import ledger
from ..detect import normalize
from ..detect.scan import ScanResult
from ..money import format_amount
from ..money_columns import minor_units, sum_amounts
from ..progress import step
from ..vocab import CaseStatus, Channel, StreamType
from ..vstr import isin, map_distinct
from .charge_facts import NO_FACTS, ChargeFacts, Facts
from .charge_table import (
    PAID_STATES,
    ChargeFields,
    ChargeTable,
    DayTotal,
    day_totals_of,
    flags_of,
    summed_per_day,
)
from .costs import RecurringCost, recurring_cost
from .decisions import Decisions
from .lazy_list import LazyList

# Streams of these types make their merchant a case; income and transfers do not.
CASE_TYPES = frozenset(
    {StreamType.SUBSCRIPTION, StreamType.BILL, StreamType.INSTALMENT, StreamType.USAGE}
)


@dataclass(frozen=True)
class Totals:
    paid: Decimal = Decimal("0.00")
    refunded: Decimal = Decimal("0.00")

    @property
    def net(self) -> Decimal:
        return self.paid - self.refunded

    def to_json(self) -> dict[str, str]:
        return {
            "paid": f"{self.paid:.2f}",
            "refunded": f"{self.refunded:.2f}",
            "net": f"{self.net:.2f}",
        }


@dataclass
class Charge:
    """One money-moving expense row of a case, with what detection said about it."""

    row_id: int
    dedup_key: str
    date: date
    time: str
    amount: Decimal
    currency: str
    state: str
    source: str
    source_sha256: str
    source_row: int
    format: str
    txn_id: str
    merchant_order_id: str
    counterparty: str
    merchant: str
    description: str
    method: str
    stream_id: str | None = None
    cadence: str | None = None
    flags: list[str] = field(default_factory=list)
    cause: str | None = None
    cause_reason_zh: str = ""
    cause_reason_en: str = ""
    days_since_previous: int | None = None
    after_cancellation: bool = False

    def to_json(self) -> dict:
        return {
            "row_id": self.row_id,
            "date": self.date.isoformat(),
            "time": self.time,
            "amount": f"{self.amount:.2f}",
            "currency": self.currency,
            "state": self.state,
            "source": self.source,
            "source_sha256": self.source_sha256,
            "source_row": self.source_row,
            "format": self.format,
            "txn_id": self.txn_id,
            "merchant_order_id": self.merchant_order_id,
            "counterparty": self.counterparty,
            "description": self.description,
            "method": self.method,
            "stream": self.stream_id,
            "cadence": self.cadence,
            "flags": self.flags,
            "cause": self.cause,
            "cause_reason": self.cause_reason_zh,
            "cause_reason_en": self.cause_reason_en,
            "days_since_previous": self.days_since_previous,
            "after_cancellation": self.after_cancellation,
        }


@dataclass(frozen=True)
class Attachment:
    id: int
    name: str
    sha256: str
    size: int

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "sha256": self.sha256, "size": self.size}


@dataclass
class LogEntry:
    """A dated entry of the case log: a contact the user made, a note, or a decision."""

    id: int
    kind: str  # "contact", "note", "decision", "export"
    recorded_at: str  # when it was written (local time, ISO)
    on: date  # the day it is about
    channel: Channel | None
    ticket: str
    summary: str
    outcome: str
    attachments: list[Attachment] = field(default_factory=list)
    message: str = ""  # a decision's catalogue id and fields (JSON), rendered per language

    def text(self, lang: str = "zh") -> str:
        """The summary in ``lang`` (a contact's summary is the user's own words)."""
        if not self.message:
            return self.summary
        parsed = json.loads(self.message)
        return self.render(parsed["id"], parsed.get("fields", {}), lang)

    @staticmethod
    def render(message_id: str, fields: dict[str, str], lang: str) -> str:
        """A decision's words: catalogue text, vocabulary values shown by their label."""
        from ..i18n import text

        shown = dict(fields)
        if "status" in shown:
            shown["status"] = CaseStatus.label_of(shown["status"], lang)
        return text(message_id, lang, **shown)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "recorded_at": self.recorded_at,
            "date": self.on.isoformat(),
            "channel": self.channel.value if self.channel else None,
            "ticket": self.ticket,
            "summary": self.summary,
            "summary_zh": self.text("zh"),
            "outcome": self.outcome,
            "attachments": [a.to_json() for a in self.attachments],
        }


@dataclass
class Case:
    id: str
    key: str
    merchant: str  # the name printed most often
    legal_name: str  # the full company name where one was printed, else merchant
    names: list[str]
    status: CaseStatus
    cancelled_on: date | None
    streams: list[dict]
    charges: Sequence[Charge]  # in time order; the builder's are made on first reading
    refunds: list[Charge]
    totals: dict[str, Totals]
    after: Sequence[Charge]
    after_totals: dict[str, Totals]
    log: list[LogEntry]
    checklist: list[str] = field(default_factory=list)
    # its charges as columns: the builder's, from the ledger; else made from the
    # charges when first asked for
    table: ChargeTable | None = None

    @property
    def charge_table(self) -> ChargeTable:
        """Its charges' flags, money per day and fields, without making a Charge each."""
        if self.table is None:
            charges = self.charges
            self.table = ChargeTable(
                flags_of(charges), day_totals_of(charges), lambda: ChargeFields.of(charges)
            )
        return self.table

    @property
    def day_totals(self) -> list[DayTotal]:
        """Its charges summed per day, currency and side of the cancellation."""
        return self.charge_table.day_totals

    def charge_fields(self) -> ChargeFields:
        """Every charge's fields, one list each (for its table)."""
        return self.charge_table.fields()

    @property
    def first(self) -> date | None:
        return self.charges[0].date if self.charges else None

    @property
    def last(self) -> date | None:
        return self.charges[-1].date if self.charges else None

    @property
    def missed_dates(self) -> list[date]:
        """The days a stream of this case was due and nothing was charged (its schedule's gaps)."""
        return sorted(
            {date.fromisoformat(d) for s in self.streams for d in s.get("missed_dates") or []}
        )

    @property
    def notes(self) -> list[LogEntry]:
        return [e for e in self.log if e.kind == "note"]

    @functools.cached_property
    def flags(self) -> list[str]:
        """Every flag of its streams and charges, worked out once: a case's streams and
        charges are fixed when it is built, and filters ask for this on every redraw."""
        found = {f for s in self.streams for f in s.get("flags") or []}
        found |= self.charge_table.flags
        return sorted(found)

    @property
    def recurring_cost(self) -> RecurringCost:
        """What the case's subscriptions still charging cost per month and per year."""
        return recurring_cost(self.streams)

    def matches(self, text: str) -> bool:
        """True when ``text`` is part of any of the case's names (or its key / id)."""
        needle = text.strip().casefold()
        if not needle:
            return False
        return any(needle in n.casefold() for n in (*self.names, self.key, self.id))

    def summary_line(self, lang: str = "zh") -> str:
        """The case in one line, by the message ids the PDF report and bag-info use."""
        from ..i18n import counted, text

        line = text(
            "case.summary",
            lang,
            name=self.merchant,
            charges=counted("case.summary.charges", len(self.charges), lang),
            total=money_total(self.totals, lang) or format_amount(Decimal(0), "CNY"),
        )
        if self.cancelled_on:
            line += text(
                "case.summary.after",
                lang,
                day=self.cancelled_on.isoformat(),
                charges=counted("case.summary.after_charges", len(self.after), lang),
                total=money_total(self.after_totals, lang) or format_amount(Decimal(0), "CNY"),
            )
        return line

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "key": self.key,
            "merchant": self.merchant,
            "legal_name": self.legal_name,
            "names": self.names,
            "status": self.status.value,
            "cancelled_on": self.cancelled_on.isoformat() if self.cancelled_on else None,
            "streams": self.streams,
            "charges": len(self.charges),
            "items": [c.to_json() for c in self.charges],
            "refunds": [c.to_json() for c in self.refunds],
            "totals": {c: t.to_json() for c, t in self.totals.items()},
            "after_cancellation": {
                "charges": len(self.after),
                "totals": {c: t.to_json() for c, t in self.after_totals.items()},
                "items": [c.to_json() for c in self.after],
            },
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "flags": self.flags,
            "notes": [e.summary for e in self.notes],
            "checklist": self.checklist,
            "log": [e.to_json() for e in self.log],
        }


def totals_of(
    charges: Iterable[Charge], refunds: Iterable[Charge] | None = None
) -> dict[str, Totals]:
    return _totals_by_currency(
        ((c.currency, c.amount) for c in charges), ((r.currency, r.amount) for r in refunds or [])
    )


def _totals_by_currency(
    paid_items: Iterable[tuple[str, Decimal]], refund_items: Iterable[tuple[str, Decimal]]
) -> dict[str, Totals]:
    """Paid and refunded per currency, from (currency, amount) pairs."""
    paid, back = _sums(paid_items), _sums(refund_items)
    return {
        c: Totals(paid.get(c, Decimal("0.00")), back.get(c, Decimal("0.00")))
        for c in sorted(set(paid) | set(back))
    }


def _sums(items: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for currency, amount in items:
        found[currency] = found.get(currency, Decimal("0.00")) + amount
    return found


def build_cases(
    result: ScanResult,
    decisions: Decisions,
    case_ids: dict[str, str],
    log: dict[str, list[LogEntry]],
) -> list[Case]:
    """Every case of a scan: merchants with a recurring expense stream or a flagged row.

    The case rows are taken out of the (possibly million-row) frame once, as Python
    lists; each case then works on its own slice of them.
    """
    frame = result.frame
    streams_by_key: dict[str, list[dict]] = {}
    for stream in result.stream_dicts:
        if stream.get("type") in CASE_TYPES and stream.get("direction") == ledger.EXPENSE:
            streams_by_key.setdefault(str(stream["merchant_key"]), []).append(stream)
    codes, uniques = pd.factorize(frame["_key"])
    # a watched transfer to a person makes no case: only flagged charges do
    wanted = [str(k) for k in streams_by_key] + result.flagged_charge_keys()
    wanted = [k for k in dict.fromkeys(wanted) if k]
    if not wanted:
        return []
    lookup = {str(k): i for i, k in enumerate(uniques)}
    wanted_codes = np.array([lookup[k] for k in wanted if k in lookup], dtype=codes.dtype)
    positions = np.flatnonzero(np.isin(codes, wanted_codes))
    table = _CaseRows(
        frame,
        positions,
        codes[positions],
        decisions.aliases,
        [n for s in streams_by_key.values() for st in s for n in st["names"]],
    )
    step(0.35)  # shares of building a million-row bill's cases, as measured
    refunds_of = _refund_rows(frame)
    detected = ChargeFacts(result.stream_dicts, result.flagged)
    step(0.55)
    cases = []
    for done, code in enumerate(wanted_codes.tolist()):
        step(0.55 + 0.45 * done / len(wanted_codes))
        key = str(uniques[code])
        cancelled = decisions.cancelled.get(key)
        members = table.rows_of(code)
        made = _charges(table, members, refunds_of, detected, cancelled)
        streams = streams_by_key.get(key, [])
        names = _names(table, members, streams, key)
        cases.append(
            Case(
                id=case_ids.get(key, ""),
                key=key,
                merchant=names[0] if names else key,
                legal_name=_legal_name(names) or (names[0] if names else key),
                names=names,
                status=decisions.status(key),
                cancelled_on=cancelled,
                streams=streams,
                charges=made.charges,
                refunds=made.refunds,
                totals=made.totals,
                after=made.after,
                after_totals=made.after_totals,
                log=log.get(key, []),
                checklist=decisions.checklists.get(key, []),
                table=made.table,
            )
        )
    rank = {s["merchant_key"]: i for i, s in enumerate(result.stream_dicts)}
    cases.sort(key=lambda c: (rank.get(c.key, len(rank)), c.key))
    return cases


_FIELDS = (
    "row_id",
    "dedup_key",
    "time",
    "amount",
    "currency",
    "state",
    "source",
    "source_sha256",
    "source_row",
    "format",
    "txn_id",
    "merchant_order_id",
    "counterparty",
    "merchant",
    "description",
    "method",
)


_NUMBERS = ("row_id", "source_row")


class _CaseRows:
    """The rows of every case, taken out of the frame in one go.

    Columns stay Arrow-backed text; what decides whether a row is a charge or a refund
    is worked out for all of them at once, and Python values are made only for the rows
    that become charges (a million-item ``tolist`` holds the GIL, freezing the window).
    """

    def __init__(
        self,
        frame: pd.DataFrame,
        positions: np.ndarray,
        codes: np.ndarray,
        aliases: dict[str, str],
        more_names: list[str],
    ) -> None:
        part = frame[[*_EAGER, "direction", "refund_of", "_counted"]].iloc[positions]
        self.part = part = part.reset_index(drop=True)
        self.columns = _Columns(part, frame, positions)
        # every row's place in (time, row id) order, sorted by Arrow (which lets go of the GIL)
        by_time = pc.sort_indices(
            pa.table({"time": pa.array(part["time"].array), "row_id": part["row_id"].to_numpy()}),
            sort_keys=[("time", "ascending"), ("row_id", "ascending")],
        ).to_numpy()
        self.rank = np.empty(len(part), dtype=np.int64)
        self.rank[by_time] = np.arange(len(part), dtype=np.int64)
        self.merchant = map_distinct(part["merchant"], str.strip)  # names as printed, trimmed
        self.counterparty = map_distinct(part["counterparty"], str.strip)
        # every printed name once: its grouping key, and its case key after the aliases
        names = pd.Series(
            sorted(
                set(self.merchant.unique().tolist())
                | set(self.counterparty.unique().tolist())
                | set(more_names)
            ),
            dtype="str",
        )
        grouping = normalize.grouping_keys(names)
        self.grouping = dict(zip(names.tolist(), grouping.tolist(), strict=True))
        self.canonical = dict(
            zip(names.tolist(), normalize.canonical_keys(grouping, aliases).tolist(), strict=True)
        )
        counted = part["_counted"].to_numpy(dtype=bool) & (part["refund_of"] == "").to_numpy(
            dtype=bool
        )
        paid = (part["direction"] == ledger.EXPENSE).to_numpy(dtype=bool) & isin(
            part["state"], PAID_STATES
        ).to_numpy(dtype=bool)
        self.charge_rows = counted & paid  # money taken (refund rows pointing back: not)
        self.refund_rows = counted & ~paid & (part["state"] == ledger.REFUND).to_numpy(dtype=bool)
        order = np.argsort(codes, kind="stable")
        sorted_codes = codes[order]
        cuts = np.flatnonzero(np.diff(sorted_codes)) + 1
        self._members = (
            {
                int(sorted_codes[a]): order[a:b]
                for a, b in zip(np.r_[0, cuts], np.r_[cuts, len(order)], strict=True)
            }
            if len(order)
            else {}
        )

    def rows_of(self, code: int) -> np.ndarray:
        return self._members.get(code, np.array([], dtype=np.int64))

    def in_time_order(self, rows: np.ndarray) -> np.ndarray:
        """``rows`` by (time, row id): the order of (date, time, row id), a date being
        the start of its time."""
        return rows[np.argsort(self.rank[rows], kind="stable")]

    def charge(self, index: int, facts: Facts) -> Charge:
        """The charge of row ``index`` (``_charge`` of its record, without making the
        record: a large case has a hundred thousand charges). Positional: the order of
        Charge's fields."""
        v = self.columns.value
        time = v("time", index)
        stream, cadence, flags, cause, reason_zh, reason_en = facts
        return Charge(
            v("row_id", index),
            v("dedup_key", index),
            _date_of(time[:10]),
            time,
            _amount_of(v("amount", index)),
            v("currency", index),
            v("state", index),
            v("source", index),
            v("source_sha256", index),
            v("source_row", index),
            v("format", index),
            v("txn_id", index),
            v("merchant_order_id", index),
            v("counterparty", index),
            v("merchant", index),
            v("description", index),
            v("method", index),
            stream,
            cadence,
            list(flags),
            cause,
            reason_zh,
            reason_en,
        )


# The fields the case list needs (taken out of the frame with the case rows); the others
# are taken when a charge's table or document first reads them.
_EAGER = ("row_id", "dedup_key", "time", "amount", "currency", "state", "counterparty", "merchant")


class _Columns:
    """The case rows' fields as Python lists, each made the first time it is read: the
    case list needs only a few of them; a charge's other fields wait until a table or a
    document reads the charges (on a worker, from any thread). ``part`` holds the rows
    of the fields in ``_EAGER``; the others are taken from ``frame`` at ``positions``."""

    def __init__(self, part: pd.DataFrame, frame: pd.DataFrame, positions: np.ndarray) -> None:
        self._part = part
        self._frame = frame
        self._positions = positions
        self._made: dict[str, list] = {}
        self._lock = threading.Lock()
        self._single_reads = 0

    def value(self, name: str, index: int):
        """One row's field: from the list once made; before that, from the frame for the
        first few reads (the case list shows a case's first and last charge, on the GUI
        thread: making a 100,000-item list there froze the window for 0.4 s)."""
        made = self._made.get(name)
        if made is not None:
            return made[index]
        if self._single_reads < _SINGLE_READS:
            self._single_reads += 1
            if name in self._part:
                found = self._part[name].iat[index]
            else:
                found = self._frame[name].iat[int(self._positions[index])]
            return int(found) if name in _NUMBERS else str(found)
        return self[name][index]

    def __getitem__(self, name: str) -> list:
        made = self._made.get(name)
        if made is None:
            with self._lock:
                made = self._made.get(name)
                if made is None:
                    kind = "int64" if name in _NUMBERS else "str"
                    column = (
                        self._part[name]
                        if name in self._part
                        else self._frame[name].iloc[self._positions]
                    )
                    made = self._made[name] = _python_values(column.astype(kind))
        return made


_SINGLE_READS = 16 * 8  # fields read one by one (eight charges) before a column is listed


_LIST_AT_ONCE = 20_000  # values made Python objects per call (each call holds the GIL)


def _python_values(column: pd.Series) -> list:
    """``column.tolist()``, a slice at a time, so other threads run in between."""
    found: list = []
    for at in range(0, len(column), _LIST_AT_ONCE):
        found += column.iloc[at : at + _LIST_AT_ONCE].tolist()
    return found


@functools.lru_cache(maxsize=4096)
def _date_of(day: str) -> date:
    return date.fromisoformat(day)


@functools.lru_cache(maxsize=65536)
def _amount_of(text: str) -> Decimal:
    return Decimal(text)  # immutable: one object per distinct amount is shared


def _refund_rows(frame: pd.DataFrame) -> dict[str, list[dict]]:
    """Counted rows that give money back for another row, by that row's dedup key."""
    pointing = np.flatnonzero(
        (frame["refund_of"] != "").to_numpy(dtype=bool) & frame["_counted"].to_numpy(dtype=bool)
    )
    found: dict[str, list[dict]] = {}
    if not len(pointing):
        return found
    for record in frame[[*_FIELDS, "refund_of"]].iloc[pointing].to_dict("records"):
        found.setdefault(str(record["refund_of"]), []).append(record)
    return found


@dataclass
class _Made:
    """A case's charges (made on first reading) and what is known of them from the
    columns alone: refunds, the charges after the cancellation, totals, and its table
    (flags, money per day, fields)."""

    charges: LazyList[Charge]
    refunds: list[Charge]
    after: LazyList[Charge]
    totals: dict[str, Totals]
    after_totals: dict[str, Totals]
    table: ChargeTable


def _charges(
    table: _CaseRows,
    members: np.ndarray,
    refunds_of: dict[str, list[dict]],
    detected: ChargeFacts,
    cancelled: date | None,
) -> _Made:
    """The charges of ``members`` in time order, each a Charge once something reads it
    (a large case has a hundred thousand); everything the case list shows is worked
    out here from the columns."""
    c = table.columns
    row_ids, times = c["row_id"], c["time"]
    paid = table.in_time_order(members[table.charge_rows[members]]).tolist()

    def make(k: int) -> Charge:
        i = paid[k]
        charge = table.charge(i, detected.get(row_ids[i], NO_FACTS))
        if k:
            charge.days_since_previous = (charge.date - _date_of(times[paid[k - 1]][:10])).days
        charge.after_cancellation = cancelled is not None and charge.date > cancelled
        return charge

    charges = LazyList(len(paid), make)
    loose = table.in_time_order(members[table.refund_rows[members]]).tolist()
    # refunds the statement does not tie to a purchase
    refunds = [table.charge(i, NO_FACTS) for i in loose]
    flags = detected.flags_of([row_ids[i] for i in paid])
    dedup_keys, states = c["dedup_key"], c["state"]
    for k, i in enumerate(paid):
        pointing = refunds_of.get(dedup_keys[i])
        if pointing:
            refunds += [_charge(r) for r in pointing]
        elif states[i] == ledger.REFUNDED:
            # marked 已退款 with no refund row of its own: the whole amount came back
            refunds.append(charges[k])
    refunds.sort(key=lambda r: (r.date, r.time, r.row_id))
    # an ISO day's text sorts as its date: after the cancellation day, as in make()
    day = cancelled.isoformat() if cancelled is not None else None
    late = [k for k, i in enumerate(paid) if day is not None and times[i][:10] > day]
    after = LazyList(len(late), lambda j: charges[late[j]])
    return _Made(
        charges,
        refunds,
        after,
        _totals(table, paid, refunds),
        _totals(table, [paid[k] for k in late]),
        ChargeTable(
            frozenset(flags),
            _day_totals(table, paid, day),
            lambda: _fields(table, paid, detected, day),
        ),
    )


def _fields(
    table: _CaseRows, rows: list[int], detected: ChargeFacts, cancelled: str | None
) -> ChargeFields:
    """The fields of the charges of ``rows`` (``cancelled``: the ISO day), from the
    columns and what detection said of each row.

    Each column is looked up once, then read by a comprehension: 100,000 charges' fields
    in ~0.1 s. Not by ``map`` in C, which is quicker still but holds the GIL for a whole
    column at a time (stalls of the window of 60-70 ms, measured)."""
    c = table.columns

    def taken(name: str) -> list:
        values = c[name]
        return [values[r] for r in rows]

    facts = detected.of(taken("row_id"))
    days = [time[:10] for time in taken("time")]
    return ChargeFields(
        days,
        [_amount_of(a) for a in taken("amount")],
        taken("currency"),
        taken("state"),
        [f[2] for f in facts],
        [f[3] for f in facts],
        [f[4] for f in facts],
        [f[5] for f in facts],
        taken("source"),
        taken("source_row"),
        [cancelled is not None and d > cancelled for d in days],
    )


def _day_totals(table: _CaseRows, rows: list[int], cancelled: str | None) -> list[DayTotal]:
    """``day_totals_of`` the charges of ``rows`` (``cancelled``: the ISO day), from the
    columns: summed as integer cents where every amount has at most two decimals."""
    if not rows:
        return []
    times, currencies = table.columns["time"], table.columns["currency"]
    days = [times[i][:10] for i in rows]
    frame = pd.DataFrame(
        {
            "day": days,
            "currency": [currencies[i] for i in rows],
            "late": [cancelled is not None and d > cancelled for d in days],
        }
    )
    amounts = table.part["amount"].iloc[rows]
    if amounts.str.fullmatch(r"\d+(\.\d{1,2})?").all():
        frame["cents"] = minor_units(amounts)
        sums = frame.groupby(["day", "currency", "late"], sort=True)["cents"].agg(["sum", "count"])
        return [
            DayTotal(_date_of(day), currency, bool(late), Decimal(int(total)).scaleb(-2), int(n))
            for (day, currency, late), total, n in zip(
                sums.index, sums["sum"].tolist(), sums["count"].tolist(), strict=True
            )
        ]
    return summed_per_day(
        (_date_of(r.day), r.currency, r.late, _amount_of(amount))
        for r, amount in zip(frame.itertuples(index=False), amounts.tolist(), strict=True)
    )


def _totals(
    table: _CaseRows, rows: list[int], refunds: list[Charge] | None = None
) -> dict[str, Totals]:
    """``totals_of`` the charges of ``rows``, from the columns (in Arrow, as integer
    cents where amounts have two decimals: see ``money_columns.sum_amounts``)."""
    amounts = table.part["amount"].iloc[rows]
    # Codes, not a Python str per charge (made in one call, 30 ms of GIL for 100,000).
    codes, names = pd.factorize(table.part["currency"].iloc[rows])
    paid = [
        (str(name), sum_amounts(amounts[codes == code]))
        for code, name in sorted(enumerate(names), key=lambda known: str(known[1]))
    ]
    return _totals_by_currency(paid, ((r.currency, r.amount) for r in refunds or []))


def _charge(row: dict) -> Charge:
    """A refund row given as a record (a few per case), nothing detected about it."""
    time = str(row["time"])
    return Charge(
        row_id=int(row["row_id"]),
        dedup_key=str(row["dedup_key"]),
        date=date.fromisoformat(time[:10]),
        time=time,
        amount=Decimal(str(row["amount"])),
        currency=str(row["currency"]),
        state=str(row["state"]),
        source=str(row["source"]),
        source_sha256=str(row["source_sha256"]),
        source_row=int(row["source_row"]),
        format=str(row["format"]),
        txn_id=str(row["txn_id"]),
        merchant_order_id=str(row["merchant_order_id"]),
        counterparty=str(row["counterparty"]),
        merchant=str(row["merchant"]),
        description=str(row["description"]),
        method=str(row["method"]),
    )


def _names(table: _CaseRows, members: np.ndarray, streams: list[dict], key: str) -> list[str]:
    """Every name the case was printed with, the most frequent first.

    A counterparty counts only when it names this company itself (a row paid through
    an intermediary prints the intermediary there, 支付宝（中国）网络技术有限公司).
    """
    merchant = table.merchant.iloc[members]
    counts: Counter[str] = Counter(merchant[merchant != ""].value_counts().to_dict())
    counterparty = table.counterparty.iloc[members]
    for name, count in counterparty[counterparty != ""].value_counts().items():
        if table.canonical[name] == key:
            counts[name] += count
    for stream in streams:
        counts.update({n: 0 for n in stream.get("names") or [] if n})
    merchants = set(table.part["merchant"].iloc[members].unique().tolist())
    # The company's own names first (not a name merged in by an alias), then names the
    # statements print as the merchant before intermediary-wrapped ones, then by use.
    return sorted(
        counts, key=lambda n: (table.grouping.get(n, n) != key, n not in merchants, -counts[n], n)
    )


_LEGAL = ("有限公司", "有限责任公司", "股份公司", "Ltd", "Limited", "Inc", "LLC", "GmbH")


def _legal_name(names: list[str]) -> str | None:
    legal = [
        n
        for n in names
        if any(m.lower() in n.lower() for m in _LEGAL)
        and not n.startswith(("支付宝-", "财付通-", "支付宝－", "财付通－"))
    ]
    return max(legal, key=len) if legal else None


def find(cases: list[Case], text: str) -> list[Case]:
    """The cases that ``text`` names: an exact name or id first, else every partial match."""
    needle = text.strip().casefold()
    exact = [c for c in cases if needle in {n.casefold() for n in (*c.names, c.key, c.id)}]
    return exact or [c for c in cases if c.matches(text)]


def log_by_case(entries: list[tuple], attachments: list[tuple]) -> dict[str, list[LogEntry]]:
    """Workspace rows of case_entries and attachments -> log entries per case key."""
    files: dict[int, list[Attachment]] = {}
    for attachment_id, entry_id, name, sha256, size in attachments:
        files.setdefault(int(entry_id), []).append(
            Attachment(int(attachment_id), name, sha256, int(size))
        )
    found: dict[str, list[LogEntry]] = {}
    for entry_id, key, kind, recorded, on, channel, ticket, summary, outcome, message in entries:
        try:
            parsed = Channel(channel) if channel else None
        except ValueError:
            parsed = Channel.OTHER
        found.setdefault(key, []).append(
            LogEntry(
                int(entry_id),
                kind,
                recorded,
                date.fromisoformat(on[:10]),
                parsed,
                ticket,
                summary,
                outcome,
                files.get(int(entry_id), []),
                message,
            )
        )
    return found


def money_total(totals: dict[str, Totals], lang: str = "zh") -> str:
    """'¥5,274.00' (several currencies joined by '；' in Chinese, '; ' in English)."""
    from ..i18n import amounts_separator

    return amounts_separator(lang).join(format_amount(t.paid, c) for c, t in totals.items())


__all__ = [
    "Attachment",
    "Case",
    "Charge",
    "LogEntry",
    "Totals",
    "build_cases",
    "find",
    "log_by_case",
    "money_total",
    "totals_of",
]
