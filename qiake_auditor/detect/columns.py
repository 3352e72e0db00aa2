"""Column arrays of a frame, fetched once: per-row ``frame[col].iat[i]`` costs a
DataFrame lookup each time, which dominates a scan that reports thousands of rows."""

from __future__ import annotations

import weakref

import numpy as np
import pandas as pd

_CACHE: dict[tuple[int, str], tuple[weakref.ref, np.ndarray]] = {}


def column(frame: pd.DataFrame, name: str) -> np.ndarray:
    """``frame[name].to_numpy()``, cached for as long as the frame lives."""
    key = (id(frame), name)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is frame and len(hit[1]) == len(frame):
        return hit[1]
    values = frame[name].to_numpy()
    _CACHE[key] = (weakref.ref(frame, lambda _ref, key=key: _CACHE.pop(key, None)), values)
    return values
