"""Public detection API: ledger rows + user decisions -> streams, flags and explanations.

``scan(rows, settings)`` returns the JSON contract of ``qiake-auditor scan --json`` as
a plain dict. Candidate generation is vectorised over the whole ledger (merchant keys,
masks, group counts); Python only loops over the charges of merchants that have at
least two charges or a renewal keyword. ``as_of`` defaults to the latest transaction
date in the rows, so a scan of an old export judges status as of its own end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from .. import ledger
from . import candidates, explain, flags, normalize, streams
from .columns import column
from .prepare import display_names, per_value, prepare
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

    List/dict/set overrides are added to the stored values; scalars replace them.
    """
    cancelled = {}
    for name, value in workspace.decisions("cancelled").items():
        try:
            cancelled[name] = date.fromisoformat(value[:10])
        except ValueError:
            continue
    watch = list(workspace.decisions("watch")) or list(DEFAULT_WATCH)
    settings = ScanSettings(
        watch=watch, cancellations=cancelled, aliases=workspace.decisions("alias"),
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
    frame: pd.DataFrame  # prepared rows
    streams: list[Stream]
    stream_dicts: list[dict]
    flagged: list[dict]

    def transactions(self) -> pd.DataFrame:
        out = self.frame[list(TRANSACTION_COLUMNS)].copy()
        out["counted"] = self.frame["_counted"]
        return out


def scan(rows: pd.DataFrame, settings: ScanSettings | None = None) -> dict:
    """The scan contract as a json.dumps-able dict."""
    result = run(rows, settings or ScanSettings())
    return {"as_of": result.as_of.isoformat(),
            "transactions": result.transactions().to_dict("records"),
            "streams": result.stream_dicts, "flagged": result.flagged}


def run(rows: pd.DataFrame, settings: ScanSettings) -> ScanResult:
    frame = prepare(rows, settings.aliases)
    valid_day = frame["_day"] > -10**6
    if settings.as_of is not None:
        as_of = settings.as_of
    elif valid_day.any():
        as_of = day_of(int(frame.loc[valid_day, "_day"].max()))
    else:
        as_of = date.today()
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
    income = (base & (frame["direction"] == ledger.INCOME) & (frame["state"] == ledger.SUCCESS)
              & ~refund_like & ~refund_word)
    failed = (base & (frame["direction"] == ledger.EXPENSE) & ~spent
              & frame["state"].isin([ledger.CLOSED, ledger.FAILED]))
    refunds = np.flatnonzero((refund_like | ((frame["direction"] == ledger.INCOME)
                                             & refund_word)).to_numpy())
    found: list[Stream] = []
    failed_groups = _groups(frame, failed.to_numpy())
    # Neutral rows (花呗还款, transfers to 余额宝 ...) can recur too; they become transfers.
    neutral = (base & (frame["direction"] == ledger.NEUTRAL) & (frame["state"] == ledger.SUCCESS)
               & ~refund_like & ~refund_word)
    for direction, mask in ((ledger.EXPENSE, expense), (ledger.INCOME, income),
                            (ledger.NEUTRAL, neutral)):
        found += _detect(frame, mask.to_numpy(), direction, failed_groups)
    streams.attach_refunds(found, refunds, frame)
    watch = flags.watch_mask(frame, settings.watch)
    kept = _finish(found, frame, settings, as_of, watch)
    dicts = [_stream_dict(s, frame, settings.lang) for s in kept]
    flagged = _flagged(kept, frame, settings, watch, expense | fee)
    return ScanResult(as_of, frame, kept, dicts, flagged)


def _groups(frame: pd.DataFrame, mask: np.ndarray) -> dict[int, np.ndarray]:
    """Merchant-and-currency group -> frame positions in date order, for the masked rows."""
    pos = np.flatnonzero(mask)
    if not len(pos):
        return {}
    group = column(frame, "_group")[pos]
    order = np.lexsort((pos, column(frame, "_day")[pos], group))
    pos, group = pos[order], group[order]
    cuts = np.flatnonzero(np.diff(group)) + 1
    starts, ends = np.r_[0, cuts], np.r_[cuts, len(pos)]
    return {int(group[a]): pos[a:b] for a, b in zip(starts, ends, strict=True)}


def _detect(frame: pd.DataFrame, mask: np.ndarray, direction: str,
            failed_groups: dict) -> list[Stream]:
    """Streams of one direction: per merchant group with >= 2 charges or a keyword."""
    keyword = mask & column(frame, "_auto")
    text = frame["description"]
    group = column(frame, "_group")
    counts = np.bincount(group[mask], minlength=int(group.max()) + 1 if len(group) else 0)
    wanted = counts >= 2
    wanted[group[keyword]] = True
    keep = mask & wanted[group]
    keys = column(frame, "_key")
    currencies = column(frame, "currency")
    days_all = frame["_day"].to_numpy()
    cents_all = frame["_cents"].to_numpy()
    extra_all = np.where(frame["_wallet"].to_numpy(), 0, 2)
    out: list[Stream] = []
    for gid, pos in _groups(frame, keep).items():
        key, currency = str(keys[pos[0]]), str(currencies[pos[0]])
        catalogued = normalize.catalogue_entry(key) is not None
        units = [candidates.keyword_cadence(t) if k else "" for t, k in
                 zip(text.iloc[pos].tolist(), keyword[pos], strict=True)] if keyword[pos].any() \
            else None
        drafts = candidates.find(days_all[pos], cents_all[pos], extra_all[pos], keyword[pos],
                                 catalogued, units, strict=direction != ledger.EXPENSE)
        made = [streams.build(d, pos, days_all[pos], cents_all[pos], extra_all[pos], key,
                              currency, direction) for d in drafts]
        for stream in made:
            streams.price_segments(stream, cents_all)
        if direction == ledger.EXPENSE and gid in failed_groups and made:
            streams.attach_failed(made, failed_groups[gid], frame)
        out += made
    return out


def _finish(found: list[Stream], frame: pd.DataFrame, settings: ScanSettings, as_of: date,
            watch: np.ndarray) -> list[Stream]:
    cents = frame["_cents"].to_numpy()
    days = frame["_day"].to_numpy()
    first_by_key = frame.loc[frame["_key"] != ""].groupby("_key")["_day"].min().to_dict()
    ledger_first = int(days[days > -10**6].min()) if len(days) else 0
    kept = []
    for stream in found:
        kind = flags.classify(stream, frame)
        if kind is None:
            continue
        stream.type = kind
        stream.id = streams.stream_id(stream, cents)
        if stream.id in settings.dismissed:
            continue
        cancelled = flags.cancellation_for(stream.key, settings.cancellations,
                                           settings.aliases)
        streams.schedule(stream, frame, as_of, settings.notice_days, cancelled)
        flags.charge_flags(stream, frame, watch, first_by_key, ledger_first)
        flags.assign_causes(stream, frame, settings.org_methods)
        _confidence(stream)
        kept.append(stream)
    kept.sort(key=lambda s: (SEVERITY_RANK[severity(s.flags)], -int(cents[s.members].sum()),
                             s.id))
    return kept


HIGH = {"after_cancellation"}
MEDIUM = {"duplicate_charge", "price_increase", "trial_conversion", "refund_partial",
          "unusual_amount", "overdue"}
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2, "none": 3}


