"""The scan result as plain data: stream records, their charges, and flagged rows.

Every record names its ledger row (source + source_row, row_id, dedup_key), so any
number in a table, chart or letter traces back to the statement line it came from.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import numpy as np
import pandas as pd

from .. import ledger
from ..money import cents_text
from . import candidates, explain, flags, streams
from .columns import ScanRows
from .flagged import FlaggedRows, Vocabulary
from .prepare import display_names, per_value
from .streams import Stream, day_of

HIGH = {"after_cancellation"}
MEDIUM = {
    "duplicate_charge",
    "price_increase",
    "trial_conversion",
    "refund_partial",
    "unusual_amount",
    "overdue",
}
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2, "none": 3}


def severity(stream_flags: set[str]) -> str:
    """high: charged after the user cancelled; medium: money taken in an odd way;
    low: only watched or new; none."""
    if stream_flags & HIGH:
        return "high"
    if stream_flags & MEDIUM:
        return "medium"
    return "low" if stream_flags else "none"


def stream_dict(stream: Stream, rows: ScanRows, lang: str) -> dict:
    cents = rows["_cents"]
    days = rows["_day"]
    printed = [name for name, _ in Counter(display_names(rows, stream.members)).most_common()]
    display = printed[0] if printed else stream.key
    total = int(cents[stream.members].sum())
    refunded = sum(int(cents[r].sum()) for r in stream.refunds.values())
    states = rows["state"][stream.members]
    refunded += sum(
        int(cents[m])
        for m, state in zip(stream.members, states, strict=True)
        if state == ledger.REFUNDED and m not in stream.refunds
    )
    net = total - refunded
    zh, en = explain.texts(stream, rows, display, total, net)
    level = stream.segments[-1].cents if stream.segments else int(cents[stream.members[-1]])
    charges = _charges(stream, rows)
    return {
        "id": stream.id,
        "merchant": display,
        "names": printed,
        "type": stream.type,
        "cadence": stream.cadence,
        "currency": stream.currency,
        "amount": cents_text(level),
        "count": len(stream.members),
        "total": cents_text(total),
        "net_total": cents_text(net),
        "first_date": day_of(days[stream.members[0]]).isoformat(),
        "last_date": day_of(days[stream.members[-1]]).isoformat(),
        "next_expected": stream.next_expected.isoformat() if stream.next_expected else None,
        "status": stream.status,
        "confidence": stream.confidence,
        "flags": sorted(stream.flags),
        "explanation": zh if lang == "zh" else en,
        "charges": charges,
        "explanation_zh": zh,
        "explanation_en": en,
        "merchant_key": stream.key,
        "direction": stream.direction,
        "anchor": (explain.cad.describe_anchor(stream.fit, lang) if stream.fit else None),
        "next_window_days": stream.window if stream.next_expected or stream.due else None,
        "due": stream.due.isoformat() if stream.due else None,
        "cancel_by": stream.cancel_by.isoformat() if stream.cancel_by else None,
        "cancelled_on": stream.cancelled_on.isoformat() if stream.cancelled_on else None,
        "variable": stream.variable,
        "price_history": [
            {
                "from": day_of(days[s.start]).isoformat(),
                "amount": cents_text(s.cents),
                "count": s.count,
                "low": cents_text(s.low),
                "high": cents_text(s.high),
            }
            for s in stream.segments
        ],
        "reasons": stream.reasons,
        "missed": len(stream.fit.missed) if stream.fit else 0,
        "missed_dates": (
            [stream.fit.expected(slot).isoformat() for slot in stream.fit.missed]
            if stream.fit
            else []
        ),
        "severity": severity(stream.flags),
        "usage": usage_summary(stream, rows) if stream.variable else None,
    }


def usage_summary(stream: Stream, rows: ScanRows) -> dict:
    """A usage-priced stream: range, median, mean per cycle and the trend of its amounts."""
    cents = rows["_cents"]
    values = cents[stream.regular or stream.members]
    return {
        "low": cents_text(int(values.min())),
        "high": cents_text(int(values.max())),
        "median": cents_text(int(np.median(values))),
        "per_cycle": cents_text(round(float(values.mean()))),
        "trend": explain.trend(values).value,
    }


def _charges(stream: Stream, rows: ScanRows) -> list[dict]:
    roles: dict[int, str] = {m: "charge" for m in stream.members}
    roles.update({m: "trial" for m in stream.intro})
    roles.update({m: "proration" for m in stream.proration})
    roles.update({m: "duplicate" for m in stream.duplicates})
    for failed in stream.retries.values():
        roles.update({f: "retry" for f in failed})
    roles.update({f: "failed" for f in stream.failed})
    for refunds in stream.refunds.values():
        roles.update({r: "refund" for r in refunds})
    positions = np.fromiter(roles, dtype=np.int64, count=len(roles))
    days = rows["_day"][positions]
    times = rows["time"][positions]
    order = sorted(range(len(positions)), key=lambda i: (days[i], times[i], positions[i]))
    positions = positions[order]
    fields = {
        name: rows[name][positions]
        for name in (
            "source",
            "source_row",
            "txn_id",
            "row_id",
            "dedup_key",
            "amount",
            "state",
            "_day",
        )
    }
    out = []
    for i, pos in enumerate(positions.tolist()):
        cause = stream.causes.get(pos)
        txn = fields["txn_id"][i]
        out.append(
            {
                "source": fields["source"][i],
                "source_row": int(fields["source_row"][i]),
                "txn_id": txn or None,
                "row_id": int(fields["row_id"][i]),
                "dedup_key": fields["dedup_key"][i],
                "date": day_of(fields["_day"][i]).isoformat(),
                "amount": fields["amount"][i],
                "state": fields["state"][i],
                "flags": sorted(stream.charge_flags.get(pos, ())),
                "cause": cause[0] if cause else None,
                "role": roles[pos],
                "cause_reason": cause[1] if cause else None,
                "cause_reason_en": cause[2] if cause else None,
            }
        )
    return out


def flagged_rows(
    kept: list[Stream], rows: ScanRows, settings, watch: np.ndarray, spending: pd.Series
) -> FlaggedRows:
    """Every flagged row: stream charges, then watchlist / after-cancellation rows outside,
    in (day, position) order; the rows outside streams are worked out as columns."""
    flag_sets, causes = Vocabulary(), Vocabulary()
    chosen: dict[int, tuple[int, int, int]] = {}  # position -> stream, flags, cause
    for index, stream in enumerate(kept):
        for pos, fl in stream.charge_flags.items():
            cause = stream.causes.get(pos)
            chosen[pos] = (
                index,
                flag_sets.code(tuple(sorted(fl))),
                causes.code(cause[0] if cause else None),
            )
    days = rows["_day"]
    loose = spending.to_numpy() & rows["_counted"]
    in_streams = np.fromiter(chosen, dtype=np.int64, count=len(chosen))
    loose[in_streams] = False
    late = np.zeros(len(rows), dtype=bool)
    if settings.cancellations:
        limits = per_value(
            rows.frame["_key"],
            lambda u: np.array(
                [
                    _limit(flags.cancellation_for(str(k), settings.cancellations, settings.aliases))
                    for k in u
                ],
                dtype="int64",
            ),
            np.int64,
        )
        late = days > limits
    watched, late = loose & watch, loose & late
    extra = np.flatnonzero(watched | late)
    extra_flags = extra_causes = np.zeros(0, dtype=np.int64)
    if len(extra):
        picked = rows.frame[["method", "description"]].iloc[extra]
        org = np.zeros(len(extra), dtype=bool)
        words = [w for w in settings.org_methods if w]
        if words:
            org = picked["method"].str.contains("|".join(map(re.escape, words))).to_numpy()
        org |= picked["method"].str.contains(flags.COMPANY_ACCOUNT).to_numpy()
        auto = picked["description"].str.contains(candidates.AUTO_RENEW).to_numpy()
        named = [causes.code(c) for c in _EXTRA_CAUSES]  # organisation, renewal, purchase
        extra_causes = np.where(org, named[0], np.where(auto, named[1], named[2]))
        sets = [flag_sets.code(f) for f in _EXTRA_FLAGS]  # late+watched, late, watched
        is_late = late[extra]
        extra_flags = np.where(
            is_late & watched[extra], sets[0], np.where(is_late, sets[1], sets[2])
        )
    picked_streams = np.array([v[0] for v in chosen.values()], dtype=np.int64)
    positions = np.concatenate([in_streams, extra])
    order = np.lexsort((positions, np.asarray(days)[positions]))
    return FlaggedRows(
        rows,
        positions[order],
        np.concatenate([picked_streams, np.full(len(extra), -1, dtype=np.int64)])[order],
        [s.id for s in kept],
        np.concatenate([np.array([v[1] for v in chosen.values()], dtype=np.int64), extra_flags])[
            order
        ],
        flag_sets.values(),
        np.concatenate([np.array([v[2] for v in chosen.values()], dtype=np.int64), extra_causes])[
            order
        ],
        causes.values(),
    )


_EXTRA_CAUSES = ("organisation_purchase", "auto_renewal", "new_purchase_or_upgrade")
_EXTRA_FLAGS = (("after_cancellation", "watchlist"), ("after_cancellation",), ("watchlist",))


def _limit(when: date | None) -> int:
    return 10**9 if when is None else (when - streams.cad.EPOCH).days
