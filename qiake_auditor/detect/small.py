"""Statistics on the few values of one merchant or one stream.

Detection asks for thousands of medians of a few dozen amounts or gaps; numpy's
per-call cost there is ten times the work itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def median(values: np.ndarray | Sequence[int | float]) -> float:
    """What ``np.median`` gives (the mean of the middle two for an even count)."""
    ordered = sorted(values.tolist() if isinstance(values, np.ndarray) else values)
    if not ordered:
        raise ValueError("the median of no values")
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2
