"""Public detection API: ledger rows + user decisions -> streams, flags and explanations.

``scan(rows, settings)`` returns the JSON contract of ``qiake-auditor scan --json`` as
a plain dict. Candidate generation is vectorised over the whole ledger (merchant keys,
masks, group counts); Python only loops over the charges of merchants that have at
least two charges or a renewal keyword. ``as_of`` defaults to the latest transaction
date in the rows, so a scan of an old export judges status as of its own end; given,
the rows dated after it are left out (the scan sees what an export of that day held).

Besides the keys of the contract, each stream carries: ``explanation_zh`` /
``explanation_en``, ``anchor`` (the rule in words), ``next_window_days``, ``due`` (a
scheduled charge that has not come by the as-of date: ``next_expected`` is never a
passed day, and is None for a cancelled stream), ``cancel_by`` (annual/semiannual
renewal minus the notice period, not before the as-of date), ``cancelled_on``,
``price_history`` [{from, amount, count, low, high}], ``variable`` (usage-priced),
``reasons`` (for the confidence), ``missed`` (cycles without a charge),
``missed_dates`` (the days they were due), ``severity``
(high: charged after a cancellation; medium: odd charges; low: watched/new; none),
``merchant_key`` and ``direction``. Each charge also has ``role`` (charge, trial,
proration, duplicate, retry, failed, refund), ``row_id``, ``dedup_key`` and
``cause_reason`` / ``cause_reason_en``; transactions have ``counted`` (False for the
second copy of a payment seen in a wallet and a bank export); flagged rows name their
``stream``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from .. import ledger
from ..progress import step
from ..vocab import NOT_CHARGES
from . import candidates, flags, normalize, report, streams
from .columns import ScanRows
from .flagged import FlaggedRows
from .prepare import prepare
from .streams import Stream, day_of

DEFAULT_WATCH = ("洽客",)
TRANSACTION_COLUMNS = ("row_id", "dedup_key", *ledger.LEDGER_COLUMNS, "refund_of")
_SPENT = ledger.MONEY_MOVED_STATES - {ledger.REFUND}


@dataclass
class ScanSettings:
    as_of: date | None = None
    watch: list[str] = field(default_factory=lambda: list(DEFAULT_WATCH))
    cancellations: dict[str, date] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    dismissed: set[str] = field(default_factory=set)
    org_methods: set[str] = field(default_factory=set)
    notice_days: int = 7
    lang: str = "zh"


def settings_from_workspace(workspace, **overrides) -> ScanSettings:
    """Stored decisions (kinds cancelled, alias, dismissed, watch, org_method) + overrides.

    Without any stored 'watch' decision the watchlist is the default ["洽客"].

    List/dict/set overrides are added to the stored values; scalars replace them.
    """
    cancelled = {}
    for name, value in workspace.decisions("cancelled").items():
        try:
            cancelled[name] = date.fromisoformat(value[:10])
        except ValueError:
            continue
    stored = workspace.decisions("watch")  # word -> "1"; "0" switches a word (洽客 too) off
    watch = (
        [w for w, v in stored.items() if v.strip().lower() not in ("0", "false", "off")]
        if stored
        else list(DEFAULT_WATCH)
    )
    settings = ScanSettings(
        watch=watch,
        cancellations=cancelled,
        aliases=workspace.decisions("alias"),
        dismissed=set(workspace.decisions("dismissed")),
        org_methods=set(workspace.decisions("org_method")),
    )
    for name, value in overrides.items():
        if value is None:
            continue
        current = getattr(settings, name)
        if isinstance(current, list):
            current.extend(v for v in value if v not in current)
        elif isinstance(current, (dict, set)):
            current.update(value)
        else:
            setattr(settings, name, value)
    return settings


@dataclass
class ScanResult:
    as_of: date
    rows: ScanRows  # the prepared rows, read by the streams' positions
    streams: list[Stream]
    stream_dicts: list[dict]
    flagged: FlaggedRows
    # flagged_charges and their merchant keys, worked out once: the cases and their
    # keys both ask.
    _charged: FlaggedRows | None = field(default=None, init=False, repr=False, compare=False)
    _charged_keys: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def frame(self) -> pd.DataFrame:
        return self.rows.frame

    def transactions(self) -> pd.DataFrame:
        return transaction_rows(self.frame)

    def flagged_charges(self) -> FlaggedRows:
        """The flagged rows that are charges a company took: what a case is made of.

        A watched word flags rows for the user's attention wherever it matches; the
        rows of income and transfer streams, and loose transfers (to a person, to the
        user's own accounts, repayments), stay flagged but are no company's charge.
        """
        if self._charged is None:
            self._charged = self._flagged_charges()
        return self._charged

    def flagged_charge_keys(self) -> list[str]:
        """The merchant keys of the flagged charges, each once, in the frame's order."""
        if self._charged_keys is None:
            positions = np.sort(self.flagged_charges().positions)
            found = self.frame["_key"].iloc[positions]
            self._charged_keys = [str(k) for k in found.unique() if k]
        return self._charged_keys

    def _flagged_charges(self) -> FlaggedRows:
        flagged = self.flagged
        charging = [
            index for index, stream in enumerate(self.streams) if stream.type not in NOT_CHARGES
        ]
        keep = np.isin(flagged.streams, np.array(charging, dtype=np.int64))
        loose = flagged.streams < 0
        if loose.any():
            loose[loose] = ~flags.not_charges(self.frame, flagged.positions[loose])
        return flagged.select(keep | loose)


def transaction_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The contract's transaction records of a prepared frame (a frame of their own)."""
    out = frame[list(TRANSACTION_COLUMNS)].copy()
    out["counted"] = frame["_counted"]
    return out


def scan(
    rows: pd.DataFrame,
    settings: ScanSettings | None = None,
    distinct_keys: bool = False,
    with_transactions: bool = True,
) -> dict:
    """The scan contract as a json.dumps-able dict (``distinct_keys``: see run).

    ``with_transactions=False``: "transactions" holds only their number. The window
    and the demo show streams; a million transaction records would take half a
    minute to build for nothing.
    """
    result = run(rows, settings or ScanSettings(), distinct_keys)
    return {
        "as_of": result.as_of.isoformat(),
        "transactions": (
            result.transactions().to_dict("records") if with_transactions else len(result.frame)
        ),
        "streams": result.stream_dicts,
        "flagged": list(result.flagged),
    }


def run(
    rows: pd.DataFrame,
    settings: ScanSettings,
    distinct_keys: bool = False,
    on_prepared: Callable[[date, pd.DataFrame], None] | None = None,
) -> ScanResult:
    """Streams, flags and explanations of ``rows``.

    ``distinct_keys``: no dedup key repeats in ``rows`` (true of workspace rows);
    otherwise repeated rows are dropped first. ``on_prepared`` is called with the
    as-of date and the transaction records as soon as they are known, before the
    detection proper (``scan --json`` writes them out meanwhile).
    """
    frame = prepare(rows, settings.aliases, distinct_keys, until=settings.as_of)
    prepared = ScanRows(frame)
    step(0.35)  # shares of a million-row bill's detection, as measured
    valid_day = frame["_day"] > -(10**6)
    if settings.as_of is not None:
        as_of = settings.as_of
    elif valid_day.any():
        as_of = day_of(int(frame.loc[valid_day, "_day"].max()))
    else:
        as_of = date.today()
    if on_prepared is not None:
        on_prepared(as_of, transaction_rows(frame))
    gifts = frame["_gift"]  # 红包 between people: never a plan
    refund_word = frame["_refund_word"]
    base = frame["_counted"] & (frame["_key"] != "") & valid_day & ~gifts
    refund_like = (frame["state"] == ledger.REFUND) | (frame["refund_of"] != "")
    # A purchase refunded in full shows as 交易关闭 in Alipay: a refund pointing at a
    # closed row proves the money moved.
    refunded = frame["dedup_key"].isin(set(frame["refund_of"].unique()) - {""})
    spent = frame["state"].isin(_SPENT) | (refunded & (frame["state"] == ledger.CLOSED))
    expense = base & (frame["direction"] == ledger.EXPENSE) & spent & ~refund_like
    fee = expense & frame["_fee"]
    expense &= ~fee
    income = (
        base
        & (frame["direction"] == ledger.INCOME)
        & (frame["state"] == ledger.SUCCESS)
        & ~refund_like
        & ~refund_word
    )
    failed = (
        base
        & (frame["direction"] == ledger.EXPENSE)
        & ~spent
        & frame["state"].isin([ledger.CLOSED, ledger.FAILED])
    )
    refunds = np.flatnonzero(
        (refund_like | ((frame["direction"] == ledger.INCOME) & refund_word)).to_numpy()
    )
    found: list[Stream] = []
    failed_groups = _groups(prepared, failed.to_numpy())
    # Neutral rows (花呗还款, transfers to 余额宝 ...) can recur too; they become transfers.
    neutral = (
        base
        & (frame["direction"] == ledger.NEUTRAL)
        & (frame["state"] == ledger.SUCCESS)
        & ~refund_like
        & ~refund_word
    )
    for direction, mask in (
        (ledger.EXPENSE, expense),
        (ledger.INCOME, income),
        (ledger.NEUTRAL, neutral),
    ):
        found += _detect(prepared, mask.to_numpy(), direction, failed_groups)
    step(0.6)
    if found:  # the rows every report below reads
        prepared.focus(np.concatenate([s.members for s in found]))
    streams.attach_refunds(found, refunds, prepared)
    watch = flags.watch_mask(frame, settings.watch)
    kept = _finish(found, prepared, settings, as_of, watch)
    step(0.7)
    dicts = [report.stream_dict(s, prepared, settings.lang) for s in kept]
    step(0.78)
    flagged = report.flagged_rows(kept, prepared, settings, watch, expense | fee)
    return ScanResult(as_of, prepared, kept, dicts, flagged)


def _groups(rows: ScanRows, mask: np.ndarray) -> dict[int, np.ndarray]:
    """Merchant-and-currency group -> frame positions in date order, for the masked rows."""
    pos = np.flatnonzero(mask)
    if not len(pos):
        return {}
    group = rows["_group"][pos]
    order = np.lexsort((pos, rows["_day"][pos], group))
    pos, group = pos[order], group[order]
    cuts = np.flatnonzero(np.diff(group)) + 1
    starts, ends = np.r_[0, cuts], np.r_[cuts, len(pos)]
    return {int(group[a]): pos[a:b] for a, b in zip(starts, ends, strict=True)}


def _detect(rows: ScanRows, mask: np.ndarray, direction: str, failed_groups: dict) -> list[Stream]:
    """Streams of one direction: per merchant group with >= 2 charges or a keyword."""
    frame = rows.frame
    keyword = mask & rows["_auto"]
    text = frame["description"]
    group = np.asarray(frame["_group"].to_numpy())  # integer codes (no text column)
    counts = np.bincount(group[mask], minlength=int(group.max()) + 1 if len(group) else 0)
    wanted = counts >= 2
    wanted[group[keyword]] = True
    keep = mask & wanted[group]
    keys = rows["_key"]
    currencies = rows["currency"]
    descriptions = rows["description"]
    days_all = frame["_day"].to_numpy()
    cents_all = frame["_cents"].to_numpy()
    extra_all = np.where(frame["_wallet"].to_numpy(), 0, 2)
    groups = _groups(rows, keep)
    if not groups:
        return []
    # compared once, not per group (a 100,000-row group's states made 100,000 str)
    settled_all = (frame["state"] == ledger.SUCCESS).to_numpy()
    out: list[Stream] = []
    for gid, pos in groups.items():
        key, currency = str(keys[pos[0]]), str(currencies[pos[0]])
        catalogued = normalize.catalogue_entry(key) is not None
        units = None
        marked = np.flatnonzero(keyword[pos])
        if len(marked):  # the texts of the keyword rows only
            units = [""] * len(pos)
            for i, t in zip(marked.tolist(), descriptions[pos[marked]], strict=True):
                units[i] = candidates.keyword_cadence(t)
        items = None
        values = cents_all[pos]
        if (
            direction == ledger.EXPENSE  # only charges are searched for usage bills
            and len(pos) >= candidates.USAGE_CHARGES
            and values.std() > 0.25 * max(values.mean(), 1.0)
            and rows.may_repeat("description", pos, candidates.USAGE_CHARGES)
        ):
            # amounts too wide for one band: a usage bill may hide in it, found by its item
            items = pd.factorize(text.iloc[pos])[0]
        drafts = candidates.find(
            days_all[pos],
            cents_all[pos],
            extra_all[pos],
            keyword[pos],
            catalogued,
            units,
            strict=direction != ledger.EXPENSE,
            settled=settled_all[pos],
            items=items,
        )
        made = [
            streams.build(
                d, pos, days_all[pos], cents_all[pos], extra_all[pos], key, currency, direction
            )
            for d in drafts
        ]
        for stream in made:
            streams.price_segments(stream, cents_all)
        if direction == ledger.EXPENSE and gid in failed_groups and made:
            streams.attach_failed(made, failed_groups[gid], rows)
        out += made
    return out


def _finish(
    found: list[Stream], rows: ScanRows, settings: ScanSettings, as_of: date, watch: np.ndarray
) -> list[Stream]:
    frame = rows.frame
    cents = frame["_cents"].to_numpy()
    days = frame["_day"].to_numpy()
    first_by_key = frame.loc[frame["_key"] != ""].groupby("_key")["_day"].min().to_dict()
    ledger_first = int(days[days > -(10**6)].min()) if len(days) else 0
    typed = []
    for stream in found:
        kind = flags.classify(stream, rows)
        if kind is not None:
            stream.type = kind
            if kind != "subscription" and stream.intro:
                stream.intro = []  # a small first repayment or bill is no trial
                streams.price_segments(stream, cents)
            stream.id = streams.stream_id(stream, cents)
            typed.append(stream)
    shared = {i for i, n in Counter(s.id for s in typed).items() if n > 1}
    kept = []
    for stream in typed:
        if stream.id in shared:
            stream.id = streams.stream_id(stream, cents, with_anchor=True)
        if stream.id in settings.dismissed:
            continue
        cancelled = flags.cancellation_for(stream.key, settings.cancellations, settings.aliases)
        streams.schedule(stream, rows, as_of, settings.notice_days, cancelled)
        flags.charge_flags(stream, rows, watch, first_by_key, ledger_first)
        flags.assign_causes(stream, rows, settings.org_methods)
        streams.confidence(stream)
        kept.append(stream)
    kept.sort(
        key=lambda s: (
            report.SEVERITY_RANK[report.severity(s.flags)],
            -int(cents[s.members].sum()),
            s.id,
        )
    )
    return kept