def severity(stream_flags: set[str]) -> str:
    """high: charged after the user cancelled; medium: money taken in an odd way;
    low: only watched or new; none."""
    if stream_flags & HIGH:
        return "high"
    if stream_flags & MEDIUM:
        return "medium"
    return "low" if stream_flags else "none"


def _confidence(stream: Stream) -> None:
    fit = stream.fit
    reasons = []
    if fit is None or len(stream.members) < 2:
        score = 0.3
        reasons.append("one charge whose description says it renews automatically")
    else:
        hits = fit.hits
        spread = float(np.abs(fit.residuals[fit.inlier]).mean()) / max(fit.tolerance, 1)
        score = 0.35 + 0.07 * min(hits, 6) + 0.13 * (1 - min(spread, 1.0))
        reasons.append(f"{hits} charges on a {stream.cadence} schedule")
        reasons.append(f"mean distance from the schedule {spread * fit.tolerance:.1f} days")
        if fit.missed:
            score -= min(0.05 * len(fit.missed), 0.15)
            reasons.append(f"{len(fit.missed)} missed cycle(s)")
        if stream.variable:
            score -= 0.05
            reasons.append("amount varies (usage-based)")
    if stream.keyword:
        score += 0.05
        reasons.append("renewal keyword or catalogued merchant")
    stream.confidence = round(float(min(max(score, 0.05), 0.99)), 2)
    stream.reasons = reasons


def _stream_dict(stream: Stream, frame: pd.DataFrame, lang: str) -> dict:
    cents = frame["_cents"].to_numpy()
    days = frame["_day"].to_numpy()
    printed = display_names(frame, stream.members).value_counts()
    display = str(printed.index[0]) if len(printed) else stream.key
    total = int(cents[stream.members].sum())
    refunded = sum(int(cents[r].sum()) for r in stream.refunds.values())
    refunded += sum(int(cents[m]) for m in stream.members
                    if frame["state"].iat[m] == ledger.REFUNDED and m not in stream.refunds)
    net = total - refunded
    zh, en = explain.texts(stream, frame, display, total, net)
    level = stream.segments[-1].cents if stream.segments else int(cents[stream.members[-1]])
    charges = _charges(stream, frame)
    return {
        "id": stream.id, "merchant": display, "names": [str(n) for n in printed.index],
        "type": stream.type, "cadence": stream.cadence, "currency": stream.currency,
        "amount": _amount(level), "count": len(stream.members), "total": _amount(total),
        "net_total": _amount(net),
        "first_date": day_of(days[stream.members[0]]).isoformat(),
        "last_date": day_of(days[stream.members[-1]]).isoformat(),
        "next_expected": stream.next_expected.isoformat() if stream.next_expected else None,
        "status": stream.status, "confidence": stream.confidence,
        "flags": sorted(stream.flags),
        "explanation": zh if lang == "zh" else en,
        "charges": charges,
        "explanation_zh": zh, "explanation_en": en,
        "merchant_key": stream.key, "direction": stream.direction,
        "anchor": (explain.cad.describe_anchor(stream.fit, lang) if stream.fit else None),
        "next_window_days": stream.window if stream.next_expected else None,
        "cancel_by": stream.cancel_by.isoformat() if stream.cancel_by else None,
        "cancelled_on": stream.cancelled_on.isoformat() if stream.cancelled_on else None,
        "variable": stream.variable,
        "price_history": [{"from": day_of(days[s.start]).isoformat(), "amount": _amount(s.cents),
                           "count": s.count, "low": _amount(s.low), "high": _amount(s.high)}
                          for s in stream.segments],
        "reasons": stream.reasons,
        "missed": len(stream.fit.missed) if stream.fit else 0,
        "severity": severity(stream.flags),
    }


