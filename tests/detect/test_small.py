"""The plain-Python median gives numpy's answers."""

from __future__ import annotations

import numpy as np
import pytest

from qiake_auditor.detect.small import median


@pytest.mark.parametrize("size", [1, 2, 3, 4, 7, 48, 49])
def test_median_equals_numpy(size: int) -> None:
    rng = np.random.default_rng(size)
    for _ in range(50):
        cents = rng.integers(0, 10**9, size)
        assert median(cents) == np.median(cents)
        assert median(cents.tolist()) == np.median(cents)
        days = rng.normal(30, 5, size)
        assert median(days) == np.median(days)


def test_median_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError):
        median([])