def _charges(stream: Stream, frame: pd.DataFrame) -> list[dict]:
    roles: dict[int, str] = {m: "charge" for m in stream.members}
    roles.update({m: "trial" for m in stream.intro})
    roles.update({m: "proration" for m in stream.proration})
    roles.update({m: "duplicate" for m in stream.duplicates})
    for failed in stream.retries.values():
        roles.update({f: "retry" for f in failed})
    roles.update({f: "failed" for f in stream.failed})
    for refunds in stream.refunds.values():
        roles.update({r: "refund" for r in refunds})
    out = []
    for pos in sorted(roles, key=lambda p: (frame["_day"].iat[p], frame["time"].iat[p], p)):
        flags_here = sorted(stream.charge_flags.get(pos, ()))
        cause = stream.causes.get(pos)
        out.append(_row_ref(frame, pos) | {
            "date": day_of(frame["_day"].iat[pos]).isoformat(),
            "amount": frame["amount"].iat[pos], "state": frame["state"].iat[pos],
            "flags": flags_here, "cause": cause[0] if cause else None, "role": roles[pos],
            "cause_reason": cause[1] if cause else None,
        })
    return out


def _row_ref(frame: pd.DataFrame, pos: int) -> dict:
    txn = column(frame, "txn_id")[pos]
    return {"source": column(frame, "source")[pos],
            "source_row": int(column(frame, "source_row")[pos]),
            "txn_id": txn or None, "row_id": int(column(frame, "row_id")[pos]),
            "dedup_key": column(frame, "dedup_key")[pos]}


def _flagged(kept: list[Stream], frame: pd.DataFrame, settings: ScanSettings,
             watch: np.ndarray, spending: pd.Series) -> list[dict]:
    """Every flagged row: stream charges, then watchlist / after-cancellation rows outside."""
    out: dict[int, dict] = {}
    for stream in kept:
        for pos, fl in stream.charge_flags.items():
            cause = stream.causes.get(pos)
            out[pos] = _row_ref(frame, pos) | {"flags": sorted(fl),
                                               "cause": cause[0] if cause else None,
                                               "stream": stream.id}
    days = column(frame, "_day")
    loose = spending.to_numpy() & column(frame, "_counted")
    loose[list(out)] = False
    late = np.zeros(len(frame), dtype=bool)
    if settings.cancellations:
        limits = per_value(frame["_key"], lambda u: np.array([
            _limit(flags.cancellation_for(str(k), settings.cancellations, settings.aliases))
            for k in u], dtype="int64"))
        late = days > limits
    watched, late = loose & watch, loose & late
    extra = np.flatnonzero(watched | late)
    if len(extra):
        rows = frame[["source", "source_row", "txn_id", "row_id", "dedup_key", "method",
                      "description"]].iloc[extra]
        org = np.zeros(len(extra), dtype=bool)
        words = [w for w in settings.org_methods if w]
        if words:
            org = rows["method"].str.contains("|".join(map(re.escape, words))).to_numpy()
        auto = rows["description"].str.contains(candidates.AUTO_RENEW).to_numpy()
        causes = np.where(org, "organisation_purchase",
                          np.where(auto, "auto_renewal", "new_purchase_or_upgrade"))
        columns = zip(extra.tolist(), rows["source"].tolist(), rows["source_row"].tolist(),
                      rows["txn_id"].tolist(), rows["row_id"].tolist(),
                      rows["dedup_key"].tolist(), causes.tolist(), strict=True)
        for pos, source, source_row, txn, row_id, key, cause in columns:
            fl = ["after_cancellation"] * bool(late[pos]) + ["watchlist"] * bool(watched[pos])
            out[pos] = {"source": source, "source_row": source_row, "txn_id": txn or None,
                        "row_id": row_id, "dedup_key": key, "flags": fl, "cause": cause,
                        "stream": None}
    return [out[p] for p in sorted(out, key=lambda p: (days[p], p))]


def _limit(when: date | None) -> int:
    return 10**9 if when is None else (when - streams.cad.EPOCH).days


def _amount(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(int(cents))
    return f"{sign}{cents // 100}.{cents % 100:02d}"
